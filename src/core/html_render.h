// Semantic, escaped HTML of a document: the no-JavaScript fallback, the accessible mirror and `article-widget html`.
#pragma once
#include <string>
#include "document.h"

namespace aw {

struct HtmlOptions {
    std::string idPrefix;        // prefixes every id, so two widgets on one page never collide
    bool interactive = false;    // true: timeline stages and FAQ questions are buttons (the ARIA mirror)
    int  selectedStage = 0;      // interactive: the stage marked aria-current
};

// Never emits <script>, event attributes or javascript: URLs: every text is escaped and only
// http, https, mailto and #anchor links become <a>.
std::string RenderHtml(const Document& doc, const HtmlOptions& options);

} // namespace aw
