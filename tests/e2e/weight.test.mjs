// The embed, as a reader's page downloads it (article-widget.js and article-widget.wasm): it carries no
// authoring code (that is article-widget-author.*, which only author.html loads), and its gzip -9 stays within
// the size the project reached plus 5 %, so that growth is a decision (raise EMBED_GZIP_REACHED with a reason,
// and the README's table with it).
// No browser: the files of build/web/dist are read as they are served.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { DIST } from './harness.mjs';
import { EMBED, gzip, brotli } from '../../bench/size.mjs';

// gzip -9 of article-widget.js + article-widget.wasm as bench/size.mjs measured it (README "Size and speed":
// 27,543 + 292,139 bytes, down from 335,206: JSON read and written by the core's own core/json_util instead of
// nlohmann_json; before that, down from 337,853 to 328,867 by the model's JSON written in order, non-trapping
// float-to-int and sign-extension instructions, no guards on function-local statics, the browser's Math for libm,
// and none of Emscripten's GL extension and GLES string code), and the limit it may grow to.
const EMBED_GZIP_REACHED = 319682;
const EMBED_GZIP_LIMIT = Math.round(EMBED_GZIP_REACHED * 1.05);

const read = (name) => {
  const path = join(DIST, name);
  assert.ok(existsSync(path), `${name} is missing: cmake --preset web && cmake --build --preset web`);
  return readFileSync(path);
};
// The module's exports, by the names its JavaScript gives them (Module._aw_create, ...: the WebAssembly's own
// export names are minified).
const jsExports = (name) => new Set(read(name).toString('utf8').match(/\b_aw_\w+/g) ?? []);
const AUTHORING = /^_?aw_author_|aw::ComposeBundle/;

test('the embed exports and holds no authoring function; the authoring module exports them', () => {
  const embed = jsExports('article-widget.js');
  assert.ok(embed.has('_aw_create') && embed.has('_aw_alloc'), `the embed's exports are found by name (${[...embed].join(', ')})`);
  assert.deepEqual([...embed].filter((name) => AUTHORING.test(name)), [], 'the embed\'s exports');
  // No code either: the symbol map names every function of the embed's WebAssembly.
  const functions = read('article-widget.js.symbols').toString('utf8').split('\n').map((line) => line.slice(line.indexOf(':') + 1));
  assert.ok(functions.length > 1000, 'the symbol map lists the embed\'s functions');
  assert.deepEqual(functions.filter((name) => AUTHORING.test(name)), [], 'the embed\'s functions');
  // The same check finds them where they belong: the authoring page's own module, which author.html loads.
  const author = [...jsExports('article-widget-author.js')].filter((name) => AUTHORING.test(name));
  assert.equal(author.length, 6, `the authoring module exports them (${author.join(', ')})`);
  assert.match(read('author.html').toString('utf8'), /<script src="article-widget-author.js"/, 'author.html loads the authoring module');
});

test('the embed holds no nlohmann_json: the core reads and writes JSON with its own core/json_util', () => {
  const functions = read('article-widget.js.symbols').toString('utf8').split('\n').map((line) => line.slice(line.indexOf(':') + 1));
  assert.ok(functions.some((name) => /aw::JsonWriter::/.test(name)), 'the symbol map names the core\'s JSON functions');
  assert.deepEqual(functions.filter((name) => /nlohmann/.test(name)), [], 'the embed\'s functions');
});

test(`the embed stays within ${(EMBED_GZIP_LIMIT / 1024).toFixed(1)} KB gzip -9 (the size reached plus 5 %)`, () => {
  const sizes = EMBED.map((name) => { const bytes = read(name); return { name, gzip: gzip(bytes), brotli: brotli(bytes) }; });
  const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
  const detail = sizes.map((s) => `${s.name} ${(s.gzip / 1024).toFixed(1)} KB gzip, ${(s.brotli / 1024).toFixed(1)} KB brotli`).join('; ');
  assert.ok(total > 0.5 * EMBED_GZIP_REACHED, `the embed is measured whole (${detail})`);
  assert.ok(total <= EMBED_GZIP_LIMIT, `the embed is ${(total / 1024).toFixed(1)} KB gzip -9, over its limit of ${(EMBED_GZIP_LIMIT / 1024).toFixed(1)} KB (${detail}): node bench/size.mjs shows where the bytes go`);
});
