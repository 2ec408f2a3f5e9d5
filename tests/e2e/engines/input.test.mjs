// Cross-engine: a reader's input, through the engine's own input pipeline (the driver's pointer and keys, not
// dispatched events): a real click on a stage and on a question, the keyboard journey, and select then copy with
// Ctrl+C and Ctrl+A, whose copy event carries the canvas's selection as text/plain and text/html in every engine.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINE, launchEngine, withPage, widgetReady, settled } from '../engines.mjs';
import { startServer, DIST } from '../harness.mjs';

const SENTENCE = 'The exact sentence to copy lives here.';
const SELECT_PAGE = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Select</title><link rel="icon" href="data:,">' +
  '<script src="/article-widget.js" defer></script></head><body style="margin:20px;font:18px/1.5 serif;color:#111;background:#fff">' +
  '<article-widget id="sel" style="width:600px"><script type="text/markdown">\n# Selecting\n\n' +
  'Alpha paragraph stands first.\n\n' + SENTENCE + '\n\nOmega **paragraph** closes.\n</script></article-widget></body></html>';
let server, browser;
before(async () => {
  server = await startServer(DIST, { '/select.html': { type: 'text/html; charset=utf-8', body: SELECT_PAGE } }, {}, { probe: true });
  browser = await launchEngine();
});
after(async () => { await browser?.close(); await server?.close(); });

const withDemo = (path, selector, fn, size = {}) => withPage(browser, server.url + path, selector, fn, size);

const events = (page, type) => page.evaluate((t) => window.__awProbe.events.filter((e) => e.type === t).map((e) => e.detail), type);

// Scrolls so that the element's item at layout rectangle `rect` stands 200 px from the top; returns its centre in the viewport.
async function bringIntoView(page, selector, rect) {
  const top = await page.evaluate(([sel, y]) => {
    const el = document.querySelector(sel);
    window.scrollTo(0, window.scrollY + el.getBoundingClientRect().top + y - 200);
    const r = el.getBoundingClientRect();
    return { left: r.left, top: r.top };
  }, [selector, rect.y]);
  await settled(page, selector);
  return { x: top.left + rect.x + rect.width / 2, y: top.top + rect.y + rect.height / 2 };
}

test(`${ENGINE}: a real click selects a stage and opens a question`, { timeout: 120000 }, async () => {
  await withDemo('index.html', '#article', async (page) => {
    const layout = await page.evaluate(() => document.getElementById('article').getLayout());
    const stage = await bringIntoView(page, '#article', layout.stages[2]);
    await page.mouse.click(stage.x, stage.y);
    await page.waitFor(() => document.getElementById('article').getState().stage === 2, null, { timeout: 5000, message: 'stage 3 selected' });
    assert.deepEqual(await events(page, 'stagechange'), [{ index: 2 }]);
    const faq = await bringIntoView(page, '#article', (await page.evaluate(() => document.getElementById('article').getLayout())).faqs[1]);
    await page.mouse.click(faq.x, faq.y);
    await page.waitFor(() => document.getElementById('article').getState().openFaqs.includes(1), null, { timeout: 5000, message: 'question 2 open' });
    assert.deepEqual(await events(page, 'faqtoggle'), [{ index: 1, open: true }]);
    const expanded = await page.evaluate(() => document.getElementById('article').shadowRoot.querySelector('[data-focus="faq:1"]').getAttribute('aria-expanded'));
    assert.equal(expanded, 'true', 'the mirror follows the canvas');
    assert.deepEqual(await page.errors(), []);
  });
});

test(`${ENGINE}: keyboard only: Tab to the timeline, arrows choose the stage, Tab to a question, Enter opens it`, { timeout: 120000 }, async () => {
  await withDemo('index.html', '#article', async (page) => {
    const focused = () => page.evaluate(() => document.getElementById('article').shadowRoot.activeElement?.dataset.focus || '');
    let focus = '';
    for (let i = 0; i < 40 && focus !== 'timeline'; i++) {   // the page's links, then the article's, then the timeline
      await page.keyboard.press('Tab');
      focus = await focused();
    }
    assert.equal(focus, 'timeline', 'Tab reaches the timeline');
    await page.keyboard.press('ArrowRight');
    await page.waitFor(() => document.getElementById('article').getState().stage === 1, null, { timeout: 5000, message: 'stage 2' });
    await page.keyboard.press('End');
    await page.waitFor(() => document.getElementById('article').getState().stage === 2, null, { timeout: 5000, message: 'the last stage' });
    assert.deepEqual(await events(page, 'stagechange'), [{ index: 1 }, { index: 2 }]);
    for (let i = 0; i < 12 && focus !== 'faq:0'; i++) {
      await page.keyboard.press('Tab');
      focus = await focused();
    }
    assert.equal(focus, 'faq:0', 'Tab reaches the first question');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitFor(() => document.getElementById('article').getState().openFaqs.includes(1), null, { timeout: 5000, message: 'question 2 open' });
    await settled(page, '#article');
    const visible = await page.evaluate(() => {
      const el = document.getElementById('article');
      const top = el.getBoundingClientRect().top + el.getLayout().faqs[1].y;
      return top >= 0 && top < innerHeight;
    });
    assert.ok(visible, 'the focused question is scrolled into view');
    assert.deepEqual(await page.errors(), []);
  });
});

// Ctrl+C with the canvas focused; what the copy event carried (read by a listener after the widget's own).
async function copyWithKeys(page) {
  await page.evaluate(() => {
    window.__copied = null;
    window.addEventListener('copy', (e) => {
      window.__copied = { text: e.clipboardData.getData('text/plain'), html: e.clipboardData.getData('text/html'), prevented: e.defaultPrevented };
    }, { once: true });
  });
  await page.keyboard.press('Control+c');
  return page.waitFor(() => window.__copied, null, { timeout: 5000, message: 'a copy event' });
}

test(`${ENGINE}: drag-select then Ctrl+C copies the sentence as text and HTML; Ctrl+A then Ctrl+C copies the article`, { timeout: 120000 }, async () => {
  await withDemo('select.html', '#sel', async (page) => {
    // The sentence's block on the canvas (the core's own geometry), and where the column starts.
    const where = await page.evaluate(() => {
      const el = document.getElementById('sel');
      const blocks = JSON.parse(el._query('blocks'));
      const r = el.getBoundingClientRect();
      return { left: r.left + el.getLayout().title.x, top: r.top, block: blocks[blocks.length - 2] };
    });
    const y = where.top + where.block[0] + where.block[1] / 2;
    await page.mouse.move(where.left + 1, y);
    await page.mouse.down();
    await page.mouse.move(where.left + 200, y);
    await page.mouse.move(where.left + 590, y);   // past the line's end
    await page.sleep(150);                         // a reader's hand rests before it lets go: the move is drawn first
    await page.mouse.up();
    const copied = await copyWithKeys(page);
    assert.equal(copied.text, SENTENCE);
    assert.equal(copied.html, `<p>${SENTENCE}</p>`);
    assert.equal(copied.prevented, true, 'the widget supplied the data');
    await page.keyboard.press('Control+a');
    const all = await copyWithKeys(page);
    assert.match(all.text, /^Alpha paragraph stands first\.\n\n/);   // the title is not selectable on the canvas yet
    assert.match(all.text, /Omega paragraph closes\.$/);
    assert.match(all.html, /<strong>paragraph<\/strong>/);
    assert.deepEqual(await page.errors(), []);
  });
});

test(`${ENGINE}: a click on the drawn filter box keeps the focus there, and typing filters the questions`, { timeout: 120000 }, async () => {
  await withDemo('index.html', '#article', async (page) => {
    const filter = await bringIntoView(page, '#article', (await page.evaluate(() => document.getElementById('article').getLayout())).filter);
    await page.mouse.click(filter.x, filter.y);
    await page.sleep(200);
    assert.equal(await page.evaluate(() => document.getElementById('article').shadowRoot.activeElement?.dataset.focus || ''), 'filter', 'the filter has the focus');
    await page.keyboard.type('datasets');
    await page.waitFor(() => document.getElementById('article').getState().filter === 'datasets', null, { timeout: 5000, message: 'the filter holds what was typed' });
    const shown = await page.evaluate(() => document.getElementById('article').getLayout().faqs.map((r) => r.height > 0));
    assert.deepEqual(shown, [false, true, false, false, false], 'only the matching question shows');
    assert.deepEqual(await page.errors(), []);
  });
});
