// Many widgets on one page, in headless Chromium: pages of 1, 2 and 24 <article-widget> elements with the default
// article, one WebAssembly module serving them all. For each page: the JS heap plus the module's memory, the
// renderer's and the GPU process's resident memory (CDP SystemInfo.getProcessInfo, /proc), and the time from the
// first widget's ready to the second's. A page with the plain article as HTML is the baseline of the same run.
// Prints one JSON object. Usage: node bench/widgets_bench.mjs [--rounds 3]
import { readFileSync } from 'node:fs';
import { startServer, launchBrowser, openPage, widgetsPage, DIST } from '../tests/e2e/harness.mjs';

const args = process.argv.slice(2);
const ROUNDS = Number(args[args.indexOf('--rounds') + 1]) || 3;
const COUNTS = [1, 2, 24];
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };

const pages = { '/plain.html': { status: 200, type: 'text/html; charset=utf-8',
  body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>plain</title><link rel="icon" href="data:,"></head><body><main>${
    readFileSync(`${DIST}/article.md`, 'utf8').split('\n\n').map((p) => `<p>${p.replace(/[<&]/g, '')}</p>`).join('\n')}</main></body></html>` } };
for (const n of COUNTS) pages[`/widgets-${n}.html`] = { status: 200, type: 'text/html; charset=utf-8', body: widgetsPage(n) };
const server = await startServer(DIST, pages);
const browser = await launchBrowser();
const browserCdp = await browser.newBrowserCDPSession();

// Resident memory (bytes) of the browser's processes of `type` ("renderer", "GPU").
async function residentBytes(type) {
  const { processInfo } = await browserCdp.send('SystemInfo.getProcessInfo');
  let total = 0;
  for (const p of processInfo.filter((info) => info.type === type)) {
    try {
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p.id}/status`, 'utf8'));
      if (rss) total += Number(rss[1]) * 1024;
    } catch { /* the process ended meanwhile */ }
  }
  return total;
}

async function measure(path, widgets) {
  const { page, context } = await openPage(browser, null, { width: 1000, height: 800 });
  await page.addInitScript(() => {
    window.__readyAt = [];
    document.addEventListener('ready', (e) => window.__readyAt.push({ id: e.target.id, t: performance.now() }));
  });
  await page.goto(server.url + path.slice(1));
  if (widgets) await page.waitForFunction((n) => window.__readyAt.length >= n, widgets, { timeout: 120000, polling: 100 });
  await page.waitForTimeout(1000);
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  const wasm = widgets ? await page.evaluate(() => document.querySelector('article-widget')._mod.HEAPU8.length) : 0;
  const ready = widgets ? await page.evaluate(() => window.__readyAt) : [];
  const first = ready.find((r) => r.id === 'w1'), second = ready.find((r) => r.id === 'w2');
  const result = { jsHeapBytes: heap, wasmBytes: wasm, heapPlusWasmBytes: heap + wasm,
    rendererBytes: await residentBytes('renderer'), gpuBytes: await residentBytes('GPU'),
    secondReadyAfterFirstMs: first && second ? second.t - first.t : null, firstReadyMs: first ? first.t : null };
  await context.close();
  return result;
}

const rounds = {};
try {
  for (let r = 0; r < ROUNDS; r++) {
    for (const [name, path, n] of [['plain', '/plain.html', 0], ...COUNTS.map((c) => [`widgets${c}`, `/widgets-${c}.html`, c])]) {
      (rounds[name] ||= []).push(await measure(path, n));
    }
  }
} finally {
  await browser.close();
  await server.close();
}
const out = {};
for (const [name, list] of Object.entries(rounds)) {
  out[name] = Object.fromEntries(Object.keys(list[0]).map((key) => [key, list[0][key] === null ? null : median(list.map((m) => m[key]))]));
}
// What the second widget adds to the first, as a ratio of the first's own cost over the plain page.
const added = (key) => (out.widgets2[key] - out.widgets1[key]) / Math.max(1, out.widgets1[key] - out.plain[key]);
out.secondWidgetAdds = { heapPlusWasm: added('heapPlusWasmBytes'), renderer: added('rendererBytes') };
console.log(JSON.stringify(out, null, 2));
