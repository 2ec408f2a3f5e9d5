// Text in every script, from the browser's own text engine: titles in six scripts drawn as real glyphs
// (not boxes), emoji in colour, the fonts config key and the page's web fonts used, a layout that is the
// same at every pixel ratio, and a bounded glyph cache for a 1 MB CJK article.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { PNG } from 'pngjs';
import { startServer, launchBrowser, openPage, DIST } from './harness.mjs';

// A page of widgets, one per Markdown text, each with its config; nothing else on it.
function widgetPage(articles, { css = '', head = '' } = {}) {
  const widgets = articles.map((a, i) => `<article-widget id="w${i}">
    <script type="text/markdown">${a.markdown}</script>
    ${a.config ? `<script type="application/json" data-config>${JSON.stringify(a.config)}</script>` : ''}
  </article-widget>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>scripts</title><link rel="icon" href="data:,">${head}
<style>body { margin: 0; } article-widget { font-family: "Noto Serif", serif; --aw-heading-font: "Noto Sans", sans-serif; } ${css}</style>
<script src="article-widget.js" defer></script></head><body>${widgets}</body></html>`;
}

let server, browser;
const routes = {};
before(async () => {
  routes['/brand.ttf'] = { type: 'font/ttf', delayMs: 5000, body: await readFile('/usr/share/fonts/truetype/noto/NotoSansMono-Regular.ttf') };
  server = await startServer(DIST, routes);
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); await server?.close(); });

async function open(name, html, viewport = { width: 900, height: 700 }, options = {}) {
  routes[`/${name}.html`] = { type: 'text/html; charset=utf-8', body: html };
  const opened = await openPage(browser, null, viewport, options);
  // Not waiting for the load event: that waits for the page's web fonts too.
  await opened.page.goto(server.url + `${name}.html`, { waitUntil: 'domcontentloaded' });
  await opened.page.evaluate(async () => {
    await customElements.whenDefined('article-widget');
    await Promise.all([...document.querySelectorAll('article-widget')].map((el) => el.ready));
  });
  return opened;
}

// The title's rectangle in the page (the widgets stand one below the other).
async function titleBox(page, index) {
  return page.evaluate((i) => {
    const el = document.getElementById(`w${i}`);
    el.scrollIntoView();
    const t = el.getLayout().title, r = el.getBoundingClientRect();
    return { x: r.left + t.x, y: r.top + t.y, width: Math.max(t.width, 1), height: t.height };
  }, index);
}

async function shot(page, box) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return PNG.sync.read(await page.screenshot({ clip: box }));
}

const TITLES = {
  greek: 'Ελληνικά γράμματα',
  russian: 'Русский алфавит',
  japanese: '日本語の見出し',
  arabic: 'العربية الجميلة',
  hebrew: 'כותרת בעברית',
  emoji: '🎉👍🏽🇯🇵❤️',
};

test('a title in each script is drawn as its letters, not as boxes, and the emoji title has colour', { timeout: 120000 }, async () => {
  const scripts = Object.keys(TITLES);
  // Each title, and the same number of characters no font has (private use): the boxes it must not look like.
  const boxes = (s) => String.fromCodePoint(...[...s].map((_, i) => 0xE000 + i));
  const articles = scripts.flatMap((s) => [{ markdown: `# ${TITLES[s]}\n\nText.\n` }, { markdown: `# ${boxes(TITLES[s])}\n\nText.\n` }]);
  const { page, context, errors } = await open('titles', widgetPage(articles), { width: 900, height: 400 });
  try {
    for (let i = 0; i < scripts.length; i++) {
      const box = await titleBox(page, 2 * i);
      const real = await shot(page, box);
      const ref = await titleBox(page, 2 * i + 1);
      const missing = await shot(page, { ...ref, width: box.width, height: box.height });
      let differing = 0, colourful = 0;
      for (let p = 0; p < real.data.length; p += 4) {
        const [r, g, b] = [real.data[p], real.data[p + 1], real.data[p + 2]];
        if (Math.abs(r - missing.data[p]) + Math.abs(g - missing.data[p + 1]) + Math.abs(b - missing.data[p + 2]) > 60) differing++;
        if (Math.max(r, g, b) - Math.min(r, g, b) > 80) colourful++;
      }
      const share = differing / (real.width * real.height);
      assert.ok(share > 0.05, `${scripts[i]}: only ${(share * 100).toFixed(1)}% of the title's pixels differ from boxes`);
      if (scripts[i] === 'emoji') assert.ok(colourful > 100, `emoji: ${colourful} colourful pixels, expected colour emoji`);
      else assert.ok(colourful < 20, `${scripts[i]}: ${colourful} colourful pixels in a dark title`);
    }
    // The model counts what no font draws, asking the browser: the private-use titles, and nothing else.
    const uncovered = await page.evaluate(() => [...document.querySelectorAll('article-widget')].map((el) => el.getModel().uncovered_characters));
    assert.deepEqual(uncovered, scripts.flatMap((s) => [0, [...TITLES[s]].length]));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the fonts config key chooses the families: a monospace heading makes "iiiii" as wide as "MMMMM"', { timeout: 60000 }, async () => {
  const mono = { fonts: { heading: '"Noto Sans Mono", monospace' } };
  const { page, context, errors } = await open('fonts', widgetPage([
    { markdown: '# iiiii\n\nText.\n', config: mono }, { markdown: '# MMMMM\n\nText.\n', config: mono },
    { markdown: '# iiiii\n\nText.\n' }, { markdown: '# MMMMM\n\nText.\n' },
  ]));
  try {
    const widths = await page.evaluate(() => [0, 1, 2, 3].map((i) => document.getElementById(`w${i}`).getLayout().title.width));
    assert.ok(Math.abs(widths[0] - widths[1]) < 0.5, `monospace: ${widths[0]} vs ${widths[1]}`);
    assert.ok(widths[3] > widths[2] * 2, `proportional by default: ${widths[2]} vs ${widths[3]}`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a web font the page declares is used once document.fonts has loaded it', { timeout: 90000 }, async () => {
  // The font arrives 5 s late, after the first frame: the widget draws with the fallback, then again.
  const css = '@font-face { font-family: "Brand Mono"; src: url(brand.ttf) format("truetype"); } ' +
    '#w0 { font-family: "Brand Mono", serif; --aw-heading-font: "Brand Mono", serif; }';
  const { page, context, errors } = await open('webfont', widgetPage([{ markdown: '# iiiiiiiiii\n\nText.\n' }], { css }));
  try {
    const width = () => page.evaluate(() => document.getElementById('w0').getLayout().title.width);
    const before = await width();
    let after = before;
    for (let i = 0; i < 100 && Math.abs(after - before) < 1; i++) {
      await page.waitForTimeout(100);
      after = await width();
    }
    // Ten i's in Noto Sans Mono (600 units of 1000 each) at the title's 34 px.
    assert.ok(before < 150, `before the font loads the fallback (serif) is used: ${before}`);
    assert.ok(Math.abs(after - 10 * 0.6 * 34) < 2, `after it loads the title is monospaced: ${after}`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the layout is in CSS px: the same content height at pixel ratios 1, 1.5 and 2', { timeout: 60000 }, async () => {
  const heights = [];
  for (const scale of [1, 1.5, 2]) {
    const { page, context } = await openPage(browser, server.url + 'index.html', { width: 1000, height: 800 }, { scale });
    await page.evaluate(() => document.querySelector('article-widget').ready);
    heights.push(await page.evaluate(() => document.querySelector('article-widget').getLayout().contentHeight));
    await context.close();
  }
  assert.equal(heights[1], heights[0]);
  assert.equal(heights[2], heights[0]);
});

test('a 1 MB article in Japanese keeps WebAssembly memory within 16 MB while it is read from top to bottom', { timeout: 180000 }, async () => {
  // Paragraphs of varied kanji and kana: thousands of distinct characters, as in real text.
  let markdown = '# 長い記事\n\n', seed = 7;
  const random = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return Math.floor(seed / 65536) % n; };
  while (new TextEncoder().encode(markdown).length < 1024 * 1024) {
    let p = '';
    for (let i = 0; i < 120; i++) p += String.fromCodePoint(random(4) === 0 ? 0x3041 + random(83) : 0x4E00 + random(6000));
    markdown += p + '。\n\n';
    if (random(12) === 0) markdown += `## 第${random(100)}章\n\n`;
  }
  routes['/long-ja.md'] = { type: 'text/markdown; charset=utf-8', body: markdown };
  const html = widgetPage([]).replace('</body>', '<article-widget id="w0" src="long-ja.md"></article-widget></body>');
  const { page: p, context, errors } = await open('long-ja', html, { width: 900, height: 900 });
  try {
    const memory = [];
    const height = await p.evaluate(() => document.getElementById('w0').getLayout().contentHeight);
    for (let k = 0; k <= 8; k++) {
      await p.evaluate((y) => window.scrollTo(0, y), (height - 900) * k / 8);
      await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(r)))));
      memory.push(await p.evaluate(() => document.getElementById('w0')._mod.HEAPU8.length));
    }
    const peak = Math.max(...memory);
    console.log(`1 MB Japanese article: WebAssembly memory ${memory.map((m) => (m / 1048576).toFixed(1)).join(", ")} MB`);
    assert.ok(peak <= 16 * 1024 * 1024, `WebAssembly memory reached ${(peak / 1048576).toFixed(1)} MB (${memory.map((m) => (m / 1048576).toFixed(1)).join(', ')})`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
