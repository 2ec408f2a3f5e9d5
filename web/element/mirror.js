// The mirror and the HTML view: the core's semantic HTML kept in step with the canvas (out of sight, or shown as the
// Text view, the view without WebGL and on paper), the HTML shown before the canvas, the swap, and the reader's place.
// [SECTION] the mirror and the HTML view  [SECTION] the HTML view before the canvas, the swap, and the reader's place
import { scrollPaddingTop } from './host-style.js';
import { setCoreHtml } from './trusted-html.js';
import { View, isHtmlView, showsArticle } from './view.js';

export class Mirror {
  // [SECTION] the mirror and the HTML view -----------------------------------------------------
  // Semantic HTML from the core's renderer with real buttons: what screen readers read, what Tab
  // walks, what find-in-page finds. The canvas draws its focus ring on the same item. The core writes
  // it with the state it shows, and after every change sends that state (attributes, the filter's value,
  // its status line) as one event, which this applies as it is: the element decides none of it.
  _buildMirror() {
    setCoreHtml(this._mirror, this._query('html'));
  }

  _applyMirror(state) {
    for (const [id, change] of Object.entries(state)) {
      const el = this.shadowRoot.getElementById(id);
      if (!el || !this._mirror.contains(el)) continue;
      for (const [name, value] of Object.entries(change)) {
        if (name === 'textContent' || name === 'value') { if (el[name] !== value) el[name] = value; }
        else if (value === null) el.removeAttribute(name);
        else if (el.getAttribute(name) !== value) el.setAttribute(name, value);
      }
    }
    // A focused control that stopped being a focus target (the stage that was selected): focus follows
    // the core's focus to the control that now is.
    const active = this.shadowRoot.activeElement;
    if (active && this._mirror.contains(active) && !active.dataset.focus) this._focusMirror(this._focusName());
  }

  // Over the canvas the mirror is out of sight and focus must not scroll the page (the core scrolls
  // to what it draws); in the HTML view focus scrolls natively, below the host's scroll-padding-top.
  _focusMirror(name) {
    const el = name && this._mirror.querySelector(`[data-focus="${CSS.escape(name)}"]`);
    if (!el || this.shadowRoot.activeElement === el) return;
    this._movingFocus = true;
    el.focus({ preventScroll: !isHtmlView(this._view) });
    this._movingFocus = false;
  }

  _revealInMirror(id) {
    const target = this._mirror.querySelector('#' + CSS.escape(id));
    this._mirrorScrolledAt = performance.now();   // not a find match (selection section)
    if (target) target.scrollIntoView({ block: 'start' });
  }

  // The mirror's controls: focus and keys go to the core, the filter's text, links and buttons to the API
  // (the listeners are input.js's).
  _mirrorControls() {
    const m = this._mirror;
    return {
      focusIn: (e) => {
        const name = e.target.dataset && e.target.dataset.focus;
        if (name && !this._movingFocus) this._command({ cmd: 'focus', name, keyboard: true });
        // A link the core does not walk (a footnote reference, a note's back link): the canvas scrolls to where it
        // is drawn, below the host's header, as the core does for its own focus targets.
        else if (!name && !isHtmlView(this._view)) this._scrollToClosestAnchor(e.target);
      },
      focusOut: (e) => {
        if (!m.contains(e.relatedTarget)) this._command({ cmd: 'focus', name: '', keyboard: false });
      },
      // Keys go to the core's keyboard model (the one key table), which says which it handled; the
      // mirror's own controls keep the rest (Tab, links, typing in the filter).
      keyDown: (e) => {
        const name = e.target.dataset && e.target.dataset.focus;
        if (!name || e.altKey || e.ctrlKey || e.metaKey) return;
        if (this._command({ cmd: 'key', key: e.key, shift: e.shiftKey })) e.preventDefault();
      },
      input: (e) => {
        if (e.target.dataset.focus === 'filter') this._command({ cmd: 'filter', text: e.target.value });
      },
      click: (e) => {
        const link = e.target.closest('a[href]');
        if (link) {
          const href = link.getAttribute('href');
          // Sections scroll the canvas; other anchors (footnotes) are the browser's own, in the HTML view.
          if (href.startsWith('#')) { if (this._scrollToAnchorQuietly(href.slice(1))) e.preventDefault(); return; }
          if (!this._emit('linkclick', { href }, true)) e.preventDefault();
          return;
        }
        // A button names its item; the core does what activating it does (core/action.h), as for a click on the canvas.
        const button = e.target.closest('button[data-activate]');
        if (button) this._api({ cmd: 'activate', name: button.dataset.activate });
      },
    };
  }

  // [SECTION] the HTML view before the canvas, the swap, and the reader's place ------------------
  // The host's pre-rendered HTML (a static-site build; the offline file's fallback): its element children other
  // than the article's scripts, copied into the shadow root to be shown in the canvas's typography until the
  // canvas is ready. Without it, an article still to be fetched (src) gets a viewport's height reserved until its
  // height is known; an inline one is shown as text at once.
  _showHostHtml() {
    const nodes = [...this.children].filter((c) => c.localName !== 'script' && c.localName !== 'template');
    this._hostHtml = nodes.length > 0;
    this._source.replaceChildren(...nodes.map((n) => n.cloneNode(true)));
    const fetched = this._markdown === null && !this.querySelector('script[type="text/markdown"]') && this.hasAttribute('src');
    if (!showsArticle(this._view)) this._showView(!this._hostHtml && fetched ? View.PENDING : View.LOADING);
  }

  // The swap: in the task that hides the HTML view, the stage takes the canvas layout's height (the geometry
  // exists before the first frame), so no frame shows the element at another height (the reserved viewport ended
  // with the swap to the article's view, in the same task).
  // A reader who scrolled into the HTML view stays on the paragraph they were reading.
  _showCanvasHeight(readerAnchor) {
    if (!this._glAvailable) return;
    this._syncHeight();
    this._keepReadingAnchor(readerAnchor);
  }

  // The HTML view's blocks in the order the core lays them out (one per paragraph, heading, code block, rule,
  // list item, table row; the timeline and the FAQ one each). A list item holding blocks of its own is not one.
  _previewBlocks() {
    const article = this._source.querySelector('.aw-article');
    if (!article) return [];
    const blocks = ':is(p, h1, h2, h3, h4, h5, h6, pre, hr, li, tr, .aw-timeline, .aw-faq)';
    return [...article.querySelectorAll(blocks)].filter((e) => !e.parentElement.closest('.aw-timeline, .aw-faq') &&
      !(e.localName === 'li' && e.querySelector(':scope > :is(p, h1, h2, h3, h4, h5, h6, pre, hr, ul, ol, blockquote, table)')));
  }

  // Where the reader is in the HTML view, as _readingAnchor() says it for the canvas; none at the article's top
  // or when a deep link decides where the page goes.
  _previewAnchor() {
    if (showsArticle(this._view) || location.hash.length > 1) return null;
    const top = scrollPaddingTop();
    if (this.getBoundingClientRect().top >= top - 0.5) return null;   // the reader has not scrolled into the article
    const blocks = this._previewBlocks();
    for (let i = blocks.length - 1; i >= 0; i--) {
      const r = blocks[i].getBoundingClientRect();
      if (r.height <= 0 || r.top > top) continue;
      return top < r.bottom ? { index: i, count: blocks.length, fraction: (top - r.top) / r.height } : { index: i, count: blocks.length, below: top - r.bottom };
    }
    return null;
  }

  // A deep link, on load and on hashchange: a stage (selected), a question (opened) or a section, scrolled into
  // view below the host's fixed header (scroll-padding-top). The stage is already as tall as the article.
  _followHash(smooth = false) {
    const hash = location.hash;
    if (!hash || hash.length < 2) return;
    if (!this._command({ cmd: 'deepLink', hash, smooth })) this._scrollToAnchorQuietly(decodeURIComponent(hash.slice(1)));
  }

  // The block at the top of the sticky canvas, and how far into it the reader is: a resize or a new text size
  // re-wraps the article, and the reader stays on the same paragraph, not at the same pixel offset.
  _readingAnchor() {
    const y = this._firstFrameDrawn ? this._pageScrollY() : 0;
    if (!this._glAvailable || !(y > 0)) return null;
    const blocks = JSON.parse(this._query('blocks') || '[]');
    for (let i = blocks.length - 1; i >= 0; i--) {
      const [top, height] = blocks[i];
      if (top > y || height <= 0) continue;
      return y < top + height ? { index: i, count: blocks.length, fraction: (y - top) / height } : { index: i, count: blocks.length, below: y - top - height };
    }
    return null;
  }

  _keepReadingAnchor(anchor) {
    if (!anchor || !this._handle || !this._glAvailable) return;
    this._syncHeight();   // the stage as tall as the new layout before the page scrolls in it
    const blocks = JSON.parse(this._query('blocks') || '[]');
    if (blocks.length !== anchor.count) return;
    const [top, height] = blocks[anchor.index];
    const y = anchor.below === undefined ? top + anchor.fraction * height : top + height + anchor.below;
    this._scrollArticleTo(y, 'instant');
    this._pageScrolled();
  }
}
