// The keyboard and focus model as pure logic (see interaction.h).
#include "interaction.h"

#include <algorithm>
#include <unordered_set>

#include "text_util.h"
#include "url.h"
#include "utf8.h"

namespace aw {

std::string FocusName(FocusTarget t) {
    switch (t.kind) {
        case FocusKind::Link: return "link:" + std::to_string(t.index);
        case FocusKind::Timeline: return "timeline";
        case FocusKind::PrevStage: return "prev";
        case FocusKind::NextStage: return "next";
        case FocusKind::Filter: return "filter";
        case FocusKind::ExpandAll: return "expand";
        case FocusKind::CollapseAll: return "collapse";
        case FocusKind::Question: return "faq:" + std::to_string(t.index);
        default: return "";
    }
}

FocusTarget FocusFromName(const std::string& name) {
    auto indexAfter = [&](size_t prefixLen) {
        const std::string digits = name.substr(prefixLen);
        if (digits.empty() || digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string::npos) return -1;
        return std::stoi(digits);
    };
    if (name == "timeline") return {FocusKind::Timeline, -1};
    if (name == "prev") return {FocusKind::PrevStage, -1};
    if (name == "next") return {FocusKind::NextStage, -1};
    if (name == "filter") return {FocusKind::Filter, -1};
    if (name == "expand") return {FocusKind::ExpandAll, -1};
    if (name == "collapse") return {FocusKind::CollapseAll, -1};
    if (name.rfind("link:", 0) == 0 && indexAfter(5) >= 0) return {FocusKind::Link, indexAfter(5)};
    if (name.rfind("faq:", 0) == 0 && indexAfter(4) >= 0) return {FocusKind::Question, indexAfter(4)};
    return {};
}

std::vector<int> MatchingQuestions(const Document& doc, const std::string& filter) {
    std::vector<int> out;
    const std::string needle = ToLowerAscii(filter);
    for (size_t i = 0; i < doc.faq.entries.size(); ++i) {
        const FaqEntry& e = doc.faq.entries[i];
        bool match = needle.empty() || ToLowerAscii(e.question).find(needle) != std::string::npos;
        for (size_t a = 0; !match && a < e.answer.size(); ++a)
            match = ToLowerAscii(doc.subtreeText(e.answer[a])).find(needle) != std::string::npos;
        if (match) out.push_back(static_cast<int>(i));
    }
    return out;
}

// Links of a node's subtree, in order, each once.
static void CollectLinks(const Document& doc, NodeId root, std::vector<FocusTarget>& out, std::unordered_set<int>& seen) {
    NodeId cur = root;
    while (cur != kNoNode) {
        const Node& n = doc.node(cur);
        for (uint32_t r = n.runsBegin; r < n.runsEnd; ++r) {
            const int link = doc.runs[r].link;
            if (link >= 0 && seen.insert(link).second) out.push_back({FocusKind::Link, link});
        }
        if (n.firstChild != kNoNode) { cur = n.firstChild; continue; }
        while (cur != kNoNode && cur != root && doc.node(cur).next == kNoNode) cur = doc.node(cur).parent;
        if (cur == root || cur == kNoNode) break;
        cur = doc.node(cur).next;
    }
}

std::vector<FocusTarget> FocusOrder(const Document& doc, const WidgetState& state) {
    std::vector<FocusTarget> order;
    std::unordered_set<int> seen;
    std::unordered_set<NodeId> replaced(doc.timeline.replaced.begin(), doc.timeline.replaced.end());
    replaced.insert(doc.faq.replaced.begin(), doc.faq.replaced.end());
    const NodeId timelineAt = doc.timeline.replaced.empty() ? kNoNode : doc.timeline.replaced.front();
    const NodeId faqAt = doc.faq.replaced.empty() ? kNoNode : doc.faq.replaced.front();
    for (NodeId top = doc.nodes.empty() ? kNoNode : doc.node(0).firstChild; top != kNoNode; top = doc.node(top).next) {
        if (top == timelineAt) {
            order.push_back({FocusKind::Timeline, -1});
            order.push_back({FocusKind::PrevStage, -1});
            order.push_back({FocusKind::NextStage, -1});
        }
        if (top == faqAt) {
            order.push_back({FocusKind::Filter, -1});
            order.push_back({FocusKind::ExpandAll, -1});
            order.push_back({FocusKind::CollapseAll, -1});
            for (int q : MatchingQuestions(doc, state.faqFilter)) order.push_back({FocusKind::Question, q});
        }
        if (!replaced.count(top)) CollectLinks(doc, top, order, seen);
    }
    return order;
}

KeyOutcome HandleKey(const Document& doc, const WidgetState& state, FocusTarget focus, Key key, bool shift) {
    KeyOutcome out;
    out.focus = focus;
    const int stages = static_cast<int>(doc.timeline.stages.size());
    if (key == Key::Tab) {
        const std::vector<FocusTarget> order = FocusOrder(doc, state);
        out.handled = true;
        if (order.empty()) { out.leaveWidget = true; out.focus = {}; return out; }
        auto at = std::find(order.begin(), order.end(), focus);
        if (at == order.end()) {
            // Entering the widget: the first (or, backwards, the last) item.
            out.focus = shift ? order.back() : order.front();
            return out;
        }
        const long i = (at - order.begin()) + (shift ? -1 : 1);
        if (i < 0 || i >= static_cast<long>(order.size())) { out.leaveWidget = true; out.focus = {}; return out; }
        out.focus = order[static_cast<size_t>(i)];
        return out;
    }
    // Enter and Space do what a click does (a link follows on Enter only, as in a page).
    const bool activate = (key == Key::Enter || key == Key::Space) && !(focus.kind == FocusKind::Link && key != Key::Enter);
    switch (focus.kind) {
        case FocusKind::Timeline: {
            if (stages == 0) return out;
            // The arrow that points along the track goes forward: in a right-to-left article the track runs right
            // to left, so ArrowLeft is the next stage, as in the browser's own right-to-left sliders.
            const Key forward = doc.rtl ? Key::Left : Key::Right, back = doc.rtl ? Key::Right : Key::Left;
            int next = state.selectedStage;
            if (key == back || key == Key::Up) next = std::max(0, next - 1);
            else if (key == forward || key == Key::Down) next = std::min(stages - 1, next + 1);
            else if (key == Key::Home) next = 0;
            else if (key == Key::End) next = stages - 1;
            else return out;
            out.handled = true;
            if (next != state.selectedStage) out.actions.push_back(Action::SelectStage(next));
            return out;
        }
        case FocusKind::PrevStage: case FocusKind::NextStage: case FocusKind::ExpandAll: case FocusKind::CollapseAll: case FocusKind::Link:
            if (!activate) return out;
            out.actions = Activate(doc, state, FocusName(focus));
            out.handled = !out.actions.empty();
            return out;
        case FocusKind::Filter:
            if (key == Key::Backspace && !state.faqFilter.empty()) {
                // Remove one whole UTF-8 code point.
                size_t end = state.faqFilter.size() - 1;
                while (end > 0 && (static_cast<unsigned char>(state.faqFilter[end]) & 0xC0) == 0x80) --end;
                out.actions.push_back(Action::SetFilter(state.faqFilter.substr(0, end)));
                out.handled = true;
            } else if (key == Key::Escape && !state.faqFilter.empty()) {
                out.actions.push_back(Action::SetFilter(""));
                out.handled = true;
            } else if (key == Key::Down) {
                const std::vector<int> match = MatchingQuestions(doc, state.faqFilter);
                if (!match.empty()) { out.handled = true; out.focus = {FocusKind::Question, match.front()}; }
            } else if (key == Key::Space || key == Key::Backspace || key == Key::Left || key == Key::Right ||
                       key == Key::Home || key == Key::End) {
                out.handled = true;   // editing keys stay in the box
            }
            return out;
        case FocusKind::Question: {
            if (activate) {
                out.actions = Activate(doc, state, FocusName(focus));
                out.handled = !out.actions.empty();
                return out;
            }
            const std::vector<int> match = MatchingQuestions(doc, state.faqFilter);
            auto at = std::find(match.begin(), match.end(), focus.index);
            if (match.empty() || at == match.end()) return out;
            const long i = at - match.begin();
            long next = i;
            if (key == Key::Down) next = std::min<long>(i + 1, static_cast<long>(match.size()) - 1);
            else if (key == Key::Up) next = std::max<long>(i - 1, 0);
            else if (key == Key::Home) next = 0;
            else if (key == Key::End) next = static_cast<long>(match.size()) - 1;
            else return out;
            out.handled = true;
            out.focus = {FocusKind::Question, match[static_cast<size_t>(next)]};
            return out;
        }
        default: return out;
    }
}

bool TypeIntoFilter(const WidgetState& state, FocusTarget focus, uint32_t codepoint, Action& out) {
    if (focus.kind != FocusKind::Filter || codepoint < 0x20 || codepoint == 0x7F || (codepoint >= 0xD800 && codepoint <= 0xDFFF) ||
        codepoint > 0x10FFFF)
        return false;
    std::string typed = state.faqFilter;
    AppendUtf8(typed, codepoint);
    if (typed.size() > kMaxFilterBytes) return false;
    out = Action::SetFilter(std::move(typed));
    return true;
}

std::string CleanFilter(std::string_view filter) {
    std::string clean, character;
    for (size_t i = 0; i < filter.size();) {
        character.clear();
        AppendUtf8(character, DecodeUtf8(filter, i));
        if (clean.size() + character.size() > kMaxFilterBytes) break;
        clean += character;
    }
    return clean;
}

AnchorTarget ResolveAnchor(const Document& doc, const std::string& prefix, std::string id) {
    AnchorTarget t;
    if (!id.empty() && id[0] == '#') id.erase(0, 1);
    for (const Section& section : doc.sections) {
        if (section.id != id && prefix + section.id != id) continue;
        return AnchorTarget{AnchorTarget::Kind::Place, section.id, prefix + section.id};
    }
    const std::string bare = id.compare(0, prefix.size(), prefix) == 0 ? id.substr(prefix.size()) : id;
    if (bare.compare(0, 2, "fn") == 0) return AnchorTarget{AnchorTarget::Kind::Place, bare, prefix + bare};
    DeepLink link;
    if (ParseDeepLink(doc, prefix, id, link)) return AnchorTarget{AnchorTarget::Kind::DeepLink, "#" + id, id};
    return t;
}

bool ParseDeepLink(const Document& doc, const std::string& prefix, const std::string& hash, DeepLink& out) {
    out = DeepLink{};
    std::string h = PercentDecode(hash);   // a browser's location.hash writes "#aw-faq-café" as "#aw-faq-caf%C3%A9"
    if (!h.empty() && h[0] == '#') h.erase(0, 1);
    if (h.compare(0, prefix.size(), prefix) != 0) return false;
    h.erase(0, prefix.size());
    if (h.rfind("stage-", 0) == 0) {
        const std::string digits = h.substr(6);
        if (digits.empty() || digits.size() > 6 || digits.find_first_not_of("0123456789") != std::string::npos) return false;
        const int n = std::stoi(digits);
        if (n < 1 || n > static_cast<int>(doc.timeline.stages.size())) return false;
        out.stage = n - 1;
        return true;
    }
    if (h.rfind("faq-", 0) == 0) {
        const std::string slug = h.substr(4);
        for (size_t i = 0; i < doc.faq.entries.size(); ++i)
            if (doc.faq.entries[i].id == slug) { out.faq = static_cast<int>(i); return true; }
    }
    return false;
}

std::string StageHash(const std::string& prefix, int stage) { return "#" + prefix + "stage-" + std::to_string(stage + 1); }

std::string FaqHash(const Document& doc, const std::string& prefix, int faq) {
    if (faq < 0 || static_cast<size_t>(faq) >= doc.faq.entries.size()) return "";
    return "#" + prefix + "faq-" + doc.faq.entries[static_cast<size_t>(faq)].id;
}

} // namespace aw
