// The keyboard and focus model as pure logic: reading-order focus targets, key handling for the
// timeline (Left/Right/Home/End), the FAQ accordion (Up/Down/Home/End, Enter/Space), the filter,
// and deep links. The UI and the web mirror both drive the widget through these functions.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "action.h"
#include "document.h"
#include "widget_state.h"

namespace aw {

// "link:3", "timeline", "prev", "next", "filter", "expand", "collapse", "faq:2", "" — the names the
// web mirror uses in data-focus attributes.
std::string FocusName(FocusTarget target);
FocusTarget FocusFromName(const std::string& name);

// FAQ entries whose question or answer contains `filter`, ignoring ASCII case. Empty filter: all.
std::vector<int> MatchingQuestions(const Document& doc, const std::string& filter);

// Every focusable target in reading order: links in the article text, then where the timeline
// stands its track (one tab stop; arrows move within it), Previous and Next; where the FAQ stands
// the filter, Expand all, Collapse all and the matching questions.
std::vector<FocusTarget> FocusOrder(const Document& doc, const WidgetState& state);

// The keys the widget acts on (src/ui/keys.h maps them to the browser's and Dear ImGui's names). PageUp and
// PageDown only scroll, where the widget owns scrolling.
enum class Key : uint8_t { Tab, Left, Right, Up, Down, Home, End, Enter, Space, Escape, Backspace, PageUp, PageDown };

struct KeyOutcome {
    bool                handled = false;     // false: let the host do its default (e.g. scroll the page)
    FocusTarget         focus;               // focus after the key
    bool                leaveWidget = false; // Tab past the last item (Shift+Tab before the first)
    std::vector<Action> actions;             // what the key asks for (Enter and Space: Activate() of the focused item)
};

// What one key press asks for, from the focus; changes nothing (WidgetApp applies the actions).
KeyOutcome HandleKey(const Document& doc, const WidgetState& state, FocusTarget focus, Key key, bool shift);
// Typing a character while the filter has focus (a Unicode scalar value; not a control character): true, with the
// SetFilter action holding the longer filter in `out`; false when the character is not taken (or would pass the limit).
bool TypeIntoFilter(const WidgetState& state, FocusTarget focus, uint32_t codepoint, Action& out);
// A filter as the state keeps it: whole characters of valid UTF-8 (invalid bytes become U+FFFD), at most
// kMaxFilterBytes (widget_state.h), so the state's JSON holds exactly the filter and reads back the same.
std::string CleanFilter(std::string_view filter);

// Deep links: "#<prefix>stage-<n>" (n from 1) and "#<prefix>faq-<slug>". Returns false when the
// hash names nothing of this document.
struct DeepLink { int stage = -1; int faq = -1; };
bool ParseDeepLink(const Document& doc, const std::string& prefix, const std::string& hash, DeepLink& out);
std::string StageHash(const std::string& prefix, int stage);

// What an anchor id names, as in-article links and the HTML write it ("#" optional, the deep-link prefix optional
// for a section or a footnote): a place to scroll to (a section's anchor, or a footnote's or a reference's "fn…"
// id, which the layout may not know: then nothing), or a stage or a question, which its deep link selects or opens.
struct AnchorTarget {
    enum class Kind : uint8_t { None, Place, DeepLink } kind = Kind::None;
    std::string anchor;   // Place: the id the layout knows (AnchorY); DeepLink: the hash ("#aw-stage-2")
    std::string htmlId;   // the id of what it names in the HTML (with the prefix)
};
AnchorTarget ResolveAnchor(const Document& doc, const std::string& prefix, std::string id);
std::string FaqHash(const Document& doc, const std::string& prefix, int faq);

} // namespace aw
