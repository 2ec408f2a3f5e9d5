// The widget as one object both platforms drive: input to state, commands, smooth scrolling, error banner.
#include "widget_app.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <imgui.h>
#include <nlohmann/json.hpp>

#include "core/text_util.h"

namespace aw {

WidgetApp::WidgetApp(HostServices host) : host_(std::move(host)) {}

void WidgetApp::SetArticle(std::shared_ptr<const Article> article) {
    article_ = std::move(article);
    error_.clear();
    view_.SetArticle(article_);
    const Document& doc = article_->doc;
    const bool first = state_.openFaqs.empty() && state_.scrollY == 0.0f && state_.selectedStage == 0;
    if (first) state_.selectedStage = article_->config.initialStage;
    FitStateTo(state_, static_cast<int>(doc.timeline.stages.size()), static_cast<int>(doc.faq.entries.size()));
}

void WidgetApp::SetError(std::string message) { error_ = std::move(message); }

bool WidgetApp::PrepareFonts(float scale) {
    if (fonts_.scale() == scale) return false;
    fonts_.Build(scale);
    return true;
}

float WidgetApp::MaxScroll() const { return std::max(0.0f, view_.ContentHeightCss() - viewHeightCss_); }

void WidgetApp::SetScrollFromHost(float yCss) {
    state_.scrollY = targetScroll_ = std::max(0.0f, yCss);
    animating_ = false;
}

void WidgetApp::ScrollTo(float yCss, bool smooth) {
    if (host_.scrollTo) { host_.scrollTo(std::clamp(yCss, 0.0f, MaxScroll()), smooth); return; }
    targetScroll_ = std::clamp(yCss, 0.0f, MaxScroll());
    if (!smooth) state_.scrollY = targetScroll_;
    animating_ = state_.scrollY != targetScroll_;
}

bool WidgetApp::ScrollToAnchor(const std::string& id, bool smooth) {
    const float y = view_.AnchorY(id);
    if (y < 0.0f) return false;
    ScrollTo(y, smooth);
    return true;
}

void WidgetApp::SelectStage(int index) {
    if (!article_) return;
    const int n = static_cast<int>(article_->doc.timeline.stages.size());
    if (n == 0) return;
    index = std::clamp(index, 0, n - 1);
    if (index == state_.selectedStage) return;
    state_.selectedStage = index;
    if (host_.stageChanged) host_.stageChanged(index);
}

void WidgetApp::ToggleFaq(int index, int open) {
    if (index < 0 || static_cast<size_t>(index) >= state_.openFaqs.size()) return;
    const bool now = open < 0 ? !state_.openFaqs[static_cast<size_t>(index)] : open > 0;
    if (now == state_.openFaqs[static_cast<size_t>(index)]) return;
    state_.openFaqs[static_cast<size_t>(index)] = now;
    if (host_.faqToggled) host_.faqToggled(index, now);
}

void WidgetApp::SetAllFaqs(bool open) {
    for (size_t i = 0; i < state_.openFaqs.size(); ++i) ToggleFaq(static_cast<int>(i), open ? 1 : 0);
}

bool WidgetApp::SetStateJson(const std::string& json, std::string& error) {
    if (!article_) { error = "state: no article loaded"; return false; }
    const WidgetState before = state_;
    if (!StateFromJson(json, static_cast<int>(article_->doc.timeline.stages.size()), static_cast<int>(article_->doc.faq.entries.size()),
                       state_, error))
        return false;
    if (state_.selectedStage != before.selectedStage && host_.stageChanged) host_.stageChanged(state_.selectedStage);
    for (size_t i = 0; i < state_.openFaqs.size() && i < before.openFaqs.size(); ++i)
        if (state_.openFaqs[i] != before.openFaqs[i] && host_.faqToggled) host_.faqToggled(static_cast<int>(i), state_.openFaqs[i]);
    targetScroll_ = state_.scrollY;
    return true;
}

std::string WidgetApp::LayoutJson() const {
    const ViewLayoutInfo& info = view_.layoutInfo();
    const float s = scale_ > 0 ? scale_ : 1.0f;
    // Relative to the element: the article's top when the host scrolls the page; the visible
    // canvas when the widget scrolls itself.
    const float offset = host_.scrollTo ? 0.0f : state_.scrollY;
    auto rect = [s, offset](const ItemRect& r) {
        return nlohmann::json{{"x", r.x / s}, {"y", r.y / s - offset}, {"width", r.w / s}, {"height", r.h / s}};
    };
    nlohmann::json stages = nlohmann::json::array(), faqs = nlohmann::json::array();
    for (const ItemRect& r : info.stageNodes) stages.push_back(rect(r));
    for (const ItemRect& r : info.faqQuestions) faqs.push_back(rect(r));
    return nlohmann::json{{"title", rect(info.title)}, {"stages", stages}, {"faqs", faqs}, {"contentHeight", info.contentHeight}}.dump();
}

void WidgetApp::ApplyActions(const ViewActions& a) {
    if (!a.changed || !article_) return;
    if (a.selectStage >= 0) SelectStage(a.selectStage);
    if (a.toggleFaq >= 0) ToggleFaq(a.toggleFaq, -1);
    if (a.scrollTo >= 0.0f) ScrollTo(a.scrollTo, true);
    if (a.scrollBy != 0.0f) ScrollTo(state_.scrollY + a.scrollBy, false);
    if (a.followLink >= 0) {
        const std::string& href = article_->doc.links[static_cast<size_t>(a.followLink)].href;
        switch (ClassifyLink(href)) {
            case LinkTarget::Anchor: ScrollToAnchor(href.substr(href.find('#') + 1), true); break;
            case LinkTarget::External: if (host_.openUrl) host_.openUrl(href); break;
            case LinkTarget::Blocked:
                if (host_.log) host_.log("link not followed: " + href.substr(0, 80) + " (" + BlockedLinkReason(href) + ")");
                break;
        }
    }
}

void WidgetApp::HandleKeyboard(const FrameInput& input) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return;
    const float page = std::max(40.0f, viewHeightCss_ * 0.9f);
    const float line = 48.0f;
    auto pressed = [](ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key), true); };
    float delta = 0.0f;
    if (pressed(ImGuiKey_DownArrow)) delta += line;
    if (pressed(ImGuiKey_UpArrow)) delta -= line;
    if (pressed(ImGuiKey_PageDown)) delta += page;
    if (pressed(ImGuiKey_PageUp)) delta -= page;
    if (pressed(ImGuiKey_Space)) delta += io.KeyShift ? -page : page;
    if (pressed(ImGuiKey_Home)) { ScrollTo(0.0f, !input.reducedMotion); return; }
    if (pressed(ImGuiKey_End)) { ScrollTo(MaxScroll(), !input.reducedMotion); return; }
    if (delta != 0.0f) ScrollTo(targetScroll_ + delta, !input.reducedMotion);
}

void WidgetApp::Frame(const FrameInput& input) {
    viewWidth_ = input.width;
    viewHeight_ = input.height;
    scale_ = input.scale;
    viewHeightCss_ = input.height / input.scale;
    const ThemeMode mode = forcedTheme_ != ThemeMode::Auto ? forcedTheme_ : article_ ? article_->config.theme : ThemeMode::Auto;
    dark_ = mode == ThemeMode::Dark || (mode == ThemeMode::Auto && input.prefersDark);
    const Palette palette = MakePalette(dark_, article_ ? article_->config.accent : Config{}.accent);
    const float dt = lastTime_ < 0.0 ? 0.0f : static_cast<float>(std::min(0.1, input.timeSeconds - lastTime_));
    lastTime_ = input.timeSeconds;

    const ImGuiIO& io = ImGui::GetIO();
    if (!host_.scrollTo) {
        if (io.MouseWheel != 0.0f) ScrollTo(targetScroll_ - io.MouseWheel * 80.0f, !input.reducedMotion);
        HandleKeyboard(input);
    }
    // Smooth scrolling: exponential approach, settled within a few frames.
    if (state_.scrollY != targetScroll_) {
        const float k = 1.0f - std::exp(-dt * 18.0f);
        state_.scrollY += (targetScroll_ - state_.scrollY) * (dt > 0 ? k : 1.0f);
        if (std::fabs(targetScroll_ - state_.scrollY) < 0.5f) state_.scrollY = targetScroll_;
    }

    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(input.width, input.height));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    ImGui::Begin("##article", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ViewActions actions;
    if (article_) {
        actions = view_.Draw(draw, fonts_, palette, state_, input.width, input.height, input.scale, state_.scrollY,
                             /*ownScrollbar=*/!host_.scrollTo);
        // The content may have shrunk (resize, FAQ closed): keep the scroll in range.
        if (!host_.scrollTo && targetScroll_ > MaxScroll()) ScrollTo(MaxScroll(), false);
    } else {
        draw->AddRectFilled(ImVec2(0, 0), ImVec2(input.width, input.height),
                            IM_COL32(palette.background.r, palette.background.g, palette.background.b, 255));
    }
    if (!error_.empty()) {
        // A banner over the last good article: what is wrong, in words.
        const float s = input.scale, pad = 14.0f * s;
        ImFont* font = fonts_.Get(FontFace::Ui);
        const float wrap = std::min(input.width - 4 * pad, 640.0f * s);
        const ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap, error_.c_str());
        const ImVec2 p0((input.width - wrap) * 0.5f - pad, 16.0f * s);
        const ImVec2 p1(p0.x + wrap + 2 * pad, p0.y + size.y + 2 * pad + fonts_.Size(FontFace::Ui) * 1.4f);
        draw->AddRectFilled(p0, p1, dark_ ? IM_COL32(0x4a, 0x1d, 0x1d, 255) : IM_COL32(0xfd, 0xec, 0xea, 255), 8.0f * s);
        draw->AddRect(p0, p1, IM_COL32(0xc2, 0x3b, 0x2e, 255), 8.0f * s, 0, 1.5f * s);
        ImFont* bold = fonts_.Get(FontFace::UiBold);
        const ImU32 ink = dark_ ? IM_COL32(0xff, 0xe4, 0xe0, 255) : IM_COL32(0x7a, 0x17, 0x10, 255);
        draw->AddText(bold, bold->FontSize, ImVec2(p0.x + pad, p0.y + pad), ink, article_ ? "Could not update the article" : "Could not load the article");
        draw->AddText(font, font->FontSize, ImVec2(p0.x + pad, p0.y + pad + fonts_.Size(FontFace::Ui) * 1.4f), ink, error_.c_str(), nullptr, wrap);
    }
    ImGui::End();
    ImGui::PopStyleVar(2);
    ApplyActions(actions);
    animating_ = state_.scrollY != targetScroll_;
}

} // namespace aw
