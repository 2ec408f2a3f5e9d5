// The widget in the article's language and direction, in Chromium: an Arabic article mirrors its timeline, cards and
// controls (stage 1 at the right, ArrowLeft to the next stage), and a German host page gives the canvas and the
// element's own button German words (the host's lang, passed to the core, chooses them).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer, launchBrowser, openPage, waitReady, saveShot, ROOT, DIST } from './harness.mjs';

const page = (lang, body) => `<!doctype html><html lang="${lang}"${lang === 'ar' ? ' dir="rtl"' : ''}><head><meta charset="utf-8"><title>t</title>
  <link rel="icon" href="data:,"><style>body { margin: 0 } main { max-width: 760px; margin: 0 auto; padding: 0 20px }</style>
  <script src="article-widget.js" defer></script></head><body><main>${body}</main></body></html>`;

let server, browser;
before(async () => {
  const arabic = await readFile(join(ROOT, 'tests/multilingual/arabic.md'), 'utf8');
  server = await startServer(DIST, {
    '/arabic.md': { type: 'text/markdown; charset=utf-8', body: arabic },
    // The Arabic article in an Arabic page: no config, the host's lang chooses the words and the direction.
    '/arabic.html': { type: 'text/html; charset=utf-8', body: page('ar', '<article-widget id="a" src="arabic.md"></article-widget>') },
    '/german.html': { type: 'text/html; charset=utf-8', body: page('de', '<article-widget id="a" src="article.md"></article-widget>') },
    // A host lang written with an underscore, and one that is no language tag: neither refuses the article.
    '/en_US.html': { type: 'text/html; charset=utf-8', body: page('en_US', '<article-widget id="a" src="article.md"></article-widget>') },
    '/badlang.html': { type: 'text/html; charset=utf-8', body: page('x', '<article-widget id="a" src="article.md"></article-widget>') },
    // An Arabic article on an English page: its letters tell its language.
    '/arabic-on-english.html': { type: 'text/html; charset=utf-8', body: page('en', '<article-widget id="a" src="arabic.md"></article-widget>') },
    // An English article on a Hebrew page keeps its direction.
    '/hebrew-host.html': { type: 'text/html; charset=utf-8', body: page('he', '<article-widget id="a" src="article.md"></article-widget>') },
  });
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); await server?.close(); });

test('an Arabic article mirrors the timeline and the controls, and ArrowLeft goes to the next stage', { timeout: 60000 }, async () => {
  const { page: p, errors } = await openPage(browser, server.url + 'arabic.html', { width: 1000, height: 900 });
  await waitReady(p);
  const layout = await p.evaluate(() => document.getElementById('a').getLayout());
  const xs = layout.stages.map((s) => s.x + s.width / 2);
  assert.equal(xs.length, 4);
  for (let i = 1; i < xs.length; i++) assert.ok(xs[i] < xs[i - 1], `stage ${i + 1} is left of stage ${i}: ${xs.join(', ')}`);
  assert.ok(layout.next.x < layout.previous.x, 'Next is left of Previous');
  assert.ok(layout.previous.x + layout.previous.width < 1000 / 2, 'the buttons stand at the left');
  assert.ok(layout.filter.x > layout.expandAll.x && layout.filter.x > layout.collapseAll.x, 'the filter box stands right of its buttons');
  // The words are Arabic: the mirror holds the core's strings.
  const words = await p.evaluate(() => [...document.getElementById('a').shadowRoot.querySelectorAll('button')].map((b) => b.textContent).join(' | '));
  assert.match(words, /\u0627\u0644\u0645\u0631\u062D\u0644\u0629 \u0627\u0644\u062A\u0627\u0644\u064A\u0629/, `"next stage" in Arabic among ${words}`);
  assert.match(words, /\u0639\u0631\u0636 \u0627\u0644\u0646\u0635/, 'the Text view button in Arabic');
  // ArrowLeft on the focused track goes forward, ArrowRight back.
  await p.evaluate(() => document.getElementById('a').shadowRoot.querySelector('[data-focus="timeline"]').focus());
  await p.keyboard.press('ArrowLeft');
  await p.waitForFunction(() => document.getElementById('a').getState().stage === 1, null, { timeout: 5000 });
  await p.keyboard.press('ArrowRight');
  await p.waitForFunction(() => document.getElementById('a').getState().stage === 0, null, { timeout: 5000 });
  await p.evaluate(() => document.getElementById('a').scrollToAnchor('aw-stage-2'));
  await p.waitForTimeout(600);
  const shot = await saveShot(p, 'languages-arabic-timeline.png');
  assert.ok(shot.png.width > 0);
  assert.deepEqual(errors, []);
});

test('a German host page gives the canvas and the element German words', { timeout: 60000 }, async () => {
  const { page: p, errors } = await openPage(browser, server.url + 'german.html', { width: 1000, height: 900 });
  await waitReady(p);
  const shown = await p.evaluate(() => {
    const el = document.getElementById('a');
    return { button: el.shadowRoot.querySelector('button.textview').textContent, state: el.getState(),
      controls: [...el.shadowRoot.querySelectorAll('.mirror button')].map((b) => b.textContent).join(' | '),
      canvasText: el.getModel().title };
  });
  assert.equal(shown.button, 'Textansicht');
  assert.match(shown.controls, /N\u00e4chste Etappe/);
  assert.match(shown.controls, /Alle aufklappen/);
  assert.doesNotMatch(shown.controls, /Expand all|Next stage/);
  // The canvas's own Next button is sized for "Weiter ›", not "Next ›": its width follows the German label.
  const next = await p.evaluate(() => document.getElementById('a').getLayout().next);
  const { page: en } = await openPage(browser, server.url + 'index.html', { width: 1000, height: 900 });
  await waitReady(en);
  const englishNext = await en.evaluate(() => document.querySelector('article-widget').getLayout().next);
  assert.notEqual(Math.round(next.width), Math.round(englishNext.width));
  // The Text view and back: the button's words follow the view.
  await p.evaluate(() => document.getElementById('a').shadowRoot.querySelector('button.textview').click());
  assert.equal(await p.evaluate(() => document.getElementById('a').shadowRoot.querySelector('button.textview').textContent), 'Interaktive Ansicht');
  assert.deepEqual(errors, []);
});

test('a host lang like en_US or one that is no tag never refuses the article; an English article on a Hebrew page is not mirrored', { timeout: 60000 }, async () => {
  for (const [file, lang] of [['en_US.html', 'en'], ['badlang.html', 'en']]) {
    const { page: p, errors, context } = await openPage(browser, server.url + file, { width: 1000, height: 900 });
    const problems = [];
    await p.exposeFunction('reportProblem', (m) => problems.push(m));
    await p.evaluate(() => document.getElementById('a').addEventListener('articleerror', (e) => window.reportProblem(e.detail.message)));
    await waitReady(p);
    const words = await p.evaluate(() => JSON.parse(document.getElementById('a')._query('strings')));
    assert.equal(words.lang, lang, `${file}: the widget speaks ${words.lang}`);
    assert.deepEqual(problems, [], `${file}: no articleerror`);
    assert.deepEqual(errors, []);
    await context.close();
  }
  const { page: p, errors } = await openPage(browser, server.url + 'hebrew-host.html', { width: 1000, height: 900 });
  await waitReady(p);
  const layout = await p.evaluate(() => document.getElementById('a').getLayout());
  assert.ok(layout.stages[0].x < layout.stages[1].x, 'stage 1 stays at the left of stage 2');
  assert.equal(await p.evaluate(() => JSON.parse(document.getElementById('a')._query('strings')).dir), 'ltr');
  assert.deepEqual(errors, []);
});

test("an Arabic article on an English page speaks Arabic: its words, its direction and its HTML's lang", { timeout: 60000 }, async () => {
  const { page: p, errors } = await openPage(browser, server.url + 'arabic-on-english.html', { width: 1000, height: 900 });
  await waitReady(p);
  const words = await p.evaluate(() => JSON.parse(document.getElementById('a')._query('strings')));
  assert.equal(words.lang, 'ar');
  assert.equal(words.dir, 'rtl');
  const controls = await p.evaluate(() => [...document.getElementById('a').shadowRoot.querySelectorAll('.mirror button')].map((b) => b.textContent).join(' | '));
  assert.match(controls, /\u0627\u0644\u0645\u0631\u062D\u0644\u0629 \u0627\u0644\u062A\u0627\u0644\u064A\u0629/, `"next stage" in Arabic among ${controls}`);
  assert.doesNotMatch(controls, /Next stage|Expand all/);
  // The mirror (the HTML a screen reader reads) says the language, so it is spoken in Arabic.
  assert.equal(await p.evaluate(() => document.getElementById('a').shadowRoot.querySelector('article.aw-article').getAttribute('lang')), 'ar');
  assert.deepEqual(errors, []);
});
