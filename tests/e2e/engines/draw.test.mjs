// Cross-engine: the canvas is drawn, by pixels, and the screen shows the current frame after every change (load,
// scroll, theme, stage, question, resize), in the engine AW_ENGINE names; two widgets, the dark theme and the
// multilingual sample draw too. The drawing route each engine takes is recorded in the performance mark "aw-route".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ENGINE, launchEngine, withPage, widgetReady, settled, canvasShot, luminance, changedShare, currentFrame } from '../engines.mjs';
import { startServer, DIST, ROOT } from '../harness.mjs';

const MULTILINGUAL = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Multilingual</title><link rel="icon" href="data:,">
  <link rel="stylesheet" href="/demo.css"><script src="/article-widget.js" defer></script></head>
  <body><main><article-widget id="article" src="/multilingual/article.md"></article-widget></main></body></html>`;
let server, browser;
before(async () => {
  server = await startServer(DIST, { '/multilingual.html': { type: 'text/html; charset=utf-8', body: MULTILINGUAL } },
    { '/multilingual/': join(ROOT, 'tests/multilingual') }, { probe: true });
  browser = await launchEngine();
});
after(async () => { await browser?.close(); await server?.close(); });

// A page of the demo (or another), its widget ready; closed whatever happens.
const withDemo = (path, size, selector, fn) => withPage(browser, server.url + path, selector, fn, size);

function assertCurrent(result, what) {
  assert.ok(result.lagShare < 0.002, `${ENGINE}: after ${what} the screen showed an earlier frame (${(100 * result.lagShare).toFixed(2)} % of the canvas changed when the same state was drawn again)`);
}

test(`${ENGINE}: the first frame is drawn and current, by the route the engine supports`, { timeout: 120000 }, async () => {
  await withDemo('index.html', {}, '#article', async (page) => {
  const route = await page.evaluate(() => performance.getEntriesByName('aw-route')[0].detail);
  assert.ok(['offscreen', 'canvas'].includes(route.route), `a route was chosen: ${JSON.stringify(route)}`);
  assert.equal(route.lag, 0, `the chosen route shows each frame at once: ${JSON.stringify(route)}`);
  const view = await page.evaluate(() => document.getElementById('article').shadowRoot.querySelector('.root').className);
  assert.match(view, /\bready\b/);
  assert.doesNotMatch(view, /html-view/, 'the drawn view, not the HTML view');
  const first = await currentFrame(page, '#article');
  assertCurrent(first, 'load');
  const { variance } = luminance(first.shot);
  assert.ok(variance > 150, `the canvas shows text (luminance variance ${variance.toFixed(0)})`);
  assert.deepEqual(await page.errors(), []);
  });
});

test(`${ENGINE}: after scroll, theme, stage, question and resize the screen shows the current frame`, { timeout: 180000 }, async () => {
  await withDemo('index.html', { width: 1000, height: 800 }, '#article', async (page) => {
  const el = (fn, arg) => page.evaluate(fn, arg);
  let previous = (await currentFrame(page, '#article')).shot;
  const step = async (what, change, check) => {
    await change();
    const result = await currentFrame(page, '#article');
    assertCurrent(result, what);
    assert.ok(changedShare(previous, result.shot) > 0.01, `${what} changed what the canvas shows`);
    if (check) check(result.shot);
    previous = result.shot;
  };
  await step('a scroll of 2000 px', () => el(() => window.scrollTo(0, window.scrollY + document.getElementById('article').getBoundingClientRect().top + 2000)));
  await step('theme="dark"', () => el(() => document.getElementById('article').setAttribute('theme', 'dark')),
    (shot) => assert.ok(luminance(shot).mean < 90, `the dark theme is dark (mean luminance ${luminance(shot).mean.toFixed(0)})`));
  await step('selecting stage 3', () => el(() => {
    const a = document.getElementById('article');
    a.scrollToAnchor('aw-stage-1');
    return a.selectStage(2);
  }));
  assert.equal((await el(() => document.getElementById('article').getState())).stage, 2);
  await step('opening a question', () => el(() => {
    const a = document.getElementById('article');
    a.scrollToAnchor('faqs');
    return a.toggleFaq(0, true);
  }));
  await step('a resize', () => page.setViewport(700, 650));
  assert.deepEqual(await page.errors(), []);
  });
});

test(`${ENGINE}: two widgets on one page both draw, the second in its dark theme`, { timeout: 120000 }, async () => {
  await withDemo('two.html', {}, '#first', async (page) => {
  await widgetReady(page, '#second');
  for (const [id, dark] of [['first', false], ['second', true]]) {
    await page.evaluate((sel) => { const e = document.getElementById(sel); window.scrollTo(0, window.scrollY + e.getBoundingClientRect().top); }, id);
    await settled(page, '#' + id);
    const stats = luminance(await canvasShot(page, '#' + id));
    assert.ok(stats.variance > 150, `#${id} is drawn (variance ${stats.variance.toFixed(0)})`);
    assert.equal(stats.mean < 90, dark, `#${id} is ${dark ? 'dark' : 'light'} (mean luminance ${stats.mean.toFixed(0)})`);
  }
  assert.equal(await page.evaluate(() => document.querySelectorAll('article-widget').length), 2);
  assert.deepEqual(await page.errors(), []);
  });
});

test(`${ENGINE}: the multilingual sample draws without an error`, { timeout: 120000 }, async () => {
  await withDemo('multilingual.html', {}, '#article', async (page) => {
  const first = await currentFrame(page, '#article');
  assertCurrent(first, 'load');
  assert.ok(luminance(first.shot).variance > 150, 'the canvas shows text');
  const model = await page.evaluate(() => document.getElementById('article').getModel());
  assert.ok(model && model.title, 'the model is there');
  assert.deepEqual(await page.errors(), []);
  });
});

// Safari makes WebGL contexts on an OffscreenCanvas, and WebKit's bitmaps from them show the frame before: the route
// is measured and refused, and the screen shows each frame at once. WebKitGTK offers that context behind a feature flag.
test(`${ENGINE}: WebGL in OffscreenCanvas that hands over late frames is refused`, { timeout: 120000, skip: ENGINE !== 'webkit' && 'WebKit only' }, async () => {
  const lagging = await launchEngine('webkit', { features: '+AllowWebGLInWorkers' });
  const page = await lagging.newPage({ width: 1000, height: 800 });
  try {
    await page.goto(server.url + 'index.html');
    await widgetReady(page, '#article');
    const route = await page.evaluate(() => performance.getEntriesByName('aw-route')[0].detail);
    assert.deepEqual(route, { route: 'canvas', lag: 0, rejected: { name: 'offscreen', lag: 1 } });
    await page.evaluate(() => window.scrollTo(0, window.scrollY + document.getElementById('article').getBoundingClientRect().top + 2000));
    assertCurrent(await currentFrame(page, '#article'), 'a scroll of 2000 px');
    await page.evaluate(() => document.getElementById('article').setAttribute('theme', 'dark'));
    const dark = await currentFrame(page, '#article');
    assertCurrent(dark, 'theme="dark"');
    assert.ok(luminance(dark.shot).mean < 90, 'the dark theme shows at once');
    assert.deepEqual(await page.errors(), []);
  } finally {
    await page.close();
    await lagging.close();
  }
});

test(`${ENGINE}: the dark HTML view paints the whole element as the dark canvas does, the column inset`, { timeout: 120000 }, async () => {
  await withDemo('two.html', {}, '#second', async (page) => {
    await page.evaluate(() => {
      const el = document.getElementById('second');
      el.shadowRoot.querySelector('.textview').click();
      window.scrollTo(0, window.scrollY + el.getBoundingClientRect().top);
    });
    await page.sleep(300);
    const where = await page.evaluate(() => {
      const el = document.getElementById('second'), r = el.getBoundingClientRect();
      const h1 = el.shadowRoot.querySelector('.mirror h1').getBoundingClientRect();
      return { left: Math.ceil(r.left), right: Math.floor(r.right), top: Math.max(0, Math.ceil(r.top)), textLeft: h1.left };
    });
    const shot = await page.screenshot();
    const at = (x, y) => { const i = (y * shot.width + x) * 4; return 0.2126 * shot.data[i] + 0.7152 * shot.data[i + 1] + 0.0722 * shot.data[i + 2]; };
    for (const x of [where.left + 4, where.right - 4]) assert.ok(at(x, where.top + 200) < 60, `the element is painted dark at its edge x=${x} (luminance ${at(x, where.top + 200).toFixed(0)})`);
    assert.ok(where.textLeft - where.left >= 40, `the text stands inside the painted element, not against its edge (${(where.textLeft - where.left).toFixed(0)} px in)`);
    assert.deepEqual(await page.errors(), []);
  });
});
