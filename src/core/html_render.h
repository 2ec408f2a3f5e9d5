// Semantic, escaped HTML of a document: the no-JavaScript fallback, the accessible mirror and `article-widget html`.
#pragma once
#include <string>
#include <vector>
#include "config.h"
#include "document.h"

namespace aw {

struct HtmlOptions {
    std::string idPrefix;        // prefixes every id, so two widgets on one page never collide
    bool interactive = false;    // true: timeline stages and FAQ questions are buttons (the ARIA mirror)
    int  selectedStage = 0;      // interactive: the stage marked aria-current
    const std::vector<TimelineMarker>* markers = nullptr;   // config markers, listed after the stages
};

struct Article;

// Options from an article's config: its deep-link prefix as the id prefix, its initial stage, its markers.
HtmlOptions HtmlOptionsFor(const Article& article, bool interactive);

// Interactive mode is the canvas's accessible mirror: every focusable control carries
// data-focus="<FocusName>" (core/interaction.h) in the same order as the canvas's focus order, so
// Tab in the DOM and Tab on the canvas agree.
// Never emits <script>, event attributes or javascript: URLs: every text is escaped and only
// http, https, mailto and #anchor links become <a>.
std::string RenderHtml(const Document& doc, const HtmlOptions& options);

} // namespace aw
