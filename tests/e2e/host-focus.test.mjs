// Keyboard focus on links the canvas draws but the core's focus order does not walk (a footnote reference, a note's
// back link): Tab to one far down the article brings it into view below the host's fixed header.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openPage, waitReady, DIST } from './harness.mjs';

const filler = Array.from({ length: 80 }, (_, i) => `Paragraph ${i + 1} of the filler, long enough to wrap over two lines of the column at the width the test uses, so the article is tall.`).join('\n\n');
const ARTICLE = `# Notes far down\n\n${filler}\n\nThe tail mention of a note[^far] is here.\n\n[^far]: The note, at the very end.\n`;
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>focus</title><link rel="icon" href="data:,">
  <style>html { scroll-padding-top: 64px } body { margin: 0 } header { position: fixed; top: 0; left: 0; right: 0; height: 64px; background: #223; z-index: 5 }
  main { max-width: 720px; margin: 80px auto 0; padding: 0 20px }</style>
  <script src="article-widget.js" defer></script></head><body><header></header><main><button id="before">Before</button>
  <article-widget id="a"><script type="text/markdown">${ARTICLE}</script></article-widget></main></body></html>`;

let server, browser;
before(async () => {
  server = await startServer(DIST, { '/focus.html': { type: 'text/html; charset=utf-8', body: PAGE } });
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); await server?.close(); });

test('Tab to a footnote link far down scrolls it into view below a 64 px fixed header', { timeout: 60000 }, async () => {
  const { page, errors } = await openPage(browser, server.url + 'focus.html', { width: 1000, height: 800 });
  await waitReady(page, '#a');
  await page.focus('#before');
  await page.evaluate(() => window.scrollTo(0, 0));
  // Tab until the footnote reference has the focus (the canvas and the other stops may come first).
  let onRef = false;
  for (let i = 0; i < 6 && !onRef; i++) {
    await page.keyboard.press('Tab');
    onRef = await page.evaluate(() => !!document.getElementById('a').shadowRoot.activeElement?.matches('a[data-footnote-ref]'));
  }
  assert.ok(onRef, 'Tab reaches the footnote reference');
  await page.waitForTimeout(400);
  const seen = await page.evaluate(() => {
    const el = document.getElementById('a');
    const blocks = JSON.parse(el._query('blocks'));
    const lines = JSON.parse(el._query('lines'));
    const index = lines.findIndex((b) => b.lines.join(' ').includes('The tail mention'));
    const [top, height] = blocks[index];
    const y = el.getBoundingClientRect().top + top;
    return { index, y, height, scrollY: window.scrollY, innerHeight };
  });
  assert.ok(seen.index > 70, `the paragraph with the reference (block ${seen.index})`);
  assert.ok(seen.scrollY > 4000, `the page scrolled down to it (scrollY ${seen.scrollY})`);
  assert.ok(seen.y >= 64, `its top (${Math.round(seen.y)}) is below the fixed header`);
  assert.ok(seen.y + seen.height <= seen.innerHeight, `its bottom (${Math.round(seen.y + seen.height)}) is on screen`);
  assert.deepEqual(errors, []);
});
