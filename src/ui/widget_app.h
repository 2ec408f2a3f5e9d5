// The widget as one object both platforms drive: owns the article, the state, focus, animations,
// fonts and view; turns input into state changes and asks the host (injected services) for what
// only it can do.
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/article.h"
#include "core/interaction.h"
#include "core/palette.h"
#include "core/widget_state.h"
#include "ui/article_view.h"
#include "ui/fonts.h"
#include "ui/selection_input.h"

namespace aw {

// Services only the platform can provide, injected so the UI stays free of platform code.
struct HostServices {
    std::function<void(const std::string& url)> openUrl;        // called only for http, https and mailto, and relative links
                                                                // resolved against the article's URL (http, https, file)
    std::function<void(const std::string& message)> log;
    std::function<void(int index)> stageChanged;
    std::function<void(int index, bool open)> faqToggled;
    std::function<void(const std::string& focusName)> focusChanged;   // FocusName(), "" when none
    std::function<void(const std::string& hash)> hashChanged;         // config updateHash only
    // Who owns the scroll position. Set, the host does (the web page scrolls natively): the widget reads
    // the position from `scrollPosition` whenever it needs it (CSS px of the article at the top of the
    // canvas), keeps no copy, asks `scrollTo` to scroll, and ignores wheel and scroll keys. Unset, the
    // widget owns it (natively: an animated offset it scrolls with the wheel, keys and its scrollbar).
    std::function<float()> scrollPosition;
    std::function<void(float yCss, bool smooth)> scrollTo;
};

struct FrameInput {
    float  width = 0, height = 0;     // CSS px: ImGui's display size (its framebuffer scale is the density)
    double timeSeconds = 0.0;
    bool   prefersDark = false;       // used when the config's theme is "auto"
    bool   reducedMotion = false;
    // Inside a host's Dear ImGui window (HostedWidget): draw into the current window instead of opening a
    // full-screen one, and read ImGui's keys only when `keyboardFocus` (the host's other controls keep theirs).
    bool   inCurrentWindow = false;
    bool   keyboardFocus = true;
};

class WidgetApp {
public:
    // `fonts`: the fonts every widget of the process shares (they must outlive the app).
    WidgetApp(HostServices host, SharedFonts* fonts);
    // Fonts of its own from `glyphs`, the platform's text engine (it must outlive the app), in the
    // current ImGui context's atlas.
    explicit WidgetApp(HostServices host = {}, GlyphSource* glyphs = nullptr);

    // A new article; the state carries over where it still fits (hot reload keeps the place).
    void SetArticle(std::shared_ptr<const Article> article);
    // Shows `message` over the last good article (or alone when there is none).
    void SetError(std::string message);
    const std::string& error() const { return error_; }
    const Article* article() const { return article_.get(); }

    // Before ImGui::NewFrame(): the fonts for the article's families, glyphs made for `density` device
    // pixels per CSS px. False when no font could be found.
    bool PrepareFonts(float density);
    // Draws one frame: call between ImGui::NewFrame() and ImGui::Render().
    void Frame(const FrameInput& input);
    // After ImGui::Render(): rasterises the glyphs the frame could not draw yet (a text engine that works
    // in batches). True when it did: draw the frame again before showing it.
    bool FlushGlyphs() { return fonts_.FlushPending(); }
    // The platform's fonts changed (a web font the page declares has loaded): glyphs and layout are redone.
    void ReloadFonts() { fonts_.Invalidate(); }
    // The families for fonts the config does not name (the element's own, on the web).
    void SetDefaultFonts(const FontFamilies& families) { fonts_.SetDefaultFamilies(families); }
    const FontLibrary& fonts() const { return fonts_; }
    // True while an animation (scroll, stage change, FAQ height) still needs frames.
    bool WantsAnotherFrame() const { return animating_; }

    // The one mutator of the widget's state and focus: keys, the pointer, the mirror, the JSON commands (ui/commands.h)
    // and the methods below all come here. It alone bumps stateRevision and calls the host's stageChanged, faqToggled,
    // hashChanged and focusChanged (for what changed, once the action is done). False when the action names nothing in
    // the article (no such stage, question, item or anchor; no FAQ; a bad state), with a one-line reason in `error`, and
    // then nothing changed.
    bool Apply(const Action& action, std::string* error = nullptr);

    // Shorthands for Apply. Each returns false when it names nothing in the article, and then changes nothing.
    bool SelectStage(int index) { return Apply(Action::SelectStage(index)); }
    bool ToggleFaq(int index, int open /* -1 toggle, 0 close, 1 open */) { return Apply(Action::ToggleFaq(index, open)); }
    bool SetAllFaqs(bool open) { return Apply(Action::Simple(open ? ActionKind::ExpandAll : ActionKind::CollapseAll)); }
    void SetFilter(const std::string& filter) { Apply(Action::SetFilter(filter)); }
    bool ScrollToAnchor(const std::string& id, bool smooth) { return Apply(Action::WithText(ActionKind::ScrollToAnchor, id, smooth)); }
    void ScrollTo(float yCss, bool smooth) { Apply(Action::ScrollTo(yCss, smooth)); }
    // CSS px of the article at the top of the canvas: the host's position when it owns scrolling.
    float ScrollY() const;
    bool hostScrolls() const { return static_cast<bool>(host_.scrollTo); }
    bool SetStateJson(const std::string& json, std::string& error) { return Apply(Action::WithText(ActionKind::RestoreState, json, false), &error); }
    std::string StateJson() const;

    // The canvas's size in CSS px, known before any frame (each frame's input sets it too). With it and an article,
    // the geometry exists before the first frame: the queries below lay out on demand.
    void SetViewport(float widthCss, float heightCss);
    // Lays the article out for the viewport, if needed (once per width, fonts, column and article), and places what
    // follows the state; no drawing. Needs no ImGui context: the shared fonts measure text outside ImGui. False
    // without an article, a viewport or fonts. Everything below calls it, so it is right before anything is drawn.
    bool EnsureLayout();
    std::string LayoutJson();   // CSS px rectangles of the title, stage nodes, FAQ questions, controls
    float ContentHeightCss();
    // Selects, opens and scrolls to what "#<prefix>stage-<n>" or "#<prefix>faq-<slug>" names.
    bool ApplyDeepLink(const std::string& hash, bool smooth = true) { return Apply(Action::WithText(ActionKind::DeepLink, hash, smooth)); }

    // Focus and keys. `fromKeyboard` shows the focus ring (like :focus-visible).
    void SetFocus(FocusTarget target, bool fromKeyboard) { Apply(Action::Focus(target, fromKeyboard)); }
    FocusTarget focus() const { return focus_; }
    KeyOutcome PressKey(Key key, bool shift);   // applies HandleKey's actions and focus
    bool TypeCharacter(uint32_t codepoint);

    // "light" or "dark" from the host (the CLI's --theme, the element's theme attribute) beats the config.
    void SetForcedTheme(ThemeMode mode) { forcedTheme_ = mode; }
    // The host page's colours (the web element reads them from CSS); see PaletteFor.
    void SetHostColors(const HostColors& colors) { hostColors_ = colors; }
    // The reading column: at most `maxWidthCss` wide; `ownMargins` keeps side margins of its own
    // (natively), otherwise the column fills the canvas up to its width (the host page's margins).
    void SetColumn(float maxWidthCss, bool ownMargins) { view_.SetColumn(maxWidthCss, ownMargins); }
    // The reader's text size (the web: the root font size over 16 px); the article is laid out again for it.
    void SetTextScale(float scale) { fonts_.SetTextScale(scale); }
    // The article's geometry for the current viewport and state (laid out on demand), or null without one.
    const ArticleLayout* Geometry() { return EnsureLayout() ? &view_.geometry() : nullptr; }
    // The section at the top of the view (an index into Document::sections, -1 above the first heading), or
    // kNotLaidOut while the article cannot be laid out yet (no article, no size).
    static constexpr int kNotLaidOut = -2;
    int ReadingSection() { return article_ && EnsureLayout() ? view_.CurrentSection(ScrollY()) : kNotLaidOut; }
    // The article's images: the platform sets the loader and answers into it (ui/image_cache.h).
    ImageCache& images() { return view_.images(); }
    // Sideways scrolling of the code block or table at canvas (x, y) by dx CSS px; false when none moved.
    bool ScrollBlockAt(float x, float y, float dx) { return view_.ScrollBlockAt(x, y + ScrollY(), dx); }

    // [selection] Text selected on the canvas (ui/selection_input.h, core/selection.h).
    const SelectionModel& selection() const { return selection_.model(); }
    std::string SelectionHtml() const { return article_ ? selection_.model().Html(article_->doc) : std::string(); }
    bool SelectAllText();
    // A long press on a phone: the word nearest (x, y), in CSS px of the canvas.
    bool SelectWordAt(float x, float y);
    // The browser's find matched text in the mirror: the canvas scrolls to where `before` meets `after` in the
    // article's text and selects `match` there (the whole matched phrase, across lines and styles; the word there when
    // `match` is empty). False when the canvas does not show that text.
    bool RevealFoundText(const std::string& before, const std::string& after, const std::string& match = std::string());
    // Selects the first occurrence of `text` (spaces collapsed) within one block; false when there is none.
    bool SelectText(const std::string& text);

    // The state (its scrollY is the widget's own; see ScrollY). `stateRevision` changes whenever the
    // stage, the open questions or the filter do: what the accessible mirror shows (core/mirror_state.h).
    const WidgetState& state() const { return state_; }
    int stateRevision() const { return stateRevision_; }
    bool darkTheme() const { return dark_; }
    // The colours drawn with, for the theme, the host's colours and the reader's colour scheme.
    Palette CurrentPalette(bool prefersDark) const;

private:
    void HandleImGuiKeys();
    // Apply's two halves: Perform changes the state, focus and scroll for one action (and those it leads to) and calls
    // no host callback but scrollTo, openUrl and log; Publish bumps the revision and tells the host what changed since
    // `before` (events only when `announce`; the revision always when `always`).
    bool Perform(const Action& action, std::string& error);
    bool PerformStage(const Action& action, std::string& error);          // SelectStage, PreviousStage, NextStage
    bool PerformFaq(const Action& action, std::string& error);            // ToggleFaq, ExpandAll, CollapseAll, SetFilter
    bool PerformDeepLink(const Action& action, std::string& error);
    bool PerformRestoreState(const Action& action, std::string& error);
    void Publish(const WidgetState& before, FocusTarget focusBefore, bool announce, bool always);
    bool PerformScroll(float yCss, bool smooth);
    void Animate(float dt, bool reducedMotion);
    void RevealFocus();
    bool Focusable(FocusTarget target) const;   // in the focus order of the article and state (or None)
    void FollowLink(int link);
    float MaxScroll();
    ViewPresentation Presentation() const;

    HostServices host_;
    std::shared_ptr<const Article> article_;
    WidgetState state_;
    FontLibrary fonts_;
    ArticleView view_;
    SelectionInput selection_;
    std::string error_;
    // Presentation owned here (not widget state): focus and animation progress.
    FocusTarget focus_;
    bool showFocusRing_ = false;
    float stagePosition_ = 0.0f, stageFrom_ = 0.0f, stageClock_ = 1.0f;   // 250 ms ease-out
    std::vector<float> faqOpenness_;                                      // 200 ms ease-out per entry
    std::vector<float> faqClock_;
    bool reducedMotion_ = false;
    float targetScroll_ = 0.0f;
    float viewWidthCss_ = 0.0f, viewHeightCss_ = 0.0f;
    double lastTime_ = -1.0;
    bool animating_ = false;
    int stateRevision_ = 0;
    bool dark_ = false;
    ThemeMode forcedTheme_ = ThemeMode::Auto;
    HostColors hostColors_;
};

} // namespace aw
