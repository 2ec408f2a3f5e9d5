// The element's stylesheet (its shadow root's, shared by every element) and how a shadow root adopts it.
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
  /* The root is the query container of the HTML's phone typography (below); its inline size is contained, so
     the element's intrinsic width comes from the sizer beside it. */
  .root { position: relative; --column: var(--aw-column-width, 680px); container-type: inline-size; }
  /* The canvas has no intrinsic width; this gives the element a paragraph's (wide, yet able to shrink
     to 64 px), so as a flex or grid item, or in a shrink-to-fit box, it is as wide as a block of text. */
  .sizer { height: 0; overflow: hidden; visibility: hidden; font-size: 0; line-height: 0; }
  .sizer span { display: inline-block; width: 64px; }
  .probe { position: absolute; visibility: hidden; pointer-events: none; }
  /* 16rem wide: it resizes when the reader's text size (the root font size) changes, and the canvas follows. */
  .rem { position: absolute; visibility: hidden; pointer-events: none; width: 16rem; height: 0; }
  /* Until the canvas (or the HTML view) shows an article whose height is known, the element reserves a
     viewport's height, so what follows it is out of sight before and after the article arrives (no shift). */
  .root.pending { min-height: 100vh; }
  .status { font: 15px/1.5 system-ui, sans-serif; padding: 0.9rem 1.2rem; border-radius: 8px; margin: 1rem auto; max-width: var(--column); }
  .status:empty { display: none; }
  .status.error { background: #fdecea; color: #7a1710; border: 1px solid #c23b2e; }
  .status.loading { opacity: 0.75; }
  .status.notice { background: #fff8e1; color: #5c4300; border: 1px solid #d9a400; padding: 0.4rem 0.9rem; font-size: 14px; }
  .status button { font: inherit; margin-left: 0.75rem; padding: 0.2rem 0.8rem; border-radius: 999px; border: 1px solid currentColor;
    background: transparent; color: inherit; cursor: pointer; }
  .fallback, .mirror.shown { max-width: var(--column); margin: 0 auto; overflow-wrap: break-word; }
  .fallback > .source > pre { white-space: pre-wrap; font: inherit; }   /* the Markdown, until its HTML is there */
  /* The article as HTML (before the canvas, the Text view, no WebGL) in the canvas's typography: the same
     numbers as the core's layout (src/ui/fonts.cpp kFaces: sizes in CSS px at a 16 px root, here in rem, so both
     follow the reader's text size; src/core/article_layout.cpp: line heights, the space before each block in
     body ems, the header's 40/12/24 px and the 80 px at the end). */
  .aw-article { --em: 1.125rem; font-size: var(--em); padding-bottom: 80px; --line: 1.6; }
  /* The canvas's lines are whole CSS px, round(size × factor), set on each block for its own size. */
  .aw-article, .aw-article :is(h1, h2, h3, h4, h5, h6, p, li, pre, blockquote, dt, dd, td, th, figcaption, div) {
    line-height: var(--line); line-height: round(nearest, calc(var(--line) * 1em), 1px); }
  :where(.aw-article) :where(h1, h2, h3, h4, h5, h6, p, ul, ol, pre, blockquote, table, hr, figure) { margin: 0; }
  .aw-article > * + *, .aw-article li > * + *, .aw-article blockquote > * + * { margin-top: calc(0.9 * var(--em)); }
  .aw-article :is(h1, h2, h3, h4, h5, h6) { font-family: var(--aw-heading-font, inherit); --line: 1.25; }
  .aw-article > h1:first-child { font-size: 2.125rem; --line: 1.2; padding-top: 40px; }
  /* The header: the reading-time line 12 px below the title, 24 px above the article; room for it without one. */
  .aw-article > h1:first-child:not(:has(+ .aw-meta)) { padding-bottom: calc(12px + 1.4 * 0.8125rem + 24px); }
  .aw-article h1 { font-size: 2.125rem; }
  .aw-article h2 { font-size: 1.5625rem; }
  .aw-article h3 { font-size: 1.25rem; }
  .aw-article :is(h4, h5, h6) { font-size: 1.125rem; }
  /* Below 600 px of width the canvas steps every heading, the title too, down one size (article_layout.cpp
     kPhoneBreakCss), so a title is two lines rather than four: the HTML follows. */
  @container (width < 600px) {
    .aw-article h1, .aw-article > h1:first-child { font-size: 1.5625rem; }
    .aw-article h2 { font-size: 1.25rem; }
    .aw-article h3 { font-size: 1.125rem; }
  }
  .aw-article > :is(h1, h2):not(:first-child) { margin-top: calc(2 * var(--em)); }
  .aw-article > :is(h3, h4, h5, h6) { margin-top: calc(1.5 * var(--em)); }
  .aw-article :is(h1, h2, h3, h4, h5, h6) + * { margin-top: calc(0.6 * var(--em)); }
  .aw-article > h1:first-child + .aw-meta { margin-top: 12px; padding-bottom: 24px; }
  /* After the header as after a heading, except what keeps its own space (a heading, the timeline, the FAQ, a rule). */
  .aw-article > h1:first-child + .aw-meta + :not(h1, h2, h3, h4, h5, h6, .aw-timeline, .aw-faq, hr) { margin-top: calc(0.6 * var(--em)); }
  .aw-article :is(sup, sub) { line-height: 0; }   /* a footnote mark does not make its line taller, as on the canvas */
  .aw-article .aw-faq-question { font-size: var(--em); }   /* questions in the body's size, as drawn */
  .aw-article :is(ul, ol) { padding-inline-start: calc(1.6 * var(--em)); }
  .aw-article li + li { margin-top: calc(0.35 * var(--em)); }
  .aw-article :is(ul, ol):has(> li > p) > li + li { margin-top: calc(0.9 * var(--em)); }   /* a loose list's items */
  .aw-article blockquote { padding-inline-start: calc(1.1 * var(--em)); }
  .aw-article pre { font-size: 0.9375rem; --line: 1.45; padding: calc(0.7 * var(--em)) var(--em); }
  .aw-article pre { padding-block: round(nearest, calc(0.7 * var(--em)), 1px); }   /* whole px, as drawn */
  /* The canvas labels a block with its language over the code, 0.6 of the label's line (round(1.5 × 13 px)) lower. */
  .aw-article pre:has(> code[class^="language-"]:not([class^="language-{"])) {
    padding-top: calc(round(nearest, calc(0.7 * var(--em)), 1px) + 0.6 * round(nearest, 1.21875rem, 1px)); }
  /* Code in the canvas's 15 px (monospace alone would take the browser's smaller monospace size: 13/16 of the text's). */
  /* Its line box no taller than the text's: a second font on the baseline would make the browser's line taller than the canvas's. */
  .aw-article code { font-family: var(--aw-code-font, monospace), monospace; font-size: 0.9375rem; line-height: 1; }
  .aw-article pre code { line-height: inherit; }
  /* Tables as drawn (src/core/block_geometry.cpp LayoutTable): cells padded 0.45 × 0.6 em with lines of 1.5, rows
     ruled by a 1 px line that takes no room, and a 1 px border at the bottom. */
  .aw-article table { border-collapse: separate; border-spacing: 0; max-width: 100%; padding-bottom: 1px;
    box-shadow: inset 0 -1px var(--rule, rgba(127,127,127,0.35)); }
  .aw-article :is(th, td) { --line: 1.5; vertical-align: top;
    padding: round(nearest, calc(0.45 * var(--em)), 1px) round(nearest, calc(0.6 * var(--em)), 1px);
    box-shadow: inset 0 1px var(--rule, rgba(127,127,127,0.35)); }
  .aw-article th:not([align]) { text-align: start; }
  .aw-article > :is(.aw-timeline, .aw-faq, hr) { margin-top: calc(1.4 * var(--em)); }
  .aw-article .aw-meta { font-family: var(--aw-heading-font, inherit); font-size: 0.8125rem; line-height: 1.4; }
  .root:has(> .fallback > .source > *) > .status.loading { display: none; }   /* the article is there to read */
  pre { tab-size: 4; }   /* code as written: tab stops of 4, as on the canvas */
  .root.ready .fallback { display: none; }
  /* The drawn view: a sticky, one-viewport-tall canvas inside a box as tall as the article. It sticks
     below the host's scroll-padding-top (a fixed header), so the progress bar stays in sight. */
  .stage { display: none; }
  .root.ready .stage { display: block; }
  .viewport { position: sticky; top: var(--sticky-top, 0px); overflow: hidden; }
  /* Where sticky cannot stick (scrollContext), the element moves the canvas (and the Text view bar) itself. */
  .root.pinned :is(.viewport, .bar) { position: relative; top: 0; will-change: transform; }
  canvas { display: block; width: 100%; height: 100%; outline: none; touch-action: pan-y; user-select: none; -webkit-user-select: none;
    -webkit-touch-callout: none; }
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
     (or the theme's, when one is forced), with working buttons. Sides are logical (inline-start, start): the
     article carries the core's dir, so a right-to-left article's lists, quotes and timeline are mirrored. */
  .root.html-view .stage { display: none; }
  /* A theme's own background paints the whole element, as the canvas does, with the column centred in it. */
  .root.html-view { color: var(--ink, inherit); background: var(--paper, transparent); }   /* the article keeps its own 80 px at the end, as drawn */
  .root.html-view > .note { padding-top: 0.75rem; }
  .mirror.shown :is(h1, h2, h3, h4, h5, h6) { color: var(--heading, inherit); }
  .mirror.shown a { color: var(--link, inherit); }
  .mirror.shown pre { overflow-x: auto; border-radius: 6px; background: var(--surface, rgba(127,127,127,0.1)); }
  .mirror.shown blockquote { margin-inline-start: 0; border-inline-start: 3px solid var(--rule, rgba(127,127,127,0.4)); }
  .mirror.shown button, .mirror.shown input { font: inherit; font-size: 0.95em; color: inherit; }
  .mirror.shown button { cursor: pointer; border: 1px solid var(--rule, rgba(127,127,127,0.5)); background: transparent;
    border-radius: 999px; padding: 0.15em 0.9em; }
  .mirror.shown button:hover { border-color: var(--link, currentColor); }
  .mirror.shown :focus-visible { outline: 2px solid var(--link, currentColor); outline-offset: 2px; }
  .mirror.shown .aw-timeline { list-style: none; padding: 0; padding-inline-start: 1.4em; margin: 1.5em 0 0.75em; border-inline-start: 2px solid var(--rule, rgba(127,127,127,0.4)); }
  .mirror.shown .aw-stage { margin: 0.35em 0; }
  .mirror.shown .aw-stage-button { font-weight: 600; text-align: start; }
  .mirror.shown .aw-stage-button[aria-current] { background: var(--link, currentColor); border-color: var(--link, currentColor);
    color: var(--on-link, Canvas); }
  .mirror.shown .aw-stage:not(:has(> .aw-stage-button[aria-current])) > :not(.aw-stage-button) { display: none; }
  .mirror.shown .aw-stage-summary { display: block; margin-top: 0.4em; }
  .mirror.shown .aw-timeline-controls, .mirror.shown .aw-faq-controls { display: flex; flex-wrap: wrap; gap: 0.5em; align-items: center; margin: 0.5em 0 1.5em; }
  .mirror.shown .aw-faq-controls input { padding: 0.3em 0.6em; border-radius: 6px; border: 1px solid var(--rule, rgba(127,127,127,0.5));
    background: transparent; margin-inline-start: 0.4em; }
  .mirror.shown .aw-faq-question { margin: 0; border-top: 1px solid var(--rule, rgba(127,127,127,0.3)); }
  .mirror.shown .aw-faq-question button { display: block; width: 100%; text-align: start; border: 0; border-radius: 6px;
    padding: 0.6em 0.2em; font-weight: 600; font-size: 1em; }
  .mirror.shown .aw-faq-question button::before { content: "+"; display: inline-block; width: 1.2em; color: var(--link, inherit); }
  .mirror.shown .aw-faq-question button[aria-expanded="true"]::before { content: "\\2212"; }
  .mirror.shown .aw-faq-answer { padding-block: 0 0.5em; padding-inline: 1.4em 0.2em; }
  .mirror.shown .aw-faq-status:empty { display: none; }
  .mirror.shown .aw-meta { color: var(--muted, inherit); }

  @media print {
    /* The whole article on paper: every stage, every answer, links with their URLs; no canvas, no controls. */
    .sizer, .status, .bar, .stage, .note, .aw-timeline-controls, .aw-faq-controls, .aw-faq-status { display: none !important; }
    .mirror, .mirror.sr-only { position: static !important; width: auto !important; height: auto !important; overflow: visible !important;
      clip-path: none !important; white-space: normal !important; max-width: var(--column); margin: 0 auto; background: none; color: inherit; }
    .root:not(.ready) .mirror { display: none; }
    .mirror [hidden] { display: block !important; content-visibility: visible !important; }   /* closed answers are hidden="until-found" */
    .mirror .aw-timeline { list-style: decimal !important; padding-inline-start: 1.6em !important; border: 0 !important; }
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
export function adoptStyles(root) {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    if (!sharedSheet) { sharedSheet = new CSSStyleSheet(); sharedSheet.replaceSync(STYLE); }
    root.adoptedStyleSheets = [sharedSheet];
  } else {   // older browsers, which know no constructable stylesheets (nor Trusted Types)
    const style = document.createElement('style');
    style.textContent = STYLE;
    root.appendChild(style);
  }
}
