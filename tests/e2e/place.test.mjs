// The reader's place when the article's height changes above them (tests/e2e/hosts/images.html: an unsized image that
// arrives late, a fixed 64 px header, scroll-padding-top and smooth scrolling). The browser's scroll anchoring does not
// reach into the canvas, so the element keeps the paragraph at the top of the view where it was, keeps the host's
// content below the article still, and a gliding deep link lands on its target though the image arrives mid-glide.
// The image is held back by the test (page.route) and released when the test says.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { startServer, launchBrowser, openPage, waitReady, DIST, ROOT } from './harness.mjs';

let server, browser;
before(async () => {
  server = await startServer(DIST, {}, { '/hosts/': join(ROOT, 'tests/e2e/hosts') });
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); await server?.close(); });

// A 600 x 600 picture: wider than the column, so it is drawn column-wide and square, taller than its 16:9 placeholder.
function photo() {
  const png = new PNG({ width: 600, height: 600 });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([40 + (i % 200), 90, 140, 255], i);
  return PNG.sync.write(png);
}

// The images page with its image held back until `release()`; `requested` resolves when the widget asks for it.
async function openHeld(url = 'hosts/images.html') {
  const opened = await openPage(browser, null, { width: 1000, height: 800 });
  let release, requested;
  const released = new Promise((r) => { release = r; });
  const asked = new Promise((r) => { requested = r; });
  await opened.page.route('**/late-photo.png', async (route) => {
    requested();
    await released;
    await route.fulfill({ status: 200, contentType: 'image/png', body: photo() });
  });
  await opened.page.goto(server.url + url);
  await waitReady(opened.page, '#article');
  await asked;
  return { ...opened, release };
}

// Waits until the article's height changed from `height` and the frame after it is drawn.
async function grown(page, height) {
  await page.waitForFunction((h) => document.getElementById('article')._contentHeight !== h, height, { timeout: 10000 });
  const n = await page.evaluate(() => document.getElementById('article').framesDrawn);
  await page.waitForFunction((f) => document.getElementById('article').framesDrawn > f, n, { timeout: 5000 }).catch(() => {});
  await page.waitForTimeout(200);
}

// The article's y at the top of the view (below the header), the block there and how far into it the view's top is.
const place = (page) => page.evaluate(() => {
  const el = document.getElementById('article');
  const y = el.getState().scrollY;
  const blocks = JSON.parse(el._query('blocks'));
  const index = blocks.findIndex(([top, height]) => top + height > y);
  return { y, index, offset: y - blocks[index][0], height: el._contentHeight, blocks };
});

// The layout shifts the page reports from now on (CLS's sum, without the ones after input).
const watchShifts = (page) => page.evaluate(() => {
  window.__shifts = 0;
  new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts += e.value; })
    .observe({ type: 'layout-shift' });
});

test('an unsized image arriving above the reader: the paragraph at the top of the view stays within 2 px', { timeout: 90000 }, async () => {
  const { page, context, errors, release } = await openHeld();
  const start = await place(page);
  const image = start.blocks.findIndex((b) => b[2]);
  assert.ok(image >= 0, 'the article has an image block');
  // The reader has read past the image (still within a screen of it, where images are fetched) and sits in a paragraph.
  const [top, height] = start.blocks[image];
  await page.evaluate((y) => {
    const el = document.getElementById('article');
    const stage = el.shadowRoot.querySelector('.stage').getBoundingClientRect().top;
    window.scrollTo({ top: window.scrollY + stage + y - 72, behavior: 'instant' });
  }, top + height + 250);
  await page.waitForTimeout(300);
  const was = await place(page);
  assert.ok(was.index > image, `the view's top is below the image (block ${was.index}, image ${image})`);
  await watchShifts(page);
  release();
  await grown(page, was.height);
  const now = await place(page);
  const growth = now.height - was.height;
  assert.ok(growth > 100, `the image made the article taller (${growth} px)`);
  const error = (now.y - now.blocks[was.index][0]) - was.offset;
  console.log(`place: position error after an image loads above: ${error.toFixed(1)} px (the article grew ${growth} px)`);
  assert.ok(Math.abs(error) <= 2, `the paragraph at the top stays within 2 px (moved ${error.toFixed(1)} px)`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an unsized image arriving while the host text after the article is in view: the host text does not shift', { timeout: 90000 }, async () => {
  const { page, context, errors, release } = await openHeld();
  // The reader at the end of the article, the host's paragraph after it in view (the image is far above, but fetched:
  // it was requested at load).
  await page.evaluate(() => document.getElementById('after').scrollIntoView({ block: 'end', behavior: 'instant' }));
  await page.waitForTimeout(300);
  const was = await page.evaluate(() => ({ after: document.getElementById('after').getBoundingClientRect().top,
    height: document.getElementById('article')._contentHeight }));
  await watchShifts(page);
  release();
  await grown(page, was.height);
  const now = await page.evaluate(() => ({ after: document.getElementById('after').getBoundingClientRect().top, cls: window.__shifts }));
  console.log(`place: CLS with an unsized image arriving, host text below in view: ${now.cls.toFixed(4)}; it moved ${(now.after - was.after).toFixed(1)} px`);
  assert.ok(Math.abs(now.after - was.after) <= 2, `the host's paragraph after the article stays (moved ${now.after - was.after} px)`);
  assert.ok(now.cls < 0.001, `no layout shift (CLS ${now.cls})`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a smooth deep link lands on its heading below the header though the image above arrives mid-glide', { timeout: 90000 }, async () => {
  const { page, context, errors, release } = await openHeld();
  const was = await page.evaluate(() => ({ y: window.scrollY, height: document.getElementById('article')._contentHeight }));
  await page.evaluate(() => { location.hash = '#where-the-path-ends'; });
  await page.waitForFunction((y) => window.scrollY > y + 50, was.y, { timeout: 5000 });
  const releasedAt = await page.evaluate(() => window.scrollY);
  release();
  await page.waitForFunction((h) => document.getElementById('article')._contentHeight !== h, was.height, { timeout: 10000 });
  // The glide ends: the page stops moving (for a whole second: on a loaded machine a smooth scroll may pause between frames).
  await page.waitForFunction(() => new Promise((resolve) => {
    const y = window.scrollY;
    setTimeout(() => resolve(window.scrollY === y), 1000);
  }), null, { timeout: 20000, polling: 100 });
  const landed = await page.evaluate(() => window.scrollY);
  assert.ok(releasedAt < landed - 100, `the image arrived mid-glide (at ${releasedAt}, landed at ${landed})`);
  // Where the deep link goes in the final layout, followed at once (no glide).
  const target = await page.evaluate(() => {
    document.documentElement.style.scrollBehavior = 'auto';
    if (!document.getElementById('article').scrollToAnchor(location.hash)) throw new Error('the heading was not found');
    return window.scrollY;
  });
  console.log(`place: a smooth deep link with an image arriving mid-glide lands ${(landed - target).toFixed(1)} px from its target`);
  assert.ok(Math.abs(landed - target) <= 2, `the glide lands on the heading (at ${landed}, the heading is at ${target})`);
  assert.deepEqual(errors, []);
  await context.close();
});

// Where the timeline's header row (the eyebrow, Previous and Next) and the selected stage's node are in the window.
const timelineHeader = (page) => page.evaluate(() => {
  const el = document.getElementById('article');
  const top = el.shadowRoot.querySelector('.stage').getBoundingClientRect().top;
  const { previous, next, stages } = el.getLayout();
  const stage = stages[el.getState().stage];
  return { top: top + Math.min(previous.y, next.y), bottom: top + Math.max(previous.y + previous.height, next.y + next.height),
    stageBottom: top + stage.y + stage.height, view: window.innerHeight };
});

// Waits until the page has not scrolled for half a second.
const settled = (page) => page.waitForFunction(() => new Promise((resolve) => {
  const y = window.scrollY;
  setTimeout(() => resolve(window.scrollY === y), 500);
}), null, { timeout: 20000, polling: 100 });

test('a deep link to a stage shows the timeline\'s whole header row below the host\'s sticky header', { timeout: 90000 }, async () => {
  const { page, context, errors } = await openPage(browser, server.url + 'hosts/news.html', { width: 1000, height: 800 });
  await waitReady(page, '#article');
  const header = 72;   // the news page's sticky masthead (and its scroll-padding-top)
  for (const [how, go] of [['scrollToAnchor', () => document.getElementById('article').scrollToAnchor('aw-stage-2')],
    ['#aw-stage-3', () => { location.hash = '#aw-stage-3'; }]]) {
    await page.evaluate(() => window.scrollTo(0, 0));
    await settled(page);
    await page.evaluate(go);
    await page.waitForFunction(() => window.scrollY > 100, null, { timeout: 10000 });   // a hash glides: it has begun
    await settled(page);
    const at = await timelineHeader(page);
    assert.ok(at.top >= header, `${how}: the header row's top (${at.top.toFixed(1)}) is below the masthead (${header})`);
    assert.ok(at.bottom <= at.view && at.stageBottom <= at.view, `${how}: the header row and the stage are in the window (${JSON.stringify(at)})`);
  }
  assert.equal(await page.evaluate(() => document.getElementById('article').getState().stage), 2);
  assert.deepEqual(errors, []);
  await context.close();
});
