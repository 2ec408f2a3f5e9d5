// The <article-widget> custom element: fetches the article; one WebAssembly instance serves every
// element of the page (the engine: one compile, one glyph cache, one WebGL context whose frames go to each
// element's canvas); draws only when the core's frame pacer asks and the element is in or near view; lets
// the page scroll natively (the canvas is sticky; the page owns the scroll position) and keeps an
// accessible mirror (semantic HTML with real buttons) in step with the canvas both ways, applying the
// core's ARIA state as one event. The mirror is also the element's HTML view: the Text view, the printed
// article, and the interactive article where WebGL is unavailable. Moving the element keeps everything;
// removing it frees its widget. Works under a strict CSP with Trusted Types (see the README).
// Appended to the Emscripten module factory (--extern-post-js), so one <script> defines everything.
// [SECTION] constants  [SECTION] styles  [SECTION] trusted HTML  [SECTION] helpers  [SECTION] host style
// [SECTION] the page's engine  [SECTION] lifecycle  [SECTION] loading  [SECTION] frames and sizing
// [SECTION] events from the module  [SECTION] the mirror and the HTML view
// [SECTION] the HTML view before the canvas, the swap, and the reader's place  [SECTION] canvas input  [SECTION] API
(function () {
  'use strict';
  if (typeof window === 'undefined' || !window.customElements || customElements.get('article-widget')) return;

  // [SECTION] constants ------------------------------------------------------
  const createModule = createArticleWidgetModule; // eslint-disable-line no-undef
  const wasmUrl = moduleWasmUrl();
  const SLOW_MS = 8000;
  const PREVIEW_CHARS = 200000;     // of an article's text shown as plain text while the module loads
  const LONG_PRESS_MS = 500;        // a touch held this long without moving selects a word
  const LONG_PRESS_SLOP_PX = 10;
  // Widgets within this margin of the viewport draw; farther ones release their image and draw again when
  // they come back (IntersectionObserver's rootMargin: one viewport above and below).
  const NEAR_MARGIN = '100% 0px';
  // How long a lost WebGL context may stay lost before the widgets show their HTML view meanwhile.
  const LOST_CONTEXT_MS = 1000;
  // The page's WebGL context (src/platform/web_main.cpp creates it with these): alpha, so the host page shows
  // through; no extension enabled by default, since the renderer uses none (Emscripten would otherwise ask for
  // every one the browser offers: 38 getExtension calls).
  const GL_ATTRIBUTES = Object.freeze({ alpha: true, depth: false, stencil: false, antialias: false, premultipliedAlpha: true,
    preserveDrawingBuffer: false, powerPreference: 'low-power', majorVersion: 1, minorVersion: 0, enableExtensionsByDefault: false });
  // Theming: custom properties on the element, read once per change (never per frame).
  const THEME_PROPERTIES = { text: '--aw-text', background: '--aw-background', accent: '--aw-accent' };
  const COLUMN_PROPERTY = '--aw-column-width';
  const WATCHED_PROPERTIES = new Set(['color', ...Object.values(THEME_PROPERTIES), COLUMN_PROPERTY]);

  // Where article-widget.wasm is: beside this script. The classic script knows its own URL only while it
  // first runs (document.currentScript); the ES module (article-widget.mjs, cmake/web_package.cmake) names the
  // file from import.meta.url, in the form bundlers copy.
  function moduleWasmUrl() {
    if (typeof articleWidgetWasmUrl === 'string') return articleWidgetWasmUrl; // eslint-disable-line no-undef
    const script = document.currentScript;
    return new URL('article-widget.wasm', script && script.src ? script.src : document.baseURI).href;
  }

  // [SECTION] styles ---------------------------------------------------------
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
    .root { position: relative; --column: var(--aw-column-width, 680px); }
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
    .aw-article h2 { font-size: 1.5625rem; }
    .aw-article h3 { font-size: 1.25rem; }
    .aw-article :is(h4, h5, h6) { font-size: 1.125rem; }
    .aw-article > :is(h1, h2):not(:first-child) { margin-top: calc(2 * var(--em)); }
    .aw-article > :is(h3, h4, h5, h6) { margin-top: calc(1.5 * var(--em)); }
    .aw-article :is(h1, h2, h3, h4, h5, h6) + * { margin-top: calc(0.6 * var(--em)); }
    .aw-article > h1:first-child + .aw-meta { margin-top: 12px; padding-bottom: 24px; }
    .aw-article > h1:first-child + .aw-meta + * { margin-top: calc(0.6 * var(--em)); }
    .aw-article .aw-faq-question { font-size: var(--em); }   /* questions in the body's size, as drawn */
    .aw-article :is(ul, ol) { padding-left: calc(1.6 * var(--em)); }
    .aw-article li + li { margin-top: calc(0.35 * var(--em)); }
    .aw-article blockquote { padding-left: calc(1.1 * var(--em)); }
    .aw-article pre { font-size: 0.9375rem; --line: 1.45; padding: calc(0.7 * var(--em)) var(--em); }
    .aw-article code { font-family: var(--aw-code-font, monospace); }
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
       (or the theme's, when one is forced), with working buttons. */
    .root.html-view .stage { display: none; }
    /* A theme's own background paints the whole element, as the canvas does, with the column centred in it. */
    .root.html-view { color: var(--ink, inherit); background: var(--paper, transparent); padding-bottom: 80px; }
    .root.html-view > .note { padding-top: 0.75rem; }
    .mirror.shown :is(h1, h2, h3, h4, h5, h6) { color: var(--heading, inherit); }
    .mirror.shown a { color: var(--link, inherit); }
    .mirror.shown pre { overflow-x: auto; padding: 0.8em 1em; border-radius: 6px; background: var(--surface, rgba(127,127,127,0.1)); }
    .mirror.shown blockquote { margin-left: 0; padding-left: 1em; border-left: 3px solid var(--rule, rgba(127,127,127,0.4)); }
    .mirror.shown button, .mirror.shown input { font: inherit; font-size: 0.95em; color: inherit; }
    .mirror.shown button { cursor: pointer; border: 1px solid var(--rule, rgba(127,127,127,0.5)); background: transparent;
      border-radius: 999px; padding: 0.15em 0.9em; }
    .mirror.shown button:hover { border-color: var(--link, currentColor); }
    .mirror.shown :focus-visible { outline: 2px solid var(--link, currentColor); outline-offset: 2px; }
    .mirror.shown .aw-timeline { list-style: none; padding: 0 0 0 1.4em; margin: 1.5em 0 0.75em; border-left: 2px solid var(--rule, rgba(127,127,127,0.4)); }
    .mirror.shown .aw-stage { margin: 0.35em 0; }
    .mirror.shown .aw-stage-button { font-weight: 600; text-align: left; }
    .mirror.shown .aw-stage-button[aria-current] { background: var(--link, currentColor); border-color: var(--link, currentColor);
      color: var(--on-link, Canvas); }
    .mirror.shown .aw-stage:not(:has(> .aw-stage-button[aria-current])) > :not(.aw-stage-button) { display: none; }
    .mirror.shown .aw-stage-summary { display: block; margin-top: 0.4em; }
    .mirror.shown .aw-timeline-controls, .mirror.shown .aw-faq-controls { display: flex; flex-wrap: wrap; gap: 0.5em; align-items: center; margin: 0.5em 0 1.5em; }
    .mirror.shown .aw-faq-controls input { padding: 0.3em 0.6em; border-radius: 6px; border: 1px solid var(--rule, rgba(127,127,127,0.5));
      background: transparent; margin-left: 0.4em; }
    .mirror.shown .aw-faq-question { margin: 0; border-top: 1px solid var(--rule, rgba(127,127,127,0.3)); }
    .mirror.shown .aw-faq-question button { display: block; width: 100%; text-align: left; border: 0; border-radius: 6px;
      padding: 0.6em 0.2em; font-weight: 600; font-size: 1em; }
    .mirror.shown .aw-faq-question button::before { content: "+"; display: inline-block; width: 1.2em; color: var(--link, inherit); }
    .mirror.shown .aw-faq-question button[aria-expanded="true"]::before { content: "\\2212"; }
    .mirror.shown .aw-faq-answer { padding: 0 0.2em 0.5em 1.4em; }
    .mirror.shown .aw-faq-status:empty { display: none; }
    .mirror.shown .aw-meta { color: var(--muted, inherit); }

    @media print {
      /* The whole article on paper: every stage, every answer, links with their URLs; no canvas, no controls. */
      .sizer, .status, .bar, .stage, .note, .aw-timeline-controls, .aw-faq-controls, .aw-faq-status { display: none !important; }
      .mirror, .mirror.sr-only { position: static !important; width: auto !important; height: auto !important; overflow: visible !important;
        clip-path: none !important; white-space: normal !important; max-width: var(--column); margin: 0 auto; background: none; color: inherit; }
      .root:not(.ready) .mirror { display: none; }
      .mirror [hidden] { display: block !important; content-visibility: visible !important; }   /* closed answers are hidden="until-found" */
      .mirror .aw-timeline { list-style: decimal !important; padding-left: 1.6em !important; border: 0 !important; }
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
  function adoptStyles(root) {
    if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
      if (!sharedSheet) { sharedSheet = new CSSStyleSheet(); sharedSheet.replaceSync(STYLE); }
      root.adoptedStyleSheets = [sharedSheet];
    } else {   // older browsers, which know no constructable stylesheets (nor Trusted Types)
      const style = document.createElement('style');
      style.textContent = STYLE;
      root.appendChild(style);
    }
  }

  // [SECTION] trusted HTML -----------------------------------------------------
  // The only HTML the element writes is the core's: escaped, with no raw HTML from the article. Under
  // `require-trusted-types-for 'script'` it passes through the policy named "article-widget", which
  // accepts a string only with a token private to this file.
  const CORE_HTML = Symbol('the core\u2019s escaped HTML');
  let htmlPolicy = null, policyError = '';
  if (window.trustedTypes && trustedTypes.createPolicy) {
    try {
      htmlPolicy = trustedTypes.createPolicy('article-widget', {
        createHTML: (html, token) => {
          if (token !== CORE_HTML) throw new TypeError('article-widget: the policy accepts only the widget\u2019s own escaped HTML');
          return html;
        },
      });
    } catch (e) {
      policyError = 'This page\u2019s Content-Security-Policy does not allow the Trusted Types policy "article-widget" (add it to trusted-types)';
    }
  }
  function setCoreHtml(element, html) {
    try {
      element.innerHTML = htmlPolicy ? htmlPolicy.createHTML(html, CORE_HTML) : html;
    } catch (e) {
      throw new Error(policyError || e.message);
    }
  }

  // [SECTION] helpers ---------------------------------------------------------
  function make(tag, className, attributes = {}) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    return node;
  }

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

  // Where the module's files are: the WebAssembly where moduleWasmUrl() found it, anything else beside it
  // (the one place that resolves them).
  function moduleUrl(path) { return path.endsWith('.wasm') ? wasmUrl : new URL(path, wasmUrl).href; }

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
    if (start !== null && !/^\d+$/.test(start.trim())) {
      element._emit('articleerror', { message: `start-stage: expected a stage number from 0, got "${start.slice(0, 40)}"; the config's initialStage applies` });
    }
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
    if (start !== null && /^\d+$/.test(start.trim())) config.initialStage = Number(start);
    return JSON.stringify(config);
  }

  // [SECTION] host style ------------------------------------------------------
  // Colours as "#rrggbb" for the core, whatever CSS syntax they were written in; null for none or
  // a fully transparent colour. A 2D canvas context normalises any CSS colour to sRGB.
  let colorContext = null;
  function parseRgb(text) {
    const m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(text);
    if (!m) return null;
    const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
    return { rgb: [m[1], m[2], m[3]].map((v) => Math.round(Number(v))), alpha };
  }
  function colorToHex(css) {
    let c = parseRgb(css);
    if (!c) {
      colorContext = colorContext || document.createElement('canvas').getContext('2d');
      if (!colorContext) return null;
      colorContext.fillStyle = '#000000';
      colorContext.fillStyle = css;
      const normal = colorContext.fillStyle;
      c = normal.startsWith('#') ? { rgb: [1, 3, 5].map((i) => parseInt(normal.slice(i, i + 2), 16)), alpha: 1 } : parseRgb(normal);
    }
    if (!c || c.alpha === 0) return null;
    return '#' + c.rgb.map((v) => Math.min(255, Math.max(0, v)).toString(16).padStart(2, '0')).join('');
  }

  // The system's selection colour (CSS Highlight), for the canvas's selection highlight.
  function systemHighlight(probe) {
    probe.style.background = 'Highlight';
    const hex = colorToHex(getComputedStyle(probe).backgroundColor);
    probe.style.background = '';
    return hex;
  }

  // The text at the centre of a clipped box whose content the browser scrolled a find match into: the text of its
  // block (paragraph, heading, item, cell, code) before and after that point, whitespace collapsed.
  function textAtBox(box) {
    const r = box.getBoundingClientRect();
    const cx = r.left + r.width / 2, cy = r.top + r.height / 2;
    const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    const inside = (rect) => rect.width > 0 && cx >= rect.left - 0.5 && cx <= rect.right + 0.5 && cy >= rect.top - 0.5 && cy <= rect.bottom + 0.5;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      range.selectNodeContents(node);
      if (![...range.getClientRects()].some(inside)) continue;
      for (let i = 0; i < node.length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        if (![...range.getClientRects()].some(inside)) continue;
        const block = node.parentElement.closest('p, h1, h2, h3, h4, h5, h6, li, pre, td, th, dt, dd, blockquote') || node.parentElement;
        const collapse = (t) => t.replace(/\s+/g, ' ');
        range.selectNodeContents(block);
        range.setEnd(node, i);
        const before = collapse(range.toString()).replace(/^ /, '');
        range.selectNodeContents(block);
        range.setStart(node, i);
        return { before, after: collapse(range.toString()).replace(/ $/, ''), element: node.parentElement };
      }
    }
    return null;
  }

  // What stands behind the element: the first ancestor (across shadow roots) with a background colour;
  // with none, the page's canvas, light or dark as the text colour implies.
  function pageBackground(element, textHex) {
    for (let node = element.parentNode; node; node = node.parentNode || node.host) {
      if (node.nodeType !== 1) continue;
      const hex = colorToHex(getComputedStyle(node).backgroundColor);
      if (hex) return hex;
    }
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(textHex.slice(i, i + 2), 16));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b > 128 ? '#121212' : '#ffffff';
  }

  // The host's scroll-padding-top (a fixed header's height), in CSS px: the page's, or a scrolling pane's.
  function scrollPaddingTop(scroller = null) {
    const value = getComputedStyle(scroller || document.documentElement).scrollPaddingTop;
    if (!value || value === 'auto') return 0;
    const n = parseFloat(value) || 0;
    return Math.max(0, value.endsWith('%') ? ((scroller ? scroller.clientHeight : window.innerHeight) * n) / 100 : n);
  }

  // Where an element scrolls: the nearest ancestor (across shadow roots) that scrolls it vertically, null for the page;
  // and whether a sticky canvas can stick there. It cannot when a scroll container that never scrolls stands between
  // (an `overflow-x: hidden` wrapper is one, as news sites wrap their layout): sticky then sticks to that box, and the
  // element places its canvas itself ("pinned"). `html` and `body` pass their overflow to the page.
  function scrollContext(element) {
    const up = (node) => { const parent = node.parentNode; return parent && parent.nodeType === 11 ? parent.host : parent; };
    let stickyContainer = null;
    for (let node = up(element); node && node.nodeType === 1; node = up(node)) {
      if (node === document.body || node === document.documentElement) continue;
      const style = getComputedStyle(node);
      if (/^(visible|clip)$/.test(style.overflowY) && /^(visible|clip)$/.test(style.overflowX)) continue;
      stickyContainer = stickyContainer || node;
      if (/^(auto|scroll)$/.test(style.overflowY) && node.scrollHeight > node.clientHeight + 1) return { scroller: node, pinned: stickyContainer !== node };
    }
    return { scroller: null, pinned: stickyContainer !== null };
  }

  // How many frames late a drawing route shows what WebGL drew on `canvas` (made here with the page's attributes,
  // and kept as the page's context): two frames in two colours, each handed over by `image(canvas)` and read back
  // through a 2D canvas, as a widget's canvas would show it. 0 when each shows at once; -1 without WebGL.
  function frameLag(canvas, image) {
    const gl = canvas.getContext('webgl', GL_ATTRIBUTES);
    if (!gl) return -1;
    const reader = document.createElement('canvas');
    reader.width = reader.height = 2;
    const context = reader.getContext('2d', { willReadFrequently: true });
    if (!context) return 0;   // nothing to read it with: take the route as it is
    let lag = 0;
    for (const [r, g, b] of [[255, 0, 0], [0, 0, 255]]) {
      gl.clearColor(r / 255, g / 255, b / 255, 1);
      gl.clear(gl.COLOR_BUFFER_BIT);
      context.clearRect(0, 0, 2, 2);
      context.drawImage(image(canvas), 0, 0);
      const px = context.getImageData(1, 1, 1, 1).data;
      if (Math.abs(px[0] - r) > 8 || Math.abs(px[2] - b) > 8 || px[3] < 250) lag = 1;
    }
    return lag;
  }
  function loseContext(canvas) {
    const gl = canvas.getContext('webgl', GL_ATTRIBUTES);
    const lose = gl && gl.getExtension('WEBGL_lose_context');
    if (lose) lose.loseContext();
  }

  // [SECTION] the page's engine --------------------------------------------------------
  // One WebAssembly module serves every element of the page: one download and compile, one glyph cache
  // and font loader, one WebGL context. The context draws on a canvas of its own (an OffscreenCanvas, sized
  // to the widget being drawn); each frame goes to that widget's canvas as an ImageBitmap, so any number
  // of widgets share it and textures are uploaded once (README, Embedding: "the GL route"). The engine also
  // watches the page once for every element: window scroll, resize and hashchange, the tab's visibility,
  // the colour-scheme, motion and pixel-ratio queries, one ResizeObserver and one IntersectionObserver,
  // and one requestAnimationFrame for every widget that wants a frame. Elements register while they have
  // a widget (attach) and leave no trace when they go (detach).
  const engine = {
    mod: null,              // the module, once instantiated
    promise: null,          // its instantiation (a fresh one after a crash)
    args: null,             // the Module object the factory was given
    crashes: 0,
    elements: new Map(),    // widget handle -> element
    dirty: new Set(),       // elements that want a frame
    raf: 0,
    current: null,          // the element whose call into the module is running (an abort names it)
    route: null,            // 'offscreen', 'canvas' or 'none' (no WebGL): chooseRoute()
    glCanvas: null,
    bitmaps: false,         // frames go to widgets as ImageBitmaps (else: drawn into a 2D canvas)
    gl: null,               // the WebGL context (for its loss and restoration)
    lost: false,
    lostTimer: 0,
    watching: false,
    media: null,            // (prefers-color-scheme: dark), (prefers-reduced-motion: reduce)

    // The module, instantiated on first use; `element` lends its font families as the page's defaults.
    module(element) {
      if (engine.promise) return engine.promise;
      if (engine.crashes > 2) return Promise.reject(new Error('The widget stopped unexpectedly, more than twice on this page'));
      engine.watch();
      const args = engine.args = {
        glCanvas: null,          // set by chooseRoute(), before the module makes its context
        glAttributes: GL_ATTRIBUTES,
        textDefaults: element._fontFamilies(),
        locateFile: moduleUrl,
        wasmBinary: undefined,   // the single-file bundle's bytes (window.__articleWidgetWasm); otherwise fetched
        print: (text) => console.log(text),
        printErr: (text) => console.warn(text),
        onAbort: (what) => engine.crash(what),
        onWidgetEvent: (handle, type, json) => {
          const el = engine.elements.get(handle);
          if (el) el._onWidgetEvent(type, JSON.parse(json));
        },
        hostScrollY: (handle) => { const el = engine.elements.get(handle); return el ? el._pageScrollY() : 0; },
      };
      engine.promise = (async () => {
        args.wasmBinary = await window.__articleWidgetWasm;
        const mod = await createModule(args);
        if (engine.args !== args) throw new Error('The widget stopped unexpectedly');
        engine.chooseRoute();   // done already while the module downloaded, unless it came at once
        engine.mod = mod;
        return mod;
      })();
      engine.promise.catch(() => {});   // reported where it is awaited
      // Creating the WebGL context is the slowest step before the first frame (hundreds of ms with a software GL):
      // it starts while the module downloads and compiles, after the fetches are issued; the module's own
      // getContext then returns this context.
      setTimeout(() => { if (!engine.mod && engine.args === args) engine.chooseRoute(); }, 0);
      return engine.promise;
    },

    // The drawing route, chosen by what works rather than by what exists, once per module: the page's one WebGL
    // context on an OffscreenCanvas whose frames go to each widget as an ImageBitmap, where the browser makes such a
    // context and the bitmap it hands over is the frame just drawn; else the context on a canvas of its own, copied
    // into each widget's 2D canvas (WebKitGTK makes no WebGL context on an OffscreenCanvas by default, and where it
    // does, its bitmaps are one frame late). The choice, and the lag measured, is the performance mark "aw-route".
    chooseRoute() {
      if (engine.route) return;
      const started = performance.now();
      let route = null;
      if (typeof WebGLRenderingContext === 'undefined') {
        route = { name: 'none', canvas: null, lag: -1 };   // WebKit without WebGL has not even the type (Emscripten's getContext needs it)
      } else if (typeof OffscreenCanvas === 'function' && 'transferToImageBitmap' in OffscreenCanvas.prototype) {
        const canvas = new OffscreenCanvas(2, 2);
        const lag = frameLag(canvas, (c) => c.transferToImageBitmap());
        if (lag === 0) route = { name: 'offscreen', canvas, lag };
        else if (lag > 0) loseContext(canvas);
        if (!route) route = { name: 'canvas', rejected: { name: 'offscreen', lag } };
      }
      if (!route || (!route.canvas && route.name !== 'none')) {
        const canvas = document.createElement('canvas');
        canvas.width = canvas.height = 2;
        route = { ...(route || {}), name: 'canvas', canvas, lag: frameLag(canvas, (c) => c) };
      }
      engine.route = route.name;
      engine.glCanvas = route.canvas;
      engine.bitmaps = route.name === 'offscreen';
      engine.args.glCanvas = route.canvas;   // none: the module makes no context, and every widget shows its HTML view
      if (route.canvas) {
        route.canvas.addEventListener('webglcontextlost', engine.onContextLost);
        route.canvas.addEventListener('webglcontextrestored', engine.onContextRestored);
      }
      performance.mark('aw-route', { detail: { route: route.name, lag: route.lag, rejected: route.rejected || null } });
      performance.measure('aw-gl-context', { start: started, end: performance.now() });
    },

    // While the module downloads, the browser measures the article's characters (web/article-widget-text.js).
    prepareText(markdown, config, families) {
      if (!engine.mod && engine.args && engine.args.prepareText) engine.args.prepareText(markdown, config, families);
    },

    attach(el) {
      engine.elements.set(el._handle, el);
      engine.resizeObserver.observe(el);
      engine.intersection.observe(el);
      if (!engine.gl && engine.mod && engine.mod._aw_gl_available()) engine.gl = engine.mod.GL.currentContext.GLctx;
    },

    detach(el) {
      engine.elements.delete(el._handle);
      engine.dirty.delete(el);
      engine.resizeObserver.unobserve(el);
      engine.intersection.unobserve(el);
    },

    schedule(el) {
      engine.dirty.add(el);
      if (!engine.raf && !document.hidden) engine.raf = requestAnimationFrame(engine.tick);
    },

    tick(time) {
      engine.raf = 0;
      const due = [...engine.dirty];
      engine.dirty.clear();
      for (const el of due) {
        try { el._frame(time); } catch (e) { if (engine.mod) throw e; }   // after a crash the others restart
      }
    },

    // The GL canvas sized to the widget about to be drawn (resized only when sizes differ).
    prepareTarget(width, height) {
      const c = engine.glCanvas;
      if (c.width !== width) c.width = width;
      if (c.height !== height) c.height = height;
    },

    // The frame just drawn, onto the element's canvas.
    present(el) {
      const c = el._canvas, g = engine.glCanvas;
      if (c.width !== g.width) c.width = g.width;
      if (c.height !== g.height) c.height = g.height;
      if (engine.bitmaps) { el._presenter.transferFromImageBitmap(g.transferToImageBitmap()); return; }
      el._presenter.clearRect(0, 0, c.width, c.height);
      el._presenter.drawImage(g, 0, 0);
    },

    // A lost context: the widgets keep their last images; frames lay out without drawing. If it stays lost,
    // the widgets show their HTML view meanwhile.
    onContextLost(e) {
      e.preventDefault();   // asks the browser to restore it
      engine.lost = true;
      clearTimeout(engine.lostTimer);
      engine.lostTimer = setTimeout(() => { for (const el of engine.elements.values()) el._contextUnavailable(true); }, LOST_CONTEXT_MS);
    },

    onContextRestored() {
      engine.lost = false;
      clearTimeout(engine.lostTimer);
      if (engine.mod) engine.mod._aw_gl_restored();
      for (const el of engine.elements.values()) { el._contextUnavailable(false); el._schedule(); }
    },

    // The module aborted (out of memory, or a bug): the element whose call it was says so; the page's
    // other widgets start again on a new module (their articles reloaded), so one article too large for
    // the page's memory does not take the others down.
    crash(what) {
      const message = /memory|OOM|alloc/i.test(String(what))
        ? 'The article is too large for this device (the widget ran out of memory).'
        : 'The widget stopped unexpectedly; on a very large article it has most likely run out of memory.';
      const culprit = engine.current;
      const elements = [...engine.elements.values()];
      engine.crashes++;
      for (const el of elements) { engine.detach(el); el._moduleLost(); }
      if (engine.raf) cancelAnimationFrame(engine.raf);
      engine.raf = 0;
      engine.mod = engine.promise = engine.args = engine.gl = engine.glCanvas = engine.route = null;   // a new module, a new context
      engine.lost = false;
      if (culprit) culprit._crashed(message);
      setTimeout(() => { for (const el of elements) if (el !== culprit) el._restart(); }, 0);
    },

    // The widget a copy event is for: one on its way (Chromium, WebKit), else the one that has the focus (Firefox sends
    // the event to the body), through any shadow roots of the host's own around it.
    copySource(e) {
      const ours = (node) => node instanceof ArticleWidgetElement && engine.elements.get(node._handle) === node;
      const onPath = e.composedPath().find(ours);
      if (onPath) return onPath;
      let active = document.activeElement;
      while (active && !ours(active) && active.shadowRoot && active.shadowRoot.activeElement) active = active.shadowRoot.activeElement;
      return ours(active) ? active : null;
    },

    // Listeners and observers for every element at once, installed with the first element.
    watch() {
      if (engine.watching) return;
      engine.watching = true;
      const each = (fn) => () => { for (const el of engine.elements.values()) fn(el); };
      // Any scroll, of the page or of a pane an element sits in (scroll events reach the document's capture phase).
      document.addEventListener('scroll', (e) => { for (const el of engine.elements.values()) if (el._movedBy(e.target)) el._pageScrolled(); },
        { capture: true, passive: true });
      window.addEventListener('resize', each((el) => el._resize()));
      window.addEventListener('hashchange', each((el) => el._followHash(true)));
      // Copying the canvas's selection, wherever the engine sends the event: Chromium to the focused canvas inside
      // the shadow root, Firefox to the body, WebKit to the host element. Chromium runs Copy for a key only when
      // something is selected in the page or beforecopy is cancelled.
      document.addEventListener('beforecopy', (e) => { const el = engine.copySource(e); if (el && el._hasCanvasSelection()) e.preventDefault(); }, true);
      document.addEventListener('copy', (e) => { const el = engine.copySource(e); if (el) el._copyCanvasSelection(e); }, true);
      document.addEventListener('visibilitychange', () => {
        if (!document.hidden) { for (const el of engine.elements.values()) el._schedule(); return; }
        if (engine.raf) cancelAnimationFrame(engine.raf);   // nothing is drawn in a hidden tab
        engine.raf = 0;
      });
      engine.media = [matchMedia('(prefers-color-scheme: dark)'), matchMedia('(prefers-reduced-motion: reduce)')];
      for (const m of engine.media) m.addEventListener('change', each((el) => el._resize()));
      const watchPixelRatio = () => {
        matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`).addEventListener('change', () => {
          for (const el of engine.elements.values()) el._resize();
          watchPixelRatio();
        }, { once: true });
      };
      watchPixelRatio();
      // Width changes only: the height is each article's own, set by its element.
      engine.resizeObserver = new ResizeObserver((entries) => {
        for (const entry of entries) {
          const el = entry.target, width = entry.contentRect.width;
          if (width !== el._observedWidth) { el._observedWidth = width; el._resize(); }
        }
      });
      engine.intersection = new IntersectionObserver((entries) => {
        for (const entry of entries) entry.target._setNear(entry.isIntersecting);
      }, { rootMargin: NEAR_MARGIN });
    },
  };

  // Whether an element is within the near margin of the viewport now (before its observer has reported).
  function nearViewport(el) {
    const r = el.getBoundingClientRect(), h = window.innerHeight;
    return r.bottom >= -h && r.top <= 2 * h;
  }

  // [SECTION] lifecycle -------------------------------------------------------------
  class ArticleWidgetElement extends HTMLElement {
    static get observedAttributes() { return ['src', 'config', 'theme', 'hash-prefix', 'start-stage']; }

    constructor() {
      super();
      const root = this.attachShadow({ mode: 'open' });
      adoptStyles(root);
      this._root = make('div', 'root');
      const sizer = make('div', 'sizer', { 'aria-hidden': 'true' });
      for (let i = 0; i < 64; i++) sizer.append(make('span'), ' ');
      this._probe = make('div', 'probe', { 'aria-hidden': 'true' });
      this._remProbe = make('div', 'rem', { 'aria-hidden': 'true' });
      this._status = make('div', 'status loading', { role: 'status', 'aria-live': 'polite' });
      const fallback = make('div', 'fallback');
      this._source = make('div', 'source');
      fallback.append(this._source);
      const bar = this._bar = make('div', 'bar');
      this._textButton = make('button', 'textview', { type: 'button', 'aria-pressed': 'false' });
      this._textButton.textContent = 'Text view';
      this._textButton.hidden = true;
      bar.append(this._textButton);
      this._stage = make('div', 'stage');
      this._viewport = make('div', 'viewport', { part: 'viewport' });
      this._canvas = make('canvas', '', { part: 'canvas', tabindex: '-1', 'aria-hidden': 'true' });
      this._viewport.append(this._canvas);
      this._stage.append(this._viewport);
      this._note = make('p', 'note');
      this._note.hidden = true;
      this._mirror = make('div', 'mirror sr-only');
      this._root.append(sizer, this._probe, this._remProbe, this._status, fallback, bar, this._stage, this._note, this._mirror);
      root.append(this._root);

      this._handle = 0;             // this element's widget in the page's module (0: none)
      this._presenter = null;       // the canvas's bitmaprenderer (or 2D) context, which frames are put into
      this._near = false;           // in or near the viewport: draws, and holds an image
      this._hasImage = false;
      this._contentHeight = 0;
      this._stickyTop = 0;
      this._zoom = 1;               // the element's zoom (_readZoom)
      this._firstFrameDrawn = false;
      this._framesDrawn = 0;
      this._markdown = null;        // set through the property: beats src and inline Markdown
      this._shownMarkdown = null;   // the article on screen, wherever it came from
      this._loadToken = null;       // the running load (a token: a newer load or a removal replaces it)
      this._newReadyPromise();
      this._onStyleChange = (e) => { if (e.target === this && WATCHED_PROPERTIES.has(e.propertyName)) this._readHostStyle(); };
      this.addEventListener('transitionend', this._onStyleChange);
      this._textButton.addEventListener('click', () => this._setHtmlView(!this._root.classList.contains('html-view')));
      this._installMirrorInput();
      this._installCanvasInput();
      this._installSelectionInput();
    }

    get ready() { return this._ready; }

    // The page's module, while this element has a widget in it (tests read its memory).
    get _mod() { return this._handle ? engine.mod : null; }

    // A fresh promise for each load; one still pending follows the newer load.
    _newReadyPromise() {
      const pending = this._readyPending;
      let settle;
      this._ready = new Promise((resolve, reject) => { settle = { resolve, reject }; });
      this._ready.catch(() => {}); // failures are reported through the articleerror event and the status line
      this._readyPending = settle;
      if (pending) this._ready.then(pending.resolve, pending.reject);
    }

    _resolveReady() {
      const pending = this._readyPending;
      this._readyPending = null;
      if (pending) pending.resolve(this);
      this._emit('ready', null);
    }

    connectedCallback() {
      this._leaving = false;
      if (!this._started) { this._started = true; this._load(); return; }
      // Moved in the DOM: the widget, its article and its observers stay; its surroundings are new. The canvas is drawn
      // again: WebKit may drop a detached canvas's pixels.
      if (!this._handle) return;
      this._resize();
      if (!this._htmlOnly) { engine.mod._aw_shown(this._handle); this._schedule(); }
    }

    // A removal frees the widget; a move (disconnected, then connected again in the same task) keeps everything.
    disconnectedCallback() {
      this._leaving = true;
      queueMicrotask(() => { if (this._leaving && !this.isConnected) this.destroy(); });
    }

    attributeChangedCallback(name, oldValue, newValue) {
      if (oldValue === newValue) return;
      if (!this._started) { if (this._restartable() && (name === 'src' || name === 'config')) this._start(); return; }
      if (name === 'theme') { this._applyTheme(); this._applyPalette(); } else this._load();
    }

    // The article on screen (from src, an inline script or this property); null before one is shown.
    get markdown() { return this._shownMarkdown; }
    set markdown(text) { this._markdown = text === null ? null : String(text); if (this._started || this._restartable()) this._start(); }

    // A destroyed element that is still in the page loads again when its article changes.
    _restartable() { return this._destroyed && this.isConnected; }
    _start() { this._started = true; this._load(); }

    // The element's font families, as CSS computes them (inherited from the page), for fonts the config
    // does not name; headings and code from two optional custom properties.
    _fontFamilies() {
      const style = getComputedStyle(this);
      return {
        body: style.fontFamily,
        heading: style.getPropertyValue('--aw-heading-font').trim() || style.fontFamily,
        code: style.getPropertyValue('--aw-code-font').trim() || 'monospace',
      };
    }

    // [SECTION] loading ----------------------------------------------------------------
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
      this._setStatus('loading', 'Loading article\u2026');
      this._showHostHtml();
      const slow = setTimeout(() => {
        if (current() && !this._firstFrameDrawn) this._setStatus('loading', 'Still loading the article\u2026 (the server is slow)');
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
        const merged = mergeConfig(config, this);
        engine.prepareText(markdown, merged, this._fontFamilies());
        const mod = await modulePromise;
        if (!current()) return;
        if (mod !== engine.mod) { this._load(); return; }   // the module was replaced meanwhile (a crash)
        // The size limit is checked before the Markdown is copied into the module's memory.
        const bytes = new TextEncoder().encode(markdown).length;
        const tooBig = this._wasm((m) => withCString(m, merged, (cp, cl) => m.UTF8ToString(m._aw_size_error(bytes, cp, cl))));
        if (tooBig) throw new Error(tooBig);
        // The article's own semantic HTML replaces the plain-text preview at once, before the canvas is ready.
        if (!this._hostHtml && !this._handle) {
          const html = this._wasm((m) => withCString(m, markdown, (mp, ml) => withCString(m, merged, (cp, cl) => m.UTF8ToString(m._aw_preview_html(mp, ml, cp, cl)))));
          if (html) setCoreHtml(this._source, html);
        }
        if (!this._handle) this._createWidget();
        const ok = this._wasm((m) => withCString(m, markdown, (mp, ml) => withCString(m, merged, (cp, cl) => m._aw_set_document(this._handle, mp, ml, cp, cl))));
        if (!ok) throw new Error(this._query('error'));
        this._shownMarkdown = markdown;
        this._frameOwed = !this._htmlOnly;
        this._applyTheme();
        this._hostStyleJson = '';
        this._buildMirror();
        this._setStatus('', '');
        const readerAnchor = this._previewAnchor();
        this._source.textContent = '';
        this._root.classList.add('ready');
        this._textButton.hidden = this._htmlOnly;
        this._resize();
        this._showCanvasHeight(readerAnchor);
        this._followHash();
        // No frame to wait for where the HTML view is the article (no WebGL), or shows it (the reader's Text view).
        if (this._htmlOnly || this._root.classList.contains('html-view')) { this._frameOwed = false; this._resolveReady(); }
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
      this._htmlOnly = !engine.mod._aw_gl_available();
      engine.attach(this);
      this._near = nearViewport(this);
      this._command({ cmd: 'fonts', ...this._fontFamilies() });
      if (this._htmlOnly) {
        this._note.textContent = 'The drawn view needs WebGL, which this browser does not offer; this is the same article as a page.';
        this._note.hidden = false;
        this._setHtmlView(true);
      } else if (!this._presenter) {
        this._presenter = this._canvas.getContext(engine.bitmaps ? 'bitmaprenderer' : '2d');
      }
      this._sizeCanvas();   // a frame may be asked for before the article loads (its error, a command)
      // The reader's text size changed (the root font size): the article is laid out again.
      if (!this._remObserver) this._remObserver = new ResizeObserver(() => { if (this._handle) this._resize(); });
      this._remObserver.observe(this._remProbe);
    }

    // Calls into the page's module on behalf of this element (a module that aborts names it).
    _wasm(fn) {
      const previous = engine.current;
      engine.current = this;
      try { return fn(engine.mod); } finally { engine.current = previous; }
    }

    // Stops and frees this element's widget; the page's module stays for the others.
    destroy() {
      this._destroyed = true;
      this._loadToken = null;
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
      this._root.classList.remove('ready');
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
      this._root.classList.remove('pending');
      this._setStatus('error', message, true);
      this._emit('articleerror', { message });
      const pending = this._readyPending;
      this._readyPending = null;
      if (pending) pending.reject(new Error(message));
    }

    // The module aborted in this element's call (out of memory, or a bug): never leave a frozen canvas behind.
    _crashed(message) {
      this._crashedMessage = message;
      this._root.classList.remove('ready');
      this._fail(message);
    }

    _setStatus(kind, text, retry) {
      this._status.className = 'status ' + kind;
      this._status.textContent = text;
      this._status.setAttribute('role', kind === 'error' ? 'alert' : 'status');
      if (retry) {
        const button = make('button', '', { type: 'button' });
        button.textContent = 'Try again';
        button.addEventListener('click', () => this._load());
        this._status.appendChild(button);
      }
    }

    // [SECTION] frames and sizing ----------------------------------------------------------
    // The core's frame pacer decides whether a frame is wanted; this element only adds where: in or near
    // view it draws, farther away it draws nothing (but lays out its first frame and after a resize, so
    // its height is right), and in a hidden tab or the HTML view nothing at all.
    _schedule() {
      if (!this._handle || this._htmlOnly || document.hidden || this._root.classList.contains('html-view')) return;
      if (this._frameOwed || this._layoutOwed || (this._near && engine.mod._aw_needs_frame(this._handle))) engine.schedule(this);
    }

    _frame(time) {
      if (!this._handle || this._htmlOnly || document.hidden) return;   // without WebGL no frame runs: no GL call is made
      const owed = this._frameOwed || this._layoutOwed;
      if (!owed && !(this._near && engine.mod._aw_needs_frame(this._handle))) return;
      const render = this._near && !engine.lost && this._pixelWidth > 0 && !this._root.classList.contains('html-view');
      if (render) engine.prepareTarget(this._pixelWidth, this._pixelHeight);
      const more = this._wasm((m) => m._aw_frame(this._handle, time, render ? 1 : 0));
      if (!this._handle) return;   // the module aborted in that frame
      if (render) { engine.present(this); this._hasImage = true; }
      this._layoutOwed = false;
      this._framesDrawn++;
      this._syncHeight();
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
      if (this._handle && !this._hasImage) engine.mod._aw_shown(this._handle);
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
      if (this._htmlOnly || unavailable === !!this._viewWithoutContext) return;
      if (unavailable && this._root.classList.contains('html-view')) return;   // the reader chose the Text view
      this._viewWithoutContext = unavailable;
      this._note.textContent = unavailable ? 'The drawn view is unavailable for now; this is the same article as a page.' : '';
      this._note.hidden = !unavailable;
      this._setHtmlView(unavailable);
      if (!unavailable && this._handle) { engine.mod._aw_shown(this._handle); this._hasImage = false; }
    }

    // The stage is as tall as the article, so the page scrolls natively past the sticky canvas.
    _syncHeight() {
      if (!this._handle) return;
      const height = Math.ceil(engine.mod._aw_content_height(this._handle));
      if (height > 0 && height !== this._contentHeight) {
        this._contentHeight = height;
        this._stage.style.height = height + 'px';
        this._sizeCanvas();
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
      if (!this._handle || this._htmlOnly) return;
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
      if (this._htmlOnly || this._root.classList.contains('html-view')) return 0;
      const top = this._stage.getBoundingClientRect().top;
      const max = Math.max(0, this._contentHeight - this._viewportHeight());
      return Math.min(Math.max(0, (this._visibleTop() - top) / this._zoom), max);
    }

    _pageScrolled() {
      if (!this._handle || !this._near || this._htmlOnly) return;
      if (this._pinned) {   // sticky cannot stick here: the canvas follows the scroll
        const y = Math.round(this._pageScrollY());
        if (y !== this._pinnedY) {
          this._pinnedY = y;
          this._viewport.style.transform = this._bar.style.transform = `translateY(${y}px)`;
        }
      }
      if (engine.mod._aw_page_scrolled(this._handle)) this._schedule();
    }

    // Theming from CSS: the host's text colour and background, the element's --aw-* properties and the
    // host's scroll-padding-top, read on load, resize, colour-scheme and theme changes and when a
    // transition says they changed, and sent to the core only when something differs.
    _readHostStyle() {
      if (!this._handle) return;
      const style = getComputedStyle(this);
      this._readScrollContext();
      const pageText = colorToHex(style.color) || '#000000';
      // The reader's text size: the root font size the browser computes (their default font size), over 16 px.
      const textScale = (parseFloat(getComputedStyle(document.documentElement).fontSize) || 16) / 16;
      const message = { cmd: 'hostStyle', pageText, pageBackground: pageBackground(this, pageText), textScale };
      const selection = systemHighlight(this._probe);
      if (selection) message.selection = selection;
      const problems = [];
      for (const [key, property] of Object.entries(THEME_PROPERTIES)) {
        const value = style.getPropertyValue(property).trim();
        if (!value) continue;
        const hex = CSS.supports('color', value) ? colorToHex(value) : null;
        if (hex) message[key] = hex;
        else problems.push(`${property}: "${value}" is not a colour`);
      }
      const column = style.getPropertyValue(COLUMN_PROPERTY).trim();
      if (column) {
        this._probe.style.width = CSS.supports('width', column) ? column : '';
        const px = parseFloat(getComputedStyle(this._probe).width);
        if (CSS.supports('width', column) && px >= 120) message.columnWidth = px;
        else problems.push(`${COLUMN_PROPERTY}: "${column}" is not a width of at least 120px`);
      }
      const problem = problems.join('; ');
      if (problem !== (this._hostStyleProblem || '')) {
        this._hostStyleProblem = problem;
        if (problem) this._emit('articleerror', { message: problem });
      }
      const json = JSON.stringify(message);
      if (json === this._hostStyleJson) return;
      this._hostStyleJson = json;
      this._command(message);
      this._applyPalette();
    }

    _applyTheme() {
      const theme = this.getAttribute('theme');
      if (this._handle) this._command({ cmd: 'theme', mode: theme === null ? 'auto' : theme });
    }

    // The HTML view takes the palette the canvas draws with (one owner: the core).
    _applyPalette() {
      const json = this._query('palette');
      if (!json) return;
      const p = JSON.parse(json);
      const set = (name, value) => this._root.style.setProperty(name, value);
      set('--link', p.accent);
      set('--on-link', p.accentText);
      set('--rule', p.rule);
      set('--muted', p.muted);
      set('--surface', p.surface);
      set('--heading', p.opaque ? p.heading : 'inherit');
      set('--ink', p.opaque ? p.text : 'inherit');
      set('--paper', p.opaque ? p.background : 'transparent');
    }

    // [SECTION] events from the module -------------------------------------------------------
    // Every event the element fires bubbles and crosses shadow roots, so a listener on document hears it.
    _emit(type, detail, cancelable = false) {
      return this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
    }

    _onWidgetEvent(type, detail) {
      const htmlView = this._root.classList.contains('html-view');
      switch (type) {
        case 'scroll': {
          if (htmlView) break;   // the HTML view scrolls natively (see reveal)
          this._scrollArticleTo(detail.y, detail.smooth ? 'smooth' : 'auto');
          break;
        }
        case 'reveal': if (htmlView) this._revealInMirror(detail.id); break;
        case 'cursor': this._canvas.style.cursor = detail.cursor; break;
        case 'link': this._openLink(detail.href); break;
        case 'log': console.info('article-widget: ' + detail.message); break;
        case 'focus': this._focusMirror(detail.name); break;
        case 'mirror': this._applyMirror(detail); break;
        case 'hash': history.replaceState(null, '', detail.hash); break;
        case 'stagechange': this._emit('stagechange', detail); break;
        case 'faqtoggle': this._emit('faqtoggle', detail); break;
        case 'error': if (!this._quietRefusals) this._emit('articleerror', detail); break;
        default: break;   // 'redraw': a frame is wanted, asked for below
      }
      this._schedule();
    }

    _openLink(href) {
      if (this._emit('linkclick', { href }, true)) window.open(href, '_blank', 'noopener');
    }

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
      if (active && this._mirror.contains(active) && !active.dataset.focus) this._focusMirror(this._query('focus'));
    }

    // Over the canvas the mirror is out of sight and focus must not scroll the page (the core scrolls
    // to what it draws); in the HTML view focus scrolls natively, below the host's scroll-padding-top.
    _focusMirror(name) {
      const el = name && this._mirror.querySelector(`[data-focus="${CSS.escape(name)}"]`);
      if (!el || this.shadowRoot.activeElement === el) return;
      this._movingFocus = true;
      el.focus({ preventScroll: !this._root.classList.contains('html-view') });
      this._movingFocus = false;
    }

    _revealInMirror(id) {
      const target = this._mirror.querySelector('#' + CSS.escape(id));
      this._mirrorScrolledAt = performance.now();   // not a find match (selection section)
      if (target) target.scrollIntoView({ block: 'start' });
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
      // Keys go to the core's keyboard model (the one key table), which says which it handled; the
      // mirror's own controls keep the rest (Tab, links, typing in the filter).
      m.addEventListener('keydown', (e) => {
        const name = e.target.dataset && e.target.dataset.focus;
        if (!name || e.altKey || e.ctrlKey || e.metaKey) return;
        if (this._command({ cmd: 'key', key: e.key, shift: e.shiftKey })) e.preventDefault();
      });
      m.addEventListener('input', (e) => {
        if (e.target.dataset.focus === 'filter') this._command({ cmd: 'filter', text: e.target.value });
      });
      m.addEventListener('click', (e) => {
        const link = e.target.closest('a[href]');
        if (link) {
          const href = link.getAttribute('href');
          // Sections scroll the canvas; other anchors (footnotes) are the browser's own, in the HTML view.
          if (href.startsWith('#')) { if (this._scrollToAnchorQuietly(href.slice(1))) e.preventDefault(); return; }
          if (!this._emit('linkclick', { href }, true)) e.preventDefault();
          return;
        }
        const button = e.target.closest('button');
        if (!button) return;
        const f = button.dataset.focus || '';
        if (button.dataset.stage !== undefined) this.selectStage(Number(button.dataset.stage));
        else if (button.dataset.faq !== undefined) this.toggleFaq(Number(button.dataset.faq));
        else if (f === 'prev' || f === 'next') {
          const stage = (this.getState() || { stage: 0 }).stage + (f === 'next' ? 1 : -1);
          if (stage >= 0 && stage < m.querySelectorAll('.aw-stage-button').length) this.selectStage(stage);
        } else if (f === 'expand') this.expandAll();
        else if (f === 'collapse') this.collapseAll();
      });
    }

    // The HTML view: the Text view button's, the only view without WebGL, and the view while the page's
    // GL context stays lost.
    _setHtmlView(on) {
      this._root.classList.toggle('html-view', on);
      this._mirror.classList.toggle('sr-only', !on);
      this._mirror.classList.toggle('shown', on);
      this._textButton.textContent = on ? 'Interactive view' : 'Text view';
      this._textButton.setAttribute('aria-pressed', on ? 'true' : 'false');
      if (!on) { this._contentHeight = 0; this._layoutOwed = true; this._syncHeight(); this._sizeCanvas(); this._schedule(); }
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
      if (!this._root.classList.contains('ready')) this._root.classList.toggle('pending', !this._hostHtml && fetched);
    }

    // The swap: in the task that hides the HTML view, the stage takes the canvas layout's height (the geometry
    // exists before the first frame), so no frame shows the element at another height, and the reservation ends.
    // A reader who scrolled into the HTML view stays on the paragraph they were reading.
    _showCanvasHeight(readerAnchor) {
      if (!this._htmlOnly) this._syncHeight();
      this._root.classList.remove('pending');
      if (!this._htmlOnly) this._keepReadingAnchor(readerAnchor);
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
      if (this._root.classList.contains('ready') || location.hash.length > 1) return null;
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
      if (this._htmlOnly || !(y > 0)) return null;
      const blocks = JSON.parse(this._query('blocks') || '[]');
      for (let i = blocks.length - 1; i >= 0; i--) {
        const [top, height] = blocks[i];
        if (top > y || height <= 0) continue;
        return y < top + height ? { index: i, count: blocks.length, fraction: (y - top) / height } : { index: i, count: blocks.length, below: y - top - height };
      }
      return null;
    }

    _keepReadingAnchor(anchor) {
      if (!anchor || !this._handle || this._htmlOnly) return;
      this._syncHeight();   // the stage as tall as the new layout before the page scrolls in it
      const blocks = JSON.parse(this._query('blocks') || '[]');
      if (blocks.length !== anchor.count) return;
      const [top, height] = blocks[anchor.index];
      const y = anchor.below === undefined ? top + anchor.fraction * height : top + height + anchor.below;
      this._scrollArticleTo(y, 'instant');
      this._pageScrolled();
    }

    // [SECTION] canvas input ------------------------------------------------------------------
    // A pointer event's place on the canvas, in the canvas's CSS px (under a host's zoom too).
    _canvasPoint(e) {
      const r = this._canvas.getBoundingClientRect();
      return [(e.clientX - r.left) / this._zoom, (e.clientY - r.top) / this._zoom];
    }

    // Pointer and keys on the canvas go to this element's widget (keys by their KeyboardEvent.key names,
    // through the core's one key table); Tab is the browser's, to walk the page.
    _installCanvasInput() {
      const c = this._canvas;
      const point = (e) => this._canvasPoint(e);
      const pointer = (type, e, button) => {
        if (!this._handle) return false;
        const [x, y] = e ? point(e) : [0, 0];
        this._wasm((m) => m._aw_pointer(this._handle, type, x, y, button));
        return true;
      };
      c.addEventListener('pointermove', (e) => { if (pointer(0, e, -1)) this._schedule(); });
      c.addEventListener('pointerdown', (e) => { if (pointer(1, e, e.button)) this._frameNow(); });
      c.addEventListener('pointerup', (e) => { if (pointer(2, e, e.button)) this._frameNow(); });
      c.addEventListener('pointerleave', () => { if (pointer(3, null, -1)) this._schedule(); });
      // A click or tap that the core turned into focus on a mirror control (the drawn filter box) keeps it there: the
      // browser's own focusing of the canvas, the default of the mousedown that follows the pointerdown, is cancelled.
      c.addEventListener('mousedown', (e) => {
        const active = this.shadowRoot.activeElement;
        if (active && this._mirror.contains(active) && active.dataset.focus && active.dataset.focus === this._query('focus')) e.preventDefault();
      });
      // A wheel's sideways part (trackpad swipe, or shift + wheel) scrolls a code block or table under the pointer
      // that is wider than the column; everything else stays the page's.
      c.addEventListener('wheel', (e) => {
        const dx = e.deltaX || (e.shiftKey ? e.deltaY : 0);
        if (!dx || !this._handle) return;
        const [x, y] = point(e);
        const unit = e.deltaMode === 1 ? 40 : e.deltaMode === 2 ? c.clientWidth : 1;
        if (this._wasm((m) => m._aw_scroll_block(this._handle, x, y, dx * unit))) { e.preventDefault(); this._schedule(); }
      }, { passive: false });
      const focus = (focused) => { if (this._handle) { this._wasm((m) => m._aw_focus(this._handle, focused)); this._schedule(); } };
      c.addEventListener('focus', () => focus(1));
      c.addEventListener('blur', () => focus(0));
      const key = (e, down) => {
        if (!this._handle || e.key === 'Tab') return;
        const mods = (e.ctrlKey ? 1 : 0) | (e.shiftKey ? 2 : 0) | (e.altKey ? 4 : 0) | (e.metaKey ? 8 : 0);
        if (!this._wasm((m) => withCString(m, e.key, (p) => m._aw_key(this._handle, p, down ? 1 : 0, mods)))) return;
        if (down) this._frameNow(); else this._schedule();
      };
      c.addEventListener('keydown', (e) => key(e, true));
      c.addEventListener('keyup', (e) => key(e, false));
    }

    // [SECTION] selection, clipboard and find --------------------------------------------------
    // The core owns the canvas's selection (core/selection.h); this section only carries the browser's side of it:
    // the copy event (text/plain and text/html), Ctrl/Cmd+A kept from selecting the page, a long touch press that
    // selects a word, and the browser's find, which matches the mirror's text: the match is scrolled into view inside
    // the mirror's clipped 1 px box, and that scroll tells which text it is, so the canvas scrolls there and selects it.
    _installSelectionInput() {
      const c = this._canvas;
      const call = (fn) => (this._handle ? this._wasm(fn) : undefined);
      const point = (e) => this._canvasPoint(e);
      c.addEventListener('keydown', (e) => {
        if (!(e.ctrlKey || e.metaKey) || e.altKey || e.key.toLowerCase() !== 'a') return;
        e.preventDefault();
        if (call((m) => m._aw_select(this._handle, 0, 0, 0))) this._frameNow();
      });
      // A mouse drag keeps selecting outside the canvas; a touch that the browser turns into a scroll releases.
      c.addEventListener('pointerdown', (e) => { if (e.pointerType === 'mouse' && e.button === 0) c.setPointerCapture(e.pointerId); });
      c.addEventListener('pointercancel', (e) => { const [x, y] = point(e); if (call((m) => m._aw_pointer(this._handle, 2, x, y, 0)) !== undefined) this._schedule(); });
      // Touch: a finger on the text scrolls the page, it does not drag a selection; a long press selects a word.
      let press = null;
      c.addEventListener('pointermove', (e) => {
        if (e.pointerType !== 'touch' || !press || press.id !== e.pointerId) return;
        e.stopImmediatePropagation();   // the canvas input's handler never sees a finger's drag
        if (!press.fired && Math.hypot(e.clientX - press.x0, e.clientY - press.y0) > LONG_PRESS_SLOP_PX) { clearTimeout(press.timer); press = null; }
      }, { capture: true });
      c.addEventListener('pointerdown', (e) => {
        if (e.pointerType !== 'touch') return;
        if (press) clearTimeout(press.timer);
        const [x, y] = point(e);
        const current = { id: e.pointerId, x0: e.clientX, y0: e.clientY, fired: false, timer: 0 };
        current.timer = setTimeout(() => {
          current.fired = call((m) => m._aw_select(this._handle, 1, x, y)) === 1;
          if (current.fired) this._frameNow();
        }, LONG_PRESS_MS);
        press = current;
      });
      const endPress = (e) => { if (press && press.id === e.pointerId) { clearTimeout(press.timer); press = press.fired ? press : null; } };
      c.addEventListener('pointerup', endPress);
      c.addEventListener('pointercancel', endPress);
      c.addEventListener('contextmenu', (e) => { if (press && press.fired) { e.preventDefault(); press = null; } });

      // Find in page. Keyboard focus moving through the mirror scrolls it too: those scrolls are not matches.
      const m = this._mirror;
      let focusedAt = -Infinity;
      m.addEventListener('focusin', () => { focusedAt = performance.now(); });
      m.addEventListener('scroll', () => {
        if (!this._handle || this._root.classList.contains('html-view') || (m.scrollTop === 0 && m.scrollLeft === 0)) return;
        const ours = Math.max(focusedAt, this._mirrorScrolledAt || -Infinity);
        const context = performance.now() - ours > 300 ? textAtBox(m) : null;
        m.scrollTop = 0;   // so that the next match scrolls the box again
        m.scrollLeft = 0;
        if (!context) return;
        // The longest context first; the mirror and the canvas may differ further away (a footnote mark, a table bar).
        for (const n of [40, 16]) {
          const before = context.before.slice(-n), after = context.after.slice(0, n);
          const found = call((m) => withCString(m, before, (b) => withCString(m, after, (a) => m._aw_find_reveal(this._handle, b, a))));
          if (found === 1) { this._frameNow(); return; }
        }
        // Text the canvas does not lay out as the article's (a stage's card, a question or its answer): scroll to the
        // stage or question it belongs to, which selects the stage or opens the question.
        for (let el = context.element; el && el !== m; el = el.parentElement) {
          if (el.id && this._scrollToAnchorQuietly(el.id.replace(/-panel$/, ''))) return;
        }
      });
      // A closed answer is hidden until found: when find reveals it, the question opens on the canvas too.
      m.addEventListener('beforematch', (e) => {
        const panel = e.target.closest && e.target.closest('.aw-faq-answer');
        const button = panel && m.querySelector(`[aria-controls="${CSS.escape(panel.id)}"]`);
        if (button && button.dataset.faq !== undefined) this._command({ cmd: 'toggleFaq', index: Number(button.dataset.faq), open: true });
      });
    }

    // Whether the canvas holds a selection (its text's first byte, not the text).
    _hasCanvasSelection() {
      if (!this._handle || this._htmlOnly || this._root.classList.contains('html-view')) return false;
      return this._wasm((m) => m.HEAPU8[m._aw_selection(this._handle, 0)] !== 0);
    }

    // The canvas's selection as plain text (0) or HTML (1); "" when nothing is selected there or the HTML view shows.
    _canvasSelection(html) {
      if (!this._handle || this._htmlOnly || this._root.classList.contains('html-view')) return '';
      return this._wasm((m) => m.UTF8ToString(m._aw_selection(this._handle, html)));
    }

    _copyCanvasSelection(e) {
      const text = this._canvasSelection(0);
      if (!text || !e.clipboardData) return;   // nothing selected on the canvas: the page's own copy
      e.clipboardData.setData('text/plain', text);
      e.clipboardData.setData('text/html', this._canvasSelection(1));
      e.preventDefault();
    }

    // [SECTION] API -----------------------------------------------------------------------------
    // Methods return whether they did what was asked; a call the article cannot honour (no such
    // stage, a bad argument, before the article is loaded) also fires articleerror with the reason.
    _command(obj) {
      if (!this._handle) return false;
      const ok = this._wasm((m) => withCString(m, JSON.stringify(obj), (p) => m._aw_command(this._handle, p)));
      this._schedule();
      return ok === 1;
    }

    _api(obj) {
      if (this._handle && this._shownMarkdown !== null) return this._command(obj);
      const why = this._destroyed ? 'the widget was destroyed (destroy()); set src or markdown, or insert the element again, to load it anew'
        : 'no article is loaded yet (wait for the ready promise)';
      this._emit('articleerror', { message: `${obj.cmd}: ${why}` });
      return false;
    }

    // A mirror link to an anchor that is not a section (a footnote) is the browser's own: no articleerror.
    _scrollToAnchorQuietly(id) {
      this._quietRefusals = true;
      try { return this._command({ cmd: 'scrollToAnchor', id }); } finally { this._quietRefusals = false; }
    }

    _query(what) {
      if (!this._handle) return '';
      return this._wasm((m) => withCString(m, what, (p) => m.UTF8ToString(m._aw_get_json(this._handle, p))));
    }

    selectStage(index) { return this._api({ cmd: 'selectStage', index }); }
    toggleFaq(index, open) { return this._api(open === undefined ? { cmd: 'toggleFaq', index } : { cmd: 'toggleFaq', index, open }); }
    expandAll() { return this._api({ cmd: 'expandAll' }); }
    collapseAll() { return this._api({ cmd: 'collapseAll' }); }
    scrollToAnchor(id) { return this._api({ cmd: 'scrollToAnchor', id }); }
    getState() { const s = this._query('state'); return s ? JSON.parse(s) : null; }
    setState(state) { return this._api({ cmd: 'setState', state }); }
    getLayout() {
      if (this._htmlOnly) return null;   // nothing is drawn, so nothing is laid out
      // The layout of the current state: draw the pending frame first, if there is one.
      this._frameNow();
      const s = this._query('layout');
      // The canvas draws the article from the element's top: content coordinates are element coordinates.
      return s ? JSON.parse(s) : null;
    }
    getModel() { const s = this._query('model'); return s ? JSON.parse(s) : null; }
    /** Frames drawn so far: a diagnostic for idle and visibility tests. */
    get framesDrawn() { return this._framesDrawn; }
  }

  customElements.define('article-widget', ArticleWidgetElement);
})();
