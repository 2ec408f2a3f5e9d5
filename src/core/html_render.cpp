// Semantic, escaped HTML of a document: iterative walk of the node arena, with timeline and FAQ patterns.
// [SECTION] inline runs  [SECTION] blocks  [SECTION] timeline and FAQ  [SECTION] RenderHtml
#include "html_render.h"

#include <unordered_set>

#include "article.h"
#include "text_util.h"

#include <cstdio>

namespace aw {

namespace {

class HtmlWriter {
public:
    HtmlWriter(const Document& doc, const HtmlOptions& options, std::string& out) : doc_(doc), opt_(options), out_(out) {}

    // [SECTION] inline runs ----------------------------------------------------
    void Runs(NodeId id) {
        const Node& n = doc_.node(id);
        int32_t openLink = -1;
        for (uint32_t r = n.runsBegin; r < n.runsEnd; ++r) {
            const InlineRun& run = doc_.runs[r];
            if (run.link != openLink) {
                CloseLink(openLink);
                openLink = run.link;
                OpenLink(openLink);
            }
            if (run.kind == RunKind::LineBreak) { out_ += "<br>"; continue; }
            if (run.kind == RunKind::SoftBreak) { out_ += '\n'; continue; }
            if (run.style & Style_Strong) out_ += "<strong>";
            if (run.style & Style_Emphasis) out_ += "<em>";
            if (run.style & Style_Code) out_ += "<code>";
            AppendHtmlEscaped(out_, run.text);
            if (run.style & Style_Code) out_ += "</code>";
            if (run.style & Style_Emphasis) out_ += "</em>";
            if (run.style & Style_Strong) out_ += "</strong>";
        }
        CloseLink(openLink);
    }

    // [SECTION] blocks ---------------------------------------------------------
    // Renders `id` and its subtree without recursion.
    void Subtree(NodeId id) {
        NodeId cur = id;
        while (true) {
            if (Enter(cur) && doc_.node(cur).firstChild != kNoNode) { cur = doc_.node(cur).firstChild; continue; }
            Exit(cur);
            while (cur != id && doc_.node(cur).next == kNoNode) {
                cur = doc_.node(cur).parent;
                Exit(cur);
            }
            if (cur == id) return;
            cur = doc_.node(cur).next;
        }
    }

    // Top-level blocks, with the timeline and FAQ drawn in place of the nodes they replace.
    void Document() {
        std::unordered_set<NodeId> replaced(doc_.timeline.replaced.begin(), doc_.timeline.replaced.end());
        replaced.insert(doc_.faq.replaced.begin(), doc_.faq.replaced.end());
        const NodeId timelineAt = doc_.timeline.replaced.empty() ? kNoNode : doc_.timeline.replaced.front();
        const NodeId faqAt = doc_.faq.replaced.empty() ? kNoNode : doc_.faq.replaced.front();
        for (NodeId id = doc_.node(0).firstChild; id != kNoNode; id = doc_.node(id).next) {
            if (id == timelineAt) Timeline();
            if (id == faqAt) Faq();
            if (!replaced.count(id)) Subtree(id);
        }
    }

    // [SECTION] timeline and FAQ -------------------------------------------------
    void Timeline() {
        const auto& stages = doc_.timeline.stages;
        out_ += "<ol class=\"aw-timeline\" aria-label=\"";
        AppendHtmlEscaped(out_, doc_.timeline.label.empty() ? std::string("Timeline") : "Timeline: " + doc_.timeline.label);
        out_ += "\">\n";
        for (size_t i = 0; i < stages.size(); ++i) {
            const std::string id = opt_.idPrefix + "stage-" + std::to_string(i + 1);
            out_ += "<li class=\"aw-stage\" id=\"" + id + "\">";
            if (opt_.interactive) {
                // One tab stop for the whole track (the selected stage); arrows move between stages.
                const bool selected = static_cast<int>(i) == opt_.selectedStage;
                out_ += "<button type=\"button\" class=\"aw-stage-button\" data-stage=\"" + std::to_string(i) + "\"";
                out_ += selected ? " aria-current=\"step\" tabindex=\"0\" data-focus=\"timeline\"" : " tabindex=\"-1\"";
                out_ += ">";
                AppendHtmlEscaped(out_, stages[i].title);
                out_ += "</button>";
            } else {
                out_ += "<strong class=\"aw-stage-title\">";
                AppendHtmlEscaped(out_, stages[i].title);
                out_ += "</strong>";
            }
            if (!stages[i].summary.empty()) {
                out_ += " <span class=\"aw-stage-summary\">";
                AppendHtmlEscaped(out_, stages[i].summary);
                out_ += "</span>";
            }
            for (NodeId b : stages[i].body) Subtree(b);
            out_ += "</li>\n";
        }
        out_ += "</ol>\n";
        // After the track, as on the canvas: the focus order is track, Previous, Next.
        if (opt_.interactive) {
            out_ += "<div class=\"aw-timeline-controls\">"
                    "<button type=\"button\" data-focus=\"prev\">Previous stage</button> "
                    "<button type=\"button\" data-focus=\"next\">Next stage</button></div>\n";
        }
        if (opt_.markers && !opt_.markers->empty()) {
            out_ += "<ul class=\"aw-markers\" aria-label=\"Markers on the timeline\">\n";
            for (const TimelineMarker& m : *opt_.markers) {
                char where[64];
                std::snprintf(where, sizeof where, " (at stage %.1f of %zu)", m.position + 1.0f, stages.size());
                out_ += "<li>";
                AppendHtmlEscaped(out_, m.label);
                out_ += where;
                out_ += "</li>\n";
            }
            out_ += "</ul>\n";
        }
    }

    void Faq() {
        const int level = doc_.faq.entries.empty() ? 3 : doc_.node(doc_.faq.entries.front().heading).kind == NodeKind::Heading
                              ? doc_.node(doc_.faq.entries.front().heading).level : 3;
        const std::string h = std::to_string(level < 2 ? 2 : level);
        out_ += "<div class=\"aw-faq\">\n";
        if (opt_.interactive) {
            out_ += "<div class=\"aw-faq-controls\"><label>Filter questions <input type=\"search\" data-focus=\"filter\" "
                    "autocomplete=\"off\"></label> <button type=\"button\" data-focus=\"expand\">Expand all</button> "
                    "<button type=\"button\" data-focus=\"collapse\">Collapse all</button></div>\n"
                    "<p class=\"aw-faq-status\" role=\"status\" aria-live=\"polite\"></p>\n";
        }
        for (size_t i = 0; i < doc_.faq.entries.size(); ++i) {
            const FaqEntry& e = doc_.faq.entries[i];
            const std::string id = opt_.idPrefix + "faq-" + e.id;
            out_ += "<h" + h + " class=\"aw-faq-question\">";
            if (opt_.interactive) {
                out_ += "<button type=\"button\" id=\"" + id + "\" aria-expanded=\"false\" aria-controls=\"" + id +
                        "-panel\" data-faq=\"" + std::to_string(i) + "\" data-focus=\"faq:" + std::to_string(i) + "\">";
                AppendHtmlEscaped(out_, e.question);
                out_ += "</button></h" + h + ">\n<div class=\"aw-faq-answer\" id=\"" + id + "-panel\" role=\"region\" aria-labelledby=\"" +
                        id + "\" hidden>\n";
            } else {
                out_ += "<span id=\"" + id + "\">";
                AppendHtmlEscaped(out_, e.question);
                out_ += "</span></h" + h + ">\n<div class=\"aw-faq-answer\">\n";
            }
            for (NodeId b : e.answer) Subtree(b);
            out_ += "</div>\n";
        }
        out_ += "</div>\n";
    }

private:
    void OpenLink(int32_t link) {
        if (link < 0) return;
        const Link& l = doc_.links[static_cast<size_t>(link)];
        const LinkTarget target = ClassifyLink(l.href);
        if (target == LinkTarget::Blocked) { out_ += "<span class=\"aw-blocked-link\">"; return; }
        out_ += "<a href=\"";
        AppendHtmlEscaped(out_, l.href);
        out_ += '"';
        if (!l.title.empty()) { out_ += " title=\""; AppendHtmlEscaped(out_, l.title); out_ += '"'; }
        if (target == LinkTarget::External) out_ += " target=\"_blank\" rel=\"noopener noreferrer\"";
        if (opt_.interactive) out_ += " data-focus=\"link:" + std::to_string(link) + "\"";
        out_ += '>';
    }
    void CloseLink(int32_t link) {
        if (link < 0) return;
        out_ += ClassifyLink(doc_.links[static_cast<size_t>(link)].href) == LinkTarget::Blocked ? "</span>" : "</a>";
    }

    // Returns whether to descend into children.
    bool Enter(NodeId id) {
        const Node& n = doc_.node(id);
        switch (n.kind) {
            case NodeKind::Document: return true;
            case NodeKind::Paragraph: out_ += "<p>"; Runs(id); out_ += "</p>\n"; return false;
            case NodeKind::Heading: {
                const std::string tag = "h" + std::to_string(n.level);
                out_ += "<" + tag;
                if (n.section >= 0) out_ += " id=\"" + opt_.idPrefix + doc_.sections[static_cast<size_t>(n.section)].id + "\"";
                out_ += ">";
                Runs(id);
                out_ += "</" + tag + ">\n";
                return false;
            }
            case NodeKind::BulletList: out_ += "<ul>\n"; return true;
            case NodeKind::OrderedList:
                out_ += n.listStart != 1 ? "<ol start=\"" + std::to_string(n.listStart) + "\">\n" : std::string("<ol>\n");
                return true;
            case NodeKind::ListItem: out_ += "<li>"; return true;
            case NodeKind::BlockQuote: out_ += "<blockquote>\n"; return true;
            case NodeKind::CodeBlock: {
                out_ += "<pre><code";
                std::string lang;
                for (char c : n.info) {
                    if (c == ' ') break;
                    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '+') lang += c;
                }
                if (!lang.empty()) out_ += " class=\"language-" + lang + "\"";
                out_ += ">";
                AppendHtmlEscaped(out_, n.literal);
                out_ += "</code></pre>\n";
                return false;
            }
            case NodeKind::ThematicBreak: out_ += "<hr>\n"; return false;
        }
        return false;
    }
    void Exit(NodeId id) {
        switch (doc_.node(id).kind) {
            case NodeKind::BulletList: out_ += "</ul>\n"; break;
            case NodeKind::OrderedList: out_ += "</ol>\n"; break;
            case NodeKind::ListItem: out_ += "</li>\n"; break;
            case NodeKind::BlockQuote: out_ += "</blockquote>\n"; break;
            default: break;
        }
    }

    const aw::Document& doc_;
    const HtmlOptions& opt_;
    std::string& out_;
};

} // namespace

// [SECTION] RenderHtml ---------------------------------------------------------
HtmlOptions HtmlOptionsFor(const Article& article, bool interactive) {
    HtmlOptions options;
    options.interactive = interactive;
    options.idPrefix = article.config.deepLinkPrefix;
    options.selectedStage = article.config.initialStage;
    options.markers = &article.config.markers;
    return options;
}

std::string RenderHtml(const Document& doc, const HtmlOptions& options) {
    std::string out;
    out.reserve(doc.runs.size() * 24 + 256);
    out += "<article class=\"aw-article\">\n";
    HtmlWriter writer(doc, options, out);
    writer.Document();
    out += "</article>\n";
    return out;
}

} // namespace aw
