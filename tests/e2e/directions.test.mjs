// The HTML views of a right-to-left article in Chromium: the Text view, the no-WebGL view and print run right to left
// as the canvas does (the core's direction, from the article's first letter, on a page whose lang and dir say
// nothing about it): lists, block quotes, tables and the timeline are mirrored by the element's logical CSS.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer, launchBrowser, openPage, waitReady, saveShot, ROOT, DIST } from './harness.mjs';

// An English page (no dir) around an Arabic article with no lang of its own.
const page = (src) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>
  <link rel="icon" href="data:,"><style>body { margin: 0 } main { max-width: 760px; margin: 0 auto; padding: 0 20px }</style>
  <script src="article-widget.js" defer></script></head><body><main><article-widget id="a" src="${src}"></article-widget></main></body></html>`;

// tests/multilingual/arabic.md with a list, a quote and a table after its introduction.
async function arabicWithBlocks() {
  const arabic = await readFile(join(ROOT, 'tests/multilingual/arabic.md'), 'utf8');
  const blocks = '\n- \u0627\u0644\u062D\u0635\u0627\u062F \u0628\u0627\u0644\u064A\u062F\n- \u0627\u0644\u062A\u062C\u0641\u064A\u0641 \u062A\u062D\u062A \u0627\u0644\u0634\u0645\u0633\n\n' +
    '> \u0627\u0644\u0642\u0647\u0648\u0629 \u0631\u062D\u0644\u0629 \u0637\u0648\u064A\u0644\u0629.\n\n' +
    '| \u0627\u0644\u0645\u0631\u062D\u0644\u0629 | \u0627\u0644\u0645\u062F\u0629 |\n| --- | --- |\n| \u0627\u0644\u062A\u062C\u0641\u064A\u0641 | \u0623\u0633\u0627\u0628\u064A\u0639 |\n\n';
  const at = arabic.indexOf('\n## ');
  return arabic.slice(0, at) + '\n' + blocks + arabic.slice(at + 1);
}

let server, browser;
before(async () => {
  const markdown = await arabicWithBlocks();
  server = await startServer(DIST, {
    '/arabic-blocks.md': { type: 'text/markdown; charset=utf-8', body: markdown },
    '/arabic.html': { type: 'text/html; charset=utf-8', body: page('arabic-blocks.md') },
  });
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); await server?.close(); });

// Where the HTML view's parts sit, in the element's shadow root: `scope` is the mirror's selector.
const sides = (p, scope) => p.evaluate((sel) => {
  const root = document.getElementById('a').shadowRoot;
  const article = root.querySelector(`${sel} .aw-article`);
  const box = article.getBoundingClientRect();
  const style = (q) => getComputedStyle(article.querySelector(q));
  const item = article.querySelector('ul > li').getBoundingClientRect();
  const heads = [...article.querySelectorAll('th')].map((h) => h.getBoundingClientRect());
  return {
    dir: article.getAttribute('dir'), direction: getComputedStyle(article).direction,
    list: { left: parseFloat(style('ul').paddingLeft), right: parseFloat(style('ul').paddingRight) },
    // The list item is indented from the article's right edge, not its left.
    itemRightGap: box.right - item.right, itemLeftGap: item.left - box.left,
    quote: { left: parseFloat(style('blockquote').borderLeftWidth), right: parseFloat(style('blockquote').borderRightWidth),
      paddingRight: parseFloat(style('blockquote').paddingRight) },
    timeline: { left: parseFloat(style('.aw-timeline').borderLeftWidth), right: parseFloat(style('.aw-timeline').borderRightWidth),
      paddingRight: parseFloat(style('.aw-timeline').paddingRight) },
    // The table's first column is at its right.
    firstColumnAtRight: heads.length === 2 && heads[0].left > heads[1].left,
    headAlign: style('th').textAlign,
  };
}, scope);

function assertMirrored(s, what) {
  assert.equal(s.dir, 'rtl', `${what}: the article carries the core's direction`);
  assert.equal(s.direction, 'rtl', `${what}: it runs right to left`);
  assert.ok(s.list.right > 10 && s.list.left === 0, `${what}: the list is indented at the right (${JSON.stringify(s.list)})`);
  assert.ok(s.itemRightGap > 10 && s.itemLeftGap < 1, `${what}: list items are indented at the right (${s.itemRightGap} px; ${s.itemLeftGap} px at the left)`);
  assert.ok(s.quote.paddingRight > 10, `${what}: the quote is indented at the right`);
  assert.ok(s.firstColumnAtRight, `${what}: the table's first column stands at the right`);
  assert.equal(s.headAlign, 'start', `${what}: headings of columns align to the start`);
}

test('the Text view of an Arabic article with no lang runs right to left: lists, quotes, tables and the timeline mirrored', { timeout: 60000 }, async () => {
  const { page: p, errors } = await openPage(browser, server.url + 'arabic.html', { width: 900, height: 900 });
  await waitReady(p);
  assert.equal(await p.evaluate(() => document.getElementById('a').getLayout().stages.length), 4);
  await p.evaluate(() => document.getElementById('a').shadowRoot.querySelector('button.textview').click());
  await p.waitForFunction(() => document.getElementById('a').shadowRoot.querySelector('.mirror.shown'));
  const s = await sides(p, '.mirror.shown');
  assertMirrored(s, 'Text view');
  assert.ok(s.quote.right === 3 && s.quote.left === 0, `the quote's bar is at the right (${JSON.stringify(s.quote)})`);
  assert.ok(s.timeline.right === 2 && s.timeline.left === 0 && s.timeline.paddingRight > 10,
    `the timeline's line is at the right (${JSON.stringify(s.timeline)})`);
  // The stage and question buttons' text starts at the right.
  const aligns = await p.evaluate(() => [...document.getElementById('a').shadowRoot.querySelectorAll('.aw-stage-button, .aw-faq-question button')]
    .map((b) => getComputedStyle(b).textAlign));
  assert.ok(aligns.length > 4 && aligns.every((a) => a === 'start'), aligns.join());
  const shot = await saveShot(p, 'directions-arabic-text-view.png');
  assert.ok(shot.png.width > 0);
  // Printed: the same direction, the timeline as a numbered list indented at the right.
  await p.emulateMedia({ media: 'print' });
  const printed = await p.evaluate(() => {
    const timeline = document.getElementById('a').shadowRoot.querySelector('.mirror .aw-timeline');
    const style = getComputedStyle(timeline);
    return { direction: style.direction, left: parseFloat(style.paddingLeft), right: parseFloat(style.paddingRight) };
  });
  assert.equal(printed.direction, 'rtl');
  assert.ok(printed.right > 10 && printed.left === 0, `printed timeline indented at the right (${JSON.stringify(printed)})`);
  assert.deepEqual(errors, []);
});

test('without WebGL the HTML view of an Arabic article runs right to left', { timeout: 60000 }, async () => {
  const { page: p, errors } = await openPage(browser, null, { width: 900, height: 900 });
  await p.addInitScript(() => {
    for (const Canvas of [HTMLCanvasElement, window.OffscreenCanvas].filter(Boolean)) {
      const getContext = Canvas.prototype.getContext;
      Canvas.prototype.getContext = function (type, ...rest) { return /webgl/i.test(type) ? null : getContext.call(this, type, ...rest); };
    }
  });
  await p.goto(server.url + 'arabic.html');
  await waitReady(p);
  assertMirrored(await sides(p, '.mirror'), 'no WebGL');
  assert.deepEqual(errors, []);
});
