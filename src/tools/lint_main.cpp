// newsreader-lint FILE...: checks feeds against the contract the reader
// applies (docs/feed-format.md) and prints what the reader would say.
//   FILE: error: PATH: message      an item skipped, or the file refused
//   FILE: warning: PATH: message    loaded, with a caveat
//   FILE: N items, M skipped        per file
// Exit: 0 all clean, 2 warnings or skipped items, 1 a file refused, 64 usage.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

#include "core/feed/parser.hpp"
#include "platform/native/html_gumbo.hpp"

namespace {

constexpr int kExitClean = 0;
constexpr int kExitRefused = 1;
constexpr int kExitWarnings = 2;
constexpr int kExitUsage = 64;

std::optional<std::string> read_file(const char* path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) return std::nullopt;
    const std::streamoff size = in.tellg();
    if (size < 0) return std::nullopt;
    std::string bytes(static_cast<std::size_t>(size), '\0');
    in.seekg(0);
    if (!in.read(bytes.data(), size)) return std::nullopt;
    return bytes;
}

void print_diagnostic(const char* file, const nr::Diagnostic& d) {
    const char* severity = d.severity == nr::Diagnostic::Severity::Error ? "error" : "warning";
    if (d.path.empty())
        std::printf("%s: %s: %s\n", file, severity, d.message.c_str());
    else
        std::printf("%s: %s: %s: %s\n", file, severity, d.path.c_str(), d.message.c_str());
}

// Lints one file and returns its exit status.
int lint(const char* file) {
    const auto bytes = read_file(file);
    if (!bytes) {
        std::printf("%s: error: cannot read the file (missing, unreadable or not a regular file)\n", file);
        std::printf("%s: 0 items, 0 skipped (refused)\n", file);
        return kExitRefused;
    }
    nr::ParseOptions options;
    options.base_url = file;  // relative references resolve next to the file
    options.html = nr::parse_html_gumbo;
    const nr::ParseResult res = nr::parse_feed(*bytes, options);
    for (const auto& d : res.diagnostics) print_diagnostic(file, d);
    if (!res.ok) {
        std::printf("%s: error: %s\n", file, res.error.c_str());
        std::printf("%s: 0 items, 0 skipped (refused)\n", file);
        return kExitRefused;
    }
    std::printf("%s: %zu items, %d skipped\n", file, res.feed.items.size(), res.skipped);
    return res.diagnostics.empty() && res.skipped == 0 ? kExitClean : kExitWarnings;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: newsreader-lint FILE...\n"
                             "Checks Newsreader / JSON Feed files. Exit 0 clean, 2 warnings or skipped\n"
                             "items, 1 a file refused, 64 usage error.\n");
        return kExitUsage;
    }
    int status = kExitClean;
    for (int i = 1; i < argc; ++i) {
        const int s = lint(argv[i]);
        if (s == kExitRefused || (s == kExitWarnings && status == kExitClean)) status = s;
    }
    return status;
}
