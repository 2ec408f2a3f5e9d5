// Browser smoke test: the demo page loads, the widget reports ready, draws a non-blank canvas, logs no errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openPage, waitReady, saveShot, pixelVariance } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

test('demo page: widget ready, canvas drawn, no console errors', async () => {
  const { page, errors } = await openPage(browser, server.url + 'index.html');
  await waitReady(page);
  const state = await page.evaluate(() => document.getElementById('article').getState());
  assert.equal(state.stage, 0);
  assert.equal(state.openFaqs.length, 0);
  const layout = await page.evaluate(() => document.getElementById('article').getLayout());
  assert.equal(layout.stages.length, 3, 'three timeline stages laid out');
  assert.equal(layout.faqs.length, 5, 'five FAQ questions laid out');
  assert.ok(layout.contentHeight > 2000, `content height ${layout.contentHeight}`);
  const mark = await page.evaluate(() => performance.getEntriesByName('aw-first-frame').length);
  assert.equal(mark, 1, 'first frame is marked');
  const { png } = await saveShot(page, 'web-smoke.png');
  const canvasShot = await saveShot(page, 'web-smoke-canvas.png', 'article-widget');
  const variance = pixelVariance(canvasShot.png);
  assert.ok(variance > 100, `canvas is not blank (luminance variance ${variance.toFixed(1)})`);
  assert.ok(png.width > 0);
  assert.deepEqual(errors, [], 'no console errors');
});
