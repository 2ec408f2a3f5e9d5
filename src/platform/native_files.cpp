// Native file reading with one-line errors, and modification times for hot reload.
#include "native_files.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>

namespace aw {

bool ReadWholeFile(const std::string& path, std::string& out, std::string& error, size_t limit) {
    out.clear();
    FILE* f = nullptr;
    if (path == "-") {
        f = stdin;
    } else {
        struct stat st {};
        if (stat(path.c_str(), &st) != 0) { error = path + ": " + (errno == ENOENT ? "no such file" : std::strerror(errno)); return false; }
        if (S_ISDIR(st.st_mode)) { error = path + ": is a directory, not a file"; return false; }
        f = std::fopen(path.c_str(), "rb");
        if (!f) { error = path + ": cannot open (" + std::strerror(errno) + ")"; return false; }
    }
    char buf[65536];
    size_t n;
    bool ok = true;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
        out.append(buf, n);
        if (out.size() > limit) break;   // enough to report the size limit
    }
    if (std::ferror(f)) { error = path + ": read error"; ok = false; }
    if (f != stdin) std::fclose(f);
    return ok;
}

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
