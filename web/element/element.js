// The <article-widget> custom element: its class, shadow DOM, lifecycle, events and public API. Its other methods are
// in the modules by concern (web/element/*.js), whose method classes it takes them from.
// The element fetches the article; one WebAssembly instance serves every element of the page (engine.js: one
// compile, one glyph cache, one WebGL context whose frames go to each element's canvas); it draws only when the core's
// frame pacer asks and the element is in or near view (frames.js); lets the page scroll natively (the canvas is
// sticky; the page owns the scroll position), keeping the reader's place when the article's height changes
// (place.js); and keeps an accessible mirror (semantic HTML with real buttons) in step with the canvas both ways,
// applying the core's ARIA state as one event (mirror.js). The mirror is also the element's HTML view: the Text view,
// the printed article, and the interactive article where WebGL is unavailable.
// Moving the element keeps everything; removing it frees its widget. Works under a strict CSP with Trusted Types (see
// the README). esbuild bundles these modules with the Emscripten module factory into one classic script and one ES
// module (cmake/web_package.cmake; entry points classic.js and module.js).
// [SECTION] lifecycle  [SECTION] events from the module  [SECTION] API  [SECTION] defining the element
import { make } from './dom.js';
import { engine, setWasmUrl, EngineCalls } from './engine.js';
import { Frames } from './frames.js';
import { HostStyle, WATCHED_PROPERTIES } from './host-style.js';
import { Input } from './input.js';
import { Loading } from './loading.js';
import { Mirror } from './mirror.js';
import { Place } from './place.js';
import { adoptStyles } from './styles.js';
import { createHtmlPolicy } from './trusted-html.js';
import { View, Views, isHtmlView } from './view.js';

// HTMLElement in a browser; imported elsewhere (a server-side render), the module defines a class it never registers.
const ElementBase = typeof HTMLElement === 'function' ? HTMLElement : class {};

// [SECTION] lifecycle -------------------------------------------------------------
class ArticleWidgetElement extends ElementBase {
  static get observedAttributes() { return ['src', 'config', 'theme', 'hash-prefix', 'start-stage']; }

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    adoptStyles(root);
    this._root = make('div', 'root');
    const sizer = make('div', 'sizer', { 'aria-hidden': 'true' });
    for (let i = 0; i < 64; i++) sizer.append(make('span'), ' ');
    this._probe = make('div', 'probe', { 'aria-hidden': 'true' });
    this._remProbe = make('div', 'rem', { 'aria-hidden': 'true' });
    this._status = make('div', 'status loading', { role: 'status', 'aria-live': 'polite' });
    const fallback = make('div', 'fallback');
    this._source = make('div', 'source');
    fallback.append(this._source);
    const bar = this._bar = make('div', 'bar');
    this._textButton = make('button', 'textview', { type: 'button' });
    bar.append(this._textButton);
    this._stage = make('div', 'stage');
    this._viewport = make('div', 'viewport', { part: 'viewport' });
    this._canvas = make('canvas', '', { part: 'canvas', tabindex: '-1', 'aria-hidden': 'true' });
    this._viewport.append(this._canvas);
    this._stage.append(this._viewport);
    this._note = make('p', 'note');
    this._mirror = make('div', 'mirror sr-only');
    this._root.append(this._probe, this._remProbe, this._status, fallback, bar, this._stage, this._note, this._mirror);
    root.append(sizer, this._root);   // the sizer outside the root, whose inline size is contained (styles.js)
    this._showView(View.NONE);    // which view shows (_view: only _showView writes it)

    this._handle = 0;             // this element's widget in the page's module (0: none)
    this._presenter = null;       // the canvas's bitmaprenderer (or 2D) context, which frames are put into
    this._near = false;           // in or near the viewport: draws, and holds an image
    this._hasImage = false;
    this._contentHeight = 0;
    this._laidBlocks = null;      // the layout's blocks the page shows, [top, height, isImage] each (place.js)
    this._glide = null;           // a smooth scroll the widget started: its target, kept until it ends (place.js)
    this._stickyTop = 0;
    this._zoom = 1;               // the element's zoom (_readZoom)
    this._firstFrameDrawn = false;
    this._framesDrawn = 0;
    this._words = null;           // the element's own words from the core's strings table (Loading._word)
    this._markdown = null;        // set through the property: beats src and inline Markdown
    this._shownMarkdown = null;   // the article on screen, wherever it came from
    this._loadToken = null;       // the running load (a token: a newer load or a removal replaces it)
    this._newReadyPromise();
    this._onStyleChange = (e) => { if (e.target === this && WATCHED_PROPERTIES.has(e.propertyName)) this._readHostStyle(); };
    this.addEventListener('transitionend', this._onStyleChange);
    this._textButton.addEventListener('click', () => this._showView(this._view === View.CANVAS ? View.TEXT : View.CANVAS));
    this._installInput();
  }

  get ready() { return this._ready; }

  // The page's module, while this element has a widget in it (tests read its memory).
  get _mod() { return this._handle ? engine.mod : null; }

  // A fresh promise for each load; one still pending follows the newer load.
  _newReadyPromise() {
    const pending = this._readyPending;
    let settle;
    this._ready = new Promise((resolve, reject) => { settle = { resolve, reject }; });
    this._ready.catch(() => {}); // failures are reported through the articleerror event and the status line
    this._readyPending = settle;
    if (pending) this._ready.then(pending.resolve, pending.reject);
  }

  _resolveReady() {
    const pending = this._readyPending;
    this._readyPending = null;
    if (pending) pending.resolve(this);
    this._emit('ready', null);
  }

  connectedCallback() {
    this._leaving = false;
    if (!this._started) { this._started = true; this._load(); return; }
    // Moved in the DOM: the widget, its article and its observers stay; its surroundings are new. The canvas is drawn
    // again: WebKit may drop a detached canvas's pixels.
    if (!this._handle) return;
    this._resize();
    if (this._glAvailable) this._command({ cmd: 'shown' });
  }

  // A removal frees the widget; a move (disconnected, then connected again in the same task) keeps everything.
  disconnectedCallback() {
    this._leaving = true;
    queueMicrotask(() => { if (this._leaving && !this.isConnected) this.destroy(); });
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue) return;
    if (!this._started) { if (this._restartable() && (name === 'src' || name === 'config')) this._start(); return; }
    if (name === 'theme') { this._applyTheme(); this._applyPalette(); } else this._load();
  }

  // The article on screen (from src, an inline script or this property); null before one is shown.
  get markdown() { return this._shownMarkdown; }
  set markdown(text) { this._markdown = text === null ? null : String(text); if (this._started || this._restartable()) this._start(); }

  // A destroyed element that is still in the page loads again when its article changes.
  _restartable() { return this._destroyed && this.isConnected; }
  _start() { this._started = true; this._load(); }

  // The element's font families, as CSS computes them (inherited from the page), for fonts the config
  // does not name; headings and code from two optional custom properties.
  _fontFamilies() {
    const style = getComputedStyle(this);
    return {
      body: style.fontFamily,
      heading: style.getPropertyValue('--aw-heading-font').trim() || style.fontFamily,
      code: style.getPropertyValue('--aw-code-font').trim() || 'monospace',
    };
  }

  // [SECTION] events from the module -------------------------------------------------------
  // Every event the element fires bubbles and crosses shadow roots, so a listener on document hears it.
  _emit(type, detail, cancelable = false) {
    return this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
  }

  _onWidgetEvent(type, detail) {
    const htmlView = isHtmlView(this._view);
    switch (type) {
      case 'scroll': {
        if (htmlView) break;   // the HTML view scrolls natively (see reveal)
        this._scrollArticleToKept(detail.y, detail.smooth ? 'smooth' : 'auto');
        break;
      }
      case 'reveal': if (htmlView) this._revealInMirror(detail.id); break;
      case 'cursor': this._canvas.style.cursor = detail.cursor; break;
      case 'link': this._openLink(detail.href); break;
      case 'log': console.info('article-widget: ' + detail.message); break;
      case 'focus': this._focusMirror(detail.name); break;
      case 'mirror': this._applyMirror(detail); break;
      case 'hash': history.replaceState(null, '', detail.hash); break;
      case 'stagechange': this._emit('stagechange', detail); break;
      case 'faqtoggle': this._emit('faqtoggle', detail); break;
      case 'error': if (!this._quietRefusals) this._emit('articleerror', detail); break;
      case 'configproblems': {   // during a load: the config (its defaults apply) or an attribute could not be used
        const errors = detail.config.split('\n').filter(Boolean);
        // Readers see a notice only when the config was not used; a left-out attribute is the page author's to see.
        if (errors.length) this._configNotice = `${errors[0]}${errors.length > 1 ? ` (+${errors.length - 1})` : ''}`;
        for (const message of [detail.config, detail.attributes].filter(Boolean)) {
          this._emit('articleerror', { message });
          console.warn(`article-widget: ${message}`);
        }
        break;
      }
      case 'redraw': this._schedule(); break;   // the core wants a frame (its runner's frameRequested hook)
      default: break;
    }
  }

  _openLink(href) {
    if (this._emit('linkclick', { href }, true)) window.open(href, '_blank', 'noopener');
  }

  // [SECTION] API -----------------------------------------------------------------------------
  // Methods return whether they did what was asked; a call the article cannot honour (no such
  // stage, a bad argument, before the article is loaded) also fires articleerror with the reason.
  _api(obj) {
    if (this._handle && this._shownMarkdown !== null) return this._command(obj);
    const why = this._destroyed ? 'the widget was destroyed (destroy()); set src or markdown, or insert the element again, to load it anew'
      : 'no article is loaded yet (wait for the ready promise)';
    this._emit('articleerror', { message: `${obj.cmd}: ${why}` });
    return false;
  }

  // A mirror link to an anchor that is not a section (a footnote) is the browser's own: no articleerror.
  _scrollToAnchorQuietly(id) {
    this._quietRefusals = true;
    try { return this._command({ cmd: 'scrollToAnchor', id }); } finally { this._quietRefusals = false; }
  }

  // Scrolls the canvas to the closest mirror element around `el` (itself first) whose id the core knows: a section,
  // a stage, a question (or its panel), a footnote or a reference to one. False when there is none.
  _scrollToClosestAnchor(el) {
    for (let n = el; n && n !== this._mirror; n = n.parentElement) {
      if (n.id && this._scrollToAnchorQuietly(n.id.replace(/-panel$/, ''))) return true;
    }
    return false;
  }

  selectStage(index) { return this._api({ cmd: 'selectStage', index }); }
  toggleFaq(index, open) { return this._api(open === undefined ? { cmd: 'toggleFaq', index } : { cmd: 'toggleFaq', index, open }); }
  expandAll() { return this._api({ cmd: 'expandAll' }); }
  collapseAll() { return this._api({ cmd: 'collapseAll' }); }
  scrollToAnchor(id) { return this._api({ cmd: 'scrollToAnchor', id }); }
  getState() { const s = this._query('state'); return s ? JSON.parse(s) : null; }
  setState(state) { return this._api({ cmd: 'setState', state }); }
  getLayout() {
    if (!this._glAvailable) return null;   // nothing is drawn, so nothing is laid out
    // The layout of the current state: draw the pending frame first, if there is one.
    this._frameNow();
    const s = this._query('layout');
    // The canvas draws the article from the element's top: content coordinates are element coordinates.
    return s ? JSON.parse(s) : null;
  }
  getModel() { const s = this._query('model'); return s ? JSON.parse(s) : null; }
  /** Frames drawn so far: a diagnostic for idle and visibility tests. */
  get framesDrawn() { return this._framesDrawn; }
}

// [SECTION] defining the element ---------------------------------------------------------
// The methods of the modules by concern join the class's own (their classes are never constructed).
for (const part of [EngineCalls, Loading, Frames, Place, HostStyle, Mirror, Input, Views]) {
  for (const [name, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(part.prototype))) {
    if (name !== 'constructor') Object.defineProperty(ArticleWidgetElement.prototype, name, descriptor);
  }
}

// Whether this build should define the element: in a browser, once per page (whichever build comes first).
export function elementWanted() {
  return typeof window !== 'undefined' && !!window.customElements && !customElements.get('article-widget');
}

// Defines <article-widget>, its WebAssembly at `wasmUrl` (called once, when elementWanted()).
export function defineArticleWidget(wasmUrl) {
  setWasmUrl(wasmUrl);
  createHtmlPolicy();
  customElements.define('article-widget', ArticleWidgetElement);
  return ArticleWidgetElement;
}
