// Loading an article: fetching it and its config (or reading them inline), merging the element's attributes into
// the config, handing both to the page's module, and the status line, the failures and the end of a widget.
import { make } from './dom.js';
import { engine, engineQuery, nearViewport, withCString } from './engine.js';
import { View, isHtmlView, showsArticle } from './view.js';

const SLOW_MS = 8000;
const PREVIEW_CHARS = 200000;     // of an article's text shown as plain text while the module loads

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

// What the page around the element says, as JSON for the core (core/config.h HostInputs), which checks it and
// decides how it combines with the config: the attributes, the article's own URL and the page's language, each
// as written. Nothing here parses the config.
function hostInputs(element) {
  const inputs = {};
  // Relative links and images resolve against the article's own URL (its src; else this page's).
  const src = element.getAttribute('src');
  const fromSrc = src && element._markdown === null && !element.querySelector('script[type="text/markdown"]');
  inputs.baseUrl = new URL(fromSrc ? src : '', document.baseURI).href;
  const langHolder = element.closest('[lang]');   // the closest lang attribute around the element
  const lang = langHolder ? langHolder.getAttribute('lang') : document.documentElement.lang;
  if (lang) inputs.lang = lang;
  const prefix = element.getAttribute('hash-prefix');
  if (prefix !== null) inputs.hashPrefix = prefix;
  const start = element.getAttribute('start-stage');
  if (start !== null) inputs.startStage = start;
  return JSON.stringify(inputs);
}

// The element's loading methods (the element takes these methods: web/element/element.js).
export class Loading {
  // Each await is followed by a check that this is still the same load: a newer load (src, config or
  // markdown changed) or a removal replaces the token, and the old load stops there, leaving nothing behind.
  async _load() {
    this._destroyed = false;
    const load = this._loadToken = {};
    const current = () => this._loadToken === load;
    if (this._abort) this._abort.abort();
    const abort = this._abort = new AbortController();
    this._newReadyPromise();
    this._firstFrameDrawn = false;
    this._frameOwed = false;      // set once this load's article is in the module: its first frame resolves ready
    this._crashedMessage = null;
    this._setStatus('loading', this._word('loadingArticle'));
    this._showHostHtml();
    const slow = setTimeout(() => {
      if (current() && !this._firstFrameDrawn) this._setStatus('loading', this._word('stillLoading'));
    }, SLOW_MS);
    try {
      const inline = this.querySelector('script[type="text/markdown"]');
      const inlineConfig = this.querySelector('script[type="application/json"][data-config]');
      const src = this.getAttribute('src');
      const configUrl = this.getAttribute('config');
      // The module downloads and compiles (once for the page) while the article is fetched.
      const modulePromise = engine.module(this);
      const [markdown, config] = await Promise.all([
        this._markdown !== null ? this._markdown : inline ? inlineText(inline)
          : src ? fetchText(new URL(src, document.baseURI), 'article', abort.signal)
          : Promise.reject(new Error('No article: set the src attribute, the markdown property, or a <script type="text/markdown"> child')),
        configUrl ? fetchText(new URL(configUrl, document.baseURI), 'config', abort.signal)
          : inlineConfig ? inlineText(inlineConfig) : '',
      ]);
      if (!current()) return;
      // Until the canvas is drawn, the article is readable: the host's own HTML if it gave some, else the text.
      if (!this._hostHtml) this._source.replaceChildren(make('pre'));
      // (its top: a very long text would take the browser longer to lay out than the article takes to load)
      if (!this._hostHtml) this._source.firstChild.textContent = markdown.length > PREVIEW_CHARS ? markdown.slice(0, PREVIEW_CHARS) + '\n\u2026' : markdown;
      // On a page's first load the preview is painted before the text is measured and the module starts the widget
      // (the next animation frame, or 100 ms in a tab that draws none), so readers see the article sooner.
      if (!engine.mod && !this._hostHtml) {
        await new Promise((resolve) => { requestAnimationFrame(() => setTimeout(resolve, 0)); setTimeout(resolve, 100); });
        if (!current()) return;
      }
      engine.prepareText(markdown, this._fontFamilies());
      const mod = await modulePromise;
      if (!current()) return;
      if (mod !== engine.mod) { this._load(); return; }   // the module was replaced meanwhile (a crash)
      if (!this._handle) this._createWidget();
      // The config is checked once, with the page's inputs and the Markdown's size, before the Markdown is copied into
      // the module's memory; then the Markdown is parsed once (src/platform/web_protocol.h). A config or attribute
      // that cannot be used loses the reader nothing: the article shows with the defaults, under a one-line notice
      // naming the first problem; each is reported as articleerror ('configproblems', _onWidgetEvent).
      const bytes = new TextEncoder().encode(markdown).length;
      this._configNotice = '';
      const host = hostInputs(this);
      const accepted = this._wasm((m) => withCString(m, config, (cp, cl) => withCString(m, host, (hp, hl) =>
        m._aw_set_config(this._handle, cp, cl, hp, hl, bytes))));
      if (!accepted) throw new Error(JSON.parse(this._query('error')).message);
      const configNotice = this._configNotice;
      const ok = this._wasm((m) => withCString(m, markdown, (mp, ml) => m._aw_set_document(this._handle, mp, ml)));
      if (!ok) throw new Error(JSON.parse(this._query('error')).message);
      this._shownMarkdown = markdown;
      this._words = JSON.parse(this._query('strings') || 'null');   // the element's words, in the article's language
      this._frameOwed = this._glAvailable;
      this._applyTheme();
      this._hostStyleJson = '';
      this._buildMirror();
      this._setStatus(configNotice ? 'notice' : '', configNotice &&
        this._word('configDefaults').replace('{error}', configNotice));
      const readerAnchor = this._previewAnchor();
      this._source.textContent = '';
      // The swap (a new article keeps the view it had; without WebGL the HTML view is the only one).
      if (!showsArticle(this._view)) this._showView(this._glAvailable ? View.CANVAS : View.NO_WEBGL);
      else this._showView(this._view);   // the same view, its button and note in the new article's words
      this._resize();
      this._showCanvasHeight(readerAnchor);
      this._followHash();
      // No frame to wait for where the HTML view is the article (no WebGL), or shows it (the reader's Text view).
      if (isHtmlView(this._view)) { this._frameOwed = false; this._resolveReady(); }
      this._schedule();
    } catch (e) {
      if (!current() || e.name === 'AbortError') return;
      if (this._crashedMessage) return;   // _crashed has already said what happened, in words
      this._fail(e.message || String(e));
    } finally {
      clearTimeout(slow);
    }
  }

  // This element's widget in the page's module: its own ImGui context and state, drawn with the page's
  // fonts and GL context.
  _createWidget() {
    const rect = this._root.getBoundingClientRect();
    const handle = this._wasm((m) => m._aw_create(Math.max(1, rect.width), Math.max(1, window.innerHeight), window.devicePixelRatio || 1));
    if (!handle) throw new Error('The widget could not start (out of memory)');
    this._handle = handle;
    // Without WebGL (a blocklisted GPU, a remote desktop) the interactive HTML view is the article.
    this._glAvailable = !!engineQuery().glAvailable;   // (the view it shows is chosen at the swap, in _load)
    engine.attach(this);
    this._near = nearViewport(this);
    this._command({ cmd: 'fonts', ...this._fontFamilies() });
    if (this._glAvailable && !this._presenter) {
      this._presenter = this._canvas.getContext(engine.bitmaps ? 'bitmaprenderer' : '2d');
    }
    this._sizeCanvas();   // a frame may be asked for before the article loads (its error, a command)
    // The reader's text size changed (the root font size): the article is laid out again.
    if (!this._remObserver) this._remObserver = new ResizeObserver(() => { if (this._handle) this._resize(); });
    this._remObserver.observe(this._remProbe);
  }

  // Stops and frees this element's widget; the page's module stays for the others.
  destroy() {
    this._destroyed = true;
    this._loadToken = null;
    this._endGlide();   // and its listeners on the window
    if (this._abort) this._abort.abort();
    if (this._handle) {
      const handle = this._handle;
      engine.detach(this);
      this._handle = 0;
      if (engine.mod) engine.mod._aw_destroy(handle);
    }
    this._releaseImage();
    if (this._remObserver) this._remObserver.disconnect();
    this._started = false;
    this._firstFrameDrawn = false;
    this._showView(View.NONE);
  }

  // The module went away (a crash): the handle names nothing any more.
  _moduleLost() {
    this._handle = 0;
    this._hasImage = false;
  }

  // Another widget crashed the page's module: this one starts again on a new module.
  _restart() {
    if (this._started && this.isConnected) this._load();
  }

  _fail(message) {
    if (!showsArticle(this._view)) this._showView(View.ERROR);   // a new article that fails leaves the old one shown
    this._setStatus('error', message, true);
    this._emit('articleerror', { message });
    const pending = this._readyPending;
    this._readyPending = null;
    if (pending) pending.reject(new Error(message));
  }

  // The module aborted in this element's call (out of memory, or a bug): never leave a frozen canvas behind.
  _crashed(message) {
    this._crashedMessage = message;
    this._showView(View.ERROR);
    this._fail(message);
  }

  // One of the element's own words in the article's language, from the core's strings table (the query "strings",
  // read once the article is in the module); before that (a page's first load), the table's English rows, which the
  // build defines as AW_ELEMENT_WORDS (cmake/web_package.cmake).
  _word(name) {
    return (this._words && this._words[name]) || AW_ELEMENT_WORDS[name];
  }

  _setStatus(kind, text, retry) {
    this._status.className = 'status ' + kind;
    this._status.textContent = text;
    this._status.setAttribute('role', kind === 'error' ? 'alert' : 'status');
    if (retry) {
      const button = make('button', '', { type: 'button' });
      button.textContent = this._word('tryAgain');
      button.addEventListener('click', () => this._load());
      this._status.appendChild(button);
    }
  }
}
