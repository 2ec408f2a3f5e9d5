// Hostile articles in the browser (issue 15): 1 MB of markup that costs a parser a node per byte renders,
// past the markup budget as plain text with the documented warning, within the module's 64 MB; an article
// that does not fit even as plain text is refused with the documented error. Either way the module keeps
// working: the next article loads in the same instance.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer, launchBrowser, openPage, ROOT, DIST } from './harness.mjs';

let server, browser, article;
before(async () => {
  server = await startServer(DIST);
  browser = await launchBrowser();
  article = await readFile(join(ROOT, 'assets/article.md'), 'utf8');
});
after(async () => { await browser?.close(); await server?.close(); });

// 1 MB of each: one line of brackets (a node per byte for cmark and cmark-gfm), and line shapes that cost the
// most per byte within the budget: nested list markers, headings, emphasis; one-character lines do not fit.
const MB = 1 << 20;
const SIZE = Number(process.env.AW_HOSTILE_BYTES || MB);
const HOSTILE = {
  'a run of [': { piece: '[', firstLine: 1 },
  'nested lists': { piece: '- - - - a\n' },
  'headings': { piece: '# Heading\n' },
  'emphasis': { piece: '*a* _b_ **c** `d`\n' },
  'one-character lines': { piece: 'a\n', refused: true },   // 524288 lines: more than the module's budget
};

// Sets the element's Markdown and waits until it is drawn (the first article: its ready promise; a later one:
// the model has its title) or has failed; returns the outcome, any error status, the module's memory and model.
async function load(page, markdown, title = null) {
  return page.evaluate(async ([md, expectTitle]) => {
    const el = document.getElementById('h');
    el.markdown = md;
    const drawn = expectTitle === null ? el.ready.then(() => 'ready', (e) => 'error: ' + e.message)
      : new Promise((resolve) => {
        const poll = () => (el.getModel()?.title === expectTitle ? resolve('ready') : setTimeout(poll, 100));
        poll();
      });
    const outcome = await Promise.race([drawn, new Promise((resolve) => setTimeout(() => resolve('timeout'), 60000))]);
    const status = el.shadowRoot.querySelector('.status.error');
    return { outcome, status: status ? status.textContent : '', heap: el._mod ? el._mod.HEAPU8.length : 0,
             model: outcome === 'ready' ? el.getModel() : null };
  }, [markdown, title]);
}

for (const [name, { piece, firstLine, refused }] of Object.entries(HOSTILE)) {
  test(`1 MB of ${name} ${refused ? 'is refused in words' : 'renders'} within the module's memory, and the module stays usable`, { timeout: 180000 }, async () => {
    const { page, context, errors } = await openPage(browser, null);
    await page.goto(server.url + 'index.html');
    await page.setContent(`<!doctype html><html lang="en"><head><title>t</title>
      <script src="${server.url}article-widget.js"></script></head>
      <body><main><article-widget id="h"></article-widget></main></body></html>`, { waitUntil: 'load' });
    const hostile = piece.repeat(Math.ceil(SIZE / piece.length)).slice(0, SIZE);
    const first = await load(page, hostile);
    if (refused) {
      assert.match(first.outcome, /^error: article: too much markup: not even as plain text does the article fit its budget \(\d+ lines; /);
      assert.equal(first.status, first.outcome.slice('error: '.length) + 'Try again');
      console.log(`# ${name}: ${first.outcome}; WebAssembly memory ${(first.heap / MB).toFixed(1)} MB`);
    } else {
      assert.equal(first.outcome, 'ready', `${name}: ${first.outcome} ${first.status}`);
      assert.equal(first.status, '');
      const warning = first.model.warnings.find((w) => w.kind === 'markup_budget');
      assert.match(warning?.message || '', /^too much markup: from this line on the article is shown as plain text \(\d+ markup elements, over the limit of 196608 for 1048576 bytes\)$/,
        JSON.stringify(first.model.warnings));
      if (firstLine) assert.equal(warning.line, firstLine);
      assert.ok(first.model.blocks.code_block >= 1, 'the rest is one plain-text block');
      console.log(`# ${name}: line ${warning.line}: ${warning.message}; WebAssembly memory ${(first.heap / MB).toFixed(1)} MB`);
    }
    assert.ok(first.heap > 0 && first.heap <= 64 * MB, `the module is alive within 64 MB (${first.heap} bytes)`);

    // The same module instance takes the next article.
    const second = await load(page, article, 'Will Anthropic Open-Source Its Models Like OpenAI?');
    assert.equal(second.outcome, 'ready', second.status);
    assert.deepEqual(second.model.warnings, []);
    assert.deepEqual(errors.filter((e) => !/WebGL|GPU stall/.test(e)), []);
    await context.close();
  });
}
