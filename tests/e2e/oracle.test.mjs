// The browser as the oracle for line breaking: the same article laid out by the canvas (its paragraphs' and headings'
// lines, from the module's layout) and by the browser (the element's Text view: the same HTML, fonts and column, its
// line boxes read with Range.getClientRects), compared paragraph by paragraph at 360, 768 and 1200 px, over the
// project's samples, the multilingual sample and 22 real Markdown files (tests/corpus/real, with their licences).
// The agreement and the height difference per width are written to build/test-logs/oracle.json, with each
// paragraph that breaks differently.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer, launchBrowser, openPage, ROOT } from './harness.mjs';

const WIDTHS = [360, 768, 1200];
// The bars: 98 % of Latin paragraphs break alike at every width (98.1 % measured at 360 px, 98.7 % at 768 and 1200);
// build/test-logs/oracle.json lists every paragraph that still differs.
// Heights: the Text view (the same HTML as the view before the canvas) within 1 % of the canvas for the samples
// (0.03–0.6 % measured), and a median within 1.5 % over the whole corpus (1.3 % at 360 px, 0.75 % at 768 and 1200).
// What still differs, per real file: a code block or table that scrolls sideways takes 12 px more on the canvas (its
// scroll bar's room; headless Chromium hides the browser's), a paragraph that breaks into one more line, and images
// that do not load here (gfm.md's remote and unsized ones) keep the canvas's placeholder height.
const MIN_LATIN_AGREEMENT = { 360: 0.98, 768: 0.98, 1200: 0.98 };
const SAMPLES_HEIGHT = ['assets/article.md', 'tests/samples/text-spacing.md', 'tests/multilingual/article.md', 'tests/multilingual/shaping.md'];
const MAX_SAMPLE_HEIGHT_DIFFERENCE = 0.01, MAX_MEDIAN_HEIGHT_DIFFERENCE = 0.015;

const page = (css) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>oracle</title><link rel="icon" href="data:,">
<style>body { margin: 0; } article-widget { font-family: "Noto Serif", serif; --aw-heading-font: "Noto Sans", sans-serif; } ${css}</style>
<script src="article-widget.js" defer></script></head><body><article-widget id="w"></article-widget></body></html>`;

async function corpus() {
  const files = ['assets/article.md', 'tests/samples/text-spacing.md', 'tests/samples/gfm.md', 'tests/multilingual/article.md', 'tests/multilingual/shaping.md'];
  const real = (await readdir(join(ROOT, 'tests/corpus/real'))).filter((f) => f.endsWith('.md') && f !== 'SOURCES.md').sort();
  return [...files, ...real.map((f) => `tests/corpus/real/${f}`)];
}

// The browser's lines of every paragraph, heading and list item of the Text view, each as its text.
function htmlLines() {
  const root = document.getElementById('w').shadowRoot;
  const blocks = [];
  const range = document.createRange();
  for (const el of root.querySelectorAll('.mirror p, .mirror h1, .mirror h2, .mirror h3, .mirror h4, .mirror h5, .mirror h6, .mirror li')) {
    if (el.closest('table, pre, details:not([open]), [hidden], nav')) continue;
    if (el.tagName === 'LI' && el.querySelector(':scope > p')) continue;   // a loose list item: its paragraphs count
    const lines = [];
    let top = null;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.parentElement.closest('ul, ol, p, pre') !== el.closest('ul, ol, p, pre') && el.tagName === 'LI'
        ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.data;
      for (let i = 0; i < text.length; i++) {
        const unit = /[\uD800-\uDBFF]/.test(text[i]) ? 2 : 1;
        if (/\s/.test(text[i])) { if (lines.length) lines[lines.length - 1] += ' '; continue; }
        range.setStart(n, i);
        range.setEnd(n, i + unit);
        const rect = range.getClientRects()[0];
        if (rect && (top === null || rect.top > top + rect.height * 0.6)) { lines.push(''); top = rect.top; }
        if (!lines.length) lines.push('');
        lines[lines.length - 1] += text.slice(i, i + unit);
        i += unit - 1;
      }
    }
    blocks.push(lines);
  }
  return blocks;
}

const normal = (s) => s.replace(/\s+/g, ' ').trim();
const joined = (lines) => normal(lines.join(' ')).replace(/\s+/g, '');
const isLatin = (lines) => { const t = lines.join(''); const latin = (t.match(/[A-Za-z\u00C0-\u024F]/g) || []).length; return latin > 0.9 * (t.match(/\p{L}/gu) || []).length; };

let server, browser;
const routes = {};
before(async () => {
  routes['/oracle.html'] = { type: 'text/html; charset=utf-8', body: page('') };
  server = await startServer(undefined, routes);
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); await server?.close(); });

test('the canvas breaks lines where the browser does: paragraphs compared with the Text view at 360, 768 and 1200 px', { timeout: 600000 }, async () => {
  const files = await corpus();
  assert.ok(files.length >= 27, `the corpus has ${files.length} files`);
  const report = { widths: {}, differences: [] };
  for (const width of WIDTHS) {
    const { page: p, context, errors } = await openPage(browser, server.url + 'oracle.html', { width, height: 800 });
    let compared = 0, same = 0, latin = 0, latinSame = 0, unmatched = 0, heightWorst = 0;
    for (const file of files) {
      const markdown = await readFile(join(ROOT, file), 'utf8');
      const got = await p.evaluate(async (md) => {
        await customElements.whenDefined('article-widget');
        const el = document.getElementById('w');
        el.markdown = md;
        await el.ready;
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        const canvas = JSON.parse(el._query('lines'));
        const canvasHeight = el.getBoundingClientRect().height;
        el.shadowRoot.querySelector('.textview').click();   // the Text view: the browser lays out the same HTML
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        const htmlHeight = el.getBoundingClientRect().height;
        return { canvas, canvasHeight, htmlHeight };
      }, markdown);
      const html = await p.evaluate(htmlLines);
      await p.evaluate(() => document.getElementById('w').shadowRoot.querySelector('.textview').click());
      // Each canvas block against the next Text-view block with the same text.
      let cursor = 0;
      for (const block of got.canvas) {
        const key = joined(block.lines);
        if (!key) continue;
        const at = html.findIndex((h, i) => i >= cursor && i < cursor + 8 && joined(h) === key);
        if (at < 0) { unmatched++; continue; }
        cursor = at + 1;
        // Lines compared without their white space: the canvas places the space between two styles as a gap.
        const a = block.lines.map(normal), b = html[at].map(normal);
        const agree = a.length === b.length && a.every((line, i) => line.replace(/\s+/g, '') === b[i].replace(/\s+/g, ''));
        compared++; if (agree) same++;
        if (isLatin(block.lines)) { latin++; if (agree) latinSame++; }
        if (!agree) report.differences.push({ file, width, canvas: a, browser: b });
      }
      const diff = Math.abs(got.htmlHeight - got.canvasHeight) / got.canvasHeight;
      heightWorst = Math.max(heightWorst, diff);
      report.widths[width] = report.widths[width] || { files: {} };
      report.widths[width].files[file] = { canvasHeight: got.canvasHeight, htmlHeight: got.htmlHeight, difference: +diff.toFixed(4) };
    }
    Object.assign(report.widths[width], { compared, same, latin, latinSame, unmatched, heightWorst: +heightWorst.toFixed(4) });
    console.log(`# oracle ${width}px: ${same}/${compared} paragraphs break alike (Latin ${latinSame}/${latin}); ${unmatched} unmatched; ` +
      `worst height difference ${(heightWorst * 100).toFixed(2)} %`);
    // The real files' badges and remote images are not served here: only a script error counts.
    report.widths[width].errors = errors.filter((e) => !/^Failed to load resource/.test(e));
    await context.close();
  }
  await mkdir(join(ROOT, 'build/test-logs'), { recursive: true });
  await writeFile(join(ROOT, 'build/test-logs/oracle.json'), JSON.stringify(report, null, 1));
  for (const width of WIDTHS) {
    const { compared, latin, latinSame, unmatched, errors } = report.widths[width];
    assert.deepEqual(errors, []);
    assert.ok(compared > 100, `${width}px: only ${compared} paragraphs compared (${unmatched} found no Text-view twin)`);
    assert.ok(latinSame / latin >= MIN_LATIN_AGREEMENT[width], `${width}px: ${latinSame}/${latin} Latin paragraphs break as the browser breaks them`);
    const heights = report.widths[width].files;
    for (const file of SAMPLES_HEIGHT)
      assert.ok(heights[file].difference <= MAX_SAMPLE_HEIGHT_DIFFERENCE, `${width}px: ${file}'s Text view is ${(heights[file].difference * 100).toFixed(2)} % off the canvas's height`);
    const differences = Object.values(heights).map((f) => f.difference).sort((a, b) => a - b);
    const median = differences[differences.length >> 1];
    assert.ok(median <= MAX_MEDIAN_HEIGHT_DIFFERENCE, `${width}px: the median height difference is ${(median * 100).toFixed(2)} %`);
  }
});
