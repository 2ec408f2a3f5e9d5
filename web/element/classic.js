// The entry point of the classic script (dist/article-widget.js, an IIFE for <script src defer>): defines the element,
// its WebAssembly beside this script, whose URL the script knows only while it first runs (document.currentScript).
'use strict';   // the whole script, as its modules are (esbuild keeps the entry's directive)
import { defineArticleWidget, elementWanted } from './element.js';

if (elementWanted()) {
  const script = document.currentScript;
  defineArticleWidget(new URL('article-widget.wasm', script && script.src ? script.src : document.baseURI).href);
}
