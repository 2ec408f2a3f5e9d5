// Part of the page, not a panel on it: as a flex or grid item the element is as wide as a block of text;
// it draws on a transparent background in the host's text colour, themed by --aw-* custom properties read
// once per change; its column lines up with the host's text; a pointer cursor over what can be clicked;
// below a fixed header (scroll-padding-top) the canvas, its progress bar and the Text view button stay in
// sight and every scroll the widget makes lands below the header.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { PNG } from 'pngjs';
import { startServer, launchBrowser, openPage, waitReady, saveShot, DIST } from './harness.mjs';

const SHORT = `# A short article

It has a paragraph long enough to wrap over several lines at any width the tests use, so that a block of
its text is as wide as its container, which is what the widget must be too when it stands in a flex or grid box.

<!-- article-widget:timeline -->
1. **Start** – the first step.
2. **Middle** – the second step.
3. **End** – the last step.

## FAQ

### Is it a block?

It is as wide as one.
`;
const widget = (id) => `<article-widget id="${id}"><script type="text/markdown">${SHORT}</script></article-widget>`;
const block = (id) => `<div id="${id}">${SHORT.replace(/[#*<>!-]/g, ' ')}</div>`;
const page = (body, style = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title>
  <link rel="icon" href="data:,"><style>body { margin: 0; font: 17px/1.6 Georgia, serif; } ${style}</style>
  <script src="article-widget.js" defer></script></head><body>${body}</body></html>`;

const LAYOUTS = page(`
  <div class="row">${widget('row')}</div>                       <div class="row">${block('row-ref')}</div>
  <div class="row">${widget('row-aside')}<aside>Aside</aside></div> <div class="row">${block('row-aside-ref')}<aside>Aside</aside></div>
  <div class="col">${widget('col')}</div>                       <div class="col">${block('col-ref')}</div>
  <div class="grid">${widget('grid')}<span>side</span></div>     <div class="grid">${block('grid-ref')}<span>side</span></div>`,
`.row { display: flex; width: 800px; } aside { flex: none; width: 200px; }
 .col { display: flex; flex-direction: column; align-items: center; width: 700px; }
 .grid { display: grid; grid-template-columns: auto 150px; width: 900px; }`);

const COLOURS = page(`<main><article-widget id="article" src="article.md" config="widget.json"></article-widget></main>`,
  `body { background: #fffaf2; color: rgb(120, 20, 20); } main { max-width: 1000px; margin: 0 auto; }`);

const ALIGNED = page(`<main><p id="host-text">The host's own paragraph, in the host's column.</p>${widget('article')}</main>`,
  `main { max-width: 680px; margin: 0 auto; padding: 0 20px; }`);

const FIXED_HEADER = page(`<header>Fixed header</header><main><p>Before the article.</p>
  <article-widget id="article" src="article.md" config="widget.json"></article-widget><p>After.</p></main>`,
`html { scroll-padding-top: 72px; } header { position: fixed; top: 0; left: 0; right: 0; height: 64px; background: #333; color: #fff; z-index: 10; }
 main { max-width: 1000px; margin: 0 auto; padding: 80px 20px 0; }`);

let server, browser;
before(async () => {
  const html = (body) => ({ status: 200, type: 'text/html; charset=utf-8', body });
  server = await startServer(DIST, { '/layouts.html': html(LAYOUTS), '/colours.html': html(COLOURS), '/aligned.html': html(ALIGNED),
    '/fixed-header.html': html(FIXED_HEADER) });
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); await server?.close(); });

const readyAll = (page) => page.evaluate(async () => {
  await customElements.whenDefined('article-widget');
  await Promise.all([...document.querySelectorAll('article-widget')].map((el) => el.ready));
});
const pixel = (png, x, y) => { const i = (png.width * Math.round(y) + Math.round(x)) * 4; return [png.data[i], png.data[i + 1], png.data[i + 2]]; };
const near = (a, b, tolerance = 3) => a.every((v, i) => Math.abs(v - b[i]) <= tolerance);

test('as a flex item, a grid item or a centred column item the element is as wide as a block of text', { timeout: 90000 }, async () => {
  const { page: p, context, errors } = await openPage(browser, server.url + 'layouts.html');
  await readyAll(p);
  const sizes = await p.evaluate(() => Object.fromEntries(['row', 'row-aside', 'col', 'grid'].map((id) => {
    const el = document.getElementById(id).getBoundingClientRect();
    const ref = document.getElementById(id + '-ref').getBoundingClientRect();
    return [id, { width: el.width, height: el.height, reference: ref.width }];
  })));
  for (const [id, s] of Object.entries(sizes)) {
    assert.ok(Math.abs(s.width - s.reference) < 1, `${id}: ${s.width} px wide, a block of text is ${s.reference}`);
    assert.ok(s.height > 300 && s.height < 3000, `${id}: ${s.height} px tall`);
  }
  assert.deepEqual(Object.values(sizes).map((s) => Math.round(s.width)), [800, 600, 700, 750]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('transparent on the page, in the host text colour; --aw-* properties theme it, read once per change', { timeout: 60000 }, async () => {
  const { page: p, context, errors } = await openPage(browser, server.url + 'colours.html');
  await readyAll(p);
  // The window's picture, sampled at element coordinates (the element starts at the window's top left here).
  const shoot = async () => PNG.sync.read(await p.screenshot());
  const left = await p.evaluate(() => document.getElementById('article').getBoundingClientRect().left);
  let png = await shoot();
  const layout = await p.evaluate(() => document.getElementById('article').getLayout());
  // Beside the column (no text there) the page's own background shows through the canvas.
  assert.ok(near(pixel(png, left + 20, layout.title.y + 18), [0xff, 0xfa, 0xf2]), `page background behind the canvas: ${pixel(png, left + 20, layout.title.y + 18)}`);
  // The body text is drawn in the host's text colour.
  const inText = (image, colour) => {
    let n = 0;
    for (let y = layout.title.y + layout.title.height + 60; y < layout.title.y + 400; y++)
      for (let x = left + layout.title.x; x < left + layout.title.x + 600; x++) if (near(pixel(image, x, y), colour, 12)) n++;
    return n;
  };
  assert.ok(inText(png, [120, 20, 20]) > 200, `body text in rgb(120, 20, 20): ${inText(png, [120, 20, 20])} pixels`);
  // Theming through custom properties on the element: a painted background, text and column width.
  await p.evaluate(() => {
    const el = document.getElementById('article');
    el.style.setProperty('--aw-background', '#203040');
    el.style.setProperty('--aw-text', '#f0e0a0');
    el.style.setProperty('--aw-column-width', '500px');
  });
  await p.waitForFunction(() => document.getElementById('article').getLayout().title.x > 200);
  await p.waitForTimeout(100);
  png = await shoot();
  const themed = await p.evaluate(() => document.getElementById('article').getLayout());
  assert.equal(themed.title.x, 250, 'a 500 px column, centred in 1000 px');
  assert.ok(near(pixel(png, left + 20, themed.title.y + 18), [0x20, 0x30, 0x40]), `--aw-background painted: ${pixel(png, left + 20, themed.title.y + 18)}`);
  // Read once per change, never per frame: scrolling draws frames without reading any style.
  const reads = await p.evaluate(async () => {
    const el = document.getElementById('article');
    let calls = 0;
    const original = window.getComputedStyle;
    window.getComputedStyle = (...args) => { calls++; return original(...args); };
    const frames = el.framesDrawn;
    for (let y = 0; y < 600; y += 60) { window.scrollTo(0, y); await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))); }
    window.getComputedStyle = original;
    return { calls, frames: el.framesDrawn - frames };
  });
  assert.ok(reads.frames >= 5, `frames drawn while scrolling: ${reads.frames}`);
  assert.equal(reads.calls, 0, 'no style read while scrolling');
  // A value that is not a colour is reported, not silently ignored.
  const message = await p.evaluate(() => new Promise((resolve) => {
    document.addEventListener('articleerror', (e) => resolve(e.detail.message), { once: true });
    document.getElementById('article').style.setProperty('--aw-accent', 'banana');
  }));
  assert.equal(message, '--aw-accent: "banana" is not a colour');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the column lines up with the host text at every width', { timeout: 60000 }, async () => {
  for (const [name, hostSelector] of [['aligned.html', '#host-text'], ['index.html', '.host-text']]) {
    for (const width of [1100, 600, 360]) {
      const { page: p, context } = await openPage(browser, server.url + name, { width, height: 800 });
      await waitReady(p, 'article-widget');
      const { host, widget: column } = await p.evaluate((sel) => {
        const el = document.querySelector('article-widget');
        const text = document.querySelector(sel);
        const range = document.createRange();
        range.selectNodeContents(text);
        return { host: range.getBoundingClientRect().left, widget: el.getBoundingClientRect().left + el.getLayout().title.x };
      }, hostSelector);
      assert.ok(Math.abs(host - column) <= 1, `${name} at ${width} px: host text at ${host}, the widget's at ${column}`);
      await context.close();
    }
  }
});

test('a pointer cursor over stages, questions and buttons; the default elsewhere', { timeout: 60000 }, async () => {
  const { page: p, context } = await openPage(browser, server.url + 'index.html');
  await waitReady(p);
  const cursorAt = async (rect) => {
    const box = await p.evaluate(([r]) => {
      const el = document.getElementById('article');
      window.scrollTo(0, window.scrollY + el.getBoundingClientRect().top + r.y - 300);
      const b = el.getBoundingClientRect();
      return { x: b.left + r.x + r.width / 2, y: b.top + r.y + r.height / 2 };
    }, [rect]);
    await p.waitForTimeout(50);
    await p.mouse.move(box.x, box.y);
    await p.waitForTimeout(100);
    return p.evaluate(() => document.getElementById('article').shadowRoot.querySelector('canvas').style.cursor);
  };
  const layout = await p.evaluate(() => document.getElementById('article').getLayout());
  assert.equal(await cursorAt(layout.stages[1]), 'pointer', 'over a stage');
  assert.equal(await cursorAt(layout.next), 'pointer', 'over Next');
  assert.equal(await cursorAt(layout.faqs[0]), 'pointer', 'over a question');
  assert.equal(await cursorAt(layout.expandAll), 'pointer', 'over Expand all');
  assert.equal(await cursorAt(layout.filter), 'text', 'over the filter');
  assert.equal(await cursorAt({ x: 5, y: layout.faqs[0].y + 200, width: 1, height: 1 }), '', 'the default beside the column');
  await context.close();
});

test('below a fixed header: the canvas, progress bar and Text view stay in sight; scrolls land below the header', { timeout: 60000 }, async () => {
  const { page: p, context, errors } = await openPage(browser, server.url + 'fixed-header.html', { width: 1000, height: 800 });
  await waitReady(p);
  const layout = await p.evaluate(() => document.getElementById('article').getLayout());
  // In the middle of the article the canvas sticks just below the header.
  await p.evaluate(() => { const el = document.getElementById('article'); window.scrollTo(0, window.scrollY + el.getBoundingClientRect().top + 2000); });
  await p.waitForTimeout(200);
  const canvas = await p.evaluate(() => { const r = document.getElementById('article').shadowRoot.querySelector('canvas').getBoundingClientRect(); return { top: r.top, bottom: r.bottom }; });
  assert.equal(canvas.top, 72, 'the canvas sticks at scroll-padding-top');
  assert.equal(canvas.bottom, 800, 'and reaches the bottom of the window');
  const png = PNG.sync.read(await p.screenshot());
  const accent = await p.evaluate(() => JSON.parse(document.getElementById('article')._query('palette')).accent);
  const rgb = [1, 3, 5].map((i) => parseInt(accent.slice(i, i + 2), 16));
  assert.ok(near(pixel(png, 30, 73), rgb, 8), `the reading progress bar shows below the header: ${pixel(png, 30, 73)} vs ${rgb}`);
  await p.mouse.move(500, 400);
  await p.waitForTimeout(300);
  const button = await p.evaluate(() => {
    const b = document.getElementById('article').shadowRoot.querySelector('.textview');
    const r = b.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, opacity: getComputedStyle(b).opacity };
  });
  assert.ok(button.top >= 72 && button.bottom < 140, `the Text view button below the header (${button.top})`);
  assert.equal(button.opacity, '1');
  // scrollToAnchor and a stage's id: the target stands below the header, not under it.
  const below = async (id, rectOf) => {
    await p.evaluate((target) => { window.scrollTo(0, 0); document.getElementById('article').scrollToAnchor(target); }, id);
    await p.waitForTimeout(200);
    return p.evaluate(([r]) => document.getElementById('article').getBoundingClientRect().top + r.y, [rectOf]);
  };
  const stageTop = await below('aw-stage-2', layout.track);
  assert.ok(stageTop >= 72 && stageTop < 72 + 120, `the timeline stands below the header (${stageTop})`);
  // Keyboard focus reveals the focused question below the header too.
  await p.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await p.waitForTimeout(100);
  await p.evaluate(() => document.getElementById('article').shadowRoot.querySelector('[data-focus="faq:0"]').focus());
  await p.waitForTimeout(400);
  const questionTop = await p.evaluate(() => { const el = document.getElementById('article'); return el.getBoundingClientRect().top + el.getLayout().faqs[0].y; });
  assert.ok(questionTop >= 72, `the focused question is below the header (${questionTop})`);
  await saveShot(p, 'web-fixed-header.png');
  assert.deepEqual(errors, []);
  await context.close();
});
