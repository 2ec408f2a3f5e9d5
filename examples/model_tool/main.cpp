// A headless tool on ArticleWidget::core alone: prints an article's document model as JSON (what
// `article-widget model` prints), or its one-line error.
//   model_tool ARTICLE.md [widget.json]
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include <article_widget/core/prepared_article.h>

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
    aw::PrepareSettings settings;
    settings.sourceName = argv[1];
    aw::PreparedArticle article;
    const aw::Status status = aw::PrepareArticle(markdown, config, article, settings);   // pure: any thread may call it
    if (!status) { std::fprintf(stderr, "model_tool: error: %s\n", status.message.c_str()); return 1; }
    std::printf("%s\n", aw::ArticleModelJson(article).c_str());
    return 0;
}
