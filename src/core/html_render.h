// Semantic, escaped HTML of a document: the no-JavaScript fallback, the accessible mirror and `article-widget html`.
#pragma once
#include <map>
#include <string>
#include <vector>
#include "config.h"
#include "document.h"
#include "widget_state.h"

namespace aw {

struct HtmlOptions {
    std::string idPrefix;        // prefixes every id, so two widgets on one page never collide
    bool interactive = false;    // true: timeline stages and FAQ questions are buttons (the ARIA mirror)
    WidgetState state;           // interactive: what the mirror shows (its ARIA state: core/mirror_state.h)
    const std::vector<TimelineMarker>* markers = nullptr;   // config markers, listed after the stages
    std::string lang;            // the article's language (Document::lang): <article lang="…">, so screen readers speak it
    std::string baseUrl;         // relative links and image sources are written resolved against it ("": as written)
    const std::map<std::string, std::string>* imageUrls = nullptr;   // image src as written -> URL to write instead (the bundle's data URLs)
};

struct Article;

// Options from an article's config: its deep-link prefix as the id prefix, its initial stage, its markers.
HtmlOptions HtmlOptionsFor(const Article& article, bool interactive);

// Interactive mode is the canvas's accessible mirror: every focusable control carries
// data-focus="<FocusName>" (core/interaction.h) in the same order as the canvas's focus order, so
// Tab in the DOM and Tab on the canvas agree.
// Blocks and inlines are written as cmark-gfm writes them (tests/conformance checks this against the
// CommonMark and GFM specs), with these deliberate differences: raw HTML is left out; links with other
// schemes than http, https and mailto (or relative, or #anchors) are <span class="aw-blocked-link">;
// images from other sources are their description in <span class="aw-image-alt">; the output is wrapped
// in <article class="aw-article" dir="ltr|rtl"> (the core's direction, Document::rtl; with lang when the article's
// language is known); headings get ids; followable links get target="_blank" and
// rel="noopener noreferrer"; images get width/height (when given) and loading="lazy".
// Never emits <script>, event attributes or javascript: URLs.
std::string RenderHtml(const Document& doc, const HtmlOptions& options);

} // namespace aw
