// The <article-widget> custom element: fetches the article, runs one WebAssembly instance per element,
// draws only when something changes, and lets the page scroll natively (the canvas is sticky).
// Appended to the Emscripten module factory (--extern-post-js), so one <script> defines everything.
// [SECTION] constants  [SECTION] helpers  [SECTION] element: lifecycle  [SECTION] element: loading
// [SECTION] element: frames and sizing  [SECTION] element: input  [SECTION] element: API
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
  const STYLE = `
    :host { display: block; position: relative; contain: layout paint; min-height: 4rem; }
    :host([hidden]) { display: none; }
    .viewport { position: sticky; top: 0; width: 100%; height: 0; overflow: hidden; display: none; }
    :host(.aw-ready) .viewport { display: block; }
    canvas { display: block; width: 100%; height: 100%; outline: none; touch-action: pan-y; }
    canvas:focus-visible { outline: 3px solid Highlight; outline-offset: -3px; }
    .status { font: 15px/1.5 system-ui, sans-serif; padding: 1rem 1.25rem; border-radius: 8px; margin: 1rem 0; }
    .status:empty { display: none; }
    .status.error { background: #fdeceA; color: #7a1710; border: 1px solid #c23b2e; }
    .status.loading { color: #5c616b; }
    :host(.aw-ready) .fallback { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
      clip-path: inset(50%); white-space: nowrap; }
  `;

  // [SECTION] helpers ---------------------------------------------------------
  async function fetchText(url, what) {
    let response;
    try {
      response = await fetch(url, { credentials: 'same-origin' });
    } catch (e) {
      throw new Error(`Could not load the ${what} (${url}): ${e.message}`);
    }
    if (!response.ok) throw new Error(`Could not load the ${what} (${url}): HTTP ${response.status}`);
    const text = await response.text();
    if (what === 'article' && !text.trim()) throw new Error(`The article (${url}) is empty`);
    return text;
  }

  function withCString(mod, text, fn) {
    const bytes = mod.lengthBytesUTF8(text) + 1;
    const ptr = mod._aw_alloc(bytes);
    mod.stringToUTF8(text, ptr, bytes);
    try { return fn(ptr, bytes - 1); } finally { mod._aw_free(ptr); }
  }

  // [SECTION] element: lifecycle -------------------------------------------------
  class ArticleWidgetElement extends HTMLElement {
    static get observedAttributes() { return ['src', 'config', 'theme']; }

    constructor() {
      super();
      const root = this.attachShadow({ mode: 'open' });
      root.innerHTML = `<style>${STYLE}</style>
        <div class="status loading" role="status" aria-live="polite"></div>
        <div class="viewport" part="viewport"><canvas part="canvas" tabindex="0" aria-hidden="true"></canvas></div>
        <div class="fallback"><slot></slot></div>`;
      this._status = root.querySelector('.status');
      this._viewport = root.querySelector('.viewport');
      this._canvas = root.querySelector('canvas');
      this._mod = null;
      this._raf = 0;
      this._visible = true;
      this._contentHeight = 0;
      this._firstFrameDrawn = false;
      this._markdown = null;
      this._generation = 0;
      this.ready = new Promise((resolve, reject) => { this._resolveReady = resolve; this._rejectReady = reject; });
      this.ready.catch(() => {}); // failures are reported through the error event and the status line
      this._onScroll = () => this._syncScroll();
      this._onResize = () => this._resize();
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
    set markdown(text) { this._markdown = String(text); if (this._started) this._load(); }

    // [SECTION] element: loading ----------------------------------------------------
    async _load() {
      const generation = ++this._generation;
      this._setStatus('loading', 'Loading article\u2026');
      try {
        const inline = this.querySelector('script[type="text/markdown"]');
        const src = this.getAttribute('src');
        const configUrl = this.getAttribute('config');
        const [markdown, config] = await Promise.all([
          this._markdown !== null ? this._markdown : inline ? inline.textContent : src ? fetchText(new URL(src, document.baseURI), 'article')
            : Promise.reject(new Error('No article: set the src attribute, the markdown property, or a <script type="text/markdown"> child')),
          configUrl ? fetchText(new URL(configUrl, document.baseURI), 'config') : '',
        ]);
        if (generation !== this._generation) return;
        if (!this._mod) await this._createModule();
        if (generation !== this._generation) return;
        const ok = withCString(this._mod, markdown, (mp, ml) => withCString(this._mod, config, (cp, cl) => this._mod._aw_set_document(mp, ml, cp, cl)));
        if (!ok) throw new Error(this._query('error'));
        if (this.getAttribute('theme')) this._command({ cmd: 'theme', mode: this.getAttribute('theme') });
        this._setStatus('', '');
        this.classList.add('aw-ready');
        this._resize();
        this._schedule();
      } catch (e) {
        if (generation !== this._generation) return;
        this._fail(e.message || String(e));
      }
    }

    async _createModule() {
      const mod = await createModule({
        canvas: this._canvas,
        locateFile: (path) => new URL(path, scriptUrl).href,
        print: (text) => console.log(text),
        printErr: (text) => console.warn(text),
      });
      mod.onWidgetEvent = (type, json) => this._onWidgetEvent(type, JSON.parse(json));
      const rect = this.getBoundingClientRect();
      if (!mod._aw_create(Math.max(1, rect.width), Math.max(1, window.innerHeight), window.devicePixelRatio || 1)) {
        throw new Error('WebGL is not available in this browser, so the interactive article cannot be drawn');
      }
      this._mod = mod;
      this._installInput();
      window.addEventListener('scroll', this._onScroll, { passive: true });
      window.addEventListener('resize', this._onResize);
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
      this._setStatus('error', message);
      this._status.setAttribute('role', 'alert');
      this.dispatchEvent(new CustomEvent('error', { detail: { message } }));
      this._rejectReady(new Error(message));
    }

    _setStatus(kind, text) {
      this._status.className = 'status ' + kind;
      this._status.textContent = text;
      if (kind !== 'error') this._status.setAttribute('role', 'status');
    }

    // [SECTION] element: frames and sizing ----------------------------------------------
    _schedule() {
      if (this._raf || !this._mod || !this._visible || document.hidden) return;
      this._raf = requestAnimationFrame((t) => this._frame(t));
    }

    _frame(time) {
      this._raf = 0;
      if (!this._mod) return;
      const more = this._mod._aw_frame(time);
      if (!this._firstFrameDrawn) {
        this._firstFrameDrawn = true;
        performance.mark('aw-first-frame');
        this._resolveReady(this);
        this.dispatchEvent(new CustomEvent('ready'));
      }
      this._syncHeight();
      if (more) this._schedule();
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
      query.addEventListener('change', () => { this._resize(); this._watchPixelRatio(); }, { once: true });
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
        this._schedule();
      }
    }

    _onWidgetEvent(type, detail) {
      if (type === 'scroll') {
        const top = window.scrollY + this.getBoundingClientRect().top + detail.y;
        window.scrollTo({ top, behavior: detail.smooth ? 'smooth' : 'auto' });
      } else if (type === 'link') {
        const event = new CustomEvent('linkclick', { detail: { href: detail.href }, cancelable: true });
        if (this.dispatchEvent(event)) window.open(detail.href, '_blank', 'noopener');
      } else if (type === 'log') {
        console.info('article-widget: ' + detail.message);
      } else if (type === 'error') {
        this.dispatchEvent(new CustomEvent('error', { detail }));
      } else {
        this.dispatchEvent(new CustomEvent(type, { detail }));
      }
      this._schedule();
    }

    // [SECTION] element: input ------------------------------------------------------------
    _installInput() {
      const c = this._canvas;
      const point = (e) => { const r = c.getBoundingClientRect(); return [e.clientX - r.left, e.clientY - r.top]; };
      const wake = () => this._schedule();
      c.addEventListener('pointermove', (e) => { const [x, y] = point(e); this._mod._aw_pointer(0, x, y, -1); wake(); });
      c.addEventListener('pointerdown', (e) => { const [x, y] = point(e); this._mod._aw_pointer(0, x, y, -1); this._mod._aw_pointer(1, x, y, e.button); wake(); });
      c.addEventListener('pointerup', (e) => { const [x, y] = point(e); this._mod._aw_pointer(2, x, y, e.button); wake(); });
      c.addEventListener('pointerleave', () => { this._mod._aw_pointer(3, 0, 0, -1); wake(); });
      c.addEventListener('focus', () => { this._mod._aw_focus(1); wake(); });
      c.addEventListener('blur', () => { this._mod._aw_focus(0); wake(); });
      const key = (e, down) => {
        const code = KEY_CODES[e.key] || KEY_CODES[e.key.toLowerCase()];
        if (!code) return;
        const mods = (e.ctrlKey ? 1 : 0) | (e.shiftKey ? 2 : 0) | (e.altKey ? 4 : 0) | (e.metaKey ? 8 : 0);
        this._mod._aw_key(code, down ? 1 : 0, mods);
        wake();
      };
      c.addEventListener('keydown', (e) => {
        key(e, true);
        if (e.key.length === 1 && !e.ctrlKey && !e.metaKey) this._mod._aw_char(e.key.codePointAt(0));
      });
      c.addEventListener('keyup', (e) => key(e, false));
      c.addEventListener('webglcontextlost', (e) => e.preventDefault());
      document.addEventListener('visibilitychange', () => { if (!document.hidden) this._schedule(); });
    }

    // [SECTION] element: API ----------------------------------------------------------------
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
    setState(state) { return this._command({ cmd: 'setState', state }); }
    getLayout() { const s = this._query('layout'); return s ? JSON.parse(s) : null; }
    getModel() { const s = this._query('model'); return s ? JSON.parse(s) : null; }

    destroy() {
      this._generation++;
      if (this._raf) cancelAnimationFrame(this._raf);
      this._raf = 0;
      window.removeEventListener('scroll', this._onScroll);
      window.removeEventListener('resize', this._onResize);
      if (this._resizeObserver) this._resizeObserver.disconnect();
      if (this._intersection) this._intersection.disconnect();
      if (this._media) for (const m of this._media) m.removeEventListener('change', this._onResize);
      if (this._mod) this._mod._aw_destroy();
      this._mod = null;
      this._started = false;
      this.classList.remove('aw-ready');
    }
  }

  customElements.define('article-widget', ArticleWidgetElement);
})();
