// The widget's strings (see strings.h): the defaults of each language, plural rules, and the strings built from them.
// [SECTION] names and defaults  [SECTION] plural rules  [SECTION] WidgetStrings  [SECTION] built strings
#include "strings.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "text_util.h"

namespace aw {

// [SECTION] names and defaults ----------------------------------------------------
namespace {

// The config's names, in UiText order.
constexpr const char* kNames[] = {
    "untitledArticle", "contents", "linkNotFollowed", "minutesRead", "words", "thousandsSeparator", "previous", "next",
    "previousStage", "nextStage", "timeline", "timelineOf", "timelineEyebrow", "stageOf", "timelineMarkers", "markerAt",
    "filterQuestions", "expandAll", "collapseAll", "noQuestionsMatch", "questionsShown", "backToReference",
    "textView", "interactiveView", "noWebglNote", "noContextNote", "loadingArticle", "stillLoading", "tryAgain", "configDefaults",
};
static_assert(std::size(kNames) == static_cast<size_t>(UiText::Count), "one config name per UiText");

constexpr const char* kFormNames[] = {"other", "zero", "one", "two", "few", "many"};
static_assert(std::size(kFormNames) == static_cast<size_t>(PluralForm::Count), "one suffix per PluralForm");

struct DefaultString { const char* lang; const char* name; const char* text; };

// Every language's texts, by config name; English is complete and the others fall back to it.
constexpr DefaultString kDefaults[] = {
    {"en", "untitledArticle", "Untitled article"}, {"en", "contents", "CONTENTS"}, {"en", "linkNotFollowed", "(not followed)"},
    {"en", "minutesRead", "{n} min read"}, {"en", "words", "{n} words"}, {"en", "words_one", "{n} word"},
    {"en", "thousandsSeparator", ","}, {"en", "previous", "\xE2\x80\xB9 Previous"}, {"en", "next", "Next \xE2\x80\xBA"},
    {"en", "previousStage", "Previous stage"}, {"en", "nextStage", "Next stage"}, {"en", "timeline", "Timeline"},
    {"en", "timelineOf", "Timeline: {label}"}, {"en", "timelineEyebrow", "TIMELINE"}, {"en", "stageOf", "STAGE {n} OF {count}"},
    {"en", "timelineMarkers", "Markers on the timeline"}, {"en", "markerAt", "(at stage {n} of {count})"},
    {"en", "filterQuestions", "Filter questions"}, {"en", "expandAll", "Expand all"}, {"en", "collapseAll", "Collapse all"},
    {"en", "noQuestionsMatch", "No questions match \xE2\x80\x9C{filter}\xE2\x80\x9D."},
    {"en", "questionsShown", "{n} questions shown"}, {"en", "questionsShown_one", "{n} question shown"},
    {"en", "backToReference", "Back to reference {n}"},

    {"de", "untitledArticle", "Unbenannter Artikel"}, {"de", "contents", "INHALT"}, {"de", "linkNotFollowed", "(nicht ge\xC3\xB6" "ffnet)"},
    {"de", "minutesRead", "{n} Min. Lesezeit"}, {"de", "words", "{n} W\xC3\xB6rter"}, {"de", "words_one", "{n} Wort"},
    {"de", "thousandsSeparator", "."}, {"de", "previous", "\xE2\x80\xB9 Zur\xC3\xBC" "ck"}, {"de", "next", "Weiter \xE2\x80\xBA"},
    {"de", "previousStage", "Vorherige Etappe"}, {"de", "nextStage", "N\xC3\xA4" "chste Etappe"}, {"de", "timeline", "Zeitleiste"},
    {"de", "timelineOf", "Zeitleiste: {label}"}, {"de", "timelineEyebrow", "ZEITLEISTE"}, {"de", "stageOf", "ETAPPE {n} VON {count}"},
    {"de", "timelineMarkers", "Markierungen auf der Zeitleiste"}, {"de", "markerAt", "(bei Etappe {n} von {count})"},
    {"de", "filterQuestions", "Fragen filtern"}, {"de", "expandAll", "Alle aufklappen"}, {"de", "collapseAll", "Alle zuklappen"},
    {"de", "noQuestionsMatch", "Keine Frage passt zu \xE2\x80\x9E{filter}\xE2\x80\x9C."},
    {"de", "questionsShown", "{n} Fragen angezeigt"}, {"de", "questionsShown_one", "{n} Frage angezeigt"},
    {"de", "backToReference", "Zur\xC3\xBC" "ck zum Verweis {n}"},

    {"fr", "untitledArticle", "Article sans titre"}, {"fr", "contents", "SOMMAIRE"}, {"fr", "linkNotFollowed", "(lien non suivi)"},
    {"fr", "minutesRead", "{n} min de lecture"}, {"fr", "words", "{n} mots"}, {"fr", "words_one", "{n} mot"},
    {"fr", "thousandsSeparator", "\xC2\xA0"}, {"fr", "previous", "\xE2\x80\xB9 Pr\xC3\xA9" "c\xC3\xA9" "dent"},
    {"fr", "next", "Suivant \xE2\x80\xBA"}, {"fr", "previousStage", "\xC3\x89tape pr\xC3\xA9" "c\xC3\xA9" "dente"},
    {"fr", "nextStage", "\xC3\x89tape suivante"}, {"fr", "timeline", "Chronologie"}, {"fr", "timelineOf", "Chronologie\xC2\xA0: {label}"},
    {"fr", "timelineEyebrow", "CHRONOLOGIE"}, {"fr", "stageOf", "\xC3\x89TAPE {n} SUR {count}"},
    {"fr", "timelineMarkers", "Rep\xC3\xA8res sur la chronologie"}, {"fr", "markerAt", "(\xC3\xA0 l\xE2\x80\x99\xC3\xA9tape {n} sur {count})"},
    {"fr", "filterQuestions", "Filtrer les questions"}, {"fr", "expandAll", "Tout d\xC3\xA9plier"}, {"fr", "collapseAll", "Tout replier"},
    {"fr", "noQuestionsMatch", "Aucune question ne correspond \xC3\xA0 \xC2\xAB\xC2\xA0{filter}\xC2\xA0\xC2\xBB."},
    {"fr", "questionsShown", "{n} questions affich\xC3\xA9" "es"}, {"fr", "questionsShown_one", "{n} question affich\xC3\xA9" "e"},
    {"fr", "backToReference", "Retour \xC3\xA0 la r\xC3\xA9" "f\xC3\xA9rence {n}"},

    {"es", "untitledArticle", "Art\xC3\xAD" "culo sin t\xC3\xADtulo"}, {"es", "contents", "CONTENIDO"}, {"es", "linkNotFollowed", "(enlace no seguido)"},
    {"es", "minutesRead", "{n} min de lectura"}, {"es", "words", "{n} palabras"}, {"es", "words_one", "{n} palabra"},
    {"es", "thousandsSeparator", "."}, {"es", "previous", "\xE2\x80\xB9 Anterior"}, {"es", "next", "Siguiente \xE2\x80\xBA"},
    {"es", "previousStage", "Etapa anterior"}, {"es", "nextStage", "Etapa siguiente"}, {"es", "timeline", "Cronolog\xC3\xAD" "a"},
    {"es", "timelineOf", "Cronolog\xC3\xAD" "a: {label}"}, {"es", "timelineEyebrow", "CRONOLOG\xC3\x8D" "A"}, {"es", "stageOf", "ETAPA {n} DE {count}"},
    {"es", "timelineMarkers", "Marcas en la cronolog\xC3\xAD" "a"}, {"es", "markerAt", "(en la etapa {n} de {count})"},
    {"es", "filterQuestions", "Filtrar preguntas"}, {"es", "expandAll", "Expandir todo"}, {"es", "collapseAll", "Contraer todo"},
    {"es", "noQuestionsMatch", "Ninguna pregunta coincide con \xC2\xAB{filter}\xC2\xBB."},
    {"es", "questionsShown", "{n} preguntas mostradas"}, {"es", "questionsShown_one", "{n} pregunta mostrada"},
    {"es", "backToReference", "Volver a la referencia {n}"},

    // 無題の記事, 目次, （リンクは開きません）, {n}分で読めます, {n}語, ‹ 前へ, 次へ ›, 前の段階, 次の段階, タイムライン, ...
    {"ja", "untitledArticle", "\xE7\x84\xA1\xE9\xA1\x8C\xE3\x81\xAE\xE8\xA8\x98\xE4\xBA\x8B"}, {"ja", "contents", "\xE7\x9B\xAE\xE6\xAC\xA1"},
    {"ja", "linkNotFollowed", "\xEF\xBC\x88\xE3\x83\xAA\xE3\x83\xB3\xE3\x82\xAF\xE3\x81\xAF\xE9\x96\x8B\xE3\x81\x8D\xE3\x81\xBE\xE3\x81\x9B\xE3\x82\x93\xEF\xBC\x89"},
    {"ja", "minutesRead", "{n}\xE5\x88\x86\xE3\x81\xA7\xE8\xAA\xAD\xE3\x82\x81\xE3\x81\xBE\xE3\x81\x99"}, {"ja", "words", "{n}\xE8\xAA\x9E"},
    {"ja", "previous", "\xE2\x80\xB9 \xE5\x89\x8D\xE3\x81\xB8"}, {"ja", "next", "\xE6\xAC\xA1\xE3\x81\xB8 \xE2\x80\xBA"},
    {"ja", "previousStage", "\xE5\x89\x8D\xE3\x81\xAE\xE6\xAE\xB5\xE9\x9A\x8E"}, {"ja", "nextStage", "\xE6\xAC\xA1\xE3\x81\xAE\xE6\xAE\xB5\xE9\x9A\x8E"},
    {"ja", "timeline", "\xE3\x82\xBF\xE3\x82\xA4\xE3\x83\xA0\xE3\x83\xA9\xE3\x82\xA4\xE3\x83\xB3"},
    {"ja", "timelineOf", "\xE3\x82\xBF\xE3\x82\xA4\xE3\x83\xA0\xE3\x83\xA9\xE3\x82\xA4\xE3\x83\xB3\xEF\xBC\x9A{label}"},
    {"ja", "timelineEyebrow", "\xE3\x82\xBF\xE3\x82\xA4\xE3\x83\xA0\xE3\x83\xA9\xE3\x82\xA4\xE3\x83\xB3"},
    {"ja", "stageOf", "\xE6\xAE\xB5\xE9\x9A\x8E {n} / {count}"},                                           // 段階 n / m
    {"ja", "timelineMarkers", "\xE3\x82\xBF\xE3\x82\xA4\xE3\x83\xA0\xE3\x83\xA9\xE3\x82\xA4\xE3\x83\xB3\xE4\xB8\x8A\xE3\x81\xAE\xE3\x83\x9E\xE3\x83\xBC\xE3\x82\xAB\xE3\x83\xBC"},
    {"ja", "markerAt", "\xEF\xBC\x88\xE6\xAE\xB5\xE9\x9A\x8E {n} / {count}\xEF\xBC\x89"},
    {"ja", "filterQuestions", "\xE8\xB3\xAA\xE5\x95\x8F\xE3\x82\x92\xE7\xB5\x9E\xE3\x82\x8A\xE8\xBE\xBC\xE3\x82\x80"},   // 質問を絞り込む
    {"ja", "expandAll", "\xE3\x81\x99\xE3\x81\xB9\xE3\x81\xA6\xE9\x96\x8B\xE3\x81\x8F"},                          // すべて開く
    {"ja", "collapseAll", "\xE3\x81\x99\xE3\x81\xB9\xE3\x81\xA6\xE9\x96\x89\xE3\x81\x98\xE3\x82\x8B"},            // すべて閉じる
    {"ja", "noQuestionsMatch", "\xE3\x80\x8C{filter}\xE3\x80\x8D\xE3\x81\xAB\xE4\xB8\x80\xE8\x87\xB4\xE3\x81\x99\xE3\x82\x8B\xE8\xB3\xAA\xE5\x95\x8F\xE3\x81\xAF\xE3\x81\x82\xE3\x82\x8A\xE3\x81\xBE\xE3\x81\x9B\xE3\x82\x93\xE3\x80\x82"},
    {"ja", "questionsShown", "{n}\xE4\xBB\xB6\xE3\x81\xAE\xE8\xB3\xAA\xE5\x95\x8F\xE3\x82\x92\xE8\xA1\xA8\xE7\xA4\xBA\xE4\xB8\xAD"},   // n件の質問を表示中
    {"ja", "backToReference", "\xE5\x8F\x82\xE7\x85\xA7 {n} \xE3\x81\xAB\xE6\x88\xBB\xE3\x82\x8B"},                // 参照 n に戻る

    // 无标题文章, 目录, （未打开链接）, 阅读约需{n}分钟, {n}字, ‹ 上一步, 下一步 ›, 上一阶段, 下一阶段, 时间线, ...
    {"zh", "untitledArticle", "\xE6\x97\xA0\xE6\xA0\x87\xE9\xA2\x98\xE6\x96\x87\xE7\xAB\xA0"}, {"zh", "contents", "\xE7\x9B\xAE\xE5\xBD\x95"},
    {"zh", "linkNotFollowed", "\xEF\xBC\x88\xE6\x9C\xAA\xE6\x89\x93\xE5\xBC\x80\xE9\x93\xBE\xE6\x8E\xA5\xEF\xBC\x89"},
    {"zh", "minutesRead", "\xE9\x98\x85\xE8\xAF\xBB\xE7\xBA\xA6\xE9\x9C\x80{n}\xE5\x88\x86\xE9\x92\x9F"}, {"zh", "words", "{n}\xE5\xAD\x97"},
    {"zh", "previous", "\xE2\x80\xB9 \xE4\xB8\x8A\xE4\xB8\x80\xE6\xAD\xA5"}, {"zh", "next", "\xE4\xB8\x8B\xE4\xB8\x80\xE6\xAD\xA5 \xE2\x80\xBA"},
    {"zh", "previousStage", "\xE4\xB8\x8A\xE4\xB8\x80\xE9\x98\xB6\xE6\xAE\xB5"}, {"zh", "nextStage", "\xE4\xB8\x8B\xE4\xB8\x80\xE9\x98\xB6\xE6\xAE\xB5"},
    {"zh", "timeline", "\xE6\x97\xB6\xE9\x97\xB4\xE7\xBA\xBF"}, {"zh", "timelineOf", "\xE6\x97\xB6\xE9\x97\xB4\xE7\xBA\xBF\xEF\xBC\x9A{label}"},
    {"zh", "timelineEyebrow", "\xE6\x97\xB6\xE9\x97\xB4\xE7\xBA\xBF"},
    {"zh", "stageOf", "\xE7\xAC\xAC {n} \xE9\x98\xB6\xE6\xAE\xB5\xEF\xBC\x8C\xE5\x85\xB1 {count} \xE4\xB8\xAA"},   // 第 n 阶段，共 m 个
    {"zh", "timelineMarkers", "\xE6\x97\xB6\xE9\x97\xB4\xE7\xBA\xBF\xE4\xB8\x8A\xE7\x9A\x84\xE6\xA0\x87\xE8\xAE\xB0"},
    {"zh", "markerAt", "\xEF\xBC\x88\xE7\xAC\xAC {n} \xE9\x98\xB6\xE6\xAE\xB5\xEF\xBC\x8C\xE5\x85\xB1 {count} \xE4\xB8\xAA\xEF\xBC\x89"},
    {"zh", "filterQuestions", "\xE7\xAD\x9B\xE9\x80\x89\xE9\x97\xAE\xE9\xA2\x98"},                 // 筛选问题
    {"zh", "expandAll", "\xE5\x85\xA8\xE9\x83\xA8\xE5\xB1\x95\xE5\xBC\x80"},                       // 全部展开
    {"zh", "collapseAll", "\xE5\x85\xA8\xE9\x83\xA8\xE6\x94\xB6\xE8\xB5\xB7"},                     // 全部收起
    {"zh", "noQuestionsMatch", "\xE6\xB2\xA1\xE6\x9C\x89\xE4\xB8\x8E\xE2\x80\x9C{filter}\xE2\x80\x9D\xE5\x8C\xB9\xE9\x85\x8D\xE7\x9A\x84\xE9\x97\xAE\xE9\xA2\x98\xE3\x80\x82"},
    {"zh", "questionsShown", "\xE6\x98\xBE\xE7\xA4\xBA {n} \xE4\xB8\xAA\xE9\x97\xAE\xE9\xA2\x98"},   // 显示 n 个问题
    {"zh", "backToReference", "\xE8\xBF\x94\xE5\x9B\x9E\xE5\xBC\x95\xE7\x94\xA8 {n}"},             // 返回引用 n

    // Arabic has all six plural forms: دقيقة واحدة, دقيقتان, 3 دقائق, 11 دقيقة; كلمة واحدة, كلمتان, 3 كلمات, 11 كلمة.
    {"ar", "untitledArticle", "\xD9\x85\xD9\x82\xD8\xA7\xD9\x84 \xD8\xA8\xD9\x84\xD8\xA7 \xD8\xB9\xD9\x86\xD9\x88\xD8\xA7\xD9\x86"},   // مقال بلا عنوان
    {"ar", "contents", "\xD8\xA7\xD9\x84\xD9\x85\xD8\xAD\xD8\xAA\xD9\x88\xD9\x8A\xD8\xA7\xD8\xAA"},                                     // المحتويات
    {"ar", "linkNotFollowed", "(\xD9\x84\xD9\x85 \xD9\x8A\xD9\x8F\xD9\x81\xD8\xAA\xD8\xAD)"},                                           // (لم يُفتح)
    {"ar", "minutesRead", "{n} \xD8\xAF\xD9\x82\xD9\x8A\xD9\x82\xD8\xA9 \xD9\x84\xD9\x84\xD9\x82\xD8\xB1\xD8\xA7\xD8\xA1\xD8\xA9"},      // {n} دقيقة للقراءة
    {"ar", "minutesRead_one", "\xD8\xAF\xD9\x82\xD9\x8A\xD9\x82\xD8\xA9 \xD9\x88\xD8\xA7\xD8\xAD\xD8\xAF\xD8\xA9 \xD9\x84\xD9\x84\xD9\x82\xD8\xB1\xD8\xA7\xD8\xA1\xD8\xA9"},   // دقيقة واحدة للقراءة
    {"ar", "minutesRead_two", "\xD8\xAF\xD9\x82\xD9\x8A\xD9\x82\xD8\xAA\xD8\xA7\xD9\x86 \xD9\x84\xD9\x84\xD9\x82\xD8\xB1\xD8\xA7\xD8\xA1\xD8\xA9"},                        // دقيقتان للقراءة
    {"ar", "minutesRead_few", "{n} \xD8\xAF\xD9\x82\xD8\xA7\xD8\xA6\xD9\x82 \xD9\x84\xD9\x84\xD9\x82\xD8\xB1\xD8\xA7\xD8\xA1\xD8\xA9"},  // {n} دقائق للقراءة
    {"ar", "words", "{n} \xD9\x83\xD9\x84\xD9\x85\xD8\xA9"},                                                                          // {n} كلمة
    {"ar", "words_zero", "\xD9\x84\xD8\xA7 \xD9\x83\xD9\x84\xD9\x85\xD8\xA7\xD8\xAA"},                                                 // لا كلمات
    {"ar", "words_one", "\xD9\x83\xD9\x84\xD9\x85\xD8\xA9 \xD9\x88\xD8\xA7\xD8\xAD\xD8\xAF\xD8\xA9"},                                    // كلمة واحدة
    {"ar", "words_two", "\xD9\x83\xD9\x84\xD9\x85\xD8\xAA\xD8\xA7\xD9\x86"},                                                           // كلمتان
    {"ar", "words_few", "{n} \xD9\x83\xD9\x84\xD9\x85\xD8\xA7\xD8\xAA"},                                                              // {n} كلمات
    {"ar", "previous", "\xE2\x80\xB9 \xD8\xA7\xD9\x84\xD8\xB3\xD8\xA7\xD8\xA8\xD9\x82"},                                                // ‹ السابق
    {"ar", "next", "\xD8\xA7\xD9\x84\xD8\xAA\xD8\xA7\xD9\x84\xD9\x8A \xE2\x80\xBA"},                                                    // التالي ›
    {"ar", "previousStage", "\xD8\xA7\xD9\x84\xD9\x85\xD8\xB1\xD8\xAD\xD9\x84\xD8\xA9 \xD8\xA7\xD9\x84\xD8\xB3\xD8\xA7\xD8\xA8\xD9\x82\xD8\xA9"},   // المرحلة السابقة
    {"ar", "nextStage", "\xD8\xA7\xD9\x84\xD9\x85\xD8\xB1\xD8\xAD\xD9\x84\xD8\xA9 \xD8\xA7\xD9\x84\xD8\xAA\xD8\xA7\xD9\x84\xD9\x8A\xD8\xA9"},       // المرحلة التالية
    {"ar", "timeline", "\xD8\xA7\xD9\x84\xD8\xAE\xD8\xB7 \xD8\xA7\xD9\x84\xD8\xB2\xD9\x85\xD9\x86\xD9\x8A"},                              // الخط الزمني
    {"ar", "timelineOf", "\xD8\xA7\xD9\x84\xD8\xAE\xD8\xB7 \xD8\xA7\xD9\x84\xD8\xB2\xD9\x85\xD9\x86\xD9\x8A: {label}"},
    {"ar", "timelineEyebrow", "\xD8\xA7\xD9\x84\xD8\xAE\xD8\xB7 \xD8\xA7\xD9\x84\xD8\xB2\xD9\x85\xD9\x86\xD9\x8A"},
    {"ar", "stageOf", "\xD8\xA7\xD9\x84\xD9\x85\xD8\xB1\xD8\xAD\xD9\x84\xD8\xA9 {n} \xD9\x85\xD9\x86 {count}"},                          // المرحلة n من m
    {"ar", "timelineMarkers", "\xD8\xB9\xD9\x84\xD8\xA7\xD9\x85\xD8\xA7\xD8\xAA \xD8\xB9\xD9\x84\xD9\x89 \xD8\xA7\xD9\x84\xD8\xAE\xD8\xB7 \xD8\xA7\xD9\x84\xD8\xB2\xD9\x85\xD9\x86\xD9\x8A"},   // علامات على الخط الزمني
    {"ar", "markerAt", "(\xD8\xB9\xD9\x86\xD8\xAF \xD8\xA7\xD9\x84\xD9\x85\xD8\xB1\xD8\xAD\xD9\x84\xD8\xA9 {n} \xD9\x85\xD9\x86 {count})"},         // (عند المرحلة n من m)
    {"ar", "filterQuestions", "\xD8\xAA\xD8\xB5\xD9\x81\xD9\x8A\xD8\xA9 \xD8\xA7\xD9\x84\xD8\xA3\xD8\xB3\xD8\xA6\xD9\x84\xD8\xA9"},        // تصفية الأسئلة
    {"ar", "expandAll", "\xD8\xAA\xD9\x88\xD8\xB3\xD9\x8A\xD8\xB9 \xD8\xA7\xD9\x84\xD9\x83\xD9\x84"},                                    // توسيع الكل
    {"ar", "collapseAll", "\xD8\xB7\xD9\x8A \xD8\xA7\xD9\x84\xD9\x83\xD9\x84"},                                                        // طي الكل
    {"ar", "noQuestionsMatch", "\xD9\x84\xD8\xA7 \xD8\xAA\xD9\x88\xD8\xAC\xD8\xAF \xD8\xA3\xD8\xB3\xD8\xA6\xD9\x84\xD8\xA9 \xD8\xAA\xD8\xB7\xD8\xA7\xD8\xA8\xD9\x82 \xC2\xAB{filter}\xC2\xBB."},   // لا توجد أسئلة تطابق «x».
    {"ar", "questionsShown", "{n} \xD8\xB3\xD8\xA4\xD8\xA7\xD9\x84 \xD9\x85\xD8\xB9\xD8\xB1\xD9\x88\xD8\xB6"},                            // {n} سؤال معروض
    {"ar", "questionsShown_one", "\xD8\xB3\xD8\xA4\xD8\xA7\xD9\x84 \xD9\x88\xD8\xA7\xD8\xAD\xD8\xAF \xD9\x85\xD8\xB9\xD8\xB1\xD9\x88\xD8\xB6"},   // سؤال واحد معروض
    {"ar", "questionsShown_two", "\xD8\xB3\xD8\xA4\xD8\xA7\xD9\x84\xD8\xA7\xD9\x86 \xD9\x85\xD8\xB9\xD8\xB1\xD9\x88\xD8\xB6\xD8\xA7\xD9\x86"},    // سؤالان معروضان
    {"ar", "questionsShown_few", "{n} \xD8\xA3\xD8\xB3\xD8\xA6\xD9\x84\xD8\xA9 \xD9\x85\xD8\xB9\xD8\xB1\xD9\x88\xD8\xB6\xD8\xA9"},          // {n} أسئلة معروضة
    {"ar", "backToReference", "\xD8\xA7\xD9\x84\xD8\xB9\xD9\x88\xD8\xAF\xD8\xA9 \xD8\xA5\xD9\x84\xD9\x89 \xD8\xA7\xD9\x84\xD8\xA5\xD8\xB4\xD8\xA7\xD8\xB1\xD8\xA9 {n}"},   // العودة إلى الإشارة n

    {"he", "untitledArticle", "\xD7\x9E\xD7\x90\xD7\x9E\xD7\xA8 \xD7\x9C\xD7\x9C\xD7\x90 \xD7\x9B\xD7\x95\xD7\xAA\xD7\xA8\xD7\xAA"},      // מאמר ללא כותרת
    {"he", "contents", "\xD7\xAA\xD7\x95\xD7\x9B\xD7\x9F \xD7\x94\xD7\xA2\xD7\xA0\xD7\x99\xD7\x99\xD7\xA0\xD7\x99\xD7\x9D"},              // תוכן העניינים
    {"he", "linkNotFollowed", "(\xD7\x94\xD7\xA7\xD7\x99\xD7\xA9\xD7\x95\xD7\xA8 \xD7\x9C\xD7\x90 \xD7\xA0\xD7\xA4\xD7\xAA\xD7\x97)"},    // (הקישור לא נפתח)
    {"he", "minutesRead", "{n} \xD7\x93\xD7\xA7\xD7\x95\xD7\xAA \xD7\xA7\xD7\xA8\xD7\x99\xD7\x90\xD7\x94"},                              // {n} דקות קריאה
    {"he", "minutesRead_one", "\xD7\x93\xD7\xA7\xD7\xAA \xD7\xA7\xD7\xA8\xD7\x99\xD7\x90\xD7\x94 \xD7\x90\xD7\x97\xD7\xAA"},             // דקת קריאה אחת
    {"he", "words", "{n} \xD7\x9E\xD7\x99\xD7\x9C\xD7\x99\xD7\x9D"},                                                                // {n} מילים
    {"he", "words_one", "\xD7\x9E\xD7\x99\xD7\x9C\xD7\x94 \xD7\x90\xD7\x97\xD7\xAA"},                                                  // מילה אחת
    {"he", "previous", "\xE2\x80\xB9 \xD7\x94\xD7\xA7\xD7\x95\xD7\x93\xD7\x9D"},                                                        // ‹ הקודם
    {"he", "next", "\xD7\x94\xD7\x91\xD7\x90 \xE2\x80\xBA"},                                                                          // הבא ›
    {"he", "previousStage", "\xD7\x94\xD7\xA9\xD7\x9C\xD7\x91 \xD7\x94\xD7\xA7\xD7\x95\xD7\x93\xD7\x9D"},                               // השלב הקודם
    {"he", "nextStage", "\xD7\x94\xD7\xA9\xD7\x9C\xD7\x91 \xD7\x94\xD7\x91\xD7\x90"},                                                  // השלב הבא
    {"he", "timeline", "\xD7\xA6\xD7\x99\xD7\xA8 \xD7\x96\xD7\x9E\xD7\x9F"},                                                          // ציר זמן
    {"he", "timelineOf", "\xD7\xA6\xD7\x99\xD7\xA8 \xD7\x96\xD7\x9E\xD7\x9F: {label}"},
    {"he", "timelineEyebrow", "\xD7\xA6\xD7\x99\xD7\xA8 \xD7\x96\xD7\x9E\xD7\x9F"},
    {"he", "stageOf", "\xD7\xA9\xD7\x9C\xD7\x91 {n} \xD7\x9E\xD7\xAA\xD7\x95\xD7\x9A {count}"},                                        // שלב n מתוך m
    {"he", "timelineMarkers", "\xD7\xA1\xD7\x99\xD7\x9E\xD7\x95\xD7\xA0\xD7\x99\xD7\x9D \xD7\xA2\xD7\x9C \xD7\xA6\xD7\x99\xD7\xA8 \xD7\x94\xD7\x96\xD7\x9E\xD7\x9F"},   // סימונים על ציר הזמן
    {"he", "markerAt", "(\xD7\x91\xD7\xA9\xD7\x9C\xD7\x91 {n} \xD7\x9E\xD7\xAA\xD7\x95\xD7\x9A {count})"},                              // (בשלב n מתוך m)
    {"he", "filterQuestions", "\xD7\xA1\xD7\x99\xD7\xA0\xD7\x95\xD7\x9F \xD7\xA9\xD7\x90\xD7\x9C\xD7\x95\xD7\xAA"},                      // סינון שאלות
    {"he", "expandAll", "\xD7\x94\xD7\xA8\xD7\x97\xD7\x91\xD7\xAA \xD7\x94\xD7\x9B\xD7\x95\xD7\x9C"},                                  // הרחבת הכול
    {"he", "collapseAll", "\xD7\x9B\xD7\x99\xD7\x95\xD7\x95\xD7\xA5 \xD7\x94\xD7\x9B\xD7\x95\xD7\x9C"},                                // כיווץ הכול
    {"he", "noQuestionsMatch", "\xD7\x90\xD7\x99\xD7\x9F \xD7\xA9\xD7\x90\xD7\x9C\xD7\x95\xD7\xAA \xD7\xA9\xD7\x9E\xD7\xAA\xD7\x90\xD7\x99\xD7\x9E\xD7\x95\xD7\xAA \xD7\x9C\xD6\xBE\xE2\x80\x9D{filter}\xE2\x80\x9D."},   // אין שאלות שמתאימות ל־”x”.
    {"he", "questionsShown", "{n} \xD7\xA9\xD7\x90\xD7\x9C\xD7\x95\xD7\xAA \xD7\x9E\xD7\x95\xD7\xA6\xD7\x92\xD7\x95\xD7\xAA"},          // {n} שאלות מוצגות
    {"he", "questionsShown_one", "\xD7\xA9\xD7\x90\xD7\x9C\xD7\x94 \xD7\x90\xD7\x97\xD7\xAA \xD7\x9E\xD7\x95\xD7\xA6\xD7\x92\xD7\xAA"}, // שאלה אחת מוצגת
    {"he", "backToReference", "\xD7\x97\xD7\x96\xD7\xA8\xD7\x94 \xD7\x9C\xD7\x94\xD7\xA4\xD7\xA0\xD7\x99\xD7\x94 {n}"},                 // חזרה להפניה n

    // The element's own words (web/element): its view button, its notes, its loading and error lines. The English
    // rows are also the element's words before the module has loaded (a page's first load): cmake/web_package.cmake
    // reads them from here into its script, so they are written as UTF-8 text, one row per line.
    {"en", "textView", "Text view"},
    {"en", "interactiveView", "Interactive view"},
    {"en", "noWebglNote", "The drawn view needs WebGL, which this browser does not offer; this is the same article as a page."},
    {"en", "noContextNote", "The drawn view is unavailable for now; this is the same article as a page."},
    {"en", "loadingArticle", "Loading article…"},
    {"en", "stillLoading", "Still loading the article… (the server is slow)"},
    {"en", "tryAgain", "Try again"},
    {"en", "configDefaults", "The config could not be used, so the defaults apply: {error}"},
    {"de", "textView", "Textansicht"},
    {"de", "interactiveView", "Interaktive Ansicht"},
    {"de", "noWebglNote", "Die gezeichnete Ansicht braucht WebGL, das dieser Browser nicht bietet; dies ist derselbe Artikel als Seite."},
    {"de", "noContextNote", "Die gezeichnete Ansicht ist gerade nicht verf\xC3\xBCgbar; dies ist derselbe Artikel als Seite."},   // Die gezeichnete Ansicht ist gerade nicht verfügbar; dies ist derselbe Artikel als Seite.
    {"de", "loadingArticle", "Artikel wird geladen\xE2\x80\xA6"},   // Artikel wird geladen…
    {"de", "stillLoading", "Der Artikel wird noch geladen\xE2\x80\xA6 (der Server ist langsam)"},   // Der Artikel wird noch geladen… (der Server ist langsam)
    {"de", "tryAgain", "Erneut versuchen"},
    {"de", "configDefaults", "Die Konfiguration ist fehlerhaft, es gelten die Voreinstellungen: {error}"},
    {"fr", "textView", "Vue texte"},
    {"fr", "interactiveView", "Vue interactive"},
    {"fr", "noWebglNote", "La vue dessin\xC3\xA9" "e n\xC3\xA9" "cessite WebGL, que ce navigateur n\xE2\x80\x99offre pas ; voici le m\xC3\xAAme article sous forme de page."},   // La vue dessinée nécessite WebGL, que ce navigateur n’offre pas ; voici le même article sous forme de page.
    {"fr", "noContextNote", "La vue dessin\xC3\xA9" "e est indisponible pour le moment ; voici le m\xC3\xAAme article sous forme de page."},   // La vue dessinée est indisponible pour le moment ; voici le même article sous forme de page.
    {"fr", "loadingArticle", "Chargement de l\xE2\x80\x99" "article\xE2\x80\xA6"},   // Chargement de l’article…
    {"fr", "stillLoading", "Chargement de l\xE2\x80\x99" "article en cours\xE2\x80\xA6 (le serveur est lent)"},   // Chargement de l’article en cours… (le serveur est lent)
    {"fr", "tryAgain", "R\xC3\xA9" "essayer"},   // Réessayer
    {"fr", "configDefaults", "La configuration est invalide, les r\xC3\xA9glages par d\xC3\xA9" "faut s\xE2\x80\x99" "appliquent : {error}"},   // La configuration est invalide, les réglages par défaut s’appliquent : {error}
    {"es", "textView", "Vista de texto"},
    {"es", "interactiveView", "Vista interactiva"},
    {"es", "noWebglNote", "La vista dibujada necesita WebGL, que este navegador no ofrece; este es el mismo art\xC3\xAD" "culo como p\xC3\xA1gina."},   // La vista dibujada necesita WebGL, que este navegador no ofrece; este es el mismo artículo como página.
    {"es", "noContextNote", "La vista dibujada no est\xC3\xA1 disponible por ahora; este es el mismo art\xC3\xAD" "culo como p\xC3\xA1gina."},   // La vista dibujada no está disponible por ahora; este es el mismo artículo como página.
    {"es", "loadingArticle", "Cargando el art\xC3\xAD" "culo\xE2\x80\xA6"},   // Cargando el artículo…
    {"es", "stillLoading", "Todav\xC3\xAD" "a cargando el art\xC3\xAD" "culo\xE2\x80\xA6 (el servidor es lento)"},   // Todavía cargando el artículo… (el servidor es lento)
    {"es", "tryAgain", "Reintentar"},
    {"es", "configDefaults", "La configuraci\xC3\xB3n no es v\xC3\xA1lida; se aplican los valores predeterminados: {error}"},   // La configuración no es válida; se aplican los valores predeterminados: {error}
    {"ja", "textView", "\xE3\x83\x86\xE3\x82\xAD\xE3\x82\xB9\xE3\x83\x88\xE8\xA1\xA8\xE7\xA4\xBA"},   // テキスト表示
    {"ja", "interactiveView", "\xE3\x82\xA4\xE3\x83\xB3\xE3\x82\xBF\xE3\x83\xA9\xE3\x82\xAF\xE3\x83\x86\xE3\x82\xA3\xE3\x83\x96\xE8\xA1\xA8\xE7\xA4\xBA"},   // インタラクティブ表示
    {"ja", "noWebglNote", "\xE6\x8F\x8F\xE7\x94\xBB\xE8\xA1\xA8\xE7\xA4\xBA\xE3\x81\xAB\xE3\x81\xAF WebGL \xE3\x81\x8C\xE5\xBF\x85\xE8\xA6\x81\xE3\x81\xA7\xE3\x81\x99\xE3\x81\x8C\xE3\x80\x81\xE3\x81\x93\xE3\x81\xAE\xE3\x83\x96\xE3\x83\xA9\xE3\x82\xA6\xE3\x82\xB6\xE3\x83\xBC\xE3\x81\xA7\xE3\x81\xAF\xE4\xBD\xBF\xE3\x81\x88\xE3\x81\xBE\xE3\x81\x9B\xE3\x82\x93\xE3\x80\x82\xE5\x90\x8C\xE3\x81\x98\xE8\xA8\x98\xE4\xBA\x8B\xE3\x82\x92\xE3\x83\x9A\xE3\x83\xBC\xE3\x82\xB8\xE3\x81\xA8\xE3\x81\x97\xE3\x81\xA6\xE8\xA1\xA8\xE7\xA4\xBA\xE3\x81\x97\xE3\x81\xA6\xE3\x81\x84\xE3\x81\xBE\xE3\x81\x99\xE3\x80\x82"},   // 描画表示には WebGL が必要ですが、このブラウザーでは使えません。同じ記事をページとして表示しています。
    {"ja", "noContextNote", "\xE6\x8F\x8F\xE7\x94\xBB\xE8\xA1\xA8\xE7\xA4\xBA\xE3\x81\xAF\xE7\x8F\xBE\xE5\x9C\xA8\xE4\xBD\xBF\xE3\x81\x88\xE3\x81\xBE\xE3\x81\x9B\xE3\x82\x93\xE3\x80\x82\xE5\x90\x8C\xE3\x81\x98\xE8\xA8\x98\xE4\xBA\x8B\xE3\x82\x92\xE3\x83\x9A\xE3\x83\xBC\xE3\x82\xB8\xE3\x81\xA8\xE3\x81\x97\xE3\x81\xA6\xE8\xA1\xA8\xE7\xA4\xBA\xE3\x81\x97\xE3\x81\xA6\xE3\x81\x84\xE3\x81\xBE\xE3\x81\x99\xE3\x80\x82"},   // 描画表示は現在使えません。同じ記事をページとして表示しています。
    {"ja", "loadingArticle", "\xE8\xA8\x98\xE4\xBA\x8B\xE3\x82\x92\xE8\xAA\xAD\xE3\x81\xBF\xE8\xBE\xBC\xE3\x82\x93\xE3\x81\xA7\xE3\x81\x84\xE3\x81\xBE\xE3\x81\x99\xE2\x80\xA6"},   // 記事を読み込んでいます…
    {"ja", "stillLoading", "\xE8\xA8\x98\xE4\xBA\x8B\xE3\x82\x92\xE3\x81\xBE\xE3\x81\xA0\xE8\xAA\xAD\xE3\x81\xBF\xE8\xBE\xBC\xE3\x82\x93\xE3\x81\xA7\xE3\x81\x84\xE3\x81\xBE\xE3\x81\x99\xE2\x80\xA6\xEF\xBC\x88\xE3\x82\xB5\xE3\x83\xBC\xE3\x83\x90\xE3\x83\xBC\xE3\x81\x8C\xE9\x81\x85\xE3\x81\x84\xE3\x82\x88\xE3\x81\x86\xE3\x81\xA7\xE3\x81\x99\xEF\xBC\x89"},   // 記事をまだ読み込んでいます…（サーバーが遅いようです）
    {"ja", "tryAgain", "\xE5\x86\x8D\xE8\xA9\xA6\xE8\xA1\x8C"},   // 再試行
    {"ja", "configDefaults", "\xE8\xA8\xAD\xE5\xAE\x9A\xE3\x82\x92\xE4\xBD\xBF\xE3\x81\x88\xE3\x81\xAA\xE3\x81\x84\xE3\x81\x9F\xE3\x82\x81\xE3\x80\x81\xE6\x97\xA2\xE5\xAE\x9A\xE5\x80\xA4\xE3\x82\x92\xE4\xBD\xBF\xE3\x81\x84\xE3\x81\xBE\xE3\x81\x99: {error}"},   // 設定を使えないため、既定値を使います: {error}
    {"zh", "textView", "\xE6\x96\x87\xE6\x9C\xAC\xE8\xA7\x86\xE5\x9B\xBE"},   // 文本视图
    {"zh", "interactiveView", "\xE4\xBA\xA4\xE4\xBA\x92\xE8\xA7\x86\xE5\x9B\xBE"},   // 交互视图
    {"zh", "noWebglNote", "\xE7\xBB\x98\xE5\x88\xB6\xE8\xA7\x86\xE5\x9B\xBE\xE9\x9C\x80\xE8\xA6\x81 WebGL\xEF\xBC\x8C\xE4\xBD\x86\xE6\xAD\xA4\xE6\xB5\x8F\xE8\xA7\x88\xE5\x99\xA8\xE4\xB8\x8D\xE6\x94\xAF\xE6\x8C\x81\xEF\xBC\x9B\xE8\xBF\x99\xE6\x98\xAF\xE4\xBB\xA5\xE7\xBD\x91\xE9\xA1\xB5\xE5\xBD\xA2\xE5\xBC\x8F\xE6\x98\xBE\xE7\xA4\xBA\xE7\x9A\x84\xE5\x90\x8C\xE4\xB8\x80\xE7\xAF\x87\xE6\x96\x87\xE7\xAB\xA0\xE3\x80\x82"},   // 绘制视图需要 WebGL，但此浏览器不支持；这是以网页形式显示的同一篇文章。
    {"zh", "noContextNote", "\xE7\xBB\x98\xE5\x88\xB6\xE8\xA7\x86\xE5\x9B\xBE\xE6\x9A\x82\xE6\x97\xB6\xE4\xB8\x8D\xE5\x8F\xAF\xE7\x94\xA8\xEF\xBC\x9B\xE8\xBF\x99\xE6\x98\xAF\xE4\xBB\xA5\xE7\xBD\x91\xE9\xA1\xB5\xE5\xBD\xA2\xE5\xBC\x8F\xE6\x98\xBE\xE7\xA4\xBA\xE7\x9A\x84\xE5\x90\x8C\xE4\xB8\x80\xE7\xAF\x87\xE6\x96\x87\xE7\xAB\xA0\xE3\x80\x82"},   // 绘制视图暂时不可用；这是以网页形式显示的同一篇文章。
    {"zh", "loadingArticle", "\xE6\xAD\xA3\xE5\x9C\xA8\xE5\x8A\xA0\xE8\xBD\xBD\xE6\x96\x87\xE7\xAB\xA0\xE2\x80\xA6"},   // 正在加载文章…
    {"zh", "stillLoading", "\xE4\xBB\x8D\xE5\x9C\xA8\xE5\x8A\xA0\xE8\xBD\xBD\xE6\x96\x87\xE7\xAB\xA0\xE2\x80\xA6\xEF\xBC\x88\xE6\x9C\x8D\xE5\x8A\xA1\xE5\x99\xA8\xE8\xBE\x83\xE6\x85\xA2\xEF\xBC\x89"},   // 仍在加载文章…（服务器较慢）
    {"zh", "tryAgain", "\xE9\x87\x8D\xE8\xAF\x95"},   // 重试
    {"zh", "configDefaults", "\xE9\x85\x8D\xE7\xBD\xAE\xE6\x97\xA0\xE6\xB3\x95\xE4\xBD\xBF\xE7\x94\xA8\xEF\xBC\x8C\xE5\xB7\xB2\xE9\x87\x87\xE7\x94\xA8\xE9\xBB\x98\xE8\xAE\xA4\xE8\xAE\xBE\xE7\xBD\xAE\xEF\xBC\x9A{error}"},   // 配置无法使用，已采用默认设置：{error}
    {"ar", "textView", "\xD8\xB9\xD8\xB1\xD8\xB6 \xD8\xA7\xD9\x84\xD9\x86\xD8\xB5"},   // عرض النص
    {"ar", "interactiveView", "\xD8\xA7\xD9\x84\xD8\xB9\xD8\xB1\xD8\xB6 \xD8\xA7\xD9\x84\xD8\xAA\xD9\x81\xD8\xA7\xD8\xB9\xD9\x84\xD9\x8A"},   // العرض التفاعلي
    {"ar", "noWebglNote", "\xD9\x8A\xD8\xAD\xD8\xAA\xD8\xA7\xD8\xAC \xD8\xA7\xD9\x84\xD8\xB9\xD8\xB1\xD8\xB6 \xD8\xA7\xD9\x84\xD9\x85\xD8\xB1\xD8\xB3\xD9\x88\xD9\x85 \xD8\xA5\xD9\x84\xD9\x89 WebGL\xD8\x8C \xD9\x88\xD9\x87\xD9\x88 \xD8\xBA\xD9\x8A\xD8\xB1 \xD9\x85\xD8\xAA\xD8\xA7\xD8\xAD \xD9\x81\xD9\x8A \xD9\x87\xD8\xB0\xD8\xA7 \xD8\xA7\xD9\x84\xD9\x85\xD8\xAA\xD8\xB5\xD9\x81\xD8\xAD\xD8\x9B \xD9\x87\xD8\xB0\xD9\x87 \xD9\x87\xD9\x8A \xD8\xA7\xD9\x84\xD9\x85\xD9\x82\xD8\xA7\xD9\x84\xD8\xA9 \xD9\x86\xD9\x81\xD8\xB3\xD9\x87\xD8\xA7 \xD9\x83\xD8\xB5\xD9\x81\xD8\xAD\xD8\xA9."},   // يحتاج العرض المرسوم إلى WebGL، وهو غير متاح في هذا المتصفح؛ هذه هي المقالة نفسها كصفحة.
    {"ar", "noContextNote", "\xD8\xA7\xD9\x84\xD8\xB9\xD8\xB1\xD8\xB6 \xD8\xA7\xD9\x84\xD9\x85\xD8\xB1\xD8\xB3\xD9\x88\xD9\x85 \xD8\xBA\xD9\x8A\xD8\xB1 \xD9\x85\xD8\xAA\xD8\xA7\xD8\xAD \xD8\xAD\xD8\xA7\xD9\x84\xD9\x8A\xD8\xA7\xD8\x9B \xD9\x87\xD8\xB0\xD9\x87 \xD9\x87\xD9\x8A \xD8\xA7\xD9\x84\xD9\x85\xD9\x82\xD8\xA7\xD9\x84\xD8\xA9 \xD9\x86\xD9\x81\xD8\xB3\xD9\x87\xD8\xA7 \xD9\x83\xD8\xB5\xD9\x81\xD8\xAD\xD8\xA9."},   // العرض المرسوم غير متاح حاليا؛ هذه هي المقالة نفسها كصفحة.
    {"ar", "loadingArticle", "\xD8\xAC\xD8\xA7\xD8\xB1 \xD8\xAA\xD8\xAD\xD9\x85\xD9\x8A\xD9\x84 \xD8\xA7\xD9\x84\xD9\x85\xD9\x82\xD8\xA7\xD9\x84\xD8\xA9\xE2\x80\xA6"},   // جار تحميل المقالة…
    {"ar", "stillLoading", "\xD9\x85\xD8\xA7 \xD8\xB2\xD8\xA7\xD9\x84\xD8\xAA \xD8\xA7\xD9\x84\xD9\x85\xD9\x82\xD8\xA7\xD9\x84\xD8\xA9 \xD9\x82\xD9\x8A\xD8\xAF \xD8\xA7\xD9\x84\xD8\xAA\xD8\xAD\xD9\x85\xD9\x8A\xD9\x84\xE2\x80\xA6 (\xD8\xA7\xD9\x84\xD8\xAE\xD8\xA7\xD8\xAF\xD9\x85 \xD8\xA8\xD8\xB7\xD9\x8A\xD8\xA1)"},   // ما زالت المقالة قيد التحميل… (الخادم بطيء)
    {"ar", "tryAgain", "\xD8\xA3\xD8\xB9\xD8\xAF \xD8\xA7\xD9\x84\xD9\x85\xD8\xAD\xD8\xA7\xD9\x88\xD9\x84\xD8\xA9"},   // أعد المحاولة
    {"ar", "configDefaults", "\xD8\xAA\xD8\xB9\xD8\xB0\xD8\xB1 \xD8\xA7\xD8\xB3\xD8\xAA\xD8\xAE\xD8\xAF\xD8\xA7\xD9\x85 \xD8\xA7\xD9\x84\xD8\xA5\xD8\xB9\xD8\xAF\xD8\xA7\xD8\xAF\xD8\xA7\xD8\xAA\xD8\x8C \xD9\x84\xD8\xB0\xD8\xA7 \xD8\xAA\xD8\xB7\xD8\xA8\xD9\x82 \xD8\xA7\xD9\x84\xD8\xA5\xD8\xB9\xD8\xAF\xD8\xA7\xD8\xAF\xD8\xA7\xD8\xAA \xD8\xA7\xD9\x84\xD8\xA7\xD9\x81\xD8\xAA\xD8\xB1\xD8\xA7\xD8\xB6\xD9\x8A\xD8\xA9: {error}"},   // تعذر استخدام الإعدادات، لذا تطبق الإعدادات الافتراضية: {error}
    {"he", "textView", "\xD7\xAA\xD7\xA6\xD7\x95\xD7\x92\xD7\xAA \xD7\x98\xD7\xA7\xD7\xA1\xD7\x98"},   // תצוגת טקסט
    {"he", "interactiveView", "\xD7\xAA\xD7\xA6\xD7\x95\xD7\x92\xD7\x94 \xD7\x90\xD7\x99\xD7\xA0\xD7\x98\xD7\xA8\xD7\x90\xD7\xA7\xD7\x98\xD7\x99\xD7\x91\xD7\x99\xD7\xAA"},   // תצוגה אינטראקטיבית
    {"he", "noWebglNote", "\xD7\x94\xD7\xAA\xD7\xA6\xD7\x95\xD7\x92\xD7\x94 \xD7\x94\xD7\x9E\xD7\xA6\xD7\x95\xD7\x99\xD7\xA8\xD7\xAA \xD7\x93\xD7\x95\xD7\xA8\xD7\xA9\xD7\xAA WebGL, \xD7\xA9\xD7\x90\xD7\x99\xD7\xA0\xD7\x95 \xD7\x96\xD7\x9E\xD7\x99\xD7\x9F \xD7\x91\xD7\x93\xD7\xA4\xD7\x93\xD7\xA4\xD7\x9F \xD7\x96\xD7\x94; \xD7\x96\xD7\x94\xD7\x95 \xD7\x90\xD7\x95\xD7\xAA\xD7\x95 \xD7\x9E\xD7\x90\xD7\x9E\xD7\xA8 \xD7\x9B\xD7\x93\xD7\xA3."},   // התצוגה המצוירת דורשת WebGL, שאינו זמין בדפדפן זה; זהו אותו מאמר כדף.
    {"he", "noContextNote", "\xD7\x94\xD7\xAA\xD7\xA6\xD7\x95\xD7\x92\xD7\x94 \xD7\x94\xD7\x9E\xD7\xA6\xD7\x95\xD7\x99\xD7\xA8\xD7\xAA \xD7\x90\xD7\x99\xD7\xA0\xD7\x94 \xD7\x96\xD7\x9E\xD7\x99\xD7\xA0\xD7\x94 \xD7\x9B\xD7\xA8\xD7\x92\xD7\xA2; \xD7\x96\xD7\x94\xD7\x95 \xD7\x90\xD7\x95\xD7\xAA\xD7\x95 \xD7\x9E\xD7\x90\xD7\x9E\xD7\xA8 \xD7\x9B\xD7\x93\xD7\xA3."},   // התצוגה המצוירת אינה זמינה כרגע; זהו אותו מאמר כדף.
    {"he", "loadingArticle", "\xD7\x94\xD7\x9E\xD7\x90\xD7\x9E\xD7\xA8 \xD7\xA0\xD7\x98\xD7\xA2\xD7\x9F\xE2\x80\xA6"},   // המאמר נטען…
    {"he", "stillLoading", "\xD7\x94\xD7\x9E\xD7\x90\xD7\x9E\xD7\xA8 \xD7\xA2\xD7\x93\xD7\x99\xD7\x99\xD7\x9F \xD7\xA0\xD7\x98\xD7\xA2\xD7\x9F\xE2\x80\xA6 (\xD7\x94\xD7\xA9\xD7\xA8\xD7\xAA \xD7\x90\xD7\x99\xD7\x98\xD7\x99)"},   // המאמר עדיין נטען… (השרת איטי)
    {"he", "tryAgain", "\xD7\x9C\xD7\xA0\xD7\xA1\xD7\x95\xD7\xAA \xD7\xA9\xD7\x95\xD7\x91"},   // לנסות שוב
    {"he", "configDefaults", "\xD7\x9C\xD7\x90 \xD7\xA0\xD7\x99\xD7\xAA\xD7\x9F \xD7\x9C\xD7\x94\xD7\xA9\xD7\xAA\xD7\x9E\xD7\xA9 \xD7\x91\xD7\x94\xD7\x92\xD7\x93\xD7\xA8\xD7\x95\xD7\xAA, \xD7\x95\xD7\x9C\xD7\x9B\xD7\x9F \xD7\x97\xD7\x9C\xD7\x95\xD7\xAA \xD7\x91\xD7\xA8\xD7\x99\xD7\xA8\xD7\x95\xD7\xAA \xD7\x94\xD7\x9E\xD7\x97\xD7\x93\xD7\x9C: {error}"},   // לא ניתן להשתמש בהגדרות, ולכן חלות ברירות המחדל: {error}
};

// A config name split into its string and plural form; false when either part is unknown.
bool ParseName(std::string_view name, UiText& text, PluralForm& form) {
    form = PluralForm::Other;
    const size_t underscore = name.rfind('_');
    if (underscore != std::string_view::npos) {
        const std::string_view suffix = name.substr(underscore + 1);
        const auto f = std::find(std::begin(kFormNames), std::end(kFormNames), suffix);
        if (f == std::end(kFormNames)) return false;
        form = static_cast<PluralForm>(f - std::begin(kFormNames));
        name = name.substr(0, underscore);
    }
    const auto n = std::find(std::begin(kNames), std::end(kNames), name);
    if (n == std::end(kNames)) return false;
    text = static_cast<UiText>(n - std::begin(kNames));
    return true;
}

std::string PrimarySubtag(std::string_view lang) { return ToLowerAscii(lang.substr(0, lang.find_first_of("-_"))); }

} // namespace

std::string_view UiTextName(UiText text) { return kNames[static_cast<size_t>(text)]; }

bool IsRightToLeftLanguage(std::string_view lang) {
    static constexpr std::string_view kRightToLeft[] = {"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ps", "sd", "syr", "ug", "ur", "yi"};
    const std::string primary = PrimarySubtag(lang);
    return std::find(std::begin(kRightToLeft), std::end(kRightToLeft), primary) != std::end(kRightToLeft);
}

std::string ArticleLanguage(std::string_view configLang, std::string_view hostLang, WritingSystem articleLetters) {
    if (!configLang.empty()) return std::string(configLang);
    struct LanguageLetters { const char* lang; WritingSystem letters; };
    static constexpr LanguageLetters kLetters[] = {
        {"ar", WritingSystem::Arabic}, {"fa", WritingSystem::Arabic}, {"ur", WritingSystem::Arabic}, {"ps", WritingSystem::Arabic},
        {"sd", WritingSystem::Arabic}, {"ug", WritingSystem::Arabic}, {"ckb", WritingSystem::Arabic}, {"ks", WritingSystem::Arabic},
        {"he", WritingSystem::Hebrew}, {"iw", WritingSystem::Hebrew}, {"yi", WritingSystem::Hebrew},
        {"ru", WritingSystem::Cyrillic}, {"uk", WritingSystem::Cyrillic}, {"be", WritingSystem::Cyrillic}, {"bg", WritingSystem::Cyrillic},
        {"mk", WritingSystem::Cyrillic}, {"sr", WritingSystem::Cyrillic}, {"kk", WritingSystem::Cyrillic}, {"ky", WritingSystem::Cyrillic},
        {"mn", WritingSystem::Cyrillic}, {"tg", WritingSystem::Cyrillic}, {"el", WritingSystem::Greek},
        {"ja", WritingSystem::Kana}, {"zh", WritingSystem::Han}, {"yue", WritingSystem::Han}, {"ko", WritingSystem::Hangul},
        {"hi", WritingSystem::Other}, {"mr", WritingSystem::Other}, {"ne", WritingSystem::Other}, {"bn", WritingSystem::Other},
        {"ta", WritingSystem::Other}, {"te", WritingSystem::Other}, {"kn", WritingSystem::Other}, {"ml", WritingSystem::Other},
        {"gu", WritingSystem::Other}, {"pa", WritingSystem::Other}, {"si", WritingSystem::Other}, {"th", WritingSystem::Other},
        {"lo", WritingSystem::Other}, {"km", WritingSystem::Other}, {"my", WritingSystem::Other}, {"ka", WritingSystem::Other},
        {"hy", WritingSystem::Other}, {"am", WritingSystem::Other},
    };
    if (!hostLang.empty()) {
        const std::string primary = PrimarySubtag(hostLang);
        WritingSystem hostLetters = WritingSystem::Latin;   // any language not listed
        for (const LanguageLetters& l : kLetters)
            if (primary == l.lang) hostLetters = l.letters;
        // Japanese and Korean are written with Han ideographs too.
        const bool agrees = articleLetters == WritingSystem::None || hostLetters == articleLetters ||
                            (articleLetters == WritingSystem::Han && (hostLetters == WritingSystem::Kana || hostLetters == WritingSystem::Hangul));
        if (agrees) return std::string(hostLang);
    }
    switch (articleLetters) {
        case WritingSystem::Arabic: return "ar";
        case WritingSystem::Hebrew: return "he";
        case WritingSystem::Kana: return "ja";
        case WritingSystem::Han: return "zh";
        case WritingSystem::Hangul: return "ko";
        case WritingSystem::Greek: return "el";
        default: return "";
    }
}

std::string StringNameError(std::string_view name) {
    UiText text;
    PluralForm form;
    if (ParseName(name, text, form)) return "";
    std::string known;
    for (const char* n : kNames) known += (known.empty() ? "" : ", ") + std::string(n);
    return "unknown string name (known: " + known + ", each with an optional _zero, _one, _two, _few, _many or _other form)";
}

// [SECTION] plural rules -----------------------------------------------------------

PluralForm PluralFormOf(std::string_view language, long n) {
    const long abs = n < 0 ? -n : n, mod10 = abs % 10, mod100 = abs % 100;
    const auto is = [&](std::initializer_list<const char*> langs) {
        return std::any_of(langs.begin(), langs.end(), [&](const char* l) { return language == l; });
    };
    if (is({"ja", "zh", "ko", "th", "vi", "id", "ms", "lo", "my"})) return PluralForm::Other;
    if (language == "ar") {
        if (abs == 0) return PluralForm::Zero;
        if (abs == 1) return PluralForm::One;
        if (abs == 2) return PluralForm::Two;
        if (mod100 >= 3 && mod100 <= 10) return PluralForm::Few;
        if (mod100 >= 11) return PluralForm::Many;
        return PluralForm::Other;
    }
    if (is({"he", "iw"})) return abs == 1 ? PluralForm::One : abs == 2 ? PluralForm::Two : PluralForm::Other;
    if (is({"fr", "pt"})) return abs <= 1 ? PluralForm::One : PluralForm::Other;
    if (is({"ru", "uk", "be", "pl"})) {
        if (abs == 1 || (mod10 == 1 && mod100 != 11 && language != "pl")) return PluralForm::One;
        if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return PluralForm::Few;
        return PluralForm::Many;
    }
    if (is({"cs", "sk"})) return abs == 1 ? PluralForm::One : abs >= 2 && abs <= 4 ? PluralForm::Few : PluralForm::Other;
    return abs == 1 ? PluralForm::One : PluralForm::Other;
}

// [SECTION] WidgetStrings ------------------------------------------------------------

WidgetStrings::WidgetStrings() {
    for (const DefaultString& d : kDefaults)
        if (std::string_view(d.lang) == "en") Set(d.name, d.text);
}

WidgetStrings WidgetStrings::For(std::string_view lang, const std::map<std::string, std::string>& overrides) {
    WidgetStrings strings;
    const std::string primary = PrimarySubtag(lang);
    std::vector<std::pair<std::string_view, std::string_view>> given;
    if (primary != "en")
        for (const DefaultString& d : kDefaults)
            if (d.lang == primary) given.emplace_back(d.name, d.text);
    strings.Replace(given);
    // Plural rules follow the language the strings are in: English's unless the language has defaults or the
    // config gives strings (a Russian article's own "words_few").
    if (!primary.empty() && (!given.empty() || !overrides.empty())) strings.language_ = primary;
    given.assign(overrides.begin(), overrides.end());
    strings.Replace(given);
    return strings;
}

const std::string& WidgetStrings::Counted(UiText text, long n) const {
    const auto& forms = texts_[Index(text)];
    const std::string& form = forms[static_cast<size_t>(PluralFormOf(language_, n))];
    return form.empty() ? forms[0] : form;
}

void WidgetStrings::Set(std::string_view name, std::string_view text) {
    UiText which;
    PluralForm form;
    if (ParseName(name, which, form)) texts_[Index(which)][static_cast<size_t>(form)] = std::string(text);
}

void WidgetStrings::Replace(const std::vector<std::pair<std::string_view, std::string_view>>& entries) {
    // A string given anew loses the plural forms it had ("{n} word" is no German singular); its plain form
    // stays unless given too.
    for (const auto& entry : entries) {
        UiText which;
        PluralForm form;
        if (!ParseName(entry.first, which, form)) continue;
        for (size_t f = 1; f < texts_[Index(which)].size(); ++f) texts_[Index(which)][f].clear();
    }
    for (const auto& [name, text] : entries) Set(name, text);
}

// [SECTION] built strings -------------------------------------------------------------

std::string FillPlaceholders(std::string_view pattern, std::initializer_list<std::pair<std::string_view, std::string_view>> values) {
    std::string out;
    for (size_t i = 0; i < pattern.size();) {
        const size_t close = pattern[i] == '{' ? pattern.find('}', i) : std::string_view::npos;
        if (close != std::string_view::npos) {
            const std::string_view name = pattern.substr(i + 1, close - i - 1);
            const auto value = std::find_if(values.begin(), values.end(), [&](const auto& v) { return v.first == name; });
            if (value != values.end()) { out += value->second; i = close + 1; continue; }
        }
        out += pattern[i++];
    }
    return out;
}

static std::string ThousandsSeparated(const WidgetStrings& strings, long n) {
    const std::string digits = std::to_string(n);
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && digits[i - 1] != '-' && (digits.size() - i) % 3 == 0) out += strings[UiText::ThousandsSeparator];
        out += digits[i];
    }
    return out;
}

static std::string CountedText(const WidgetStrings& strings, UiText text, long n) {
    return FillPlaceholders(strings.Counted(text, n), {{"n", ThousandsSeparated(strings, n)}});
}

std::string ReadingMeta(const WidgetStrings& strings, int readingMinutes, int wordCount) {
    return CountedText(strings, UiText::MinutesRead, std::max(1, readingMinutes)) + " \xC2\xB7 " + CountedText(strings, UiText::Words, wordCount);
}

std::string TimelineName(const WidgetStrings& strings, const std::string& label) {
    return label.empty() ? strings[UiText::Timeline] : FillPlaceholders(strings[UiText::TimelineOf], {{"label", label}});
}

std::string TimelineEyebrow(const WidgetStrings& strings, const std::string& label) {
    return label.empty() ? strings[UiText::TimelineEyebrow] : ToUpperAscii(label);
}

std::string StageOfCount(const WidgetStrings& strings, int stage, int count) {
    return FillPlaceholders(strings.Counted(UiText::StageOf, count), {{"n", std::to_string(stage + 1)}, {"count", std::to_string(count)}});
}

std::string MarkerPlace(const WidgetStrings& strings, float position, size_t stages) {
    char where[32];
    std::snprintf(where, sizeof where, "%.1f", position + 1.0f);
    return FillPlaceholders(strings.Counted(UiText::MarkerAt, static_cast<long>(stages)), {{"n", where}, {"count", std::to_string(stages)}});
}

std::string FaqFilterStatus(const WidgetStrings& strings, const std::string& filter, int shown) {
    if (filter.empty()) return "";
    if (shown == 0) return FillPlaceholders(strings[UiText::NoQuestionsMatch], {{"filter", filter}});
    return CountedText(strings, UiText::QuestionsShown, shown);
}

} // namespace aw
