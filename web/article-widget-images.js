// The article's images for the widget's WebAssembly module (an Emscripten --js-library): the browser fetches and
// decodes each image a widget of the module asks for (an <img> with crossOrigin "anonymous", then Canvas 2D), scales it down to
// the module's texture limits when larger, and hands its RGBA pixels to the module, which makes an ImGui texture of
// them (src/ui/image_cache.h). Only sources the module allows reach here (relative, http, https, data:image/*),
// already resolved against the article's URL. A cross-origin image needs CORS, as every WebGL texture does;
// without it the image fails and is drawn as its alt text in a frame.
/* global mergeInto, LibraryManager, HEAPU8, UTF8ToString, _aw_alloc, _aw_free, _aw_image_deliver, _aw_image_failed */

mergeInto(LibraryManager.library, {
  $AwImages: {
    load: function (widget, index, url, side, maxBytes) {
      const img = new Image();
      img.crossOrigin = 'anonymous';
      img.decoding = 'async';
      img.src = url;
      img.decode().then(() => {
        const w = img.naturalWidth, h = img.naturalHeight;
        if (!w || !h) throw new Error('no intrinsic size');
        // The same fit as FitImageTexture (src/ui/image_cache.cpp), to the limits the module sent with the request.
        let scale = Math.min(1, side / Math.max(w, h));
        const bytes = w * h * 4 * scale * scale;
        if (bytes > maxBytes) scale *= Math.sqrt(maxBytes / bytes);
        const tw = Math.max(1, Math.floor(w * scale)), th = Math.max(1, Math.floor(h * scale));
        const canvas = document.createElement('canvas');
        canvas.width = tw;
        canvas.height = th;
        const ctx = canvas.getContext('2d', { willReadFrequently: true });
        ctx.drawImage(img, 0, 0, tw, th);
        const pixels = ctx.getImageData(0, 0, tw, th).data;
        const ptr = _aw_alloc(pixels.length);
        HEAPU8.set(pixels, ptr);   // HEAPU8 after the allocation: memory may have grown
        try { _aw_image_deliver(widget, index, ptr, tw, th, w, h); } finally { _aw_free(ptr); }
      }).catch(() => _aw_image_failed(widget, index));
    },
  },
  aw_js_request_image__deps: ['$AwImages'],
  aw_js_request_image: function (widget, index, url, side, maxBytes) { AwImages.load(widget, index, UTF8ToString(url), side, maxBytes); },
});
