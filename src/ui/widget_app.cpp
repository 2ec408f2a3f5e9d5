// The widget as one object both platforms drive: input to state, commands, smooth scrolling, error banner.
#include "widget_app.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <imgui.h>

#include "core/json_util.h"
#include "core/text_util.h"
#include "core/url.h"
#include "ui/keys.h"

namespace aw {

WidgetApp::WidgetApp(HostServices host, SharedFonts* fonts) : host_(std::move(host)), fonts_(fonts) { view_.SetSelection(&selection_); }
WidgetApp::WidgetApp(HostServices host, GlyphSource* glyphs) : host_(std::move(host)), fonts_(glyphs) { view_.SetSelection(&selection_); }

void WidgetApp::SetArticle(std::shared_ptr<const Article> article) {
    const WidgetState before = state_;
    const FocusTarget focusBefore = focus_;
    article_ = std::move(article);
    error_.clear();
    view_.SetArticle(article_);
    selection_.model().Clear();   // positions name the old article's blocks
    const Document& doc = article_->doc;
    const bool first = state_.openFaqs.empty() && state_.scrollY == 0.0f && state_.selectedStage == 0;
    if (first) state_.selectedStage = article_->config.initialStage;
    FitStateTo(state_, static_cast<int>(doc.timeline.stages.size()), static_cast<int>(doc.faq.entries.size()));
    stagePosition_ = stageFrom_ = static_cast<float>(state_.selectedStage);
    stageClock_ = 1.0f;
    faqOpenness_.assign(state_.openFaqs.size(), 0.0f);
    faqClock_.assign(state_.openFaqs.size(), 1.0f);
    for (size_t i = 0; i < state_.openFaqs.size(); ++i) faqOpenness_[i] = state_.openFaqs[i] ? 1.0f : 0.0f;
    if (!Focusable(focus_)) focus_ = {};
    Publish(before, focusBefore, /*announce=*/false, /*always=*/true);   // a new article: the mirror is made again
}

void WidgetApp::SetError(std::string message) { error_ = std::move(message); }

bool WidgetApp::PrepareFonts(float density) {
    if (!fonts_.SetFamilies(article_ ? article_->config.fonts : FontFamilies{})) return false;
    fonts_.BeginFrame(density);
    return true;
}

void WidgetApp::SetViewport(float widthCss, float heightCss) {
    viewWidthCss_ = widthCss;
    viewHeightCss_ = heightCss;
}

ViewPresentation WidgetApp::Presentation() const {
    ViewPresentation presentation;
    presentation.focus = focus_;
    presentation.showFocusRing = showFocusRing_;
    presentation.stagePosition = stagePosition_;
    presentation.faqOpenness = &faqOpenness_;
    return presentation;
}

bool WidgetApp::EnsureLayout() {
    if (!article_ || viewWidthCss_ <= 0.0f || !fonts_.SetFamilies(article_->config.fonts)) return false;
    view_.Layout(fonts_, viewWidthCss_);
    view_.Place(state_, Presentation());
    return true;
}

float WidgetApp::ContentHeightCss() { return EnsureLayout() ? view_.ContentHeightCss() : 0.0f; }

float WidgetApp::MaxScroll() { return std::max(0.0f, ContentHeightCss() - viewHeightCss_); }

float WidgetApp::ScrollY() const {
    if (!hostScrolls()) return state_.scrollY;
    return host_.scrollPosition ? std::max(0.0f, host_.scrollPosition()) : 0.0f;
}

std::string WidgetApp::StateJson() const {
    WidgetState state = state_;
    state.scrollY = ScrollY();
    return StateToJson(state);
}

bool WidgetApp::PerformScroll(float yCss, bool smooth) {
    if (std::isnan(yCss)) return false;   // scrollTo(undefined) from the API: no place to go
    if (hostScrolls()) { host_.scrollTo(std::clamp(yCss, 0.0f, MaxScroll()), smooth && !reducedMotion_); return true; }
    targetScroll_ = std::clamp(yCss, 0.0f, MaxScroll());
    if (!smooth || reducedMotion_) state_.scrollY = targetScroll_;
    animating_ = animating_ || state_.scrollY != targetScroll_;
    return true;
}

// [actions] ---------------------------------------------------------------------------------

bool WidgetApp::Apply(const Action& action, std::string* error) {
    const WidgetState before = state_;
    const FocusTarget focusBefore = focus_;
    std::string reason;
    const bool done = Perform(action, reason);
    if (!done && error) *error = reason;
    // A restored state is announced as changes of the stage and questions, without hash changes (no reader acted).
    Publish(before, focusBefore, /*announce=*/true, /*always=*/action.kind == ActionKind::RestoreState && done);
    return done;
}

void WidgetApp::Publish(const WidgetState& before, FocusTarget focusBefore, bool announce, bool always) {
    const bool filterChanged = state_.faqFilter != before.faqFilter;
    if (filterChanged && !Focusable(focus_)) { focus_ = {}; showFocusRing_ = false; }   // a hidden item loses the focus, as in a page
    const bool changed = filterChanged || state_.selectedStage != before.selectedStage || state_.openFaqs != before.openFaqs;
    if (changed || always) ++stateRevision_;
    if (!announce || !article_) return;
    const bool hash = article_->config.updateHash && host_.hashChanged && !always;
    if (state_.selectedStage != before.selectedStage) {
        if (host_.stageChanged) host_.stageChanged(state_.selectedStage);
        if (hash) host_.hashChanged(StageHash(article_->config.deepLinkPrefix, state_.selectedStage));
    }
    for (size_t i = 0; i < state_.openFaqs.size() && i < before.openFaqs.size(); ++i) {
        if (state_.openFaqs[i] == before.openFaqs[i]) continue;
        if (host_.faqToggled) host_.faqToggled(static_cast<int>(i), state_.openFaqs[i]);
        if (state_.openFaqs[i] && hash) host_.hashChanged(FaqHash(article_->doc, article_->config.deepLinkPrefix, static_cast<int>(i)));
    }
    if (focus_ != focusBefore && host_.focusChanged) host_.focusChanged(FocusName(focus_));
}

static std::string Plural(size_t n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

// "selectStage: no stage 7; the timeline has 3 stages, numbered from 0 to 2", "toggleFaq: the article has no FAQ".
static std::string OutOfRange(const char* verb, bool stage, int index, size_t count) {
    if (count == 0) return std::string(verb) + ": the article has no " + (stage ? "timeline" : "FAQ");
    return std::string(verb) + ": no " + (stage ? "stage " : "question ") + std::to_string(index) + "; the " + (stage ? "timeline" : "FAQ") +
           " has " + Plural(count, stage ? "stage" : "question", stage ? "stages" : "questions") + ", numbered from 0 to " + std::to_string(count - 1);
}

// One action: checked against the article (a one-line reason in `error` when it names nothing), then handed to the
// Perform* of its group. Only focus and scrolling work without an article.
bool WidgetApp::Perform(const Action& a, std::string& error) {
    const char* verb = ActionName(a.kind);
    if (!article_ && a.kind != ActionKind::Focus && a.kind != ActionKind::ScrollTo && a.kind != ActionKind::ScrollBy) {
        error = std::string(verb) + ": no article is loaded";
        return false;
    }
    switch (a.kind) {
        case ActionKind::None: error = "no action"; return false;
        case ActionKind::SelectStage: case ActionKind::PreviousStage: case ActionKind::NextStage: return PerformStage(a, error);
        case ActionKind::ToggleFaq: case ActionKind::ExpandAll: case ActionKind::CollapseAll: case ActionKind::SetFilter:
            return PerformFaq(a, error);
        case ActionKind::Focus: {
            const FocusTarget target = Focusable(a.target) ? a.target : FocusTarget{};   // a stale name from the host (an older article's mirror)
            showFocusRing_ = a.keyboard && target.kind != FocusKind::None;
            if (target == focus_) return true;
            focus_ = target;
            if (a.keyboard) RevealFocus();
            return true;
        }
        case ActionKind::Activate: {
            const std::vector<Action> actions = Activate(article_->doc, state_, a.text);
            if (actions.empty()) {
                error = ItemExists(article_->doc, state_, a.text) ? std::string("activate: \"") + a.text.substr(0, 40) + "\" does nothing when activated"
                                                                  : std::string("activate: nothing in the article is named \"") + a.text.substr(0, 40) + "\"";
                return false;
            }
            for (const Action& each : actions) Perform(each, error);
            return true;
        }
        case ActionKind::FollowLink:
            if (a.index < 0 || static_cast<size_t>(a.index) >= article_->doc.links.size()) { error = "followLink: no link " + std::to_string(a.index); return false; }
            FollowLink(a.index);
            return true;
        case ActionKind::ScrollTo:
            if (!PerformScroll(a.y, a.smooth)) { error = "scrollTo: the position must be a number"; return false; }
            return true;
        case ActionKind::ScrollBy: return PerformScroll(state_.scrollY + a.y, false);
        case ActionKind::ScrollToAnchor: {
            const AnchorTarget target = ResolveAnchor(article_->doc, article_->config.deepLinkPrefix, a.text);
            if (target.kind == AnchorTarget::Kind::DeepLink)   // a stage or a question: what its deep link does
                return PerformDeepLink(Action::WithText(ActionKind::DeepLink, target.anchor, a.smooth), error);
            EnsureLayout();
            const float y = target.kind == AnchorTarget::Kind::Place ? view_.AnchorY(target.anchor) : -1.0f;
            if (y < 0.0f) { error = "scrollToAnchor: nothing in the article has the id \"" + a.text.substr(0, 80) + "\""; return false; }
            return PerformScroll(y, a.smooth);
        }
        case ActionKind::DeepLink: return PerformDeepLink(a, error);
        case ActionKind::RestoreState: return PerformRestoreState(a, error);
    }
    return false;
}

// Select, Previous and Next: one stage, animated to unless the reader prefers reduced motion.
bool WidgetApp::PerformStage(const Action& a, std::string& error) {
    const size_t stages = article_->doc.timeline.stages.size();
    if (a.kind != ActionKind::SelectStage) {
        // What Previous and Next do, for every input: one stage back or on, none past either end.
        if (stages == 0) { error = OutOfRange(ActionName(a.kind), true, 0, 0); return false; }
        const int next = std::clamp(state_.selectedStage + (a.kind == ActionKind::NextStage ? 1 : -1), 0, static_cast<int>(stages) - 1);
        return PerformStage(Action::SelectStage(next), error);
    }
    if (a.index < 0 || a.index >= static_cast<int>(stages)) { error = OutOfRange(ActionName(a.kind), true, a.index, stages); return false; }
    if (a.index == state_.selectedStage) return true;
    state_.selectedStage = a.index;
    stageFrom_ = stagePosition_;
    stageClock_ = reducedMotion_ ? 1.0f : 0.0f;
    if (reducedMotion_) stagePosition_ = static_cast<float>(a.index);
    animating_ = true;
    return true;
}

// The FAQ: a question opened, closed or toggled, all of them, or the filter.
bool WidgetApp::PerformFaq(const Action& a, std::string& error) {
    const char* verb = ActionName(a.kind);
    const size_t faqs = state_.openFaqs.size();
    if (faqs == 0) { error = OutOfRange(verb, false, a.index, 0); return false; }
    switch (a.kind) {
        case ActionKind::ExpandAll: case ActionKind::CollapseAll:
            for (size_t i = 0; i < faqs; ++i) PerformFaq(Action::ToggleFaq(static_cast<int>(i), a.kind == ActionKind::ExpandAll ? 1 : 0), error);
            return true;
        case ActionKind::SetFilter:
            state_.faqFilter = CleanFilter(a.text);
            return true;
        default: break;
    }
    if (a.index < 0 || static_cast<size_t>(a.index) >= faqs) { error = OutOfRange(verb, false, a.index, faqs); return false; }
    const size_t i = static_cast<size_t>(a.index);
    const bool now = a.open < 0 ? !state_.openFaqs[i] : a.open > 0;
    if (now == state_.openFaqs[i]) return true;
    state_.openFaqs[i] = now;
    if (i < faqClock_.size()) {
        faqClock_[i] = reducedMotion_ ? 1.0f : 0.0f;
        if (reducedMotion_) faqOpenness_[i] = now ? 1.0f : 0.0f;
        animating_ = true;
    }
    return true;
}

// "#<prefix>stage-<n>" selects the stage, "#<prefix>faq-<slug>" clears the filter and opens the question; either
// takes the focus and is scrolled to.
bool WidgetApp::PerformDeepLink(const Action& a, std::string& error) {
    DeepLink link;
    const std::string& prefix = article_->config.deepLinkPrefix;
    if (!ParseDeepLink(article_->doc, prefix, a.text, link)) {
        error = "deepLink: \"" + a.text.substr(0, 80) + "\" names no stage or question of the article (\"#" + prefix + "stage-1\", \"#" +
                prefix + "faq-<slug>\")";
        return false;
    }
    if (link.stage >= 0) {
        Perform(Action::SelectStage(link.stage), error);
        Perform(Action::Focus({FocusKind::Timeline, -1}, false), error);
    } else {
        Perform(Action::SetFilter(""), error);
        Perform(Action::ToggleFaq(link.faq, 1), error);
        Perform(Action::Focus({FocusKind::Question, link.faq}, false), error);
    }
    EnsureLayout();   // the selected stage's card, the opened question: placed for the new state
    const ItemRect r = view_.RevealRectOf(focus_);
    if (r.h > 0) PerformScroll(r.y - 24.0f, a.smooth);
    return true;
}

// A saved state, checked whole before anything changes, then jumped to (no transition).
bool WidgetApp::PerformRestoreState(const Action& a, std::string& error) {
    WidgetState next = state_;
    next.scrollY = ScrollY();
    const int stages = static_cast<int>(article_->doc.timeline.stages.size());
    if (!StateFromJson(a.text, stages, static_cast<int>(article_->doc.faq.entries.size()), next, error)) return false;
    const float scrollY = next.scrollY;
    next.scrollY = state_.scrollY;
    state_ = next;
    // The scroll position goes to its owner: the host page is asked to scroll there; the widget's own
    // jumps there (kept in range by the next frame, which knows the content's height).
    if (hostScrolls()) {
        if (scrollY != ScrollY()) PerformScroll(scrollY, false);
    } else {
        state_.scrollY = targetScroll_ = scrollY;
    }
    // A restored state is a jump, not a transition: the presentation snaps to it.
    stagePosition_ = stageFrom_ = static_cast<float>(state_.selectedStage);
    stageClock_ = 1.0f;
    for (size_t i = 0; i < faqOpenness_.size() && i < state_.openFaqs.size(); ++i) {
        faqOpenness_[i] = state_.openFaqs[i] ? 1.0f : 0.0f;
        faqClock_[i] = 1.0f;
    }
    return true;
}

bool WidgetApp::Focusable(FocusTarget target) const {
    if (target.kind == FocusKind::None) return true;
    if (!article_) return false;
    const std::vector<FocusTarget> order = FocusOrder(article_->doc, state_);
    return std::find(order.begin(), order.end(), target) != order.end();
}

// Scrolls so the focused item is in view (with a margin), as the browser does for focused elements.
void WidgetApp::RevealFocus() {
    EnsureLayout();
    const ItemRect r = view_.RevealRectOf(focus_);
    if (r.h <= 0 || viewHeightCss_ <= 0) return;
    const float top = r.y, bottom = r.y + r.h, margin = 48.0f, scrollY = ScrollY();
    float target = scrollY;
    if (top < scrollY + margin) target = top - margin;
    else if (bottom > scrollY + viewHeightCss_ - margin) target = bottom - viewHeightCss_ + margin;
    // Short moves glide; long jumps are instant, so the reader is not kept waiting.
    if (target != scrollY) PerformScroll(target, std::fabs(target - scrollY) < viewHeightCss_);
}

KeyOutcome WidgetApp::PressKey(Key key, bool shift) {
    if (!article_) return {};
    const KeyOutcome out = HandleKey(article_->doc, state_, focus_, key, shift);
    if (!out.handled) return out;
    for (const Action& action : out.actions) Apply(action);
    Apply(Action::Focus(out.focus, true));
    return out;
}

bool WidgetApp::TypeCharacter(uint32_t codepoint) {
    Action typed;
    return TypeIntoFilter(state_, focus_, codepoint, typed) && Apply(typed);
}

void WidgetApp::FollowLink(int link) {
    const std::string& href = article_->doc.links[static_cast<size_t>(link)].href;
    switch (ClassifyLink(href)) {
        case LinkTarget::Anchor: { std::string unused; Perform(Action::WithText(ActionKind::ScrollToAnchor, href.substr(href.find('#') + 1), true), unused); break; }
        case LinkTarget::External: if (host_.openUrl) host_.openUrl(UrlEncoded(href)); break;
        case LinkTarget::Relative: {
            const std::string url = ResolveUrl(article_->baseUrl, href);
            const std::string scheme = ToLowerAscii(url.substr(0, url.find(':')));
            if (!article_->baseUrl.empty() && (scheme == "http" || scheme == "https" || scheme == "file")) {
                if (host_.openUrl) host_.openUrl(UrlEncoded(url));
            } else if (host_.log) {
                host_.log("link not followed: " + href.substr(0, 80) + " (relative, and the article's own URL is unknown)");
            }
            break;
        }
        case LinkTarget::Blocked:
            if (host_.log) host_.log("link not followed: " + href.substr(0, 80) + " (" + BlockedLinkReason(href) + ")");
            break;
    }
}

std::string WidgetApp::LayoutJson() {
    EnsureLayout();
    const LayoutRects info = view_.Rects();
    // Relative to the element: the article's top when the host scrolls the page; the visible
    // canvas when the widget scrolls itself.
    const float offset = hostScrolls() ? 0.0f : state_.scrollY;
    // The keys in alphabetical order, as they always were written.
    JsonWriter w(-1);
    auto rect = [&w, offset](const ItemRect& r) {
        w.BeginObject().Key("height").Value(r.h).Key("width").Value(r.w).Key("x").Value(r.x).Key("y").Value(r.y - offset).EndObject();
    };
    auto rects = [&w, &rect](const std::vector<ItemRect>& list) {
        w.BeginArray();
        for (const ItemRect& r : list) rect(r);
        w.EndArray();
    };
    w.BeginObject();
    w.Key("collapseAll"); rect(info.collapseAll);
    w.Key("contentHeight").Value(info.contentHeight);
    w.Key("expandAll"); rect(info.expandAll);
    w.Key("faqs"); rects(info.faqs);
    w.Key("filter"); rect(info.filter);
    w.Key("next"); rect(info.next);
    w.Key("previous"); rect(info.previous);
    w.Key("stages"); rects(info.stages);
    w.Key("title"); rect(info.title);
    w.Key("track"); rect(info.track);
    return w.EndObject().Take();
}

// Keys from ImGui's IO (the native window, and the canvas when it has focus on the web), through the one
// key table. Keys for focused items go through the keyboard model; the rest scroll, unless the host
// owns scrolling.
void WidgetApp::HandleImGuiKeys() {
    const ImGuiIO& io = ImGui::GetIO();
    size_t count = 0;
    const KeyName* keys = KeyTable(count);
    for (size_t i = 0; i < count; ++i) {
        const Key key = keys[i].key;
        if (!ImGui::IsKeyPressed(keys[i].imgui, true)) continue;
        if (PressKey(key, io.KeyShift).handled) continue;
        if (hostScrolls()) continue;
        // Unhandled keys scroll the article.
        const float page = std::max(40.0f, viewHeightCss_ * 0.9f), line = 48.0f;
        if (key == Key::Down) PerformScroll(targetScroll_ + line, !reducedMotion_);
        if (key == Key::Up) PerformScroll(targetScroll_ - line, !reducedMotion_);
        if (key == Key::Space) PerformScroll(targetScroll_ + (io.KeyShift ? -page : page), !reducedMotion_);
        if (key == Key::PageDown) PerformScroll(targetScroll_ + page, !reducedMotion_);
        if (key == Key::PageUp) PerformScroll(targetScroll_ - page, !reducedMotion_);
        if (key == Key::Home) PerformScroll(0.0f, !reducedMotion_);
        if (key == Key::End) PerformScroll(MaxScroll(), !reducedMotion_);
    }
    for (int i = 0; i < io.InputQueueCharacters.Size; ++i) TypeCharacter(io.InputQueueCharacters[i]);
}

// [selection] -------------------------------------------------------------------------------

bool WidgetApp::SelectAllText() {
    if (!EnsureLayout()) return false;
    selection_.model().SetLayout(&view_.geometry(), &fonts_);
    selection_.model().SelectAll();
    return !selection_.model().Empty();
}

bool WidgetApp::SelectWordAt(float x, float y) {
    if (!EnsureLayout()) return false;
    SelectionModel& model = selection_.model();
    model.SetLayout(&view_.geometry(), &fonts_);
    model.SelectWord(model.HitTest(x, y + ScrollY()));
    return !model.Empty();
}

bool WidgetApp::RevealFoundText(const std::string& before, const std::string& after, const std::string& match) {
    if (!EnsureLayout()) return false;
    SelectionModel& model = selection_.model();
    model.SetLayout(&view_.geometry(), &fonts_);
    // The match's start and end, both found by the whole context (before + match + after), so in the same occurrence.
    const TextPosition at = model.FindByContext(before, match + after);
    if (!at.Valid()) return false;
    const TextPosition end = match.empty() ? TextPosition{} : model.FindByContext(before + match, after);
    if (end.Valid() && at < end) model.SelectRange(at, end);
    else model.SelectWord(at);
    const std::vector<ItemRect> rects = model.HighlightRects();
    const float top = rects.empty() ? view_.geometry().blocks[static_cast<size_t>(at.block)].rect.y : rects.front().y;
    PerformScroll(std::max(0.0f, top - viewHeightCss_ / 3.0f), false);   // the match a third of the way down
    return true;
}

bool WidgetApp::SelectText(const std::string& text) {
    if (!EnsureLayout()) return false;
    SelectionModel& model = selection_.model();
    model.SetLayout(&view_.geometry(), &fonts_);
    const TextPosition start = model.FindByContext("", text), end = model.FindByContext(text, "");
    if (!start.Valid() || !end.Valid()) return false;
    model.SelectRange(start, end);
    return true;
}

static float EaseOut(float t) { return 1.0f - (1.0f - t) * (1.0f - t) * (1.0f - t); }

// Advances the stage (250 ms) and FAQ (200 ms) animations; none with reduced motion.
void WidgetApp::Animate(float dt, bool reducedMotion) {
    const float target = static_cast<float>(state_.selectedStage);
    if (reducedMotion) stageClock_ = 1.0f;
    stageClock_ = std::min(1.0f, stageClock_ + dt / 0.25f);
    stagePosition_ = stageFrom_ + (target - stageFrom_) * EaseOut(stageClock_);
    bool moving = stageClock_ < 1.0f;
    for (size_t i = 0; i < faqOpenness_.size(); ++i) {
        if (reducedMotion) faqClock_[i] = 1.0f;
        faqClock_[i] = std::min(1.0f, faqClock_[i] + dt / 0.2f);
        const float e = EaseOut(faqClock_[i]);
        faqOpenness_[i] = state_.openFaqs[i] ? e : 1.0f - e;
        moving = moving || faqClock_[i] < 1.0f;
    }
    animating_ = moving || state_.scrollY != targetScroll_;
}

Palette WidgetApp::CurrentPalette(bool prefersDark) const {
    const ThemeMode mode = forcedTheme_ != ThemeMode::Auto ? forcedTheme_ : article_ ? article_->config.theme : ThemeMode::Auto;
    return PaletteFor(hostColors_, mode, prefersDark, article_ ? article_->config.accent : Config{}.accent);
}

void WidgetApp::Frame(const FrameInput& input) {
    SetViewport(input.width, input.height);
    const Palette palette = CurrentPalette(input.prefersDark);
    dark_ = RelativeLuminance(palette.background) < 0.5;
    const float dt = lastTime_ < 0.0 ? 0.0f : static_cast<float>(std::min(0.1, input.timeSeconds - lastTime_));
    lastTime_ = input.timeSeconds;

    reducedMotion_ = input.reducedMotion;
    const ImGuiIO& io = ImGui::GetIO();
    if (!hostScrolls() && io.MouseWheel != 0.0f && !io.KeyShift) PerformScroll(targetScroll_ - io.MouseWheel * 80.0f, !input.reducedMotion);
    if (article_ && input.keyboardFocus) HandleImGuiKeys();
    if (article_ && EnsureLayout()) {   // text selection: the pointer and keys, over this frame's layout
        selection_.HandlePointer(view_.geometry(), fonts_, ScrollY());
        if (input.keyboardFocus) selection_.HandleKeys();
    }
    if (article_) Animate(dt, input.reducedMotion);
    // Smooth scrolling: exponential approach, settled within a few frames.
    if (state_.scrollY != targetScroll_) {
        const float k = 1.0f - std::exp(-dt * 18.0f);
        state_.scrollY += (targetScroll_ - state_.scrollY) * (dt > 0 ? k : 1.0f);
        if (std::fabs(targetScroll_ - state_.scrollY) < 0.5f) state_.scrollY = targetScroll_;
    }

    if (!input.inCurrentWindow) {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(input.width, input.height));
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
        ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
        ImGui::Begin("##article", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                         ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    }
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ViewActions actions;
    if (article_) {
        actions = view_.Draw(draw, fonts_, palette, state_, Presentation(), input.width, input.height, ScrollY(),
                             /*ownScrollbar=*/!hostScrolls());
        // The content may have shrunk (resize, FAQ closed): keep the scroll in range, and show it next frame.
        if (!hostScrolls() && targetScroll_ > MaxScroll()) { PerformScroll(MaxScroll(), false); animating_ = true; }
    } else {
        if (palette.opaqueBackground)
            draw->AddRectFilled(ImVec2(0, 0), ImVec2(input.width, input.height),
                                IM_COL32(palette.background.r, palette.background.g, palette.background.b, 255));
    }
    if (!error_.empty() && fonts_.ready()) {
        // A banner over the last good article: what is wrong, in words.
        const float pad = 14.0f, lineH = std::round(fonts_.Size(FontFace::Ui) * 1.4f);
        const float wrap = std::max(40.0f, std::min(input.width - 4 * pad, 640.0f));
        const std::vector<TextSpan> spans{TextSpan{error_, FontFace::Ui, -1, false}};
        const TextLayout message = BreakLines(spans, wrap, fonts_);
        const ImVec2 p0(std::round((input.width - wrap) * 0.5f - pad), 16.0f);
        const ImVec2 p1(p0.x + wrap + 2 * pad, p0.y + 2 * pad + lineH * static_cast<float>(message.lines.size() + 1));
        draw->AddRectFilled(p0, p1, dark_ ? IM_COL32(0x4a, 0x1d, 0x1d, 255) : IM_COL32(0xfd, 0xec, 0xea, 255), 8.0f);
        draw->AddRect(p0, p1, IM_COL32(0xc2, 0x3b, 0x2e, 255), 8.0f, 0, 1.5f);
        const ImU32 ink = dark_ ? IM_COL32(0xff, 0xe4, 0xe0, 255) : IM_COL32(0x7a, 0x17, 0x10, 255);
        fonts_.DrawLabel(draw, FontFace::UiBold, p0.x + pad, p0.y + pad, ink, article_ ? "Could not update the article" : "Could not load the article");
        for (size_t l = 0; l < message.lines.size(); ++l)
            fonts_.DrawLine(draw, message, spans, l, p0.x + pad + message.lines[l].x,
                            p0.y + pad + lineH * static_cast<float>(l + 1) + fonts_.Ascent(FontFace::Ui), ink);
    }
    if (!input.inCurrentWindow) {
        ImGui::End();
        ImGui::PopStyleVar(2);
    }
    // Applied after the frame that saw them: the next frame shows them.
    if (!actions.empty()) animating_ = true;
    for (const Action& action : actions) Apply(action);
    animating_ = animating_ || state_.scrollY != targetScroll_;
}

} // namespace aw
