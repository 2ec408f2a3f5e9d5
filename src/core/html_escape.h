// HTML escaping of text and double-quoted attribute values, as cmark does it.
#pragma once
#include <string>
#include <string_view>

namespace aw {

// Escapes & < > and " (text and double-quoted attribute values), as cmark does.
void AppendHtmlEscaped(std::string& out, std::string_view text);
std::string HtmlEscape(std::string_view text);

} // namespace aw
