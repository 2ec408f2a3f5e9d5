// Types for the <article-widget> element defined by article-widget.js.
export interface ArticleWidgetState {
  stage: number;
  openFaqs: number[];
  filter: string;
  scrollY: number;
}
export interface ArticleWidgetRect { x: number; y: number; width: number; height: number; }
export interface ArticleWidgetLayout {
  title: ArticleWidgetRect;
  stages: ArticleWidgetRect[];
  faqs: ArticleWidgetRect[];
  contentHeight: number;
}
export interface ArticleWidgetEventMap extends HTMLElementEventMap {
  ready: CustomEvent<void>;
  stagechange: CustomEvent<{ index: number }>;
  faqtoggle: CustomEvent<{ index: number; open: boolean }>;
  linkclick: CustomEvent<{ href: string }>;
  error: CustomEvent<{ message: string }>;
}
export interface ArticleWidgetElement extends HTMLElement {
  /** Resolves with the element once the first frame is drawn. */
  readonly ready: Promise<ArticleWidgetElement>;
  /** Markdown text; setting it reloads the article. */
  markdown: string | null;
  selectStage(index: number): boolean;
  toggleFaq(index: number, open?: boolean): boolean;
  expandAll(): boolean;
  collapseAll(): boolean;
  scrollToAnchor(id: string): boolean;
  getState(): ArticleWidgetState | null;
  setState(state: Partial<ArticleWidgetState>): boolean;
  /** Rectangles in CSS pixels relative to the element. */
  getLayout(): ArticleWidgetLayout | null;
  destroy(): void;
  addEventListener<K extends keyof ArticleWidgetEventMap>(type: K, listener: (this: ArticleWidgetElement, ev: ArticleWidgetEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
}
declare global {
  interface HTMLElementTagNameMap { 'article-widget': ArticleWidgetElement; }
}
