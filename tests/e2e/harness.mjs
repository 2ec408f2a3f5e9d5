// Shared browser-test harness: a static server on 127.0.0.1 and Debian's Chromium via playwright-core.
import { createServer } from 'node:http';
import { readFile, stat, mkdir } from 'node:fs/promises';
import { extname, join, normalize, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { PNG } from 'pngjs';
import { PROBE_SCRIPT } from './engines.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = join(ROOT, 'build/web/dist');
export const SHOTS = join(ROOT, 'build/screenshots');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css',
  '.md': 'text/markdown; charset=utf-8', '.json': 'application/json', '.png': 'image/png', '.ts': 'text/plain',
  '.svg': 'image/svg+xml', '.woff': 'font/woff', '.woff2': 'font/woff2', '.ttf': 'font/ttf',
};

// Serves `dir`; `routes` may override paths with { status, body, delayMs, type }; `mounts` serves other
// directories under URL prefixes ({ '/timelinejs/': '/path/to/dist' }). With `probe`, every HTML page gets the
// cross-engine error probe (tests/e2e/engines.mjs) as its first script, where its CSP allows the page's own scripts.
export async function startServer(dir = DIST, routes = {}, mounts = {}, { probe = false } = {}) {
  const withProbe = (type, body) => {
    if (!probe || !/^text\/html/.test(type)) return body;
    const html = String(body);
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
    if (csp && !/(script-src|default-src)[^;]*'self'/.test(csp[1])) return html;
    return html.replace(/<head[^>]*>|<html[^>]*>|^/i, (open) => `${open}<script src="/__aw_probe.js"></script>`);
  };
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (probe && path === '/__aw_probe.js') {
      res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' }).end(PROBE_SCRIPT);
      return;
    }
    const route = routes[path];
    if (route) {
      if (route.delayMs) await new Promise((r) => setTimeout(r, route.delayMs));
      res.writeHead(route.status || 200, { 'content-type': route.type || 'text/plain' });
      res.end(withProbe(route.type || 'text/plain', route.body || ''));
      return;
    }
    const mount = Object.keys(mounts).find((prefix) => path.startsWith(prefix));
    const base = mount ? mounts[mount] : dir;
    const file = normalize(join(base, path === '/' ? 'index.html' : mount ? path.slice(mount.length) : path));
    if (!file.startsWith(base)) { res.writeHead(403).end(); return; }
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      const type = TYPES[extname(file)] || 'application/octet-stream';
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(withProbe(type, await readFile(file)));
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(r)) };
}

// Chromium as the machine has it: no downloaded browser, no background network.
export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--no-first-run', '--disable-quic', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
      '--disable-features=Translate,MediaRouter,OptimizationHints'],
  });
}

// A page that records console errors and uncaught exceptions.
export async function openPage(browser, url, viewport = { width: 1100, height: 900 }, options = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: options.scale || 1, colorScheme: options.colorScheme || 'light',
    reducedMotion: options.reducedMotion || 'no-preference' });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  if (url) await page.goto(url);
  return { page, context, errors };
}

export async function waitReady(page, selector = 'article-widget') {
  return page.evaluate(async (sel) => {
    const el = document.querySelector(sel);
    await customElements.whenDefined('article-widget');
    await Promise.race([el.ready, new Promise((_, reject) => setTimeout(() => reject(new Error('not ready in 20 s')), 20000))]);
    return true;
  }, selector);
}

// Scrolls the page so FAQ question `index` of the widget `selector` is on screen (200 px from the top);
// returns the question's layout rectangle and the element's viewport position, for a click at its middle.
export async function scrollToFaq(page, index, selector = '#article') {
  const q = (await page.evaluate((sel) => document.querySelector(sel).getLayout(), selector)).faqs[index];
  const before = await page.evaluate((sel) => document.querySelector(sel).framesDrawn, selector);
  const box = await page.evaluate(([sel, y]) => {
    const el = document.querySelector(sel);
    window.scrollTo(0, window.scrollY + el.getBoundingClientRect().top + y - 200);
    const r = el.getBoundingClientRect();
    return { left: r.left, top: r.top };
  }, [selector, q.y]);
  // On a busy machine the scrolled view may take a while: a click only hits what has been drawn.
  await page.waitForFunction(([sel, n]) => document.querySelector(sel).framesDrawn > n, [selector, before], { timeout: 5000 })
    .catch(() => {});
  return { q, box, x: box.left + q.x + q.width / 2, y: box.top + q.y + q.height / 2 };
}

export async function saveShot(page, name, locator) {
  await mkdir(SHOTS, { recursive: true });
  const path = join(SHOTS, name);
  const buffer = await (locator ? page.locator(locator).screenshot({ path }) : page.screenshot({ path }));
  return { path, png: PNG.sync.read(buffer) };
}

// Luminance variance of a PNG: near zero for a blank canvas.
export function pixelVariance(png) {
  let sum = 0, sumSq = 0, n = 0;
  for (let i = 0; i < png.data.length; i += 4 * 7) {
    const l = 0.2126 * png.data[i] + 0.7152 * png.data[i + 1] + 0.0722 * png.data[i + 2];
    sum += l; sumSq += l * l; n++;
  }
  const mean = sum / n;
  return sumSq / n - mean * mean;
}

// Main-thread task time (CDP TaskDuration) over `ms` of idleness after load, with the frames the
// widget drew meanwhile, the JS heap and, for a widget page, the WebAssembly memory.
export async function measureIdle(browser, url, { widget = false, settleMs = 1000, ms = 5000 } = {}) {
  const { page, context } = await openPage(browser, url);
  if (widget) await waitReady(page);
  await page.waitForTimeout(settleMs);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const metric = async (name) => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name).value;
  const frames = () => (widget ? page.evaluate(() => document.querySelector('article-widget').framesDrawn) : 0);
  const frames0 = await frames();
  const t0 = await metric('TaskDuration');
  await page.waitForTimeout(ms);
  const t1 = await metric('TaskDuration');
  const result = { taskMs: (t1 - t0) * 1000, frames: (await frames()) - frames0, jsHeapBytes: await metric('JSHeapUsedSize') };
  if (widget) result.wasmBytes = await page.evaluate(() => document.querySelector('article-widget')._mod.HEAPU8.length);
  await context.close();
  return result;
}

// A short article with a timeline and a FAQ; `n` names it.
export function shortArticle(n) {
  return `# Explainer ${n}

Widget number ${n} on a long page: a paragraph of text, so the canvas has something to draw.

<!-- article-widget:timeline -->
1. **Draft ${n}** \u2013 the first version is written.
2. **Test ${n}** \u2013 it is tried by readers.
3. **Ship ${n}** \u2013 it goes out.

## FAQ

### Why ${n}?

Because a long explainer has many widgets.
`;
}

// A page of `count` widgets (ids w1, w2, ...) with host text between them: each with the inline article
// `articleFor(n)` gives, or the default article fetched (src) without one.
export function widgetsPage(count, articleFor = null) {
  const widgets = Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    const body = articleFor ? `<script type="text/markdown">${articleFor(n)}</script>` : '';
    const source = articleFor ? '' : ' src="article.md" config="widget.json"';
    return `<p class="host-text">Host text before widget ${n}.</p>\n<article-widget id="w${n}" hash-prefix="w${n}-"${source}>${body}</article-widget>`;
  }).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${count} widgets</title><link rel="icon" href="data:,">
    <link rel="stylesheet" href="demo.css"><script src="article-widget.js" defer></script></head>
    <body><main><h1>${count} explainers on one page</h1>${widgets}</main></body></html>`;
}
