// The page's one WebAssembly module: its instantiation, its WebGL route, the scheduler of every element's frames,
// the listeners and observers it keeps for all elements, and each element's calls into the module (EngineCalls).
// [SECTION] settings and helpers  [SECTION] the page's engine  [SECTION] the element's calls
import createArticleWidgetModule from 'article-widget-wasm-factory';

const createModule = createArticleWidgetModule;
// Where article-widget.wasm is, as the entry point found it (web/element/classic.js, module.js).
let wasmUrl = '';
export function setWasmUrl(url) { wasmUrl = url; }

// [SECTION] settings and helpers -------------------------------------------------------
// Widgets within this margin of the viewport draw; farther ones release their image and draw again when
// they come back (IntersectionObserver's rootMargin: one viewport above and below).
const NEAR_MARGIN = '100% 0px';
// How long a lost WebGL context may stay lost before the widgets show their HTML view meanwhile.
const LOST_CONTEXT_MS = 1000;
// The page's WebGL context (src/platform/web_main.cpp creates it with these): alpha, so the host page shows
// through; no extension enabled by default, since the renderer uses none (Emscripten would otherwise ask for
// every one the browser offers: 38 getExtension calls).
const GL_ATTRIBUTES = Object.freeze({ alpha: true, depth: false, stencil: false, antialias: false, premultipliedAlpha: true,
  preserveDrawingBuffer: false, powerPreference: 'low-power', majorVersion: 1, minorVersion: 0, enableExtensionsByDefault: false });

// Where the module's files are: the WebAssembly where the entry point found it, anything else beside it
// (the one place that resolves them).
function moduleUrl(path) { return path.endsWith('.wasm') ? wasmUrl : new URL(path, wasmUrl).href; }

// The page engine's channels (handle 0, src/platform/web_protocol.h).
export function engineQuery() {
  const mod = engine.mod;
  return JSON.parse(withCString(mod, 'engine', (p) => mod.UTF8ToString(mod._aw_query(0, p))) || '{}');
}
export function engineCommand(obj) {
  const mod = engine.mod;
  return withCString(mod, JSON.stringify(obj), (p) => mod._aw_command(0, p)) === 1;
}

export function withCString(mod, text, fn) {
  const bytes = mod.lengthBytesUTF8(text) + 1;
  const ptr = mod._aw_alloc(bytes);
  if (!ptr) throw new Error('The widget ran out of memory');
  mod.stringToUTF8(text, ptr, bytes);
  try { return fn(ptr, bytes - 1); } finally { mod._aw_free(ptr); }
}

// How many frames late a drawing route shows what WebGL drew on `canvas` (made here with the page's attributes,
// and kept as the page's context): two frames in two colours, each handed over by `image(canvas)` and read back
// through a 2D canvas, as a widget's canvas would show it. 0 when each shows at once; -1 without WebGL.
function frameLag(canvas, image) {
  const gl = canvas.getContext('webgl', GL_ATTRIBUTES);
  if (!gl) return -1;
  const reader = document.createElement('canvas');
  reader.width = reader.height = 2;
  const context = reader.getContext('2d', { willReadFrequently: true });
  if (!context) return 0;   // nothing to read it with: take the route as it is
  let lag = 0;
  for (const [r, g, b] of [[255, 0, 0], [0, 0, 255]]) {
    gl.clearColor(r / 255, g / 255, b / 255, 1);
    gl.clear(gl.COLOR_BUFFER_BIT);
    context.clearRect(0, 0, 2, 2);
    context.drawImage(image(canvas), 0, 0);
    const px = context.getImageData(1, 1, 1, 1).data;
    if (Math.abs(px[0] - r) > 8 || Math.abs(px[2] - b) > 8 || px[3] < 250) lag = 1;
  }
  return lag;
}
function loseContext(canvas) {
  const gl = canvas.getContext('webgl', GL_ATTRIBUTES);
  const lose = gl && gl.getExtension('WEBGL_lose_context');
  if (lose) lose.loseContext();
}

// [SECTION] the page's engine --------------------------------------------------------
// One WebAssembly module serves every element of the page: one download and compile, one glyph cache
// and font loader, one WebGL context. The context draws on a canvas of its own (an OffscreenCanvas, sized
// to the widget being drawn); each frame goes to that widget's canvas as an ImageBitmap, so any number
// of widgets share it and textures are uploaded once (README, Embedding: "the GL route"). The engine also
// watches the page once for every element: window scroll, resize and hashchange, the tab's visibility,
// the colour-scheme, motion and pixel-ratio queries, one ResizeObserver and one IntersectionObserver,
// and one requestAnimationFrame for every widget that wants a frame. Elements register while they have
// a widget (attach) and leave no trace when they go (detach).
export const engine = {
  mod: null,              // the module, once instantiated
  promise: null,          // its instantiation (a fresh one after a crash)
  args: null,             // the Module object the factory was given
  crashes: 0,
  elements: new Map(),    // widget handle -> element
  dirty: new Set(),       // elements that want a frame
  raf: 0,
  current: null,          // the element whose call into the module is running (an abort names it)
  route: null,            // 'offscreen', 'canvas' or 'none' (no WebGL): chooseRoute()
  glCanvas: null,
  bitmaps: false,         // frames go to widgets as ImageBitmaps (else: drawn into a 2D canvas)
  gl: null,               // the WebGL context (for its loss and restoration)
  lost: false,
  lostTimer: 0,
  watching: false,
  media: null,            // (prefers-color-scheme: dark), (prefers-reduced-motion: reduce)

  // The module, instantiated on first use; `element` lends its font families as the page's defaults.
  module(element) {
    if (engine.promise) return engine.promise;
    if (engine.crashes > 2) return Promise.reject(new Error('The widget stopped unexpectedly, more than twice on this page'));
    engine.watch();
    const args = engine.args = {
      glCanvas: null,          // set by chooseRoute(), before the module makes its context
      glAttributes: GL_ATTRIBUTES,
      textDefaults: element._fontFamilies(),
      locateFile: moduleUrl,
      wasmBinary: undefined,   // the single-file bundle's bytes (window.__articleWidgetWasm); otherwise fetched
      print: (text) => console.log(text),
      printErr: (text) => console.warn(text),
      onAbort: (what) => engine.crash(what),
      onWidgetEvent: (handle, type, json) => {
        const el = engine.elements.get(handle);
        if (el) el._onWidgetEvent(type, JSON.parse(json));
      },
      hostScrollY: (handle) => { const el = engine.elements.get(handle); return el ? el._pageScrollY() : 0; },
    };
    engine.promise = (async () => {
      args.wasmBinary = await window.__articleWidgetWasm;
      const mod = await createModule(args);
      if (engine.args !== args) throw new Error('The widget stopped unexpectedly');
      engine.chooseRoute();   // done already while the module downloaded, unless it came at once
      engine.mod = mod;
      return mod;
    })();
    engine.promise.catch(() => {});   // reported where it is awaited
    // Creating the WebGL context is the slowest step before the first frame (hundreds of ms with a software GL):
    // it starts while the module downloads and compiles, after the fetches are issued; the module's own
    // getContext then returns this context.
    setTimeout(() => { if (!engine.mod && engine.args === args) engine.chooseRoute(); }, 0);
    return engine.promise;
  },

  // The drawing route, chosen by what works rather than by what exists, once per module: the page's one WebGL
  // context on an OffscreenCanvas whose frames go to each widget as an ImageBitmap, where the browser makes such a
  // context and the bitmap it hands over is the frame just drawn; else the context on a canvas of its own, copied
  // into each widget's 2D canvas (WebKitGTK makes no WebGL context on an OffscreenCanvas by default, and where it
  // does, its bitmaps are one frame late). The choice, and the lag measured, is the performance mark "aw-route".
  chooseRoute() {
    if (engine.route) return;
    const started = performance.now();
    let route = null;
    if (typeof WebGLRenderingContext === 'undefined') {
      route = { name: 'none', canvas: null, lag: -1 };   // WebKit without WebGL has not even the type (Emscripten's getContext needs it)
    } else if (typeof OffscreenCanvas === 'function' && 'transferToImageBitmap' in OffscreenCanvas.prototype) {
      const canvas = new OffscreenCanvas(2, 2);
      const lag = frameLag(canvas, (c) => c.transferToImageBitmap());
      if (lag === 0) route = { name: 'offscreen', canvas, lag };
      else if (lag > 0) loseContext(canvas);
      if (!route) route = { name: 'canvas', rejected: { name: 'offscreen', lag } };
    }
    if (!route || (!route.canvas && route.name !== 'none')) {
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = 2;
      route = { ...(route || {}), name: 'canvas', canvas, lag: frameLag(canvas, (c) => c) };
    }
    engine.route = route.name;
    engine.glCanvas = route.canvas;
    engine.bitmaps = route.name === 'offscreen';
    engine.args.glCanvas = route.canvas;   // none: the module makes no context, and every widget shows its HTML view
    if (route.canvas) {
      route.canvas.addEventListener('webglcontextlost', engine.onContextLost);
      route.canvas.addEventListener('webglcontextrestored', engine.onContextRestored);
    }
    performance.mark('aw-route', { detail: { route: route.name, lag: route.lag, rejected: route.rejected || null } });
    performance.measure('aw-gl-context', { start: started, end: performance.now() });
  },

  // While the module downloads, the browser measures the article's characters (web/article-widget-text.js).
  prepareText(markdown, families) {
    if (!engine.mod && engine.args && engine.args.prepareText) engine.args.prepareText(markdown, families);
  },

  attach(el) {
    engine.elements.set(el._handle, el);
    engine.resizeObserver.observe(el);
    engine.intersection.observe(el);
    if (!engine.gl && engine.mod && engineQuery().glAvailable) engine.gl = engine.mod.GL.currentContext.GLctx;
  },

  detach(el) {
    engine.elements.delete(el._handle);
    engine.dirty.delete(el);
    engine.resizeObserver.unobserve(el);
    engine.intersection.unobserve(el);
  },

  schedule(el) {
    engine.dirty.add(el);
    if (!engine.raf && !document.hidden) engine.raf = requestAnimationFrame(engine.tick);
  },

  tick(time) {
    engine.raf = 0;
    const due = [...engine.dirty];
    engine.dirty.clear();
    for (const el of due) {
      try { el._frame(time); } catch (e) { if (engine.mod) throw e; }   // after a crash the others restart
    }
  },

  // The GL canvas sized to the widget about to be drawn (resized only when sizes differ).
  prepareTarget(width, height) {
    const c = engine.glCanvas;
    if (c.width !== width) c.width = width;
    if (c.height !== height) c.height = height;
  },

  // The frame just drawn, onto the element's canvas.
  present(el) {
    const c = el._canvas, g = engine.glCanvas;
    if (c.width !== g.width) c.width = g.width;
    if (c.height !== g.height) c.height = g.height;
    if (engine.bitmaps) { el._presenter.transferFromImageBitmap(g.transferToImageBitmap()); return; }
    el._presenter.clearRect(0, 0, c.width, c.height);
    el._presenter.drawImage(g, 0, 0);
  },

  // A lost context: the widgets keep their last images; frames lay out without drawing. If it stays lost,
  // the widgets show their HTML view meanwhile.
  onContextLost(e) {
    e.preventDefault();   // asks the browser to restore it
    engine.lost = true;
    clearTimeout(engine.lostTimer);
    engine.lostTimer = setTimeout(() => { for (const el of engine.elements.values()) el._contextUnavailable(true); }, LOST_CONTEXT_MS);
  },

  onContextRestored() {
    engine.lost = false;
    clearTimeout(engine.lostTimer);
    if (engine.mod) engineCommand({ cmd: 'glRestored' });
    for (const el of engine.elements.values()) { el._contextUnavailable(false); el._schedule(); }
  },

  // The module aborted (out of memory, or a bug): the element whose call it was says so; the page's
  // other widgets start again on a new module (their articles reloaded), so one article too large for
  // the page's memory does not take the others down.
  crash(what) {
    const message = /memory|OOM|alloc/i.test(String(what))
      ? 'The article is too large for this device (the widget ran out of memory).'
      : 'The widget stopped unexpectedly; on a very large article it has most likely run out of memory.';
    const culprit = engine.current;
    const elements = [...engine.elements.values()];
    engine.crashes++;
    for (const el of elements) { engine.detach(el); el._moduleLost(); }
    if (engine.raf) cancelAnimationFrame(engine.raf);
    engine.raf = 0;
    engine.mod = engine.promise = engine.args = engine.gl = engine.glCanvas = engine.route = null;   // a new module, a new context
    engine.lost = false;
    if (culprit) culprit._crashed(message);
    setTimeout(() => { for (const el of elements) if (el !== culprit) el._restart(); }, 0);
  },

  // The widget a copy event is for: one on its way (Chromium, WebKit), else the one that has the focus (Firefox sends
  // the event to the body), through any shadow roots of the host's own around it.
  copySource(e) {
    const ours = (node) => !!node && engine.elements.get(node._handle) === node;
    const onPath = e.composedPath().find(ours);
    if (onPath) return onPath;
    let active = document.activeElement;
    while (active && !ours(active) && active.shadowRoot && active.shadowRoot.activeElement) active = active.shadowRoot.activeElement;
    return ours(active) ? active : null;
  },

  // Listeners and observers for every element at once, installed with the first element.
  watch() {
    if (engine.watching) return;
    engine.watching = true;
    const each = (fn) => () => { for (const el of engine.elements.values()) fn(el); };
    // Any scroll, of the page or of a pane an element sits in (scroll events reach the document's capture phase).
    document.addEventListener('scroll', (e) => { for (const el of engine.elements.values()) if (el._movedBy(e.target)) el._pageScrolled(); },
      { capture: true, passive: true });
    window.addEventListener('resize', each((el) => el._resize()));
    window.addEventListener('hashchange', each((el) => el._followHash(true)));
    // Copying the canvas's selection, wherever the engine sends the event: Chromium to the focused canvas inside
    // the shadow root, Firefox to the body, WebKit to the host element. Chromium runs Copy for a key only when
    // something is selected in the page or beforecopy is cancelled.
    document.addEventListener('beforecopy', (e) => { const el = engine.copySource(e); if (el && el._hasCanvasSelection()) e.preventDefault(); }, true);
    document.addEventListener('copy', (e) => { const el = engine.copySource(e); if (el) el._copyCanvasSelection(e); }, true);
    document.addEventListener('visibilitychange', () => {
      // Back in view: the frames asked for while hidden are drawn (an idle widget asked for none).
      if (!document.hidden) { if (engine.dirty.size && !engine.raf) engine.raf = requestAnimationFrame(engine.tick); return; }
      if (engine.raf) cancelAnimationFrame(engine.raf);   // nothing is drawn in a hidden tab
      engine.raf = 0;
    });
    engine.media = [matchMedia('(prefers-color-scheme: dark)'), matchMedia('(prefers-reduced-motion: reduce)')];
    for (const m of engine.media) m.addEventListener('change', each((el) => el._resize()));
    const watchPixelRatio = () => {
      matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`).addEventListener('change', () => {
        for (const el of engine.elements.values()) el._resize();
        watchPixelRatio();
      }, { once: true });
    };
    watchPixelRatio();
    // Width changes only: the height is each article's own, set by its element.
    engine.resizeObserver = new ResizeObserver((entries) => {
      for (const entry of entries) {
        const el = entry.target, width = entry.contentRect.width;
        if (width !== el._observedWidth) { el._observedWidth = width; el._resize(); }
      }
    });
    engine.intersection = new IntersectionObserver((entries) => {
      for (const entry of entries) entry.target._setNear(entry.isIntersecting);
    }, { rootMargin: NEAR_MARGIN });
  },
};

// Whether an element is within the near margin of the viewport now (before its observer has reported).
export function nearViewport(el) {
  const r = el.getBoundingClientRect(), h = window.innerHeight;
  return r.bottom >= -h && r.top <= 2 * h;
}

// [SECTION] the element's calls ----------------------------------------------------------
// The element's calls into the page's module (the element takes these methods: web/element/element.js).
export class EngineCalls {
  // Calls into the page's module on behalf of this element (a module that aborts names it).
  _wasm(fn) {
    const previous = engine.current;
    engine.current = this;
    try { return fn(engine.mod); } finally { engine.current = previous; }
  }

  // A command to this element's widget (JSON, one of the core's command verbs): whether it was done.
  _command(obj) {
    if (!this._handle) return false;
    const ok = this._wasm((m) => withCString(m, JSON.stringify(obj), (p) => m._aw_command(this._handle, p)));
    return ok === 1;   // a done command asks for its frame itself (the core's 'redraw'); a refused one changed nothing
  }

  // The item the core's focus is on ("" for none).
  _focusName() { return (JSON.parse(this._query('focus') || '{}').name) || ''; }

  // A query of this element's widget (aw_query, src/ui/commands.h): its JSON answer, '' without a widget.
  _query(what) {
    if (!this._handle) return '';
    return this._wasm((m) => withCString(m, what, (p) => m.UTF8ToString(m._aw_query(this._handle, p))));
  }
}
