// The offline single-file bundle (`article-widget bundle`): opened from file:// with every network request
// blocked it draws and answers the JS API, asks for nothing but itself, survives "</script>" in the
// Markdown, and reads as an article with JavaScript off.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser, saveShot, pixelVariance, ROOT, DIST } from './harness.mjs';

const CLI = process.env.AW_CLI || join(ROOT, 'build/native/article-widget');
let browser, dir;

function bundle(markdownPath, out, ...extra) {
  execFileSync(CLI, ['bundle', markdownPath, '--assets', DIST, '-o', out, ...extra], { stdio: ['ignore', 'ignore', 'inherit'] });
  return pathToFileURL(out).href;
}

before(async () => {
  assert.ok(existsSync(CLI), `${CLI} is missing: build the native preset first (cmake --preset native && cmake --build --preset native)`);
  dir = mkdtempSync(join(tmpdir(), 'aw-bundle-'));
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); if (dir) rmSync(dir, { recursive: true, force: true }); });

// A page whose every request is recorded, and aborted unless it is the file itself (or data:/blob:).
async function offlinePage(options = {}) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 }, colorScheme: 'light', ...options });
  const requests = [];
  const errors = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (/^(file|data|blob):/.test(url)) return route.continue();
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  return { context, page, requests, errors };
}

const ready = (page) => page.evaluate(async () => {
  const el = document.querySelector('article-widget');
  await customElements.whenDefined('article-widget');
  await Promise.race([el.ready, new Promise((_, reject) => setTimeout(() => reject(new Error('not ready in 20 s')), 20000))]);
  return true;
});

test('the bundle works from file:// with the network blocked, and requests nothing but itself', { timeout: 60000 }, async () => {
  const url = bundle(join(ROOT, 'assets/article.md'), join(dir, 'article.html'), '--config', join(ROOT, 'assets/widget.json'));
  const { context, page, requests, errors } = await offlinePage();
  await page.goto(url);
  await ready(page);
  const model = await page.evaluate(() => document.querySelector('article-widget').getModel());
  assert.equal(model.title, 'Will Anthropic Open-Source Its Models Like OpenAI?');
  assert.equal(model.timeline.stages.length, 3, 'the inline config and Markdown were read');
  await page.evaluate(() => {
    window.__toggles = [];
    document.querySelector('article-widget').addEventListener('faqtoggle', (e) => window.__toggles.push(e.detail));
  });
  assert.equal(await page.evaluate(() => document.querySelector('article-widget').toggleFaq(1)), true);
  const state = await page.evaluate(() => document.querySelector('article-widget').getState());
  assert.deepEqual(state.openFaqs, [1]);
  assert.deepEqual(await page.evaluate(() => window.__toggles), [{ index: 1, open: true }]);
  await page.waitForTimeout(300);
  const shot = await saveShot(page, 'bundle-offline.png');
  assert.ok(pixelVariance(shot.png) > 100, 'the canvas is drawn');
  assert.deepEqual(requests, [url], 'no request other than the file itself');
  assert.deepEqual(errors, []);
  await context.close();
});

test('"</script>" and "<!--" in the Markdown stay inside the article', { timeout: 60000 }, async () => {
  const md = join(dir, 'breakout.md');
  writeFileSync(md, '# Break out\n\n</script><script>window.__pwned = 1</script>\n\n```html\n</script><!-- <script>x<\\/y\n```\n\n## FAQ\n\n### Is it safe?\n\nYes.\n');
  const url = bundle(md, join(dir, 'breakout.html'));
  const { context, page, requests, errors } = await offlinePage();
  await page.goto(url);
  await ready(page);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'nothing from the Markdown ran');
  // The accessible mirror is the core's HTML of what the widget parsed.
  const code = await page.evaluate(() => document.querySelector('article-widget').shadowRoot.querySelector('.mirror pre').textContent);
  assert.equal(code, '</script><!-- <script>x<\\/y\n', 'the code block reached the widget byte for byte');
  assert.equal(await page.evaluate(() => document.querySelector('article-widget').getModel().faqs.length), 1);
  assert.deepEqual(requests, [url]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('with JavaScript off the bundle reads as an article: the title and every FAQ question', { timeout: 60000 }, async () => {
  const url = bundle(join(ROOT, 'assets/article.md'), join(dir, 'nojs.html'), '--config', join(ROOT, 'assets/widget.json'));
  const model = JSON.parse(execFileSync(CLI, ['model', join(ROOT, 'assets/article.md'), '--config', join(ROOT, 'assets/widget.json')], { encoding: 'utf8' }));
  const { context, page, requests } = await offlinePage({ javaScriptEnabled: false });
  await page.goto(url);
  const heading = page.locator('article-widget h1');
  assert.ok(await heading.isVisible(), 'the title is visible');
  assert.equal((await heading.innerText()).trim(), model.title);
  const text = await page.locator('article-widget').innerText();
  for (const faq of model.faqs) assert.ok(text.includes(faq.question), `the question "${faq.question}" is visible`);
  assert.ok(!text.includes('## '), 'the Markdown source is not shown');
  await saveShot(page, 'bundle-nojs.png');
  assert.deepEqual(requests, [url]);
  await context.close();
});
