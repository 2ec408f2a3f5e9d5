// Cross-engine: the API, the strict-CSP page, the offline bundle over http and from file://, 20 mounts and unmounts,
// and the HTML view where the browser has no WebGL (two widgets and the multilingual sample too), in each engine.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ENGINE, launchEngine, withPage, widgetReady, settled, canvasShot, luminance } from '../engines.mjs';
import { startServer, DIST, ROOT } from '../harness.mjs';

const MULTILINGUAL = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Multilingual</title><link rel="icon" href="data:,">
  <link rel="stylesheet" href="/demo.css"><script src="/article-widget.js" defer></script></head>
  <body><main><article-widget id="article" src="/multilingual/article.md"></article-widget></main></body></html>`;
const EMPTY = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Mounts</title><link rel="icon" href="data:,">' +
  '<script src="/article-widget.js"></script></head><body><main id="host"></main></body></html>';
let server, browser;
before(async () => {
  server = await startServer(DIST, {
    '/multilingual.html': { type: 'text/html; charset=utf-8', body: MULTILINGUAL },
    '/empty.html': { type: 'text/html; charset=utf-8', body: EMPTY },
  }, { '/multilingual/': join(ROOT, 'tests/multilingual') }, { probe: true });
  browser = await launchEngine();
});
after(async () => { await browser?.close(); await server?.close(); });

// A page at `target` (a path of the server, or a whole URL) of `engine`'s browser, its widget ready.
const withTarget = (target, selector, fn, { size = {}, engine = browser } = {}) =>
  withPage(engine, /^(https?|file):/.test(target) ? target : server.url + target, selector, fn, size);

test(`${ENGINE}: the API does what it says and says why not`, { timeout: 120000 }, async () => {
  await withTarget('index.html', '#article', async (page) => {
    const out = await page.evaluate(() => {
      const el = document.getElementById('article');
      const errors = [];
      el.addEventListener('articleerror', (e) => errors.push(e.detail.message));
      return {
        select: el.selectStage(1), badStage: el.selectStage(99), toggle: el.toggleFaq(2, true), badOpen: el.toggleFaq(0, 'yes'),
        expand: el.expandAll(), collapse: el.collapseAll(), anchor: el.scrollToAnchor('faqs'), badAnchor: el.scrollToAnchor('no-such-thing'),
        setState: el.setState({ stage: 2, openFaqs: [1] }), badState: el.setState({ stage: 'x' }),
        state: el.getState(), layout: el.getLayout(), model: el.getModel(), markdown: typeof el.markdown, errors,
      };
    });
    assert.deepEqual([out.select, out.toggle, out.expand, out.collapse, out.anchor, out.setState], [true, true, true, true, true, true]);
    assert.deepEqual([out.badStage, out.badOpen, out.badAnchor, out.badState], [false, false, false, false]);
    assert.equal(out.errors.length, 4, `each refusal says why: ${JSON.stringify(out.errors)}`);
    assert.match(out.errors[0], /no stage 99; the timeline has 3 stages/);
    assert.equal(out.state.stage, 2);
    assert.deepEqual(out.state.openFaqs, [1]);
    assert.equal(out.layout.stages.length, 3);
    assert.equal(out.layout.faqs.length, 5);
    assert.ok(out.model.title.length > 0);
    assert.equal(out.markdown, 'string');
    assert.deepEqual(await page.errors(), []);
  });
});

test(`${ENGINE}: the strict-CSP page draws, answers and shows its Text view with no violation`, { timeout: 120000 }, async () => {
  await withTarget('strict.html', '#article', async (page) => {
    const result = await page.evaluate(async () => {
      const el = document.getElementById('article');
      const out = { select: el.selectStage(1), toggle: el.toggleFaq(0, true) };
      el.setAttribute('theme', 'dark');
      el.shadowRoot.querySelector('.textview').click();
      await new Promise((r) => setTimeout(r, 100));
      out.htmlView = el.shadowRoot.querySelector('.mirror').getBoundingClientRect().height > 500;
      el.shadowRoot.querySelector('.textview').click();
      return out;
    });
    assert.deepEqual(result, { select: true, toggle: true, htmlView: true });
    await settled(page, '#article');
    assert.ok(luminance(await canvasShot(page, '#article')).variance > 150, 'the canvas is drawn');
    assert.deepEqual(await page.evaluate(() => window.__awProbe.violations), [], 'no CSP violation');
    assert.deepEqual(await page.errors(), []);
  });
});

for (const [how, url] of [['over http', () => server.url + 'article.html'], ['from file://', () => pathToFileURL(join(DIST, 'article.html')).href]]) {
  test(`${ENGINE}: the offline bundle ${how} opens at its top, drawn`, { timeout: 120000 }, async () => {
    await withTarget(url(), '#article', async (page) => {
      await settled(page, '#article');
      const where = await page.evaluate(() => ({ scrollY: window.scrollY, route: document.getElementById('article').shadowRoot.querySelector('.root').className }));
      assert.equal(where.scrollY, 0, 'the title and the reading time are on screen');
      assert.doesNotMatch(where.route, /html-view/);
      assert.ok(luminance(await canvasShot(page, '#article')).variance > 150, 'the canvas is drawn');
      assert.deepEqual(await page.errors(), []);
    });
  });
}

test(`${ENGINE}: 20 mounts and unmounts leave one working widget and no error`, { timeout: 180000 }, async () => {
  await withTarget('empty.html', null, async (page) => {
    const result = await page.evaluate(async () => {
      const host = document.getElementById('host');
      const outcomes = [];
      for (let i = 0; i < 20; i++) {
        const el = document.createElement('article-widget');
        el.markdown = `# Mount ${i}\n\nParagraph ${i} of a short article.\n`;
        host.append(el);
        outcomes.push(await el.ready.then(() => 'ok', (e) => e.message));
        if (i % 2) host.append(el);   // a move keeps everything
        el.remove();
      }
      const last = document.createElement('article-widget');
      last.id = 'last';
      last.markdown = '# The last one\n\nIt stays.\n';
      host.append(last);
      await last.ready;
      return { outcomes, title: last.getModel().title };
    });
    assert.deepEqual(result.outcomes, Array(20).fill('ok'));
    assert.equal(result.title, 'The last one');
    await settled(page, '#last');
    let variance = 0;
    for (const end = Date.now() + 5000; Date.now() < end && variance <= 50; await page.sleep(200)) variance = luminance(await canvasShot(page, '#last')).variance;
    assert.ok(variance > 50, `the last widget is drawn (luminance variance ${variance.toFixed(0)})`);
    assert.deepEqual(await page.errors(), []);
  });
});

test(`${ENGINE}: without WebGL the HTML view is complete and interactive, never throws, for one widget, two and every script`, { timeout: 240000 }, async () => {
  const noGl = await launchEngine(ENGINE, { webgl: false });
  try {
    await withTarget('index.html', '#article', async (page) => {
      const view = await page.evaluate(() => {
        const root = document.getElementById('article').shadowRoot;
        return { cls: root.querySelector('.root').className, note: root.querySelector('.note').textContent, frames: document.getElementById('article').framesDrawn,
          mirror: root.querySelector('.mirror').getBoundingClientRect().height };
      });
      assert.match(view.cls, /html-view/);
      assert.match(view.note, /WebGL/);
      assert.equal(view.frames, 0, 'no frame runs');
      assert.ok(view.mirror > 2000, 'the article is shown as HTML');
      // The mirror's own buttons, clicked as a reader would.
      const stage = await page.evaluate(() => {
        const b = document.getElementById('article').shadowRoot.querySelectorAll('.aw-stage-button')[2];
        b.scrollIntoView({ block: 'center' });
        const r = b.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      });
      await page.mouse.click(stage.x, stage.y);
      await page.waitFor(() => document.getElementById('article').getState().stage === 2, null, { timeout: 5000, message: 'stage 3 by its button' });
      const question = await page.evaluate(() => {
        const b = document.getElementById('article').shadowRoot.querySelector('[data-focus="faq:0"]');
        b.scrollIntoView({ block: 'center' });
        const r = b.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      });
      await page.mouse.click(question.x, question.y);
      await page.waitFor(() => document.getElementById('article').getState().openFaqs.includes(0), null, { timeout: 5000, message: 'question 1 open' });
      assert.deepEqual(await page.errors(), []);
    }, { engine: noGl });
    for (const [path, selector] of [['two.html', '#second'], ['multilingual.html', '#article']]) {
      await withTarget(path, selector, async (page) => {
        await page.sleep(300);
        const views = await page.evaluate(() => [...document.querySelectorAll('article-widget')].map((el) => el.shadowRoot.querySelector('.root').className));
        assert.ok(views.every((c) => /html-view/.test(c)), `${path}: every widget shows its HTML view (${views})`);
        assert.deepEqual(await page.errors(), [], `${path}: no error`);
      }, { engine: noGl });
    }
  } finally {
    await noGl.close();
  }
});

test(`${ENGINE}: a new article while the Text view is open settles ready; start-stage="abc" says so; a destroyed widget says so and loads again`, { timeout: 120000 }, async () => {
  await withTarget('index.html', '#article', async (page) => {
    const out = await page.evaluate(async () => {
      const el = document.getElementById('article');
      const messages = [];
      el.addEventListener('articleerror', (e) => messages.push(e.detail.message));
      el.shadowRoot.querySelector('.textview').click();   // the Text view
      let readyEvents = 0;
      el.addEventListener('ready', () => readyEvents++);
      el.markdown = '# Replaced\n\nWhile the Text view was open.\n';
      const settledIn = await Promise.race([el.ready.then(() => 'ready'), new Promise((r) => setTimeout(() => r('timeout'), 10000))]);
      const title = el.getModel().title;
      el.setAttribute('start-stage', 'abc');
      await el.ready.catch(() => {});
      el.destroy();
      const afterDestroy = el.selectStage(0);
      el.markdown = '# Back again\n\nLoaded after destroy().\n';
      const again = await Promise.race([el.ready.then(() => el.getModel().title), new Promise((r) => setTimeout(() => r('timeout'), 10000))]);
      return { settledIn, readyEvents, title, messages, afterDestroy, again };
    });
    assert.equal(out.settledIn, 'ready', 'ready settled with the Text view open');
    assert.ok(out.readyEvents >= 1, 'a ready event fired');
    assert.equal(out.title, 'Replaced');
    assert.ok(out.messages.some((m) => /^start-stage: expected a stage number from 0, got "abc"/.test(m)), `start-stage says so: ${JSON.stringify(out.messages)}`);
    assert.equal(out.afterDestroy, false);
    assert.ok(out.messages.some((m) => /^selectStage: the widget was destroyed/.test(m)), `after destroy() calls say so: ${JSON.stringify(out.messages)}`);
    assert.equal(out.again, 'Back again', 'setting markdown after destroy() loads it');
    assert.deepEqual(await page.errors(), []);
  });
});
