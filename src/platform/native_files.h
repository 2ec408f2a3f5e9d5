// Native file reading within limits and with one-line errors, loading an article from files, and
// modification times for hot reload.
#pragma once
#include <cstdint>
#include <string>

#include "core/article.h"

namespace aw {

// What one read may hold: at most `bytes` (reading stops at bytes + 1, so nothing larger is ever held),
// named `what` in the message, and `why` the setting behind the limit, e.g. config "maxInputBytes".
struct ReadLimit {
    size_t      bytes = 64u << 20;
    std::string what = "file";
    std::string why;
};

// Reads a whole regular file, or standard input when `path` is "-". A FIFO, a device or a socket is
// refused unless it is standard input: opening never blocks (O_NONBLOCK, then fstat on the open file).
// On failure returns false and sets `error` to one line: "<path>: no such file", "is a directory, not a
// file", "is a FIFO, not a regular file (...)", "<what> is N bytes, over the limit of M bytes (<why>)"
// (or "<what> is over the limit of M bytes" when the size is not known before reading), "read error".
// `overLimit`, when given, tells that last case from the others.
bool ReadWholeFile(const std::string& path, std::string& out, std::string& error, const ReadLimit& limit = ReadLimit{},
                   bool* overLimit = nullptr);

// Whether `path` opens as a file ReadWholeFile would read ("-" always does); `error` as ReadWholeFile's.
bool CheckReadableFile(const std::string& path, std::string& error);

// Reads the config (if any, at most 1 MiB), then the article (at most the config's maxInputBytes), and loads
// them. `markdownOut` and `configOut`, when given, receive the bytes read.
LoadOutcome LoadArticleFiles(const std::string& articlePath, const std::string& configPath, const LoadOptions& options,
                             std::string* markdownOut = nullptr, std::string* configOut = nullptr);

// Modification time in nanoseconds, or 0 when the file cannot be read.
int64_t FileModifiedNs(const std::string& path);
// Writes atomically: a temporary file beside `path`, then a rename; never a half-written file.
bool WriteFileAtomically(const std::string& path, const std::string& data, std::string& error);

} // namespace aw
