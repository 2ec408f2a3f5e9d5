// Per browser engine, in one run and interleaved: the demo page's canvas ready (its first frame drawn, the
// "aw-first-frame" mark) against TimelineJS 3.9.11's ready ("peer-ready") on a page with the same stages, each load
// a fresh page (a fresh context; in WebKit a fresh browser, for both alike); and the drawing route each engine takes
// with its measured frame-to-screen lag ("aw-route"). Reports only: ratios, never pass/fail.
// usage: xvfb-run -a node bench/engines_bench.mjs [--loads N] [--engines chromium,firefox,webkit]   (prints JSON)
import { peerPages, TIMELINEJS_DIST } from './peers.mjs';
import { startServer, DIST } from '../tests/e2e/harness.mjs';
import { launchEngine, ENGINES } from '../tests/e2e/engines.mjs';

const arg = (name, fallback) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : fallback; };
const LOADS = Number(arg('--loads', 5));
const engines = arg('--engines', ENGINES.join(',')).split(',');
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2 : null; };

const { timeline } = peerPages();
const server = await startServer(DIST, { '/timeline.html': { type: 'text/html; charset=utf-8', body: timeline } }, { '/timelinejs/': TIMELINEJS_DIST });
const results = {};
for (const engine of engines) {
  const browser = await launchEngine(engine);
  const widget = [], peer = [];
  let route = null;
  try {
    for (let i = 0; i < LOADS; i++) {
      for (const kind of i % 2 ? ['timeline', 'widget'] : ['widget', 'timeline']) {   // interleaved, alternating who goes first
        const page = await browser.newPage({ width: 1100, height: 900 });
        try {
          await page.goto(server.url + (kind === 'widget' ? 'index.html' : 'timeline.html'));
          const mark = kind === 'widget' ? 'aw-first-frame' : 'peer-ready';
          const ms = await page.waitFor((name) => { const e = performance.getEntriesByName(name)[0]; return e ? e.startTime : 0; }, mark, { timeout: 60000, message: mark });
          (kind === 'widget' ? widget : peer).push(ms);
          if (kind === 'widget' && !route) route = await page.evaluate(() => performance.getEntriesByName('aw-route')[0].detail);
        } finally {
          await page.close();
        }
      }
    }
  } finally {
    await browser.close();
  }
  results[engine] = { route, widgetReadyMs: median(widget), timelineJsReadyMs: median(peer), ratio: median(widget) / median(peer), loads: LOADS,
    widgetSamples: widget.map(Math.round), timelineJsSamples: peer.map(Math.round) };
  console.error(`${engine}: canvas ready ${Math.round(median(widget))} ms, TimelineJS ready ${Math.round(median(peer))} ms, ratio ${(median(widget) / median(peer)).toFixed(2)}; route ${JSON.stringify(route)}`);
}
await server.close();
console.log(JSON.stringify(results, null, 2));
