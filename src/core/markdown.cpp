// Markdown to document model: cmark parse, then one iterative walk of cmark's AST into our flat arena.
// [SECTION] model helpers  [SECTION] cmark conversion  [SECTION] sections and counts  [SECTION] ParseArticle
#include "markdown.h"

#include <cmark.h>

#include <cstring>
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "glyph_coverage.h"
#include "text_util.h"

namespace aw {

// [SECTION] model helpers ---------------------------------------------------

const char* NodeKindName(NodeKind kind) {
    switch (kind) {
        case NodeKind::Document: return "document";
        case NodeKind::Paragraph: return "paragraph";
        case NodeKind::Heading: return "heading";
        case NodeKind::BulletList: return "bullet_list";
        case NodeKind::OrderedList: return "ordered_list";
        case NodeKind::ListItem: return "list_item";
        case NodeKind::BlockQuote: return "block_quote";
        case NodeKind::CodeBlock: return "code_block";
        case NodeKind::ThematicBreak: return "thematic_break";
    }
    return "unknown";
}

std::string Document::plainText(NodeId id) const {
    const Node& n = node(id);
    if (n.kind == NodeKind::CodeBlock) return n.literal;
    std::string out;
    for (uint32_t r = n.runsBegin; r < n.runsEnd; ++r) {
        const InlineRun& run = runs[r];
        out += run.kind == RunKind::Text ? run.text : std::string(" ");
    }
    return out;
}

std::string Document::subtreeText(NodeId id) const {
    std::string out;
    // Pre-order walk by links: no recursion, whatever the depth.
    NodeId cur = id;
    while (cur != kNoNode) {
        const std::string text = plainText(cur);
        if (!text.empty()) {
            if (!out.empty()) out += ' ';
            out += text;
        }
        if (node(cur).firstChild != kNoNode) { cur = node(cur).firstChild; continue; }
        while (cur != kNoNode && cur != id && node(cur).next == kNoNode) cur = node(cur).parent;
        if (cur == id || cur == kNoNode) break;
        cur = node(cur).next;
    }
    return out;
}

// [SECTION] cmark conversion --------------------------------------------------

namespace {

struct CmarkNodeDeleter { void operator()(cmark_node* n) const { cmark_node_free(n); } };
struct CmarkIterDeleter { void operator()(cmark_iter* it) const { cmark_iter_free(it); } };

enum class Directive { None, Timeline, Faq };

Directive DirectiveOf(const char* html) {
    if (!html) return Directive::None;
    std::string text = CollapseWhitespace(html);
    if (text.rfind("<!--", 0) != 0) return Directive::None;
    text = ToLowerAscii(text);
    if (text.find("article-widget:timeline") != std::string::npos) return Directive::Timeline;
    if (text.find("article-widget:faq") != std::string::npos) return Directive::Faq;
    return Directive::None;
}

class Converter {
public:
    explicit Converter(Document& doc) : doc_(doc) {
        Node root;
        root.kind = NodeKind::Document;
        doc_.nodes.push_back(root);
        parent_ = 0;
    }

    std::vector<NodeId> timelineDirectives, faqDirectives;

    void Enter(cmark_node* n) {
        switch (cmark_node_get_type(n)) {
            case CMARK_NODE_DOCUMENT: break;
            case CMARK_NODE_BLOCK_QUOTE: OpenContainer(NodeKind::BlockQuote); break;
            case CMARK_NODE_LIST: {
                const bool ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
                const NodeId id = OpenContainer(ordered ? NodeKind::OrderedList : NodeKind::BulletList);
                doc_.nodes[id].listStart = ordered ? cmark_node_get_list_start(n) : 1;
                doc_.nodes[id].tight = cmark_node_get_list_tight(n) != 0;
                break;
            }
            case CMARK_NODE_ITEM: OpenContainer(NodeKind::ListItem); break;
            case CMARK_NODE_PARAGRAPH: OpenLeaf(NodeKind::Paragraph, 0); break;
            case CMARK_NODE_HEADING: OpenLeaf(NodeKind::Heading, cmark_node_get_heading_level(n)); break;
            case CMARK_NODE_CODE_BLOCK: {
                const NodeId id = AddNode(NodeKind::CodeBlock);
                const char* lit = cmark_node_get_literal(n);
                const char* info = cmark_node_get_fence_info(n);
                doc_.nodes[id].literal = lit ? lit : "";
                doc_.nodes[id].info = info ? info : "";
                doc_.nodes[id].runsBegin = doc_.nodes[id].runsEnd = static_cast<uint32_t>(doc_.runs.size());
                SeeDirectiveTarget(id);
                break;
            }
            case CMARK_NODE_THEMATIC_BREAK: {
                const NodeId id = AddNode(NodeKind::ThematicBreak);
                doc_.nodes[id].runsBegin = doc_.nodes[id].runsEnd = static_cast<uint32_t>(doc_.runs.size());
                SeeDirectiveTarget(id);
                break;
            }
            case CMARK_NODE_HTML_BLOCK: {
                const Directive d = DirectiveOf(cmark_node_get_literal(n));
                if (d == Directive::None) ++doc_.droppedHtml;
                else pendingDirective_ = d;   // applies to the next block at this level
                break;
            }
            case CMARK_NODE_TEXT: AddText(cmark_node_get_literal(n), 0); break;
            case CMARK_NODE_CODE: AddText(cmark_node_get_literal(n), Style_Code); break;
            case CMARK_NODE_SOFTBREAK: AddBreak(RunKind::SoftBreak); break;
            case CMARK_NODE_LINEBREAK: AddBreak(RunKind::LineBreak); break;
            case CMARK_NODE_HTML_INLINE: ++doc_.droppedHtml; break;
            case CMARK_NODE_EMPH: ++emphasis_; break;
            case CMARK_NODE_STRONG: ++strong_; break;
            case CMARK_NODE_LINK: {
                Link link;
                const char* url = cmark_node_get_url(n);
                const char* title = cmark_node_get_title(n);
                link.href = url ? url : "";
                link.title = title ? title : "";
                doc_.links.push_back(std::move(link));
                linkStack_.push_back(static_cast<int32_t>(doc_.links.size() - 1));
                break;
            }
            case CMARK_NODE_IMAGE: break;   // its children (the alt text) become ordinary text runs
            default: break;                  // custom blocks and inlines carry no content of ours
        }
    }

    void Exit(cmark_node* n) {
        switch (cmark_node_get_type(n)) {
            case CMARK_NODE_BLOCK_QUOTE:
            case CMARK_NODE_LIST:
            case CMARK_NODE_ITEM: parent_ = doc_.nodes[parent_].parent; break;
            case CMARK_NODE_PARAGRAPH:
            case CMARK_NODE_HEADING:
                doc_.nodes[leaf_].runsEnd = static_cast<uint32_t>(doc_.runs.size());
                leaf_ = kNoNode;
                break;
            case CMARK_NODE_EMPH: --emphasis_; break;
            case CMARK_NODE_STRONG: --strong_; break;
            case CMARK_NODE_LINK: if (!linkStack_.empty()) linkStack_.pop_back(); break;
            default: break;
        }
    }

private:
    NodeId AddNode(NodeKind kind) {
        const NodeId id = static_cast<NodeId>(doc_.nodes.size());
        Node node;
        node.kind = kind;
        node.parent = parent_;
        node.depth = doc_.nodes[parent_].depth + 1;
        node.section = static_cast<int32_t>(doc_.sections.size()) - 1;
        doc_.nodes.push_back(std::move(node));
        Node& parent = doc_.nodes[parent_];
        if (parent.lastChild == kNoNode) parent.firstChild = id;
        else doc_.nodes[parent.lastChild].next = id;
        parent.lastChild = id;
        return id;
    }
    NodeId OpenContainer(NodeKind kind) {
        const NodeId id = AddNode(kind);
        SeeDirectiveTarget(id);
        parent_ = id;
        return id;
    }
    void OpenLeaf(NodeKind kind, int level) {
        if (kind == NodeKind::Heading) {
            Section section;
            section.level = level;
            doc_.sections.push_back(section);   // title and id are filled in after the walk
        }
        leaf_ = AddNode(kind);
        doc_.nodes[leaf_].level = static_cast<uint8_t>(level);
        doc_.nodes[leaf_].runsBegin = static_cast<uint32_t>(doc_.runs.size());
        if (kind == NodeKind::Heading) doc_.sections.back().heading = leaf_;
        SeeDirectiveTarget(leaf_);
    }
    void SeeDirectiveTarget(NodeId id) {
        if (pendingDirective_ == Directive::Timeline) timelineDirectives.push_back(id);
        if (pendingDirective_ == Directive::Faq) faqDirectives.push_back(id);
        pendingDirective_ = Directive::None;
    }
    uint8_t CurrentStyle(uint8_t extra) const {
        uint8_t style = extra;
        if (emphasis_ > 0) style |= Style_Emphasis;
        if (strong_ > 0) style |= Style_Strong;
        return style;
    }
    void AddText(const char* text, uint8_t extra) {
        if (leaf_ == kNoNode || !text || !*text) return;
        const uint8_t style = CurrentStyle(extra);
        const int32_t link = linkStack_.empty() ? -1 : linkStack_.back();
        // Merge with the previous run when nothing but the text differs (cmark splits text at entities).
        if (doc_.runs.size() > doc_.nodes[leaf_].runsBegin) {
            InlineRun& last = doc_.runs.back();
            if (last.kind == RunKind::Text && last.style == style && last.link == link) { last.text += text; return; }
        }
        InlineRun run;
        run.style = style;
        run.link = link;
        run.text = text;
        doc_.runs.push_back(std::move(run));
    }
    void AddBreak(RunKind kind) {
        if (leaf_ == kNoNode) return;
        InlineRun run;
        run.kind = kind;
        run.style = CurrentStyle(0);
        run.link = linkStack_.empty() ? -1 : linkStack_.back();
        doc_.runs.push_back(run);
    }

    Document& doc_;
    NodeId parent_ = 0;
    NodeId leaf_ = kNoNode;
    int emphasis_ = 0, strong_ = 0;
    std::vector<int32_t> linkStack_;
    Directive pendingDirective_ = Directive::None;
};

int CountReplacedCharacters(std::string_view text) {
    int replaced = 0;
    size_t i = 0;
    while (i < text.size()) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c != 0 && c < 0x80) { ++i; continue; }   // ASCII: nothing to replace
        if (c == 0) { ++replaced; ++i; continue; }
        const size_t before = i;
        const uint32_t cp = DecodeUtf8(text, i);
        if (cp == 0xFFFD && i == before + 1) ++replaced;
    }
    return replaced;
}

} // namespace

// [SECTION] sections and counts -----------------------------------------------

static void FinishSections(Document& doc) {
    std::unordered_set<std::string> taken;
    std::unordered_map<std::string, int> lastSuffix;
    for (Section& s : doc.sections) {
        s.title = CollapseWhitespace(doc.plainText(s.heading));
        std::string base = Slugify(s.title);
        if (base.empty()) base = "section";
        std::string id = base;
        int& suffix = lastSuffix[base];
        while (taken.count(id)) id = base + "-" + std::to_string(++suffix);
        taken.insert(id);
        s.id = std::move(id);
    }
}

// Words, and characters outside the font subset, of the text runs and code blocks.
static void CountWordsOf(Document& doc) {
    long words = 0, uncovered = 0;
    const auto count = [&](const std::string& text) { words += CountWords(text); uncovered += CountUncoveredCharacters(text); };
    for (const InlineRun& run : doc.runs)
        if (run.kind == RunKind::Text) count(run.text);
    for (const Node& n : doc.nodes)
        if (n.kind == NodeKind::CodeBlock) count(n.literal);
    doc.wordCount = static_cast<int>(words);
    doc.uncoveredCharacters = static_cast<int>(uncovered);
    doc.readingMinutes = ReadingMinutes(doc.wordCount);
}

// [SECTION] ParseArticle --------------------------------------------------------

std::string SizeLimitError(size_t bytes, const Config& config) {
    if (bytes <= config.maxInputBytes) return "";
    return "article is " + std::to_string(bytes) + " bytes, over the limit of " + std::to_string(config.maxInputBytes) +
           " bytes (config \"maxInputBytes\")";
}

ParseResult ParseArticle(std::string_view markdown, const Config& config) {
    ParseResult result;
    result.error = SizeLimitError(markdown.size(), config);
    if (!result.error.empty()) {
        result.ok = false;
        return result;
    }
    Document& doc = result.doc;
    doc.replacedCharacters = CountReplacedCharacters(markdown);

    std::unique_ptr<cmark_node, CmarkNodeDeleter> root(
        cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_SMART));
    // Typical articles hold a block per ~60 bytes and a run per ~40: reserving avoids regrowing.
    doc.nodes.reserve(markdown.size() / 60 + 16);
    doc.runs.reserve(markdown.size() / 40 + 16);
    Converter converter(doc);
    if (root) {
        std::unique_ptr<cmark_iter, CmarkIterDeleter> it(cmark_iter_new(root.get()));
        cmark_event_type ev;
        while ((ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE) {
            cmark_node* n = cmark_iter_get_node(it.get());
            if (ev == CMARK_EVENT_ENTER) converter.Enter(n);
            else converter.Exit(n);
        }
    }
    FinishSections(doc);
    for (const Section& s : doc.sections)
        if (s.level == 1 && !s.title.empty()) { doc.title = s.title; break; }
    if (!config.title.empty()) doc.title = config.title;
    CountWordsOf(doc);
    ExtractTimeline(doc, config, converter.timelineDirectives);
    ExtractFaq(doc, config, converter.faqDirectives);
    return result;
}

} // namespace aw
