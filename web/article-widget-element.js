// The <article-widget> custom element: fetches the article, runs one WebAssembly instance per element,
// draws only when something changes, lets the page scroll natively (the canvas is sticky), and keeps
// an accessible mirror (semantic HTML with real buttons) in step with the canvas both ways. The mirror
// is also the element's HTML view: the Text view, the printed article, and the interactive article
// where WebGL is unavailable. Works under a strict CSP with Trusted Types (see the README).
// Appended to the Emscripten module factory (--extern-post-js), so one <script> defines everything.
// [SECTION] constants  [SECTION] styles  [SECTION] trusted HTML  [SECTION] helpers  [SECTION] host style
// [SECTION] lifecycle  [SECTION] loading  [SECTION] frames and sizing  [SECTION] events from the module
// [SECTION] the mirror and the HTML view  [SECTION] canvas input  [SECTION] API
(function () {
  'use strict';
  if (typeof window === 'undefined' || !window.customElements || customElements.get('article-widget')) return;

  // [SECTION] constants ------------------------------------------------------
  const createModule = createArticleWidgetModule; // eslint-disable-line no-undef
  const wasmUrl = moduleWasmUrl();
  const KEY_CODES = {
    Tab: 9, ArrowLeft: 37, ArrowRight: 39, ArrowUp: 38, ArrowDown: 40, PageUp: 33, PageDown: 34, Home: 36, End: 35,
    Insert: 45, Delete: 46, Backspace: 8, ' ': 32, Enter: 13, Escape: 27, a: 65, c: 67, v: 86, x: 88, y: 89, z: 90,
  };
  const MODEL_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'Enter', ' ', 'Escape']);
  const SLOW_MS = 8000;
  // Theming: custom properties on the element, read once per change (never per frame).
  const THEME_PROPERTIES = { text: '--aw-text', background: '--aw-background', accent: '--aw-accent' };
  const COLUMN_PROPERTY = '--aw-column-width';
  const WATCHED_PROPERTIES = new Set(['color', ...Object.values(THEME_PROPERTIES), COLUMN_PROPERTY]);

  // Where article-widget.wasm is: beside this script. The classic script knows its own URL only while it
  // first runs (document.currentScript); the ES module (article-widget.mjs, cmake/web_package.cmake) names the
  // file from import.meta.url, in the form bundlers copy.
  function moduleWasmUrl() {
    if (typeof articleWidgetWasmUrl === 'string') return articleWidgetWasmUrl; // eslint-disable-line no-undef
    const script = document.currentScript;
    return new URL('article-widget.wasm', script && script.src ? script.src : document.baseURI).href;
  }

  // [SECTION] styles ---------------------------------------------------------
  // One constructable stylesheet shared by every element (adoptedStyleSheets): no <style> text and no
  // style attributes, so a host's `style-src 'self'` allows it. Values set from script go through CSSOM.
  const STYLE = `
    :host { display: block; position: relative; min-height: 4rem; min-width: 0;
      /* Host colour changes (a dark-mode switch) and --aw-* changes start a transition: the element
         re-reads its theme then, and only then. */
      transition: color 1ms step-start, --aw-text 1ms step-start, --aw-background 1ms step-start, --aw-accent 1ms step-start,
        --aw-column-width 1ms step-start;
      transition-behavior: allow-discrete; }
    :host([hidden]) { display: none; }
    .root { position: relative; --column: var(--aw-column-width, 680px); }
    /* The canvas has no intrinsic width; this gives the element a paragraph's (wide, yet able to shrink
       to 64 px), so as a flex or grid item, or in a shrink-to-fit box, it is as wide as a block of text. */
    .sizer { height: 0; overflow: hidden; visibility: hidden; font-size: 0; line-height: 0; }
    .sizer span { display: inline-block; width: 64px; }
    .probe { position: absolute; visibility: hidden; pointer-events: none; }
    .status { font: 15px/1.5 system-ui, sans-serif; padding: 0.9rem 1.2rem; border-radius: 8px; margin: 1rem auto; max-width: var(--column); }
    .status:empty { display: none; }
    .status.error { background: #fdecea; color: #7a1710; border: 1px solid #c23b2e; }
    .status.loading { opacity: 0.75; }
    .status button { font: inherit; margin-left: 0.75rem; padding: 0.2rem 0.8rem; border-radius: 999px; border: 1px solid currentColor;
      background: transparent; color: inherit; cursor: pointer; }
    .fallback, .mirror.shown { max-width: var(--column); margin: 0 auto; line-height: 1.6; overflow-wrap: break-word; }
    .fallback pre { white-space: pre-wrap; font: inherit; }
    pre { tab-size: 4; }   /* code as written: tab stops of 4, as on the canvas */
    .root.ready .fallback { display: none; }
    /* The drawn view: a sticky, one-viewport-tall canvas inside a box as tall as the article. It sticks
       below the host's scroll-padding-top (a fixed header), so the progress bar stays in sight. */
    .stage { display: none; }
    .root.ready .stage { display: block; }
    .viewport { position: sticky; top: var(--sticky-top, 0px); overflow: hidden; }
    canvas { display: block; width: 100%; height: 100%; outline: none; touch-action: pan-y; }
    /* Text view / Interactive view: a zero-height sticky bar, so the button stays in sight while reading. */
    .bar { position: sticky; top: var(--sticky-top, 0px); height: 0; z-index: 2; }
    .textview { position: absolute; right: 8px; top: 10px; font: 13px/1 system-ui, sans-serif; padding: 6px 10px;
      border-radius: 999px; border: 1px solid #8a8f99; background: rgba(255,255,255,0.92); color: #24262b; cursor: pointer;
      opacity: 0; transition: opacity 0.15s; }
    .root.ready:hover .textview, .textview:focus-visible, .root.html-view .textview { opacity: 1; }
    .note { font: 14px/1.5 system-ui, sans-serif; opacity: 0.75; max-width: var(--column); margin: 0 auto 0.75rem; }
    /* While the canvas shows, the mirror stays for assistive technology, find-in-page and copying, out of
       sight; fixed so that focusing a control never scrolls the page to it. */
    .sr-only { position: fixed !important; left: 0; top: 0; width: 1px; height: 1px; overflow: hidden;
      clip-path: inset(50%); white-space: nowrap; margin: 0; padding: 0; }

    /* The HTML view (Text view, no WebGL, print): the mirror, visible, in the host's fonts and colours
       (or the theme's, when one is forced), with working buttons. */
    .root.html-view .stage { display: none; }
    .mirror.shown { color: var(--ink, inherit); background: var(--paper, transparent); }
    .mirror.shown h1, .mirror.shown h2, .mirror.shown h3, .mirror.shown h4 { line-height: 1.25; color: var(--heading, inherit); }
    .mirror.shown a { color: var(--link, inherit); }
    .mirror.shown pre { overflow-x: auto; padding: 0.8em 1em; border-radius: 6px; background: var(--surface, rgba(127,127,127,0.1)); }
    .mirror.shown blockquote { margin-left: 0; padding-left: 1em; border-left: 3px solid var(--rule, rgba(127,127,127,0.4)); }
    .mirror.shown button, .mirror.shown input { font: inherit; font-size: 0.95em; color: inherit; }
    .mirror.shown button { cursor: pointer; border: 1px solid var(--rule, rgba(127,127,127,0.5)); background: transparent;
      border-radius: 999px; padding: 0.15em 0.9em; }
    .mirror.shown button:hover { border-color: var(--link, currentColor); }
    .mirror.shown :focus-visible { outline: 2px solid var(--link, currentColor); outline-offset: 2px; }
    .mirror.shown .aw-timeline { list-style: none; padding: 0 0 0 1.4em; margin: 1.5em 0 0.75em; border-left: 2px solid var(--rule, rgba(127,127,127,0.4)); }
    .mirror.shown .aw-stage { margin: 0.35em 0; }
    .mirror.shown .aw-stage-button { font-weight: 600; text-align: left; }
    .mirror.shown .aw-stage-button[aria-current] { background: var(--link, currentColor); border-color: var(--link, currentColor);
      color: var(--on-link, Canvas); }
    .mirror.shown .aw-stage:not(:has(> .aw-stage-button[aria-current])) > :not(.aw-stage-button) { display: none; }
    .mirror.shown .aw-stage-summary { display: block; margin-top: 0.4em; }
    .mirror.shown .aw-timeline-controls, .mirror.shown .aw-faq-controls { display: flex; flex-wrap: wrap; gap: 0.5em; align-items: center; margin: 0.5em 0 1.5em; }
    .mirror.shown .aw-faq-controls input { padding: 0.3em 0.6em; border-radius: 6px; border: 1px solid var(--rule, rgba(127,127,127,0.5));
      background: transparent; margin-left: 0.4em; }
    .mirror.shown .aw-faq-question { margin: 0; border-top: 1px solid var(--rule, rgba(127,127,127,0.3)); }
    .mirror.shown .aw-faq-question button { display: block; width: 100%; text-align: left; border: 0; border-radius: 6px;
      padding: 0.6em 0.2em; font-weight: 600; font-size: 1em; }
    .mirror.shown .aw-faq-question button::before { content: "+"; display: inline-block; width: 1.2em; color: var(--link, inherit); }
    .mirror.shown .aw-faq-question button[aria-expanded="true"]::before { content: "\\2212"; }
    .mirror.shown .aw-faq-answer { padding: 0 0.2em 0.5em 1.4em; }
    .mirror.shown .aw-faq-status:empty { display: none; }
    .mirror.shown .aw-meta { margin-top: -0.4em; font-size: 0.875em; color: var(--muted, inherit); }

    @media print {
      /* The whole article on paper: every stage, every answer, links with their URLs; no canvas, no controls. */
      .sizer, .status, .bar, .stage, .note, .aw-timeline-controls, .aw-faq-controls, .aw-faq-status { display: none !important; }
      .mirror, .mirror.sr-only { position: static !important; width: auto !important; height: auto !important; overflow: visible !important;
        clip-path: none !important; white-space: normal !important; max-width: var(--column); margin: 0 auto; background: none; color: inherit; }
      .root:not(.ready) .mirror { display: none; }
      .mirror [hidden] { display: block !important; }
      .mirror .aw-timeline { list-style: decimal !important; padding-left: 1.6em !important; border: 0 !important; }
      .mirror .aw-stage > * { display: revert !important; }
      .mirror .aw-stage > .aw-stage-summary { display: block !important; }
      .mirror .aw-stage { break-inside: avoid; }
      .mirror button { all: unset; font-weight: 700; }
      .mirror .aw-faq-question button::before { content: none; }
      .mirror a[href^="http"]::after, .mirror a[href^="mailto:"]::after, .fallback a[href^="http"]::after {
        content: " (" attr(href) ")"; font-size: 0.9em; overflow-wrap: anywhere; }
    }
  `;
  let sharedSheet = null;
  function adoptStyles(root) {
    if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
      if (!sharedSheet) { sharedSheet = new CSSStyleSheet(); sharedSheet.replaceSync(STYLE); }
      root.adoptedStyleSheets = [sharedSheet];
    } else {   // older browsers, which know no constructable stylesheets (nor Trusted Types)
      const style = document.createElement('style');
      style.textContent = STYLE;
      root.appendChild(style);
    }
  }

  // [SECTION] trusted HTML -----------------------------------------------------
  // The only HTML the element writes is the core's: escaped, with no raw HTML from the article. Under
  // `require-trusted-types-for 'script'` it passes through the policy named "article-widget", which
  // accepts a string only with a token private to this file.
  const CORE_HTML = Symbol('the core\u2019s escaped HTML');
  let htmlPolicy = null, policyError = '';
  if (window.trustedTypes && trustedTypes.createPolicy) {
    try {
      htmlPolicy = trustedTypes.createPolicy('article-widget', {
        createHTML: (html, token) => {
          if (token !== CORE_HTML) throw new TypeError('article-widget: the policy accepts only the widget\u2019s own escaped HTML');
          return html;
        },
      });
    } catch (e) {
      policyError = 'This page\u2019s Content-Security-Policy does not allow the Trusted Types policy "article-widget" (add it to trusted-types)';
    }
  }
  function setCoreHtml(element, html) {
    try {
      element.innerHTML = htmlPolicy ? htmlPolicy.createHTML(html, CORE_HTML) : html;
    } catch (e) {
      throw new Error(policyError || e.message);
    }
  }

  // [SECTION] helpers ---------------------------------------------------------
  function make(tag, className, attributes = {}) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    return node;
  }

  async function fetchText(url, what, signal) {
    let response;
    try {
      response = await fetch(url, { credentials: 'same-origin', signal });
    } catch (e) {
      if (e.name === 'AbortError') throw e;
      throw new Error(`Could not load the ${what} (${url}): ${e.message}`);
    }
    if (!response.ok) throw new Error(`Could not load the ${what} (${url}): the server answered ${response.status}`);
    const type = (response.headers.get('content-type') || '').toLowerCase();
    if (type && !/^(text\/|application\/(json|x-markdown|markdown|octet-stream))/.test(type)) {
      throw new Error(`The ${what} (${url}) is not text (the server sent ${type.split(';')[0]})`);
    }
    const text = await response.text();
    if (!text.trim()) throw new Error(`The ${what} (${url}) is empty`);
    if (text.includes('\u0000') && what === 'article') throw new Error(`The ${what} (${url}) is not text (it holds NUL bytes)`);
    return text;
  }

  function withCString(mod, text, fn) {
    const bytes = mod.lengthBytesUTF8(text) + 1;
    const ptr = mod._aw_alloc(bytes);
    if (!ptr) throw new Error('The widget ran out of memory');
    mod.stringToUTF8(text, ptr, bytes);
    try { return fn(ptr, bytes - 1); } finally { mod._aw_free(ptr); }
  }

  // An inline <script> child's text. The offline bundle marks its scripts data-escaped: exact text in which
  // every "<" + backslashes + "/" or "!" got one more backslash (so "</script>" cannot end the element);
  // undo that. Anything else is hand-written: dedented.
  function inlineText(script) {
    if (script.hasAttribute('data-escaped')) return script.textContent.replace(/<\\(\\*[/!])/g, '<$1');
    return dedent(script.textContent);
  }

  // Inline Markdown is usually indented with the page's HTML: remove the common indentation.
  function dedent(text) {
    const lines = text.replace(/^\s*\n/, '').split('\n');
    const indents = lines.filter((l) => l.trim()).map((l) => l.match(/^[ \t]*/)[0].length);
    const cut = indents.length ? Math.min(...indents) : 0;
    return lines.map((l) => l.slice(cut)).join('\n');
  }

  // Attributes that override the config: merged into its JSON when it parses (otherwise the core
  // reports the config error itself).
  function mergeConfig(configText, element) {
    const prefix = element.getAttribute('hash-prefix');
    const start = element.getAttribute('start-stage');
    // Relative links and images resolve against the article's own URL (its src; else this page's).
    const src = element.getAttribute('src');
    const fromSrc = src && element._markdown === null && !element.querySelector('script[type="text/markdown"]');
    const base = new URL(fromSrc ? src : '', document.baseURI);
    const baseUrl = /^(https?|file):$/.test(base.protocol) ? base.href : null;
    if (prefix === null && start === null && baseUrl === null) return configText;
    let config = {};
    if (configText.trim()) {
      try { config = JSON.parse(configText); } catch { return configText; }
      if (!config || typeof config !== 'object' || Array.isArray(config)) return configText;
    }
    if (baseUrl !== null && config.baseUrl === undefined) config.baseUrl = baseUrl;
    if (prefix !== null) config.deepLinkPrefix = prefix;
    if (start !== null && /^\d+$/.test(start)) config.initialStage = Number(start);
    return JSON.stringify(config);
  }

  // [SECTION] host style ------------------------------------------------------
  // Colours as "#rrggbb" for the core, whatever CSS syntax they were written in; null for none or
  // a fully transparent colour. A 2D canvas context normalises any CSS colour to sRGB.
  let colorContext = null;
  function parseRgb(text) {
    const m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(text);
    if (!m) return null;
    const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
    return { rgb: [m[1], m[2], m[3]].map((v) => Math.round(Number(v))), alpha };
  }
  function colorToHex(css) {
    let c = parseRgb(css);
    if (!c) {
      colorContext = colorContext || document.createElement('canvas').getContext('2d');
      if (!colorContext) return null;
      colorContext.fillStyle = '#000000';
      colorContext.fillStyle = css;
      const normal = colorContext.fillStyle;
      c = normal.startsWith('#') ? { rgb: [1, 3, 5].map((i) => parseInt(normal.slice(i, i + 2), 16)), alpha: 1 } : parseRgb(normal);
    }
    if (!c || c.alpha === 0) return null;
    return '#' + c.rgb.map((v) => Math.min(255, Math.max(0, v)).toString(16).padStart(2, '0')).join('');
  }

  // What stands behind the element: the first ancestor (across shadow roots) with a background colour;
  // with none, the page's canvas, light or dark as the text colour implies.
  function pageBackground(element, textHex) {
    for (let node = element.parentNode; node; node = node.parentNode || node.host) {
      if (node.nodeType !== 1) continue;
      const hex = colorToHex(getComputedStyle(node).backgroundColor);
      if (hex) return hex;
    }
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(textHex.slice(i, i + 2), 16));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b > 128 ? '#121212' : '#ffffff';
  }

  // The host's scroll-padding-top (a fixed header's height), in CSS px.
  function scrollPaddingTop() {
    const value = getComputedStyle(document.documentElement).scrollPaddingTop;
    if (!value || value === 'auto') return 0;
    const n = parseFloat(value) || 0;
    return Math.max(0, value.endsWith('%') ? (window.innerHeight * n) / 100 : n);
  }

  // [SECTION] lifecycle -------------------------------------------------------------
  class ArticleWidgetElement extends HTMLElement {
    static get observedAttributes() { return ['src', 'config', 'theme', 'hash-prefix', 'start-stage']; }

    constructor() {
      super();
      const root = this.attachShadow({ mode: 'open' });
      adoptStyles(root);
      this._root = make('div', 'root');
      const sizer = make('div', 'sizer', { 'aria-hidden': 'true' });
      for (let i = 0; i < 64; i++) sizer.append(make('span'), ' ');
      this._probe = make('div', 'probe', { 'aria-hidden': 'true' });
      this._status = make('div', 'status loading', { role: 'status', 'aria-live': 'polite' });
      const fallback = make('div', 'fallback');
      this._source = make('div', 'source');
      fallback.append(make('slot'), this._source);
      const bar = make('div', 'bar');
      this._textButton = make('button', 'textview', { type: 'button', 'aria-pressed': 'false' });
      this._textButton.textContent = 'Text view';
      this._textButton.hidden = true;
      bar.append(this._textButton);
      this._stage = make('div', 'stage');
      this._viewport = make('div', 'viewport', { part: 'viewport' });
      this._canvas = make('canvas', '', { part: 'canvas', tabindex: '-1', 'aria-hidden': 'true' });
      this._viewport.append(this._canvas);
      this._stage.append(this._viewport);
      this._note = make('p', 'note');
      this._note.hidden = true;
      this._mirror = make('div', 'mirror sr-only');
      this._root.append(sizer, this._probe, this._status, fallback, bar, this._stage, this._note, this._mirror);
      root.append(this._root);

      this._mod = null;
      this._raf = 0;
      this._visible = true;
      this._contentHeight = 0;
      this._stickyTop = 0;
      this._firstFrameDrawn = false;
      this._markdown = null;        // set through the property: beats src and inline Markdown
      this._shownMarkdown = null;   // the article on screen, wherever it came from
      this._generation = 0;
      this._newReadyPromise();
      this._onScroll = () => this._syncScroll();
      this._onResize = () => this._resize();
      this._onHash = () => this._command({ cmd: 'deepLink', hash: location.hash });
      this._onVisibility = () => {
        if (!document.hidden) { this._schedule(); return; }
        if (this._raf) cancelAnimationFrame(this._raf);   // nothing is drawn in a hidden tab
        this._raf = 0;
      };
      this._onStyleChange = (e) => { if (e.target === this && WATCHED_PROPERTIES.has(e.propertyName)) this._readHostStyle(); };
      this.addEventListener('transitionend', this._onStyleChange);
      this._textButton.addEventListener('click', () => this._setHtmlView(!this._root.classList.contains('html-view')));
      this._installMirrorInput();
    }

    get ready() { return this._ready; }

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
      if (!this._started) { this._started = true; this._load(); }
    }

    disconnectedCallback() { this.destroy(); }

    attributeChangedCallback(name, oldValue, newValue) {
      if (!this._started || oldValue === newValue) return;
      if (name === 'theme') { this._applyTheme(); this._applyPalette(); } else this._load();
    }

    // The article on screen (from src, an inline script or this property); null before one is shown.
    get markdown() { return this._shownMarkdown; }
    set markdown(text) { this._markdown = text === null ? null : String(text); if (this._started) this._load(); }

    // [SECTION] loading ----------------------------------------------------------------
    async _load() {
      const generation = ++this._generation;
      if (this._abort) this._abort.abort();
      this._abort = new AbortController();
      this._newReadyPromise();
      this._firstFrameDrawn = false;
      this._frameOwed = false;      // set once this load's article is in the module: its first frame resolves ready
      this._failed = false;
      this._crashedMessage = null;
      this._setStatus('loading', 'Loading article\u2026');
      const slow = setTimeout(() => {
        if (generation === this._generation && !this._firstFrameDrawn) this._setStatus('loading', 'Still loading the article\u2026 (the server is slow)');
      }, SLOW_MS);
      try {
        const inline = this.querySelector('script[type="text/markdown"]');
        const inlineConfig = this.querySelector('script[type="application/json"][data-config]');
        const src = this.getAttribute('src');
        const configUrl = this.getAttribute('config');
        if (!this._mod) this._instantiate();
        const [markdown, config] = await Promise.all([
          this._markdown !== null ? this._markdown : inline ? inlineText(inline)
            : src ? fetchText(new URL(src, document.baseURI), 'article', this._abort.signal)
            : Promise.reject(new Error('No article: set the src attribute, the markdown property, or a <script type="text/markdown"> child')),
          configUrl ? fetchText(new URL(configUrl, document.baseURI), 'config', this._abort.signal)
            : inlineConfig ? inlineText(inlineConfig) : '',
        ]);
        if (generation !== this._generation) return;
        // Until the canvas is drawn, the article is readable: the host's own HTML if it gave some, else the text.
        if (!this.children.length || (this.children.length === 1 && inline)) this._source.replaceChildren(make('pre'));
        if (this._source.firstChild) this._source.firstChild.textContent = markdown;
        const merged = mergeConfig(config, this);
        this._pendingSource = [markdown, merged];
        // While the module downloads, the browser measures the article's characters (web/article-widget-text.js).
        if (!this._mod && this._moduleArgs && this._moduleArgs.prepareText) this._moduleArgs.prepareText(markdown, merged);
        if (!this._mod) await this._createModule();
        if (generation !== this._generation) return;
        // The size limit is checked before the Markdown is copied into the module's memory.
        const bytes = new TextEncoder().encode(markdown).length;
        const tooBig = withCString(this._mod, merged, (cp, cl) => this._mod.UTF8ToString(this._mod._aw_size_error(bytes, cp, cl)));
        if (tooBig) throw new Error(tooBig);
        const ok = withCString(this._mod, markdown, (mp, ml) => withCString(this._mod, merged, (cp, cl) => this._mod._aw_set_document(mp, ml, cp, cl)));
        if (!ok) throw new Error(this._query('error'));
        this._shownMarkdown = markdown;
        this._frameOwed = !this._htmlOnly;
        this._applyTheme();
        this._hostStyleJson = '';
        this._buildMirror();
        this._setStatus('', '');
        this._source.textContent = '';
        this._root.classList.add('ready');
        this._textButton.hidden = this._htmlOnly;
        this._resize();
        if (location.hash) this._command({ cmd: 'deepLink', hash: location.hash });
        if (this._htmlOnly) this._resolveReady();   // no frame to wait for: the HTML view is the article
        this._schedule();
      } catch (e) {
        if (generation !== this._generation || e.name === 'AbortError') return;
        if (this._crashedMessage) return;   // _crashed has already said what happened, in words
        this._fail(e.message || String(e));
      } finally {
        clearTimeout(slow);
      }
    }

    // Starts downloading and compiling the WebAssembly; called as loading begins, so the module
    // arrives while the article is still being fetched.
    _instantiate() {
      if (!this._modulePromise) {
        // The font families the canvas uses where the config names none: the element's own, as CSS
        // computes it (inherited from the page), and for headings and code two optional custom properties.
        const style = getComputedStyle(this);
        const textDefaults = {
          body: style.fontFamily,
          heading: style.getPropertyValue('--aw-heading-font').trim() || style.fontFamily,
          code: style.getPropertyValue('--aw-code-font').trim() || 'monospace',
        };
        this._moduleArgs = {
          canvas: this._canvas,
          textDefaults,
          locateFile: (path) => (path.endsWith('.wasm') ? wasmUrl : new URL(path, wasmUrl).href),
          wasmBinary: undefined,   // the single-file bundle's bytes (window.__articleWidgetWasm); otherwise fetched
          print: (text) => console.log(text),
          printErr: (text) => console.warn(text),
          onAbort: (what) => this._crashed(what),
        };
        this._modulePromise = (async () => {
          this._moduleArgs.wasmBinary = await window.__articleWidgetWasm;
          return createModule(this._moduleArgs);
        })();
        this._modulePromise.catch(() => {});   // reported where it is awaited
      }
      return this._modulePromise;
    }

    async _createModule() {
      const mod = await this._instantiate();
      this._modulePromise = null;   // an instance is used once; a retry after a crash starts a new one
      mod.onWidgetEvent = (type, json) => this._onWidgetEvent(type, JSON.parse(json));
      // The article's own semantic HTML replaces the plain-text preview at once, before the canvas is ready.
      if (this._pendingSource && this._source.firstChild) {
        const [md, cfg] = this._pendingSource;
        const html = withCString(mod, md, (mp, ml) => withCString(mod, cfg, (cp, cl) => mod.UTF8ToString(mod._aw_preview_html(mp, ml, cp, cl))));
        if (html) setCoreHtml(this._source, html);
      }
      const rect = this._root.getBoundingClientRect();
      const created = mod._aw_create(Math.max(1, rect.width), Math.max(1, window.innerHeight), window.devicePixelRatio || 1);
      if (!created) throw new Error('The widget could not start (out of memory)');
      // Without WebGL (a blocklisted GPU, a remote desktop) the interactive HTML view is the article.
      this._htmlOnly = created === 2;
      this._mod = mod;
      if (this._htmlOnly) {
        this._note.textContent = 'The drawn view needs WebGL, which this browser does not offer; this is the same article as a page.';
        this._note.hidden = false;
        this._setHtmlView(true);
      } else {
        this._installCanvasInput();
      }
      window.addEventListener('scroll', this._onScroll, { passive: true });
      window.addEventListener('resize', this._onResize);
      window.addEventListener('hashchange', this._onHash);
      document.addEventListener('visibilitychange', this._onVisibility);
      // Width changes only: the height is the article's own, set from here.
      this._resizeObserver = new ResizeObserver((entries) => {
        const width = entries[entries.length - 1].contentRect.width;
        if (width !== this._observedWidth) { this._observedWidth = width; this._resize(); }
      });
      this._resizeObserver.observe(this);
      this._intersection = new IntersectionObserver((entries) => {
        this._visible = entries[entries.length - 1].isIntersecting;
        if (this._visible) this._schedule();
      });
      this._intersection.observe(this);
      this._media = [matchMedia('(prefers-color-scheme: dark)'), matchMedia('(prefers-reduced-motion: reduce)')];
      for (const m of this._media) m.addEventListener('change', this._onResize);
      this._watchPixelRatio();
    }

    _fail(message) {
      this._failed = true;
      this._setStatus('error', message, true);
      this._emit('articleerror', { message });
      const pending = this._readyPending;
      this._readyPending = null;
      if (pending) pending.reject(new Error(message));
    }

    // The module aborted (out of memory, or a bug): never leave a frozen canvas behind.
    _crashed(what) {
      const message = /memory|OOM|alloc/i.test(String(what))
        ? 'The article is too large for this device (the widget ran out of memory).'
        : 'The widget stopped unexpectedly; on a very large article it has most likely run out of memory.';
      if (this._raf) cancelAnimationFrame(this._raf);
      this._raf = 0;
      this._mod = null;   // an aborted module is never called again; Try again starts a new one
      this._crashedMessage = message;
      this._root.classList.remove('ready');
      this._fail(message);
    }

    _setStatus(kind, text, retry) {
      this._status.className = 'status ' + kind;
      this._status.textContent = text;
      this._status.setAttribute('role', kind === 'error' ? 'alert' : 'status');
      if (retry) {
        const button = make('button', '', { type: 'button' });
        button.textContent = 'Try again';
        button.addEventListener('click', () => this._load());
        this._status.appendChild(button);
      }
    }

    // [SECTION] frames and sizing ----------------------------------------------------------
    _schedule() {
      if (this._raf || !this._mod || !this._visible || document.hidden || this._root.classList.contains('html-view')) return;
      this._raf = requestAnimationFrame((t) => this._frame(t));
    }

    _frame(time) {
      this._raf = 0;
      if (!this._mod || this._contextLost || document.hidden) return;
      const more = this._mod._aw_frame(time);
      this._framesDrawn = (this._framesDrawn || 0) + 1;
      this._syncHeight();
      if (this._frameOwed) {
        this._frameOwed = false;
        this._firstFrameDrawn = true;
        performance.mark('aw-first-frame');
        this._resolveReady();
      }
      if (more) this._schedule();
    }

    // Input is drawn at once, inside the event, so a click opens a link within the user's gesture.
    _frameNow() {
      if (this._mod && !this._contextLost && this._firstFrameDrawn) this._frame(performance.now());
    }

    // The stage is as tall as the article, so the page scrolls natively past the sticky canvas.
    _syncHeight() {
      const height = Math.ceil(this._mod._aw_content_height());
      if (height > 0 && height !== this._contentHeight) {
        this._contentHeight = height;
        this._stage.style.height = height + 'px';
        this._sizeCanvas();
      }
    }

    // The canvas is one window tall, less the host's fixed header (scroll-padding-top).
    _viewportHeight() {
      const available = Math.max(1, window.innerHeight - this._stickyTop);
      return Math.max(1, Math.min(available, this._contentHeight || available));
    }

    // A change around the element (window size, colour scheme, pixel ratio): the host style is read
    // again, then the canvas sized.
    _resize() {
      if (!this._mod) return;
      this._readHostStyle();
      this._applyPalette();
      this._sizeCanvas();
    }

    _sizeCanvas() {
      if (!this._mod || this._htmlOnly) return;
      const width = Math.max(1, this._root.clientWidth);
      const height = this._viewportHeight();
      const dpr = window.devicePixelRatio || 1;
      this._viewport.style.height = height + 'px';
      this._canvas.width = Math.round(width * dpr);
      this._canvas.height = Math.round(height * dpr);
      this._mod._aw_resize(width, height, dpr, this._media && this._media[0].matches ? 1 : 0, this._media && this._media[1].matches ? 1 : 0);
      this._syncScroll();
      this._schedule();
    }

    _watchPixelRatio() {
      const query = matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
      query.addEventListener('change', () => { this._resize(); if (this._mod) this._watchPixelRatio(); }, { once: true });
    }

    // Where the page has scrolled to: the article's y at the top of the sticky canvas.
    _syncScroll() {
      if (!this._mod || this._htmlOnly) return;
      const top = this._stage.getBoundingClientRect().top;
      const max = Math.max(0, this._contentHeight - this._viewportHeight());
      const y = Math.min(Math.max(0, this._stickyTop - top), max);
      if (y !== this._scrollY) {
        this._scrollY = y;
        this._command({ cmd: 'hostScroll', y });
      }
    }

    // Theming from CSS: the host's text colour and background, the element's --aw-* properties and the
    // host's scroll-padding-top, read on load, resize, colour-scheme and theme changes and when a
    // transition says they changed, and sent to the core only when something differs.
    _readHostStyle() {
      if (!this._mod) return;
      const style = getComputedStyle(this);
      const stickyTop = scrollPaddingTop();
      if (stickyTop !== this._stickyTop) {
        this._stickyTop = stickyTop;
        this._root.style.setProperty('--sticky-top', stickyTop + 'px');
      }
      const pageText = colorToHex(style.color) || '#000000';
      const message = { cmd: 'hostStyle', pageText, pageBackground: pageBackground(this, pageText) };
      const problems = [];
      for (const [key, property] of Object.entries(THEME_PROPERTIES)) {
        const value = style.getPropertyValue(property).trim();
        if (!value) continue;
        const hex = CSS.supports('color', value) ? colorToHex(value) : null;
        if (hex) message[key] = hex;
        else problems.push(`${property}: "${value}" is not a colour`);
      }
      const column = style.getPropertyValue(COLUMN_PROPERTY).trim();
      if (column) {
        this._probe.style.width = CSS.supports('width', column) ? column : '';
        const px = parseFloat(getComputedStyle(this._probe).width);
        if (CSS.supports('width', column) && px >= 120) message.columnWidth = px;
        else problems.push(`${COLUMN_PROPERTY}: "${column}" is not a width of at least 120px`);
      }
      const problem = problems.join('; ');
      if (problem !== (this._hostStyleProblem || '')) {
        this._hostStyleProblem = problem;
        if (problem) this._emit('articleerror', { message: problem });
      }
      const json = JSON.stringify(message);
      if (json === this._hostStyleJson) return;
      this._hostStyleJson = json;
      this._command(message);
      this._applyPalette();
    }

    _applyTheme() {
      const theme = this.getAttribute('theme');
      if (this._mod) this._command({ cmd: 'theme', mode: theme === null ? 'auto' : theme });
    }

    // The HTML view takes the palette the canvas draws with (one owner: the core).
    _applyPalette() {
      const json = this._query('palette');
      if (!json) return;
      const p = JSON.parse(json);
      const set = (name, value) => this._root.style.setProperty(name, value);
      set('--link', p.accent);
      set('--on-link', p.accentText);
      set('--rule', p.rule);
      set('--muted', p.muted);
      set('--surface', p.surface);
      set('--heading', p.opaque ? p.heading : 'inherit');
      set('--ink', p.opaque ? p.text : 'inherit');
      set('--paper', p.opaque ? p.background : 'transparent');
    }

    // [SECTION] events from the module -------------------------------------------------------
    // Every event the element fires bubbles and crosses shadow roots, so a listener on document hears it.
    _emit(type, detail, cancelable = false) {
      return this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
    }

    _onWidgetEvent(type, detail) {
      const htmlView = this._root.classList.contains('html-view');
      switch (type) {
        case 'scroll': {
          if (htmlView) break;   // the HTML view scrolls natively (see reveal)
          const top = window.scrollY + this._stage.getBoundingClientRect().top + detail.y - this._stickyTop;
          window.scrollTo({ top, behavior: detail.smooth ? 'smooth' : 'auto' });
          break;
        }
        case 'reveal': if (htmlView) this._revealInMirror(detail.id); break;
        case 'cursor': this._canvas.style.cursor = detail.cursor; break;
        case 'link': this._openLink(detail.href); break;
        case 'log': console.info('article-widget: ' + detail.message); break;
        case 'focus': this._focusMirror(detail.name); break;
        case 'filter': this._syncFilter(detail.text); break;
        case 'hash': history.replaceState(null, '', detail.hash); break;
        case 'stagechange': this._syncStage(detail.index); this._emit('stagechange', detail); break;
        case 'faqtoggle': this._syncFaq(detail.index, detail.open); this._emit('faqtoggle', detail); break;
        case 'error': if (!this._quietRefusals) this._emit('articleerror', detail); break;
        default: break;
      }
      this._schedule();
    }

    _openLink(href) {
      if (this._emit('linkclick', { href }, true)) window.open(href, '_blank', 'noopener');
    }

    // [SECTION] the mirror and the HTML view -----------------------------------------------------
    // Semantic HTML from the core's renderer with real buttons: what screen readers read, what Tab
    // walks, what find-in-page finds. The canvas draws its focus ring on the same item.
    _buildMirror() {
      setCoreHtml(this._mirror, this._query('html'));
      this._mirrorFocusable = new Map();
      for (const el of this._mirror.querySelectorAll('[data-focus]')) this._mirrorFocusable.set(el.dataset.focus, el);
      const state = this.getState();
      if (state) {
        this._syncStage(state.stage);
        state.openFaqs.forEach((i) => this._syncFaq(i, true));
        this._syncFilter(state.filter);
      }
    }

    _syncStage(index) {
      // Roving tab stop: the selected stage is the track's one stop, and focus follows it.
      const focused = this.shadowRoot.activeElement;
      const moveFocus = focused && focused.classList && focused.classList.contains('aw-stage-button');
      this._mirror.querySelectorAll('.aw-stage-button').forEach((b) => {
        const selected = Number(b.dataset.stage) === index;
        b.tabIndex = selected ? 0 : -1;
        if (selected) { b.setAttribute('aria-current', 'step'); b.dataset.focus = 'timeline'; this._mirrorFocusable.set('timeline', b); }
        else { b.removeAttribute('aria-current'); delete b.dataset.focus; }
      });
      if (moveFocus) this._focusMirror('timeline');
    }

    _syncFaq(index, open) {
      const button = this._mirrorFocusable && this._mirrorFocusable.get('faq:' + index);
      if (!button) return;
      button.setAttribute('aria-expanded', open ? 'true' : 'false');
      const panel = this._mirror.querySelector('#' + CSS.escape(button.getAttribute('aria-controls')));
      if (panel) panel.hidden = !open;
    }

    _syncFilter(text) {
      const input = this._mirrorFocusable && this._mirrorFocusable.get('filter');
      if (!input) return;
      if (input.value !== text) input.value = text;
      const state = this.getState();
      const matches = new Set(JSON.parse(this._query('matches') || '[]'));
      const shown = matches.size;
      this._mirror.querySelectorAll('button[data-faq]').forEach((button) => {
        const i = Number(button.dataset.faq);
        const visible = matches.has(i);
        button.closest('.aw-faq-question').hidden = !visible;
        if (!visible) this._mirror.querySelector('#' + CSS.escape(button.getAttribute('aria-controls'))).hidden = true;
        else if (state) this._syncFaq(i, state.openFaqs.includes(i));
      });
      const status = this._mirror.querySelector('.aw-faq-status');
      if (status) status.textContent = !text ? '' : shown ? `${shown} question${shown === 1 ? '' : 's'} shown` : `No questions match \u201c${text}\u201d.`;
    }

    // Over the canvas the mirror is out of sight and focus must not scroll the page (the core scrolls
    // to what it draws); in the HTML view focus scrolls natively, below the host's scroll-padding-top.
    _focusMirror(name) {
      const el = name && this._mirrorFocusable && this._mirrorFocusable.get(name);
      if (!el || this.shadowRoot.activeElement === el) return;
      this._movingFocus = true;
      el.focus({ preventScroll: !this._root.classList.contains('html-view') });
      this._movingFocus = false;
    }

    _revealInMirror(id) {
      const target = this._mirror.querySelector('#' + CSS.escape(id));
      if (target) target.scrollIntoView({ block: 'start' });
    }

    _installMirrorInput() {
      const m = this._mirror;
      m.addEventListener('focusin', (e) => {
        const name = e.target.dataset && e.target.dataset.focus;
        if (name && !this._movingFocus) this._command({ cmd: 'focus', name, keyboard: true });
      });
      m.addEventListener('focusout', (e) => {
        if (!m.contains(e.relatedTarget)) this._command({ cmd: 'focus', name: '', keyboard: false });
      });
      m.addEventListener('keydown', (e) => {
        const name = e.target.dataset && e.target.dataset.focus;
        if (!name || !MODEL_KEYS.has(e.key) || e.altKey || e.ctrlKey || e.metaKey) return;
        if (name === 'filter' && e.key !== 'ArrowDown' && e.key !== 'Escape') return;   // the input edits itself
        if (name.startsWith('link:')) return;   // links follow natively
        if (this._command({ cmd: 'key', key: e.key, shift: e.shiftKey })) e.preventDefault();
      });
      m.addEventListener('input', (e) => {
        if (e.target.dataset.focus === 'filter') this._command({ cmd: 'filter', text: e.target.value });
      });
      m.addEventListener('click', (e) => {
        const link = e.target.closest('a[href]');
        if (link) {
          const href = link.getAttribute('href');
          // Sections scroll the canvas; other anchors (footnotes) are the browser's own, in the HTML view.
          if (href.startsWith('#')) { if (this._scrollToAnchorQuietly(href.slice(1))) e.preventDefault(); return; }
          if (!this._emit('linkclick', { href }, true)) e.preventDefault();
          return;
        }
        const button = e.target.closest('button');
        if (!button) return;
        const f = button.dataset.focus || '';
        if (button.dataset.stage !== undefined) this.selectStage(Number(button.dataset.stage));
        else if (button.dataset.faq !== undefined) this.toggleFaq(Number(button.dataset.faq));
        else if (f === 'prev' || f === 'next') {
          const stage = (this.getState() || { stage: 0 }).stage + (f === 'next' ? 1 : -1);
          if (stage >= 0 && stage < m.querySelectorAll('.aw-stage-button').length) this.selectStage(stage);
        } else if (f === 'expand') this.expandAll();
        else if (f === 'collapse') this.collapseAll();
      });
    }

    // The HTML view: the Text view button's, and the only view without WebGL.
    _setHtmlView(on) {
      this._root.classList.toggle('html-view', on);
      this._mirror.classList.toggle('sr-only', !on);
      this._mirror.classList.toggle('shown', on);
      this._textButton.textContent = on ? 'Interactive view' : 'Text view';
      this._textButton.setAttribute('aria-pressed', on ? 'true' : 'false');
      if (!on) { this._contentHeight = 0; this._syncHeight(); this._sizeCanvas(); }
    }

    // [SECTION] canvas input ------------------------------------------------------------------
    _installCanvasInput() {
      const c = this._canvas;
      const point = (e) => { const r = c.getBoundingClientRect(); return [e.clientX - r.left, e.clientY - r.top]; };
      const mod = () => this._mod;
      c.addEventListener('pointermove', (e) => { if (!mod()) return; const [x, y] = point(e); mod()._aw_pointer(0, x, y, -1); this._schedule(); });
      c.addEventListener('pointerdown', (e) => {
        if (!mod()) return;
        const [x, y] = point(e);
        mod()._aw_pointer(0, x, y, -1);
        mod()._aw_pointer(1, x, y, e.button);
        this._frameNow();
      });
      c.addEventListener('pointerup', (e) => { if (!mod()) return; const [x, y] = point(e); mod()._aw_pointer(2, x, y, e.button); this._frameNow(); });
      c.addEventListener('pointerleave', () => { if (!mod()) return; mod()._aw_pointer(3, 0, 0, -1); this._schedule(); });
      // A wheel's sideways part (trackpad swipe, or shift + wheel) scrolls a code block or table under the pointer
      // that is wider than the column; everything else stays the page's.
      c.addEventListener('wheel', (e) => {
        const dx = e.deltaX || (e.shiftKey ? e.deltaY : 0);
        if (!dx || !mod()) return;
        const [x, y] = point(e);
        const unit = e.deltaMode === 1 ? 40 : e.deltaMode === 2 ? c.clientWidth : 1;
        if (mod()._aw_scroll_block(x, y, dx * unit)) { e.preventDefault(); this._schedule(); }
      }, { passive: false });
      c.addEventListener('focus', () => { if (mod()) { mod()._aw_focus(1); this._schedule(); } });
      c.addEventListener('blur', () => { if (mod()) { mod()._aw_focus(0); this._schedule(); } });
      const key = (e, down) => {
        const code = KEY_CODES[e.key] || KEY_CODES[e.key.toLowerCase()];
        if (!code || !mod()) return;
        const mods = (e.ctrlKey ? 1 : 0) | (e.shiftKey ? 2 : 0) | (e.altKey ? 4 : 0) | (e.metaKey ? 8 : 0);
        mod()._aw_key(code, down ? 1 : 0, mods);
        if (down) this._frameNow(); else this._schedule();
      };
      c.addEventListener('keydown', (e) => { if (e.key !== 'Tab') key(e, true); });
      c.addEventListener('keyup', (e) => key(e, false));
      c.addEventListener('webglcontextlost', (e) => { e.preventDefault(); this._contextLost = true; });
      c.addEventListener('webglcontextrestored', () => {
        this._contextLost = false;
        this._command({ cmd: 'glRestored' });
        this._schedule();
      });
    }

    // [SECTION] API -----------------------------------------------------------------------------
    // Methods return whether they did what was asked; a call the article cannot honour (no such
    // stage, a bad argument, before the article is loaded) also fires articleerror with the reason.
    _command(obj) {
      if (!this._mod) return false;
      const ok = withCString(this._mod, JSON.stringify(obj), (p) => this._mod._aw_command(p));
      this._schedule();
      return ok === 1;
    }

    _api(obj) {
      if (this._mod && this._shownMarkdown !== null) return this._command(obj);
      this._emit('articleerror', { message: `${obj.cmd}: no article is loaded yet (wait for the ready promise)` });
      return false;
    }

    // A mirror link to an anchor that is not a section (a footnote) is the browser's own: no articleerror.
    _scrollToAnchorQuietly(id) {
      this._quietRefusals = true;
      try { return this._command({ cmd: 'scrollToAnchor', id }); } finally { this._quietRefusals = false; }
    }

    _query(what) {
      if (!this._mod) return '';
      return withCString(this._mod, what, (p) => this._mod.UTF8ToString(this._mod._aw_get_json(p)));
    }

    selectStage(index) { return this._api({ cmd: 'selectStage', index }); }
    toggleFaq(index, open) { return this._api(open === undefined ? { cmd: 'toggleFaq', index } : { cmd: 'toggleFaq', index, open }); }
    expandAll() { return this._api({ cmd: 'expandAll' }); }
    collapseAll() { return this._api({ cmd: 'collapseAll' }); }
    scrollToAnchor(id) { return this._api({ cmd: 'scrollToAnchor', id }); }
    getState() { const s = this._query('state'); return s ? JSON.parse(s) : null; }
    setState(state) {
      const ok = this._api({ cmd: 'setState', state });
      if (ok) this._buildMirror();
      return ok;
    }
    getLayout() {
      if (this._htmlOnly) return null;   // nothing is drawn, so nothing is laid out
      // The layout of the current state: draw the pending frame first, if there is one.
      if (this._raf) { cancelAnimationFrame(this._raf); this._raf = 0; this._frameNow(); }
      const s = this._query('layout');
      // The canvas draws the article from the element's top: content coordinates are element coordinates.
      return s ? JSON.parse(s) : null;
    }
    getModel() { const s = this._query('model'); return s ? JSON.parse(s) : null; }
    /** Frames drawn so far: a diagnostic for idle and visibility tests. */
    get framesDrawn() { return this._framesDrawn || 0; }

    destroy() {
      this._generation++;
      if (this._abort) this._abort.abort();
      if (this._raf) cancelAnimationFrame(this._raf);
      this._raf = 0;
      window.removeEventListener('scroll', this._onScroll);
      window.removeEventListener('resize', this._onResize);
      window.removeEventListener('hashchange', this._onHash);
      document.removeEventListener('visibilitychange', this._onVisibility);
      if (this._resizeObserver) this._resizeObserver.disconnect();
      if (this._intersection) this._intersection.disconnect();
      if (this._media) for (const m of this._media) m.removeEventListener('change', this._onResize);
      if (this._mod) this._mod._aw_destroy();
      this._mod = null;
      this._started = false;
      this._firstFrameDrawn = false;
      this._root.classList.remove('ready');
    }
  }

  customElements.define('article-widget', ArticleWidgetElement);
})();
