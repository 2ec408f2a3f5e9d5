// The reader's place while the article's height changes (an unsized image arriving, a question opening, fonts loading):
// the page's scroll anchoring does not reach into a canvas, so the element does what CSS `overflow-anchor` does for
// HTML, in the frame that shows the change, and a gliding scroll (a deep link) keeps its target until it ends.

// How long at most a glide's target is kept after it started, if it has not reached it and the reader has not scrolled.
const GLIDE_MS = 10000;
// What a reader scrolls with, which ends a glide.
const READER_SCROLLS = ['wheel', 'touchstart', 'keydown'];

// The anchor for article y in `blocks` ([top, height] each): the first block that reaches below y (the one the view's
// top is in, or the next after a gap), and y's offset from its top. The block itself may grow: its top stays put.
function anchorAt(blocks, y) {
  for (let i = 0; i < blocks.length; i++) {
    const [top, height] = blocks[i];
    if (top + height > y) return { index: i, offset: y - top, height };
  }
  return null;
}

export class Place {
  // The laid-out blocks the page shows, as the 'blocks' query gives them; read again whenever the layout may have changed.
  _readBlocks() {
    this._laidBlocks = JSON.parse(this._query('blocks') || '[]');
  }

  // The article's y at the top of the view, not clamped to the stage (the view's top may be above or below it).
  _viewTopInArticle() {
    return (this._visibleTop() - this._stage.getBoundingClientRect().top) / this._zoom;
  }

  // Lays the article out now (before a frame draws it), and when its height changed keeps the block at the top of the
  // view where it stood on screen, and a glide's target where it was going. Returns whether the page was scrolled.
  _keepPlace() {
    const before = this._laidBlocks;
    const height = this._laidOutHeight();
    if (!(height > 0) || height === this._contentHeight || !before || !this._firstFrameDrawn) { this._syncHeight(); return false; }
    const viewY = this._viewTopInArticle();
    // Only while the view's top is in the article: above it nothing of the article moves, below it the page's own
    // scroll anchoring keeps the host's content where it was.
    const view = !this._glide && viewY > 0 && viewY < this._contentHeight ? anchorAt(before, viewY) : null;
    // A glide ends at its target (from then on the view's anchor keeps it), or after GLIDE_MS.
    if (this._glide && (performance.now() > this._glide.until || Math.abs(viewY - this._glide.y) < 1)) this._endGlide();
    const glide = this._glide ? anchorAt(before, this._glide.y) : null;
    this._syncHeight();
    const after = this._laidBlocks;
    if (!after || after.length !== before.length) return false;
    // The anchor block's top keeps its place on screen; but an image that changed height under the view's top keeps
    // the block after it in place instead (its bottom edge stays, so the text the reader reads does not move).
    const yOf = (anchor) => {
      const [top, h, image] = after[anchor.index];
      const next = anchor.index + 1;
      if (image && anchor.offset > 0 && h !== anchor.height && next < after.length) return viewY + after[next][0] - before[next][0];
      return top + anchor.offset;
    };
    let scrolled = false;
    if (view) {
      const y = yOf(view);
      if (Math.abs(y - viewY) >= 0.5) { this._scrollArticleTo(y, 'instant'); scrolled = true; }
    }
    if (glide) {
      this._glide.y = after[glide.index][0] + glide.offset;
      this._scrollArticleTo(this._glide.y, this._glide.behavior);
    }
    if (scrolled) this._pageScrolled();   // a canvas placed by the element (pinned) follows at once
    return scrolled;
  }

  // A scroll the widget makes (a deep link, an anchor, focus): a smooth one glides, and a change of height above its
  // target meanwhile moves the target with it (_keepPlace).
  _scrollArticleToKept(y, behavior) {
    // The same target again while the view is still on its way there (the core asks once more): a second scrollTo
    // would stop the glide where it is in some engines, so the one under way goes on.
    const at = this._viewTopInArticle(), glide = this._glide;
    if (glide && Math.abs(glide.y - y) < 1 && behavior !== 'instant' && (at - glide.from) * (y - at) > 0) return;
    this._endGlide();
    this._glide = { y, behavior, from: at, until: performance.now() + GLIDE_MS };
    this._scrollArticleTo(y, behavior);
    // The glide ends at its target, at GLIDE_MS, or when the reader scrolls by hand meanwhile: from then on the
    // reader's own place is kept instead.
    const end = () => this._endGlide();
    for (const type of READER_SCROLLS) window.addEventListener(type, end, { capture: true, passive: true });
    this._glideListener = end;
  }

  // Ends the glide under way, if any, and stops listening for the reader's own scrolling.
  _endGlide() {
    this._glide = null;
    if (!this._glideListener) return;
    for (const type of READER_SCROLLS) window.removeEventListener(type, this._glideListener, true);
    this._glideListener = null;
  }
}
