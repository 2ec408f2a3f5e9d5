// UTF-8: validation, decoding and encoding one code point, and the line of a byte offset.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace aw {

// Returns the byte offset of the first invalid UTF-8 sequence, or -1 when `text` is valid.
long FindInvalidUtf8(std::string_view text);
// Decodes one code point at `i`, advancing it; invalid bytes decode to U+FFFD and advance by one.
uint32_t DecodeUtf8(std::string_view text, size_t& i);
void AppendUtf8(std::string& out, uint32_t codepoint);
// 1-based line number of a byte offset.
int LineOfOffset(std::string_view text, size_t offset);

} // namespace aw
