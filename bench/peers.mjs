// The peers the widget is measured against, in one run and interleaved with it: the default article as plain
// HTML (the CLI's `html` output in the demo page's shell and styles) and TimelineJS 3.9.11 (the npm devDependency,
// served locally) with the same three stages. Each load gets a fresh browser context; in-page probes record
// when article text is first painted, when the page is ready, and the layout shift; the harness adds bytes and memory.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT, openPage } from '../tests/e2e/harness.mjs';

export const TIMELINEJS_DIST = join(ROOT, 'node_modules/@knight-lab/timelinejs/dist');
const CLI = join(ROOT, 'build/native/article-widget');

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// The demo page's shell around `content`: the same header, kicker, host text and footer as web/index.html.
function shell(title, head, content) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark"><title>${escapeHtml(title)}</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="demo.css">${head}</head>
<body><header class="site-header"><a class="site-name" href="#">Field Notes</a>
<nav aria-label="Site"><a href="#">Essays</a> <a href="#">Explainers</a> <a href="#">About</a></nav></header>
<main><p class="kicker">Explainer · AI policy</p>
<p class="host-text">This week’s explainer asks whether the labs building the largest language models will open them up.</p>
${content}</main><footer class="site-footer">Field Notes · a demo page for article-widget</footer></body></html>`;
}

// The two peer pages, built from the default article with the CLI (the native build must exist).
export function peerPages() {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build the native preset first`);
  if (!existsSync(join(TIMELINEJS_DIST, 'js/timeline.js'))) throw new Error('TimelineJS is missing: run npm ci (it is a devDependency)');
  const args = [join(ROOT, 'assets/article.md'), '--config', join(ROOT, 'assets/widget.json')];
  const html = execFileSync(CLI, ['html', ...args], { encoding: 'utf8' });
  const model = JSON.parse(execFileSync(CLI, ['model', ...args], { encoding: 'utf8' }));
  // The article styled like the widget's text view: the reading column, the host's fonts and colours.
  const plainStyle = `<style>.aw-article { max-width: 680px; margin: 0 auto; line-height: 1.6; }
    .aw-article h1, .aw-article h2, .aw-article h3 { line-height: 1.25; } .aw-article pre { overflow-x: auto; }
    .aw-timeline { padding-left: 1.4em; } .aw-faq-answer { padding-left: 1.4em; }</style>`;
  const plain = shell(model.title, plainStyle, html);
  // TimelineJS needs dates: one year per stage, shown as "Stage n of 3". Fonts and locale come from the local copy.
  const data = {
    events: model.timeline.stages.map((s, i) => ({
      start_date: { year: String(2020 + 2 * i) }, display_date: `Stage ${i + 1} of ${model.timeline.stages.length}`,
      text: { headline: escapeHtml(s.title), text: `<p>${escapeHtml(s.summary)}</p>` },
    })),
  };
  const timelineHead = '<link rel="stylesheet" href="timelinejs/css/timeline.css"><script src="timelinejs/js/timeline.js"></script>' +
    '<style>#timeline-embed { max-width: 1000px; height: 600px; margin: 1rem auto 2rem; }</style>';
  const timeline = shell(model.title, timelineHead, `<div id="timeline-embed"></div>
<script>
  window.timeline = new TL.Timeline('timeline-embed', ${JSON.stringify(data)}, { script_path: '/timelinejs/js/', font: null });
  window.timeline.on('ready', () => performance.mark('peer-ready'));
</script>`);
  // The demo page as a static-site build serves it: the same `html` output pre-rendered inside <article-widget>.
  const demo = readFileSync(join(ROOT, 'build/web/dist/index.html'), 'utf8');
  const staticSite = demo.replace('config="widget.json"></article-widget>', `config="widget.json">${html}</article-widget>`);
  return { plain, timeline, staticSite, firstStage: model.timeline.stages[0].title };
}

// Runs in each page from its first byte: polls every animation frame until the page's article text is in the
// page (the frame that paints it), and sums layout shifts.
function probe({ kind, firstStage }) {
  window.__peer = { textMs: null, cls: 0, glContextMs: 0, glContextAt: 0, extensions: 0, extensionMs: 0 };
  // The cost of creating WebGL contexts and enabling extensions (the widget: once, started while the module loads).
  for (const canvasClass of [HTMLCanvasElement, window.OffscreenCanvas].filter(Boolean)) {   // the widget's is offscreen
    const getContext = canvasClass.prototype.getContext;
    canvasClass.prototype.getContext = function (type, ...rest) {
      const t = performance.now();
      const context = getContext.call(this, type, ...rest);
      if (/webgl/.test(type)) { window.__peer.glContextMs += performance.now() - t; window.__peer.glContextAt = window.__peer.glContextAt || t; }
      return context;
    };
  }
  const getExtension = WebGLRenderingContext.prototype.getExtension;
  WebGLRenderingContext.prototype.getExtension = function (...args) {
    const t = performance.now();
    try { return getExtension.apply(this, args); } finally { window.__peer.extensions++; window.__peer.extensionMs += performance.now() - t; }
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__peer.cls += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
  const hasText = () => {
    if (kind === 'plain' || kind === 'static') return !!document.querySelector('.aw-article h1');
    if (kind === 'timeline') return [...document.querySelectorAll('.tl-slide .tl-headline')].some((h) => h.textContent.includes(firstStage));
    const el = document.querySelector('article-widget');
    const source = el && el.shadowRoot && el.shadowRoot.querySelector('.source');
    return !!el && ((source && source.textContent.trim().length > 0) || el.framesDrawn > 0);
  };
  const tick = () => {
    if (hasText()) { window.__peer.textMs = performance.now(); return; }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

// One cold load of `url` as `kind` ('widget', 'static' (the widget with pre-rendered HTML), 'plain' or 'timeline'): first article text, ready, CLS one second
// after ready, bytes (raw and gzip -9 of every response) and memory (JS heap after a GC, plus WebAssembly memory).
export async function measureLoad(browser, url, kind, firstStage) {
  const { page, context } = await openPage(browser, null);
  const bodies = [];
  page.on('response', (r) => bodies.push(r.body().then((b) => b).catch(() => Buffer.alloc(0))));
  await page.addInitScript(probe, { kind, firstStage });
  await page.goto(url);
  const widget = kind === 'widget' || kind === 'static';
  const readyMark = widget ? 'aw-first-frame' : kind === 'timeline' ? 'peer-ready' : null;
  await page.waitForFunction((mark) => window.__peer.textMs !== null && (!mark || performance.getEntriesByName(mark).length > 0),
    readyMark, { timeout: 30000, polling: 50 });
  const readyMs = await page.evaluate((mark) => (mark ? performance.getEntriesByName(mark)[0].startTime : window.__peer.textMs), readyMark);
  await page.waitForTimeout(1000);
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const heap = (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'JSHeapUsedSize').value;
  const wasm = widget ? await page.evaluate(() => document.querySelector('article-widget')._mod.HEAPU8.length) : 0;
  const { textMs: seen, cls, glContextMs, glContextAt, extensions, extensionMs } = await page.evaluate(() => window.__peer);
  // The widget's first frame draws the article's text: the probe, polling in its own callback, sees it a frame later.
  const textMs = kind === 'widget' ? Math.min(seen, readyMs) : seen;
  const buffers = await Promise.all(bodies);
  await context.close();
  return {
    textMs, readyMs, cls, glContextMs, glContextAt, extensions, extensionMs, memoryBytes: heap + wasm, jsHeapBytes: heap, wasmBytes: wasm,
    bytes: buffers.reduce((n, b) => n + b.length, 0), gzipBytes: buffers.reduce((n, b) => n + (b.length ? gzipSync(b, { level: 9 }).length : 0), 0),
  };
}

export const TIMELINEJS_VERSION = JSON.parse(readFileSync(join(TIMELINEJS_DIST, '../package.json'), 'utf8')).version;
