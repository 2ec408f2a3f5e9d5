// The entry point of the npm package's ES module (dist/article-widget.mjs): importing it registers the element (once
// per page, whichever build comes first) and exports it. The WebAssembly is named relative to this module, in the
// form bundlers (Vite, webpack, Parcel, Rollup) recognise and copy.
import { defineArticleWidget, elementWanted } from './element.js';

if (elementWanted()) defineArticleWidget(new URL('./article-widget.wasm', import.meta.url).href);

const ArticleWidgetElement = typeof customElements === 'undefined' ? undefined : customElements.get('article-widget');
export { ArticleWidgetElement };
export default ArticleWidgetElement;
