// Embedding in the browser: canvas clicks at getLayout() coordinates, the keyboard-only journey
// through the mirror, deep links, two instances, idle CPU, hidden tabs, axe-core, and load errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer, launchBrowser, openPage, waitReady, measureIdle, scrollToFaq, ROOT, DIST } from './harness.mjs';

let server, browser;
before(async () => {
  server = await startServer(DIST, {
    '/missing.md': { status: 404, body: 'not found' },
    '/empty.md': { status: 200, body: '', type: 'text/markdown' },
    '/image.md': { status: 200, body: '\x89PNG\r\n', type: 'image/png' },
    '/bad-config.json': { status: 200, body: '{"theme": "purple"}', type: 'application/json' },
    '/two-bad-config.json': { status: 200, body: '{"theme": "purple", "accent": 7}', type: 'application/json' },
    '/slow.md': { status: 200, body: '# Slow\n\nArrived late.\n', type: 'text/markdown', delayMs: 1500 },
    '/prefix-config.json': { status: 200, body: '{"deepLinkPrefix": "cfg-", "initialStage": 1}', type: 'application/json' },
    '/max-config.json': { status: 200, body: '{"maxInputBytes": 67108864}', type: 'application/json' },
    '/plain.html': { status: 200, type: 'text/html', body: '<!doctype html><html lang="en"><head><title>plain</title><link rel="icon" href="data:,">' +
      '<link rel="stylesheet" href="demo.css"></head><body><main><h1>A plain page</h1>' + '<p>Host text of a plain page.</p>'.repeat(40) + '</main></body></html>' },
  });
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); await server?.close(); });

// Records the element's events in window.__events.
async function recordEvents(page, selector = 'article-widget') {
  await page.evaluate((sel) => {
    window.__events = [];
    const el = document.querySelector(sel);
    for (const type of ['stagechange', 'faqtoggle', 'linkclick', 'articleerror', 'ready'])
      el.addEventListener(type, (e) => window.__events.push({ type, detail: e.detail }));
  }, selector);
}
const events = (page) => page.evaluate(() => window.__events);

// A page whose element is built by the test, so every load path can be exercised.
async function pageWith(html) {
  const { page, errors } = await openPage(browser, null);
  await page.goto(server.url + 'index.html');
  // The element's articleerror bubbles out of it: a listener on document hears it however early it fires.
  await page.setContent(`<!doctype html><html lang="en"><head><title>t</title>
    <script>window.__errors = []; document.addEventListener('articleerror', (e) => window.__errors.push(e.detail.message));</script>
    <script src="${server.url}article-widget.js"></script></head>
    <body><main>${html}</main></body></html>`, { waitUntil: 'load' });
  return { page, errors };
}

test('clicking a FAQ question on the canvas at getLayout() coordinates toggles it', { timeout: 60000 }, async () => {
  const { page, errors } = await openPage(browser, server.url + 'index.html');
  await waitReady(page);
  await recordEvents(page);
  // Scroll the page so the question is on screen, then click its middle.
  const target = await scrollToFaq(page, 2);
  await page.waitForTimeout(100);
  await page.mouse.click(target.x, target.y);
  await page.waitForFunction(() => document.getElementById('article').getState().openFaqs.includes(2), null, { timeout: 5000 }).catch(() => {});
  const state = await page.evaluate(() => document.getElementById('article').getState());
  assert.deepEqual(state.openFaqs, [2]);
  const ev = (await events(page)).filter((e) => e.type === 'faqtoggle');
  assert.deepEqual(ev.map((e) => e.detail), [{ index: 2, open: true }]);
  const expanded = await page.evaluate(() => document.getElementById('article').shadowRoot
    .querySelector('[data-focus="faq:2"]').getAttribute('aria-expanded'));
  assert.equal(expanded, 'true', 'the mirror follows the canvas');
  assert.deepEqual(errors, []);
});

test('keyboard only: Tab to the timeline, Right changes the stage; Tab to a question, Enter opens it', { timeout: 60000 }, async () => {
  const { page, errors } = await openPage(browser, server.url + 'index.html');
  await waitReady(page);
  await recordEvents(page);
  // Tab from the page into the widget: the first stop is the timeline track.
  await page.keyboard.press('Tab');   // site name link
  let focus = '';
  for (let i = 0; i < 10 && focus !== 'timeline'; i++) {
    await page.keyboard.press('Tab');
    focus = await page.evaluate(() => { const el = document.getElementById('article'); return el.shadowRoot.activeElement?.dataset.focus || ''; });
  }
  assert.equal(focus, 'timeline');
  await page.keyboard.press('ArrowRight');
  let state = await page.evaluate(() => document.getElementById('article').getState());
  assert.equal(state.stage, 1);
  assert.deepEqual((await events(page)).filter((e) => e.type === 'stagechange').map((e) => e.detail), [{ index: 1 }]);
  // The mirror's roving tab stop moved with the selection.
  const current = await page.evaluate(() => document.getElementById('article').shadowRoot.querySelector('[aria-current="step"]').textContent);
  assert.equal(current, 'Measured Openness');
  // Tab on: Previous, Next, filter, Expand all, Collapse all, then the first question.
  for (let i = 0; i < 6; i++) await page.keyboard.press('Tab');
  focus = await page.evaluate(() => document.getElementById('article').shadowRoot.activeElement?.dataset.focus);
  assert.equal(focus, 'faq:0');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  state = await page.evaluate(() => document.getElementById('article').getState());
  assert.deepEqual(state.openFaqs, [1], 'Down then Enter opened the second question');
  // The page scrolled so the focused question is visible.
  await page.waitForTimeout(1000);
  const visible = await page.evaluate(() => {
    const el = document.getElementById('article');
    const q = el.getLayout().faqs[1];
    const top = el.getBoundingClientRect().top + q.y;
    return top >= 0 && top + q.height <= window.innerHeight;
  });
  assert.ok(visible, 'focused question scrolled into view');
  assert.deepEqual(errors, []);
});

test('a filter typed in the mirror narrows the questions and says when nothing matches', { timeout: 60000 }, async () => {
  const { page } = await openPage(browser, server.url + 'index.html');
  await waitReady(page);
  await page.evaluate(() => document.getElementById('article').shadowRoot.querySelector('[data-focus="filter"]').focus());
  await page.keyboard.type('datasets');
  let layout = await page.evaluate(() => document.getElementById('article').getLayout());
  assert.deepEqual(layout.faqs.map((r) => r.height > 0), [false, true, false, false, false]);
  await page.keyboard.type('zzz');
  const status = await page.evaluate(() => document.getElementById('article').shadowRoot.querySelector('.aw-faq-status').textContent);
  assert.match(status, /No questions match/);
  assert.equal((await page.evaluate(() => document.getElementById('article').getState())).filter, 'datasetszzz');
});

test('deep link opens and scrolls to a question on load', { timeout: 60000 }, async () => {
  const model = JSON.parse(await page0Model());
  const slug = model.faqs[3].id;
  const { page } = await openPage(browser, server.url + 'index.html#aw-faq-' + slug);
  await waitReady(page);
  const state = await page.evaluate(() => document.getElementById('article').getState());
  assert.deepEqual(state.openFaqs, [3]);
  await page.evaluate(() => { location.hash = '#aw-stage-3'; });
  await page.waitForTimeout(100);
  assert.equal((await page.evaluate(() => document.getElementById('article').getState())).stage, 2);
});

async function page0Model() {
  const { page } = await openPage(browser, server.url + 'index.html');
  await waitReady(page);
  return JSON.stringify(await page.evaluate(() => document.getElementById('article').getModel()));
}

test('two widgets on one page act independently', { timeout: 60000 }, async () => {
  const { page, errors } = await openPage(browser, server.url + 'two.html');
  await waitReady(page, '#first');
  await waitReady(page, '#second');
  await page.evaluate(() => document.getElementById('second').selectStage(2));
  const [a, b] = await page.evaluate(() => [document.getElementById('first').getState(), document.getElementById('second').getState()]);
  assert.equal(a.stage, 0);
  assert.equal(b.stage, 2);
  const model = await page.evaluate(() => document.getElementById('second').getModel());
  assert.equal(model.title, 'Three steps to a release');
  assert.deepEqual(model.timeline.stages.map((s) => s.title), ['Draft', 'Test', 'Ship']);
  assert.deepEqual(errors, []);
});

test('idle: no frames and no main-thread work while nobody touches it', { timeout: 60000 }, async () => {
  const plain = await measureIdle(browser, server.url + 'plain.html', { settleMs: 500 });
  const widget = await measureIdle(browser, server.url + 'index.html', { widget: true, settleMs: 500 });
  console.log(`idle 5 s: widget ${widget.taskMs.toFixed(2)} ms task time, ${widget.frames} frames; plain page ${plain.taskMs.toFixed(2)} ms`);
  assert.equal(widget.frames, 0, 'no frames drawn while idle');
});

test('a lost WebGL context is restored and the widget draws again', { timeout: 60000 }, async () => {
  const { page, errors } = await openPage(browser, server.url + 'index.html');
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning' && /WebGL|GL_/.test(m.text())) warnings.push(m.text()); });
  await waitReady(page);
  const result = await page.evaluate(async () => {
    const el = document.getElementById('article');
    // The page's one WebGL context (the engine's), whose frames go to every widget's canvas.
    const gl = el._mod.GL.currentContext.GLctx;
    const canvas = gl.canvas;
    const ext = gl.getExtension('WEBGL_lose_context');
    const lost = new Promise((r) => canvas.addEventListener('webglcontextlost', r, { once: true }));
    ext.loseContext();
    await lost;
    await new Promise((r) => setTimeout(r, 50));   // restore only after the lost event has been handled
    const restored = new Promise((r) => canvas.addEventListener('webglcontextrestored', r, { once: true }));
    ext.restoreContext();
    await restored;
    const before = el.framesDrawn;
    el.selectStage(1);
    await new Promise((r) => setTimeout(r, 300));
    return { drawn: el.framesDrawn - before, stage: el.getState().stage, lost: gl.isContextLost() };
  });
  assert.equal(result.lost, false);
  assert.ok(result.drawn > 0, 'frames drawn after the restore');
  assert.equal(result.stage, 1);
  const box = await page.evaluate(() => {
    const r = document.getElementById('article').shadowRoot.querySelector('canvas').getBoundingClientRect();
    return { x: r.left, y: Math.max(0, r.top), width: r.width, height: Math.min(r.height, window.innerHeight - Math.max(0, r.top)) };
  });
  const shot = await page.screenshot({ clip: box });
  const { PNG } = await import('pngjs');
  const { pixelVariance } = await import('./harness.mjs');
  assert.ok(pixelVariance(PNG.sync.read(shot)) > 100, 'the canvas is drawn, not blank');
  assert.deepEqual(errors, []);
  assert.deepEqual(warnings.filter((w) => !/delete: object does not belong/.test(w)), [], 'no GL errors after the restore');
});

test('before the canvas is ready the element shows the article as semantic HTML', { timeout: 60000 }, async () => {
  const { page } = await openPage(browser, null);
  // Hold the WebAssembly back so the preview can be seen.
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/article-widget.wasm', async (route) => { await held; await route.continue(); });
  await page.goto(server.url + 'index.html');
  await page.waitForFunction(() => document.getElementById('article').shadowRoot.querySelector('.source pre')?.textContent.length > 1000);
  const preview = await page.evaluate(() => document.getElementById('article').shadowRoot.querySelector('.fallback').innerText);
  assert.match(preview, /Will Anthropic Open-Source/);
  release();
  await waitReady(page);
});

test('a hidden tab draws no frames; the frames asked for meanwhile are drawn when it shows, then none', { timeout: 60000 }, async () => {
  const { page } = await openPage(browser, server.url + 'index.html');
  await waitReady(page);
  const drawn = await page.evaluate(async () => {
    const wait = (ms) => new Promise((r) => setTimeout(r, ms));
    const setHidden = (hidden) => {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
      document.dispatchEvent(new Event('visibilitychange'));
    };
    setHidden(true);
    const el = document.getElementById('article');
    const before = el.framesDrawn;
    el.selectStage(2);
    el.toggleFaq(0, true);
    await wait(500);
    const hidden = el.framesDrawn - before;
    setHidden(false);
    await wait(1500);   // the stage and the question settle
    const shown = el.framesDrawn - before;
    await wait(500);
    return { hidden, shown, idle: el.framesDrawn - before - shown };
  });
  assert.equal(drawn.hidden, 0);
  assert.ok(drawn.shown > 0, 'the frames asked for while hidden are drawn when the tab shows');
  assert.equal(drawn.idle, 0, 'then none: nothing polls');
});

test('axe-core finds no violations on the demo pages', { timeout: 60000 }, async () => {
  const axe = await readFile(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  for (const name of ['index.html', 'two.html']) {
    const { page } = await openPage(browser, server.url + name);
    await waitReady(page, 'article-widget');
    if (name === 'two.html') await waitReady(page, '#second');
    await page.addScriptTag({ content: axe });
    const result = await page.evaluate(async () => (await window.axe.run(document)).violations.map((v) => `${v.id}: ${v.nodes.length} (${v.help})`));
    assert.deepEqual(result, [], `${name}: ${result.join('; ')}`);
  }
});

test('load errors show in the element, fire articleerror, and a retry works', { timeout: 60000 }, async () => {
  const cases = [
    ['<article-widget src="missing.md"></article-widget>', /answered 404/],
    ['<article-widget src="empty.md"></article-widget>', /is empty/],
    ['<article-widget src="image.md"></article-widget>', /not text/],
    ['<article-widget src="article.md" config="bad-config.json"></article-widget>', /config \/theme: expected/],
  ];
  for (const [html, pattern] of cases) {
    const { page } = await pageWith(html.replace(/src="/, `src="${server.url}`).replace(/config="/, `config="${server.url}`));
    await page.waitForFunction(() => window.__errors.length > 0, null, { timeout: 20000 });
    const message = await page.evaluate(() => window.__errors[0]);
    assert.match(message, pattern);
    const shown = await page.evaluate(() => document.querySelector('article-widget').shadowRoot.querySelector('.status').textContent);
    assert.match(shown, pattern, 'the message is shown in the element');
  }
  // A slow server: the element says it is loading, then draws; a retry after a failure works.
  const { page } = await pageWith(`<article-widget src="${server.url}missing.md"></article-widget>`);
  await page.waitForFunction(() => document.querySelector('article-widget').shadowRoot.querySelector('.status.error'));
  await page.evaluate((url) => document.querySelector('article-widget').setAttribute('src', url), server.url + 'slow.md');
  const loading = await page.evaluate(() => document.querySelector('article-widget').shadowRoot.querySelector('.status').textContent);
  assert.match(loading, /Loading/);
  await page.evaluate(() => document.querySelector('article-widget').ready);
  const title = await page.evaluate(() => document.querySelector('article-widget').getModel().title);
  assert.equal(title, 'Slow');
});

test('a bad config shows the article with the default config under a one-line notice naming the error', { timeout: 60000 }, async () => {
  const { page } = await pageWith(`<article-widget src="${server.url}article.md" config="${server.url}two-bad-config.json"></article-widget>`);
  await page.evaluate(() => document.querySelector('article-widget').ready);
  const shown = await page.evaluate(() => {
    const el = document.querySelector('article-widget');
    const status = el.shadowRoot.querySelector('.status');
    const stage = el.shadowRoot.querySelector('.stage').getBoundingClientRect();
    return { kind: status.className, text: status.textContent, lines: Math.round(status.getBoundingClientRect().height),
      source: el.shadowRoot.querySelector('.source')?.textContent || '', title: el.getModel().title, stageHeight: stage.height,
      frames: el.framesDrawn, errors: window.__errors };
  });
  assert.match(shown.title, /Open-Source Its Models/, 'the article is loaded');
  assert.ok(shown.stageHeight > 1000 && shown.frames > 0, `and drawn on the canvas (${shown.stageHeight} px tall, ${shown.frames} frames)`);
  assert.equal(shown.source, '', 'no raw Markdown is left on show');
  assert.match(shown.kind, /notice/);
  assert.doesNotMatch(shown.kind, /error/);
  const reported = shown.errors[0].split('\n');
  assert.equal(shown.text, `The config could not be used, so the defaults apply: ${reported[0]}` +
    (reported.length > 1 ? ` (+${reported.length - 1})` : ''));
  assert.match(shown.text, /config \/theme: expected/);
  assert.ok(shown.lines < 60, `the notice is one short line (${shown.lines} px tall)`);
  // The config's errors are all reported, as they were.
  assert.equal(shown.errors.length, 1);
  assert.match(shown.errors[0], /config \/theme: expected/);
});

test("an attribute that cannot be used is left out and named; the config's value stays and readers see no notice", { timeout: 60000 }, async () => {
  // The core reads the attributes (core/config.h HostInputs): a bad hash-prefix once refused the whole article.
  const { page, errors } = await pageWith(`<article-widget src="${server.url}article.md" config="${server.url}prefix-config.json" hash-prefix="not ok!" start-stage="two"></article-widget>`);
  await page.evaluate(() => document.querySelector('article-widget').ready);
  const shown = await page.evaluate(() => {
    const el = document.querySelector('article-widget');
    return { status: el.shadowRoot.querySelector('.status').textContent, stage: el.getState().stage,
      configPrefix: !!el.shadowRoot.getElementById('cfg-stage-1'), attributePrefix: !!el.shadowRoot.querySelector('[id^="not"]'),
      errors: window.__errors };
  });
  assert.equal(shown.status, '', 'no notice: the config was used');
  assert.equal(shown.stage, 1, "the config's initialStage applies");
  assert.ok(shown.configPrefix && !shown.attributePrefix, "the config's deepLinkPrefix applies");
  assert.equal(shown.errors.length, 1, JSON.stringify(shown.errors));
  const lines = shown.errors[0].split('\n');
  assert.match(lines[0], /^hash-prefix: .*; the config's deepLinkPrefix applies$/);
  assert.equal(lines[1], 'start-stage: expected a stage number from 0, got "two"; the config\'s initialStage applies');
  assert.deepEqual(errors, []);
  // Good attributes win over the config.
  const { page: good } = await pageWith(`<article-widget src="${server.url}article.md" config="${server.url}prefix-config.json" hash-prefix="w9-" start-stage="2"></article-widget>`);
  await good.evaluate(() => document.querySelector('article-widget').ready);
  const won = await good.evaluate(() => {
    const el = document.querySelector('article-widget');
    return { stage: el.getState().stage, prefixed: !!el.shadowRoot.getElementById('w9-stage-1'), errors: window.__errors };
  });
  assert.deepEqual(won, { stage: 2, prefixed: true, errors: [] });
});

test('running out of WebAssembly memory shows an error state, not a frozen canvas', { timeout: 120000 }, async () => {
  // 60 MB of Markdown: the default size limit refuses it in words; with the limit raised to its
  // maximum the 64 MB memory cap is hit, and the element says so instead of freezing.
  for (const [config, pattern] of [['', /over the limit of 8388608 bytes/], [server.url + 'max-config.json', /memory/]]) {
    const { page } = await pageWith(`<article-widget id="big" ${config ? `config="${config}"` : ''}></article-widget>`);
    const message = await page.evaluate(async () => {
      const el = document.getElementById('big');
      const para = 'word '.repeat(200) + '\n\n';
      el.markdown = '# Big\n\n' + para.repeat(Math.ceil(60e6 / para.length));
      return new Promise((resolve) => {
        const check = () => {
          const status = el.shadowRoot.querySelector('.status.error');
          if (status) resolve(status.textContent);
          else setTimeout(check, 200);
        };
        check();
      });
    });
    assert.match(message, pattern);
    const canvasHeight = await page.evaluate(() => document.getElementById('big').shadowRoot.querySelector('canvas').getBoundingClientRect().height);
    assert.equal(canvasHeight, 0, 'no half-drawn canvas is left on screen');
    await page.context().close();
  }
});
