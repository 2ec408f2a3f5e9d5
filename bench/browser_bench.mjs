// Browser benchmarks in headless Chromium (tests/e2e/harness.mjs): cold loads of the demo page interleaved with
// its peers (the article as plain HTML, TimelineJS with the same stages: bench/peers.mjs), the bundle's first
// frame, FAQ click latency, per-frame CPU while scrolling, idle main-thread time beside a plain page, memory.
// Prints one JSON object. Usage: node bench/browser_bench.mjs [--loads 7] [--bundle build/web/dist/article.html]
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { startServer, launchBrowser, openPage, waitReady, scrollToFaq, measureIdle, DIST } from '../tests/e2e/harness.mjs';
import { peerPages, measureLoad, TIMELINEJS_DIST, TIMELINEJS_VERSION } from './peers.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : fallback; };
const LOADS = Number(opt('--loads', 7));
const BUNDLE = opt('--bundle', `${DIST}/article.html`);

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const stats = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length });

const PLAIN = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>plain</title></head><body><main>
  <h1>A plain page</h1>${'<p>Plain static text, no scripts, for comparison with the widget page.</p>'.repeat(40)}</main></body></html>`;

const peers = peerPages();
const html = (body) => ({ status: 200, body, type: 'text/html; charset=utf-8' });
// The demo page with the multilingual sample article (tests/multilingual) in place of the default one.
const MULTILINGUAL = readFileSync(new URL('../tests/multilingual/article.md', import.meta.url), 'utf8');
const DEMO = readFileSync(`${DIST}/index.html`, 'utf8');
const server = await startServer(DIST, {
  '/plain.html': html(PLAIN), '/peer-plain.html': html(peers.plain), '/peer-timeline.html': html(peers.timeline),
  '/static-site.html': html(peers.staticSite),
  '/multilingual.html': html(DEMO.replace('src="article.md" config="widget.json"', 'src="multilingual.md"')),
  '/multilingual.md': { body: MULTILINGUAL, type: 'text/markdown; charset=utf-8' },
}, { '/timelinejs/': TIMELINEJS_DIST });
const browser = await launchBrowser();
const out = {};
try {
  // First content frame: a fresh context per load (no cache; the server sends no-store).
  const firstFrame = async (url) => {
    const times = [];
    for (let i = 0; i < LOADS; i++) {
      const { page, context } = await openPage(browser, url);
      await waitReady(page);
      times.push(await page.evaluate(() => performance.getEntriesByName('aw-first-frame')[0].startTime));
      await context.close();
    }
    return stats(times);
  };
  // The demo page and its peers, interleaved: each round loads all three, in a rotating order.
  const pages = { widget: 'index.html', static: 'static-site.html', plain: 'peer-plain.html', timeline: 'peer-timeline.html' };
  const loads = { widget: [], static: [], plain: [], timeline: [] };
  await measureLoad(browser, server.url + 'index.html', 'widget', peers.firstStage);   // a warm-up load, not counted
  for (let round = 0; round < LOADS; round++) {
    const order = Object.keys(pages);
    for (let k = 0; k < round % order.length; k++) order.push(order.shift());
    for (const kind of order) loads[kind].push(await measureLoad(browser, server.url + pages[kind], kind, peers.firstStage));
  }
  out.peers = { timelinejsVersion: TIMELINEJS_VERSION };
  for (const [kind, list] of Object.entries(loads)) {
    out.peers[kind] = Object.fromEntries(['textMs', 'readyMs', 'cls', 'bytes', 'gzipBytes', 'memoryBytes', 'jsHeapBytes', 'wasmBytes', 'glContextMs', 'glContextAt', 'extensions', 'extensionMs']
      .map((key) => [key, stats(list.map((l) => l[key]))]));
  }
  out.firstFrame = out.peers.widget.readyMs;
  if (existsSync(BUNDLE)) out.firstFrameBundle = await firstFrame(pathToFileURL(BUNDLE).href);

  // The browser's text engine in the first frame (Module.textStats, web/article-widget-text.js): measuring
  // and rasterising until the first frame is drawn, and the measuring done while the module downloads;
  // the default article and the multilingual one, loads interleaved.
  {
    const runs = { default: { first: [], font: [], prepare: [] }, multilingual: { first: [], font: [], prepare: [] } };
    for (let i = 0; i < LOADS; i++) {
      for (const [name, path] of [['default', 'index.html'], ['multilingual', 'multilingual.html']]) {
        const { page, context } = await openPage(browser, server.url + path);
        await waitReady(page);
        const r = await page.evaluate(() => {
          const s = document.querySelector('article-widget')._mod.textStats;
          return { first: performance.getEntriesByName('aw-first-frame')[0].startTime, font: s.measureMs + s.glyphMs + s.runMs, prepare: s.prepareMs };
        });
        for (const k of ['first', 'font', 'prepare']) runs[name][k].push(r[k]);
        await context.close();
      }
    }
    for (const name of Object.keys(runs)) out[`text_${name}`] = { first: stats(runs[name].first), font: stats(runs[name].font), prepare: stats(runs[name].prepare) };
  }

  // Interaction: a real click on a FAQ question at its getLayout() rectangle. Timed in the page from the
  // pointerdown (the question opens on press) to the end of the widget frame that drew it open (the element
  // draws input synchronously inside the event), and to the next animation frame (the paint that shows it).
  {
    const { page, context } = await openPage(browser, server.url + 'index.html');
    await waitReady(page);
    await page.evaluate(() => {
      const el = document.getElementById('article');
      const mod = el._mod;
      const frame = mod._aw_frame;
      window.__t = { up: 0, drawn: [], painted: [] };
      el.addEventListener('faqtoggle', (e) => { if (e.detail.open) window.__t.toggled = true; });
      mod._aw_frame = (t) => {
        const r = frame(t);
        if (window.__t.toggled) {
          window.__t.toggled = false;
          const end = performance.now();
          window.__t.drawn.push(end - window.__t.up);
          requestAnimationFrame(() => window.__t.painted.push(performance.now() - window.__t.up));
        }
        return r;
      };
      window.addEventListener('pointerdown', () => { window.__t.up = performance.now(); }, true);
    });
    const target = await scrollToFaq(page, 2);
    await page.waitForTimeout(200);
    for (let i = 0; i < LOADS; i++) {
      await page.mouse.click(target.x, target.y);
      await page.waitForTimeout(150);
      await page.evaluate(() => document.getElementById('article').toggleFaq(2, false));
      await page.waitForTimeout(600);   // the answer's close animation settles
    }
    const t = await page.evaluate(() => window.__t);
    out.clickToDrawnMs = stats(t.drawn);
    out.clickToPaintMs = stats(t.painted);
    await context.close();
  }

  // Scrolling: the page scrolls in 40 px steps, one animation frame each; every widget frame is timed.
  {
    const { page, context } = await openPage(browser, server.url + 'index.html');
    await waitReady(page);
    const frames = await page.evaluate(async () => {
      const el = document.getElementById('article');
      const mod = el._mod;
      const frame = mod._aw_frame;
      const times = [];
      mod._aw_frame = (t) => { const t0 = performance.now(); const r = frame(t); times.push(performance.now() - t0); return r; };
      const top = window.scrollY + el.getBoundingClientRect().top;
      const end = top + el.offsetHeight - window.innerHeight;
      const raf = () => new Promise((r) => requestAnimationFrame(r));
      for (let y = top; y < end; y += 40) { window.scrollTo(0, y); await raf(); await raf(); }
      mod._aw_frame = frame;
      return times;
    });
    out.scrollFrameMs = { p50: pct(frames, 0.5), p95: pct(frames, 0.95), max: Math.max(...frames), frames: frames.length };
    await context.close();
  }

  // Idle: main-thread task time over 5 s (CDP TaskDuration), the widget page beside a plain page.
  out.idlePlain = await measureIdle(browser, server.url + 'plain.html');
  out.idleWidget = await measureIdle(browser, server.url + 'index.html', { widget: true });
  out.chromium = browser.version();
} finally {
  await browser.close();
  await server.close();
}
console.log(JSON.stringify(out));
