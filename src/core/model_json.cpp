// The document model as JSON, for `article-widget model` and the embed's metadata.
#include "model_json.h"

#include <map>
#include <nlohmann/json.hpp>

#include "text_util.h"

namespace aw {

std::string ModelToJson(const Document& doc, const Config& config, int indent) {
    using json = nlohmann::ordered_json;
    json j = json::object();
    j["title"] = doc.title;
    j["word_count"] = doc.wordCount;
    j["reading_minutes"] = doc.readingMinutes;
    json sections = json::array();
    for (const Section& s : doc.sections)
        sections.push_back({{"id", s.id}, {"level", s.level}, {"title", s.title}, {"line", s.heading == kNoNode ? 0 : doc.node(s.heading).line}});
    j["sections"] = std::move(sections);

    json stages = json::array();
    for (const TimelineStage& s : doc.timeline.stages) {
        std::string body;
        for (NodeId b : s.body) { if (!body.empty()) body += ' '; body += doc.subtreeText(b); }
        stages.push_back({{"title", s.title}, {"summary", s.summary}, {"body_text", CollapseWhitespace(body)}});
    }
    json markers = json::array();
    for (const TimelineMarker& m : config.markers) markers.push_back({{"position", m.position}, {"label", m.label}});
    j["timeline"] = {{"source", doc.timeline.source}, {"label", doc.timeline.label}, {"stages", std::move(stages)}, {"markers", std::move(markers)}};

    json faqs = json::array();
    for (const FaqEntry& e : doc.faq.entries) {
        std::string answer;
        for (NodeId b : e.answer) { if (!answer.empty()) answer += ' '; answer += doc.subtreeText(b); }
        faqs.push_back({{"id", e.id}, {"question", e.question}, {"answer_text", CollapseWhitespace(answer)}});
    }
    j["faqs"] = std::move(faqs);
    j["faq_source"] = doc.faq.source;

    std::map<std::string, int> counts;
    for (size_t i = 1; i < doc.nodes.size(); ++i) ++counts[NodeKindName(doc.nodes[i].kind)];
    j["blocks"] = counts;
    j["links"] = doc.links.size();
    json images = json::array();
    for (const Image& image : doc.images) {
        json one = {{"src", image.src}, {"alt", image.alt}, {"title", image.title}};
        if (image.width > 0) { one["width"] = image.width; one["height"] = image.height; }
        one["allowed"] = image.allowed;
        one["line"] = image.line;
        images.push_back(std::move(one));
    }
    j["images"] = std::move(images);
    json footnotes = json::array();
    for (const Footnote& note : doc.footnotes)
        footnotes.push_back({{"label", note.label}, {"references", note.references},
                             {"text", note.definition == kNoNode ? std::string() : CollapseWhitespace(doc.subtreeText(note.definition))}});
    j["footnotes"] = std::move(footnotes);
    int checked = 0, unchecked = 0;
    for (const Node& n : doc.nodes) { checked += n.task == 2; unchecked += n.task == 1; }
    j["tasks"] = {{"checked", checked}, {"unchecked", unchecked}};
    j["replaced_characters"] = doc.replacedCharacters;
    j["dropped_html"] = doc.droppedHtml;
    j["uncovered_characters"] = doc.uncoveredCharacters;
    json warnings = json::array();
    for (const Warning& w : doc.warnings) warnings.push_back({{"kind", WarningKindName(w.kind)}, {"line", w.line}, {"message", w.message}});
    j["warnings"] = std::move(warnings);
    j["warnings_omitted"] = doc.warningsOmitted;
    j["config"] = {{"theme", ThemeModeName(config.theme)}, {"accent", RgbToHex(config.accent)},
                   {"initial_stage", config.initialStage}, {"deep_link_prefix", config.deepLinkPrefix}};
    return j.dump(indent, ' ', false, json::error_handler_t::replace) + "\n";
}

} // namespace aw
