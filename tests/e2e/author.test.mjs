// The authoring page (author.html): the preview follows the editor (debounced, keeping its state and the page's
// scroll), the panel lists what the core found, a bad config is shown with its JSON path, the work survives a
// reload, the page is keyboard-usable and axe-clean under its strict CSP, and it looks right on a desktop and a phone.
// The outputs (offline page, embed code) are tested in author-outputs.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer, launchBrowser, saveShot, pixelVariance, ROOT, DIST } from './harness.mjs';
import { openAuthor, setMarkdown, previewModel } from './author-harness.mjs';

const NO_FAQ = '# Field guide\n\nA short article about birds.\n\n<!-- article-widget:timeline -->\n1. **Egg** – it starts here.\n2. **Chick** – it grows.\n3. **Bird** – it flies.\n\n## Where to look\n\nIn the trees.\n';
let server, browser;
before(async () => {
  server = await startServer(DIST);
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); await server?.close(); });

test('typing a new "## FAQ" section makes its question appear in the preview and in the panel, keeping the preview\'s state', { timeout: 90000 }, async () => {
  const { page, context, errors, violations } = await openAuthor(browser, server.url);
  await setMarkdown(page, NO_FAQ);
  assert.equal((await previewModel(page)).faqs.length, 0);
  assert.equal(await page.locator('#questions li').count(), 0);
  assert.ok(await page.locator('#questions-none').isVisible(), 'the panel says there is no FAQ');
  // State the reader made in the preview: stage 2 selected.
  assert.equal(await page.evaluate(() => document.getElementById('preview').selectStage(1)), true);
  await page.evaluate(() => {
    window.__loads = 0;
    document.getElementById('preview').addEventListener('ready', () => window.__loads++);
  });
  // Typed at the end of the text, a key at a time.
  await page.focus('#markdown');
  await page.keyboard.press('Control+End');
  const typed = '\n## FAQ\n\n### Does the preview follow the editor?\n\nYes, as you type.\n';
  await page.keyboard.type(typed, { delay: 15 });
  await page.waitForFunction(() => document.getElementById('preview').getModel()?.faqs.length === 1, null, { timeout: 15000 });
  await page.waitForFunction(() => document.querySelectorAll('#questions li').length === 1, null, { timeout: 5000 });
  assert.equal((await page.locator('#questions button').innerText()).trim(), 'Does the preview follow the editor?');
  assert.equal(await page.locator('#questions-count').innerText(), '1');
  const preview = await page.evaluate(() => {
    const el = document.getElementById('preview');
    return { state: el.getState(), layout: el.getLayout(), markdown: el.markdown,
      mirror: el.shadowRoot.querySelector('.mirror button[data-faq="0"]')?.textContent };
  });
  assert.equal(preview.markdown, NO_FAQ + typed, 'the preview shows what was typed');
  assert.equal(preview.mirror, 'Does the preview follow the editor?', 'the question is in the widget');
  assert.equal(preview.layout.faqs.length, 1, 'the canvas lays out the new question');
  assert.equal(preview.state.stage, 1, 'the selected stage survived the reloads');
  const loads = await page.evaluate(() => window.__loads);
  assert.ok(loads >= 1 && loads <= 4, `the preview reloads after typing pauses, not per key (${loads} loads for ${typed.length} keys)`);
  // The panel's question scrolls the preview to it and opens it.
  await page.click('#questions button');
  await page.waitForFunction(() => document.getElementById('preview').getState().openFaqs.includes(0), null, { timeout: 5000 });
  const onScreen = await page.evaluate(() => {
    const el = document.getElementById('preview');
    const top = el.getBoundingClientRect().top + el.getLayout().faqs[0].y;
    return top >= 0 && top < window.innerHeight;
  });
  assert.ok(onScreen, 'the question is on screen');
  await page.waitForTimeout(300);
  const shot = await saveShot(page, 'author-faq-typed.png', '#preview');
  assert.ok(pixelVariance(shot.png) > 100, 'the preview is drawn');
  assert.deepEqual(await violations(), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a reload keeps the page scrolled where it was in the preview', { timeout: 60000 }, async () => {
  const { page, context } = await openAuthor(browser, server.url);
  await page.evaluate(() => window.scrollTo(0, 1500));
  await page.waitForTimeout(200);
  const before = await page.evaluate(() => window.scrollY);
  assert.ok(before > 1000, 'the page scrolled into the article');
  await page.focus('#markdown');
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\nOne more line.\n', { delay: 10 });
  await page.waitForFunction(() => document.getElementById('preview').markdown.endsWith('One more line.\n'), null, { timeout: 15000 });
  await page.waitForTimeout(200);
  assert.ok(Math.abs((await page.evaluate(() => window.scrollY)) - before) <= 1, 'the scroll position is the same');
  await context.close();
});

test('a bad config shows its JSON path, in the form and in the panel, and the preview keeps the last good one', { timeout: 60000 }, async () => {
  const { page, context, errors } = await openAuthor(browser, server.url);
  // Through the form: an accent that is not a colour.
  await page.fill('#cfg-accent', '#12');
  await page.waitForFunction(() => document.getElementById('config-error').textContent.startsWith('config /accent:'), null, { timeout: 10000 });
  assert.equal(await page.getAttribute('#cfg-accent', 'aria-invalid'), 'true');
  assert.match(await page.locator('#warnings .config button').innerText(), /config \/accent:/);
  assert.equal(await page.evaluate(() => JSON.parse(document.getElementById('config-json').value).accent), '#12', 'widget.json holds what was typed');
  assert.equal((await previewModel(page)).config.accent, '#1f5fbf', 'the preview keeps the last valid config');
  // In widget.json itself: a marker whose position is not a number.
  await page.fill('#config-json', '{\n  "accent": "#b00020",\n  "timeline": { "markers": [{ "position": "soon", "label": "Now" }] }\n}\n');
  await page.waitForFunction(() => document.getElementById('config-error').textContent.startsWith('config /timeline/markers/0/position:'), null, { timeout: 10000 });
  assert.equal(await page.getAttribute('#marker-0-position', 'aria-invalid'), 'true', 'the form shows the marker it names');
  await page.click('#warnings .config button');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'marker-0-position', 'the panel item leads to the field');
  // Fixed in the form: the config is valid, and the preview takes it.
  await page.fill('#marker-0-position', '1.5');
  await page.waitForFunction(() => document.getElementById('config-error').textContent === '', null, { timeout: 10000 });
  await page.waitForFunction(() => document.getElementById('preview').getModel()?.config.accent === '#b00020', null, { timeout: 15000 });
  const model = await previewModel(page);
  assert.deepEqual(model.timeline.markers, [{ position: 1.5, label: 'Now' }]);
  assert.equal(await page.locator('#warnings .config').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the work is saved in the browser and comes back after a reload', { timeout: 60000 }, async () => {
  const { page, context } = await openAuthor(browser, server.url);
  await setMarkdown(page, NO_FAQ);
  await page.selectOption('#cfg-theme', 'dark');
  await page.waitForFunction(() => document.getElementById('preview').getModel()?.config.theme === 'dark', null, { timeout: 15000 });
  await page.waitForTimeout(500);   // the debounced save
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 30000 });
  assert.equal(await page.inputValue('#markdown'), NO_FAQ);
  assert.equal(await page.inputValue('#cfg-theme'), 'dark');
  assert.equal((await previewModel(page)).title, 'Field guide');
  await context.close();
});

test('keyboard: Tab reaches the editor, the outputs, the panel, the form and the embed code; the panel works with Enter', { timeout: 60000 }, async () => {
  const { page, context } = await openAuthor(browser, server.url);
  const seen = new Set();
  await page.evaluate(() => document.activeElement?.blur());
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => { const a = document.activeElement; return a.id || a.closest('[id]')?.id || a.tagName; });
    seen.add(id);
  }
  for (const id of ['open-file', 'download-html', 'markdown', 'stages', 'questions', 'sections', 'cfg-accent', 'config-json', 'copy-embed']) {
    assert.ok(seen.has(id), `Tab reaches #${id} (reached: ${[...seen].join(' ')})`);
  }
  // A stage in the panel, by keyboard: it is selected in the preview.
  await page.focus('#stages li:nth-child(3) button');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.getElementById('preview').getState().stage === 2, null, { timeout: 5000 });
  await context.close();
});

test('axe-core finds no violations, and the page looks right on a desktop and a phone', { timeout: 90000 }, async () => {
  const axe = await readFile(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  for (const [name, viewport] of [['desktop', { width: 1440, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
    const { page, context, violations } = await openAuthor(browser, server.url, viewport);
    await page.waitForTimeout(500);
    const shot = await saveShot(page, `author-${name}.png`);
    assert.ok(pixelVariance(shot.png) > 100);
    const layout = await page.evaluate(() => {
      const box = (id) => document.getElementById(id).getBoundingClientRect();
      return { editor: box('markdown'), preview: box('preview'), side: box('summary'), width: document.documentElement.scrollWidth };
    });
    assert.ok(layout.width <= viewport.width, `nothing is wider than the screen (${layout.width} px)`);
    if (name === 'desktop') {
      assert.ok(layout.editor.right <= layout.preview.left && layout.preview.right <= layout.side.left, 'editor, preview and panel side by side');
    } else {
      assert.ok(layout.editor.bottom <= layout.preview.top && layout.preview.bottom <= layout.side.top, 'editor, preview and panel stacked');
    }
    await page.evaluate(axe);   // through the debugging protocol: the page's CSP allows no inline script
    const found = await page.evaluate(async () => (await window.axe.run(document)).violations.map((v) => `${v.id}: ${v.nodes.length} (${v.help})`));
    assert.deepEqual(found, [], `axe on author.html at ${name} width`);
    assert.deepEqual(await violations(), [], 'no securitypolicyviolation');
    await context.close();
  }
});

test('the panel lists every warning with its line; a warning selects its line and scrolls the preview to its section', { timeout: 60000 }, async () => {
  const { page, context } = await openAuthor(browser, server.url);
  const filler = Array.from({ length: 30 }, (_, i) => [`Paragraph ${i + 1} of the links section, long enough to need some room on the page.`, '']).flat();
  const lines = ['# Warnings', '', 'A [bad link](javascript:alert(1)) here.', '', '## Links', '', ...filler, '## Images', '',
    '![far](ftp://example.org/x.png)', '', '<div>raw html</div>', '', 'A private character: \u{10FFFD}.', ''];
  const lineOf = (text) => lines.indexOf(text) + 1;
  await setMarkdown(page, lines.join('\n'));
  const items = await page.locator('#warnings li').allInnerTexts();
  const find = (re) => items.find((t) => re.test(t.replace(/\s+/g, ' ')));   // the kind is shown in capitals
  assert.ok(find(new RegExp(`^Link not followed Line 3: `, 'i')), `a link_scheme warning for line 3 (${items.join(' | ')})`);
  assert.ok(find(new RegExp(`^Image not shown Line ${lineOf('![far](ftp://example.org/x.png)')}: `, 'i')), 'an image_source warning with its line');
  assert.ok(find(new RegExp(`^Raw HTML dropped Line ${lineOf('<div>raw html</div>')}: `, 'i')), 'a raw_html warning with its line');
  assert.ok(find(/^Missing glyphs 1 character that no font on this device draws/i), 'the uncovered character');
  assert.equal(await page.locator('#warnings-count').innerText(), String(items.length));
  assert.equal(await page.evaluate(() => window.scrollY), 0);
  await page.click(`#warnings li:has-text("Line ${lineOf('![far](ftp://example.org/x.png)')}") button`);
  const selected = await page.evaluate(() => { const e = document.getElementById('markdown'); return e.value.slice(e.selectionStart, e.selectionEnd); });
  assert.equal(selected, '![far](ftp://example.org/x.png)', 'the line is selected in the editor');
  await page.waitForFunction(() => window.scrollY > 500, null, { timeout: 5000 });
  // The section "Images" is now at the top of the preview: the text around the top of the window is its heading.
  const heading = await page.evaluate(() => {
    const el = document.getElementById('preview');
    const state = el.getState();
    return { scrollY: state.scrollY, height: el.getLayout().contentHeight };
  });
  assert.ok(heading.scrollY > 500 && heading.scrollY < heading.height, `the preview shows the section further down (${JSON.stringify(heading)})`);
  await context.close();
});

test('a Markdown file and its config dropped on the page are opened', { timeout: 60000 }, async () => {
  const { page, context } = await openAuthor(browser, server.url);
  await page.evaluate(() => {
    const files = new DataTransfer();
    files.items.add(new File(['# Dropped\n\nFrom the desktop.\n'], 'dropped.md', { type: 'text/markdown' }));
    files.items.add(new File(['{ "theme": "dark" }\n'], 'widget.json', { type: 'application/json' }));
    for (const type of ['dragenter', 'dragover', 'drop']) document.body.dispatchEvent(new DragEvent(type, { dataTransfer: files, bubbles: true, cancelable: true }));
  });
  await page.waitForFunction(() => document.getElementById('preview').getModel()?.title === 'Dropped', null, { timeout: 15000 });
  assert.equal((await previewModel(page)).config.theme, 'dark');
  assert.equal(await page.inputValue('#cfg-theme'), 'dark');
  assert.match(await page.locator('#file-status').innerText(), /Opened widget\.json, dropped\.md\./);
  assert.ok(await page.locator('#drop-target').isHidden(), 'the drop hint is gone');
  await context.close();
});
