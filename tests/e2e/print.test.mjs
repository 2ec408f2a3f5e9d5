// Printing (and saving as PDF) gives the whole article on paper: the timeline as an ordered list with every
// stage, every FAQ answer expanded, links with their URLs; the canvas and the controls are not printed.
// The PDF comes from headless Chromium (page.pdf); its text from poppler's pdftotext.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startServer, launchBrowser, openPage, waitReady, SHOTS, DIST } from './harness.mjs';

const run = promisify(execFile);
const LINKED = '# Links on paper\n\nRead [the policy](https://example.org/policy) and [write to us](mailto:team@example.org); ' +
  'see also [the questions](#faq).\n\n<!-- article-widget:timeline -->\n1. **First** – it starts.\n2. **Second** – it goes on.\n\n' +
  '## FAQ\n\n### Is it printed?\n\nEvery answer is.\n\n### Even the closed ones?\n\nYes, open on paper.\n';
let server, browser;
before(async () => {
  server = await startServer(DIST, { '/linked.md': { status: 200, body: LINKED, type: 'text/markdown' } });
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); await server?.close(); });

// Prints the page to build/screenshots/NAME.pdf; returns its text (whitespace collapsed), page and image counts.
async function printed(page, name) {
  await mkdir(SHOTS, { recursive: true });
  const pdf = join(SHOTS, `${name}.pdf`);
  await writeFile(pdf, await page.pdf({ format: 'A4', printBackground: true }));
  const { stdout: text } = await run('pdftotext', ['-enc', 'UTF-8', pdf, '-']);
  const { stdout: info } = await run('pdfinfo', [pdf]);
  const { stdout: images } = await run('pdfimages', ['-list', pdf]);
  return { pdf, text: text.replace(/\s+/g, ' '), pages: Number(/Pages:\s+(\d+)/.exec(info)[1]), images: images.trim().split('\n').length - 2 };
}
const norm = (s) => s.replace(/\s+/g, ' ').trim();

test('the demo page prints every stage and every question with its answer, and no canvas or controls', { timeout: 90000 }, async () => {
  const { page, context, errors } = await openPage(browser, server.url + 'index.html');
  await waitReady(page);
  const model = await page.evaluate(() => document.getElementById('article').getModel());
  // The reader had a question open and a filter typed: the paper still has everything.
  await page.evaluate(() => { const el = document.getElementById('article'); el.setState({ openFaqs: [1], filter: 'datasets' }); });
  const { text, pages, images, pdf } = await printed(page, 'web-print');
  assert.match(text, new RegExp(norm(model.title).replace(/[?]/g, '\\?')));
  for (const stage of model.timeline.stages) {
    assert.ok(text.includes(norm(stage.title)), `stage "${stage.title}" is printed`);
    assert.ok(text.includes(norm(stage.summary).slice(0, 40)), `its summary is printed`);
  }
  for (const faq of model.faqs) {
    assert.ok(text.includes(norm(faq.question)), `question "${faq.question}" is printed`);
    assert.ok(text.includes(norm(faq.answer_text).slice(0, 40)), `its answer is printed ("${faq.answer_text.slice(0, 40)}")`);
  }
  // The timeline is an ordered list: its stages are numbered on paper.
  const numbered = model.timeline.stages.map((s, i) => text.indexOf(`${i + 1}. ${norm(s.title)}`));
  assert.ok(numbered.every((at) => at >= 0), `stages numbered 1., 2., 3. (${numbered})`);
  for (const control of ['Filter questions', 'Expand all', 'Collapse all', 'Previous stage', 'Next stage', 'Text view']) {
    assert.ok(!text.includes(control), `the control "${control}" is not printed`);
  }
  assert.equal(images, 0, 'no canvas (no image) in the PDF');
  assert.ok(pages >= 3 && pages <= 12, `${pages} pages`);
  console.log(`printed ${pdf}: ${pages} pages`);
  // The screen is as it was.
  const after = await page.evaluate(() => document.getElementById('article').getState());
  assert.deepEqual([after.openFaqs, after.filter], [[1], 'datasets']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('links print with their URLs; in-article anchors without', { timeout: 60000 }, async () => {
  const { page, context } = await openPage(browser, server.url + 'index.html');
  await page.evaluate((url) => { document.getElementById('article').setAttribute('src', url); }, server.url + 'linked.md');
  await page.waitForFunction(() => document.getElementById('article').getModel()?.title === 'Links on paper', null, { timeout: 20000 });
  await waitReady(page);
  const { text } = await printed(page, 'web-print-links');
  assert.ok(text.includes('the policy (https://example.org/policy)'), text.slice(0, 400));
  assert.ok(text.includes('write to us (mailto:team@example.org)'));
  assert.ok(text.includes('the questions;') || text.includes('the questions.') || /the questions(?! \()/.test(text), 'an anchor link prints as text');
  assert.ok(!text.includes('(#faq)'));
  assert.ok(text.includes('Yes, open on paper.'), 'a closed answer is printed');
  await context.close();
});
