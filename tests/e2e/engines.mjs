// Three browser engines behind one small page API, for the cross-engine suite (tests/e2e/engines/): Chromium through
// playwright-core, Firefox ESR through puppeteer-core over WebDriver BiDi, WebKit (WebKitGTK's MiniBrowser) through
// WebKitWebDriver and selenium-webdriver. Every browser is Debian's own; none is downloaded. Firefox and WebKit need a
// display (tests/e2e/run.sh starts them under Xvfb); Firefox only draws WebGL in a window, so it is never headless here.
// [SECTION] which engine  [SECTION] launching  [SECTION] the page API  [SECTION] keys  [SECTION] the error probe
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { PNG } from 'pngjs';

// [SECTION] which engine ------------------------------------------------------------------------------------------
export const ENGINES = ['chromium', 'firefox', 'webkit'];
// The engine this test process drives (tests/e2e/run.sh runs the suite once per engine).
export const ENGINE = process.env.AW_ENGINE || 'chromium';
if (!ENGINES.includes(ENGINE)) throw new Error(`AW_ENGINE must be one of ${ENGINES.join(', ')}, got "${ENGINE}"`);

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER_PATH || '/usr/bin/WebKitWebDriver';
const MINIBROWSER = process.env.MINIBROWSER_PATH || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

// [SECTION] launching -----------------------------------------------------------------------------------------------
// A browser of `engine`; with `webgl: false` one whose WebGL is switched off by its own setting (a blocklisted GPU).
// `features` adds WebKit feature flags (MiniBrowser --features), for routes only some WebKit builds take.
export async function launchEngine(engine = ENGINE, { webgl = true, features = '' } = {}) {
  if (engine === 'chromium') return launchChromium(webgl);
  if (engine === 'firefox') return launchFirefox(webgl);
  return launchWebKit(webgl, features);
}

async function launchChromium(webgl) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM, headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
      '--disable-quic', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-features=Translate,MediaRouter,OptimizationHints',
      ...(webgl ? [] : ['--disable-3d-apis'])],
  });
  return {
    engine: 'chromium',
    async newPage({ width = 1100, height = 900, colorScheme = 'light' } = {}) {
      const context = await browser.newContext({ viewport: { width, height }, colorScheme });
      // --disable-3d-apis leaves WebGL on an OffscreenCanvas (Chromium 156): that too is refused, as without a GPU.
      if (!webgl) await context.addInitScript(() => {
        const getContext = OffscreenCanvas.prototype.getContext;
        OffscreenCanvas.prototype.getContext = function (type, ...rest) { return /webgl/i.test(type) ? null : getContext.call(this, type, ...rest); };
      });
      const page = await context.newPage();
      return wrapDriverPage(page, context, { goto: (url) => page.goto(url), setViewport: (w, h) => page.setViewportSize({ width: w, height: h }) });
    },
    close: () => browser.close(),
  };
}

async function launchFirefox(webgl) {
  const puppeteer = (await import('puppeteer-core')).default;
  const browser = await puppeteer.launch({
    browser: 'firefox', executablePath: FIREFOX, headless: false, protocol: 'webDriverBiDi',
    extraPrefsFirefox: { 'webgl.disabled': !webgl, 'browser.shell.checkDefaultBrowser': false, 'network.captive-portal-service.enabled': false,
      'app.update.enabled': false, 'extensions.update.enabled': false, 'browser.safebrowsing.update.enabled': false,
      'dom.events.testing.asyncClipboard': true },
  });
  return {
    engine: 'firefox',
    async newPage({ width = 1100, height = 900, colorScheme = 'light' } = {}) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.setViewport({ width, height });
      if (colorScheme !== 'light') await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: colorScheme }]);
      return wrapDriverPage(page, context, { goto: (url) => page.goto(url, { waitUntil: 'load' }), setViewport: (w, h) => page.setViewport({ width: w, height: h }) });
    },
    close: () => browser.close(),
  };
}

// A free TCP port on the loopback interface, for WebKitWebDriver.
async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => { const { port } = server.address(); server.close(() => resolve(port)); });
  });
}

// WebKitWebDriver starts one MiniBrowser per session: each page is a session of its own (a fresh browser, as the
// others' fresh contexts), which is what WebDriver classic offers.
async function launchWebKit(webgl, features) {
  const { Builder, Origin, Key } = await import('selenium-webdriver');
  const port = await freePort();
  const driverProcess = spawn(WEBKIT_DRIVER, [`--port=${port}`, '--host=127.0.0.1'], { stdio: 'ignore' });
  const exited = new Promise((resolve) => driverProcess.once('exit', resolve));
  for (let i = 0; i < 100; i++) {   // until the driver answers
    try { if ((await fetch(`http://127.0.0.1:${port}/status`)).ok) break; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  const sessions = new Set();
  return {
    engine: 'webkit',
    async newPage({ width = 1100, height = 900, colorScheme = 'light' } = {}) {
      const args = ['--automation', `--enable-webgl=${webgl ? 'true' : 'false'}`];
      if (features) args.push(`--features=${features}`);
      if (colorScheme !== 'light') throw new Error('WebKit pages here take the light colour scheme only');
      const driver = await new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities({
        browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: MINIBROWSER, args },
      }).build();
      sessions.add(driver);
      await driver.manage().setTimeouts({ script: 60000, pageLoad: 60000 });
      const setViewport = async (w, h) => {
        await driver.manage().window().setRect({ width: w, height: h });
        const [iw, ih] = await driver.executeScript('return [innerWidth, innerHeight]');
        if (iw !== w || ih !== h) await driver.manage().window().setRect({ width: 2 * w - iw, height: 2 * h - ih });
      };
      await setViewport(width, height);
      let pointer = [0, 0];
      const keyName = (key) => WEBDRIVER_KEYS(Key)[key] ?? key;
      return wrapPage({
        goto: (url) => driver.get(url),
        evaluate: async (fn, arg) => {
          const source = `const done = arguments[arguments.length - 1];
            Promise.resolve().then(() => (${fn.toString()})(arguments[0]))
              .then((value) => done({ value: value === undefined ? null : value }), (e) => done({ error: String(e && e.stack || e) }));`;
          const result = await driver.executeAsyncScript(source, arg === undefined ? null : arg);
          if (result && result.error) throw new Error(`evaluate: ${result.error}`);
          return result ? result.value : undefined;
        },
        screenshot: async () => PNG.sync.read(Buffer.from(await driver.takeScreenshot(), 'base64')),
        setViewport,
        mouseMove: (x, y) => { pointer = [Math.round(x), Math.round(y)]; return driver.actions({ async: true }).move({ x: pointer[0], y: pointer[1], origin: Origin.VIEWPORT }).perform(); },
        mouseDown: () => driver.actions({ async: true }).move({ x: pointer[0], y: pointer[1], origin: Origin.VIEWPORT }).press().perform(),
        mouseUp: () => driver.actions({ async: true }).move({ x: pointer[0], y: pointer[1], origin: Origin.VIEWPORT }).release().perform(),
        keyDown: (key) => driver.actions({ async: true }).keyDown(keyName(key)).perform(),
        keyUp: (key) => driver.actions({ async: true }).keyUp(keyName(key)).perform(),
        close: async () => { sessions.delete(driver); await driver.quit(); },
        nativeErrors: [],
        raw: driver,
      });
    },
    async close() {
      for (const driver of sessions) await driver.quit().catch(() => {});
      driverProcess.kill();
      await exited;
    },
  };
}

// A playwright-core or puppeteer-core page (their mouse, keyboard, screenshot and evaluate calls are alike), wrapped.
function wrapDriverPage(page, context, { goto, setViewport }) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return wrapPage({
    goto, setViewport,
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    screenshot: async () => PNG.sync.read(Buffer.from(await page.screenshot())),
    mouseMove: (x, y) => page.mouse.move(x, y),
    mouseDown: () => page.mouse.down(),
    mouseUp: () => page.mouse.up(),
    keyDown: (key) => page.keyboard.down(key),
    keyUp: (key) => page.keyboard.up(key),
    close: () => context.close(),
    nativeErrors: errors,
    raw: page,
  });
}

// [SECTION] the page API -----------------------------------------------------------------------------------------
// What every test uses, the same in each engine. Keys are named as KeyboardEvent.key names them ("Tab", "ArrowRight",
// "a"), chords with "+" ("Control+c"); coordinates are CSS px of the viewport.
function wrapPage(p) {
  const page = {
    raw: p.raw,
    goto: async (url) => { await p.goto(url); },
    evaluate: p.evaluate,
    setViewport: p.setViewport,
    screenshot: p.screenshot,
    close: p.close,
    // Polls `fn(arg)` until it returns a truthy value; returns that value.
    async waitFor(fn, arg, { timeout = 20000, interval = 50, message = 'condition' } = {}) {
      const end = Date.now() + timeout;
      for (;;) {
        const value = await p.evaluate(fn, arg);
        if (value) return value;
        if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${message}`);
        await new Promise((r) => setTimeout(r, interval));
      }
    },
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    mouse: {
      move: (x, y) => p.mouseMove(x, y),
      down: () => p.mouseDown(),
      up: () => p.mouseUp(),
      async click(x, y) { await p.mouseMove(x, y); await p.mouseDown(); await p.mouseUp(); },
    },
    keyboard: {
      async press(chord) {
        const keys = chord === '+' ? ['+'] : chord.split('+');
        for (const k of keys) await p.keyDown(k);
        for (const k of keys.reverse()) await p.keyUp(k);
      },
      async type(text) { for (const ch of text) { await p.keyDown(ch); await p.keyUp(ch); } },
    },
    // Uncaught exceptions and unhandled rejections of the page (the probe's and the driver's own, without repeats),
    // and console.error calls.
    async errors() {
      const probed = await p.evaluate(() => (window.__awProbe ? window.__awProbe.errors : [])).catch(() => []);
      return [...new Set([...probed, ...p.nativeErrors])];
    },
  };
  return page;
}

// [SECTION] keys ----------------------------------------------------------------------------------------------------
// KeyboardEvent.key names to WebDriver's key codes (single characters pass as they are).
function WEBDRIVER_KEYS(Key) {
  return { Tab: Key.TAB, Enter: Key.ENTER, Escape: Key.ESCAPE, Backspace: Key.BACK_SPACE, ' ': Key.SPACE, Space: Key.SPACE,
    ArrowLeft: Key.ARROW_LEFT, ArrowRight: Key.ARROW_RIGHT, ArrowUp: Key.ARROW_UP, ArrowDown: Key.ARROW_DOWN, Home: Key.HOME, End: Key.END,
    PageUp: Key.PAGE_UP, PageDown: Key.PAGE_DOWN, Shift: Key.SHIFT, Control: Key.CONTROL, Alt: Key.ALT, Meta: Key.META };
}

// [SECTION] the error probe ---------------------------------------------------------------------------------------
// Served as /__aw_probe.js and put first into every HTML page the test server sends (tests/e2e/harness.mjs), so each
// engine records the same things from the page's first script on: uncaught errors, unhandled rejections,
// console.error, CSP violations and the widget events.
export const PROBE_SCRIPT = `(() => {
  const probe = window.__awProbe = { errors: [], violations: [], events: [] };
  addEventListener('error', (e) => probe.errors.push(String(e.error && e.error.stack || e.message)));
  addEventListener('unhandledrejection', (e) => probe.errors.push('unhandled rejection: ' + String(e.reason && e.reason.stack || e.reason)));
  addEventListener('securitypolicyviolation', (e) => probe.violations.push(e.violatedDirective + ': ' + (e.blockedURI || e.sample || '')), true);
  for (const type of ['ready', 'stagechange', 'faqtoggle', 'articleerror', 'linkclick'])
    document.addEventListener(type, (e) => probe.events.push({ type, detail: e.detail }));
  const consoleError = console.error;
  console.error = function (...args) { probe.errors.push('console.error: ' + args.map(String).join(' ')); return consoleError.apply(this, args); };
})();`;

// [SECTION] widget helpers ----------------------------------------------------------------------------------------
// What the cross-engine tests ask of a widget, through the page API alone.

// Runs `fn(page)` on a new page of `browser` at `url`, once the widget `selector` is ready (none: at once); the page is
// closed whatever happens (WebKitWebDriver holds one session at a time).
export async function withPage(browser, url, selector, fn, size = {}) {
  const page = await browser.newPage(size);
  try {
    await page.goto(url);
    if (selector) await widgetReady(page, selector);
    return await fn(page);
  } finally {
    await page.close();
  }
}

// Waits until the element's current `ready` promise settles; returns 'ok' or the rejection's message.
export async function widgetReady(page, selector = 'article-widget', timeout = 30000) {
  const settled = await page.waitFor((sel) => {
    const el = document.querySelector(sel);
    if (!el || !el.ready) return false;
    if (el.__awWatched !== el.ready) {
      el.__awWatched = el.ready;
      el.__awSettled = '';
      el.ready.then(() => { el.__awSettled = 'ok'; }, (e) => { el.__awSettled = 'error: ' + (e && e.message); });
    }
    return el.__awSettled;
  }, selector, { timeout, message: `${selector} ready` });
  if (settled !== 'ok') throw new Error(`${selector}: ${settled}`);
  return settled;
}

// Waits until the widget has drawn no frame for `quietMs` (its animations done), then two animation frames more, so
// that what it drew last has reached the screen.
export async function settled(page, selector = 'article-widget', quietMs = 400) {
  let last = -1, since = Date.now();
  for (const end = Date.now() + 15000; Date.now() < end;) {
    const frames = await page.evaluate((sel) => document.querySelector(sel).framesDrawn, selector);
    if (frames !== last) { last = frames; since = Date.now(); } else if (Date.now() - since >= quietMs) break;
    await page.sleep(60);
  }
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true)))));
  return last;
}

// The visible part of the widget's canvas, cut from a screenshot of the viewport (CSS px = device px here).
export async function canvasShot(page, selector = 'article-widget') {
  const rect = await page.evaluate((sel) => {
    const r = document.querySelector(sel).shadowRoot.querySelector('canvas').getBoundingClientRect();
    const x0 = Math.max(0, Math.ceil(r.left)), y0 = Math.max(0, Math.ceil(r.top));
    const x1 = Math.min(innerWidth, Math.floor(r.right)), y1 = Math.min(innerHeight, Math.floor(r.bottom));
    return { x: x0, y: y0, width: Math.max(0, x1 - x0), height: Math.max(0, y1 - y0) };
  }, selector);
  const full = await page.screenshot();
  const out = new PNG({ width: Math.max(1, rect.width), height: Math.max(1, rect.height) });
  if (rect.width > 0 && rect.height > 0) PNG.bitblt(full, out, rect.x, rect.y, rect.width, rect.height, 0, 0);
  return out;
}

// Luminance statistics of a PNG, sampled: { mean, variance }.
export function luminance(png) {
  let sum = 0, sumSq = 0, n = 0;
  for (let i = 0; i < png.data.length; i += 4 * 5) {
    const l = 0.2126 * png.data[i] + 0.7152 * png.data[i + 1] + 0.0722 * png.data[i + 2];
    sum += l; sumSq += l * l; n++;
  }
  const mean = sum / Math.max(1, n);
  return { mean, variance: sum ? sumSq / n - mean * mean : 0 };
}

// The share of pixels (0..1) that differ noticeably between two PNGs of the same size (1 when the sizes differ).
export function changedShare(a, b) {
  if (a.width !== b.width || a.height !== b.height) return 1;
  let changed = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    if (Math.abs(a.data[i] - b.data[i]) + Math.abs(a.data[i + 1] - b.data[i + 1]) + Math.abs(a.data[i + 2] - b.data[i + 2]) > 48) changed++;
  }
  return changed / (a.data.length / 4);
}

// Whether the screen shows the widget's current frame: the canvas as shown now, and again after the widget draws the
// same state once more. A route that shows each frame late shows the previous state first (the two differ).
// Returns { shot, lagShare }: the settled image and the share of pixels the extra frame changed.
export async function currentFrame(page, selector = 'article-widget') {
  await settled(page, selector);
  const shot = await canvasShot(page, selector);
  const before = await page.evaluate((sel) => {
    const el = document.querySelector(sel);
    const n = el.framesDrawn;
    el._command({ cmd: 'shown' });   // one more frame of the same state
    el._schedule();
    return n;
  }, selector);
  await page.waitFor(([sel, n]) => document.querySelector(sel).framesDrawn > n, [selector, before], { timeout: 10000, message: 'a redraw' });
  await settled(page, selector);
  const again = await canvasShot(page, selector);
  const lagShare = changedShare(shot, again);
  if (lagShare >= 0.002 && process.env.AW_SHOTS) {   // for a look at what differed
    const { writeFileSync, mkdirSync } = await import('node:fs');
    mkdirSync(process.env.AW_SHOTS, { recursive: true });
    writeFileSync(`${process.env.AW_SHOTS}/${ENGINE}-lag-before.png`, PNG.sync.write(shot));
    writeFileSync(`${process.env.AW_SHOTS}/${ENGINE}-lag-after.png`, PNG.sync.write(again));
  }
  return { shot, lagShare };
}
