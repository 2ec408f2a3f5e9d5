// Selecting, copying and finding text on the canvas in Chromium: a drag then Ctrl+C puts the exact sentence on the
// clipboard (as text/plain and text/html), a double-click selects a word, a triple-click a paragraph, Ctrl+A the
// article, the highlight changes the pixels it covers, and the browser's find (through a text fragment, which scrolls
// a match into view as find does) scrolls the page to the match and highlights it on the canvas.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { PNG } from 'pngjs';
import { startServer, launchBrowser, openPage, waitReady, saveShot } from './harness.mjs';

const SENTENCE = 'The exact sentence to copy lives here.';
const PAGE = '<!doctype html><html lang="en"><head><title>Select</title><link rel="icon" href="data:,">' +
  '<script src="article-widget.js" defer></script></head><body style="margin:20px;font:18px/1.5 serif;color:#111;background:#fff">' +
  '<article-widget id="sel" style="width:600px"><script type="text/markdown">\n# Selecting\n\n' +
  'Alpha paragraph stands first.\n\n' + SENTENCE + '\n\nOmega **paragraph** closes.\n</script></article-widget></body></html>';

// Find, whole and exact: a phrase that also begins an earlier line (a list item), one across a style change and the
// canvas's line breaks (the element is narrow), and a symmetric one (centred on its middle word).
const FILLER = Array.from({ length: 8 }, (_, i) => `Filler paragraph ${i + 1} walks past the fields, the river and the mill.`).join('\n\n');
const FIND_PAGE = '<!doctype html><html lang="en"><head><title>Find</title><link rel="icon" href="data:,">' +
  '<script src="article-widget.js" defer></script></head><body style="margin:20px;font:18px/1.5 serif;color:#111;background:#fff">' +
  '<article-widget id="sel" style="width:320px"><script type="text/markdown">\n# Finding\n\n' +
  '- Breakfast is served on the terrace.\n- Dinner is at eight.\n\n' + FILLER + '\n\n' +
  'The day began slowly. Breakfast arrived at seven, with bread and *coffee on the side as always, while the harbour* woke.\n\n' +
  'The two old mills stood side by side along the river, older than the town.\n\n' +
  FILLER + '\n</script></article-widget></body></html>';

let server, browser;
before(async () => {
  server = await startServer(undefined, { '/select.html': { status: 200, type: 'text/html', body: PAGE },
    '/find.html': { status: 200, type: 'text/html', body: FIND_PAGE } });
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); await server?.close(); });

// The lines of text on the element's canvas, top to bottom, as page coordinates: rows with dark ink grouped into bands.
async function textLines(page) {
  const box = await page.locator('#sel').boundingBox();
  const png = PNG.sync.read(await page.screenshot({ clip: { x: box.x, y: box.y, width: 600, height: Math.min(box.height, 800) } }));
  const inked = [];
  for (let y = 0; y < png.height; y++) {
    let first = -1;
    for (let x = 0; x < png.width; x++) {
      const i = (y * png.width + x) * 4;
      if (0.2126 * png.data[i] + 0.7152 * png.data[i + 1] + 0.0722 * png.data[i + 2] < 100) { first = x; break; }
    }
    inked.push(first);
  }
  const bands = [];
  for (let y = 0; y < inked.length; y++) {
    if (inked[y] < 0) continue;
    const last = bands[bands.length - 1];
    if (last && y - last.bottom <= 3) { last.bottom = y; last.left = Math.min(last.left, inked[y]); } else bands.push({ top: y, bottom: y, left: inked[y] });
  }
  return bands.filter((b) => b.bottom - b.top >= 8).map((b) => ({ x: box.x + b.left, y: box.y + (b.top + b.bottom) / 2, top: box.y + b.top, bottom: box.y + b.bottom }));
}

// What the widget's core holds selected, as plain text.
function selectedText(page, selector) {
  return page.evaluate((sel) => { const el = document.querySelector(sel); return JSON.parse(el._query('selectionText')).text; }, selector);
}

// Ctrl+C on the focused canvas; what the copy event put on the clipboard.
async function copy(page) {
  await page.evaluate(() => {
    window.copied = null;
    document.addEventListener('copy', (e) => { window.copied = { text: e.clipboardData.getData('text/plain'), html: e.clipboardData.getData('text/html') }; }, { once: true });
  });
  await page.keyboard.press('Control+C');
  return page.evaluate(() => window.copied);
}

test('drag-select then Ctrl+C copies the exact sentence, as text and HTML; the highlight is drawn', async () => {
  const { page, context, errors } = await openPage(browser, server.url + 'select.html');
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await waitReady(page, '#sel');
  const lines = await textLines(page);
  assert.ok(lines.length >= 4, `title and three paragraphs drawn, found ${lines.length} lines`);
  const [alpha, sentence, omega] = lines.slice(-3);
  assert.ok(alpha.y < sentence.y && sentence.y < omega.y);
  const region = { x: sentence.x, y: sentence.top - 4, width: 560, height: sentence.bottom - sentence.top + 8 };
  const beforeShot = await page.screenshot({ clip: region });
  await page.mouse.move(sentence.x + 1, sentence.y);
  await page.mouse.down();
  await page.mouse.move(sentence.x + 200, sentence.y, { steps: 4 });
  await page.mouse.move(sentence.x + 580, sentence.y, { steps: 4 });   // past the line's end
  await page.mouse.up();
  const copied = await copy(page);
  assert.ok(copied, 'a copy event with data');
  assert.equal(copied.text, SENTENCE);
  assert.equal(copied.html, `<p>${SENTENCE}</p>`);
  const clipboard = await page.evaluate(() => navigator.clipboard.readText().catch((e) => 'unreadable: ' + e.message));
  assert.equal(clipboard, SENTENCE, 'the system clipboard holds it too');
  // The highlight: the selected line's pixels changed, in a blue of the system's Highlight colour.
  const afterShot = PNG.sync.read(await page.screenshot({ clip: region }));
  const beforePng = PNG.sync.read(beforeShot);
  let changed = 0, bluish = 0;
  for (let i = 0; i < afterShot.data.length; i += 4) {
    if (Math.abs(afterShot.data[i] - beforePng.data[i]) + Math.abs(afterShot.data[i + 2] - beforePng.data[i + 2]) > 30) changed++;
    if (afterShot.data[i + 2] > afterShot.data[i] + 40) bluish++;
  }
  assert.ok(changed > afterShot.data.length / 4 / 3, `the highlight covers the line (${changed} pixels changed)`);
  assert.ok(bluish > afterShot.data.length / 4 / 3, 'in the selection colour');
  await saveShot(page, 'web-selection-drag.png', '#sel');
  // A drag across two paragraphs copies both, a blank line between; the bold stays bold in the HTML.
  await page.mouse.move(sentence.x + 1, sentence.y);
  await page.mouse.down();
  await page.mouse.move(omega.x + 580, omega.y, { steps: 6 });
  await page.mouse.up();
  const both = await copy(page);
  assert.equal(both.text, `${SENTENCE}\n\nOmega paragraph closes.`);
  assert.equal(both.html, `<p>${SENTENCE}</p><p>Omega <strong>paragraph</strong> closes.</p>`);
  // Escape clears: Ctrl+C then leaves the clipboard to the page.
  await page.keyboard.press('Escape');
  assert.equal(await selectedText(page, '#sel'), '');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a double-click selects a word, a triple-click the paragraph, Ctrl+A the article and not the page', async () => {
  const { page, context, errors } = await openPage(browser, server.url + 'select.html');
  await waitReady(page, '#sel');
  const [alpha, sentence, omega] = (await textLines(page)).slice(-3);
  await page.mouse.dblclick(sentence.x + 4, sentence.y);
  assert.equal((await copy(page)).text, 'The');
  await page.waitForTimeout(600);   // a new gesture, not a third click of the double-click
  await page.mouse.click(sentence.x + 4, sentence.y, { clickCount: 3 });
  assert.equal((await copy(page)).text, SENTENCE);
  await saveShot(page, 'web-selection-triple.png', '#sel');
  // A click elsewhere (past the article's text) clears the selection.
  await page.waitForTimeout(600);
  await page.mouse.click(omega.x + 5, omega.y + 60);
  assert.equal((await copy(page))?.text || '', '', 'nothing copied from the canvas');
  await page.waitForTimeout(600);
  await page.mouse.click(alpha.x + 4, alpha.y);
  await page.keyboard.press('Control+A');
  const all = await copy(page);
  assert.equal(all.text, `Alpha paragraph stands first.\n\n${SENTENCE}\n\nOmega paragraph closes.`);
  assert.equal(await page.evaluate(() => String(document.getSelection())), '', 'the page itself is not selected');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a long touch press selects a word; a short tap does not', async () => {
  const { page, context, errors } = await openPage(browser, null, { width: 390, height: 800 });
  await page.goto(server.url + 'select.html');
  await waitReady(page, '#sel');
  const [, sentence] = (await textLines(page)).slice(-3);
  const touch = (type, x, y) => page.evaluate(([t, px, py]) => {
    const c = document.querySelector('#sel').shadowRoot.querySelector('canvas');
    c.dispatchEvent(new PointerEvent(t, { pointerId: 7, pointerType: 'touch', isPrimary: true, clientX: px, clientY: py, button: 0, buttons: t === 'pointerup' ? 0 : 1, bubbles: true }));
  }, [type, x, y]);
  const selected = () => selectedText(page, '#sel');
  await touch('pointerdown', sentence.x + 60, sentence.y);
  await page.waitForTimeout(150);
  await touch('pointerup', sentence.x + 60, sentence.y);
  await page.waitForTimeout(600);
  assert.equal(await selected(), '', 'a tap selects nothing');
  await touch('pointerdown', sentence.x + 60, sentence.y);
  await page.waitForTimeout(700);
  await touch('pointerup', sentence.x + 60, sentence.y);
  assert.equal(await selected(), 'exact');
  assert.deepEqual(errors, []);
  await context.close();
});

test('find in page: a phrase of the last section is revealed on the canvas, scrolled into view and highlighted', async () => {
  const { page, context, errors } = await openPage(browser, server.url + 'index.html', { width: 1100, height: 800 });
  await waitReady(page, '#article');
  const phrase = 'delivering useful AI assistants';   // once in the article, in its last section (the Conclusion)
  const scrolledBefore = await page.evaluate(() => window.scrollY);
  const beforePng = PNG.sync.read(await page.screenshot());
  // A text fragment runs the browser's find over the page and scrolls the match into view, as Ctrl+F's find bar does
  // (headless Chromium has no find bar to script).
  await page.goto(server.url + 'index.html#:~:text=' + encodeURIComponent(phrase));
  await page.waitForFunction(() => window.scrollY > 1000, null, { timeout: 5000 });
  await page.waitForTimeout(300);
  const state = await page.evaluate(() => {
    const el = document.querySelector('#article');
    return { scrollY: window.scrollY, elementTop: el.getBoundingClientRect().top + window.scrollY,
      selected: JSON.parse(el._query('selectionText')).text };
  });
  assert.ok(state.scrollY > scrolledBefore + 1000, `the page scrolled down to the match (${state.scrollY})`);
  assert.ok(phrase.includes(state.selected) && state.selected.length >= 3, `a word of the phrase is selected: "${state.selected}"`);
  const shot = await saveShot(page, 'web-find.png');
  // The highlight is on screen: bluish pixels that the page at the top did not have.
  let bluish = 0, bluishBefore = 0;
  for (let i = 0; i < shot.png.data.length; i += 4) {
    if (shot.png.data[i + 2] > shot.png.data[i] + 60 && shot.png.data[i + 1] > 100) bluish++;
    if (beforePng.data[i + 2] > beforePng.data[i] + 60 && beforePng.data[i + 1] > 100) bluishBefore++;
  }
  assert.ok(bluish > 200, `the match is highlighted on the canvas (${bluish} highlight pixels)`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('find in page: a phrase in a closed FAQ answer opens that question on the canvas and scrolls to it', async () => {
  const { page, context, errors } = await openPage(browser, server.url + 'index.html', { width: 1100, height: 800 });
  await waitReady(page, '#article');
  assert.deepEqual((await page.evaluate(() => document.querySelector('#article').getState())).openFaqs, []);
  // The second question's answer, closed: hidden="until-found" in the mirror, so the browser's find reaches it.
  await page.goto(server.url + 'index.html#:~:text=' + encodeURIComponent('plan to release AI safety frameworks'));
  await page.waitForFunction(() => document.querySelector('#article').getState().openFaqs.includes(1), null, { timeout: 5000 });
  await page.waitForTimeout(400);
  const { scrollY, question } = await page.evaluate(() => {
    const el = document.querySelector('#article');
    return { scrollY: window.scrollY, question: el.getLayout().faqs[1].y + el.getBoundingClientRect().top + window.scrollY };
  });
  assert.ok(Math.abs(question - scrollY) < 800, `the question is in view (page at ${scrollY}, question at ${question})`);
  await saveShot(page, 'web-find-faq.png');
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [phrase, what] of [['Breakfast arrived at seven', 'that also begins an earlier list item'],
  ['bread and coffee on the side as always, while the harbour', 'across a style change and the canvas\'s line breaks'],
  ['side by side', 'that reads the same from its middle word outwards']]) {
  test(`find in page: the whole phrase ${what} is selected on the canvas, at its own occurrence`, async () => {
    const { page, context, errors } = await openPage(browser, server.url + 'find.html', { width: 1000, height: 700 });
    await waitReady(page, '#sel');
    await page.goto(server.url + 'find.html#:~:text=' + encodeURIComponent(phrase));
    const selected = () => page.evaluate(() => JSON.parse(document.querySelector('#sel')._query('selectionText')).text);
    await page.waitForFunction(() => JSON.parse(document.querySelector('#sel')._query('selectionText')).text.length > 0, null, { timeout: 5000 })
      .catch(() => {});
    assert.equal(await selected(), phrase, 'the canvas selects the whole matched phrase');
    // The paragraph wraps on the 320 px canvas, so the longer phrase (57 characters) crosses a line break.
    const lines = await page.evaluate(() => JSON.parse(document.querySelector('#sel')._query('lines')));
    assert.ok(lines.some((b) => b.lines.length > 1 && b.lines.join(' ').includes('Breakfast arrived')), 'the paragraph wraps on the canvas');
    assert.deepEqual(errors, []);
    await context.close();
  });
}
