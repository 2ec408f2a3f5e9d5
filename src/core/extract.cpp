// Timeline and FAQ extraction from the document model: directives first, then config, then FAQ headings.
#include <algorithm>

#include "markdown.h"
#include "text_util.h"

namespace aw {

namespace {

bool IsList(const Node& n) { return n.kind == NodeKind::BulletList || n.kind == NodeKind::OrderedList; }

// Top-level nodes (children of the root) from `start` up to, not including, the next heading
// at `level` or shallower.
std::vector<NodeId> SectionBody(const Document& doc, NodeId heading) {
    std::vector<NodeId> body;
    const int level = doc.node(heading).level;
    for (NodeId id = doc.node(heading).next; id != kNoNode; id = doc.node(id).next) {
        const Node& n = doc.node(id);
        if (n.kind == NodeKind::Heading && n.level <= level) break;
        if (n.kind == NodeKind::FootnoteDefinition) break;   // the notes, which cmark-gfm puts at the end, belong to no section
        body.push_back(id);
    }
    return body;
}

const Section* FindSection(const Document& doc, const std::string& id) {
    for (const Section& s : doc.sections)
        if (s.id == id) return &s;
    return nullptr;
}

bool IsTopLevel(const Document& doc, NodeId id) { return doc.node(id).parent == 0; }

std::string Trim(std::string text, const char* chars) {
    const size_t b = text.find_first_not_of(chars);
    if (b == std::string::npos) return "";
    const size_t e = text.find_last_not_of(chars);
    return text.substr(b, e - b + 1);
}

// Trims leading spaces, ". : ; -" and whole en/em dashes, and trailing spaces (a summary keeps its
// full stop). Works on complete UTF-8 sequences, so a leading curly quote (E2 80 98, which shares
// its first bytes with the dashes) stays intact.
std::string TrimSeparators(const std::string& text) {
    static const char* kDashes[] = {"\xE2\x80\x93", "\xE2\x80\x94"};
    auto isAscii = [](char c) { return c == ' ' || c == '\t' || c == '.' || c == ':' || c == ';' || c == '-'; };
    size_t b = 0, e = text.size();
    for (bool more = true; more && b < e;) {
        more = false;
        if (isAscii(text[b])) { ++b; more = true; continue; }
        for (const char* d : kDashes)
            if (e - b >= 3 && text.compare(b, 3, d) == 0) { b += 3; more = true; break; }
    }
    while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\t')) --e;   // a summary keeps its full stop
    return text.substr(b, e - b);
}

// Splits a stage's first paragraph into title and summary: a leading strong span is the
// title; otherwise the text before the first dash or colon separator is.
void SplitTitleSummary(const Document& doc, NodeId para, std::string& title, std::string& summary) {
    const Node& n = doc.node(para);
    std::string lead, rest;
    uint32_t r = n.runsBegin;
    while (r < n.runsEnd && doc.runs[r].kind == RunKind::Text && (doc.runs[r].style & Style_Strong)) lead += doc.runs[r++].text;
    if (!lead.empty() && r > n.runsBegin) {
        for (; r < n.runsEnd; ++r) rest += doc.runs[r].kind == RunKind::Text ? doc.runs[r].text : " ";
        title = Trim(CollapseWhitespace(lead), " \t.:;");
        summary = TrimSeparators(CollapseWhitespace(rest));
        return;
    }
    const std::string text = CollapseWhitespace(doc.plainText(para));
    static const char* kSeparators[] = {" \xE2\x80\x93 ", " \xE2\x80\x94 ", " - ", ": "};
    size_t best = std::string::npos, bestLen = 0;
    for (const char* sep : kSeparators) {
        const size_t at = text.find(sep);
        if (at != std::string::npos && at < best) { best = at; bestLen = std::char_traits<char>::length(sep); }
    }
    if (best == std::string::npos) { title = text; summary.clear(); return; }
    title = Trim(text.substr(0, best), " \t");
    summary = Trim(text.substr(best + bestLen), " \t");
}

void StagesFromList(Document& doc, NodeId list) {
    doc.timeline.list = list;
    doc.timeline.replaced = {list};
    for (NodeId item = doc.node(list).firstChild; item != kNoNode; item = doc.node(item).next) {
        TimelineStage stage;
        stage.item = item;
        NodeId first = doc.node(item).firstChild;
        if (first != kNoNode && (doc.node(first).kind == NodeKind::Paragraph || doc.node(first).kind == NodeKind::Heading)) {
            SplitTitleSummary(doc, first, stage.title, stage.summary);
            first = doc.node(first).next;
        }
        for (NodeId b = first; b != kNoNode; b = doc.node(b).next) stage.body.push_back(b);
        if (stage.title.empty()) stage.title = "Stage " + std::to_string(doc.timeline.stages.size() + 1);
        doc.timeline.stages.push_back(std::move(stage));
    }
}

// A heading directive: each sub-heading one level deeper is a stage; its first paragraph the summary.
void StagesFromHeadings(Document& doc, NodeId heading) {
    const int stageLevel = doc.node(heading).level + 1;
    doc.timeline.list = heading;
    doc.timeline.replaced.clear();
    TimelineStage* stage = nullptr;
    for (NodeId id : SectionBody(doc, heading)) {
        const Node& n = doc.node(id);
        if (n.kind == NodeKind::Heading && n.level == stageLevel) {
            doc.timeline.stages.emplace_back();
            stage = &doc.timeline.stages.back();
            stage->item = id;
            stage->title = CollapseWhitespace(doc.plainText(id));
        } else if (stage) {
            if (stage->summary.empty() && stage->body.empty() && n.kind == NodeKind::Paragraph)
                stage->summary = CollapseWhitespace(doc.plainText(id));
            else
                stage->body.push_back(id);
        } else {
            continue;   // intro text before the first stage stays in the article
        }
        doc.timeline.replaced.push_back(id);
    }
    if (!doc.timeline.replaced.empty()) doc.timeline.list = doc.timeline.replaced.front();
    if (doc.node(heading).level >= 2) doc.timeline.label = CollapseWhitespace(doc.plainText(heading));
}

bool IsFaqHeadingText(const std::string& title) {
    const std::string t = Trim(ToLowerAscii(CollapseWhitespace(title)), " \t:?.");
    return t == "faq" || t == "faqs" || t == "frequently asked questions" || t == "frequently asked question";
}

// A paragraph whose runs are all strong reads as a question in FAQ sections without sub-headings.
bool IsStrongOnlyParagraph(const Document& doc, NodeId id) {
    const Node& n = doc.node(id);
    if (n.kind != NodeKind::Paragraph || n.runsBegin == n.runsEnd) return false;
    for (uint32_t r = n.runsBegin; r < n.runsEnd; ++r)
        if (doc.runs[r].kind == RunKind::Text && !(doc.runs[r].style & Style_Strong)) return false;
    return true;
}

void EntriesFromSection(Document& doc, NodeId heading) {
    Faq& faq = doc.faq;
    faq.heading = heading;
    const std::vector<NodeId> body = SectionBody(doc, heading);
    int questionLevel = 0;
    for (NodeId id : body)
        if (doc.node(id).kind == NodeKind::Heading) { questionLevel = doc.node(id).level; break; }
    SlugRegistry anchors;   // the questions' own anchors: "#<prefix>faq-<slug>"
    FaqEntry* entry = nullptr;
    for (NodeId id : body) {
        const Node& n = doc.node(id);
        const bool isQuestion = questionLevel > 0 ? (n.kind == NodeKind::Heading && n.level == questionLevel)
                                                  : IsStrongOnlyParagraph(doc, id);
        if (isQuestion) {
            faq.entries.emplace_back();
            entry = &faq.entries.back();
            entry->heading = id;
            entry->question = CollapseWhitespace(doc.plainText(id));
            entry->id = anchors.Claim(Slugify(entry->question));
        } else if (entry) {
            entry->answer.push_back(id);
        } else {
            continue;   // intro text before the first question stays in the article
        }
        faq.replaced.push_back(id);
    }
}

NodeId FirstListIn(const Document& doc, NodeId heading) {
    for (NodeId id : SectionBody(doc, heading))
        if (IsList(doc.node(id))) return id;
    return kNoNode;
}

} // namespace

// The stages, from config or a directive (the first match wins).
static void FindTimeline(Document& doc, const Config& config, const std::vector<NodeId>& directives) {
    if (!config.timelineSection.empty()) {
        const Section* s = FindSection(doc, config.timelineSection);
        const NodeId list = s ? FirstListIn(doc, s->heading) : kNoNode;
        if (list != kNoNode) { StagesFromList(doc, list); doc.timeline.source = "config"; return; }
        doc.warn(WarningKind::Config, 0, "config timeline.section \"" + config.timelineSection +
                 (s ? "\" has no list to use as the timeline" : "\" names no section of the article"));
        return;
    }
    for (NodeId target : directives) {
        if (!IsTopLevel(doc, target)) continue;
        if (IsList(doc.node(target))) StagesFromList(doc, target);
        else if (doc.node(target).kind == NodeKind::Heading) StagesFromHeadings(doc, target);
        if (!doc.timeline.stages.empty()) { doc.timeline.source = "directive"; return; }
        doc.timeline = Timeline{};
    }
}

// The timeline's label: the title of the section it stands in (for a heading directive, that heading),
// unless that is the article's title.
static void LabelTimeline(Document& doc) {
    if (doc.timeline.stages.empty() || !doc.timeline.label.empty()) return;
    const int section = doc.node(doc.timeline.list).section;
    if (section >= 0 && doc.sections[static_cast<size_t>(section)].level >= 2)
        doc.timeline.label = doc.sections[static_cast<size_t>(section)].title;
}

void ExtractTimeline(Document& doc, const Config& config, const std::vector<NodeId>& directives) {
    doc.timeline = Timeline{};
    if (!config.timelineEnabled) return;
    FindTimeline(doc, config, directives);
    LabelTimeline(doc);
}

void ExtractFaq(Document& doc, const Config& config, const std::vector<NodeId>& directives) {
    doc.faq = Faq{};
    if (!config.faqEnabled) return;
    NodeId heading = kNoNode;
    if (!config.faqSection.empty()) {
        const Section* s = FindSection(doc, config.faqSection);
        if (s && IsTopLevel(doc, s->heading)) { heading = s->heading; doc.faq.source = "config"; }
        else doc.warn(WarningKind::Config, 0, "config faq.section \"" + config.faqSection + "\" names no section of the article");
    } else {
        for (NodeId target : directives)
            if (IsTopLevel(doc, target) && doc.node(target).kind == NodeKind::Heading) { heading = target; doc.faq.source = "directive"; break; }
        if (heading == kNoNode)
            for (const Section& s : doc.sections)
                if (IsTopLevel(doc, s.heading) && IsFaqHeadingText(s.title)) { heading = s.heading; doc.faq.source = "heading"; break; }
    }
    if (heading == kNoNode) return;
    const std::string source = doc.faq.source;
    EntriesFromSection(doc, heading);
    if (doc.faq.entries.empty()) doc.faq = Faq{};
    else doc.faq.source = source;
}

} // namespace aw
