// Which view the element shows: one enum (View), one owner (the element's _view, which only _showView writes), and
// what each view looks like: the root's classes (ready, pending, html-view), the mirror, the Text view button, the note.
export const View = Object.freeze({
  NONE: 'none',             // no article: before the first load, and after destroy()
  LOADING: 'loading',       // the article on its way: the host's own HTML or the Markdown as text meanwhile
  PENDING: 'pending',       // the article on its way from src with nothing to show yet: a viewport's height is reserved
  ERROR: 'error',           // the load failed before an article was shown (the status line says why)
  CANVAS: 'canvas',         // the drawn article
  TEXT: 'text',             // the HTML view, which the reader chose (the Text view button)
  NO_WEBGL: 'no-webgl',     // the HTML view as the only view: the browser offers no WebGL
  NO_CONTEXT: 'no-context', // the HTML view while the page's WebGL context stays lost
});

const HTML_VIEWS = new Set([View.TEXT, View.NO_WEBGL, View.NO_CONTEXT]);
// Whether `view` is the HTML view (the mirror, shown), for whichever reason.
export function isHtmlView(view) { return HTML_VIEWS.has(view); }
// Whether `view` shows an article (drawn, or as HTML), rather than what stands in for it while there is none.
export function showsArticle(view) { return view === View.CANVAS || HTML_VIEWS.has(view); }

// The note over the HTML view, by view: the name of its string in the core's table (src/core/strings.h).
const NOTES = {
  [View.NO_WEBGL]: 'noWebglNote',
  [View.NO_CONTEXT]: 'noContextNote',
};

// The element's view method (the element takes these methods: web/element/element.js).
export class Views {
  // Shows `view`: the only writer of _view and of the classes and controls that show it.
  _showView(view) {
    const was = this._view;
    this._view = view;
    const html = isHtmlView(view);
    this._root.classList.toggle('ready', showsArticle(view));
    this._root.classList.toggle('pending', view === View.PENDING);
    this._root.classList.toggle('html-view', html);
    this._mirror.classList.toggle('sr-only', !html);
    this._mirror.classList.toggle('shown', html);
    this._textButton.textContent = html ? this._word('interactiveView') : this._word('textView');
    this._textButton.setAttribute('aria-pressed', html ? 'true' : 'false');
    this._textButton.hidden = !(view === View.CANVAS || view === View.TEXT || view === View.NO_CONTEXT);
    this._note.textContent = NOTES[view] ? this._word(NOTES[view]) : '';
    this._note.hidden = !NOTES[view];
    // From the HTML view back to the canvas: the stage takes the article's height again, and a frame is drawn.
    if (isHtmlView(was) && view === View.CANVAS) { this._contentHeight = 0; this._layoutOwed = true; this._syncHeight(); this._sizeCanvas(); this._schedule(); }
  }
}
