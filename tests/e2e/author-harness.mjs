// Shared by the authoring page's tests (author*.test.mjs): opening author.html in a fresh browser context (an
// empty localStorage), with every Content-Security-Policy violation recorded from the first byte on.
import { openPage } from './harness.mjs';

export async function openAuthor(browser, baseUrl, viewport = { width: 1440, height: 900 }, options = {}) {
  const { page, context, errors } = await openPage(browser, null, viewport, options);
  await page.addInitScript(() => {
    window.__violations = [];
    window.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective}: ${e.blockedURI || e.sample || ''}`), true);
  });
  await page.goto(baseUrl + 'author.html');
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 30000 });
  return { page, context, errors, violations: () => page.evaluate(() => window.__violations) };
}

// Replaces the editor's text (as a paste would) and waits until the preview shows it.
export async function setMarkdown(page, text) {
  await page.fill('#markdown', text);
  await page.waitForFunction((t) => document.getElementById('preview').markdown === t, text, { timeout: 15000 });
  await page.evaluate(() => document.getElementById('preview').ready);
  await page.waitForTimeout(50);   // the panel is drawn right after ready
}

export const previewModel = (page) => page.evaluate(() => document.getElementById('preview').getModel());
