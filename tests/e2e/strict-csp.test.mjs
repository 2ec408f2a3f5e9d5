// Strict hosts: web/strict.html allows scripts and styles from its own origin only and enforces Trusted Types
// (the CSP the README documents). The widget must draw, answer its API and show its text view with no
// securitypolicyviolation event and no console error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openPage, waitReady, saveShot, pixelVariance, DIST } from './harness.mjs';

// A host that enforces Trusted Types but allows another policy only.
const OTHER_POLICY = `<!doctype html><html lang="en"><head><meta charset="utf-8">
  <meta http-equiv="Content-Security-Policy" content="script-src 'self' 'wasm-unsafe-eval'; require-trusted-types-for 'script'; trusted-types other">
  <title>other policy</title><script src="article-widget.js" defer></script></head>
  <body><article-widget id="article" src="article.md" config="widget.json"></article-widget></body></html>`;
let server, browser;
before(async () => {
  server = await startServer(DIST, { '/other-policy.html': { status: 200, type: 'text/html; charset=utf-8', body: OTHER_POLICY } });
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); await server?.close(); });

// Records every violation from the first byte of the page on (an init script runs before the page's own).
async function strictPage() {
  const { page, context, errors } = await openPage(browser, null);
  await page.addInitScript(() => {
    window.__violations = [];
    const record = (e) => window.__violations.push(`${e.violatedDirective}: ${e.blockedURI || e.sample || ''}`.trim());
    window.addEventListener('securitypolicyviolation', record, true);
  });
  await page.goto(server.url + 'strict.html');
  return { page, context, errors, violations: () => page.evaluate(() => window.__violations) };
}

test('under script-src/style-src self and Trusted Types the widget draws with no violation', { timeout: 60000 }, async () => {
  const { page, context, errors, violations } = await strictPage();
  const csp = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]').content);
  assert.match(csp, /require-trusted-types-for 'script'/);
  assert.match(csp, /style-src 'self'/);
  await waitReady(page);
  // The API, canvas input, the theme, the filter and the text view all run under the policy.
  const result = await page.evaluate(async () => {
    const el = document.getElementById('article');
    const out = { select: el.selectStage(1), toggle: el.toggleFaq(0, true), expand: el.expandAll(), anchor: el.scrollToAnchor('faqs') };
    el.setAttribute('theme', 'dark');
    el.style.setProperty('--aw-accent', '#b00020');
    const filter = el.shadowRoot.querySelector('[data-focus="filter"]');
    filter.value = 'open';
    filter.dispatchEvent(new Event('input', { bubbles: true }));
    el.shadowRoot.querySelector('.textview').click();            // the HTML view
    await new Promise((r) => setTimeout(r, 100));
    out.mirrorShown = el.shadowRoot.querySelector('.mirror').getBoundingClientRect().height > 500;
    el.shadowRoot.querySelector('.textview').click();            // back to the canvas
    el.removeAttribute('theme');
    await new Promise((r) => setTimeout(r, 300));
    out.state = el.getState();
    return out;
  });
  assert.deepEqual([result.select, result.toggle, result.expand, result.anchor], [true, true, true, true]);
  assert.ok(result.mirrorShown, 'the text view showed the article as HTML');
  assert.equal(result.state.stage, 1);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
  const shot = await saveShot(page, 'web-strict-csp.png');
  assert.ok(pixelVariance(shot.png) > 100, 'the page with the canvas is drawn');
  const canvasShot = await saveShot(page, 'web-strict-csp-canvas.png', 'article-widget');
  assert.ok(pixelVariance(canvasShot.png) > 100, 'the canvas is drawn');
  assert.deepEqual(await violations(), [], 'no securitypolicyviolation');
  assert.deepEqual(errors, [], 'no console errors');
  await context.close();
});

test('the strict page really enforces its policy (so the test above can fail)', { timeout: 60000 }, async () => {
  const { page, context, violations } = await strictPage();
  await waitReady(page);
  const outcome = await page.evaluate(async () => {
    const mirror = document.getElementById('article').shadowRoot.querySelector('.mirror');
    let threw = false;
    try { mirror.innerHTML = '<b>untrusted</b>'; } catch { threw = true; }
    document.body.setAttribute('style', 'outline: 1px solid red');   // an inline style attribute: blocked by style-src 'self'
    await new Promise((r) => setTimeout(r, 100));
    return { threw };
  });
  assert.equal(outcome.threw, true, 'a plain string assigned to innerHTML is refused');
  const seen = await violations();
  assert.ok(seen.some((v) => v.startsWith('require-trusted-types-for')), `Trusted Types violation reported: ${seen}`);
  assert.ok(seen.some((v) => v.startsWith('style-src')), `style attribute violation reported: ${seen}`);
  await context.close();
});

test('a host whose trusted-types list leaves out article-widget is told so in one line', { timeout: 60000 }, async () => {
  const { page, context } = await openPage(browser, server.url + 'other-policy.html');
  const status = await page.waitForFunction(() => document.getElementById('article').shadowRoot.querySelector('.status.error')?.textContent, null, { timeout: 20000 });
  assert.match(await status.jsonValue(), /does not allow the Trusted Types policy "article-widget" \(add it to trusted-types\)/);
  await context.close();
});
