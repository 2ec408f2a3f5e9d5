// The browser's own text engine for the article widget's WebAssembly module (an Emscripten --js-library):
// metrics and glyphs from Canvas 2D in the configured CSS font stacks. Glyphs a frame needs are drawn
// into one canvas and read back once (per-glyph readbacks cost ~240 µs each); words the browser must
// shape (right-to-left and joined scripts, emoji sequences) are drawn whole, straight into a WebGL
// texture, never through WebAssembly memory.
// [SECTION] state and canvases  [SECTION] faces and metrics  [SECTION] glyph batches  [SECTION] shaped runs
// [SECTION] coverage  [SECTION] start and stop
/* global mergeInto, LibraryManager, Module, GL, GLctx, HEAP32, HEAPU32, HEAPF32, HEAPU8, UTF8ToString, stringToUTF8, _aw_fonts_changed */

mergeInto(LibraryManager.library, {
  // [SECTION] state and canvases ---------------------------------------------------------
  $AwText__postset: 'AwText.start();',
  $AwText: {
    faces: [],          // by face index: {family, weight, italic, size}
    scratch: null,      // the glyph-batch canvas
    runs: null,         // the mirror of the shaped-run texture (same layout, RGBA)
    staged: null,       // the last glyph batch's coverage, until the module takes it
    listeners: [],

    // A 2D context that is read back: OffscreenCanvas where there is one; never attached to the page.
    canvas2d: function (width, height) {
      const canvas = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(width, height)
        : Object.assign(document.createElement('canvas'), { width, height });
      const ctx = canvas.getContext('2d', { willReadFrequently: true });
      return { canvas, ctx };
    },
    grow: function (surface, width, height) {
      // Growing clears a canvas and resets its context, so callers set their state after this.
      if (surface.canvas.width < width) surface.canvas.width = width;
      if (surface.canvas.height < height) surface.canvas.height = height;
    },

    // [SECTION] faces and metrics --------------------------------------------------------------
    // A CSS font shorthand for a face at `density` device pixels per CSS px.
    font: function (face, density) {
      const f = AwText.faces[face];
      return (f.italic ? 'italic ' : '') + f.weight + ' ' + (f.size * density) + 'px ' + f.family;
    },
    measurer: function (face) {
      if (!AwText.scratch) AwText.scratch = AwText.canvas2d(1024, 64);
      const ctx = AwText.scratch.ctx;
      const font = AwText.font(face, 1);
      if (ctx.font !== font) ctx.font = font;
      ctx.direction = 'ltr';
      return ctx;
    },
    defaults: function () {
      const d = Module['textDefaults'] || {};
      return [d.body || 'serif', d.heading || d.body || 'sans-serif', d.code || 'monospace'];
    },

    // [SECTION] start and stop ----------------------------------------------------------------------
    // Fonts are slow the first time a family is used (a cold load): start while the module downloads.
    // Web fonts the host declares are used once loaded; then every glyph is made again.
    start: function () {
      if (typeof document === 'undefined') return;
      const families = AwText.defaults();
      const warm = AwText.canvas2d(8, 8).ctx;
      for (const family of families) {
        for (const style of ['400 16px ', '700 16px ', 'italic 400 16px ']) {
          warm.font = style + family;
          warm.measureText('Hg');
          if (document.fonts && document.fonts.load) document.fonts.load(style + family).catch(() => {});
        }
      }
      if (document.fonts && document.fonts.addEventListener) {
        const loaded = (event) => {
          const used = AwText.faces.map((f) => f.family.toLowerCase()).join(',');
          if (!event.fontfaces || event.fontfaces.some((face) => used.includes(face.family.replace(/["']/g, '').toLowerCase()))) {
            if (typeof _aw_fonts_changed === 'function') _aw_fonts_changed();
          }
        };
        document.fonts.addEventListener('loadingdone', loaded);
        AwText.listeners.push(() => document.fonts.removeEventListener('loadingdone', loaded));
      }
    },
  },

  aw_text_default_family__deps: ['$AwText'],
  aw_text_default_family: function (which, out, capacity) {
    stringToUTF8(AwText.defaults()[which] || 'serif', out, capacity);
  },

  aw_text_set_face__deps: ['$AwText'],
  aw_text_set_face: function (face, family, weight, italic, size) {
    AwText.faces[face] = { family: UTF8ToString(family), weight, italic: !!italic, size };
  },

  // Ascent and descent of the face's first font, as CSS lays out a line (two floats at `out`).
  aw_text_vertical_metrics__deps: ['$AwText'],
  aw_text_vertical_metrics: function (face, out) {
    const m = AwText.measurer(face).measureText('Hg');
    const size = AwText.faces[face].size;
    HEAPF32[out >> 2] = m.fontBoundingBoxAscent !== undefined ? m.fontBoundingBoxAscent : size * 0.9;
    HEAPF32[(out >> 2) + 1] = m.fontBoundingBoxDescent !== undefined ? m.fontBoundingBoxDescent : size * 0.25;
  },

  aw_text_advance__deps: ['$AwText'],
  aw_text_advance: function (face, codepoint) {
    return AwText.measurer(face).measureText(String.fromCodePoint(codepoint)).width;
  },

  aw_text_run_width__deps: ['$AwText'],
  aw_text_run_width: function (face, text, length, rtl) {
    const ctx = AwText.measurer(face);
    ctx.direction = rtl ? 'rtl' : 'ltr';
    return ctx.measureText(UTF8ToString(text, length)).width;
  },

  // [SECTION] glyph batches -------------------------------------------------------------------
  // `requests`: `count` records of {int32 face, uint32 code point, float32 density}. Draws them all in
  // one canvas, in strips of at most 2048 rows, each read back once. Writes {int32 offset, width,
  // height, left, top} per glyph at `results` (device px; left/top place the bitmap relative to the pen
  // on the baseline) and returns the bytes of coverage the module then takes with aw_text_take_glyphs.
  aw_text_rasterize_glyphs__deps: ['$AwText'],
  aw_text_rasterize_glyphs: function (requests, count, results) {
    if (!AwText.scratch) AwText.scratch = AwText.canvas2d(1024, 64);
    const surface = AwText.scratch;
    const width = 1024;
    const boxes = [];
    let total = 0;
    const measure = surface.ctx;
    let font = '';
    for (let i = 0; i < count; i++) {
      const base = (requests >> 2) + i * 3;
      const face = HEAP32[base], codepoint = HEAPU32[base + 1], density = HEAPF32[base + 2];
      const f = AwText.font(face, density);
      if (f !== font) { measure.font = f; font = f; }
      const text = String.fromCodePoint(codepoint);
      const m = measure.measureText(text);
      const left = Math.floor(-m.actualBoundingBoxLeft) - 1, right = Math.ceil(m.actualBoundingBoxRight) + 1;
      const top = Math.floor(-m.actualBoundingBoxAscent) - 1, bottom = Math.ceil(m.actualBoundingBoxDescent) + 1;
      const empty = !(m.actualBoundingBoxRight + m.actualBoundingBoxLeft > 0 && m.actualBoundingBoxAscent + m.actualBoundingBoxDescent > 0);
      const w = empty ? 0 : Math.min(width, right - left), h = empty ? 0 : bottom - top;
      boxes.push({ font: f, text, left, top, w, h, offset: total });
      total += w * h;
    }
    const staged = new Uint8Array(total);
    // Shelf packing into strips; each strip drawn, read back and copied out.
    let start = 0;
    while (start < boxes.length) {
      let x = 0, y = 0, row = 0, end = start;
      for (; end < boxes.length; end++) {
        const b = boxes[end];
        if (x + b.w > width) { x = 0; y += row + 1; row = 0; }
        if (y + b.h > 2048 && end > start) break;
        b.x = x; b.y = y;
        x += b.w + 1;
        row = Math.max(row, b.h);
      }
      const height = Math.max(1, y + row);
      AwText.grow(surface, width, height);
      const ctx = surface.ctx;
      ctx.clearRect(0, 0, width, height);
      ctx.fillStyle = '#fff';
      ctx.textAlign = 'left';
      ctx.textBaseline = 'alphabetic';
      ctx.direction = 'ltr';
      font = '';
      for (let i = start; i < end; i++) {
        const b = boxes[i];
        if (!b.w) continue;
        if (b.font !== font) { ctx.font = b.font; font = b.font; }
        ctx.fillText(b.text, b.x - b.left, b.y - b.top);
      }
      const pixels = ctx.getImageData(0, 0, width, height).data;
      for (let i = start; i < end; i++) {
        const b = boxes[i];
        for (let row2 = 0; row2 < b.h; row2++) {
          let src = ((b.y + row2) * width + b.x) * 4 + 3, dst = b.offset + row2 * b.w;
          for (let col = 0; col < b.w; col++, src += 4) staged[dst++] = pixels[src];
        }
      }
      start = end;
    }
    for (let i = 0; i < boxes.length; i++) {
      const b = boxes[i], base = (results >> 2) + i * 5;
      HEAP32[base] = b.offset; HEAP32[base + 1] = b.w; HEAP32[base + 2] = b.h; HEAP32[base + 3] = b.left; HEAP32[base + 4] = b.top;
    }
    AwText.staged = staged;
    return total;
  },

  aw_text_take_glyphs__deps: ['$AwText'],
  aw_text_take_glyphs: function (out) {
    if (AwText.staged) HEAPU8.set(AwText.staged, out);
    AwText.staged = null;
  },

  // [SECTION] shaped runs ---------------------------------------------------------------------
  // The box of a run drawn by the browser at `density`: {int32 left, top, width, height} at `out`.
  aw_text_run_box__deps: ['$AwText'],
  aw_text_run_box: function (face, text, length, rtl, density, out) {
    const ctx = AwText.measurer(face);
    ctx.font = AwText.font(face, density);
    ctx.direction = rtl ? 'rtl' : 'ltr';
    ctx.textAlign = 'left';
    const m = ctx.measureText(UTF8ToString(text, length));
    const left = Math.floor(-m.actualBoundingBoxLeft) - 1, right = Math.ceil(m.actualBoundingBoxRight) + 1;
    const top = Math.floor(-m.actualBoundingBoxAscent) - 1, bottom = Math.ceil(m.actualBoundingBoxDescent) + 1;
    HEAP32[out >> 2] = left; HEAP32[(out >> 2) + 1] = top;
    HEAP32[(out >> 2) + 2] = Math.max(0, right - left); HEAP32[(out >> 2) + 3] = Math.max(0, bottom - top);
    ctx.font = AwText.font(face, 1);
  },

  // Draws `count` runs {int32 face, text pointer, length, rtl, float32 density, int32 x, y, width,
  // height, left, top} at their places in the run texture (GL texture `texture`, `size` x `size`, RGBA):
  // all into the mirror canvas, then the changed band of rows read back and uploaded once. Writes 1 per
  // run drawn in its own colours (emoji) at `colored`.
  aw_text_draw_runs__deps: ['$AwText'],
  aw_text_draw_runs: function (runs, count, texture, size, colored) {
    if (!AwText.runs) AwText.runs = AwText.canvas2d(size, size);
    AwText.grow(AwText.runs, size, size);
    const ctx = AwText.runs.ctx;
    ctx.fillStyle = '#fff';
    ctx.textAlign = 'left';
    ctx.textBaseline = 'alphabetic';
    let y0 = size, y1 = 0;
    const placed = [];
    for (let i = 0; i < count; i++) {
      const base = (runs >> 2) + i * 11;
      const r = {
        face: HEAP32[base], text: UTF8ToString(HEAP32[base + 1], HEAP32[base + 2]), rtl: HEAP32[base + 3], density: HEAPF32[base + 4],
        x: HEAP32[base + 5], y: HEAP32[base + 6], w: HEAP32[base + 7], h: HEAP32[base + 8], left: HEAP32[base + 9], top: HEAP32[base + 10],
      };
      ctx.clearRect(r.x, r.y, r.w, r.h);
      ctx.font = AwText.font(r.face, r.density);
      ctx.direction = r.rtl ? 'rtl' : 'ltr';
      ctx.save();
      ctx.beginPath();
      ctx.rect(r.x, r.y, r.w, r.h);
      ctx.clip();
      ctx.fillText(r.text, r.x - r.left, r.y - r.top);
      ctx.restore();
      y0 = Math.min(y0, r.y); y1 = Math.max(y1, r.y + r.h);
      placed.push(r);
    }
    if (!placed.length || y1 <= y0) return;
    const band = ctx.getImageData(0, y0, size, y1 - y0);
    const px = band.data;
    for (let i = 0; i < placed.length; i++) {
      const r = placed[i];
      let color = 0;
      for (let row = 0; row < r.h && !color; row++) {
        let p = ((r.y - y0 + row) * size + r.x) * 4;
        for (let col = 0; col < r.w; col++, p += 4) {
          if (px[p + 3] > 32 && (Math.abs(px[p] - px[p + 1]) > 24 || Math.abs(px[p + 1] - px[p + 2]) > 24)) { color = 1; break; }
        }
      }
      HEAPU8[colored + i] = color;
    }
    const gl = GLctx;
    gl.bindTexture(gl.TEXTURE_2D, GL.textures[texture]);
    gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1);
    gl.texSubImage2D(gl.TEXTURE_2D, 0, 0, y0, gl.RGBA, gl.UNSIGNED_BYTE, band);
  },

  // Forgets every run (the texture was cleared or made again).
  aw_text_clear_runs__deps: ['$AwText'],
  aw_text_clear_runs: function () {
    if (AwText.runs) AwText.runs.ctx.clearRect(0, 0, AwText.runs.canvas.width, AwText.runs.canvas.height);
  },

  // [SECTION] coverage ------------------------------------------------------------------------
  // Which of `count` code points (uint32 at `codepoints`) some font on this machine draws: the browser
  // draws a character no font has as the .notdef box of the first font, so one that measures and looks
  // exactly like a certainly-unassigned code point's rendering is missing. One byte per code point at `out`.
  aw_text_can_draw__deps: ['$AwText'],
  aw_text_can_draw: function (codepoints, count, out) {
    const probe = AwText.canvas2d(64, 64).ctx;
    const family = AwText.faces.length ? AwText.faces[0].family : AwText.defaults()[0];
    const font = '32px ' + family;
    const render = (text) => {
      probe.clearRect(0, 0, 64, 64);
      probe.font = font;
      probe.fillStyle = '#000';
      probe.fillText(text, 8, 44);
      return probe.getImageData(0, 0, 64, 64).data;
    };
    probe.font = font;
    const missing = String.fromCodePoint(0x10FFFD);
    const missingWidth = probe.measureText(missing).width;
    let missingPixels = null;
    for (let i = 0; i < count; i++) {
      const text = String.fromCodePoint(HEAPU32[(codepoints >> 2) + i]);
      probe.font = font;
      if (Math.abs(probe.measureText(text).width - missingWidth) > 0.01) { HEAPU8[out + i] = 1; continue; }
      if (!missingPixels) missingPixels = render(missing);
      const pixels = render(text);
      let same = true;
      for (let p = 3; p < pixels.length && same; p += 4) same = pixels[p] === missingPixels[p];
      HEAPU8[out + i] = same ? 0 : 1;
    }
  },

  aw_text_shutdown__deps: ['$AwText'],
  aw_text_shutdown: function () {
    for (const remove of AwText.listeners) remove();
    AwText.listeners = [];
    AwText.scratch = AwText.runs = AwText.staged = null;
  },
});
