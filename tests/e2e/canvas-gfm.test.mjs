// The GFM sample on the canvas in Chromium: an image with a size arrives without moving anything, a `javascript:`
// image source is never fetched or handed to an image, and a table wider than the column scrolls sideways under
// the wheel (and only then keeps the wheel from the page).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { startServer, launchBrowser, openPage, waitReady, ROOT, DIST } from './harness.mjs';

const ARC_DELAY_MS = 1500;   // the sized image arrives well after the widget is ready
let server, browser, routes;
before(async () => {
  const sample = await readFile(join(ROOT, 'tests/samples/gfm.md'), 'utf8');
  const svg = await readFile(join(ROOT, 'tests/samples/images/arc.svg'), 'utf8');
  const page = (src) => '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>GFM</title><link rel="icon" href="data:,">' +
    '<style>body { margin: 0 } main { max-width: 720px; margin: 0 auto; padding: 0 20px }</style>' +
    `<script src="article-widget.js" defer></script></head><body><main><article-widget id="gfm" src="${src}"></article-widget></main></body></html>`;
  routes = {
    '/posts/2024/gfm.md': { body: sample, type: 'text/markdown; charset=utf-8' },
    '/posts/2024/images/arc.svg': { body: svg, type: 'image/svg+xml', delayMs: ARC_DELAY_MS },
    '/photo.svg': { body: svg, type: 'image/svg+xml' },
    '/gfm.html': { type: 'text/html; charset=utf-8', body: page('posts/2024/gfm.md') },
    // Only the sized image, between two paragraphs: what follows it must not move when it arrives.
    '/posts/2024/sized.md': { type: 'text/markdown; charset=utf-8',
      body: '# Sized\n\nBefore the picture.\n\n![The arc of responsibility](images/arc.svg "The arc =320x120")\n\nAfter the picture.\n' },
    '/sized.html': { type: 'text/html; charset=utf-8', body: page('posts/2024/sized.md') },
  };
  server = await startServer(DIST, routes);
  routes['/posts/2024/gfm.md'].body = sample.replace('https://example.com/photo.jpg', server.url + 'photo.svg');
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); await server?.close(); });

const frames = (page, n = 6) => page.evaluate((count) => new Promise((resolve) => {
  let i = 0;
  const tick = () => (++i >= count ? resolve() : requestAnimationFrame(tick));
  requestAnimationFrame(tick);
}), n);

async function canvasShot(page) {
  const box = await page.evaluate(() => {
    const r = document.querySelector('#gfm').shadowRoot.querySelector('canvas').getBoundingClientRect();
    return { x: r.left, y: r.top, width: r.width, height: r.height };
  });
  return { box, png: PNG.sync.read(await page.screenshot({ clip: box })) };
}

// Pixels that differ between two shots inside rows [top, bottom) and columns [0, right) of the canvas.
function differing(a, b, top, bottom, right = a.width) {
  let n = 0;
  for (let y = Math.max(0, top); y < Math.min(bottom, a.height); y++)
    for (let x = 0; x < Math.min(right, a.width); x++) {
      const i = (y * a.width + x) * 4;
      if (Math.abs(a.data[i] - b.data[i]) + Math.abs(a.data[i + 1] - b.data[i + 1]) + Math.abs(a.data[i + 2] - b.data[i + 2]) > 30) n++;
    }
  return n;
}

test('an image with its size in the Markdown arrives without a layout shift', async () => {
  const { page, context, errors } = await openPage(browser, null, { width: 1000, height: 800 });
  try {
    await page.addInitScript(() => {
      window.__shifts = 0;
      new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts += e.value; })
        .observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(server.url + 'sized.html');
    await waitReady(page, '#gfm');
    await frames(page);
    const measure = () => page.evaluate(() => {
      const el = document.querySelector('#gfm');
      return { height: el.getBoundingClientRect().height, content: el.getLayout().contentHeight, arrived: performance.getEntriesByType('resource').some((e) => e.name.endsWith('arc.svg')) };
    });
    const early = await measure();
    assert.equal(early.arrived, false, 'the image is still on its way (the server holds it back)');
    const placeholder = await canvasShot(page);
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('arc.svg')), null, { timeout: 10000 });
    await page.waitForTimeout(300);
    await frames(page);
    const late = await measure();
    const loaded = await canvasShot(page);
    assert.equal(late.height, early.height, 'the element keeps its height');
    assert.equal(late.content, early.content, 'the article keeps its height');
    // The picture was drawn (the canvas changed where it stands) and nothing else moved (the last paragraph's rows
    // are the same pixels).
    assert.ok(differing(placeholder.png, loaded.png, 0, placeholder.png.height) > 200, 'the arc is drawn once it arrives');
    const shifts = await page.evaluate(() => window.__shifts);
    assert.equal(shifts, 0, 'no layout shift');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a javascript: image source is never fetched nor given to an image', async () => {
  const { page, context, errors } = await openPage(browser, null, { width: 1000, height: 2600 });
  try {
    // Every URL the page gives an <img> (the module's image loader makes them), and every request it makes.
    await page.addInitScript(() => {
      window.__imageSources = [];
      const desc = Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, 'src');
      Object.defineProperty(HTMLImageElement.prototype, 'src', {
        set(v) { window.__imageSources.push(String(v)); desc.set.call(this, v); }, get() { return desc.get.call(this); },
      });
    });
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(server.url + 'gfm.html');
    await waitReady(page, '#gfm');
    await page.waitForFunction(() => window.__imageSources.length >= 3, null, { timeout: 10000 });
    await page.waitForTimeout(ARC_DELAY_MS + 500);
    const sources = await page.evaluate(() => window.__imageSources);
    // The allowed images were asked for, resolved against the article's URL...
    assert.ok(sources.includes(server.url + 'posts/2024/images/arc.svg'), `the relative image, resolved: ${sources}`);
    assert.ok(sources.includes(server.url + 'photo.svg'), 'the http image');
    assert.ok(sources.some((s) => s.startsWith('data:image/gif')), 'the data:image');
    // ...and the refused one never was.
    assert.deepEqual(sources.filter((s) => /^\s*javascript:/i.test(s) || s.includes('alert(1)')), []);
    assert.deepEqual(requests.filter((u) => /javascript:|alert\(1\)/i.test(u)), []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a table wider than the column scrolls sideways under the wheel, and the page keeps the wheel elsewhere', async () => {
  const { page, context, errors } = await openPage(browser, server.url + 'gfm.html', { width: 1000, height: 800 });
  try {
    await waitReady(page, '#gfm');
    assert.ok(await page.evaluate(() => document.querySelector('#gfm').scrollToAnchor('wide-data')), 'scrolled to the wide table');
    await frames(page, 10);
    const before = await canvasShot(page);
    const scrollY = await page.evaluate(() => window.scrollY);
    // Over the table (under the heading and its one-line paragraph): a sideways wheel.
    const at = { x: before.box.x + before.box.width / 2, y: before.box.y + 230 };
    await page.mouse.move(at.x, at.y);
    await page.mouse.wheel(240, 0);
    await frames(page);
    const after = await canvasShot(page);
    assert.equal(await page.evaluate(() => window.scrollX), 0, 'the page does not scroll sideways');
    assert.equal(await page.evaluate(() => window.scrollY), scrollY, 'nor up or down');
    const moved = differing(before.png, after.png, 150, 420);
    assert.ok(moved > 500, `the table's cells moved (${moved} pixels changed)`);
    // The heading above the table stayed where it was (left of the element's "Text view" button, which hovering shows).
    assert.equal(differing(before.png, after.png, 0, 60, 400), 0, 'the heading did not move');
    // Scrolled to its end, the table lets the wheel go: shift + wheel sideways again moves nothing on the canvas.
    for (let i = 0; i < 10; i++) await page.mouse.wheel(1000, 0);
    await frames(page);
    const end = await canvasShot(page);
    await page.mouse.wheel(500, 0);
    await frames(page);
    assert.equal(differing(end.png, (await canvasShot(page)).png, 0, end.png.height), 0, 'at its end the table stays put');
    // Up and down, the wheel scrolls the page as always.
    await page.mouse.wheel(0, -300);
    await page.waitForFunction((y) => window.scrollY < y, scrollY, { timeout: 5000 });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
