// Fuzz target: any bytes as an article -> LoadArticle (markup budget, parse) -> HTML (both modes), model JSON, flow.
// Findings: a crash, lenient loading that fails but for an article the budget refuses, a script in the HTML, text past the budget that is not one
// trailing code block, and a peak heap over the documented linear bound (kBytesPerByte per input byte plus
// kBytesPerElement per markup element the budget allows).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "core/article.h"
#include "core/flow.h"
#include "core/html_render.h"
#include "core/model_json.h"
#include "heap_peak.h"

namespace {

constexpr size_t kBytesPerByte = 24;       // copies of the text: input, parser buffers, model, HTML, JSON
constexpr size_t kBytesPerElement = 400;   // a parser node, its share of the model, HTML and JSON
constexpr size_t kBaseBytes = 256 * 1024;

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const aw_fuzz::HeapPeak heap;
    const std::string markdown(reinterpret_cast<const char*>(data), size);
    // The first byte picks the options: strict or lenient UTF-8, and a tight budget (one element per
    // 8 bytes plus 64) so that small inputs reach the cut, or the default one.
    const bool strict = size > 0 && (data[0] & 1);
    aw::LoadOptions options;
    options.strictUtf8 = strict;
    if (size > 0 && (data[0] & 2)) options.markupBudget = aw::MarkupBudget{8, 64};
    const aw::LoadOutcome loaded = aw::LoadArticle(markdown, "", options);
    const aw::GuardedMarkdown guarded = aw::GuardMarkdown(markdown, options.markupBudget);
    if (!loaded.article) {   // lenient loading fails only for an article the budget refuses
        if (loaded.error.empty() || (!strict && !guarded.refused)) __builtin_trap();
        if (guarded.refused && !strict && loaded.error != "article: " + guarded.Message(size)) __builtin_trap();
        return 0;
    }
    const aw::Document& doc = loaded.article->doc;
    if (guarded.cut) {   // the rest is the last top-level block, and it is code (footnote definitions move past it)
        aw::NodeId last = aw::kNoNode;
        for (aw::NodeId id = doc.node(0).firstChild; id != aw::kNoNode; id = doc.node(id).next)
            if (doc.node(id).kind != aw::NodeKind::FootnoteDefinition) last = id;
        if (last == aw::kNoNode || doc.node(last).kind != aw::NodeKind::CodeBlock) __builtin_trap();
        if (doc.warnings.empty() || doc.warnings.back().message != guarded.Message(size)) __builtin_trap();
    }

    for (bool interactive : {false, true}) {
        aw::HtmlOptions html;
        html.interactive = interactive;
        html.idPrefix = "w-";
        html.state.selectedStage = size > 1 ? data[1] % 4 : 0;
        const std::string out = aw::RenderHtml(doc, html);
        // Relative links are followed, so href="javascript" (a path) may appear; a scheme never.
        if (out.find("<script") != std::string::npos || out.find("href=\"javascript:") != std::string::npos ||
            out.find("src=\"javascript:") != std::string::npos)
            __builtin_trap();
    }
    (void)aw::ModelToJson(doc, loaded.article->config, 1);
    const std::vector<aw::FlowItem> flow = aw::BuildFlow(doc);
    for (const aw::FlowItem& item : flow) {
        if (item.node == aw::kNoNode) continue;
        const aw::FontFace face = item.kind == aw::FlowKind::Heading ? aw::HeadingFace(doc.node(item.node).level) : aw::FontFace::Body;
        for (const aw::TextSpan& span : aw::SpansOf(doc, item.node, face)) (void)aw::LinkOfTag(doc, span.tag);
    }

    const size_t bound = kBytesPerByte * size + kBytesPerElement * options.markupBudget.LimitFor(size) + kBaseBytes;
    if (heap.Bytes() > bound || aw_fuzz::ReportHeap()) {
        std::fprintf(stderr, "heap peak %zu bytes for %zu input bytes, bound %zu (%.2f of it)\n", heap.Bytes(), size, bound,
                     static_cast<double>(heap.Bytes()) / static_cast<double>(bound));
        if (heap.Bytes() > bound) __builtin_trap();
    }
    return 0;
}
