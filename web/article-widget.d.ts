// Types for the <article-widget> element defined by article-widget.js (and article-widget.mjs, the npm package's
// ES module, whose exports are declared at the end). tests/e2e/api.test.mjs checks every member below against
// the element, and ArticleWidgetLayout's keys against getLayout().
export interface ArticleWidgetState {
  stage: number;
  openFaqs: number[];
  /** The FAQ filter's text: at most 128 bytes of UTF-8 (typing stops there; setState refuses a longer one). */
  filter: string;
  /** CSS px of the article at the top of the visible canvas; setting it scrolls the page there. */
  scrollY: number;
}
export interface ArticleWidgetRect { x: number; y: number; width: number; height: number; }
/** Rectangles in CSS px relative to the element's top left; a question hidden by the filter has zero size. */
export interface ArticleWidgetLayout {
  title: ArticleWidgetRect;
  stages: ArticleWidgetRect[];
  faqs: ArticleWidgetRect[];
  track: ArticleWidgetRect;
  previous: ArticleWidgetRect;
  next: ArticleWidgetRect;
  filter: ArticleWidgetRect;
  expandAll: ArticleWidgetRect;
  collapseAll: ArticleWidgetRect;
  contentHeight: number;
}
/** The document model: the JSON the CLI's `model` command prints (these keys, and more). */
export interface ArticleWidgetModel {
  title: string;
  word_count: number;
  reading_minutes: number;
  /** `line`: the heading's first source line (1-based). */
  sections: { id: string; level: number; title: string; line: number }[];
  timeline: { source: string; label: string; stages: { title: string; summary: string; body_text: string }[];
    markers: { position: number; label: string }[] };
  faqs: { id: string; question: string; answer_text: string }[];
  config: { theme: 'auto' | 'light' | 'dark'; accent: string; initial_stage: number; deep_link_prefix: string };
  [key: string]: unknown;
}
export interface ArticleWidgetEventMap extends HTMLElementEventMap {
  /** Every event bubbles and is composed: a listener on document hears it. */
  ready: CustomEvent<null>;
  stagechange: CustomEvent<{ index: number }>;
  faqtoggle: CustomEvent<{ index: number; open: boolean }>;
  /** Cancelable: preventDefault() keeps the link from opening. */
  linkclick: CustomEvent<{ href: string }>;
  /** A load failure, or a call the article cannot honour. Named `error` before; that name is gone. */
  articleerror: CustomEvent<{ message: string }>;
}
export interface ArticleWidgetElement extends HTMLElement {
  /** Resolves with the element once the article is shown (the first frame drawn, or the HTML view without
   *  WebGL); a fresh promise for each load (src, config or markdown changes); rejects if the load fails. */
  readonly ready: Promise<ArticleWidgetElement>;
  /** The Markdown of the article shown, wherever it came from (null before one is shown); setting it loads that text. */
  markdown: string | null;
  /** Each method returns whether it did what was asked; if not, articleerror says why. */
  selectStage(index: number): boolean;
  toggleFaq(index: number, open?: boolean): boolean;
  expandAll(): boolean;
  collapseAll(): boolean;
  /** A section's anchor, or the id of a stage or question as in the HTML (`aw-stage-2`, `aw-faq-…`), with or without '#'. */
  scrollToAnchor(id: string): boolean;
  getState(): ArticleWidgetState | null;
  setState(state: Partial<ArticleWidgetState>): boolean;
  /** Null before an article is loaded and without WebGL (nothing is drawn); otherwise laid out on demand, also before the first frame. */
  getLayout(): ArticleWidgetLayout | null;
  getModel(): ArticleWidgetModel | null;
  /** Frames drawn so far (a diagnostic: none while idle). */
  readonly framesDrawn: number;
  destroy(): void;
  addEventListener<K extends keyof ArticleWidgetEventMap>(type: K, listener: (this: ArticleWidgetElement, ev: ArticleWidgetEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  /** The same typed listener that was added can be removed (the React cleanup pattern in the README). */
  removeEventListener<K extends keyof ArticleWidgetEventMap>(type: K, listener: (this: ArticleWidgetElement, ev: ArticleWidgetEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}
declare global {
  interface HTMLElementTagNameMap { 'article-widget': ArticleWidgetElement; }
}
/** The element's class, as the ES module exports it (the same as customElements.get('article-widget')); importing
 *  the module registers the element. Undefined where there is no DOM (server-side rendering). */
export declare const ArticleWidgetElement: { prototype: ArticleWidgetElement; new (): ArticleWidgetElement };
export default ArticleWidgetElement;
