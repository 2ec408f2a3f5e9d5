// The browser's own text engine for the article widget's WebAssembly module (an Emscripten --js-library):
// metrics and glyphs from Canvas 2D in the configured CSS font stacks. Glyphs a frame needs are drawn
// into one canvas and read back once (per-glyph readbacks cost ~240 µs each); words the browser must
// shape (right-to-left and joined scripts, emoji sequences) are drawn whole, straight into a WebGL
// texture, never through WebAssembly memory.
// [SECTION] state and canvases  [SECTION] faces and metrics  [SECTION] glyph batches  [SECTION] shaped runs
// [SECTION] coverage  [SECTION] start and stop
/* global mergeInto, LibraryManager, Module, GL, GLctx, HEAP32, HEAPU32, HEAPF32, HEAPU8, UTF8ToString, stringToUTF8, lengthBytesUTF8, _aw_alloc, _aw_free, _aw_command */

mergeInto(LibraryManager.library, {
  // [SECTION] state and canvases ---------------------------------------------------------
  $AwText__postset: 'AwText.start();',
  $AwText: {
    faces: [],          // by face index: {family, weight, italic, size}
    scratch: null,      // the glyph-batch canvas
    boxes: null,        // measures shaped runs' boxes (at any density); boxesFont is its font
    runs: null,         // the mirror of the shaped-run texture (same layout, RGBA)
    staged: null,       // the last glyph batch's coverage, until the module takes it
    listeners: [],
    words: null,        // an Intl.Segmenter by words, made on first use (Thai, Lao, Khmer, Myanmar)
    // Time spent in the browser's text engine, by kind of work (ms), and how much was done: read by the
    // benchmark as Module.textStats.
    stats: { prepareMs: 0, measureMs: 0, glyphMs: 0, runMs: 0, coverageMs: 0, measured: 0, glyphs: 0, batches: 0, runs: 0 },
    styles: null,       // a Map: measuring contexts and cached advances by CSS font at 100 px (made in start)
    variants: {         // the styles each family is drawn in (kept in step with kFaces in src/ui/fonts.cpp)
      body: [{ weight: 400, italic: false }, { weight: 700, italic: false }, { weight: 400, italic: true }, { weight: 700, italic: true }],
      heading: [{ weight: 700, italic: false }, { weight: 400, italic: false }],
      code: [{ weight: 400, italic: false }],
    },
    timed: function (kind, fn) {
      const t0 = performance.now();
      const result = fn();
      AwText.stats[kind] += performance.now() - t0;
      return result;
    },

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
    // Advances are linear in the font size, so each character is measured once per family, weight and
    // style, at 100 px, on a context of that style's own (a context's font is slow to set), and cached:
    // the browser's first measurement of a character costs ~20 µs, a cached one almost nothing.
    style: function (family, weight, italic) {
      const key = (italic ? 'italic ' : '') + weight + ' 100px ' + family;
      let style = AwText.styles.get(key);
      if (!style) {
        style = { ctx: AwText.canvas2d(1, 1).ctx, advances: new Map() };
        style.ctx.font = key;
        AwText.styles.set(key, style);
      }
      return style;
    },
    advance100: function (style, codepoint) {
      let width = style.advances.get(codepoint);
      if (width === undefined) {
        width = style.ctx.measureText(String.fromCodePoint(codepoint)).width;
        style.advances.set(codepoint, width);
        AwText.stats.measured++;
      }
      return width;
    },
    faceStyle: function (face) {
      const f = AwText.faces[face];
      return f.style || (f.style = AwText.style(f.family, f.weight, f.italic));
    },
    // While the module downloads: every character of the article measured in the styles the widget draws
    // it in (body text in four, headings and controls in two, code in one; the element's families), so the first
    // frame finds them measured and the fonts the browser falls back to loaded. The config is the core's to read:
    // families it names instead are measured when the module asks for them.
    prepare: function (text, elementFamilies) {
      const t0 = performance.now();
      const [body, heading, code] = elementFamilies ? [elementFamilies.body, elementFamilies.heading, elementFamilies.code] : AwText.defaults();
      const families = { body: [body], heading: [heading], code: [code] };
      const codepoints = new Set();
      for (const ch of text.length > 200000 ? text.slice(0, 200000) : text) {   // the text's start: the first screens
        const cp = ch.codePointAt(0);
        if (cp > 0x20 && codepoints.size < 2000) codepoints.add(cp);
      }
      for (const key of ['body', 'heading', 'code']) {
        for (const variant of AwText.variants[key]) {
          const style = AwText.style(families[key][0], variant.weight, variant.italic);
          for (const cp of codepoints) AwText.advance100(style, cp);
        }
      }
      AwText.stats.prepareMs += performance.now() - t0;
    },
    // The page's default families (the first element's); each widget passes its own (web_main's "fonts").
    defaults: function () {
      const d = Module['textDefaults'] || {};
      return [d.body || 'serif', d.heading || d.body || 'sans-serif', d.code || 'monospace'];
    },

    // [SECTION] glyph batches (see aw_text_rasterize_glyphs) ---------------------------------------
    // Each glyph gets a cell from what is already known, no measuring: its advance, and the style's ascent
    // and descent, with room for overhangs; the glyph's own box is then found in the pixels.
    rasterizeGlyphs: function (requests, count, results) {
      if (!AwText.scratch) AwText.scratch = AwText.canvas2d(1024, 64);
      const surface = AwText.scratch;
      const width = 1024;
      const cells = [];
      for (let i = 0; i < count; i++) {
        const base = (requests >> 2) + i * 3;
        const face = HEAP32[base], codepoint = HEAPU32[base + 1], density = HEAPF32[base + 2];
        const style = AwText.faceStyle(face);
        const px = AwText.faces[face].size * density;
        if (style.ascent === undefined) {
          const m = style.ctx.measureText('Hg');
          style.ascent = m.fontBoundingBoxAscent || 90;
          style.descent = m.fontBoundingBoxDescent || 25;
        }
        // Italic and swash overhangs stay within a sixth of the size on either side; the font's ascent
        // and descent hold its accents.
        const pad = Math.ceil(px / 6) + 1;
        const left = -pad, top = -Math.ceil(style.ascent * px / 100) - 1;
        const w = Math.min(width, Math.ceil(AwText.advance100(style, codepoint) * px / 100) + 2 * pad);
        const h = Math.ceil((style.ascent + style.descent) * px / 100) + 2;
        cells.push({ font: AwText.font(face, density), text: String.fromCodePoint(codepoint), left, top, w, h });
      }
      // Shelf packing into strips of at most 2048 rows; each strip drawn, read back once, and each glyph's
      // inked box copied out.
      const parts = [];
      let total = 0, start = 0;
      while (start < cells.length) {
        let x = 0, y = 0, row = 0, end = start;
        for (; end < cells.length; end++) {
          const c = cells[end];
          if (x + c.w > width) { x = 0; y += row + 1; row = 0; }
          if (y + c.h > 2048 && end > start) break;
          c.x = x; c.y = y;
          x += c.w + 1;
          row = Math.max(row, c.h);
        }
        const height = Math.max(1, y + row);
        AwText.grow(surface, width, height);
        const ctx = surface.ctx;
        ctx.clearRect(0, 0, width, height);
        ctx.fillStyle = '#fff';
        ctx.textAlign = 'left';
        ctx.textBaseline = 'alphabetic';
        ctx.direction = 'ltr';
        let font = '';
        for (let i = start; i < end; i++) {
          const c = cells[i];
          if (c.font !== font) { ctx.font = c.font; font = c.font; }
          ctx.fillText(c.text, c.x - c.left, c.y - c.top);
        }
        const pixels = ctx.getImageData(0, 0, width, height).data;
        for (let i = start; i < end; i++) {
          const c = cells[i];
          let x0 = c.w, y0 = c.h, x1 = -1, y1 = -1;
          for (let r = 0; r < c.h; r++) {
            let p = ((c.y + r) * width + c.x) * 4 + 3;
            for (let q = 0; q < c.w; q++, p += 4) {
              if (!pixels[p]) continue;
              if (q < x0) x0 = q;
              if (q > x1) x1 = q;
              if (r < y0) y0 = r;
              y1 = r;
            }
          }
          const w = x1 < 0 ? 0 : x1 - x0 + 1, h = x1 < 0 ? 0 : y1 - y0 + 1;
          const coverage = new Uint8Array(w * h);
          for (let r = 0; r < h; r++) {
            let p = ((c.y + y0 + r) * width + c.x + x0) * 4 + 3;
            for (let q = 0; q < w; q++, p += 4) coverage[r * w + q] = pixels[p];
          }
          parts[i] = { coverage, offset: total, w, h, left: c.left + x0, top: c.top + y0 };
          total += w * h;
        }
        start = end;
      }
      const staged = new Uint8Array(total);
      for (let i = 0; i < parts.length; i++) {
        const part = parts[i], base = (results >> 2) + i * 5;
        staged.set(part.coverage, part.offset);
        HEAP32[base] = part.offset; HEAP32[base + 1] = part.w; HEAP32[base + 2] = part.h; HEAP32[base + 3] = part.left; HEAP32[base + 4] = part.top;
      }
      AwText.staged = staged;
      return total;
    },

    // [SECTION] start and stop ----------------------------------------------------------------------
    // Fonts are slow the first time a family is used (a cold load): start while the module downloads.
    // Web fonts the host declares are used once loaded; then every glyph is made again.
    start: function () {
      AwText.styles = new Map();
      Module['textStats'] = AwText.stats;
      Module['prepareText'] = AwText.prepare;
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
            AwText.styles = new Map();   // measured with the fallback font
            for (const f of AwText.faces) if (f) f.style = null;
            // The page engine's command channel (src/platform/web_protocol.h): glyphs and layout are redone.
            const command = '{"cmd":"fontsChanged"}', size = lengthBytesUTF8(command) + 1, ptr = _aw_alloc(size);
            if (ptr) { stringToUTF8(command, ptr, size); _aw_command(0, ptr); _aw_free(ptr); }
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
    AwText.faces[face] = { family: UTF8ToString(family), weight, italic: !!italic, size, style: null };
    AwText.boxesFont = null;
  },

  // Ascent and descent of the face's first font, as CSS lays out a line (two floats at `out`).
  aw_text_vertical_metrics__deps: ['$AwText'],
  aw_text_vertical_metrics: function (face, out) {
    return AwText.timed('measureMs', () => {
      const m = AwText.faceStyle(face).ctx.measureText('Hg');   // at 100 px: the metrics scale with the size
      const k = AwText.faces[face].size / 100;
      HEAPF32[out >> 2] = (m.fontBoundingBoxAscent !== undefined ? m.fontBoundingBoxAscent : 90) * k;
      HEAPF32[(out >> 2) + 1] = (m.fontBoundingBoxDescent !== undefined ? m.fontBoundingBoxDescent : 25) * k;
    });
  },

  aw_text_advance__deps: ['$AwText'],
  aw_text_advance: function (face, codepoint) {
    return AwText.timed('measureMs', () => AwText.advance100(AwText.faceStyle(face), codepoint) * AwText.faces[face].size / 100);
  },

  aw_text_run_width__deps: ['$AwText'],
  aw_text_run_width: function (face, text, length, rtl) {
    AwText.stats.measured++;
    return AwText.timed('measureMs', () => {
      const ctx = AwText.faceStyle(face).ctx;
      ctx.direction = rtl ? 'rtl' : 'ltr';
      const width = ctx.measureText(UTF8ToString(text, length)).width * AwText.faces[face].size / 100;
      ctx.direction = 'ltr';
      return width;
    });
  },

  // Word boundaries inside a run of Thai, Lao, Khmer or Myanmar (`length` UTF-8 bytes at `text`), where a line
  // may break, from the browser's Intl.Segmenter (its dictionaries, as for the browser's own line breaking):
  // writes up to `capacity` byte offsets (uint32) at `out` and returns how many. None without Intl.Segmenter.
  aw_text_dictionary_breaks__deps: ['$AwText'],
  aw_text_dictionary_breaks: function (text, length, out, capacity) {
    if (typeof Intl === 'undefined' || !Intl.Segmenter) return 0;
    return AwText.timed('measureMs', () => {
      const words = AwText.words || (AwText.words = new Intl.Segmenter(undefined, { granularity: 'word' }));
      const run = UTF8ToString(text, length);
      let count = 0, byte = 0, last = 0;
      for (const { index } of words.segment(run)) {
        byte += lengthBytesUTF8(run.slice(last, index));   // the boundary as a UTF-8 byte offset
        last = index;
        if (index > 0 && count < capacity) HEAPU32[(out >> 2) + count++] = byte;
      }
      return count;
    });
  },

  // [SECTION] glyph batches -------------------------------------------------------------------
  // `requests`: `count` records of {int32 face, uint32 code point, float32 density}. Draws them all in
  // one canvas, in strips of at most 2048 rows, each read back once. Writes {int32 offset, width,
  // height, left, top} per glyph at `results` (device px; left/top place the bitmap relative to the pen
  // on the baseline) and returns the bytes of coverage the module then takes with aw_text_take_glyphs.
  aw_text_rasterize_glyphs__deps: ['$AwText'],
  aw_text_rasterize_glyphs: function (requests, count, results) {
    AwText.stats.glyphs += count;
    AwText.stats.batches++;
    return AwText.timed('glyphMs', () => AwText.rasterizeGlyphs(requests, count, results));
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
    AwText.stats.measured++;
    return AwText.timed('runMs', () => {
      if (!AwText.boxes) AwText.boxes = AwText.canvas2d(1, 1).ctx;
      const ctx = AwText.boxes;
      const font = AwText.font(face, density);
      if (AwText.boxesFont !== font) { ctx.font = font; AwText.boxesFont = font; }
      ctx.direction = rtl ? 'rtl' : 'ltr';
      ctx.textAlign = 'left';
      const m = ctx.measureText(UTF8ToString(text, length));
      const left = Math.floor(-m.actualBoundingBoxLeft) - 1, right = Math.ceil(m.actualBoundingBoxRight) + 1;
      const top = Math.floor(-m.actualBoundingBoxAscent) - 1, bottom = Math.ceil(m.actualBoundingBoxDescent) + 1;
      HEAP32[out >> 2] = left; HEAP32[(out >> 2) + 1] = top;
      HEAP32[(out >> 2) + 2] = Math.max(0, right - left); HEAP32[(out >> 2) + 3] = Math.max(0, bottom - top);
    });
  },

  // Draws `count` runs {int32 face, text pointer, length, rtl, float32 density, int32 x, y, width,
  // height, left, top} at their places in the run texture (GL texture `texture`, `size` x `size`, RGBA):
  // all into the mirror canvas, then the changed band of rows read back and uploaded once. Writes 1 per
  // run drawn in its own colours (emoji) at `colored`.
  aw_text_draw_runs__deps: ['$AwText'],
  aw_text_draw_runs: function (runs, count, texture, size, colored) {
    return AwText.timed('runMs', () => {
      if (!AwText.runs) AwText.runs = AwText.canvas2d(size, size);
      AwText.stats.runs += count;
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
    });
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
    return AwText.timed('coverageMs', () => {
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
    });
  },

  aw_text_shutdown__deps: ['$AwText'],
  aw_text_shutdown: function () {
    for (const remove of AwText.listeners) remove();
    AwText.listeners = [];
    AwText.scratch = AwText.runs = AwText.staged = AwText.boxes = null;
    AwText.faces = [];
    AwText.styles = new Map();
  },
});
