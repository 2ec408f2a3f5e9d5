// The document model as JSON, for `article-widget model` and the embed's metadata.
#include "model_json.h"

#include <map>

#include "json_util.h"
#include "text_util.h"

namespace aw {

// The keys in the order model_json.h lists them, written as they go (JsonWriter).
std::string ModelToJson(const Document& doc, const Config& config, int indent) {
    JsonWriter w(indent);
    w.BeginObject();
    w.Key("title").Value(doc.title);
    w.Key("word_count").Value(doc.wordCount);
    w.Key("reading_minutes").Value(doc.readingMinutes);
    w.Key("sections").BeginArray();
    for (const Section& s : doc.sections)
        w.BeginObject().Key("id").Value(s.id).Key("level").Value(s.level).Key("title").Value(s.title)
            .Key("line").Value(s.heading == kNoNode ? 0 : doc.node(s.heading).line).EndObject();
    w.EndArray();

    w.Key("timeline").BeginObject().Key("source").Value(doc.timeline.source).Key("label").Value(doc.timeline.label);
    w.Key("stages").BeginArray();
    for (const TimelineStage& s : doc.timeline.stages) {
        std::string body;
        for (NodeId b : s.body) { if (!body.empty()) body += ' '; body += doc.subtreeText(b); }
        w.BeginObject().Key("title").Value(s.title).Key("summary").Value(s.summary).Key("body_text").Value(CollapseWhitespace(body)).EndObject();
    }
    w.EndArray().Key("markers").BeginArray();
    for (const TimelineMarker& m : config.markers) w.BeginObject().Key("position").Value(m.position).Key("label").Value(m.label).EndObject();
    w.EndArray().EndObject();

    w.Key("faqs").BeginArray();
    for (const FaqEntry& e : doc.faq.entries) {
        std::string answer;
        for (NodeId b : e.answer) { if (!answer.empty()) answer += ' '; answer += doc.subtreeText(b); }
        w.BeginObject().Key("id").Value(e.id).Key("question").Value(e.question).Key("answer_text").Value(CollapseWhitespace(answer)).EndObject();
    }
    w.EndArray();
    w.Key("faq_source").Value(doc.faq.source);

    std::map<std::string, int> counts;
    for (size_t i = 1; i < doc.nodes.size(); ++i) ++counts[NodeKindName(doc.nodes[i].kind)];
    w.Key("blocks").BeginObject();
    for (const auto& [kind, count] : counts) w.Key(kind).Value(count);
    w.EndObject();
    w.Key("links").Value(doc.links.size());
    w.Key("images").BeginArray();
    for (const Image& image : doc.images) {
        w.BeginObject().Key("src").Value(image.src).Key("alt").Value(image.alt).Key("title").Value(image.title);
        if (image.width > 0) w.Key("width").Value(image.width).Key("height").Value(image.height);
        w.Key("allowed").Value(image.allowed).Key("line").Value(image.line).EndObject();
    }
    w.EndArray();
    w.Key("footnotes").BeginArray();
    for (const Footnote& note : doc.footnotes)
        w.BeginObject().Key("label").Value(note.label).Key("references").Value(note.references)
            .Key("text").Value(note.definition == kNoNode ? std::string() : CollapseWhitespace(doc.subtreeText(note.definition))).EndObject();
    w.EndArray();
    int checked = 0, unchecked = 0;
    for (const Node& n : doc.nodes) { checked += n.task == 2; unchecked += n.task == 1; }
    w.Key("tasks").BeginObject().Key("checked").Value(checked).Key("unchecked").Value(unchecked).EndObject();
    w.Key("replaced_characters").Value(doc.replacedCharacters);
    w.Key("dropped_html").Value(doc.droppedHtml);
    w.Key("uncovered_characters").Value(doc.uncoveredCharacters);
    w.Key("warnings").BeginArray();
    for (const Warning& warning : doc.warnings)
        w.BeginObject().Key("kind").Value(WarningKindName(warning.kind)).Key("line").Value(warning.line).Key("message").Value(warning.message).EndObject();
    w.EndArray();
    w.Key("warnings_omitted").Value(doc.warningsOmitted);
    w.Key("config").BeginObject().Key("theme").Value(ThemeModeName(config.theme)).Key("accent").Value(RgbToHex(config.accent))
        .Key("initial_stage").Value(config.initialStage).Key("deep_link_prefix").Value(config.deepLinkPrefix).EndObject();
    w.EndObject();
    return w.Take() + "\n";
}

} // namespace aw
