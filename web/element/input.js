// Canvas input: pointer, wheel, focus and keys to the widget; the canvas's selection, the clipboard, a long touch
// press, and the browser's find in page, which matches the mirror's text and moves the canvas to the match.
// [SECTION] canvas input  [SECTION] selection, clipboard and find
import { withCString } from './engine.js';
import { isHtmlView } from './view.js';

const LONG_PRESS_MS = 500;        // a touch held this long without moving selects a word
const LONG_PRESS_SLOP_PX = 10;

// The text at the centre of a clipped box whose content the browser scrolled a find match into: the text of its
// block (paragraph, heading, item, cell, code) before and after that point, whitespace collapsed.
function textAtBox(box) {
  const r = box.getBoundingClientRect();
  const cx = r.left + r.width / 2, cy = r.top + r.height / 2;
  const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  const inside = (rect) => rect.width > 0 && cx >= rect.left - 0.5 && cx <= rect.right + 0.5 && cy >= rect.top - 0.5 && cy <= rect.bottom + 0.5;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    range.selectNodeContents(node);
    if (![...range.getClientRects()].some(inside)) continue;
    for (let i = 0; i < node.length; i++) {
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      if (![...range.getClientRects()].some(inside)) continue;
      const block = node.parentElement.closest('p, h1, h2, h3, h4, h5, h6, li, pre, td, th, dt, dd, blockquote') || node.parentElement;
      const collapse = (t) => t.replace(/\s+/g, ' ');
      range.selectNodeContents(block);
      range.setEnd(node, i);
      const before = collapse(range.toString()).replace(/^ /, '');
      range.selectNodeContents(block);
      range.setStart(node, i);
      return { before, after: collapse(range.toString()).replace(/ $/, ''), element: node.parentElement, ...matchAround(block, cx) };
    }
  }
  return null;
}

// The whole match around the box's centre `cx`, as its text and the block's text before and after it (whitespace
// collapsed). The mirror sets each block on one line (nowrap) and the browser centres the match in the 1 px box, so the
// match runs from a word's start as far left of the centre as the end of a word it reaches to the right: the shortest
// such span (within 1.5 px) is the match, grown outwards while the words it gains on each side are the same (a
// symmetric phrase, "side by side", centres on its middle word: the shortest span would be "by"). No such span (a
// match inside a word): nothing, and the word there is selected.
function matchAround(block, cx) {
  const chars = [];   // each rendered character: its node, offset and horizontal extent
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.length; i++) {
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const r = range.getBoundingClientRect();
      chars.push({ node, i, word: /[\p{L}\p{N}]/u.test(node.data[i]), left: r.left, right: r.right, width: r.width });
    }
  }
  const starts = [], ends = [];
  chars.forEach((c, k) => {
    if (c.word && !(chars[k - 1] && chars[k - 1].word) && c.width > 0) starts.push(k);
    if (c.width > 0 && !/\s/.test(c.node.data[c.i]) && !(chars[k + 1] && chars[k + 1].word && c.word)) ends.push(k);
  });
  const centred = [];
  for (const a of starts) {
    if (chars[a].left > cx) break;
    for (const b of ends) {
      if (b < a || chars[b].right < cx) continue;
      const off = Math.abs(chars[a].left + chars[b].right - 2 * cx);
      if (off <= 2.5) centred.push({ a, b, off, width: chars[b].right - chars[a].left });
    }
  }
  centred.sort((x, y) => x.width - y.width);
  let best = centred.find((span) => span.off <= 1.5);
  if (!best) return {};
  const words = (from, to) => chars.slice(from, to + 1).map((c) => c.node.data[c.i]).join('').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const same = (x, y) => x.length === y.length && x.every((w, k) => w.toLowerCase() === y[k].toLowerCase());
  // Grown spans are centred as closely as whole px of scrolling allow (within 1.25 px): the same words on each side
  // are the evidence.
  for (const span of centred) {
    if (span.a >= best.a || span.b <= best.b) continue;
    const left = words(span.a, best.a - 1), right = words(best.b + 1, span.b);
    if (left.length && (same(left, right) || same([...left].reverse(), right))) best = span;
  }
  const collapse = (t) => t.replace(/\s+/g, ' ');
  const text = (from, to) => { range.setStart(from.node, from.at); range.setEnd(to.node, to.at); return collapse(range.toString()); };
  const first = chars[best.a], last = chars[best.b];
  const blockStart = { node: block, at: 0 }, blockEnd = { node: block, at: block.childNodes.length };
  return {
    matchBefore: text(blockStart, { node: first.node, at: first.i }).replace(/^ /, ''),
    match: text({ node: first.node, at: first.i }, { node: last.node, at: last.i + 1 }),
    matchAfter: text({ node: last.node, at: last.i + 1 }, blockEnd).replace(/ $/, ''),
  };
}

export class Input {
  // [SECTION] canvas input ------------------------------------------------------------------
  // A pointer event's place on the canvas, in the canvas's CSS px (under a host's zoom too).
  _canvasPoint(e) {
    const r = this._canvas.getBoundingClientRect();
    return [(e.clientX - r.left) / this._zoom, (e.clientY - r.top) / this._zoom];
  }

  // The canvas's and the mirror's listeners: one per event type and target, each routing the event to the handlers
  // of the concerns below in turn (the widget's own input, the selection and the long press, find in page) and to
  // the mirror's controls (mirror.js).
  _installInput() {
    const c = this._canvas, m = this._mirror;
    const widget = this._widgetInput(), selection = this._selectionInput(), find = this._findInput(), controls = this._mirrorControls();
    c.addEventListener('pointerdown', (e) => { widget.pointerDown(e); selection.pointerDown(e); });
    c.addEventListener('pointermove', (e) => { if (!selection.fingerMoved(e)) widget.pointerMove(e); });
    c.addEventListener('pointerup', (e) => { widget.pointerUp(e); selection.pointerEnded(e); });
    c.addEventListener('pointercancel', (e) => { selection.pointerCancelled(e); selection.pointerEnded(e); });
    c.addEventListener('pointerleave', () => widget.pointerLeave());
    c.addEventListener('mousedown', (e) => widget.mouseDown(e));
    c.addEventListener('wheel', (e) => widget.wheel(e), { passive: false });
    c.addEventListener('focus', () => widget.focus(true));
    c.addEventListener('blur', () => widget.focus(false));
    c.addEventListener('keydown', (e) => { widget.key(e, true); selection.selectAll(e); });
    c.addEventListener('keyup', (e) => widget.key(e, false));
    c.addEventListener('contextmenu', (e) => selection.contextMenu(e));
    m.addEventListener('focusin', (e) => { controls.focusIn(e); find.focusIn(); });
    m.addEventListener('focusout', (e) => controls.focusOut(e));
    m.addEventListener('keydown', (e) => controls.keyDown(e));
    m.addEventListener('input', (e) => controls.input(e));
    m.addEventListener('click', (e) => controls.click(e));
    m.addEventListener('scroll', () => find.scrolled());
    m.addEventListener('beforematch', (e) => find.beforeMatch(e));
  }

  // Pointer and keys on the canvas go to this element's widget (keys by their KeyboardEvent.key names,
  // through the core's one key table); Tab is the browser's, to walk the page.
  _widgetInput() {
    const c = this._canvas;
    const point = (e) => this._canvasPoint(e);
    const pointer = (type, e, button) => {
      if (!this._handle) return false;
      const [x, y] = e ? point(e) : [0, 0];
      this._wasm((m) => m._aw_pointer(this._handle, type, x, y, button));
      return true;
    };
    return {
      // The core asks for the frame a move or a key needs (its 'redraw' event); a press is drawn at once.
      pointerMove: (e) => pointer(0, e, -1),
      pointerDown: (e) => { if (pointer(1, e, e.button)) this._frameNow(); },
      pointerUp: (e) => { if (pointer(2, e, e.button)) this._frameNow(); },
      pointerLeave: () => pointer(3, null, -1),
      // A click or tap that the core turned into focus on a mirror control (the drawn filter box) keeps it there: the
      // browser's own focusing of the canvas, the default of the mousedown that follows the pointerdown, is cancelled.
      mouseDown: (e) => {
        const active = this.shadowRoot.activeElement;
        if (active && this._mirror.contains(active) && active.dataset.focus && active.dataset.focus === this._focusName()) e.preventDefault();
      },
      // A wheel's sideways part (trackpad swipe, or shift + wheel) scrolls a code block or table under the pointer
      // that is wider than the column; everything else stays the page's.
      wheel: (e) => {
        const dx = e.deltaX || (e.shiftKey ? e.deltaY : 0);
        if (!dx || !this._handle) return;
        const [x, y] = point(e);
        const unit = e.deltaMode === 1 ? 40 : e.deltaMode === 2 ? c.clientWidth : 1;
        if (this._command({ cmd: 'scrollBlock', x, y, dx: dx * unit })) e.preventDefault();
      },
      focus: (focused) => this._command({ cmd: 'canvasFocus', focused }),
      key: (e, down) => {
        if (!this._handle || e.key === 'Tab') return;
        const mods = (e.ctrlKey ? 1 : 0) | (e.shiftKey ? 2 : 0) | (e.altKey ? 4 : 0) | (e.metaKey ? 8 : 0);
        if (!this._wasm((m) => withCString(m, e.key, (p) => m._aw_key(this._handle, p, down ? 1 : 0, mods)))) return;
        if (down) this._frameNow();
      },
    };
  }

  // [SECTION] selection, clipboard and find --------------------------------------------------
  // The core owns the canvas's selection (core/selection.h); this section only carries the browser's side of it:
  // the copy event (text/plain and text/html), Ctrl/Cmd+A kept from selecting the page, a long touch press that
  // selects a word, and the browser's find, which matches the mirror's text: the match is scrolled into view inside
  // the mirror's clipped 1 px box, and that scroll tells which text it is, so the canvas scrolls there and selects it.
  _selectionInput() {
    const c = this._canvas;
    const call = (fn) => (this._handle ? this._wasm(fn) : undefined);
    const point = (e) => this._canvasPoint(e);
    // Touch: a finger on the text scrolls the page, it does not drag a selection; a long press selects a word.
    let press = null;
    return {
      selectAll: (e) => {
        if (!(e.ctrlKey || e.metaKey) || e.altKey || e.key.toLowerCase() !== 'a') return;
        e.preventDefault();
        if (this._command({ cmd: 'select', what: 'all' })) this._frameNow();
      },
      pointerDown: (e) => {
        // A mouse drag keeps selecting outside the canvas; a touch that the browser turns into a scroll releases.
        if (e.pointerType === 'mouse' && e.button === 0) c.setPointerCapture(e.pointerId);
        if (e.pointerType !== 'touch') return;
        if (press) clearTimeout(press.timer);
        const [x, y] = point(e);
        const current = { id: e.pointerId, x0: e.clientX, y0: e.clientY, fired: false, timer: 0 };
        current.timer = setTimeout(() => {
          current.fired = this._command({ cmd: 'select', what: 'word', x, y });
          if (current.fired) this._frameNow();
        }, LONG_PRESS_MS);
        press = current;
      },
      pointerCancelled: (e) => { const [x, y] = point(e); call((m) => m._aw_pointer(this._handle, 2, x, y, 0)); },
      // Whether the move is the pressing finger's, which the widget never sees as a drag.
      fingerMoved: (e) => {
        if (e.pointerType !== 'touch' || !press || press.id !== e.pointerId) return false;
        if (!press.fired && Math.hypot(e.clientX - press.x0, e.clientY - press.y0) > LONG_PRESS_SLOP_PX) { clearTimeout(press.timer); press = null; }
        return true;
      },
      pointerEnded: (e) => { if (press && press.id === e.pointerId) { clearTimeout(press.timer); press = press.fired ? press : null; } },
      contextMenu: (e) => { if (press && press.fired) { e.preventDefault(); press = null; } },
    };
  }

  // Find in page. Keyboard focus moving through the mirror scrolls it too: those scrolls are not matches.
  _findInput() {
    const call = (fn) => (this._handle ? this._wasm(fn) : undefined);
    const m = this._mirror;
    let focusedAt = -Infinity;
    return {
      focusIn: () => { focusedAt = performance.now(); },
      scrolled: () => {
        if (!this._handle || isHtmlView(this._view) || (m.scrollTop === 0 && m.scrollLeft === 0)) return;
        const ours = Math.max(focusedAt, this._mirrorScrolledAt || -Infinity);
        const context = performance.now() - ours > 300 ? textAtBox(m) : null;
        m.scrollTop = 0;   // so that the next match scrolls the box again
        m.scrollLeft = 0;
        if (!context) return;
        // The whole match with its context first; then the word at the centre, the longest context first (the mirror and
        // the canvas may differ further away: a footnote mark, a table bar).
        if (context.match) {
          for (const n of [40, 16]) {
            const before = context.matchBefore.slice(-n), after = context.matchAfter.slice(0, n);
            if (this._command({ cmd: 'findReveal', before, match: context.match, after })) { this._frameNow(); return; }
          }
        }
        for (const n of [40, 16]) {
          const before = context.before.slice(-n), after = context.after.slice(0, n);
          if (this._command({ cmd: 'findReveal', before, after })) { this._frameNow(); return; }
        }
        // Text the canvas does not lay out as the article's (a stage's card, a question or its answer): scroll to the
        // stage or question it belongs to, which selects the stage or opens the question.
        this._scrollToClosestAnchor(context.element);
      },
      // A closed answer is hidden until found: when find reveals it, the question opens on the canvas too.
      beforeMatch: (e) => {
        const panel = e.target.closest && e.target.closest('.aw-faq-answer');
        const button = panel && m.querySelector(`[aria-controls="${CSS.escape(panel.id)}"]`);
        if (button && button.dataset.faq !== undefined) this._command({ cmd: 'toggleFaq', index: Number(button.dataset.faq), open: true });
      },
    };
  }

  // Whether the canvas holds a selection (not its text).
  _hasCanvasSelection() {
    if (!this._handle || !this._glAvailable || isHtmlView(this._view)) return false;
    return JSON.parse(this._query('hasSelection') || '{}').selected === true;
  }

  // The canvas's selection as plain text (0) or HTML (1); "" when nothing is selected there or the HTML view shows.
  _canvasSelection(html) {
    if (!this._handle || !this._glAvailable || isHtmlView(this._view)) return '';
    const answer = JSON.parse(this._query(html ? 'selectionHtml' : 'selectionText') || '{}');
    return (html ? answer.html : answer.text) || '';
  }

  _copyCanvasSelection(e) {
    const text = this._canvasSelection(0);
    if (!text || !e.clipboardData) return;   // nothing selected on the canvas: the page's own copy
    e.clipboardData.setData('text/plain', text);
    e.clipboardData.setData('text/html', this._canvasSelection(1));
    e.preventDefault();
  }
}
