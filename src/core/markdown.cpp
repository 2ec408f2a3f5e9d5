// Markdown to document model: cmark-gfm parse (tables, strikethrough, autolinks, task lists, footnotes),
// then one iterative walk of its AST into our flat arena.
// [SECTION] model helpers  [SECTION] cmark conversion  [SECTION] sections and counts  [SECTION] ParseArticle
#include "markdown.h"

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
extern "C" {
#include <node.h>            // the literal's bytes without cmark_node_get_literal's copy
#include <strikethrough.h>
#include <table.h>
}

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "script.h"
#include "text_util.h"
#include "url.h"
#include "utf8.h"

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
        case NodeKind::Table: return "table";
        case NodeKind::TableRow: return "table_row";
        case NodeKind::TableCell: return "table_cell";
        case NodeKind::FootnoteDefinition: return "footnote_definition";
    }
    return "unknown";
}

const char* WarningKindName(WarningKind kind) {
    switch (kind) {
        case WarningKind::Config: return "config";
        case WarningKind::RawHtml: return "raw_html";
        case WarningKind::LinkScheme: return "link_scheme";
        case WarningKind::ImageSource: return "image_source";
        case WarningKind::MarkupBudget: return "markup_budget";
    }
    return "unknown";
}

void Document::warn(WarningKind kind, int line, std::string message) {
    // Config warnings (a handful at most) are always listed, even after a flood of others.
    if (kind != WarningKind::Config && warnings.size() >= kMaxWarnings) { ++warningsOmitted; return; }
    warnings.push_back(Warning{kind, line, std::move(message)});
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
struct CmarkParserDeleter { void operator()(cmark_parser* p) const { cmark_parser_free(p); } };

enum class Directive { None, Timeline, Faq };

Directive DirectiveOf(std::string_view html) {
    std::string text = CollapseWhitespace(html);
    if (text.rfind("<!--", 0) != 0) return Directive::None;
    text = ToLowerAscii(text);
    if (text.find("article-widget:timeline") != std::string::npos) return Directive::Timeline;
    if (text.find("article-widget:faq") != std::string::npos) return Directive::Faq;
    return Directive::None;
}

// A short, one-line quote of source text for a warning.
std::string Snippet(std::string_view text, size_t max = 60) {
    std::string one = CollapseWhitespace(text);
    if (one.size() > max) {
        size_t cut = max;
        while (cut > 0 && (static_cast<unsigned char>(one[cut]) & 0xC0) == 0x80) --cut;   // whole code points
        one = one.substr(0, cut) + "\xE2\x80\xA6";
    }
    return one;
}

// " =WxH" at the end of an image title (or a title that is only "=WxH"): the size in CSS px, removed from the title.
void TakeSizeSuffix(Image& image) {
    std::string& t = image.title;
    const size_t eq = t.rfind('=');
    if (eq == std::string::npos || (eq > 0 && t[eq - 1] != ' ')) return;
    const size_t x = t.find('x', eq);
    if (x == std::string::npos) return;
    auto number = [](const std::string& digits) {
        if (digits.empty() || digits.size() > 5) return 0;
        for (char c : digits) if (c < '0' || c > '9') return 0;
        const int v = std::stoi(digits);
        return v >= 1 && v <= 10000 ? v : 0;
    };
    const int w = number(t.substr(eq + 1, x - eq - 1)), h = number(t.substr(x + 1));
    if (!w || !h) return;
    image.width = w;
    image.height = h;
    t.erase(eq > 0 ? eq - 1 : eq);
}

// A text, code or HTML node's bytes. cmark_node_get_literal would allocate a NUL-terminated copy of each.
std::string_view LiteralOf(cmark_node* n) {
    return {reinterpret_cast<const char*>(n->as.literal.data), static_cast<size_t>(n->as.literal.len)};
}

class Converter {
public:
    explicit Converter(Document& doc) : doc_(doc) {
        Node root;
        root.kind = NodeKind::Document;
        doc_.nodes.push_back(root);
        parent_ = 0;
        tasklist_ = cmark_find_syntax_extension("tasklist");
    }

    std::vector<NodeId> timelineDirectives, faqDirectives;

    void Enter(cmark_node* n) {
        const cmark_node_type type = cmark_node_get_type(n);
        switch (type) {
            case CMARK_NODE_DOCUMENT: break;
            case CMARK_NODE_BLOCK_QUOTE: OpenContainer(NodeKind::BlockQuote, n); break;
            case CMARK_NODE_LIST: EnterList(n); break;
            case CMARK_NODE_ITEM: EnterItem(n); break;
            case CMARK_NODE_PARAGRAPH: OpenLeaf(NodeKind::Paragraph, 0, n); break;
            case CMARK_NODE_HEADING: OpenLeaf(NodeKind::Heading, cmark_node_get_heading_level(n), n); break;
            case CMARK_NODE_CODE_BLOCK: {
                const NodeId id = AddEmptyBlock(NodeKind::CodeBlock, n);
                doc_.nodes[id].literal = OrEmpty(cmark_node_get_literal(n));
                doc_.nodes[id].info = OrEmpty(cmark_node_get_fence_info(n));
                break;
            }
            case CMARK_NODE_THEMATIC_BREAK: AddEmptyBlock(NodeKind::ThematicBreak, n); break;
            case CMARK_NODE_HTML_BLOCK: EnterHtmlBlock(n); break;
            case CMARK_NODE_FOOTNOTE_DEFINITION: EnterFootnoteDefinition(n); break;
            case CMARK_NODE_TEXT: AddLeaf(InlineKind::Text, RunKind::Text, LiteralOf(n), 0); break;
            case CMARK_NODE_CODE: AddLeaf(InlineKind::Code, RunKind::Text, LiteralOf(n), Style_Code); break;
            case CMARK_NODE_SOFTBREAK: AddLeaf(InlineKind::SoftBreak, RunKind::SoftBreak, {}, 0); break;
            case CMARK_NODE_LINEBREAK: AddLeaf(InlineKind::LineBreak, RunKind::LineBreak, {}, 0); break;
            case CMARK_NODE_HTML_INLINE: DropHtml(n, LiteralOf(n)); break;
            case CMARK_NODE_EMPH: OpenInline(InlineKind::Emphasis, -1); break;
            case CMARK_NODE_STRONG: OpenInline(InlineKind::Strong, -1); break;
            case CMARK_NODE_LINK: EnterLink(n); break;
            case CMARK_NODE_IMAGE: EnterImage(n); break;
            case CMARK_NODE_FOOTNOTE_REFERENCE: AddFootnoteRef(n); break;
            default: EnterExtensionNode(n, type); break;
        }
    }

    void Exit(cmark_node* n) {
        const cmark_node_type type = cmark_node_get_type(n);
        switch (type) {
            case CMARK_NODE_BLOCK_QUOTE:
            case CMARK_NODE_LIST:
            case CMARK_NODE_ITEM:
            case CMARK_NODE_FOOTNOTE_DEFINITION: CloseContainer(); break;
            case CMARK_NODE_PARAGRAPH:
            case CMARK_NODE_HEADING: CloseLeaf(); break;
            case CMARK_NODE_EMPH:
            case CMARK_NODE_STRONG: CloseInline(); break;
            case CMARK_NODE_LINK:
                if (!linkStack_.empty()) linkStack_.pop_back();
                CloseInline();
                break;
            case CMARK_NODE_IMAGE: CloseImage(); break;
            default:
                if (type == CMARK_NODE_TABLE || type == CMARK_NODE_TABLE_ROW) CloseContainer();
                else if (type == CMARK_NODE_TABLE_CELL) CloseLeaf();
                else if (type == CMARK_NODE_STRIKETHROUGH) CloseInline();
                break;
        }
    }

private:
    // Enter's cases that take more than a line.

    static std::string OrEmpty(const char* text) { return text ? text : ""; }

    void EnterList(cmark_node* n) {
        const bool ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
        const NodeId id = OpenContainer(ordered ? NodeKind::OrderedList : NodeKind::BulletList, n);
        doc_.nodes[id].listStart = ordered ? cmark_node_get_list_start(n) : 1;
        doc_.nodes[id].tight = cmark_node_get_list_tight(n) != 0;
    }

    void EnterItem(cmark_node* n) {
        const NodeId id = OpenContainer(NodeKind::ListItem, n);
        if (tasklist_ && cmark_node_get_syntax_extension(n) == tasklist_)
            doc_.nodes[id].task = cmark_gfm_extensions_get_tasklist_item_checked(n) ? 2 : 1;
    }

    // A block with no runs or inlines of its own (a code block, a rule, a container), and the target of a
    // pending directive.
    NodeId AddEmptyBlock(NodeKind kind, cmark_node* n) {
        const NodeId id = AddNode(kind, n);
        MarkEmpty(id);
        SeeDirectiveTarget(id);
        return id;
    }

    void EnterHtmlBlock(cmark_node* n) {
        const std::string_view html = LiteralOf(n);
        const Directive d = DirectiveOf(html);
        if (d == Directive::None) DropHtml(n, html);
        else pendingDirective_ = d;   // applies to the next block at this level
    }

    void EnterFootnoteDefinition(cmark_node* n) {
        const NodeId id = OpenContainer(NodeKind::FootnoteDefinition, n);
        Footnote note;
        note.label = OrEmpty(cmark_node_get_literal(n));
        note.definition = id;
        doc_.nodes[id].footnote = static_cast<int32_t>(doc_.footnotes.size());
        doc_.footnotes.push_back(std::move(note));
    }

    void EnterLink(cmark_node* n) {
        Link link;
        link.href = OrEmpty(cmark_node_get_url(n));
        link.title = OrEmpty(cmark_node_get_title(n));
        link.line = cmark_node_get_start_line(n);
        if (ClassifyLink(link.href) == LinkTarget::Blocked)
            Warn(WarningKind::LinkScheme, link.line, [&] {
                return "link to \"" + Snippet(link.href) + "\" is drawn as text: " + BlockedLinkReason(link.href);
            });
        doc_.links.push_back(std::move(link));
        const int32_t index = static_cast<int32_t>(doc_.links.size() - 1);
        linkStack_.push_back(index);
        OpenInline(InlineKind::Link, index);
    }

    void EnterImage(cmark_node* n) {
        Image image;
        image.src = OrEmpty(cmark_node_get_url(n));
        image.title = OrEmpty(cmark_node_get_title(n));
        image.line = cmark_node_get_start_line(n);
        image.allowed = IsAllowedImageSource(image.src);
        TakeSizeSuffix(image);
        doc_.images.push_back(std::move(image));
        OpenInline(InlineKind::Image, static_cast<int32_t>(doc_.images.size() - 1));
    }

    // GFM's extension nodes (their types are variables, not constants): tables and strikethrough.
    void EnterExtensionNode(cmark_node* n, cmark_node_type type) {
        if (type == CMARK_NODE_TABLE) {
            OpenContainer(NodeKind::Table, n);
            const uint16_t columns = cmark_gfm_extensions_get_table_columns(n);
            const uint8_t* align = cmark_gfm_extensions_get_table_alignments(n);
            columnAlign_.assign(align ? align : nullptr, align ? align + columns : nullptr);
        } else if (type == CMARK_NODE_TABLE_ROW) {
            const NodeId id = OpenContainer(NodeKind::TableRow, n);
            doc_.nodes[id].header = cmark_gfm_extensions_get_table_row_is_header(n) != 0;
            cellIndex_ = 0;
        } else if (type == CMARK_NODE_TABLE_CELL) {
            OpenLeaf(NodeKind::TableCell, 0, n);
            const size_t column = cellIndex_++;
            if (column < columnAlign_.size()) doc_.nodes[leaf_].align = columnAlign_[column];
        } else if (type == CMARK_NODE_STRIKETHROUGH) {
            OpenInline(InlineKind::Strikethrough, -1);
        }
        // other custom blocks and inlines carry no content of ours
    }

    // Blocks ------------------------------------------------------------------
    NodeId AddNode(NodeKind kind, cmark_node* source) {
        const NodeId id = static_cast<NodeId>(doc_.nodes.size());
        Node node;
        node.kind = kind;
        node.parent = parent_;
        node.depth = doc_.nodes[parent_].depth + 1;
        node.section = static_cast<int32_t>(doc_.sections.size()) - 1;
        node.line = cmark_node_get_start_line(source);
        doc_.nodes.push_back(std::move(node));
        Node& parent = doc_.nodes[parent_];
        if (parent.lastChild == kNoNode) parent.firstChild = id;
        else doc_.nodes[parent.lastChild].next = id;
        parent.lastChild = id;
        return id;
    }
    void MarkEmpty(NodeId id) {
        Node& node = doc_.nodes[id];
        node.runsBegin = node.runsEnd = static_cast<uint32_t>(doc_.runs.size());
        node.inlinesBegin = node.inlinesEnd = static_cast<uint32_t>(doc_.inlines.size());
    }
    NodeId OpenContainer(NodeKind kind, cmark_node* source) {
        const NodeId id = AddEmptyBlock(kind, source);
        parent_ = id;
        return id;
    }
    void CloseContainer() { parent_ = doc_.nodes[parent_].parent; }
    void OpenLeaf(NodeKind kind, int level, cmark_node* source) {
        if (kind == NodeKind::Heading) {
            Section section;
            section.level = level;
            doc_.sections.push_back(section);   // title and id are filled in after the walk
        }
        leaf_ = AddNode(kind, source);
        doc_.nodes[leaf_].level = static_cast<uint8_t>(level);
        MarkEmpty(leaf_);
        if (kind == NodeKind::Heading) doc_.sections.back().heading = leaf_;
        SeeDirectiveTarget(leaf_);
        mergeText_ = -1;
    }
    void CloseLeaf() {
        if (leaf_ == kNoNode) return;
        doc_.nodes[leaf_].runsEnd = static_cast<uint32_t>(doc_.runs.size());
        doc_.nodes[leaf_].inlinesEnd = static_cast<uint32_t>(doc_.inlines.size());
        leaf_ = kNoNode;
        inlineStack_.clear();
        styles_ = {};
    }
    void SeeDirectiveTarget(NodeId id) {
        if (pendingDirective_ == Directive::Timeline) timelineDirectives.push_back(id);
        if (pendingDirective_ == Directive::Faq) faqDirectives.push_back(id);
        pendingDirective_ = Directive::None;
    }
    // Adds a warning; the message is only made when the list has room for it.
    template <typename MakeMessage> void Warn(WarningKind kind, int line, MakeMessage message) {
        if (doc_.warnings.size() >= kMaxWarnings) ++doc_.warningsOmitted;
        else doc_.warn(kind, line, message());
    }
    void DropHtml(cmark_node* n, std::string_view html) {
        ++doc_.droppedHtml;
        Warn(WarningKind::RawHtml, cmark_node_get_start_line(n), [&] { return "raw HTML left out: " + Snippet(html); });
        mergeText_ = -1;
    }

    // Inlines -----------------------------------------------------------------
    uint8_t CurrentStyle(uint8_t extra) const {
        uint8_t style = extra;
        if (styles_.emphasis > 0) style |= Style_Emphasis;
        if (styles_.strong > 0) style |= Style_Strong;
        if (styles_.strike > 0) style |= Style_Strike;
        if (styles_.image > 0) style |= Style_Image;
        return style;
    }
    void StyleDepth(InlineKind kind, int delta) {
        switch (kind) {
            case InlineKind::Emphasis: styles_.emphasis += delta; break;
            case InlineKind::Strong: styles_.strong += delta; break;
            case InlineKind::Strikethrough: styles_.strike += delta; break;
            case InlineKind::Image: styles_.image += delta; break;
            default: break;
        }
    }
    void OpenInline(InlineKind kind, int32_t ref) {
        if (leaf_ == kNoNode) return;
        Inline in;
        in.kind = kind;
        in.ref = ref;
        inlineStack_.push_back(static_cast<uint32_t>(doc_.inlines.size()));
        doc_.inlines.push_back(in);
        StyleDepth(kind, 1);
        mergeText_ = -1;
    }
    void CloseInline() {
        if (leaf_ == kNoNode || inlineStack_.empty()) return;
        Inline& in = doc_.inlines[inlineStack_.back()];
        in.end = static_cast<uint32_t>(doc_.inlines.size());
        StyleDepth(in.kind, -1);
        inlineStack_.pop_back();
        mergeText_ = -1;
    }
    void CloseImage() {
        if (leaf_ == kNoNode || inlineStack_.empty()) return;
        const Inline& in = doc_.inlines[inlineStack_.back()];
        Image& image = doc_.images[static_cast<size_t>(in.ref)];
        // The alt text is the description as plain text, as cmark writes it: breaks become spaces.
        for (uint32_t i = inlineStack_.back() + 1; i < doc_.inlines.size(); ++i) {
            const Inline& leaf = doc_.inlines[i];
            if (leaf.run < 0) continue;
            const InlineRun& run = doc_.runs[static_cast<size_t>(leaf.run)];
            image.alt += run.kind == RunKind::Text ? run.text : std::string(" ");
        }
        if (!image.allowed)
            Warn(WarningKind::ImageSource, image.line, [&] {
                return "image \"" + Snippet(image.src) + "\" is shown as its alt text: only relative, http, https and data:image/ sources are loaded";
            });
        CloseInline();
    }
    void AddLeaf(InlineKind kind, RunKind runKind, std::string_view text, uint8_t extra) {
        if (leaf_ == kNoNode) return;
        if (runKind == RunKind::Text && text.empty()) return;
        const uint8_t style = CurrentStyle(extra);
        const int32_t link = linkStack_.empty() ? -1 : linkStack_.back();
        // cmark splits text at entities, escapes and unmatched delimiters: siblings join into one run.
        if (kind == InlineKind::Text && mergeText_ >= 0) {
            doc_.runs.back().text.append(text);
            return;
        }
        InlineRun run;
        run.kind = runKind;
        run.style = style;
        run.link = link;
        run.text.assign(text);
        Inline in;
        in.kind = kind;
        in.run = static_cast<int32_t>(doc_.runs.size());
        in.end = static_cast<uint32_t>(doc_.inlines.size() + 1);
        doc_.runs.push_back(std::move(run));
        doc_.inlines.push_back(in);
        mergeText_ = kind == InlineKind::Text ? in.run : -1;
    }
    void AddFootnoteRef(cmark_node* n) {
        if (leaf_ == kNoNode) return;
        // cmark-gfm numbers notes by first reference and appends the definitions, in that order, at the end.
        const char* number = cmark_node_get_literal(n);
        const int ordinal = number ? std::atoi(number) : 0;
        if (ordinal < 1) return;
        if (static_cast<size_t>(ordinal) > footnoteRefs_.size()) footnoteRefs_.resize(static_cast<size_t>(ordinal), 0);
        const int refIndex = ++footnoteRefs_[static_cast<size_t>(ordinal - 1)];
        AddLeaf(InlineKind::FootnoteRef, RunKind::Text, "[" + std::to_string(ordinal) + "]", Style_FootnoteRef);
        Inline& in = doc_.inlines.back();
        in.ref = ordinal - 1;
        in.refIndex = static_cast<uint16_t>(std::min(refIndex, 65535));
        mergeText_ = -1;
    }

    struct StyleDepths { int emphasis = 0, strong = 0, strike = 0, image = 0; };

    Document& doc_;
    NodeId parent_ = 0;
    NodeId leaf_ = kNoNode;
    StyleDepths styles_;
    std::vector<uint32_t> inlineStack_;   // open inline containers of the current leaf
    int32_t mergeText_ = -1;              // the run the next text joins, or -1
    std::vector<int32_t> linkStack_;
    std::vector<int> footnoteRefs_;       // references seen per note
    std::vector<uint8_t> columnAlign_;    // the current table's column alignments
    size_t cellIndex_ = 0;
    cmark_syntax_extension* tasklist_ = nullptr;
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
    SlugRegistry anchors;
    for (Section& s : doc.sections) {
        s.title = CollapseWhitespace(doc.plainText(s.heading));
        s.id = anchors.Claim(Slugify(s.title));
    }
}

// The writing system most of the article's first 400 letters are in (WritingSystem::None without any letters), so
// a Japanese article that opens with "AI" is still Japanese; Han ideographs with kana among them are Japanese, with
// Hangul Korean.
static WritingSystem ArticleWritingSystem(const Document& doc) {
    constexpr size_t kSystems = static_cast<size_t>(WritingSystem::Other) + 1;
    int counts[kSystems] = {};
    int letters = 0;
    for (size_t r = 0; r < doc.runs.size() && letters < 400; ++r) {
        const std::string& text = doc.runs[r].text;
        for (size_t i = 0; i < text.size() && letters < 400;) {
            const WritingSystem w = WritingSystemOf(DecodeUtf8(text, i));
            if (w != WritingSystem::None) { ++counts[static_cast<size_t>(w)]; ++letters; }
        }
    }
    size_t most = 0;
    for (size_t w = 1; w < kSystems; ++w)
        if (counts[w] > counts[most]) most = w;
    const auto count = [&](WritingSystem w) { return counts[static_cast<size_t>(w)]; };
    if (count(WritingSystem::Kana) > 0 && count(WritingSystem::Kana) + count(WritingSystem::Han) >= counts[most]) return WritingSystem::Kana;
    if (count(WritingSystem::Hangul) > 0 && count(WritingSystem::Hangul) + count(WritingSystem::Han) >= counts[most]) return WritingSystem::Hangul;
    return static_cast<WritingSystem>(most);
}

// The direction of the article's first letter that has one (BidiType::Rtl or Ltr), else BidiType::Neutral: the
// base direction, as a browser decides dir="auto".
static BidiType FirstStrongDirection(const Document& doc) {
    for (const InlineRun& run : doc.runs) {
        for (size_t i = 0; i < run.text.size();) {
            const BidiType t = BidiTypeOf(DecodeUtf8(run.text, i));
            if (t == BidiType::Rtl || t == BidiType::Ltr) return t;
        }
    }
    return BidiType::Neutral;
}

// Words of each block's text, counted over its joined runs (a word styled in pieces counts once), and of
// the code blocks.
static void CountWordsOf(Document& doc) {
    WordCounter counter;
    for (const Node& n : doc.nodes) {
        counter.Break();
        if (n.kind == NodeKind::CodeBlock) counter.Add(n.literal);
        for (uint32_t r = n.runsBegin; r < n.runsEnd; ++r) {
            if (doc.runs[r].kind == RunKind::Text) counter.Add(doc.runs[r].text);
            else counter.Break();
        }
    }
    const long words = counter.words();
    doc.wordCount = static_cast<int>(words);
    doc.readingMinutes = ReadingMinutes(doc.wordCount, static_cast<int>(counter.eastAsianCharacters()));
}

// [SECTION] ParseArticle --------------------------------------------------------

std::string SizeLimitError(size_t bytes, const Config& config) {
    if (bytes <= config.maxInputBytes) return "";
    return "article is " + std::to_string(bytes) + " bytes, over the limit of " + std::to_string(config.maxInputBytes) +
           " bytes (config \"maxInputBytes\")";
}

cmark_node* ParseGfmTree(std::string_view markdown, bool smartPunctuation) {
    static const char* const kExtensions[] = {"table", "strikethrough", "autolink", "tasklist"};
    cmark_gfm_core_extensions_ensure_registered();
    std::unique_ptr<cmark_parser, CmarkParserDeleter> parser(
        cmark_parser_new(CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_FOOTNOTES | (smartPunctuation ? CMARK_OPT_SMART : 0)));
    if (!parser) return nullptr;
    for (const char* name : kExtensions)
        if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) cmark_parser_attach_syntax_extension(parser.get(), ext);
    cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
    return cmark_parser_finish(parser.get());
}

ParseResult ParseArticle(std::string_view markdown, const Config& config, std::string_view hostLang) {
    ParseResult result;
    result.error = SizeLimitError(markdown.size(), config);
    if (!result.error.empty()) {
        result.ok = false;
        return result;
    }
    Document& doc = result.doc;
    doc.replacedCharacters = CountReplacedCharacters(markdown);

    std::unique_ptr<cmark_node, CmarkNodeDeleter> root(ParseGfmTree(markdown, config.smartPunctuation));
    // Typical articles hold a block per ~60 bytes and a run per ~40: reserving avoids regrowing.
    doc.nodes.reserve(markdown.size() / 60 + 16);
    doc.runs.reserve(markdown.size() / 40 + 16);
    doc.inlines.reserve(markdown.size() / 30 + 16);
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
    for (const Inline& in : doc.inlines)
        if (in.kind == InlineKind::FootnoteRef && static_cast<size_t>(in.ref) < doc.footnotes.size()) ++doc.footnotes[static_cast<size_t>(in.ref)].references;
    FinishSections(doc);
    for (const Section& s : doc.sections)
        if (s.level == 1 && !s.title.empty()) { doc.title = s.title; break; }
    if (!config.title.empty()) doc.title = config.title;
    doc.lang = ArticleLanguage(config.lang, hostLang, ArticleWritingSystem(doc));
    doc.strings = WidgetStrings::For(doc.lang, config.strings);
    // The direction of its first letter, as the browser's dir="auto": the host page's language turns neither an
    // Arabic article on an English page left to right, nor an English one on a Hebrew page right to left. Only an
    // article with no letter of either direction takes its language's.
    const BidiType first = FirstStrongDirection(doc);
    doc.rtl = first == BidiType::Rtl || (first != BidiType::Ltr && IsRightToLeftLanguage(doc.lang));
    CountWordsOf(doc);
    ExtractTimeline(doc, config, converter.timelineDirectives);
    ExtractFaq(doc, config, converter.faqDirectives);
    return result;
}

} // namespace aw
