// Semantic, escaped HTML of a document: iterative walk of the node arena, with timeline and FAQ patterns.
// [SECTION] inlines  [SECTION] blocks  [SECTION] timeline and FAQ  [SECTION] RenderHtml
#include "html_render.h"

#include <unordered_map>
#include <unordered_set>

#include "action.h"
#include "article.h"
#include "html_escape.h"
#include "mirror_state.h"
#include "strings.h"
#include "url.h"


namespace aw {

namespace {

// Writes blocks and inlines as cmark-gfm's HTML renderer does (src/html.c and the extensions' renderers,
// byte for byte), with the widget's rules: raw HTML left out, refused links as text, ids prefixed.
class HtmlWriter {
public:
    HtmlWriter(const Document& doc, const HtmlOptions& options, std::string& out) : doc_(doc), opt_(options), out_(out) {
        if (!options.interactive) return;
        mirror_ = MirrorStateOf(doc, options.state, options.idPrefix);
        for (const MirrorElement& e : mirror_) mirrorById_.emplace(e.id, &e);
    }

    // [SECTION] inlines -----------------------------------------------------------
    void Inlines(const Node& n) {
        open_.clear();
        for (uint32_t i = n.inlinesBegin; i < n.inlinesEnd; ++i) {
            while (!open_.empty() && open_.back().end <= i) CloseInline();
            const Inline& in = doc_.inlines[i];
            switch (in.kind) {
                case InlineKind::Text: AppendHtmlEscaped(out_, RunText(in)); break;
                case InlineKind::Code: out_ += "<code>"; AppendHtmlEscaped(out_, RunText(in)); out_ += "</code>"; break;
                case InlineKind::SoftBreak: out_ += '\n'; break;
                case InlineKind::LineBreak: out_ += "<br />\n"; break;
                case InlineKind::FootnoteRef: FootnoteRef(in); break;
                case InlineKind::Emphasis: out_ += "<em>"; open_.push_back({in.end, in.kind, "</em>"}); break;
                case InlineKind::Strong: {
                    // cmark-gfm writes no tags for a strong directly inside a strong.
                    const bool nested = !open_.empty() && open_.back().kind == InlineKind::Strong;
                    if (!nested) out_ += "<strong>";
                    open_.push_back({in.end, in.kind, nested ? "" : "</strong>"});
                    break;
                }
                case InlineKind::Strikethrough: out_ += "<del>"; open_.push_back({in.end, in.kind, "</del>"}); break;
                case InlineKind::Link: open_.push_back({in.end, in.kind, OpenLink(in.ref)}); break;
                case InlineKind::Image: {
                    const Image& image = doc_.images[static_cast<size_t>(in.ref)];
                    if (!image.allowed) {   // its description stands in for it
                        out_ += "<span class=\"aw-image-alt\">";
                        open_.push_back({in.end, in.kind, "</span>"});
                        break;
                    }
                    WriteImage(image);
                    i = in.end - 1;   // the description is the alt text
                    break;
                }
            }
        }
        while (!open_.empty()) CloseInline();
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

    void EndFootnotes() {
        if (footnoteIx_ > 0) out_ += "</ol>\n</section>\n";
    }

    // Top-level blocks, with the timeline and FAQ drawn in place of the nodes they replace. Interactive (the canvas's
    // mirror), the reading-time line follows the title's heading as on the canvas, or starts the article without one.
    void Document() {
        std::unordered_set<NodeId> replaced(doc_.timeline.replaced.begin(), doc_.timeline.replaced.end());
        replaced.insert(doc_.faq.replaced.begin(), doc_.faq.replaced.end());
        const NodeId timelineAt = doc_.timeline.replaced.empty() ? kNoNode : doc_.timeline.replaced.front();
        const NodeId faqAt = doc_.faq.replaced.empty() ? kNoNode : doc_.faq.replaced.front();
        NodeId titleHeading = kNoNode;
        for (NodeId id = doc_.node(0).firstChild; id != kNoNode && titleHeading == kNoNode; id = doc_.node(id).next)
            if (doc_.node(id).kind == NodeKind::Heading && doc_.node(id).level == 1 && doc_.plainText(id) == doc_.title) titleHeading = id;
        if (opt_.interactive && titleHeading == kNoNode) {   // the canvas's header: its title, then the reading line
            out_ += "<h1>";
            AppendHtmlEscaped(out_, doc_.title.empty() ? std::string_view(doc_.strings[UiText::UntitledArticle]) : std::string_view(doc_.title));
            out_ += "</h1>\n";
            ReadingMetaLine();
        }
        for (NodeId id = doc_.node(0).firstChild; id != kNoNode; id = doc_.node(id).next) {
            if (id == timelineAt) Timeline();
            if (id == faqAt) Faq();
            if (!replaced.count(id)) Subtree(id);
            if (opt_.interactive && id == titleHeading) ReadingMetaLine();
        }
    }

    void ReadingMetaLine() {
        out_ += "<p class=\"aw-meta\">";
        AppendHtmlEscaped(out_, ReadingMeta(doc_.strings, doc_.readingMinutes, doc_.wordCount));
        out_ += "</p>\n";
    }

    // [SECTION] timeline and FAQ -------------------------------------------------
    void Timeline() {
        const auto& stages = doc_.timeline.stages;
        out_ += "<ol class=\"aw-timeline\" aria-label=\"";
        AppendHtmlEscaped(out_, TimelineName(doc_.strings, doc_.timeline.label));
        out_ += "\">\n";
        for (size_t i = 0; i < stages.size(); ++i) {
            const std::string id = opt_.idPrefix + "stage-" + std::to_string(i + 1);
            out_ += "<li class=\"aw-stage\" id=\"" + id + "\">";
            if (opt_.interactive) {
                // One tab stop for the whole track (the selected stage); arrows move between stages.
                out_ += "<button type=\"button\" class=\"aw-stage-button\" data-stage=\"" + std::to_string(i) + "\" data-activate=\"" + StageItemName(static_cast<int>(i)) + "\"";
                MirrorAttributes(MirrorStageButtonId(opt_.idPrefix, i));
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
            out_ += "<div class=\"aw-timeline-controls\"><button type=\"button\" data-focus=\"prev\" data-activate=\"prev\">";
            AppendHtmlEscaped(out_, doc_.strings[UiText::PreviousStage]);
            out_ += "</button> <button type=\"button\" data-focus=\"next\" data-activate=\"next\">";
            AppendHtmlEscaped(out_, doc_.strings[UiText::NextStage]);
            out_ += "</button></div>\n";
        }
        if (opt_.markers && !opt_.markers->empty()) {
            out_ += "<ul class=\"aw-markers\" aria-label=\"";
            AppendHtmlEscaped(out_, doc_.strings[UiText::TimelineMarkers]);
            out_ += "\">\n";
            for (const TimelineMarker& m : *opt_.markers) {
                out_ += "<li>";
                AppendHtmlEscaped(out_, m.label);
                out_ += ' ';
                AppendHtmlEscaped(out_, MarkerPlace(doc_.strings, m.position, stages.size()));
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
            out_ += "<div class=\"aw-faq-controls\"><label>";
            AppendHtmlEscaped(out_, doc_.strings[UiText::FilterQuestions]);
            out_ += " <input type=\"search\" data-focus=\"filter\" autocomplete=\"off\"";
            MirrorAttributes(MirrorFilterId(opt_.idPrefix));
            out_ += "></label> <button type=\"button\" data-focus=\"expand\" data-activate=\"expand\">";
            AppendHtmlEscaped(out_, doc_.strings[UiText::ExpandAll]);
            out_ += "</button> <button type=\"button\" data-focus=\"collapse\" data-activate=\"collapse\">";
            AppendHtmlEscaped(out_, doc_.strings[UiText::CollapseAll]);
            out_ += "</button></div>\n<p class=\"aw-faq-status\" role=\"status\" aria-live=\"polite\"";
            if (!MirrorAttributes(MirrorStatusId(opt_.idPrefix))) out_ += ">";
            out_ += "</p>\n";
        }
        for (size_t i = 0; i < doc_.faq.entries.size(); ++i) {
            const FaqEntry& e = doc_.faq.entries[i];
            const std::string id = opt_.idPrefix + "faq-" + e.id;
            out_ += "<h" + h + " class=\"aw-faq-question\"";
            if (opt_.interactive) {
                MirrorAttributes(MirrorQuestionId(opt_.idPrefix, e));
                out_ += "><button type=\"button\" aria-controls=\"" + id + "-panel\" data-faq=\"" + std::to_string(i) + "\" data-activate=\"faq:" + std::to_string(i) + "\" data-focus=\"faq:" +
                        std::to_string(i) + "\"";
                MirrorAttributes(id);
                out_ += ">";
                AppendHtmlEscaped(out_, e.question);
                out_ += "</button></h" + h + ">\n<div class=\"aw-faq-answer\" role=\"region\" aria-labelledby=\"" + id + "\"";
                MirrorAttributes(id + "-panel");
                out_ += ">\n";
            } else {
                out_ += ">";
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
    struct OpenInline { uint32_t end; InlineKind kind; const char* close; };

    const std::string& RunText(const Inline& in) const { return doc_.runs[static_cast<size_t>(in.run)].text; }
    void CloseInline() {
        out_ += open_.back().close;
        open_.pop_back();
    }
    // Where a link or image points: relative ones resolved against the article's URL when it is known.
    std::string Target(const std::string& url) const {
        return opt_.baseUrl.empty() || ClassifyLink(url) != LinkTarget::Relative ? url : ResolveUrl(opt_.baseUrl, url);
    }
    // Returns the closing tag.
    const char* OpenLink(int32_t link) {
        const Link& l = doc_.links[static_cast<size_t>(link)];
        const LinkTarget target = ClassifyLink(l.href);
        if (target == LinkTarget::Blocked) { out_ += "<span class=\"aw-blocked-link\">"; return "</span>"; }
        out_ += "<a href=\"";
        AppendUrlEncoded(out_, Target(l.href), true);
        out_ += '"';
        if (!l.title.empty()) { out_ += " title=\""; AppendHtmlEscaped(out_, l.title); out_ += '"'; }
        if (target != LinkTarget::Anchor) out_ += " target=\"_blank\" rel=\"noopener noreferrer\"";
        if (opt_.interactive) out_ += " data-focus=\"link:" + std::to_string(link) + "\"";
        out_ += '>';
        return "</a>";
    }
    void WriteImage(const Image& image) {
        out_ += "<img src=\"";
        const auto replaced = opt_.imageUrls ? opt_.imageUrls->find(image.src) : std::map<std::string, std::string>::const_iterator{};
        if (opt_.imageUrls && replaced != opt_.imageUrls->end()) AppendHtmlEscaped(out_, replaced->second);
        else AppendUrlEncoded(out_, Target(image.src), true);
        out_ += "\" alt=\"";
        AppendHtmlEscaped(out_, image.alt);
        out_ += '"';
        if (!image.title.empty()) { out_ += " title=\""; AppendHtmlEscaped(out_, image.title); out_ += '"'; }
        if (image.width > 0) out_ += " width=\"" + std::to_string(image.width) + "\" height=\"" + std::to_string(image.height) + "\"";
        out_ += " loading=\"lazy\" />";
    }
    void FootnoteRef(const Inline& in) {
        if (static_cast<size_t>(in.ref) >= doc_.footnotes.size()) return;
        const Footnote& note = doc_.footnotes[static_cast<size_t>(in.ref)];
        out_ += "<sup class=\"footnote-ref\"><a href=\"#" + opt_.idPrefix + "fn-";
        AppendUrlEncoded(out_, note.label, true);
        out_ += "\" id=\"" + opt_.idPrefix + "fnref-";
        AppendUrlEncoded(out_, note.label, true);
        if (in.refIndex > 1) out_ += "-" + std::to_string(in.refIndex);
        out_ += "\" data-footnote-ref>" + std::to_string(in.ref + 1) + "</a></sup>";
    }
    std::string BackToReference(const std::string& reference) const {
        return HtmlEscape(FillPlaceholders(doc_.strings[UiText::BackToReference], {{"n", reference}}));
    }
    // The back links at the end of a note, once per note (cmark-gfm's S_put_footnote_backref).
    bool FootnoteBackref(const Node& definition) {
        if (writtenFootnoteIx_ >= footnoteIx_) return false;
        writtenFootnoteIx_ = footnoteIx_;
        const Footnote& note = doc_.footnotes[static_cast<size_t>(definition.footnote)];
        std::string label;
        AppendUrlEncoded(label, note.label, true);
        const std::string m = std::to_string(writtenFootnoteIx_);
        out_ += "<a href=\"#" + opt_.idPrefix + "fnref-" + label + "\" class=\"footnote-backref\" data-footnote-backref "
                "data-footnote-backref-idx=\"" + m + "\" aria-label=\"" + BackToReference(m) + "\">\xE2\x86\xA9</a>";
        for (int i = 2; i <= note.references; ++i) {
            const std::string n = std::to_string(i);
            out_ += " <a href=\"#" + opt_.idPrefix + "fnref-" + label + "-" + n + "\" class=\"footnote-backref\" data-footnote-backref "
                    "data-footnote-backref-idx=\"" + m + "-" + n + "\" aria-label=\"" + BackToReference(m + "-" + n) +
                    "\">\xE2\x86\xA9<sup class=\"footnote-ref\">" + n + "</sup></a>";
        }
        return true;
    }

    // A newline unless the output already ends a line (cmark's cmark_html_render_cr).
    void Cr() { if (!out_.empty() && out_.back() != '\n') out_ += '\n'; }

    bool InTightList(const Node& paragraph) const {
        if (paragraph.parent == kNoNode) return false;
        const NodeId grandparent = doc_.node(paragraph.parent).parent;
        if (grandparent == kNoNode) return false;
        const Node& list = doc_.node(grandparent);
        return (list.kind == NodeKind::BulletList || list.kind == NodeKind::OrderedList) && list.tight;
    }

    // Returns whether to descend into children.
    bool Enter(NodeId id) {
        const Node& n = doc_.node(id);
        switch (n.kind) {
            case NodeKind::Document: return true;
            case NodeKind::Paragraph: {
                const bool tight = InTightList(n);
                if (!tight) { Cr(); out_ += "<p>"; }
                Inlines(n);
                if (!tight) {
                    const Node& parent = doc_.node(n.parent);
                    if (parent.kind == NodeKind::FootnoteDefinition && n.next == kNoNode) {
                        out_ += ' ';
                        FootnoteBackref(parent);
                    }
                    out_ += "</p>\n";
                }
                return false;
            }
            case NodeKind::Heading: {
                const std::string level = std::to_string(n.level);
                Cr();
                out_ += "<h" + level;
                // A heading of emoji alone has the empty anchor, as on GitHub: without a prefix it gets no id.
                const std::string anchor = n.section >= 0 ? opt_.idPrefix + doc_.sections[static_cast<size_t>(n.section)].id : "";
                if (!anchor.empty()) out_ += " id=\"" + anchor + "\"";
                out_ += ">";
                Inlines(n);
                out_ += "</h" + level + ">\n";
                return false;
            }
            case NodeKind::BulletList: Cr(); out_ += "<ul>\n"; return true;
            case NodeKind::OrderedList:
                Cr();
                out_ += n.listStart != 1 ? "<ol start=\"" + std::to_string(n.listStart) + "\">\n" : std::string("<ol>\n");
                return true;
            case NodeKind::ListItem:
                Cr();
                out_ += "<li>";
                if (n.task == 2) out_ += "<input type=\"checkbox\" checked=\"\" disabled=\"\" /> ";
                if (n.task == 1) out_ += "<input type=\"checkbox\" disabled=\"\" /> ";
                return true;
            case NodeKind::BlockQuote: Cr(); out_ += "<blockquote>\n"; return true;
            case NodeKind::CodeBlock: {
                Cr();
                out_ += "<pre><code";
                if (!n.info.empty()) {
                    // The first word of the info string is the language, as cmark writes it.
                    const size_t end = n.info.find_first_of(" \t\n\v\f\r");
                    out_ += " class=\"language-";
                    AppendHtmlEscaped(out_, std::string_view(n.info).substr(0, end));
                    out_ += '"';
                }
                out_ += ">";
                AppendHtmlEscaped(out_, n.literal);
                out_ += "</code></pre>\n";
                return false;
            }
            case NodeKind::ThematicBreak: Cr(); out_ += "<hr />\n"; return false;
            case NodeKind::Table: Cr(); out_ += "<table>"; needClosingTableBody_ = false; return true;
            case NodeKind::TableRow:
                Cr();
                if (n.header) {
                    inTableHeader_ = true;
                    out_ += "<thead>";
                    Cr();
                } else if (!needClosingTableBody_) {
                    out_ += "<tbody>";
                    Cr();
                    needClosingTableBody_ = true;
                }
                out_ += "<tr>";
                return true;
            case NodeKind::TableCell:
                Cr();
                out_ += inTableHeader_ ? "<th" : "<td";
                if (n.align == 'l') out_ += " align=\"left\"";
                if (n.align == 'c') out_ += " align=\"center\"";
                if (n.align == 'r') out_ += " align=\"right\"";
                out_ += '>';
                Inlines(n);
                out_ += inTableHeader_ ? "</th>" : "</td>";
                return false;
            case NodeKind::FootnoteDefinition: {
                if (footnoteIx_ == 0) out_ += "<section class=\"footnotes\" data-footnotes>\n<ol>\n";
                ++footnoteIx_;
                out_ += "<li id=\"" + opt_.idPrefix + "fn-";
                AppendUrlEncoded(out_, doc_.footnotes[static_cast<size_t>(n.footnote)].label, true);
                out_ += "\">\n";
                return true;
            }
        }
        return false;
    }
    void Exit(NodeId id) {
        const Node& n = doc_.node(id);
        switch (n.kind) {
            case NodeKind::BulletList: out_ += "</ul>\n"; break;
            case NodeKind::OrderedList: out_ += "</ol>\n"; break;
            case NodeKind::ListItem: out_ += "</li>\n"; break;
            case NodeKind::BlockQuote: Cr(); out_ += "</blockquote>\n"; break;
            case NodeKind::Table:
                if (needClosingTableBody_) { Cr(); out_ += "</tbody>"; Cr(); }
                needClosingTableBody_ = false;
                Cr();
                out_ += "</table>";
                Cr();
                break;
            case NodeKind::TableRow:
                Cr();
                out_ += "</tr>";
                if (n.header) { Cr(); out_ += "</thead>"; inTableHeader_ = false; }
                break;
            case NodeKind::FootnoteDefinition:
                if (FootnoteBackref(n)) out_ += '\n';
                out_ += "</li>\n";
                break;
            default: break;
        }
    }

    // The interactive mirror's state for element `id` (core/mirror_state.h): its id, its attributes,
    // its value and, for an element whose text the state gives, the end of its start tag and that text
    // (then it returns true).
    bool MirrorAttributes(const std::string& id) {
        out_ += " id=\"";
        AppendHtmlEscaped(out_, id);
        out_ += "\"";
        const auto it = mirrorById_.find(id);
        if (it == mirrorById_.end()) return false;
        const MirrorElement& e = *it->second;
        for (const auto& [name, value] : e.attributes) {
            if (!value) continue;
            out_ += " " + name;
            if (name == "hidden" && value->empty()) continue;
            out_ += "=\"";
            AppendHtmlEscaped(out_, *value);
            out_ += "\"";
        }
        if (e.value) {
            out_ += " value=\"";
            AppendHtmlEscaped(out_, *e.value);
            out_ += "\"";
        }
        if (!e.text) return false;
        out_ += ">";
        AppendHtmlEscaped(out_, *e.text);
        return true;
    }

    const aw::Document& doc_;
    const HtmlOptions& opt_;
    std::string& out_;
    std::vector<MirrorElement> mirror_;   // interactive: the state's attributes, by element
    std::unordered_map<std::string, const MirrorElement*> mirrorById_;
    std::vector<OpenInline> open_;   // inline containers open in the current leaf
    bool needClosingTableBody_ = false, inTableHeader_ = false;
    int footnoteIx_ = 0, writtenFootnoteIx_ = 0;
};

} // namespace

// [SECTION] RenderHtml ---------------------------------------------------------
HtmlOptions HtmlOptionsFor(const Article& article, bool interactive) {
    HtmlOptions options;
    options.interactive = interactive;
    options.idPrefix = article.config.deepLinkPrefix;
    options.state.selectedStage = article.config.initialStage;
    options.markers = &article.config.markers;
    options.baseUrl = article.baseUrl;
    options.lang = article.doc.lang;
    return options;
}

std::string RenderHtml(const Document& doc, const HtmlOptions& options) {
    std::string out;
    out.reserve(doc.runs.size() * 24 + 256);
    out += "<article class=\"aw-article\"";
    if (!options.lang.empty()) out += " lang=\"" + HtmlEscape(options.lang) + "\"";
    // The core's direction (Document::rtl, from the article's first letter), the canvas's: the HTML views run the
    // same way, whatever the host page's dir.
    out += doc.rtl ? " dir=\"rtl\">\n" : " dir=\"ltr\">\n";
    HtmlWriter writer(doc, options, out);
    writer.Document();
    writer.EndFootnotes();
    out += "</article>\n";
    return out;
}

} // namespace aw
