// The element's lifecycle on one page module: mounting and unmounting 60 times leaks neither WebAssembly
// instances nor heap, a DOM move keeps everything (nothing is fetched again), and 24 widgets on one page
// each draw when scrolled to, the first again when the reader scrolls back (canvas pixels, not flags).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openPage, waitReady, saveShot, pixelVariance, widgetsPage, shortArticle, DIST } from './harness.mjs';

let server, browser;
before(async () => {
  server = await startServer(DIST, {
    '/many.html': { status: 200, type: 'text/html; charset=utf-8', body: widgetsPage(24, shortArticle) },
    '/churn.html': { status: 200, type: 'text/html; charset=utf-8', body: `<!doctype html><html lang="en"><head><meta charset="utf-8">
      <title>churn</title><link rel="icon" href="data:,"><script src="article-widget.js"></script></head><body><main id="host"></main></body></html>` },
  });
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); await server?.close(); });

// Counts the page's WebAssembly instances: each one made is registered with a FinalizationRegistry, which
// hears when garbage collection frees it. (CDP's Runtime.queryObjects on WebAssembly.Instance.prototype
// crashes this Chromium's renderer, so the page counts them itself.)
const COUNT_INSTANCES = `(() => {
  window.__wasmInstances = { made: 0, freed: 0 };
  const registry = new FinalizationRegistry(() => { window.__wasmInstances.freed++; });
  const track = (instance) => { window.__wasmInstances.made++; registry.register(instance, 0); return instance; };
  const { instantiate, instantiateStreaming } = WebAssembly;
  WebAssembly.instantiate = async function (...args) {
    const result = await instantiate.apply(this, args);
    track(result instanceof WebAssembly.Instance ? result : result.instance);
    return result;
  };
  if (instantiateStreaming) WebAssembly.instantiateStreaming = async function (...args) {
    const result = await instantiateStreaming.apply(this, args);
    track(result.instance);
    return result;
  };
})();`;

// WebAssembly instances alive after garbage collection, and the JS heap used.
async function liveInstancesAndHeap(page, cdp) {
  for (let i = 0; i < 3; i++) {
    await cdp.send('HeapProfiler.collectGarbage');
    await page.evaluate(() => new Promise((r) => setTimeout(r, 50)));   // finalizers run after the collection
  }
  const counts = await page.evaluate(() => window.__wasmInstances);
  const heap = await cdp.send('Runtime.getHeapUsage');
  return { made: counts.made, instances: counts.made - counts.freed, heapBytes: heap.usedSize };
}

// Mounts an element with an article (the default one, fetched), waits until it has drawn, and removes it.
async function mountAndUnmount(page, cycles) {
  return page.evaluate(async (n) => {
    const host = document.getElementById('host');
    let wasmBytes = 0;   // the module's memory with the last widget mounted
    for (let i = 0; i < n; i++) {
      const el = document.createElement('article-widget');
      el.setAttribute('src', 'article.md');
      el.setAttribute('config', 'widget.json');
      host.append(el);
      await el.ready;
      if (!(el.framesDrawn > 0)) throw new Error(`cycle ${i}: nothing drawn`);
      wasmBytes = el._mod.HEAPU8.length;
      el.remove();
      await new Promise((r) => setTimeout(r, 0));   // the removal is final after the task
    }
    return wasmBytes;
  }, cycles);
}

test('churn: 60 mounts and unmounts leave one WebAssembly instance and under 5 MB of JS heap growth', { timeout: 180000 }, async () => {
  const { page, context, errors } = await openPage(browser, null);
  await page.addInitScript(COUNT_INSTANCES);
  await page.goto(server.url + 'churn.html');
  const cdp = await context.newCDPSession(page);
  const wasmFirst = await mountAndUnmount(page, 1);   // the module, its caches and the browser's text machinery exist from here
  const first = await liveInstancesAndHeap(page, cdp);
  const wasmAfter = await mountAndUnmount(page, 60);
  const last = await liveInstancesAndHeap(page, cdp);
  const growthMb = (last.heapBytes - first.heapBytes) / 1048576;
  console.log(`# churn: ${last.instances} WebAssembly instance(s) alive; JS heap ${(first.heapBytes / 1048576).toFixed(1)} -> ${(last.heapBytes / 1048576).toFixed(1)} MB`);
  assert.equal(first.made, 1, 'one module for the page');
  assert.equal(last.made, 1, 'no module made again for 60 more widgets');
  assert.equal(first.instances, 1);
  assert.ok(last.instances <= 1, `${last.instances} WebAssembly instances alive after 61 mounts`);
  assert.ok(growthMb < 5, `the JS heap grew by ${growthMb.toFixed(2)} MB`);
  // The module's own memory did not grow either: every removed widget's memory was freed for the next.
  assert.ok(wasmAfter <= wasmFirst, `the module's memory grew from ${wasmFirst} to ${wasmAfter} bytes`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a DOM move keeps the widget: nothing is fetched or compiled again, state and drawing carry on', { timeout: 60000 }, async () => {
  const { page, context, errors } = await openPage(browser, server.url + 'two.html');
  await waitReady(page, '#first');
  await waitReady(page, '#second');
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const before = await page.evaluate(() => {
    const el = document.getElementById('first');
    el.selectStage(2);
    return { handle: el._handle, mod: !!el._mod };
  });
  assert.ok(before.handle > 0 && before.mod);
  const after = await page.evaluate(async () => {
    const el = document.getElementById('first');
    const mod = el._mod;
    let readyEvents = 0;
    el.addEventListener('ready', () => readyEvents++);
    // Moves: to the end of <main>, then into a new <section>, each within one task.
    document.querySelector('main').append(el);
    const section = document.createElement('section');
    document.querySelector('main').prepend(section);
    section.append(el);
    await new Promise((r) => setTimeout(r, 300));
    const frames = el.framesDrawn;
    el.toggleFaq(0, true);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    await new Promise((r) => setTimeout(r, 200));
    return { handle: el._handle, sameModule: el._mod === mod, state: el.getState(), readyEvents, drewAfterMove: el.framesDrawn > frames };
  });
  assert.equal(after.handle, before.handle, 'the same widget in the module');
  assert.ok(after.sameModule, 'the same module');
  assert.equal(after.state.stage, 2, 'the state carried over the move');
  assert.deepEqual(after.state.openFaqs, [0]);
  assert.equal(after.readyEvents, 0, 'no reload after a move');
  assert.ok(after.drewAfterMove, 'the moved widget draws');
  assert.deepEqual(requests, [], 'nothing fetched again');
  assert.deepEqual(errors, []);
  await context.close();
});

// The element's canvas as pixels, once it holds an image, looked at until it shows something (for up to 5 s: a frame
// whose glyphs were still being made is drawn again at the next animation frame).
async function canvasShot(page, id, name) {
  await page.waitForFunction((sel) => document.querySelector(sel)._hasImage, '#' + id, { timeout: 15000 });
  let png = (await saveShot(page, name, '#' + id)).png;
  for (const end = Date.now() + 5000; pixelVariance(png) <= 50 && Date.now() < end;) {
    await page.waitForTimeout(100);
    png = (await saveShot(page, name, '#' + id)).png;
  }
  return png;
}

test('24 widgets on one page: each draws when scrolled to, and the first again after scrolling back', { timeout: 240000 }, async () => {
  const { page, context, errors } = await openPage(browser, server.url + 'many.html', { width: 900, height: 700 });
  await page.waitForFunction(() => document.querySelectorAll('article-widget').length === 24);
  await page.evaluate(() => Promise.all([...document.querySelectorAll('article-widget')].map((el) => el.ready)));
  const ids = Array.from({ length: 24 }, (_, i) => `w${i + 1}`);
  for (const id of ids) {
    await page.evaluate((sel) => document.querySelector(sel).scrollIntoView({ block: 'start' }), '#' + id);
    const png = await canvasShot(page, id, id === 'w24' ? 'many-24.png' : 'many.png');
    assert.ok(pixelVariance(png) > 50, `${id} is blank when scrolled to`);
  }
  // Far-away widgets hold no image: the page keeps few backing stores, whatever the number of widgets.
  const holding = await page.evaluate(() => [...document.querySelectorAll('article-widget')].filter((el) => el._hasImage).length);
  assert.ok(holding < 24, `${holding} widgets hold an image`);
  assert.equal(await page.evaluate(() => document.getElementById('w1')._hasImage), false, 'the first widget released its image');
  await page.evaluate(() => document.getElementById('w1').scrollIntoView({ block: 'start' }));
  const back = await canvasShot(page, 'w1', 'many-back-to-first.png');
  assert.ok(pixelVariance(back) > 50, 'the first widget is blank after scrolling back');
  assert.equal(await page.evaluate(() => new Set([...document.querySelectorAll('article-widget')].map((el) => el._mod)).size), 1, 'one module serves every widget');
  assert.deepEqual(errors, []);
  await context.close();
});
