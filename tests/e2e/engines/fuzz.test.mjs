// Cross-engine fuzz: a seeded random walk of API calls, attribute changes, new articles, DOM moves, removals and
// re-mounts, real clicks, keys, scrolls and resizes against the element, with the invariants checked after every step:
// no page error, `ready` settles, getState() is valid, and (every few steps, and at the end) the screen shows the
// current frame. The seed is printed; AW_FUZZ_SEED=<seed> replays a run, AW_FUZZ_STEPS sets its length.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINE, launchEngine, widgetReady, currentFrame } from '../engines.mjs';
import { startServer, DIST } from '../harness.mjs';

const SEED = Number(process.env.AW_FUZZ_SEED || Math.floor(Math.random() * 2 ** 31));
const STEPS = Number(process.env.AW_FUZZ_STEPS || 40);
const PAGE = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fuzz</title><link rel="icon" href="data:,">' +
  '<link rel="stylesheet" href="/demo.css"><script src="/article-widget.js" defer></script></head><body><main>' +
  '<div id="a"><article-widget id="w" src="/article.md" config="/widget.json"></article-widget></div><div id="b"></div></main></body></html>';
let server, browser;
before(async () => {
  server = await startServer(DIST, { '/fuzz.html': { type: 'text/html; charset=utf-8', body: PAGE } }, {}, { probe: true });
  browser = await launchEngine();
});
after(async () => { await browser?.close(); await server?.close(); });

// mulberry32: a small seeded generator, so a run can be replayed from its seed.
function generator(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n) => Math.floor(next() * n), pick: (list) => list[Math.floor(next() * list.length)] };
}

function article(rng) {
  const stages = 1 + rng.int(6), questions = rng.int(4);
  let md = `# Fuzzed ${rng.int(1000)}\n\nA paragraph with **bold**, *emphasis*, \`code\` and a [link](https://example.org/${rng.int(99)}).\n\n`;
  md += '<!-- article-widget:timeline -->\n';
  for (let i = 0; i < stages; i++) md += `${i + 1}. **Stage ${i + 1}** \u2013 what happens at step ${i + 1}.\n`;
  if (questions) md += '\n## FAQ\n\n' + Array.from({ length: questions }, (_, i) => `### Question ${i + 1}?\n\nAnswer ${i + 1}.\n`).join('\n');
  return md;
}

// One random step: a description (for the log) and what it does.
function step(rng) {
  const kind = rng.pick(['api', 'api', 'api', 'attribute', 'markdown', 'move', 'remount', 'click', 'click', 'key', 'key', 'scroll', 'resize']);
  switch (kind) {
    case 'api': {
      const call = rng.pick([['selectStage', rng.int(8) - 1], ['toggleFaq', rng.int(6) - 1, rng.pick([true, false, undefined, 'x'])], ['expandAll'], ['collapseAll'],
        ['scrollToAnchor', rng.pick(['faqs', 'aw-stage-2', '#aw-faq-x', 'nothing', ''])], ['setState', rng.pick([{ stage: rng.int(4) }, { openFaqs: [rng.int(3)] }, { stage: 'x' }, null])],
        ['getLayout'], ['getModel']]);
      return { what: `${call[0]}(${call.slice(1).map((v) => JSON.stringify(v)).join(', ')})`, page: ([name, ...args]) => document.getElementById('w')[name](...args), arg: call };
    }
    case 'attribute': {
      const [name, value] = rng.pick([['theme', rng.pick(['light', 'dark', 'auto', 'purple'])], ['start-stage', rng.pick(['0', '2', 'abc', '-1'])], ['hash-prefix', rng.pick(['x-', 'aw-'])]]);
      return { what: `${name}="${value}"`, page: ([n, v]) => document.getElementById('w').setAttribute(n, v), arg: [name, value], reload: name !== 'theme' };
    }
    case 'markdown': {
      const md = article(rng);
      return { what: `markdown = ${JSON.stringify(md.slice(0, 30))}\u2026`, page: (text) => { document.getElementById('w').markdown = text; }, arg: md, reload: true };
    }
    case 'move': return { what: 'move to the other container', page: () => { const w = document.getElementById('w'); (w.parentElement.id === 'a' ? document.getElementById('b') : document.getElementById('a')).append(w); } };
    case 'remount': return { what: 'remove, then mount again', page: () => { const w = document.getElementById('w'); const parent = w.parentElement; w.remove(); return new Promise((r) => setTimeout(() => { parent.append(w); r(); }, 0)); }, reload: true };
    case 'click': return { what: 'click', pointer: [rng.next(), rng.next()] };
    case 'key': { const key = rng.pick(['Tab', 'ArrowRight', 'ArrowLeft', 'Enter', ' ', 'Escape', 'Home', 'End', 'Control+a']); return { what: `key ${key}`, key }; }
    case 'scroll': { const dy = rng.int(3000) - 1000; return { what: `scrollBy ${dy}`, page: (y) => window.scrollBy(0, y), arg: dy }; }
    default: { const size = [320 + rng.int(900), 400 + rng.int(500)]; return { what: `resize ${size}`, size }; }
  }
}

function assertValidState(state, model, where) {
  assert.ok(state && typeof state === 'object', `${where}: getState() is an object`);
  const stages = model && model.timeline ? model.timeline.stages.length : 0;
  assert.ok(Number.isInteger(state.stage) && state.stage >= 0 && (stages === 0 || state.stage < stages), `${where}: stage ${state.stage} of ${stages}`);
  assert.ok(Array.isArray(state.openFaqs) && state.openFaqs.every((i, k, a) => Number.isInteger(i) && (k === 0 || a[k - 1] < i)), `${where}: openFaqs ${JSON.stringify(state.openFaqs)}`);
  assert.equal(typeof state.filter, 'string', `${where}: filter`);
  assert.ok(Number.isFinite(state.scrollY), `${where}: scrollY`);
}

test(`${ENGINE}: fuzz: ${STEPS} random steps keep every invariant (seed ${SEED})`, { timeout: 600000 }, async () => {
  console.log(`fuzz seed: ${SEED} (replay: AW_FUZZ_SEED=${SEED} AW_ENGINE=${ENGINE})`);
  const rng = generator(SEED);
  const page = await browser.newPage({ width: 1000, height: 800 });
  const log = [];
  try {
    await page.goto(server.url + 'fuzz.html');
    await widgetReady(page, '#w');
    for (let i = 0; i < STEPS; i++) {
      const s = step(rng);
      log.push(s.what);
      const where = `seed ${SEED}, step ${i + 1} (${log.slice(-4).join(' \u2192 ')})`;
      if (s.page) await page.evaluate(s.page, s.arg === undefined ? null : s.arg);
      if (s.pointer) {
        const r = await page.evaluate(() => { const b = document.getElementById('w').getBoundingClientRect(); return { x: b.left, y: Math.max(0, b.top), w: b.width, h: Math.min(innerHeight, b.bottom) - Math.max(0, b.top) }; });
        if (r.h > 4 && r.w > 4) await page.mouse.click(r.x + 2 + s.pointer[0] * (r.w - 4), r.y + 2 + s.pointer[1] * (r.h - 4));
      }
      if (s.key) await page.keyboard.press(s.key);
      if (s.size) await page.setViewport(...s.size);
      if (s.reload) await widgetReady(page, '#w').catch((e) => assert.fail(`${where}: ready did not settle: ${e.message}`));
      const errors = await page.errors();
      assert.deepEqual(errors, [], `${where}: no page error`);
      const { state, model } = await page.evaluate(() => { const w = document.getElementById('w'); return { state: w.getState(), model: w.getModel() }; });
      assertValidState(state, model, where);
      if (i % 10 === 9 || i === STEPS - 1) {
        const drawn = await page.evaluate(() => !/html-view/.test(document.getElementById('w').shadowRoot.querySelector('.root').className));
        if (drawn) {
          const { lagShare } = await currentFrame(page, '#w');
          assert.ok(lagShare < 0.002, `${where}: the screen shows the current frame (${(100 * lagShare).toFixed(2)} % changed on a redraw)`);
        }
      }
    }
  } finally {
    await page.close();
  }
});
