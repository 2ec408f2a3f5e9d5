// A headless tool on ArticleWidget::core alone: prints an article's document model as JSON (what
// `article-widget model` prints), or its one-line error.
//   model_tool ARTICLE.md [widget.json]
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include <article_widget/core/article.h>
#include <article_widget/core/model_json.h>

static bool ReadFile(const char* path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream text;
    text << in.rdbuf();
    out = text.str();
    return true;
}

int main(int argc, char** argv) {
    if (argc < 2 || argc > 3) { std::fprintf(stderr, "usage: model_tool ARTICLE.md [widget.json]\n"); return 2; }
    std::string markdown, config;
    if (!ReadFile(argv[1], markdown) || (argc == 3 && !ReadFile(argv[2], config))) {
        std::fprintf(stderr, "model_tool: error: cannot read %s\n", argc == 3 && !markdown.empty() ? argv[2] : argv[1]);
        return 1;
    }
    aw::LoadOptions options;
    options.sourceName = argv[1];
    const aw::LoadOutcome loaded = aw::LoadArticle(markdown, config, options);   // pure: any thread may call it
    if (!loaded.article) { std::fprintf(stderr, "model_tool: error: %s\n", loaded.error.c_str()); return 1; }
    std::printf("%s\n", aw::ModelToJson(loaded.article->doc, loaded.article->config, 2).c_str());
    return 0;
}
