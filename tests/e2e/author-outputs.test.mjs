// The authoring page's outputs: the offline page it writes in the browser is byte for byte what the CLI's
// `bundle` writes for the same Markdown, config and image (and works from file:// with the network blocked);
// the copied embed code, saved as a page, draws the same article; the Markdown and config download as opened.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer, launchBrowser, openPage, waitReady, saveShot, pixelVariance, ROOT, DIST } from './harness.mjs';
import { openAuthor, setMarkdown, previewModel } from './author-harness.mjs';

const CLI = process.env.AW_CLI || join(ROOT, 'build/native/article-widget');
// An article with what inline data must survive ("</script>", "<!--"), an image beside it, a timeline and a FAQ.
const POST = '# Night trains\n\nSleep through the border. ![The route](images/arc.svg "The route =320x120")\n\n' +
  '```html\n</script><!-- a comment <\\/script>\n```\n\n<!-- article-widget:timeline -->\n1. **Board** – at nine.\n2. **Sleep** – somewhere.\n' +
  '3. **Arrive** – at dawn.\n\n## FAQ\n\n### Is there a dining car?\n\nOn most lines.\n';
const CONFIG = '{\n  "theme": "light",\n  "accent": "#b00020",\n  "deepLinkPrefix": "night-"\n}\n';
let server, browser, dir;

before(async () => {
  assert.ok(existsSync(CLI), `${CLI} is missing: build the native preset first`);
  dir = mkdtempSync(join(tmpdir(), 'aw-author-'));
  server = await startServer(DIST);
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); await server?.close(); if (dir) rmSync(dir, { recursive: true, force: true }); });

async function downloadFrom(page, selector, path) {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), page.click(selector)]);
  await download.saveAs(path);
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

test('the offline page written in the browser equals the CLI\'s bundle for the same inputs, and works from file://', { timeout: 120000 }, async () => {
  // The writer opens night-trains.md with its image and config through the file picker.
  const opened = join(dir, 'opened');
  mkdirSync(opened);
  writeFileSync(join(opened, 'night-trains.md'), POST);
  writeFileSync(join(opened, 'widget.json'), CONFIG);
  copyFileSync(join(ROOT, 'tests/samples/images/arc.svg'), join(opened, 'arc.svg'));
  const { page, context, errors, violations } = await openAuthor(browser, server.url);
  await page.setInputFiles('#open-file', ['night-trains.md', 'widget.json', 'arc.svg'].map((f) => join(opened, f)));
  await page.waitForFunction((t) => document.getElementById('preview').markdown === t, POST, { timeout: 15000 });
  await page.waitForFunction(() => document.getElementById('preview').getModel()?.config.accent === '#b00020', null, { timeout: 15000 });

  const out = join(dir, 'browser');
  mkdirSync(join(out, 'images'), { recursive: true });
  const html = await downloadFrom(page, '#download-html', join(out, 'page.html'));
  const md = await downloadFrom(page, '#download-markdown', join(out, 'night-trains.md'));
  const config = await downloadFrom(page, '#download-config', join(out, 'widget.json'));
  assert.deepEqual([html.name, md.name, config.name], ['night-trains.html', 'night-trains.md', 'widget.json']);
  assert.equal(md.bytes.toString(), POST, 'the Markdown downloads as opened');
  assert.equal(config.bytes.toString(), CONFIG, 'the config downloads as opened');
  assert.match(await page.locator('#file-status').innerText(), /Downloaded night-trains\.html/);

  // The CLI, on the downloaded Markdown and config, with the image beside them as the Markdown names it.
  copyFileSync(join(ROOT, 'tests/samples/images/arc.svg'), join(out, 'images/arc.svg'));
  const cliOut = join(dir, 'cli.html');
  execFileSync(CLI, ['bundle', join(out, 'night-trains.md'), '--config', join(out, 'widget.json'), '--assets', DIST, '-o', cliOut], { stdio: ['ignore', 'ignore', 'inherit'] });
  const cli = readFileSync(cliOut);
  assert.ok(html.bytes.includes('data:image/svg+xml;base64,'), 'the opened image is inlined');
  assert.equal(html.bytes.length, cli.length, 'the same size as the CLI\'s page');
  assert.ok(html.bytes.equals(cli), 'byte for byte the CLI\'s page');
  assert.deepEqual(await violations(), []);
  // The preview's HTML asks the server for images/arc.svg, which the writer opened from disk: a 404, nothing else.
  assert.deepEqual(errors.filter((e) => !/status of 404/.test(e)), []);
  await context.close();

  // From file://, with every request other than the file itself aborted.
  const offline = await browser.newContext({ viewport: { width: 1000, height: 800 }, colorScheme: 'light' });
  const requests = [];
  await offline.route('**/*', (route) => (/^(file|data|blob):/.test(route.request().url()) ? route.continue() : route.abort('blockedbyclient')));
  const filePage = await offline.newPage();
  filePage.on('request', (r) => requests.push(r.url()));
  const url = pathToFileURL(join(out, 'page.html')).href;
  await filePage.goto(url);
  await waitReady(filePage);
  const result = await filePage.evaluate(() => {
    const el = document.querySelector('article-widget');
    return { model: el.getModel(), code: el.shadowRoot.querySelector('.mirror pre').textContent, select: el.selectStage(2) };
  });
  assert.equal(result.model.title, 'Night trains');
  assert.equal(result.model.timeline.stages.length, 3);
  assert.equal(result.model.config.accent, '#b00020');
  assert.equal(result.code, '</script><!-- a comment <\\/script>\n', 'the code block reached the widget byte for byte');
  assert.equal(result.select, true);
  await filePage.waitForTimeout(300);
  const shot = await saveShot(filePage, 'author-offline.png');
  assert.ok(pixelVariance(shot.png) > 100, 'the offline page is drawn');
  // Nothing leaves the machine. (The widget's own HTML names the image by its relative path, beside the file;
  // the page's fallback HTML, shown without JavaScript, has it inline.)
  assert.equal(requests[0], url);
  assert.deepEqual(requests.filter((r) => !/^(file|data):/.test(r)), [], 'no request to any network');
  await offline.close();
});

test('the copied embed code, saved as a page, draws the same article', { timeout: 120000 }, async () => {
  const { page, context } = await openAuthor(browser, server.url);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.replace(/\/$/, '') });
  await setMarkdown(page, POST);
  await page.fill('#config-json', CONFIG);
  await page.waitForFunction(() => document.getElementById('preview').getModel()?.config.accent === '#b00020', null, { timeout: 15000 });
  await page.click('#copy-embed');
  await page.waitForFunction(() => /Copied/.test(document.getElementById('embed-status').textContent), null, { timeout: 5000 });
  const snippet = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(snippet, await page.inputValue('#embed-code'), 'the clipboard holds the code shown');
  assert.match(snippet, /^<script src="article-widget\.js" defer><\/script>\n<article-widget>\n<script type="text\/markdown" data-escaped>/);
  assert.equal(snippet.split('</script>').length - 1, 3, 'only the snippet\'s own three scripts end: the article\'s "</script>" is escaped');
  const authored = await previewModel(page);
  const authoredCode = await page.evaluate(() => document.getElementById('preview').shadowRoot.querySelector('.mirror pre').textContent);

  // Pasted into a page of the writer's own, beside article-widget.js.
  const host = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>My blog</title><link rel="icon" href="data:,"></head>` +
    `<body><main>\n${snippet}</main></body></html>\n`;
  const pasted = await startServer(DIST, { '/my-post.html': { status: 200, type: 'text/html; charset=utf-8', body: host } },
    { '/images/': join(ROOT, 'tests/samples/images') });
  try {
    const { page: post, context: postContext, errors } = await openPage(browser, pasted.url + 'my-post.html', { width: 1000, height: 900 });
    await waitReady(post);
    const shown = await post.evaluate(() => {
      const el = document.querySelector('article-widget');
      return { model: el.getModel(), code: el.shadowRoot.querySelector('.mirror pre').textContent };
    });
    delete shown.model.uncovered_characters;
    delete authored.uncovered_characters;
    assert.deepEqual(shown.model, authored, 'the same article and config as the preview');
    assert.equal(shown.code, authoredCode);
    await post.waitForTimeout(300);
    const shot = await saveShot(post, 'author-embedded.png', 'article-widget');
    assert.ok(pixelVariance(shot.png) > 100, 'the pasted embed draws the widget');
    assert.deepEqual(errors, []);
    await postContext.close();
  } finally {
    await pasted.close();
  }

  // As files: the element names the downloads.
  await page.check('input[name="embed-mode"][value="file"]');
  assert.equal(await page.inputValue('#embed-code'),
    '<script src="article-widget.js" defer></script>\n<article-widget src="article.md" config="widget.json"></article-widget>\n');
  await context.close();
});
