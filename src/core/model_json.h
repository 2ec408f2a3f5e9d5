// The document model as JSON, for `article-widget model` and the embed's metadata.
#pragma once
#include <string>
#include "config.h"
#include "document.h"

namespace aw {

// Keys: title, word_count, reading_minutes, sections[{id,level,title,line}], timeline{source,stages[{title,summary}]},
// faqs[{id,question,answer_text}], blocks (count per kind), links (count), images[{src,alt,title,width?,height?,
// allowed,line}], footnotes[{label,references,text}], tasks{checked,unchecked}, replaced_characters, dropped_html,
// uncovered_characters, warnings[{kind,line,message}] (kind: config, raw_html, link_scheme, image_source), warnings_omitted.
std::string ModelToJson(const Document& doc, const Config& config, int indent);

} // namespace aw
