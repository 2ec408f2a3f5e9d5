// Without WebGL (a blocklisted GPU, a remote desktop) the element shows its interactive HTML view: no
// error banner, the timeline as buttons, the FAQ as a working accordion with its filter, and a one-line note.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openPage, waitReady, saveShot } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

// The page refuses WebGL before any script of its own runs, as a browser without it would.
async function pageWithoutWebGL(viewport) {
  const { page, context, errors } = await openPage(browser, null, viewport);
  await page.addInitScript(() => {
    const getContext = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
      if (/webgl/i.test(type)) return null;
      return getContext.call(this, type, ...rest);
    };
    window.__events = [];
    for (const type of ['stagechange', 'faqtoggle', 'articleerror', 'ready'])
      document.addEventListener(type, (e) => window.__events.push({ type, detail: e.detail }));
  });
  await page.goto(server.url + 'index.html');
  return { page, context, errors };
}

const inShadow = (page, fn, arg) => page.evaluate(([source, a]) => {
  const root = document.getElementById('article').shadowRoot;
  return new Function('root', 'arg', `return (${source})(root, arg);`)(root, a);   // eslint-disable-line no-new-func
}, [fn.toString(), arg]);

test('without WebGL: the interactive HTML view, no error banner, ready resolves', { timeout: 60000 }, async () => {
  const { page, context, errors } = await pageWithoutWebGL();
  await waitReady(page);
  const view = await inShadow(page, (root) => ({
    status: root.querySelector('.status').textContent,
    banner: !!root.querySelector('.status.error'),
    note: root.querySelector('.note').hidden ? '' : root.querySelector('.note').textContent,
    mirrorHeight: root.querySelector('.mirror').getBoundingClientRect().height,
    canvasHeight: root.querySelector('canvas').getBoundingClientRect().height,
    textButton: !root.querySelector('.textview').hidden,
    title: root.querySelector('.mirror h1')?.getBoundingClientRect().height,
  }));
  assert.equal(view.banner, false, 'no error banner');
  assert.equal(view.status, '');
  assert.match(view.note, /WebGL/, 'one line says the drawn view is unavailable');
  assert.ok(view.mirrorHeight > 2000, `the article is visible as HTML (${view.mirrorHeight} px)`);
  assert.ok(view.title > 0, 'the title is visible');
  assert.equal(view.canvasHeight, 0, 'no canvas is shown');
  assert.equal(view.textButton, false, 'no Text view switch: there is no drawn view to go back to');
  assert.equal(await page.evaluate(() => document.getElementById('article').getLayout()), null, 'nothing is laid out: nothing is drawn');
  await saveShot(page, 'web-no-webgl.png');
  assert.deepEqual(errors, [], 'no console errors');
  await context.close();
});

test('without WebGL: the timeline buttons select stages, the FAQ opens, the filter narrows it', { timeout: 60000 }, async () => {
  const { page, context, errors } = await pageWithoutWebGL();
  await waitReady(page);
  // Stage buttons: a click selects the stage and shows its card.
  const stage2 = page.locator('article-widget .aw-stage-button', { hasText: 'Measured Openness' });
  await stage2.click();
  assert.equal(await stage2.getAttribute('aria-current'), 'step');
  assert.equal(await page.evaluate(() => document.getElementById('article').getState().stage), 1);
  const summaryShown = await inShadow(page, (root) => [...root.querySelectorAll('.aw-stage')].map((li) => {
    const summary = li.querySelector('.aw-stage-summary');
    return summary ? summary.getBoundingClientRect().height > 0 : null;
  }));
  assert.deepEqual(summaryShown, [false, true, false], 'only the selected stage shows its summary');
  await page.locator('article-widget button', { hasText: 'Next stage' }).click();
  assert.equal(await page.evaluate(() => document.getElementById('article').getState().stage), 2);
  // The accordion: a click on a question opens its answer.
  const question = page.locator('article-widget .aw-faq-question button').nth(1);
  await question.scrollIntoViewIfNeeded();
  await question.click();
  assert.equal(await question.getAttribute('aria-expanded'), 'true');
  const answerVisible = await inShadow(page, (root) => root.querySelectorAll('.aw-faq-answer')[1].getBoundingClientRect().height > 0);
  assert.ok(answerVisible, 'the answer is shown');
  await question.click();
  assert.equal(await question.getAttribute('aria-expanded'), 'false');
  // Keyboard: Down moves to the next question, Enter opens it.
  await question.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  assert.deepEqual((await page.evaluate(() => document.getElementById('article').getState())).openFaqs, [2]);
  // The filter.
  const filter = page.locator('article-widget input[type="search"]');
  await filter.fill('datasets');
  const visible = await inShadow(page, (root) => [...root.querySelectorAll('.aw-faq-question')].map((q) => q.getBoundingClientRect().height > 0));
  assert.deepEqual(visible, [false, true, false, false, false]);
  const events = await page.evaluate(() => window.__events);
  assert.deepEqual(events.filter((e) => e.type === 'stagechange').map((e) => e.detail.index), [1, 2]);
  assert.deepEqual(events.filter((e) => e.type === 'faqtoggle').map((e) => e.detail), [{ index: 1, open: true }, { index: 1, open: false }, { index: 2, open: true }]);
  assert.deepEqual(events.filter((e) => e.type === 'articleerror'), []);
  // Anchors and the ids of stages and questions still lead somewhere: scrolled into view, selected or opened.
  await page.evaluate(() => window.scrollTo(0, 0));
  await filter.fill('');
  assert.equal(await page.evaluate(() => document.getElementById('article').scrollToAnchor('#aw-stage-2')), true);
  assert.equal(await page.evaluate(() => document.getElementById('article').getState().stage), 1);
  const top = await inShadow(page, (root) => root.querySelectorAll('.aw-stage')[1].getBoundingClientRect().top);
  assert.ok(top > -1 && top < 100, `the stage stands at the top of the window (${top}; a fraction of a pixel above is subpixel layout)`);
  const model = await page.evaluate(() => document.getElementById('article').getModel());
  assert.equal(await page.evaluate((id) => document.getElementById('article').scrollToAnchor(id), 'aw-faq-' + model.faqs[3].id), true);
  assert.ok((await page.evaluate(() => document.getElementById('article').getState())).openFaqs.includes(3));
  const inView = await inShadow(page, (root) => { const r = root.querySelectorAll('.aw-faq-question')[3].getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; });
  assert.ok(inView, 'the question is in view');
  await page.setViewportSize({ width: 1100, height: 900 });
  await saveShot(page, 'web-no-webgl-faq.png');
  assert.deepEqual(errors, []);
  await context.close();
});
