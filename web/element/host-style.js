// The host's style, read for the core: colours as "#rrggbb", the background behind the element, the host's
// scroll-padding-top and where the element scrolls, the --aw-* theme properties, and the palette the HTML view takes.

// Theming: custom properties on the element, read once per change (never per frame).
const THEME_PROPERTIES = { text: '--aw-text', background: '--aw-background', accent: '--aw-accent' };
const COLUMN_PROPERTY = '--aw-column-width';
export const WATCHED_PROPERTIES = new Set(['color', ...Object.values(THEME_PROPERTIES), COLUMN_PROPERTY]);

// Colours as "#rrggbb" for the core, whatever CSS syntax they were written in; null for none or
// a fully transparent colour. A 2D canvas context normalises any CSS colour to sRGB.
let colorContext = null;
function parseRgb(text) {
  const m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(text);
  if (!m) return null;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
  return { rgb: [m[1], m[2], m[3]].map((v) => Math.round(Number(v))), alpha };
}
function colorToHex(css) {
  let c = parseRgb(css);
  if (!c) {
    colorContext = colorContext || document.createElement('canvas').getContext('2d');
    if (!colorContext) return null;
    colorContext.fillStyle = '#000000';
    colorContext.fillStyle = css;
    const normal = colorContext.fillStyle;
    c = normal.startsWith('#') ? { rgb: [1, 3, 5].map((i) => parseInt(normal.slice(i, i + 2), 16)), alpha: 1 } : parseRgb(normal);
  }
  if (!c || c.alpha === 0) return null;
  return '#' + c.rgb.map((v) => Math.min(255, Math.max(0, v)).toString(16).padStart(2, '0')).join('');
}

// The system's selection colour (CSS Highlight), for the canvas's selection highlight.
function systemHighlight(probe) {
  probe.style.background = 'Highlight';
  const hex = colorToHex(getComputedStyle(probe).backgroundColor);
  probe.style.background = '';
  return hex;
}


// What stands behind the element: the first ancestor (across shadow roots) with a background colour;
// with none, the page's canvas, light or dark as the text colour implies.
function pageBackground(element, textHex) {
  for (let node = element.parentNode; node; node = node.parentNode || node.host) {
    if (node.nodeType !== 1) continue;
    const hex = colorToHex(getComputedStyle(node).backgroundColor);
    if (hex) return hex;
  }
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(textHex.slice(i, i + 2), 16));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 128 ? '#121212' : '#ffffff';
}

// The host's scroll-padding-top (a fixed header's height), in CSS px: the page's, or a scrolling pane's.
export function scrollPaddingTop(scroller = null) {
  const value = getComputedStyle(scroller || document.documentElement).scrollPaddingTop;
  if (!value || value === 'auto') return 0;
  const n = parseFloat(value) || 0;
  return Math.max(0, value.endsWith('%') ? ((scroller ? scroller.clientHeight : window.innerHeight) * n) / 100 : n);
}

// Where an element scrolls: the nearest ancestor (across shadow roots) that scrolls it vertically, null for the page;
// and whether a sticky canvas can stick there. It cannot when a scroll container that never scrolls stands between
// (an `overflow-x: hidden` wrapper is one, as news sites wrap their layout): sticky then sticks to that box, and the
// element places its canvas itself ("pinned"). `html` and `body` pass their overflow to the page.
export function scrollContext(element) {
  const up = (node) => { const parent = node.parentNode; return parent && parent.nodeType === 11 ? parent.host : parent; };
  let stickyContainer = null;
  for (let node = up(element); node && node.nodeType === 1; node = up(node)) {
    if (node === document.body || node === document.documentElement) continue;
    const style = getComputedStyle(node);
    if (/^(visible|clip)$/.test(style.overflowY) && /^(visible|clip)$/.test(style.overflowX)) continue;
    stickyContainer = stickyContainer || node;
    if (/^(auto|scroll)$/.test(style.overflowY) && node.scrollHeight > node.clientHeight + 1) return { scroller: node, pinned: stickyContainer !== node };
  }
  return { scroller: null, pinned: stickyContainer !== null };
}

// The element's host-style methods (the element takes these methods: web/element/element.js).
export class HostStyle {
  // Theming from CSS: the host's text colour and background, the element's --aw-* properties and the
  // host's scroll-padding-top, read on load, resize, colour-scheme and theme changes and when a
  // transition says they changed, and sent to the core only when something differs.
  _readHostStyle() {
    if (!this._handle) return;
    const style = getComputedStyle(this);
    this._readScrollContext();
    const pageText = colorToHex(style.color) || '#000000';
    // The reader's text size: the root font size the browser computes (their default font size), over 16 px.
    const textScale = (parseFloat(getComputedStyle(document.documentElement).fontSize) || 16) / 16;
    const message = { cmd: 'hostStyle', pageText, pageBackground: pageBackground(this, pageText), textScale };
    const selection = systemHighlight(this._probe);
    if (selection) message.selection = selection;
    const problems = [];
    for (const [key, property] of Object.entries(THEME_PROPERTIES)) {
      const value = style.getPropertyValue(property).trim();
      if (!value) continue;
      const hex = CSS.supports('color', value) ? colorToHex(value) : null;
      if (hex) message[key] = hex;
      else problems.push(`${property}: "${value}" is not a colour`);
    }
    const column = style.getPropertyValue(COLUMN_PROPERTY).trim();
    if (column) {
      this._probe.style.width = CSS.supports('width', column) ? column : '';
      const px = parseFloat(getComputedStyle(this._probe).width);
      if (CSS.supports('width', column) && px >= 120) message.columnWidth = px;
      else problems.push(`${COLUMN_PROPERTY}: "${column}" is not a width of at least 120px`);
    }
    const problem = problems.join('; ');
    if (problem !== (this._hostStyleProblem || '')) {
      this._hostStyleProblem = problem;
      if (problem) this._emit('articleerror', { message: problem });
    }
    const json = JSON.stringify(message);
    if (json === this._hostStyleJson) return;
    this._hostStyleJson = json;
    this._command(message);
    this._applyPalette();
  }

  _applyTheme() {
    const theme = this.getAttribute('theme');
    if (this._handle) this._command({ cmd: 'theme', mode: theme === null ? 'auto' : theme });
  }

  // The HTML view takes the palette the canvas draws with (one owner: the core).
  _applyPalette() {
    const json = this._query('palette');
    if (!json) return;
    const p = JSON.parse(json);
    const set = (name, value) => this._root.style.setProperty(name, value);
    set('--link', p.accent);
    set('--on-link', p.accentText);
    set('--rule', p.rule);
    set('--muted', p.muted);
    set('--surface', p.surface);
    set('--heading', p.opaque ? p.heading : 'inherit');
    set('--ink', p.opaque ? p.text : 'inherit');
    set('--paper', p.opaque ? p.background : 'transparent');
  }
}
