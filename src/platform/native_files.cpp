// Native file reading within limits and with one-line errors, loading an article from files, and
// modification times for hot reload.
// [SECTION] opening  [SECTION] reading  [SECTION] articles  [SECTION] writing
#include "native_files.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/config.h"
#include "core/json_util.h"

namespace aw {

// [SECTION] opening ----------------------------------------------------------------

namespace {

std::string NameOf(const std::string& path) { return path == "-" ? std::string("standard input") : path; }

const char* KindOf(mode_t mode) {
    if (S_ISFIFO(mode)) return "a FIFO";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    if (S_ISSOCK(mode)) return "a socket";
    return "not a regular file";
}

// An open file descriptor that closes itself (standard input stays open).
struct OpenFile {
    int fd = -1;
    bool owned = false;
    struct stat st {};
    ~OpenFile() { if (owned && fd >= 0) close(fd); }
};

// Opens `path` for reading without ever blocking, and refuses what is not a regular file. The check is on
// the open descriptor (fstat), so the file cannot be swapped for a FIFO between the check and the read.
bool OpenForReading(const std::string& path, OpenFile& file, std::string& error) {
    if (path == "-") {
        file.fd = STDIN_FILENO;
        if (fstat(file.fd, &file.st) != 0) { error = "standard input: cannot read (" + std::string(std::strerror(errno)) + ")"; return false; }
        return true;   // named explicitly: whatever it is, it is read
    }
    file.fd = open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (file.fd < 0) {
        error = path + ": " + (errno == ENOENT ? std::string("no such file") : "cannot open (" + std::string(std::strerror(errno)) + ")");
        return false;
    }
    file.owned = true;
    if (fstat(file.fd, &file.st) != 0) { error = path + ": cannot read (" + std::string(std::strerror(errno)) + ")"; return false; }
    if (S_ISDIR(file.st.st_mode)) { error = path + ": is a directory, not a file"; return false; }
    if (!S_ISREG(file.st.st_mode)) {
        error = path + ": is " + KindOf(file.st.st_mode) + ", not a regular file (to read it anyway, give - and redirect it to standard input)";
        return false;
    }
    fcntl(file.fd, F_SETFL, fcntl(file.fd, F_GETFL) & ~O_NONBLOCK);
    return true;
}

std::string OverLimit(const std::string& path, const ReadLimit& limit, const std::string& size) {
    return NameOf(path) + ": " + limit.what + " is " + size + "over the limit of " + std::to_string(limit.bytes) + " bytes" +
           (limit.why.empty() ? std::string() : " (" + limit.why + ")");
}

} // namespace

bool CheckReadableFile(const std::string& path, std::string& error) {
    OpenFile file;
    return OpenForReading(path, file, error);
}

// [SECTION] reading ----------------------------------------------------------------

bool ReadWholeFile(const std::string& path, std::string& out, std::string& error, const ReadLimit& limit, bool* overLimit) {
    out.clear();
    if (overLimit) *overLimit = false;
    OpenFile file;
    if (!OpenForReading(path, file, error)) return false;
    const bool sized = S_ISREG(file.st.st_mode);
    if (sized && static_cast<uint64_t>(file.st.st_size) > limit.bytes) {   // refused before a byte is read
        error = OverLimit(path, limit, std::to_string(file.st.st_size) + " bytes, ");
        if (overLimit) *overLimit = true;
        return false;
    }
    const size_t cap = limit.bytes == SIZE_MAX ? SIZE_MAX : limit.bytes + 1;   // one byte more tells "too big"
    if (sized) out.reserve(static_cast<size_t>(file.st.st_size) + 1);
    char buf[65536];
    while (out.size() < cap) {
        const ssize_t n = read(file.fd, buf, std::min(sizeof buf, cap - out.size()));
        if (n > 0) { out.append(buf, static_cast<size_t>(n)); continue; }
        if (n == 0) break;
        if (errno == EINTR) continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK) {   // a non-blocking standard input: wait for data
            pollfd p{file.fd, POLLIN, 0};
            poll(&p, 1, -1);
            continue;
        }
        error = NameOf(path) + ": read error (" + std::strerror(errno) + ")";
        return false;
    }
    if (out.size() > limit.bytes) {   // the file grew while read, or a stream: its size is not known
        out.clear();
        out.shrink_to_fit();
        error = OverLimit(path, limit, "");
        if (overLimit) *overLimit = true;
        return false;
    }
    return true;
}

// [SECTION] articles -----------------------------------------------------------------

LoadOutcome LoadArticleFiles(const std::string& articlePath, const std::string& configPath, const LoadOptions& options,
                             std::string* markdownOut, std::string* configOut) {
    LoadOutcome outcome;
    std::string config, markdown;
    if (!configPath.empty() && !ReadWholeFile(configPath, config, outcome.error, ReadLimit{kMaxJsonBytes, "config", ""})) return outcome;
    // The article's limit is the config's: read no more than it may hold. A bad config is reported by
    // LoadArticle before any article is read.
    Config parsed;
    ConfigReport configReport;
    if (!config.empty() && !ParseConfig(config, parsed, configReport)) return LoadArticle("", config, options);
    const ReadLimit articleLimit{parsed.maxInputBytes, "article", "config \"maxInputBytes\""};
    if (!ReadWholeFile(articlePath, markdown, outcome.error, articleLimit)) return outcome;
    outcome = LoadArticle(markdown, config, options);
    if (markdownOut) *markdownOut = std::move(markdown);
    if (configOut) *configOut = std::move(config);
    return outcome;
}

// [SECTION] writing --------------------------------------------------------------------

int64_t FileModifiedNs(const std::string& path) {
    struct stat st {};
    if (stat(path.c_str(), &st) != 0) return 0;
    return static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec + st.st_size;
}

bool WriteFileAtomically(const std::string& path, const std::string& data, std::string& error) {
    const std::string tmp = path + ".tmp-" + std::to_string(getpid());
    FILE* f = std::fopen(tmp.c_str(), "wb");
    if (!f) { error = path + ": cannot write (" + std::strerror(errno) + ")"; return false; }
    const bool written = std::fwrite(data.data(), 1, data.size(), f) == data.size();
    const bool closed = std::fclose(f) == 0;
    if (!written || !closed) { std::remove(tmp.c_str()); error = path + ": write failed"; return false; }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        error = path + ": cannot replace (" + std::strerror(errno) + ")";
        std::remove(tmp.c_str());
        return false;
    }
    return true;
}

} // namespace aw
