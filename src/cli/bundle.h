// `article-widget bundle`: reads the web build's files and writes one self-contained HTML page.
#pragma once
#include <memory>
#include <string>
#include <vector>
#include "core/article.h"

namespace aw::cli {

struct BundleRequest {
    std::shared_ptr<const Article> article;   // loaded strictly from `markdown` and `configJson`
    std::string markdown, configJson;
    std::string title;       // --title: overrides the article's title (merged into the embedded config)
    std::string outPath;     // -o; "-" writes to standard output
    std::string assetsDir;   // --assets; default: <dir of the executable>/../web/dist
    std::string articleDir;  // the folder relative images are read from ("" for standard input: none are)
};

// Returns false with a one-line error (no "error:" prefix). Never leaves a half-written output file.
// Relative images are inlined as data URLs within the limits in core/bundle.h; `warnings` gets one line
// ("LINE: ...") for each image that is not.
bool WriteBundle(const BundleRequest& request, std::string& error, std::vector<std::string>& warnings);

} // namespace aw::cli
