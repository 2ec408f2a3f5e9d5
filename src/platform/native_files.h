// Native file reading with one-line errors, and modification times for hot reload.
#pragma once
#include <cstdint>
#include <string>

namespace aw {

// Reads a whole file, or standard input when `path` is "-". On failure returns false and sets
// `error` to "<path>: no such file" / "is a directory" / "cannot read". Stops past `limit` bytes
// (the caller reports the size limit).
bool ReadWholeFile(const std::string& path, std::string& out, std::string& error, size_t limit = SIZE_MAX);
// Modification time in nanoseconds, or 0 when the file cannot be read.
int64_t FileModifiedNs(const std::string& path);
// Writes atomically: a temporary file beside `path`, then a rename; never a half-written file.
bool WriteFileAtomically(const std::string& path, const std::string& data, std::string& error);

} // namespace aw
