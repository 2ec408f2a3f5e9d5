// The authoring page (author.html): a Markdown editor beside a live <article-widget>, a panel of what the core
// found, a config form that writes widget.json, and the outputs: embed code, the offline page, the files.
// The widget is used through its public API only (markdown, the config attribute, ready, getModel, getState,
// setState, scrollToAnchor). The config check and the offline page come from the C++ core itself, through the
// authoring module (article-widget-author.js, src/platform/web_authoring.cpp): the same code as `article-widget
// bundle`, kept out of the embed that readers download.
// [SECTION] page and storage  [SECTION] the core  [SECTION] editor and preview  [SECTION] the panel
// [SECTION] config  [SECTION] outputs  [SECTION] opening files  [SECTION] start
(function () {
  'use strict';

  // [SECTION] page and storage -------------------------------------------------------------
  const $ = (id) => document.getElementById(id);
  const editor = $('markdown');
  let preview = null;           // the <article-widget>, made once the article is known (start)
  const configText = $('config-json');
  const STORE = 'article-widget-author';   // localStorage keys: STORE + ':markdown', ':config', ':name'
  const DEBOUNCE_MS = 300;
  const WEB_BUILD = ['article-widget.js', 'article-widget.wasm.gz', 'bundle-template.html'];   // what the offline page embeds

  const doc = {
    name: 'article',            // the file name the downloads take (from the file opened)
    images: new Map(),          // images opened with the article: file name -> bytes (not saved)
    validConfig: '',            // the last config the core accepted: what the preview shows
    configError: '',
    loadError: '',
  };

  function load(key) { try { return localStorage.getItem(`${STORE}:${key}`); } catch { return null; } }
  function save() {
    try {
      localStorage.setItem(`${STORE}:markdown`, editor.value);
      localStorage.setItem(`${STORE}:config`, configText.value);
      localStorage.setItem(`${STORE}:name`, doc.name);
      say('save-status', `Saved in this browser at ${new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`);
    } catch (e) {
      say('save-status', `Not saved in this browser: ${e.message}. Download the Markdown to keep it.`);
    }
  }

  function say(id, text) { $(id).textContent = text; }
  function make(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function debounce(fn, ms) {
    let timer = 0;
    return () => { clearTimeout(timer); timer = setTimeout(fn, ms); };
  }

  // [SECTION] the core ---------------------------------------------------------------------
  // One authoring module instance for the page's own calls (no widget, no canvas), made on first use; an
  // instance that aborted (out of memory on a huge article) is replaced on the next call.
  let corePromise = null;
  function core() {
    if (!corePromise) {
      corePromise = createArticleWidgetAuthorModule({ // eslint-disable-line no-undef
        locateFile: (path) => new URL(path, document.baseURI).href,
        print: () => {},
        printErr: (text) => console.warn(text),
        onAbort: () => { corePromise = null; },
      });
      corePromise.catch(() => { corePromise = null; });
    }
    return corePromise;
  }

  // Calls fn with each byte array copied into the module's memory, as (pointer, length) pairs.
  function withBytes(mod, arrays, fn) {
    const pointers = [];
    try {
      const args = [];
      for (const bytes of arrays) {
        const p = mod._malloc(bytes.length + 1);
        if (!p) throw new Error('the page ran out of memory');
        pointers.push(p);
        mod.HEAPU8.set(bytes, p);
        mod.HEAPU8[p + bytes.length] = 0;
        args.push(p, bytes.length);
      }
      return fn(...args);
    } finally {
      for (const p of pointers) mod._free(p);
    }
  }
  const utf8 = (text) => new TextEncoder().encode(text);

  // "" when the core accepts the config, else its one-line error naming the JSON path.
  async function checkConfig(text) {
    const mod = await core();
    return withBytes(mod, [utf8(text)], (p, n) => mod.UTF8ToString(mod._aw_author_check_config(p, n)));
  }

  // The offline page, written by the core from the editor's Markdown and config and the web build's files
  // fetched from beside this page: { bytes, warnings } or an Error.
  async function offlinePage() {
    const files = await Promise.all(WEB_BUILD.map(async (name) => {
      const response = await fetch(name, { cache: 'no-cache' });
      if (!response.ok) throw new Error(`${name} is missing beside this page (the server answered ${response.status})`);
      return new Uint8Array(await response.arrayBuffer());
    }));
    const mod = await core();
    mod._aw_author_clear_images();
    for (const [name, bytes] of doc.images) withBytes(mod, [utf8(name), bytes], (np, nl, bp, bl) => mod._aw_author_add_image(np, nl, bp, bl));
    const answer = JSON.parse(withBytes(mod, [utf8(editor.value), utf8(configText.value), ...files],
      (...args) => mod.UTF8ToString(mod._aw_author_bundle(...args))));
    mod._aw_author_clear_images();
    if (!answer.ok) throw new Error(answer.error);
    const start = mod._aw_author_output();
    return { bytes: mod.HEAPU8.slice(start, start + mod._aw_author_output_size()), warnings: answer.warnings };
  }

  // [SECTION] editor and preview -----------------------------------------------------------
  // The preview follows the editor (debounced). Its state (stage, open questions, filter) and the page's
  // scroll are kept across reloads, within what the new article still has.
  // The config reaches the widget as its config attribute, a blob: URL of the last valid widget.json (a
  // <script> child's text would need a Trusted Types policy of the page's own).
  let previewGeneration = 0;
  let configUrl = null, configShown = '';
  async function updatePreview() {
    const generation = ++previewGeneration;
    const connected = preview.isConnected;
    const before = connected && preview.markdown !== null ? preview.getState() : null;
    const scroll = window.scrollY;
    if (doc.validConfig !== configShown) {
      if (configUrl) URL.revokeObjectURL(configUrl);
      configShown = doc.validConfig;
      configUrl = configShown.trim() ? URL.createObjectURL(new Blob([configShown], { type: 'application/json' })) : null;
      if (configUrl) preview.setAttribute('config', configUrl); else preview.removeAttribute('config');
    }
    preview.markdown = editor.value;
    if (!connected) $('preview-host').append(preview);   // the first load: the widget joins the page with its article
    try {
      await preview.ready;
    } catch (e) {
      if (generation === previewGeneration) { doc.loadError = e.message; renderPanel(null); }
      return;
    }
    if (generation !== previewGeneration) return;
    doc.loadError = '';
    const model = preview.getModel();
    if (before && model) {
      const state = { filter: before.filter, openFaqs: before.openFaqs.filter((i) => i < model.faqs.length) };
      if (before.stage < model.timeline.stages.length) state.stage = before.stage;
      preview.setState(state);
    }
    if (Math.abs(window.scrollY - scroll) > 1) window.scrollTo(0, scroll);
    renderPanel(model);
  }
  const schedulePreview = debounce(updatePreview, DEBOUNCE_MS);
  const scheduleSave = debounce(save, DEBOUNCE_MS);

  function onEdit() {
    bundleWarnings = [];
    schedulePreview();
    scheduleSave();
    scheduleEmbed();
  }

  // Selects a source line in the editor and scrolls it into view there, without taking the focus.
  function showLine(line) {
    const lines = editor.value.split('\n');
    let start = 0;
    for (let i = 0; i < line - 1 && i < lines.length; i++) start += lines[i].length + 1;
    const end = start + (lines[line - 1] || '').length;
    editor.setSelectionRange(start, end);
    const lineHeight = parseFloat(getComputedStyle(editor).lineHeight) || 20;
    editor.scrollTop = Math.max(0, (line - 1) * lineHeight - editor.clientHeight / 3);
  }

  // [SECTION] the panel --------------------------------------------------------------------
  const WARNING_KINDS = { config: 'Config', raw_html: 'Raw HTML dropped', link_scheme: 'Link not followed', image_source: 'Image not shown',
    markup_budget: 'Markup budget', uncovered: 'Missing glyphs', load: 'Not loaded', bundle: 'Offline page', more: 'More' };
  let lastModel = null;
  let bundleWarnings = [];

  function item(list, className, parts, onClick) {
    const li = make('li', className);
    const button = make('button');
    button.type = 'button';
    for (const part of parts) button.append(typeof part === 'string' ? document.createTextNode(part) : part);
    button.addEventListener('click', onClick);
    li.append(button);
    list.append(li);
    return button;
  }

  // The section a source line belongs to: the last heading at or above it.
  function sectionOfLine(model, line) {
    let found = null;
    for (const s of model.sections) if (s.line <= line) found = s;
    return found;
  }

  function warningsOf(model) {
    const out = [];
    if (doc.configError) out.push({ kind: 'config', message: doc.configError, config: true });
    if (doc.loadError) out.push({ kind: 'load', message: doc.loadError });
    if (model) {
      for (const w of model.warnings) out.push({ kind: w.kind, line: w.line, message: w.message });
      if (model.warnings_omitted > 0) out.push({ kind: 'more', message: `${model.warnings_omitted} more warnings of these kinds` });
      if (model.uncovered_characters > 0) {
        const n = model.uncovered_characters;
        out.push({ kind: 'uncovered', message: `${n} character${n === 1 ? '' : 's'} that no font on this device draws (shown as a box)` });
      }
    }
    for (const message of bundleWarnings) out.push({ kind: 'bundle', line: parseInt(message, 10) || 0, message: message.replace(/^\d+: /, '') });
    return out;
  }

  function renderPanel(model) {
    if (model) lastModel = model; else model = doc.loadError ? null : lastModel;
    const count = (id, n) => { say(`${id}-count`, String(n)); const none = $(`${id}-none`); if (none) none.hidden = n > 0; };
    // The summary line.
    const summary = $('summary');
    summary.replaceChildren();
    if (model) {
      summary.append(make('strong', '', model.title || 'Untitled'));
      summary.append(`${model.word_count.toLocaleString()} words · ${model.reading_minutes} min read`);
    }
    // Warnings: the config's, the load's, the model's structured ones, missing glyphs, the offline page's images.
    const warnings = warningsOf(model);
    const list = $('warnings');
    list.replaceChildren();
    for (const w of warnings) {
      const label = make('span', 'kind', WARNING_KINDS[w.kind] || w.kind);
      const text = (w.line ? `Line ${w.line}: ` : '') + w.message;
      item(list, w.config ? 'config' : '', [label, text], () => {
        if (w.config) { focusConfigPath(w.message); return; }
        if (w.line) showLine(w.line);
        const section = model && w.line ? sectionOfLine(model, w.line) : null;
        if (section) preview.scrollToAnchor(section.id);
      });
    }
    count('warnings', warnings.length);
    // Stages, questions and sections: each scrolls the preview to it (a stage is selected, a question opened).
    const prefix = model ? model.config.deep_link_prefix : '';
    const stages = $('stages');
    stages.replaceChildren();
    (model ? model.timeline.stages : []).forEach((stage, i) => {
      item(stages, '', [make('span', 'number', `${i + 1}.`), stage.title], () => preview.scrollToAnchor(`${prefix}stage-${i + 1}`));
    });
    count('stages', stages.children.length);
    const questions = $('questions');
    questions.replaceChildren();
    for (const faq of model ? model.faqs : []) item(questions, '', [faq.question], () => preview.scrollToAnchor(`${prefix}faq-${faq.id}`));
    count('questions', questions.children.length);
    const sections = $('sections');
    sections.replaceChildren();
    for (const s of model ? model.sections : []) item(sections, `level-${s.level}`, [s.title], () => preview.scrollToAnchor(s.id));
    count('sections', sections.children.length);
  }

  // [SECTION] config -----------------------------------------------------------------------
  // widget.json's text is the one owner of the config: the form reads its fields from it and writes them
  // back into it, keeping every key the form does not show.
  const fields = Array.from(document.querySelectorAll('#config-fields [data-key]'));
  const accentPicker = $('cfg-accent-picker');

  function parsedConfig() {
    const text = configText.value.trim();
    if (!text) return {};
    try {
      const value = JSON.parse(text);
      return value && typeof value === 'object' && !Array.isArray(value) ? value : null;
    } catch {
      return null;
    }
  }
  function getPath(object, path) { return path.split('.').reduce((o, k) => (o && typeof o === 'object' ? o[k] : undefined), object); }
  function setPath(object, path, value) {
    const keys = path.split('.');
    let o = object;
    for (const k of keys.slice(0, -1)) {
      if (!o[k] || typeof o[k] !== 'object' || Array.isArray(o[k])) o[k] = {};
      o = o[k];
    }
    const last = keys[keys.length - 1];
    if (value === undefined) delete o[last]; else o[last] = value;
    if (keys.length > 1 && Object.keys(o).length === 0) delete object[keys[0]];   // no empty "fonts": {}
  }

  // The form from widget.json (when it is JSON; otherwise the form waits, disabled).
  function fillForm() {
    const config = parsedConfig();
    $('config-fields').disabled = config === null;
    $('form-note').hidden = config !== null;
    if (!config) return;
    for (const field of fields) {
      const value = getPath(config, field.dataset.key);
      if (document.activeElement === field) continue;
      field.value = value === undefined || value === null ? (field.tagName === 'SELECT' ? 'auto' : '') : String(value);
    }
    if (/^#[0-9a-fA-F]{6}$/.test(config.accent || '')) accentPicker.value = config.accent.toLowerCase();
    const markers = getPath(config, 'timeline.markers');
    renderMarkers(Array.isArray(markers) ? markers : []);
  }

  function renderMarkers(markers) {
    const list = $('markers');
    const focused = document.activeElement && list.contains(document.activeElement) ? document.activeElement.id : '';
    list.replaceChildren();
    markers.forEach((marker, i) => {
      const li = make('li');
      const field = (kind, labelText, type) => {
        const box = make('div');
        const label = make('label');
        label.append(make('span', 'visually-hidden', `Marker ${i + 1} `), labelText);
        const input = make('input');
        input.id = `marker-${i}-${kind}`;
        input.type = type;
        if (type === 'number') { input.step = '0.1'; input.inputMode = 'decimal'; }
        input.dataset.marker = String(i);
        input.dataset.part = kind;
        const value = marker && typeof marker === 'object' ? marker[kind] : undefined;
        input.value = value === undefined || value === null ? '' : String(value);
        label.htmlFor = input.id;
        box.append(label, input);
        return box;
      };
      const remove = make('button', '', 'Remove');
      remove.type = 'button';
      remove.setAttribute('aria-label', `Remove marker ${i + 1}`);
      remove.addEventListener('click', () => editConfig((c) => {
        c.timeline.markers.splice(i, 1);
        if (!c.timeline.markers.length) delete c.timeline.markers;
        if (!Object.keys(c.timeline).length) delete c.timeline;
      }));
      li.append(field('position', 'Position', 'number'), field('label', 'Label', 'text'), remove);
      list.append(li);
    });
    if (focused && $(focused)) $(focused).focus();
  }

  // Changes widget.json through `change(config)`, then checks it.
  function editConfig(change) {
    const config = parsedConfig();
    if (!config) return;
    change(config);
    configText.value = Object.keys(config).length ? JSON.stringify(config, null, 2) + '\n' : '';
    configChanged(false);
  }

  // The core checks every change; a valid config goes to the preview, an invalid one is shown with its JSON path
  // while the preview keeps the last valid one.
  let checkGeneration = 0;
  // `initial`: the config the page starts with (saved already, and the preview is not made yet).
  async function configChanged(refillForm, initial = false) {
    const generation = ++checkGeneration;
    const text = configText.value;
    const error = await checkConfig(text).catch((e) => `the config could not be checked: ${e.message}`);
    if (generation !== checkGeneration) return;
    doc.configError = error;
    say('config-error', error);
    if (refillForm) fillForm(); else { $('config-fields').disabled = false; $('form-note').hidden = true; }
    markInvalidField(error);
    if (!error) doc.validConfig = text;
    renderEmbed();
    renderPanel(null);
    if (initial) return;
    scheduleSave();
    if (!error) schedulePreview();
  }

  // The form field a JSON path names ("config /timeline/markers/0/position: ..."), or widget.json's text.
  function fieldOfError(message) {
    const m = /^config (\/[^:]*):/.exec(message || '');
    if (!m) return message ? configText : null;
    const path = m[1].split('/').slice(1);
    if (path[0] === 'timeline' && path[1] === 'markers' && path[2] !== undefined) {
      return $(`marker-${path[2]}-${path[3] === 'label' ? 'label' : 'position'}`) || configText;
    }
    return fields.find((f) => f.dataset.key === path.join('.')) || configText;
  }
  function markInvalidField(error) {
    for (const el of document.querySelectorAll('#config-form [aria-invalid]')) { el.removeAttribute('aria-invalid'); el.removeAttribute('aria-errormessage'); }
    const field = fieldOfError(error);
    if (field) { field.setAttribute('aria-invalid', 'true'); field.setAttribute('aria-errormessage', 'config-error'); }
  }
  function focusConfigPath(message) {
    const field = fieldOfError(message) || configText;
    field.focus();
  }

  function installConfigForm() {
    for (const field of fields) {
      field.addEventListener('input', () => editConfig((c) => setPath(c, field.dataset.key, field.value.trim() === '' ? undefined : field.value.trim())));
    }
    accentPicker.addEventListener('input', () => { $('cfg-accent').value = accentPicker.value; editConfig((c) => { c.accent = accentPicker.value; }); });
    $('markers').addEventListener('input', (e) => {
      const i = Number(e.target.dataset.marker);
      const part = e.target.dataset.part;
      editConfig((c) => {
        const marker = c.timeline.markers[i];
        const raw = e.target.value;
        // A position that is not a number is written as the text typed, so the core names what is wrong.
        marker[part] = part === 'position' ? (raw.trim() !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw) : raw;
      });
    });
    $('add-marker').addEventListener('click', () => {
      editConfig((c) => {
        if (!c.timeline || typeof c.timeline !== 'object') c.timeline = {};
        if (!Array.isArray(c.timeline.markers)) c.timeline.markers = [];
        c.timeline.markers.push({ position: 0, label: '' });
      });
      fillForm();
      const n = $('markers').children.length;
      $(`marker-${n - 1}-label`).focus();
    });
    const onJson = debounce(() => configChanged(true), DEBOUNCE_MS);
    configText.addEventListener('input', onJson);
    $('config-form').addEventListener('submit', (e) => e.preventDefault());
  }

  // [SECTION] outputs ----------------------------------------------------------------------
  function download(name, blob) {
    const a = make('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  }

  // Data in an inline <script>: every "<" followed by backslashes and "/" or "!" gets one more backslash, so the
  // text cannot end its script element; the element undoes this for scripts marked data-escaped (as in the
  // offline page).
  const escapeScriptData = (text) => text.replace(/<(\\*[/!])/g, '<\\$1');
  const attribute = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

  function embedCode() {
    const mode = document.querySelector('input[name="embed-mode"]:checked').value;
    const script = `<script src="${attribute($('script-url').value.trim() || 'article-widget.js')}" defer></script>\n`;
    const config = doc.validConfig.trim();
    if (mode === 'file') {
      return script + `<article-widget src="${attribute(`${doc.name}.md`)}"${config ? ' config="widget.json"' : ''}></article-widget>\n`;
    }
    let out = script + '<article-widget>\n<script type="text/markdown" data-escaped>' + escapeScriptData(editor.value) + '</script>\n';
    if (config) out += '<script type="application/json" data-config data-escaped>' + escapeScriptData(doc.validConfig) + '</script>\n';
    return out + '</article-widget>\n';
  }
  function renderEmbed() { $('embed-code').value = embedCode(); }
  const scheduleEmbed = debounce(renderEmbed, DEBOUNCE_MS);

  async function copyEmbed() {
    const code = embedCode();
    try {
      await navigator.clipboard.writeText(code);
      say('embed-status', 'Copied. Paste it into your page where the article goes.');
    } catch {
      const box = $('embed-code');
      box.focus();
      box.select();
      say('embed-status', 'Selected: press Ctrl+C (⌘C) to copy.');
    }
  }

  async function downloadOffline() {
    const button = $('download-html');
    button.disabled = true;
    say('file-status', 'Writing the offline page…');
    try {
      const page = await offlinePage();
      bundleWarnings = page.warnings;
      download(`${doc.name}.html`, new Blob([page.bytes], { type: 'text/html' }));
      say('file-status', `Downloaded ${doc.name}.html (${Math.round(page.bytes.length / 1024)} KB): it works offline, from a file or an e-mail.` +
        (page.warnings.length ? ` ${page.warnings.length} image${page.warnings.length === 1 ? ' is' : 's are'} not in it: see Warnings.` : ''));
    } catch (e) {
      say('file-status', `The offline page was not written: ${e.message}`);
    } finally {
      button.disabled = false;
      renderPanel(null);
    }
  }

  // [SECTION] opening files ----------------------------------------------------------------
  const isImage = (file) => file.type.startsWith('image/') || /\.(png|jpe?g|gif|webp|avif|svg)$/i.test(file.name);
  const isConfig = (file) => /\.json$/i.test(file.name) || file.type === 'application/json';

  async function openFiles(fileList) {
    const files = Array.from(fileList);
    const opened = [];
    const markdown = files.find((f) => !isImage(f) && !isConfig(f));
    const config = files.find(isConfig);
    for (const f of files.filter(isImage)) {
      doc.images.set(f.name, new Uint8Array(await f.arrayBuffer()));
      opened.push(f.name);
    }
    if (config) {
      configText.value = await config.text();
      opened.push(config.name);
      await configChanged(true);
    }
    if (markdown) {
      editor.value = await markdown.text();
      doc.name = markdown.name.replace(/\.[^.]*$/, '') || 'article';
      opened.push(markdown.name);
      bundleWarnings = [];
      onEdit();
    }
    say('file-status', opened.length ? `Opened ${opened.join(', ')}.` : 'Nothing opened: drop a Markdown file, widget.json or images.');
  }

  function installFileInput() {
    $('open-file').addEventListener('change', (e) => { openFiles(e.target.files); e.target.value = ''; });
    const target = $('drop-target');
    let depth = 0;
    const hasFiles = (e) => e.dataTransfer && Array.from(e.dataTransfer.types || []).includes('Files');
    document.addEventListener('dragenter', (e) => { if (hasFiles(e)) { depth++; target.hidden = false; } });
    document.addEventListener('dragleave', () => { depth = Math.max(0, depth - 1); if (!depth) target.hidden = true; });
    document.addEventListener('dragover', (e) => { if (hasFiles(e)) e.preventDefault(); });
    document.addEventListener('drop', (e) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      target.hidden = true;
      openFiles(e.dataTransfer.files);
    });
  }

  // [SECTION] start ------------------------------------------------------------------------
  // The saved work, else the sample article and config served beside this page.
  async function start() {
    let markdown = load('markdown');
    let config = load('config');
    doc.name = load('name') || 'article';
    if (markdown === null) {
      const text = async (name) => { try { const r = await fetch(name); return r.ok ? await r.text() : ''; } catch { return ''; } };
      [markdown, config] = await Promise.all([text('article.md'), text('widget.json')]);
      if (markdown) say('save-status', 'The sample article: edit it, or open your own. Your work is saved in this browser.');
    }
    editor.value = markdown;
    configText.value = config || '';
    preview = document.createElement('article-widget');
    preview.id = 'preview';
    editor.addEventListener('input', onEdit);
    installConfigForm();
    installFileInput();
    $('download-markdown').addEventListener('click', () => download(`${doc.name}.md`, new Blob([editor.value], { type: 'text/markdown' })));
    $('download-config').addEventListener('click', () => download('widget.json', new Blob([configText.value], { type: 'application/json' })));
    $('download-html').addEventListener('click', downloadOffline);
    $('copy-embed').addEventListener('click', copyEmbed);
    for (const input of document.querySelectorAll('input[name="embed-mode"], #script-url')) input.addEventListener('input', renderEmbed);
    preview.addEventListener('articleerror', (e) => console.info(`preview: ${e.detail.message}`));
    await configChanged(true, true);
    await updatePreview();
    document.documentElement.dataset.ready = 'true';   // for tests and scripts: the first preview is shown
  }

  start();
})();
