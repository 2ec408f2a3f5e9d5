// The npm package, as a web developer gets it: `npm pack` of this repository, installed from the tarball into a
// fresh project (no registry), imported by a page that Vite (the devDependency, from the lockfile) bundles; the
// built page draws the widget in Chromium. The WebAssembly must reach the built page through the bundler alone:
// the package names it with new URL('./article-widget.wasm', import.meta.url).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, readdirSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, launchBrowser, openPage, waitReady, saveShot, pixelVariance, ROOT, DIST } from '../e2e/harness.mjs';

const PACKED = ['LICENSE', 'README.md', 'package.json', 'build/web/dist/THIRD-PARTY-NOTICES.txt', 'build/web/dist/article-widget.d.ts',
  'build/web/dist/article-widget.js', 'build/web/dist/article-widget.mjs', 'build/web/dist/article-widget.wasm'];
let dir, browser;
before(async () => {
  assert.ok(existsSync(join(DIST, 'article-widget.mjs')), 'the web build is missing: cmake --preset web && cmake --build --preset web');
  dir = mkdtempSync(join(tmpdir(), 'aw-package-'));
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); if (dir) rmSync(dir, { recursive: true, force: true }); });

const npm = (args, cwd) => execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8' });

test('npm pack -> install into a fresh project -> Vite build -> the built page draws the widget', { timeout: 180000 }, async () => {
  // The tarball holds the package's files and nothing else.
  const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', dir], ROOT));
  assert.equal(packed.name, 'article-widget');
  assert.deepEqual(packed.files.map((f) => f.path).sort(), [...PACKED].sort());

  // A host app of a web developer's: one module that imports the package.
  const app = join(dir, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'host-app', private: true, type: 'module' }, null, 2));
  writeFileSync(join(app, 'index.html'), '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Host app</title>' +
    '<link rel="icon" href="data:,"><script type="module" src="./main.js"></script></head>\n<body><main id="app"></main></body></html>\n');
  writeFileSync(join(app, 'main.js'), [
    "import ArticleWidget, { ArticleWidgetElement } from 'article-widget';",
    "const widget = document.createElement('article-widget');",
    "widget.markdown = '# Bundled\\n\\nDrawn from an npm install.\\n\\n## FAQ\\n\\n### Did the bundler copy the WebAssembly?\\n\\nIt did.\\n';",
    "widget.setAttribute('theme', 'light');",
    "document.getElementById('app').append(widget);",
    "window.__exports = { same: ArticleWidget === ArticleWidgetElement && ArticleWidget === customElements.get('article-widget') };",
    '',
  ].join('\n'));
  npm(['install', '--offline', join(dir, packed.filename)], app);
  const installed = JSON.parse(readFileSync(join(app, 'node_modules/article-widget/package.json'), 'utf8'));
  for (const target of [installed.types, installed.exports['.'].import, installed.exports['./classic'], installed.exports['./article-widget.wasm']]) {
    assert.ok(existsSync(join(app, 'node_modules/article-widget', target)), `the package's ${target} is installed`);
  }

  // The real bundler, from this repository's lockfile.
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: app, stdio: ['ignore', 'ignore', 'inherit'] });
  const built = join(app, 'dist');
  const assets = readdirSync(join(built, 'assets'));
  const wasm = assets.find((f) => f.endsWith('.wasm'));
  assert.ok(wasm, `Vite copied the WebAssembly into the build (assets: ${assets.join(', ')})`);
  assert.deepEqual(readFileSync(join(built, 'assets', wasm)), readFileSync(join(DIST, 'article-widget.wasm')), 'the package\'s own WebAssembly');
  const bundle = assets.find((f) => f.endsWith('.js'));
  assert.ok(readFileSync(join(built, 'assets', bundle), 'utf8').includes(wasm), 'the bundled module names the copied file');

  // Served from its own folder only (no node_modules, no web build): the page draws the widget.
  const server = await startServer(built);
  try {
    const { page, context, errors } = await openPage(browser, server.url + 'index.html', { width: 900, height: 700 });
    const requests = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await waitReady(page);
    const result = await page.evaluate(() => {
      const el = document.querySelector('article-widget');
      return { title: el.getModel().title, faqs: el.getModel().faqs.length, frames: el.framesDrawn, exports: window.__exports };
    });
    assert.deepEqual(result.exports, { same: true }, 'the default and named exports are the registered element');
    assert.equal(result.title, 'Bundled');
    assert.equal(result.faqs, 1);
    assert.ok(result.frames > 0, 'frames were drawn');
    await page.waitForTimeout(300);
    const shot = await saveShot(page, 'package-vite.png', 'article-widget');
    assert.ok(pixelVariance(shot.png) > 100, 'the canvas shows the article');
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await server.close();
  }
});

test('without a bundler, the ES module loads its WebAssembly from beside itself', { timeout: 60000 }, async () => {
  const page = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>ESM</title><link rel="icon" href="data:,">' +
    '<script type="module" src="/app/main.js"></script></head><body><article-widget id="article" src="/article.md" config="/widget.json"></article-widget></body></html>';
  // The page and its module live in /app/; the package's files are elsewhere, as under node_modules.
  const server = await startServer(DIST, {
    '/app/index.html': { status: 200, type: 'text/html; charset=utf-8', body: page },
    '/app/main.js': { status: 200, type: 'text/javascript', body: "import { ArticleWidgetElement } from '/article-widget.mjs';\nwindow.__defined = !!ArticleWidgetElement;\n" },
  });
  try {
    const { page: tab, context, errors } = await openPage(browser, null, { width: 900, height: 700 });
    const wasm = [];
    tab.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(new URL(r.url()).pathname); });
    await tab.goto(server.url + 'app/index.html');
    await waitReady(tab);
    assert.equal(await tab.evaluate(() => window.__defined), true);
    assert.deepEqual(wasm, ['/article-widget.wasm'], 'the WebAssembly beside the module, not beside the page');
    assert.equal(await tab.evaluate(() => document.getElementById('article').getModel().timeline.stages.length), 3);
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await server.close();
  }
});
