// Golden screenshots: the native screenshot command under Xvfb and the demo page in headless Chromium, compared
// with tests/golden/*.png by pixelmatch. UPDATE_GOLDENS=1 rewrites the goldens (scripts/update-goldens.sh).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';
import { ROOT, DIST, SHOTS, startServer, launchBrowser, openPage, waitReady } from './harness.mjs';

const GOLDEN = join(ROOT, 'tests/golden');
const MULTILINGUAL = 'tests/multilingual/article.md';
const GFM = 'tests/samples/gfm.md';
const SPACING = 'tests/samples/text-spacing.md';
const SHAPING = 'tests/multilingual/shaping.md';
const BIN = join(ROOT, 'build/native/article-widget');
const UPDATE = process.env.UPDATE_GOLDENS === '1';
const UPDATE_DIR = process.env.GOLDEN_OUT || GOLDEN;   // where updates go (the script moves them in only if all succeed)
const THRESHOLD = 0.1;        // pixelmatch's per-pixel colour distance (0..1)
const MAX_DIFF_RATIO = 0.005; // at most 0.5% of the pixels may differ

// The cases: the top of the default article in light and dark, a phone, and scale 2; the multilingual article.
const NATIVE = [
  { name: 'native-light', args: ['--width', '1000', '--height', '900', '--theme', 'light'] },
  { name: 'native-dark', args: ['--width', '1000', '--height', '900', '--theme', 'dark'] },
  { name: 'native-phone', args: ['--width', '360', '--height', '740', '--theme', 'light'] },
  { name: 'native-scale2', args: ['--width', '600', '--height', '500', '--scale', '2', '--theme', 'light'] },
  // The interactive parts: stage 2 selected, and the first question open, in both themes and on a phone.
  ...['light', 'dark'].flatMap((theme) => [
    { name: `native-stage2-${theme}`, args: ['--width', '1000', '--height', '800', '--theme', theme, '--state', '{"stage":1}', '--scroll-to', 'the-arc-of-ai-responsibility'] },
    { name: `native-faq-${theme}`, args: ['--width', '1000', '--height', '800', '--theme', theme, '--state', '{"openFaqs":[0]}', '--scroll-to', 'faqs'] },
  ]),
  { name: 'native-stage2-phone', args: ['--width', '360', '--height', '740', '--theme', 'light', '--state', '{"stage":1}', '--scroll-to', 'the-arc-of-ai-responsibility'] },
  { name: 'native-faq-phone', args: ['--width', '360', '--height', '740', '--theme', 'dark', '--state', '{"openFaqs":[0]}', '--scroll-to', 'faqs'] },
  // Every script: Greek, Russian, Japanese, Arabic, Hebrew and emoji (tests/multilingual/article.md), whole.
  ...['light', 'dark'].map((theme) => ({ name: `native-multilingual-${theme}`, article: MULTILINGUAL, args: ['--width', '1000', '--height', '1400', '--theme', theme] })),
  // Shaping (HarfBuzz natively): Devanagari conjuncts and reordered vowel signs, Arabic, Hebrew with points, Thai, ZWJ emoji and flags.
  { name: 'native-shaping', article: SHAPING, args: ['--width', '800', '--height', '1000', '--theme', 'light'] },
  // On a phone, Thai wraps between words (ICU's dictionary), never inside one.
  { name: 'native-shaping-phone', article: SHAPING, args: ['--width', '360', '--height', '1100', '--theme', 'light'] },
  // The GFM sample (tests/samples/gfm.md), whole: tables (one wider than the column), task boxes, footnotes, images
  // (natively the SVG and the remote photo are alt text in frames: stb_image reads no SVG, and http is not fetched),
  // code as written.
  ...['light', 'dark'].map((theme) => ({ name: `native-gfm-${theme}`, article: GFM, args: ['--width', '1000', '--height', '2500', '--theme', theme] })),
  { name: 'native-gfm-phone', article: GFM, args: ['--width', '360', '--height', '3000', '--theme', 'light'] },
  // Text as the browser lays it out (tests/samples/text-spacing.md): double spaces collapse to one, so "E(" stays
  // clear of "no"; **to**fu and ab*cd*ef wrap as whole words; code keeps its spaces.
  { name: 'native-spacing-light', article: SPACING, args: ['--width', '800', '--height', '600', '--theme', 'light'] },
  { name: 'native-spacing-phone', article: SPACING, args: ['--width', '360', '--height', '800', '--theme', 'dark'] },
  // Right to left (tests/multilingual/arabic.md, lang "ar"): the timeline mirrored (stage 1 at the right, Next left of
  // Previous, their arrows pointing the way they go), stage 2's card, the FAQ's filter at the right and chevrons at
  // the left, the first answer open.
  { name: 'native-arabic', article: 'tests/multilingual/arabic.md', args: ['--config', 'tests/multilingual/arabic.json', '--width', '1000', '--height', '1000', '--theme', 'light', '--state', '{"stage":1,"openFaqs":[0]}'] },
  // Long timelines: 16 stages in the column at 1000 px, 100 stages with stage 58 selected, every title whole.
  { name: 'native-timeline16', article: 'tests/samples/timeline-16.md', args: ['--width', '1000', '--height', '1100', '--theme', 'light'] },
  { name: 'native-timeline100', article: 'tests/samples/timeline-100.md', args: ['--width', '800', '--height', '900', '--theme', 'dark', '--state', '{"stage":57}'] },
];
const WEB = [
  { name: 'web-light', viewport: { width: 1000, height: 900 }, options: { colorScheme: 'light' } },
  { name: 'web-dark', viewport: { width: 1000, height: 900 }, options: { colorScheme: 'dark' } },
  { name: 'web-phone', viewport: { width: 360, height: 740 }, options: { colorScheme: 'light' } },
  { name: 'web-scale2', viewport: { width: 600, height: 500 }, options: { colorScheme: 'light', scale: 2 } },
  ...['light', 'dark'].flatMap((scheme) => [
    { name: `web-stage2-${scheme}`, viewport: { width: 1000, height: 800 }, options: { colorScheme: scheme }, state: { stage: 1 }, anchor: 'the-arc-of-ai-responsibility' },
    { name: `web-faq-${scheme}`, viewport: { width: 1000, height: 800 }, options: { colorScheme: scheme }, state: { openFaqs: [0] }, anchor: 'faqs' },
  ]),
  { name: 'web-stage2-phone', viewport: { width: 360, height: 740 }, options: { colorScheme: 'light' }, state: { stage: 1 }, anchor: 'the-arc-of-ai-responsibility' },
  { name: 'web-faq-phone', viewport: { width: 360, height: 740 }, options: { colorScheme: 'dark' }, state: { openFaqs: [0] }, anchor: 'faqs' },
  // A hovered stage's summary: a card wrapped within the column, under the stage titles.
  { name: 'web-stage-hover', viewport: { width: 1000, height: 800 }, options: { colorScheme: 'light' }, state: { stage: 0 }, anchor: 'the-arc-of-ai-responsibility', hoverStage: 1 },
  { name: 'web-stage-hover-phone', viewport: { width: 360, height: 740 }, options: { colorScheme: 'dark' }, state: { stage: 0 }, anchor: 'the-arc-of-ai-responsibility', hoverStage: 2 },
  ...['light', 'dark'].map((scheme) => ({ name: `web-multilingual-${scheme}`, page: 'multilingual.html', viewport: { width: 1000, height: 1400 }, options: { colorScheme: scheme } })),
  // The GFM sample, whole, from a folder of its own, once its images have arrived.
  ...['light', 'dark'].map((scheme) => ({ name: `web-gfm-${scheme}`, page: 'gfm.html', viewport: { width: 1000, height: 2500 }, options: { colorScheme: scheme }, images: 2 })),
  { name: 'web-gfm-phone', page: 'gfm.html', viewport: { width: 360, height: 3000 }, options: { colorScheme: 'light' }, images: 2 },
];

// Compares `actual` (a PNG buffer) with the golden `name`, or rewrites the golden when updating.
// Goldens are re-encoded (no filter, zlib level 9, default strategy: the smallest for flat text pages).
async function compareWithGolden(name, actual) {
  const goldenPath = join(GOLDEN, `${name}.png`);
  const png = PNG.sync.read(actual);
  if (UPDATE) {
    await mkdir(UPDATE_DIR, { recursive: true });
    await writeFile(join(UPDATE_DIR, `${name}.png`), PNG.sync.write(png, { colorType: 6, filterType: 0, deflateLevel: 9, deflateStrategy: 0 }));
    return;
  }
  let golden;
  try {
    golden = PNG.sync.read(await readFile(goldenPath));
  } catch (e) {
    assert.fail(`${name}: no golden at ${goldenPath} (${e.code || e.message}); run scripts/update-goldens.sh`);
  }
  const actualPath = join(SHOTS, `${name}.png`);
  await mkdir(SHOTS, { recursive: true });
  await writeFile(actualPath, actual);
  assert.ok(golden.width === png.width && golden.height === png.height,
    `${name}: size ${png.width}x${png.height} differs from the golden's ${golden.width}x${golden.height} (actual: ${actualPath})`);
  const diff = new PNG({ width: png.width, height: png.height });
  const differing = pixelmatch(golden.data, png.data, diff.data, png.width, png.height, { threshold: THRESHOLD });
  const ratio = differing / (png.width * png.height);
  if (ratio > MAX_DIFF_RATIO) {
    const diffPath = join(SHOTS, `${name}-diff.png`);
    await writeFile(diffPath, PNG.sync.write(diff));
    assert.fail(`${name}: ${differing} pixels (${(ratio * 100).toFixed(2)}%) differ from tests/golden/${name}.png, ` +
      `more than ${MAX_DIFF_RATIO * 100}%; diff: ${diffPath}, actual: ${actualPath}. ` +
      'If the change is intended, run scripts/update-goldens.sh and look at the new goldens.');
  }
}

const run = promisify(execFile);

for (const c of NATIVE) {
  test(`golden: ${c.name} (native screenshot under Xvfb)`, async () => {
    await access(BIN).catch(() => assert.fail(`${BIN} is missing: build the native preset first`));
    await mkdir(SHOTS, { recursive: true });
    const out = join(SHOTS, `${c.name}-raw.png`);
    const source = c.article ? [c.article] : ['assets/article.md', '--config', 'assets/widget.json'];
    await run('xvfb-run', ['-a', '-s', '-screen 0 2560x2048x24', BIN, 'screenshot', ...source, '-o', out, ...c.args], { cwd: ROOT, timeout: 60000 });
    await compareWithGolden(c.name, await readFile(out));
  });
}

let server, browser;
before(async () => {
  // The demo page with the multilingual article in place of the default one.
  const demo = await readFile(join(DIST, 'index.html'), 'utf8');
  const gfm = await readFile(join(ROOT, GFM), 'utf8');
  const arc = await readFile(join(ROOT, 'tests/samples/images/arc.svg'), 'utf8');
  const routes = {
    '/multilingual.html': { type: 'text/html; charset=utf-8', body: demo.replace('src="article.md" config="widget.json"', 'src="multilingual.md"') },
    '/multilingual.md': { type: 'text/markdown; charset=utf-8', body: await readFile(join(ROOT, MULTILINGUAL), 'utf8') },
    // The GFM sample beside its images; its remote photo comes from this server too (tests reach no other host).
    '/gfm.html': { type: 'text/html; charset=utf-8', body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>GFM</title>' +
      '<link rel="icon" href="data:,"><style>body { margin: 0; font: 16px/1.6 sans-serif } main { max-width: 720px; margin: 0 auto; padding: 0 20px } ' +
      '@media (prefers-color-scheme: dark) { body { background: #15171c; color: #e6e6e6 } }</style>' +
      '<script src="article-widget.js" defer></script></head><body><main><article-widget src="posts/2024/gfm.md"></article-widget></main></body></html>' },
    '/posts/2024/gfm.md': { type: 'text/markdown; charset=utf-8', body: gfm },
    '/posts/2024/images/arc.svg': { type: 'image/svg+xml', body: arc },
    '/photo.svg': { type: 'image/svg+xml', body: arc },
  };
  server = await startServer(DIST, routes);
  routes['/posts/2024/gfm.md'].body = gfm.replace('https://example.com/photo.jpg', server.url + 'photo.svg');
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); await server?.close(); });

// The element's first viewport: the page scrolled so the element's top is at the top of the window,
// then the element's box, clipped to the window, once the widget has drawn.
async function widgetViewport(page) {
  await page.evaluate(() => {
    const el = document.querySelector('article-widget');
    window.scrollTo({ top: window.scrollY + el.getBoundingClientRect().top, behavior: 'instant' });
  });
  await page.evaluate(() => new Promise((resolve) => {
    let n = 0;
    const tick = () => (++n >= 6 ? resolve() : requestAnimationFrame(tick));
    requestAnimationFrame(tick);
  }));
  const box = await page.evaluate(() => {
    const r = document.querySelector('article-widget').getBoundingClientRect();
    return { x: r.left, y: r.top, width: r.width, height: Math.min(r.height, window.innerHeight - r.top) };
  });
  assert.ok(Math.abs(box.y) < 1, `the element's top is at the window's top (${box.y})`);
  return page.screenshot({ clip: box });
}

// Waits until `count` images the article names have been fetched (the browser's resource timing), then a few frames.
async function imagesArrived(page, count) {
  await page.evaluate(async (n) => {
    for (let i = 0; i < 100 && performance.getEntriesByType('resource').filter((e) => /\.svg$/.test(e.name)).length < n; i++)
      await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 300));   // decoded and handed to the module
  }, count);
}

// A state applied through the API and the page scrolled to an anchor (and, with `hoverStage`, the pointer on that
// stage's node); then the sticky canvas, which is exactly the window's height, is the picture.
async function interactiveViewport(page, state, anchor, hoverStage) {
  const ok = await page.evaluate(([s, a]) => {
    const el = document.querySelector('article-widget');
    return el.setState(s) && el.scrollToAnchor(a);
  }, [state, anchor]);
  assert.ok(ok, 'setState and scrollToAnchor succeed');
  const settle = () => page.evaluate(() => new Promise((resolve) => {
    let n = 0;
    const tick = () => (++n >= 8 ? resolve() : requestAnimationFrame(tick));
    requestAnimationFrame(tick);
  }));
  await settle();
  if (hoverStage !== undefined) {
    const at = await page.evaluate((i) => {
      const el = document.querySelector('article-widget');
      const stage = el.getLayout().stages[i], box = el.getBoundingClientRect();
      return { x: box.left + stage.x + stage.width / 2, y: box.top + stage.y + 18 };
    }, hoverStage);
    await page.mouse.move(at.x, at.y);
    await settle();
  }
  const box = await page.evaluate(() => {
    const r = document.querySelector('article-widget').shadowRoot.querySelector('canvas').getBoundingClientRect();
    return { x: r.left, y: r.top, width: r.width, height: r.height };
  });
  return page.screenshot({ clip: box });
}

for (const c of WEB) {
  test(`golden: ${c.name} (headless Chromium)`, async () => {
    const { page, context, errors } = await openPage(browser, server.url + (c.page || 'index.html'), c.viewport, c.options);
    try {
      await waitReady(page);
      if (c.images) await imagesArrived(page, c.images);
      await compareWithGolden(c.name, c.state ? await interactiveViewport(page, c.state, c.anchor, c.hoverStage) : await widgetViewport(page));
      assert.deepEqual(errors, [], 'no console errors');
    } finally {
      await context.close();
    }
  });
}
