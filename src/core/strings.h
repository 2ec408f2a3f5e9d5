// The words the widget shows, in one place: a table of defaults per language, with the config's `strings` on top.
// The canvas (src/ui), the layouts, the HTML and the mirror all read Document::strings, so the drawn view, the
// accessible mirror and the HTML view never say different things, in whatever language the article is.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "script.h"

namespace aw {

// Each string the widget shows; its config name is in the comment. Placeholders in braces are filled in.
enum class UiText : uint8_t {
    UntitledArticle,     // untitledArticle: the header when the article has no title
    Contents,            // contents: over the table of contents (wide canvas), as drawn ("CONTENTS")
    LinkNotFollowed,     // linkNotFollowed: after a refused link's address in its tooltip
    MinutesRead,         // minutesRead: "{n} min read", the line under the title
    Words,               // words: "{n} words", after it
    ThousandsSeparator,  // thousandsSeparator: between groups of three digits in {n} ("1,234")
    Previous,            // previous: the canvas's button, with its arrow ("‹ Previous")
    Next,                // next: "Next ›"
    PreviousStage,       // previousStage: the HTML's button ("Previous stage")
    NextStage,           // nextStage
    Timeline,            // timeline: the timeline's name when its section has no title
    TimelineOf,          // timelineOf: its name with the section's title, "Timeline: {label}"
    TimelineEyebrow,     // timelineEyebrow: over the drawn timeline when its section has no title ("TIMELINE")
    StageOf,             // stageOf: on a stage's card, "STAGE {n} OF {count}"
    TimelineMarkers,     // timelineMarkers: the name of the HTML's list of config markers
    MarkerAt,            // markerAt: after a marker's label in that list, "(at stage {n} of {count})"
    FilterQuestions,     // filterQuestions: the FAQ filter's placeholder and label
    ExpandAll,           // expandAll
    CollapseAll,         // collapseAll
    NoQuestionsMatch,    // noQuestionsMatch: "No questions match “{filter}”."
    QuestionsShown,      // questionsShown: "{n} questions shown" while a filter is on
    BackToReference,     // backToReference: a footnote's back link's label in the HTML, "Back to reference {n}"
    // The element's own words (web/element reads them with the query "strings" once the article is loaded):
    TextView,            // textView: the button that shows the article as HTML
    InteractiveView,     // interactiveView: the same button in the HTML view, back to the drawn one
    NoWebglNote,         // noWebglNote: over the HTML view when the browser offers no WebGL
    NoContextNote,       // noContextNote: over the HTML view while the WebGL context is lost
    LoadingArticle,      // loadingArticle: the status line while the article loads ("Loading article…")
    StillLoading,        // stillLoading: the same after a few seconds
    TryAgain,            // tryAgain: the button after a failed load
    ConfigDefaults,      // configDefaults: the notice over an article whose config could not be used, "... {error}"
    Count
};

// CLDR plural categories. A string's forms are set as "<name>_<category>" ("words_one": "{n} word"); a form
// that is not set falls back to the plain name, which is the "other" form.
enum class PluralForm : uint8_t { Other, Zero, One, Two, Few, Many, Count };

// The form `n` takes in `language` (a primary subtag: "ar", "he", "fr", ...), by CLDR's rules for whole numbers.
PluralForm PluralFormOf(std::string_view language, long n);

// The languages with their own defaults (primary subtags), English first.
inline constexpr std::array<std::string_view, 8> kDefaultLanguages = {"en", "de", "fr", "es", "ja", "zh", "ar", "he"};

// Whether `lang` (a BCP 47 tag) is written right to left: Arabic, Hebrew, Persian, Urdu, Yiddish, ... by its
// primary subtag. An RTL article mirrors the timeline, the cards and the controls (Document::rtl).
bool IsRightToLeftLanguage(std::string_view lang);

// The article's language: the config's `lang` when it gives one; else the host page's (`hostLang`, a tag) when
// it is written in the article's writing system (`articleLetters`: that of its first letters, None for an article
// without letters); else the language those letters tell (Arabic "ar", Hebrew "he", kana "ja", Han "zh", Hangul
// "ko", Greek "el"), or "" (unknown: English words, and no lang in the HTML). So an Arabic article on an English
// page speaks Arabic, and an English one on a Japanese page English.
std::string ArticleLanguage(std::string_view configLang, std::string_view hostLang, WritingSystem articleLetters);

class WidgetStrings {
public:
    WidgetStrings();   // English
    // The defaults of `lang`'s language (a BCP 47 tag; its primary subtag chooses: "ar-EG" gets Arabic, a
    // language without defaults English), with `overrides` (name -> text, the config's `strings`) on top.
    // Names StringNameError refuses are ignored (the config refuses them first).
    static WidgetStrings For(std::string_view lang, const std::map<std::string, std::string>& overrides = {});

    const std::string& operator[](UiText text) const { return texts_[Index(text)][0]; }
    // The form of `text` that goes with the number `n`.
    const std::string& Counted(UiText text, long n) const;
    const std::string& language() const { return language_; }   // the language whose defaults and plural rules apply

private:
    static size_t Index(UiText text) { return static_cast<size_t>(text); }
    void Set(std::string_view name, std::string_view text);
    void Replace(const std::vector<std::pair<std::string_view, std::string_view>>& entries);
    std::string language_ = "en";
    std::array<std::array<std::string, static_cast<size_t>(PluralForm::Count)>, static_cast<size_t>(UiText::Count)> texts_;
};

// The config name of `text` ("textView").
std::string_view UiTextName(UiText text);

// "" when the config may set `name` ("words", "words_one", ...), else a one-line reason.
std::string StringNameError(std::string_view name);

// `pattern` with each "{name}" of `values` replaced (once: the values are not searched again); other braces kept.
std::string FillPlaceholders(std::string_view pattern, std::initializer_list<std::pair<std::string_view, std::string_view>> values);

// "5 min read · 1,234 words": the line under the title.
std::string ReadingMeta(const WidgetStrings& strings, int readingMinutes, int wordCount);
// The timeline's name: "Timeline", or "Timeline: <label>" when its section has a title (`label`).
std::string TimelineName(const WidgetStrings& strings, const std::string& label);
// The eyebrow over the drawn timeline: the section's title in capitals, or "TIMELINE".
std::string TimelineEyebrow(const WidgetStrings& strings, const std::string& label);
// "STAGE 2 OF 3" (`stage` from 0).
std::string StageOfCount(const WidgetStrings& strings, int stage, int count);
// A config marker's place in the HTML's list: "(at stage 1.5 of 3)" (`position` from 0).
std::string MarkerPlace(const WidgetStrings& strings, float position, size_t stages);
// What the FAQ's filter shows: "" without a filter, "2 questions shown", or "No questions match “x”.".
std::string FaqFilterStatus(const WidgetStrings& strings, const std::string& filter, int shown);

} // namespace aw
