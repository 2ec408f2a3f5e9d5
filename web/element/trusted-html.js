// The Trusted Types policy "article-widget" and the one function that writes the core's escaped HTML into the page.
// The only HTML the element writes is the core's: escaped, with no raw HTML from the article. Under
// `require-trusted-types-for 'script'` it passes through the policy named "article-widget", which
// accepts a string only with a token private to this file.
const CORE_HTML = Symbol('the core\u2019s escaped HTML');
let htmlPolicy = null, policyError = '';

// Made once, when the page defines the element (a second build on the same page defines nothing, and makes none).
export function createHtmlPolicy() {
  if (window.trustedTypes && trustedTypes.createPolicy) {
    try {
      htmlPolicy = trustedTypes.createPolicy('article-widget', {
        createHTML: (html, token) => {
          if (token !== CORE_HTML) throw new TypeError('article-widget: the policy accepts only the widget\u2019s own escaped HTML');
          return html;
        },
      });
    } catch (e) {
      policyError = 'This page\u2019s Content-Security-Policy does not allow the Trusted Types policy "article-widget" (add it to trusted-types)';
    }
  }
}

export function setCoreHtml(element, html) {
  try {
    element.innerHTML = htmlPolicy ? htmlPolicy.createHTML(html, CORE_HTML) : html;
  } catch (e) {
    throw new Error(policyError || e.message);
  }
}
