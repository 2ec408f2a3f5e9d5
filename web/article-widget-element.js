// The <article-widget> custom element: fetches the article, runs one WebAssembly instance per element,
// draws only when something changes, lets the page scroll natively (the canvas is sticky), and keeps
// an accessible mirror (semantic HTML with real buttons) in step with the canvas both ways.
// Appended to the Emscripten module factory (--extern-post-js), so one <script> defines everything.
// [SECTION] constants  [SECTION] helpers  [SECTION] lifecycle  [SECTION] loading  [SECTION] frames and sizing
// [SECTION] events from the module  [SECTION] the mirror  [SECTION] canvas input  [SECTION] API
(function () {
  'use strict';
  if (typeof window === 'undefined' || !window.customElements || customElements.get('article-widget')) return;

  // [SECTION] constants ------------------------------------------------------
  const createModule = createArticleWidgetModule; // eslint-disable-line no-undef
  const script = document.currentScript;
  const scriptUrl = script && script.src ? script.src : document.baseURI;
  const KEY_CODES = {
    Tab: 9, ArrowLeft: 37, ArrowRight: 39, ArrowUp: 38, ArrowDown: 40, PageUp: 33, PageDown: 34, Home: 36, End: 35,
    Insert: 45, Delete: 46, Backspace: 8, ' ': 32, Enter: 13, Escape: 27, a: 65, c: 67, v: 86, x: 88, y: 89, z: 90,
  };
  const MODEL_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'Enter', ' ', 'Escape']);
  const SLOW_MS = 8000;
  const STYLE = `
    :host { display: block; position: relative; min-height: 4rem; }
    :host([hidden]) { display: none; }
    .viewport { position: sticky; top: 0; width: 100%; height: 0; overflow: hidden; display: none; }
    :host(.aw-ready) .viewport { display: block; }
    canvas { display: block; width: 100%; height: 100%; outline: none; touch-action: pan-y; }
    .status { font: 15px/1.5 system-ui, sans-serif; padding: 0.9rem 1.2rem; border-radius: 8px; margin: 1rem auto; max-width: 680px; }
    .status:empty { display: none; }
    .status.error { background: #fdecea; color: #7a1710; border: 1px solid #c23b2e; }
    .status.loading { color: #555b66; }
    .status button { font: inherit; margin-left: 0.75rem; padding: 0.2rem 0.8rem; border-radius: 999px; border: 1px solid currentColor;
      background: transparent; color: inherit; cursor: pointer; }
    .fallback { max-width: 680px; margin: 0 auto; padding: 0 20px; font: 18px/1.6 Georgia, "Noto Serif", serif; }
    .fallback pre { white-space: pre-wrap; font: inherit; }
    pre { tab-size: 4; }   /* code as written: tab stops of 4, as on the canvas */
    /* Once drawn, the fallback and the mirror stay for assistive technology, find-in-page and copying,
       but out of sight; fixed so that focusing a control never scrolls the page to it. */
    .sr-only, :host(.aw-ready) .fallback { position: fixed !important; left: 0; top: 0; width: 1px; height: 1px; overflow: hidden;
      clip-path: inset(50%); white-space: nowrap; margin: 0; padding: 0; }
    :host(.aw-ready) .fallback { display: none; }
    :host(.aw-text-view) .viewport { display: none; }
    :host(.aw-text-view) .mirror { position: static !important; width: auto; height: auto; overflow: visible; clip-path: none;
      white-space: normal; max-width: 680px; margin: 0 auto; padding: 0 20px; font: 18px/1.6 Georgia, "Noto Serif", serif; }
    .textview { position: absolute; right: 8px; top: 8px; z-index: 1; font: 13px/1 system-ui, sans-serif; padding: 6px 10px;
      border-radius: 999px; border: 1px solid #8a8f99; background: rgba(255,255,255,0.9); color: #24262b; cursor: pointer;
      opacity: 0; transition: opacity 0.15s; }
    :host(.aw-ready) .textview:focus-visible, :host(.aw-ready:hover) .textview, :host(.aw-text-view) .textview { opacity: 1; }
    :host(.aw-text-view) .textview { position: sticky; float: right; }
  `;

  // [SECTION] helpers ---------------------------------------------------------
  async function fetchText(url, what, signal) {
    let response;
    try {
      response = await fetch(url, { credentials: 'same-origin', signal });
    } catch (e) {
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

  // [SECTION] lifecycle -------------------------------------------------------------
  class ArticleWidgetElement extends HTMLElement {
    static get observedAttributes() { return ['src', 'config', 'theme', 'hash-prefix', 'start-stage']; }

    constructor() {
      super();
      const root = this.attachShadow({ mode: 'open' });
      root.innerHTML = `<style>${STYLE}</style>
        <div class="status loading" role="status" aria-live="polite"></div>
        <div class="fallback"><slot></slot><div class="source"></div></div>
        <button class="textview" type="button" hidden>Text view</button>
        <div class="viewport" part="viewport"><canvas part="canvas" tabindex="-1" aria-hidden="true"></canvas></div>
        <div class="mirror sr-only"></div>`;
      this._status = root.querySelector('.status');
      this._source = root.querySelector('.source');
      this._viewport = root.querySelector('.viewport');
      this._canvas = root.querySelector('canvas');
      this._mirror = root.querySelector('.mirror');
      this._textButton = root.querySelector('.textview');
      this._mod = null;
      this._raf = 0;
      this._visible = true;
      this._contentHeight = 0;
      this._firstFrameDrawn = false;
      this._markdown = null;
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
      this._textButton.addEventListener('click', () => this._toggleTextView());
      this._installMirrorInput();
    }

    _newReadyPromise() {
      this.ready = new Promise((resolve, reject) => { this._resolveReady = resolve; this._rejectReady = reject; });
      this.ready.catch(() => {}); // failures are reported through the error event and the status line
    }

    connectedCallback() {
      if (!this._started) { this._started = true; this._load(); }
    }

    disconnectedCallback() { this.destroy(); }

    attributeChangedCallback(name, oldValue, newValue) {
      if (!this._started || oldValue === newValue) return;
      if (name === 'theme') this._command({ cmd: 'theme', mode: newValue || 'auto' });
      else this._load();
    }

    get markdown() { return this._markdown; }
    set markdown(text) { this._markdown = text === null ? null : String(text); if (this._started) this._load(); }

    // [SECTION] loading ----------------------------------------------------------------
    async _load() {
      const generation = ++this._generation;
      if (this._abort) this._abort.abort();
      this._abort = new AbortController();
      if (this._failed) { this._failed = false; this._crashedMessage = null; this._newReadyPromise(); }
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
        if (!this.children.length || (this.children.length === 1 && inline)) this._source.innerHTML = '<pre></pre>';
        if (this._source.firstChild) this._source.firstChild.textContent = markdown;
        const merged = mergeConfig(config, this);
        this._pendingSource = [markdown, merged];
        if (!this._mod) await this._createModule();
        if (generation !== this._generation) return;
        // The size limit is checked before the Markdown is copied into the module's memory.
        const bytes = new TextEncoder().encode(markdown).length;
        const tooBig = withCString(this._mod, merged, (cp, cl) => this._mod.UTF8ToString(this._mod._aw_size_error(bytes, cp, cl)));
        if (tooBig) throw new Error(tooBig);
        const ok = withCString(this._mod, markdown, (mp, ml) => withCString(this._mod, merged, (cp, cl) => this._mod._aw_set_document(mp, ml, cp, cl)));
        if (!ok) throw new Error(this._query('error'));
        if (this.getAttribute('theme')) this._command({ cmd: 'theme', mode: this.getAttribute('theme') });
        this._buildMirror();
        this._setStatus('', '');
        this._source.textContent = '';
        this.classList.add('aw-ready');
        this._textButton.hidden = false;
        this._resize();
        if (location.hash) this._command({ cmd: 'deepLink', hash: location.hash });
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
        this._modulePromise = (async () => createModule({
          canvas: this._canvas,
          locateFile: (path) => new URL(path, scriptUrl).href,
          wasmBinary: await window.__articleWidgetWasm,   // the single-file bundle's bytes (or a promise of them); otherwise fetched
          print: (text) => console.log(text),
          printErr: (text) => console.warn(text),
          onAbort: (what) => this._crashed(what),
        }))();
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
        if (html) this._source.innerHTML = html;
      }
      const rect = this.getBoundingClientRect();
      if (!mod._aw_create(Math.max(1, rect.width), Math.max(1, window.innerHeight), window.devicePixelRatio || 1)) {
        throw new Error('WebGL is not available in this browser, so the interactive article cannot be drawn');
      }
      this._mod = mod;
      this._installCanvasInput();
      window.addEventListener('scroll', this._onScroll, { passive: true });
      window.addEventListener('resize', this._onResize);
      window.addEventListener('hashchange', this._onHash);
      document.addEventListener('visibilitychange', this._onVisibility);
      this._resizeObserver = new ResizeObserver(this._onResize);
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
      this.dispatchEvent(new CustomEvent('error', { detail: { message } }));
      this._rejectReady(new Error(message));
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
      this.classList.remove('aw-ready');
      this._fail(message);
    }

    _setStatus(kind, text, retry) {
      this._status.className = 'status ' + kind;
      this._status.textContent = text;
      this._status.setAttribute('role', kind === 'error' ? 'alert' : 'status');
      if (retry) {
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = 'Try again';
        button.addEventListener('click', () => this._load());
        this._status.appendChild(button);
      }
    }

    // [SECTION] frames and sizing ----------------------------------------------------------
    _schedule() {
      if (this._raf || !this._mod || !this._visible || document.hidden || this.classList.contains('aw-text-view')) return;
      this._raf = requestAnimationFrame((t) => this._frame(t));
    }

    _frame(time) {
      this._raf = 0;
      if (!this._mod || this._contextLost || document.hidden) return;
      const more = this._mod._aw_frame(time);
      this._framesDrawn = (this._framesDrawn || 0) + 1;
      if (!this._firstFrameDrawn) {
        this._firstFrameDrawn = true;
        performance.mark('aw-first-frame');
        this._resolveReady(this);
        this.dispatchEvent(new CustomEvent('ready'));
      }
      this._syncHeight();
      if (more) this._schedule();
    }

    // Input is drawn at once, inside the event, so a click opens a link within the user's gesture.
    _frameNow() {
      if (this._mod && !this._contextLost && this._firstFrameDrawn) this._frame(performance.now());
    }

    _syncHeight() {
      const height = Math.ceil(this._mod._aw_content_height());
      if (height > 0 && height !== this._contentHeight) {
        this._contentHeight = height;
        this.style.height = height + 'px';
        this._resize();
      }
    }

    _viewportHeight() {
      return Math.max(1, Math.min(window.innerHeight, this._contentHeight || window.innerHeight));
    }

    _resize() {
      if (!this._mod) return;
      const width = Math.max(1, this.clientWidth);
      const height = this._viewportHeight();
      const dpr = window.devicePixelRatio || 1;
      this._viewport.style.height = height + 'px';
      this._canvas.width = Math.round(width * dpr);
      this._canvas.height = Math.round(height * dpr);
      this._mod._aw_resize(width, height, dpr, this._media[0].matches ? 1 : 0, this._media[1].matches ? 1 : 0);
      this._syncScroll();
      this._schedule();
    }

    _watchPixelRatio() {
      const query = matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
      query.addEventListener('change', () => { this._resize(); if (this._mod) this._watchPixelRatio(); }, { once: true });
    }

    // Where the page has scrolled to, relative to the top of the article.
    _syncScroll() {
      if (!this._mod) return;
      const top = this.getBoundingClientRect().top;
      const max = Math.max(0, this._contentHeight - this._viewportHeight());
      const y = Math.min(Math.max(0, -top), max);
      if (y !== this._scrollY) {
        this._scrollY = y;
        this._command({ cmd: 'hostScroll', y });
      }
    }

    // [SECTION] events from the module -------------------------------------------------------
    _onWidgetEvent(type, detail) {
      switch (type) {
        case 'scroll': {
          const top = window.scrollY + this.getBoundingClientRect().top + detail.y;
          window.scrollTo({ top, behavior: detail.smooth ? 'smooth' : 'auto' });
          break;
        }
        case 'link': this._openLink(detail.href); break;
        case 'log': console.info('article-widget: ' + detail.message); break;
        case 'focus': this._focusMirror(detail.name); break;
        case 'filter': this._syncFilter(detail.text); break;
        case 'hash': history.replaceState(null, '', detail.hash); break;
        case 'stagechange': this._syncStage(detail.index); this.dispatchEvent(new CustomEvent('stagechange', { detail })); break;
        case 'faqtoggle': this._syncFaq(detail.index, detail.open); this.dispatchEvent(new CustomEvent('faqtoggle', { detail })); break;
        default: this.dispatchEvent(new CustomEvent(type, { detail }));
      }
      this._schedule();
    }

    _openLink(href) {
      const event = new CustomEvent('linkclick', { detail: { href }, cancelable: true });
      if (this.dispatchEvent(event)) window.open(href, '_blank', 'noopener');
    }

    // [SECTION] the mirror ---------------------------------------------------------------------
    // Semantic HTML from the core's renderer with real buttons: what screen readers read, what Tab
    // walks, what find-in-page finds. The canvas draws its focus ring on the same item.
    _buildMirror() {
      this._mirror.innerHTML = this._query('html');
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

    _focusMirror(name) {
      const el = name && this._mirrorFocusable && this._mirrorFocusable.get(name);
      if (!el || this.shadowRoot.activeElement === el) return;
      this._movingFocus = true;
      el.focus({ preventScroll: true });
      this._movingFocus = false;
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
          // Sections scroll the canvas; other anchors (footnotes) are the browser's own, in the text view.
          if (href.startsWith('#')) { if (this.scrollToAnchor(href.slice(1))) e.preventDefault(); return; }
          const event = new CustomEvent('linkclick', { detail: { href }, cancelable: true });
          if (!this.dispatchEvent(event)) e.preventDefault();
          return;
        }
        const button = e.target.closest('button');
        if (!button) return;
        const f = button.dataset.focus || '';
        if (button.dataset.stage !== undefined) this.selectStage(Number(button.dataset.stage));
        else if (button.dataset.faq !== undefined) this.toggleFaq(Number(button.dataset.faq));
        else if (f === 'prev' || f === 'next') this.selectStage((this.getState() || { stage: 0 }).stage + (f === 'next' ? 1 : -1));
        else if (f === 'expand') this.expandAll();
        else if (f === 'collapse') this.collapseAll();
      });
    }

    _toggleTextView() {
      const on = this.classList.toggle('aw-text-view');
      this._mirror.classList.toggle('sr-only', !on);
      this._textButton.textContent = on ? 'Interactive view' : 'Text view';
      this._textButton.setAttribute('aria-pressed', on ? 'true' : 'false');
      if (on) { this.style.height = ''; } else { this._contentHeight = 0; this._syncHeight(); this._schedule(); }
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
    _command(obj) {
      if (!this._mod) return false;
      const ok = withCString(this._mod, JSON.stringify(obj), (p) => this._mod._aw_command(p));
      this._schedule();
      return ok === 1;
    }

    _query(what) {
      if (!this._mod) return '';
      return withCString(this._mod, what, (p) => this._mod.UTF8ToString(this._mod._aw_get_json(p)));
    }

    selectStage(index) { return this._command({ cmd: 'selectStage', index }); }
    toggleFaq(index, open) { return this._command(open === undefined ? { cmd: 'toggleFaq', index } : { cmd: 'toggleFaq', index, open: !!open }); }
    expandAll() { return this._command({ cmd: 'expandAll' }); }
    collapseAll() { return this._command({ cmd: 'collapseAll' }); }
    scrollToAnchor(id) { return this._command({ cmd: 'scrollToAnchor', id }); }
    getState() { const s = this._query('state'); return s ? JSON.parse(s) : null; }
    setState(state) {
      const ok = this._command({ cmd: 'setState', state });
      if (ok) this._buildMirror();
      return ok;
    }
    getLayout() {
      // The layout of the current state: draw the pending frame first, if there is one.
      if (this._raf) { cancelAnimationFrame(this._raf); this._raf = 0; this._frameNow(); }
      const s = this._query('layout');
      if (!s) return null;
      const layout = JSON.parse(s);
      // The canvas draws the article from the element's top: content coordinates are element coordinates.
      return layout;
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
      this.classList.remove('aw-ready');
    }
  }

  customElements.define('article-widget', ArticleWidgetElement);
})();
