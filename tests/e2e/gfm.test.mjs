// GitHub-flavoured Markdown in the browser: the GFM sample article loaded by its src from a folder of
// its own; the accessible mirror has its table, task boxes, footnotes and real <img alt>, and relative
// links and images resolve against the article's URL, not the page's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer, launchBrowser, openPage, waitReady, ROOT, DIST } from './harness.mjs';

let server, browser;
before(async () => {
  const sample = await readFile(join(ROOT, 'tests/samples/gfm.md'), 'utf8');
  const svg = await readFile(join(ROOT, 'tests/samples/images/arc.svg'), 'utf8');
  const routes = {
    '/posts/2024/gfm.md': { status: 200, body: sample, type: 'text/markdown; charset=utf-8' },
    '/posts/2024/images/arc.svg': { status: 200, body: svg, type: 'image/svg+xml' },
    '/photo.jpg': { status: 200, body: svg, type: 'image/svg+xml' },
    '/gfm.html': { status: 200, type: 'text/html', body: '<!doctype html><html lang="en"><head><title>GFM</title><link rel="icon" href="data:,">' +
      '<script src="article-widget.js" defer></script></head><body><main><article-widget id="gfm" src="posts/2024/gfm.md"></article-widget></main></body></html>' },
  };
  server = await startServer(DIST, routes);
  // The sample's remote image comes from this server: tests reach no other host.
  routes['/posts/2024/gfm.md'].body = sample.replace('https://example.com/photo.jpg', server.url + 'photo.jpg');
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); await server?.close(); });

test('the mirror holds the GFM constructs, and relative links and images resolve against the src URL', async () => {
  const { page, errors } = await openPage(browser, server.url + 'gfm.html');
  await waitReady(page, '#gfm');
  const mirror = await page.evaluate(() => {
    const root = document.querySelector('#gfm').shadowRoot.querySelector('.mirror');
    const img = root.querySelector('img[alt="The arc of responsibility"]');
    return {
      headers: [...root.querySelector('table').querySelectorAll('thead th')].map((th) => [th.textContent, th.getAttribute('align')]),
      rows: root.querySelector('table').querySelectorAll('tbody tr').length,
      tables: root.querySelectorAll('table').length,
      boxes: [...root.querySelectorAll('li > input[type="checkbox"]')].map((b) => b.checked && b.disabled ? 'x' : b.disabled ? ' ' : '?').join(''),
      del: root.querySelector('del')?.textContent,
      noteRef: root.querySelector('sup.footnote-ref a')?.getAttribute('href'),
      noteTarget: !!root.querySelector('section.footnotes li[id="fn-why"] a.footnote-backref[href="#fnref-why"]'),
      previous: root.querySelector('a[data-focus="link:0"]')?.getAttribute('href'),
      img: img && { src: img.getAttribute('src'), width: img.getAttribute('width'), loading: img.getAttribute('loading') },
      refused: root.querySelector('.aw-image-alt')?.textContent,
      scripts: root.querySelectorAll('img[src^="javascript"], a[href^="javascript"]').length,
    };
  });
  assert.deepEqual(mirror.headers, [['Parser', 'left'], ['Spec examples', 'center'], ['Speed', 'right']]);
  assert.equal(mirror.rows, 3);
  assert.equal(mirror.tables, 2, 'the results, and the wide table');
  assert.equal(mirror.boxes, 'xx  ', 'two checked and two open boxes, all read-only');
  assert.equal(mirror.del, 'plain text');
  assert.equal(mirror.noteRef, '#fn-why');
  assert.ok(mirror.noteTarget, 'the note links back to its reference');
  assert.equal(mirror.previous, server.url + 'posts/2024/part-1.html');
  assert.deepEqual(mirror.img, { src: server.url + 'posts/2024/images/arc.svg', width: '320', loading: 'lazy' });
  assert.equal(mirror.refused, 'not loaded');
  assert.equal(mirror.scripts, 0);
  // The model lists what could not be shown as written.
  const warnings = await page.evaluate(() => document.querySelector('#gfm').getModel().warnings);
  assert.deepEqual(warnings.map((w) => `${w.kind}@${w.line}`), ['image_source@29', 'raw_html@51', 'raw_html@51', 'raw_html@53']);
  // In the text view the image is a real image, loaded from beside the article.
  await page.evaluate(() => document.querySelector('#gfm').shadowRoot.querySelector('.textview').click());
  const loaded = await page.evaluate(async () => {
    const img = document.querySelector('#gfm').shadowRoot.querySelector('.mirror img[alt="The arc of responsibility"]');
    img.scrollIntoView();
    for (let i = 0; i < 50 && !(img.complete && img.naturalWidth); i++) await new Promise((r) => setTimeout(r, 100));
    return img.naturalWidth;
  });
  assert.equal(loaded, 320);
  assert.deepEqual(errors, []);
});
