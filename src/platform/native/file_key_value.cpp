#include "platform/native/file_key_value.hpp"

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <system_error>

namespace fs = std::filesystem;

namespace nr {

namespace {

// FNV-1a: stable across runs and builds (std::hash is not promised to be).
std::uint64_t fnv1a(const std::string& s) {
    std::uint64_t h = 1469598103934665603ull;
    for (const unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    return h;
}

}  // namespace

fs::path FileKeyValueStore::path_for(const std::string& key) const {
    char name[40];
    std::snprintf(name, sizeof name, "kv-%016llx.txt", static_cast<unsigned long long>(fnv1a(key)));
    return dir_ / name;
}

std::string FileKeyValueStore::get(const std::string& key) {
    if (std::string kept = unsaved_.get(key); !kept.empty()) return kept;
    if (dir_.empty()) return {};
    std::ifstream in(path_for(key), std::ios::binary);
    std::string head;
    if (!in || !std::getline(in, head) || head != key) return {};
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void FileKeyValueStore::set(const std::string& key, const std::string& value) {
    std::error_code ec;
    bool ok = !dir_.empty() && key.find('\n') == std::string::npos;
    if (ok) {
        fs::create_directories(dir_, ec);
        const fs::path path = path_for(key), tmp = path.string() + ".tmp";
        {
            std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
            out << key << '\n' << value;
            ok = bool(out.flush());
        }
        if (ok) fs::rename(tmp, path, ec);
        if (!ok || ec) {
            fs::remove(tmp, ec);
            ok = false;
        }
    }
    // The newest value wins this session either way; only a refused one stays in memory.
    unsaved_.set(key, ok ? std::string() : value);
}

}  // namespace nr
