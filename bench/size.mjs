// The embed's weight: what a reader's page downloads (article-widget.js and article-widget.wasm), gzip -9 and
// brotli (quality 11), per file and per component of the WebAssembly. Builds nothing: it reads build/web/dist
// (or the directory given) after `cmake --build --preset web`.
//   node bench/size.mjs [dist] [--build=<build dir, default dist/..>] [--json]
// Components: each function of the WebAssembly's code section is attributed by its name, which the symbol map
// the build writes beside the module (article-widget.js.symbols, emcc --emit-symbol-map) gives by index. Our
// own functions (namespace aw, and the module's exports aw_*) are split into core, ui and platform by the
// library that defines them (llvm-nm over the build's static libraries and objects, when they are there).
// Function bytes are compressed per component on their own, so the per-component gzip/brotli columns show
// each part's weight, not shares of the whole file (which compresses better as one stream).
// [SECTION] compression  [SECTION] the wasm's sections  [SECTION] names  [SECTION] components  [SECTION] report
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { execFileSync } from 'node:child_process';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const EMBED = ['article-widget.js', 'article-widget.wasm'];   // what a reader's page downloads

// [SECTION] compression --------------------------------------------------------------------
export const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;
export const brotli = (bytes) => brotliCompressSync(bytes, {
  params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
}).length;

// [SECTION] the wasm's sections ------------------------------------------------------------
function readLeb(bytes, at) {
  let value = 0, shift = 0, byte;
  do { byte = bytes[at++]; value += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
  return [value, at];
}

// The module's sections in order: { id, name, start, end } (start and end of the payload), and each function
// body of the code section by function index: { index, start, end }.
function parseWasm(bytes) {
  if (bytes.readUInt32LE(0) !== 0x6d736100) throw new Error('not a WebAssembly module');
  const NAMES = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount'];
  const sections = [], bodies = [];
  let importedFunctions = 0;
  for (let at = 8; at < bytes.length;) {
    const id = bytes[at];
    const [size, start] = readLeb(bytes, at + 1);
    const end = start + size;
    sections.push({ id, name: NAMES[id] ?? `section ${id}`, start: at, end });
    if (id === 2) {   // imports: functions among them take the first indices
      let [count, p] = readLeb(bytes, start);
      for (let i = 0; i < count; i++) {
        for (let s = 0; s < 2; s++) { let n; [n, p] = readLeb(bytes, p); p += n; }
        const kind = bytes[p++];
        if (kind === 0) { importedFunctions++; [, p] = readLeb(bytes, p); }
        else if (kind === 1) { p++; const flags = bytes[p++]; [, p] = readLeb(bytes, p); if (flags & 1) [, p] = readLeb(bytes, p); }
        else if (kind === 2) { const flags = bytes[p++]; [, p] = readLeb(bytes, p); if (flags & 1) [, p] = readLeb(bytes, p); }
        else if (kind === 3) { p += 2; }
        else throw new Error(`unknown import kind ${kind}`);
      }
    }
    if (id === 10) {
      let [count, p] = readLeb(bytes, start);
      for (let i = 0; i < count; i++) {
        const [bodySize, bodyStart] = readLeb(bytes, p);
        bodies.push({ index: importedFunctions + i, start: p, end: bodyStart + bodySize });
        p = bodyStart + bodySize;
      }
    }
    at = end;
  }
  return { sections, bodies };
}

// [SECTION] names --------------------------------------------------------------------------
// function index -> demangled name, from emcc's symbol map: "index:name" per line, the name demangled with
// spaces, parentheses and commas escaped as \20, \28, \29, \2c.
function readSymbolMap(path) {
  const names = new Map();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) names.set(Number(line.slice(0, colon)), line.slice(colon + 1).replace(/\\([0-9a-f]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16))));
  }
  return names;
}

const firstTool = (tools) => tools.find((t) => { try { execFileSync(t, ['--version'], { stdio: 'ignore' }); return true; } catch { return false; } });

// The name a function had before LTO and the optimiser suffixed it ("foo.llvm.123", "foo.1").
const baseName = (name) => name.replace(/(\.llvm\.\d+|\.\d+)+$/, '');

// demangled name -> component (core, ui, platform, Dear ImGui, cmark-gfm), from the symbols each library of the
// build defines (static libraries and objects of LLVM bitcode, which llvm-nm reads), demangled in one c++filt run.
function ourLayers(build) {
  const layers = new Map();
  const nm = firstTool(['llvm-nm', 'llvm-nm-14']);
  const filt = firstTool(['llvm-cxxfilt', 'c++filt']);
  if (!nm || !filt) return layers;
  const objects = (dir) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.o')).map((f) => join(dir, f)) : []);
  const sources = [
    ['core', [join(build, 'src/libaw_core.a')]],
    ['ui', [join(build, 'src/libaw_ui.a')]],
    ['platform', objects(join(build, 'src/CMakeFiles/article-widget.dir/platform'))],
    ['Dear ImGui', [join(build, 'libaw_imgui.a')]],
    ['cmark-gfm', [join(build, 'libaw_cmark.a')]],
  ];
  for (const [layer, files] of sources) {
    const present = files.filter((f) => existsSync(f));
    if (!present.length) continue;
    let listing = '';
    try { listing = execFileSync(nm, ['--defined-only', '--format=just-symbols', ...present], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 28 }); }
    catch { continue; }
    const symbols = listing.split('\n').filter((s) => s && !s.endsWith(':'));
    const demangled = execFileSync(filt, [], { input: symbols.join('\n'), encoding: 'utf8', maxBuffer: 1 << 28 }).split('\n');
    symbols.forEach((symbol, i) => { if (!layers.has(demangled[i])) layers.set(demangled[i], layer); });
  }
  return layers;
}

// [SECTION] components ---------------------------------------------------------------------
export const COMPONENTS = ['core', 'ui', 'platform', 'Dear ImGui', 'cmark-gfm', 'nlohmann_json', 'libc++/libc++abi', 'libc', 'other code', 'data', 'module (types, imports, exports, tables)'];

// The component of one function: nlohmann_json and the standard library by name (their templates are
// instantiated in our files), then the library that defines it, then its name.
function componentOf(name, layers) {
  const demangled = baseName(name.replace(/^byn\$mgfn-shared\$/, ''));   // binaryen merged similar functions into this one
  if (/^nlohmann::|[<(, ]nlohmann::/.test(demangled)) return 'nlohmann_json';
  if (/^(std::|void std::)/.test(demangled) || /^[\w:<>, *&]+ std::/.test(demangled)) return 'libc++/libc++abi';
  const layer = layers.get(demangled);
  if (layer) return layer;
  if (/^(ImGui|Im[A-Z]|stb_|stbrp_|stbtt_|STB_|ImStb|igGet)|^ImGui::|[ (]Im[A-Z]\w*::/.test(demangled)) return 'Dear ImGui';
  if (/^(cmark_|_cmark|_scan_|houdini_|S_|_ext_scan|create_.*_extension|cmark_gfm_)/.test(demangled)) return 'cmark-gfm';
  if (/^(__cxa|__cxx|__gxx|operator (new|delete)|__cxxabiv1|__dynamic_cast|__gnu_cxx|abort_message|demangling)/.test(demangled)) return 'libc++/libc++abi';
  if (/^[a-z_][a-z0-9_]*$/.test(demangled) || /^(__|emscripten_|em_|dlmalloc|emmalloc|sbrk|stackSave|stackRestore|stackAlloc)/.test(demangled)) return 'libc';
  return 'other code';
}

// The table: per embed file, and per component of the wasm.
export function measure(dist, build = join(dist, '..')) {
  const files = EMBED.map((name) => {
    const bytes = readFileSync(join(dist, name));
    return { name, raw: bytes.length, gzip: gzip(bytes), brotli: brotli(bytes) };
  });
  const total = files.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }), { raw: 0, gzip: 0, brotli: 0 });

  const wasm = readFileSync(join(dist, 'article-widget.wasm'));
  const { sections, bodies } = parseWasm(wasm);
  const symbols = join(dist, 'article-widget.js.symbols');
  let components = null, unattributed = [];
  if (existsSync(symbols)) {
    const names = readSymbolMap(symbols);
    const demangled = bodies.map((b) => names.get(b.index) ?? `function ${b.index}`);
    const layers = ourLayers(build);
    const parts = new Map(COMPONENTS.map((c) => [c, []]));
    bodies.forEach((body, i) => {
      const component = componentOf(demangled[i], layers);
      parts.get(component).push(wasm.subarray(body.start, body.end));
      if (component === 'other code') unattributed.push({ name: demangled[i], bytes: body.end - body.start });
    });
    for (const s of sections) {
      if (s.id === 11) parts.get('data').push(wasm.subarray(s.start, s.end));
      else if (s.id !== 10) parts.get('module (types, imports, exports, tables)').push(wasm.subarray(s.start, s.end));
    }
    components = COMPONENTS.map((name) => {
      const bytes = Buffer.concat(parts.get(name));
      return { name, functions: name === 'data' || name.startsWith('module') ? null : parts.get(name).length, raw: bytes.length, gzip: gzip(bytes), brotli: brotli(bytes) };
    }).filter((c) => c.raw > 0);
    unattributed.sort((a, b) => b.bytes - a.bytes);
  }
  return { dist, files, total, components, unattributed: unattributed.slice(0, 15) };
}

// [SECTION] report -------------------------------------------------------------------------
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
function table(title, rows, first) {
  const lines = [`| ${first} | raw | gzip -9 | brotli 11 |`, '|---|---:|---:|---:|'];
  for (const r of rows) lines.push(`| ${r.name}${r.functions != null ? ` (${r.functions} functions)` : ''} | ${kb(r.raw)} | ${kb(r.gzip)} | ${kb(r.brotli)} |`);
  return `${title}\n\n${lines.join('\n')}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const DIST = resolve(args.find((a) => !a.startsWith('--')) ?? join(ROOT, 'build/web/dist'));
  const BUILD = resolve(args.find((a) => a.startsWith('--build='))?.slice('--build='.length) ?? join(DIST, '..'));
  if (!existsSync(join(DIST, 'article-widget.wasm'))) {
    console.error(`size: ${DIST} has no article-widget.wasm: run cmake --preset web && cmake --build --preset web`);
    process.exit(1);
  }
  const result = measure(DIST, BUILD);
  if (args.includes('--json')) { console.log(JSON.stringify(result, null, 2)); process.exit(0); }
  console.log(table(`The embed (${result.dist})`, [...result.files, { name: '**total**', ...result.total }], 'file'));
  if (!result.components) {
    console.log('No article-widget.js.symbols beside the module: no per-component table (the web build writes it with --emit-symbol-map).');
  } else {
    console.log(table('article-widget.wasm by component (each part compressed on its own)', result.components, 'component'));
    if (result.unattributed.length) {
      console.log('Largest functions left in "other code":');
      for (const u of result.unattributed) console.log(`  ${String(u.bytes).padStart(7)}  ${u.name}`);
    }
  }
}
