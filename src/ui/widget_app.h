// The widget as one object both platforms drive: owns the article, the state, fonts and view;
// turns input into state changes and asks the host (injected services) for what only it can do.
#pragma once
#include <functional>
#include <memory>
#include <string>

#include "core/article.h"
#include "core/palette.h"
#include "core/widget_state.h"
#include "ui/article_view.h"
#include "ui/fonts.h"

namespace aw {

// Services only the platform can provide, injected so the UI stays free of platform code.
struct HostServices {
    std::function<void(const std::string& url)> openUrl;        // called only for http, https and mailto
    std::function<void(const std::string& message)> log;
    std::function<void(int index)> stageChanged;
    std::function<void(int index, bool open)> faqToggled;
    // Set when the host owns scrolling (the web page scrolls natively): the widget then asks the
    // host to scroll instead of animating its own offset, and ignores wheel and scroll keys.
    std::function<void(float yCss, bool smooth)> scrollTo;
};

struct FrameInput {
    float  width = 0, height = 0;     // device pixels
    float  scale = 1.0f;              // device pixels per CSS pixel
    double timeSeconds = 0.0;
    bool   prefersDark = false;       // used when the config's theme is "auto"
    bool   reducedMotion = false;
};

class WidgetApp {
public:
    explicit WidgetApp(HostServices host = {});

    // A new article; the state carries over where it still fits (hot reload keeps the place).
    void SetArticle(std::shared_ptr<const Article> article);
    // Shows `message` over the last good article (or alone when there is none).
    void SetError(std::string message);
    const std::string& error() const { return error_; }
    const Article* article() const { return article_.get(); }

    // Rebuilds the font atlas when the scale changed. Returns true when the platform must
    // re-upload the atlas texture.
    bool PrepareFonts(float scale);

    // Draws one frame: call between ImGui::NewFrame() and ImGui::Render().
    void Frame(const FrameInput& input);
    // True while an animation (smooth scroll) still needs frames.
    bool WantsAnotherFrame() const { return animating_; }

    // Commands (the JS API and the CLI use the same ones).
    void SelectStage(int index);
    void ToggleFaq(int index, int open /* -1 toggle, 0 close, 1 open */);
    void SetAllFaqs(bool open);
    bool ScrollToAnchor(const std::string& id, bool smooth);
    void ScrollTo(float yCss, bool smooth);
    // The host reports where it scrolled to (host-owned scrolling only).
    void SetScrollFromHost(float yCss);
    bool SetStateJson(const std::string& json, std::string& error);
    std::string StateJson() const { return StateToJson(state_); }
    std::string LayoutJson() const;
    float ContentHeightCss() const { return view_.ContentHeightCss(); }   // CSS px rectangles of the title, stage nodes, FAQ questions

    // "light" or "dark" from the host (the CLI's --theme, the element's theme attribute) beats the config.
    void SetForcedTheme(ThemeMode mode) { forcedTheme_ = mode; }

    const WidgetState& state() const { return state_; }
    bool darkTheme() const { return dark_; }

private:
    void HandleKeyboard(const FrameInput& input);
    void ApplyActions(const ViewActions& actions);
    float MaxScroll() const;

    HostServices host_;
    std::shared_ptr<const Article> article_;
    WidgetState state_;
    FontLibrary fonts_;
    ArticleView view_;
    std::string error_;
    float targetScroll_ = 0.0f;
    float viewHeightCss_ = 0.0f;
    float viewWidth_ = 0, viewHeight_ = 0, scale_ = 1.0f;
    double lastTime_ = -1.0;
    bool animating_ = false;
    bool dark_ = false;
    ThemeMode forcedTheme_ = ThemeMode::Auto;
};

} // namespace aw
