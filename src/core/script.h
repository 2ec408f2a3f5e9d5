// Unicode facts that line breaking, bidirectional ordering and the fallback shaper need, from compact
// range tables: reading direction, which scripts need shaping, where CJK text may break, emoji clusters,
// word characters and lowercase (for anchors).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace aw {

// A simplified Unicode bidirectional class: strong left-to-right, strong right-to-left (Hebrew, Arabic
// and the other right-to-left scripts), European digits, and everything else (neutral).
enum class BidiType : uint8_t { Neutral, Ltr, Rtl, Digit };
BidiType BidiTypeOf(uint32_t codepoint);

// Letters of scripts whose glyphs change with their neighbours or reorder (Arabic, Hebrew with points,
// the Indic scripts, Thai, Tibetan, Myanmar, Khmer, ...): their words are shaped by a text engine as a unit.
bool NeedsShaping(uint32_t codepoint);

// Letters of scripts written without spaces between words, whose line breaks a dictionary finds (UAX #14's
// class SA): Thai, Lao, Khmer, Myanmar, Tai Tham, New Tai Lue and Tai Viet.
bool IsDictionaryBreaking(uint32_t codepoint);

// Marks that combine with the character before them (accents, Hebrew points, Arabic harakat, ...).
bool IsCombiningMark(uint32_t codepoint);

// CJK ideographs, kana, Hangul syllables and fullwidth forms: a line may break before and after each.
bool IsIdeographic(uint32_t codepoint);
// A line never breaks before these (closing brackets and punctuation, small kana, iteration marks)...
bool IsNoBreakBefore(uint32_t codepoint);
// ...nor after these (opening brackets and quotes).
bool IsNoBreakAfter(uint32_t codepoint);

// Characters shown as colour emoji by default (Emoji_Presentation), regional indicators included.
bool IsEmojiPresentation(uint32_t codepoint);
// If an emoji sequence starts at byte `i` (an emoji-presentation character, or any pictograph, digit,
// '#' or '*' followed by U+FE0F, with its modifiers, variation selectors, tags and ZWJ-joined parts, or
// a flag of two regional indicators), returns the byte offset just past it; otherwise returns `i`.
size_t EmojiSequenceEnd(std::string_view text, size_t i);

// Letters, marks, decimal digits, letter numbers, '_' and the joiners: what an anchor keeps (\p{Word}).
bool IsWordCharacter(uint32_t codepoint);
// The simple (one code point) lowercase of any cased letter: Latin, Greek, Cyrillic, Armenian, Georgian,
// Cherokee, fullwidth Latin, ...; other code points unchanged.
uint32_t LowercaseOf(uint32_t codepoint);

// The writing system of a letter, coarsely: the scripts whose language the widget can tell from the letters
// alone (Arabic, Hebrew, kana for Japanese, Hangul for Korean), Han ideographs, Latin, Cyrillic, Greek, and
// the other scripts as one. Not a letter (digits, punctuation, symbols, marks): None.
enum class WritingSystem : uint8_t { None, Latin, Greek, Cyrillic, Arabic, Hebrew, Kana, Han, Hangul, Other };
WritingSystem WritingSystemOf(uint32_t codepoint);

// The mirrored form of a bracket in right-to-left text ('(' for ')', '«' for '»', ...), or the
// code point itself.
uint32_t MirroredCodepoint(uint32_t codepoint);

} // namespace aw
