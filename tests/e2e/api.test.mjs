// The element's API tells the truth: every member of web/article-widget.d.ts exists on the element and
// getLayout() returns exactly the documented keys (the d.ts is parsed here, so the types cannot drift);
// methods return whether they did what was asked and say why not; ready is fresh for each load; the
// markdown getter returns the article shown; every event bubbles and is composed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer, launchBrowser, openPage, waitReady, ROOT, DIST } from './harness.mjs';

const SHORT = '# Short one\n\nA [link](https://example.org/short) here.\n\n<!-- article-widget:timeline -->\n1. **One** – first.\n2. **Two** – second.\n\n## FAQ\n\n### Why?\n\nBecause.\n';
let server, browser;
before(async () => {
  server = await startServer(DIST, { '/short.md': { status: 200, body: SHORT, type: 'text/markdown' } });
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); await server?.close(); });

// [SECTION] the d.ts, parsed -------------------------------------------------------------------
// The members of `interface NAME { ... }`: [{ name, method, optional }], comments removed.
function interfaceMembers(source, name) {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  const start = code.indexOf(`interface ${name} `);
  assert.ok(start >= 0, `the d.ts declares ${name}`);
  // Statements end at ";" or a line break at the interface's own depth (nested object types stay whole).
  const statements = [];
  let depth = 1, current = '';
  for (let i = code.indexOf('{', start) + 1; depth > 0; i++) {
    const c = code[i];
    if ('{(<['.includes(c)) depth++;
    if ('})>]'.includes(c)) depth--;
    if (depth === 1 && (c === ';' || c === '\n')) { statements.push(current.trim()); current = ''; } else if (depth > 0) current += c;
  }
  statements.push(current.trim());
  const members = [];
  for (const statement of statements.filter(Boolean)) {
    const m = /^(?:readonly\s+)?([A-Za-z_$][\w$]*)(\??)\s*(?:<.*?>)?\s*([(:])/.exec(statement);
    if (m) members.push({ name: m[1], optional: m[2] === '?', method: m[3] === '(' });
  }
  assert.ok(members.length > 0, `${name} has members`);
  return members;
}

test('the d.ts: every member exists on the element, getLayout() has exactly the documented keys, the model has its keys', { timeout: 60000 }, async () => {
  const dts = await readFile(join(ROOT, 'web/article-widget.d.ts'), 'utf8');
  const element = interfaceMembers(dts, 'ArticleWidgetElement');
  const layoutKeys = interfaceMembers(dts, 'ArticleWidgetLayout').map((m) => m.name).sort();
  const rectKeys = interfaceMembers(dts, 'ArticleWidgetRect').map((m) => m.name).sort();
  const stateKeys = interfaceMembers(dts, 'ArticleWidgetState').map((m) => m.name).sort();
  const modelKeys = interfaceMembers(dts, 'ArticleWidgetModel').map((m) => m.name);
  for (const required of ['getModel', 'getLayout', 'ready', 'markdown']) assert.ok(element.some((m) => m.name === required), `the d.ts names ${required}`);
  for (const required of ['title', 'stages', 'faqs', 'previous', 'next', 'filter', 'contentHeight']) assert.ok(layoutKeys.includes(required));

  const { page, context } = await openPage(browser, server.url + 'index.html');
  await waitReady(page);
  const found = await page.evaluate(([members]) => {
    const el = document.getElementById('article');
    return members.map((m) => ({ ...m, kind: m.name in el ? typeof el[m.name] : 'missing' }));
  }, [element]);
  for (const m of found) assert.equal(m.kind === 'function', m.method, `${m.name}: ${m.method ? 'a method' : 'a property'} in the d.ts, ${m.kind} on the element`);
  const { layout, state, model } = await page.evaluate(() => {
    const el = document.getElementById('article');
    return { layout: el.getLayout(), state: el.getState(), model: el.getModel() };
  });
  assert.deepEqual(Object.keys(layout).sort(), layoutKeys, 'getLayout() returns exactly the keys of ArticleWidgetLayout');
  for (const key of layoutKeys.filter((k) => k !== 'contentHeight')) {
    for (const rect of [].concat(layout[key])) assert.deepEqual(Object.keys(rect).sort(), rectKeys, `${key} is an ArticleWidgetRect`);
  }
  assert.deepEqual(Object.keys(state).sort(), stateKeys, 'getState() returns exactly the keys of ArticleWidgetState');
  for (const key of modelKeys) assert.ok(key in model, `getModel() has "${key}"`);
  await context.close();
});

// [SECTION] return values and errors -----------------------------------------------------------
test('methods return whether they did what was asked; bad arguments fire articleerror with the reason', { timeout: 60000 }, async () => {
  const { page, context, errors } = await openPage(browser, server.url + 'index.html');
  await waitReady(page);
  const results = await page.evaluate(() => {
    const el = document.getElementById('article');
    const messages = [];
    document.addEventListener('articleerror', (e) => messages.push(e.detail.message));
    const call = (what, fn) => { const before = messages.length; const value = fn(); return { what, value, message: messages.slice(before).join(' | '), state: el.getState() }; };
    return [
      call('selectStage(99)', () => el.selectStage(99)),
      call('selectStage(-1)', () => el.selectStage(-1)),
      call('selectStage("1")', () => el.selectStage('1')),
      call('selectStage(1.5)', () => el.selectStage(1.5)),
      call('selectStage(1)', () => el.selectStage(1)),
      call('selectStage(1) again', () => el.selectStage(1)),
      call('toggleFaq(99)', () => el.toggleFaq(99)),
      call('toggleFaq(0, "yes")', () => el.toggleFaq(0, 'yes')),
      call('toggleFaq(0, true)', () => el.toggleFaq(0, true)),
      call('toggleFaq(0, true) again', () => el.toggleFaq(0, true)),
      call('toggleFaq(0)', () => el.toggleFaq(0)),
      call('expandAll()', () => el.expandAll()),
      call('collapseAll()', () => el.collapseAll()),
      call('scrollToAnchor("nowhere")', () => el.scrollToAnchor('nowhere')),
      call('scrollToAnchor(42)', () => el.scrollToAnchor(42)),
      call('setState({stage: 7})', () => el.setState({ stage: 7 })),
      call('setState("x")', () => el.setState('x')),
    ];
  });
  const by = Object.fromEntries(results.map((r) => [r.what, r]));
  assert.equal(by['selectStage(99)'].value, false);
  assert.match(by['selectStage(99)'].message, /selectStage: no stage 99; the timeline has 3 stages, numbered from 0 to 2/);
  assert.equal(by['selectStage(99)'].state.stage, 0, 'a refused call changes nothing');
  assert.equal(by['selectStage(-1)'].value, false);
  assert.equal(by['selectStage("1")'].value, false);
  assert.match(by['selectStage("1")'].message, /the index must be an integer, got "1"/);
  assert.equal(by['selectStage(1.5)'].value, false);
  assert.deepEqual([by['selectStage(1)'].value, by['selectStage(1)'].message, by['selectStage(1)'].state.stage], [true, '', 1]);
  assert.equal(by['selectStage(1) again'].value, true, 'asked for stage 1, and stage 1 is selected');
  assert.equal(by['toggleFaq(99)'].value, false);
  assert.match(by['toggleFaq(99)'].message, /toggleFaq: no question 99; the FAQ has 5 questions/);
  assert.equal(by['toggleFaq(0, "yes")'].value, false);
  assert.match(by['toggleFaq(0, "yes")'].message, /open must be true or false/);
  assert.deepEqual([by['toggleFaq(0, true)'].value, by['toggleFaq(0, true)'].state.openFaqs], [true, [0]]);
  assert.deepEqual([by['toggleFaq(0, true) again'].value, by['toggleFaq(0, true) again'].state.openFaqs], [true, [0]]);
  assert.deepEqual([by['toggleFaq(0)'].value, by['toggleFaq(0)'].state.openFaqs], [true, []]);
  assert.deepEqual([by['expandAll()'].value, by['expandAll()'].state.openFaqs], [true, [0, 1, 2, 3, 4]]);
  assert.deepEqual([by['collapseAll()'].value, by['collapseAll()'].state.openFaqs], [true, []]);
  assert.equal(by['scrollToAnchor("nowhere")'].value, false);
  assert.match(by['scrollToAnchor("nowhere")'].message, /nothing in the article has the id "nowhere"/);
  assert.equal(by['scrollToAnchor(42)'].value, false);
  assert.equal(by['setState({stage: 7})'].value, false);
  assert.match(by['setState({stage: 7})'].message, /stage/);
  assert.equal(by['setState("x")'].value, false);
  // Before any article is loaded the API says so instead of pretending.
  const early = await page.evaluate(() => {
    const el = document.createElement('article-widget');
    let message = '';
    el.addEventListener('articleerror', (e) => { message = e.detail.message; });
    return { value: el.selectStage(0), message };
  });
  assert.deepEqual(early, { value: false, message: 'selectStage: no article is loaded yet (wait for the ready promise)' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('scrollToAnchor takes #id, section anchors and the ids of stages and questions', { timeout: 60000 }, async () => {
  const { page, context } = await openPage(browser, server.url + 'index.html');
  await waitReady(page);
  const model = await page.evaluate(() => document.getElementById('article').getModel());
  const faqSection = model.sections.find((s) => /faq/i.test(s.id)).id;
  // Where the page scrolls for an id: the article's y at the top of the window.
  const go = (id) => page.evaluate(async (target) => {
    const el = document.getElementById('article');
    const ok = el.scrollToAnchor(target);
    await new Promise((r) => setTimeout(r, 150));
    return { ok, y: window.scrollY - (window.scrollY + el.getBoundingClientRect().top), state: el.getState() };
  }, id);
  const section = await go(faqSection);
  assert.equal(section.ok, true);
  assert.ok(section.y > 3000, `the page scrolled to the FAQ (${section.y})`);
  await page.evaluate(() => window.scrollTo(0, 0));
  const hashed = await go('#' + faqSection);
  assert.equal(hashed.ok, true);
  assert.ok(Math.abs(hashed.y - section.y) < 2, '"#id" leads where "id" does');
  const prefixed = await go('aw-' + faqSection);
  assert.ok(prefixed.ok && Math.abs(prefixed.y - section.y) < 2, 'the HTML id (with the deep-link prefix) leads there too');
  await page.evaluate(() => window.scrollTo(0, 0));
  const stage = await go('aw-stage-3');
  assert.equal(stage.ok, true);
  assert.equal(stage.state.stage, 2, 'a stage id selects the stage');
  assert.ok(stage.y > 500 && stage.y < section.y, `and scrolls to the timeline (${stage.y})`);
  const question = await go('#aw-faq-' + model.faqs[2].id);
  assert.equal(question.ok, true);
  assert.deepEqual(question.state.openFaqs, [2], 'a question id opens the question');
  await context.close();
});

test('setState({scrollY}) scrolls the page; getState().scrollY follows the page', { timeout: 60000 }, async () => {
  const { page, context } = await openPage(browser, server.url + 'index.html');
  await waitReady(page);
  const result = await page.evaluate(async () => {
    const el = document.getElementById('article');
    const ok = el.setState({ scrollY: 1500 });
    await new Promise((r) => setTimeout(r, 200));
    return { ok, top: el.getBoundingClientRect().top, state: el.getState().scrollY };
  });
  assert.equal(result.ok, true);
  assert.ok(Math.abs(result.top + 1500) < 2, `the article's y 1500 is at the top of the window (element top ${result.top})`);
  assert.ok(Math.abs(result.state - 1500) < 2, `getState().scrollY is ${result.state}`);
  await context.close();
});

// [SECTION] loads, ready and the markdown getter ---------------------------------------------------
test('ready is a fresh promise for each load and fires again after src changes; markdown is the article shown', { timeout: 60000 }, async () => {
  const { page, context, errors } = await openPage(browser, server.url + 'index.html');
  await waitReady(page);
  const article = await readFile(join(ROOT, 'assets/article.md'), 'utf8');
  const result = await page.evaluate(async () => {
    const el = document.getElementById('article');
    const readyEvents = [];
    document.addEventListener('ready', (e) => readyEvents.push(e.target.id));
    const first = el.ready;
    const fromSrc = el.markdown;
    el.setAttribute('src', 'short.md');
    const second = el.ready;
    const resolved = await second;
    const afterSrc = { title: el.getModel().title, markdown: el.markdown };
    el.markdown = '# Set as a property\n\nText.\n';
    const third = el.ready;
    await third;
    return { fresh: first !== second && second !== third, resolvedIsElement: resolved === el, fromSrc, afterSrc,
      fromProperty: el.markdown, title: el.getModel().title, readyEvents };
  });
  assert.equal(result.fresh, true, 'each load has its own promise');
  assert.equal(result.resolvedIsElement, true);
  assert.equal(result.fromSrc, article, 'markdown is the fetched article');
  assert.deepEqual(result.afterSrc, { title: 'Short one', markdown: SHORT });
  assert.equal(result.fromProperty, '# Set as a property\n\nText.\n');
  assert.equal(result.title, 'Set as a property');
  assert.deepEqual(result.readyEvents, ['article', 'article'], 'ready fired again for each load');
  // An inline article: the getter returns it as the widget read it (dedented).
  const { page: two } = await openPage(browser, server.url + 'two.html');
  await waitReady(two, '#second');
  const inline = await two.evaluate(() => document.getElementById('second').markdown);
  assert.match(inline, /^# Three steps to a release\n\nA short explainer/);
  assert.deepEqual(errors, []);
  await context.close();
  await two.context().close();
});

test('an unknown theme is reported and changes nothing', { timeout: 60000 }, async () => {
  const { page, context } = await openPage(browser, server.url + 'index.html');
  await waitReady(page);
  const result = await page.evaluate(async () => {
    const el = document.getElementById('article');
    const messages = [];
    document.addEventListener('articleerror', (e) => messages.push(e.detail.message));
    el.setAttribute('theme', 'dark');
    const dark = JSON.parse(el._query('palette')).background;
    el.setAttribute('theme', 'purple');
    return { messages, background: JSON.parse(el._query('palette')).background, dark };
  });
  assert.deepEqual(result.messages, ['theme: expected "light", "dark" or "auto", got "purple"; the theme is unchanged']);
  assert.equal(result.background, result.dark, 'still dark');
  await context.close();
});

// [SECTION] events ------------------------------------------------------------------------------------
test('every event bubbles and is composed: listeners on document hear them, even from inside a shadow root', { timeout: 60000 }, async () => {
  const { page, context, errors } = await openPage(browser, null);
  await page.goto(server.url + 'index.html');
  await page.setContent(`<!doctype html><html lang="en"><head><title>events</title>
    <script src="${server.url}article-widget.js"></script></head><body><div id="host"></div>
    <script>
      window.__heard = [];
      for (const type of ['ready', 'stagechange', 'faqtoggle', 'linkclick', 'articleerror'])
        document.addEventListener(type, (e) => { window.__heard.push({ type, bubbles: e.bubbles, composed: e.composed, detail: e.detail });
          if (type === 'linkclick') e.preventDefault(); });
      const shadow = document.getElementById('host').attachShadow({ mode: 'open' });
      shadow.innerHTML = '<article-widget src="${server.url}short.md"></article-widget>';
    </script></body></html>`);
  await page.waitForFunction(() => window.__heard.some((e) => e.type === 'ready'), null, { timeout: 20000 });
  await page.evaluate(async () => {
    const el = document.getElementById('host').shadowRoot.querySelector('article-widget');
    el.selectStage(1);
    el.toggleFaq(0);
    el.selectStage(5);                                                  // articleerror
    el.shadowRoot.querySelector('.textview').click();                   // the HTML view, to click its link
    el.shadowRoot.querySelector('.mirror a[href^="https:"]').click();   // linkclick (cancelled above)
  });
  const heard = await page.evaluate(() => window.__heard);
  const types = heard.map((e) => e.type);
  for (const type of ['ready', 'stagechange', 'faqtoggle', 'linkclick', 'articleerror']) assert.ok(types.includes(type), `document heard ${type}: ${types}`);
  for (const e of heard) assert.deepEqual([e.type, e.bubbles, e.composed], [e.type, true, true]);
  assert.deepEqual(heard.find((e) => e.type === 'faqtoggle').detail, { index: 0, open: true });
  assert.deepEqual(heard.find((e) => e.type === 'linkclick').detail, { href: 'https://example.org/short' });
  assert.equal(context.pages().length, 1, 'the cancelled link opened no tab');
  assert.deepEqual(errors, []);
  await context.close();
});
