// Fuzz target: any bytes as an article -> LoadArticle/ParseArticle -> HTML (both modes), model JSON, flow.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/article.h"
#include "core/flow.h"
#include "core/html_render.h"
#include "core/markdown.h"
#include "core/model_json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string markdown(reinterpret_cast<const char*>(data), size);
    // The first byte picks the options, so one input exercises strict and lenient loading.
    const bool strict = size > 0 && (data[0] & 1);
    aw::LoadOptions options;
    options.strictUtf8 = strict;
    const aw::LoadOutcome loaded = aw::LoadArticle(markdown, "", options);
    if (!loaded.article && (!strict || loaded.error.empty())) __builtin_trap();   // lenient loading never fails here

    const aw::ParseResult parsed = aw::ParseArticle(markdown, aw::Config{});
    if (!parsed.ok) __builtin_trap();
    const aw::Document& doc = parsed.doc;
    for (bool interactive : {false, true}) {
        aw::HtmlOptions html;
        html.interactive = interactive;
        html.idPrefix = "w-";
        html.selectedStage = size > 1 ? data[1] % 4 : 0;
        const std::string out = aw::RenderHtml(doc, html);
        // Relative links are followed, so href="javascript" (a path) may appear; a scheme never.
        if (out.find("<script") != std::string::npos || out.find("href=\"javascript:") != std::string::npos ||
            out.find("src=\"javascript:") != std::string::npos)
            __builtin_trap();
    }
    (void)aw::ModelToJson(doc, aw::Config{}, 1);
    const std::vector<aw::FlowItem> flow = aw::BuildFlow(doc);
    for (const aw::FlowItem& item : flow) {
        if (item.node == aw::kNoNode) continue;
        const aw::FontFace face = item.kind == aw::FlowKind::Heading ? aw::HeadingFace(doc.node(item.node).level) : aw::FontFace::Body;
        for (const aw::TextSpan& span : aw::SpansOf(doc, item.node, face)) (void)aw::LinkOfTag(doc, span.tag);
    }
    return 0;
}
