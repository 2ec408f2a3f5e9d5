// Frames and sizing: when an element draws (near the viewport, not in a hidden tab nor the HTML view), how tall its
// stage and its sticky canvas are, its zoom, where it scrolls, and the page's scroll position as the article's.
import { engine } from './engine.js';
import { scrollContext, scrollPaddingTop } from './host-style.js';
import { View, isHtmlView } from './view.js';

export class Frames {
  // The core's frame pacer decides whether a frame is wanted and says so, once, when it starts wanting one (its
  // runner's frameRequested hook: the 'redraw' event) and after each frame (aw_frame's answer): nothing is polled,
  // and an idle widget costs no frame. This element only adds where: in or near view it draws, farther away it
  // draws nothing (but lays out its first frame and after a resize, so its height is right; coming near again it
  // asks for a frame with 'shown'), and in the HTML view nothing at all. A hidden tab keeps the request for later.
  _schedule() {
    if (!this._handle || !this._glAvailable || isHtmlView(this._view)) return;
    if (this._frameOwed || this._layoutOwed || this._near) engine.schedule(this);
  }

  _frame(time) {
    if (!this._handle || !this._glAvailable || document.hidden) return;   // without WebGL no frame runs: no GL call is made
    const owed = this._frameOwed || this._layoutOwed;
    if (!owed && !this._near) return;
    const render = this._near && !engine.lost && this._pixelWidth > 0 && !isHtmlView(this._view);
    // Laid out first: a change of height above the reader scrolls the page with it before the frame is drawn
    // (place.js); one that this frame's own animation made is drawn once more at the kept place.
    const draw = () => {
      if (render) engine.prepareTarget(this._pixelWidth, this._pixelHeight);
      return this._wasm((m) => m._aw_frame(this._handle, time, render ? 1 : 0));
    };
    this._keepPlace();
    let more = draw();
    // The second check also gives the stage the height this frame laid out; only a frame drawn once more needs it again.
    const redrawn = this._handle && this._keepPlace();
    if (redrawn) more = draw();
    if (!this._handle) return;   // the module aborted in that frame
    if (render) { engine.present(this); this._hasImage = true; }
    this._layoutOwed = false;
    this._framesDrawn++;
    if (redrawn) this._syncHeight();
    if (owed) this._readBlocks();   // a first frame or a new width: the layout the reader's place is kept in
    if (this._frameOwed) {
      this._frameOwed = false;
      this._firstFrameDrawn = true;
      performance.mark('aw-first-frame');
      this._resolveReady();
    }
    if (more && this._near) engine.schedule(this);
  }

  // Input is drawn at once, inside the event, so a click opens a link within the user's gesture.
  _frameNow() {
    if (this._handle && this._firstFrameDrawn) { engine.dirty.delete(this); this._frame(performance.now()); }
  }

  // In or near the viewport (the engine's IntersectionObserver): a widget coming back draws again; one
  // going away releases its image.
  _setNear(near) {
    if (near === this._near) return;
    this._near = near;
    if (!near) { this._releaseImage(); return; }
    if (this._handle && !this._hasImage) this._command({ cmd: 'shown' });
    this._schedule();
  }

  _releaseImage() {
    if (!this._hasImage || !this._presenter) return;
    this._hasImage = false;
    if (engine.bitmaps) this._presenter.transferFromImageBitmap(null);
    this._canvas.width = this._canvas.height = 0;   // no backing store while out of view
  }

  // The page's GL context is lost and stays lost: the HTML view shows meanwhile; back when it returns.
  _contextUnavailable(unavailable) {
    // Only from the canvas (a reader who chose the Text view keeps it), and back only from the view it left for.
    if (!this._glAvailable || this._view !== (unavailable ? View.CANVAS : View.NO_CONTEXT)) return;
    this._showView(unavailable ? View.NO_CONTEXT : View.CANVAS);
    if (!unavailable && this._handle) { this._command({ cmd: 'shown' }); this._hasImage = false; }
  }

  // The article's height as the core lays it out now, in whole CSS px (0 before it is laid out).
  _laidOutHeight() {
    return Math.ceil(JSON.parse(this._query('contentHeight') || '{}').height || 0);
  }

  // The stage is as tall as the article, so the page scrolls natively past the sticky canvas.
  _syncHeight() {
    if (!this._handle) return;
    const height = this._laidOutHeight();
    if (height > 0 && height !== this._contentHeight) {
      this._contentHeight = height;
      this._stage.style.height = height + 'px';
      this._sizeCanvas();
      this._readBlocks();
    }
  }

  // The canvas is as tall as what shows of the page or of the pane it scrolls in, less the host's fixed header
  // (scroll-padding-top).
  // Viewport coordinates (getBoundingClientRect, innerHeight, the page's scroll) are the page's px; the element's
  // own CSS px are those times its zoom (`_zoom`: a host's CSS zoom, or a scaling transform on an ancestor).
  _viewportHeight() {
    const shown = this._scroller ? Math.min(this._scroller.clientHeight * this._zoom, window.innerHeight) : window.innerHeight;
    const available = Math.max(1, (shown - this._stickyTop) / this._zoom);
    return Math.max(1, Math.min(available, this._contentHeight || available));
  }

  // The element's zoom: how many of the page's px one of its own CSS px takes (2 under `zoom: 2` on the body, 0.5 in
  // a box scaled by half), read from its box; 1 where the engine reports both in one unit (WebKit's zoom).
  _readZoom() {
    const shown = this._root.getBoundingClientRect().width, own = this._root.offsetWidth;
    const zoom = own > 0 && shown > 0 ? shown / own : 1;
    this._zoom = Math.abs(zoom - 1) < 0.005 ? 1 : Math.min(10, Math.max(0.1, zoom));
    // What of it a transform does (CSS zoom is currentCSSZoom, where the engine has it): sticky positions in the
    // untransformed layout, so under a scaling transform the element places its canvas itself (scrollContext).
    const cssZoom = typeof this.currentCSSZoom === 'number' ? this.currentCSSZoom : 1;
    this._transformed = Math.abs(this._zoom / cssZoom - 1) >= 0.005;
  }

  // Whether a scroll of `target` can move the element: the page's, its own pane's, or one around it (a pane holding
  // its pane); a sidebar or a code box elsewhere on the page cannot.
  _movedBy(target) {
    return target === document || target === this._scroller || (target.contains ? target.contains(this) : true);
  }

  // Where the element scrolls (scrollContext), read again whenever its size or its height changes.
  _readScrollContext() {
    const context = scrollContext(this);
    this._scroller = context.scroller;
    const pinned = context.pinned || this._transformed;
    if (pinned !== !!this._pinned) {
      this._pinned = pinned;
      this._root.classList.toggle('pinned', this._pinned);
      if (!this._pinned) { this._viewport.style.transform = ''; this._bar.style.transform = ''; this._pinnedY = 0; }
    }
    const stickyTop = scrollPaddingTop(this._scroller) * (this._scroller ? this._zoom : 1);
    if (stickyTop !== this._stickyTop || this._zoom !== this._stickyZoom) {
      this._stickyTop = stickyTop;
      this._stickyZoom = this._zoom;
      this._root.style.setProperty('--sticky-top', stickyTop / this._zoom + 'px');
    }
  }

  // The top of what shows of the page or the pane, below its fixed header, in viewport coordinates.
  _visibleTop() {
    if (!this._scroller) return this._stickyTop;
    return this._scroller.getBoundingClientRect().top + this._scroller.clientTop * this._zoom + this._stickyTop;
  }

  // Scrolls the page, or the pane the element sits in, so the article's y stands at the top of the canvas.
  _scrollArticleTo(y, behavior) {
    const delta = this._stage.getBoundingClientRect().top + y * this._zoom - this._visibleTop();
    if (this._scroller) this._scroller.scrollTo({ top: this._scroller.scrollTop + delta / this._zoom, behavior });
    else window.scrollTo({ top: window.scrollY + delta, behavior });
  }

  // A change around the element (window size, colour scheme, pixel ratio, a move): the host style is
  // read again, then the canvas sized.
  _resize() {
    if (!this._handle) return;
    const anchor = this._readingAnchor();
    this._readHostStyle();
    this._applyPalette();
    this._sizeCanvas();
    this._keepReadingAnchor(anchor);
  }

  _sizeCanvas() {
    if (!this._handle || !this._glAvailable) return;
    this._readZoom();
    this._readScrollContext();
    const width = Math.max(1, this._root.clientWidth);
    const height = this._viewportHeight();
    const dpr = (window.devicePixelRatio || 1) * this._zoom;   // sharp under a host's zoom
    this._viewport.style.height = height + 'px';
    this._pixelWidth = Math.round(width * dpr);
    this._pixelHeight = Math.round(height * dpr);
    if (width !== this._laidOutWidth) { this._laidOutWidth = width; this._layoutOwed = true; }   // its height follows its width
    const [dark, reduced] = engine.media.map((m) => (m.matches ? 1 : 0));
    engine.mod._aw_resize(this._handle, width, height, dpr, dark, reduced);
    this._pageScrolled();
  }

  // The page owns the scroll position: the article's y at the top of the sticky canvas, read from the
  // page whenever the core asks (0 while the drawn view is not shown).
  _pageScrollY() {
    if (!this._glAvailable || isHtmlView(this._view)) return 0;
    const top = this._stage.getBoundingClientRect().top;
    const max = Math.max(0, this._contentHeight - this._viewportHeight());
    return Math.min(Math.max(0, (this._visibleTop() - top) / this._zoom), max);
  }

  _pageScrolled() {
    if (!this._handle || !this._near || !this._glAvailable) return;
    if (this._pinned) {   // sticky cannot stick here: the canvas follows the scroll
      const y = Math.round(this._pageScrollY());
      if (y !== this._pinnedY) {
        this._pinnedY = y;
        this._viewport.style.transform = this._bar.style.transform = `translateY(${y}px)`;
      }
    }
    engine.mod._aw_page_scrolled(this._handle);   // a frame, if the view moved, comes as 'redraw'
  }
}
