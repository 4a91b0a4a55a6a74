// RFC 3339 timestamps <-> Unix seconds, by arithmetic alone: no locale, no
// time zone database, no libc time functions (which differ between the
// native and the wasm C library).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace nr {

// Accepts "YYYY-MM-DDTHH:MM:SS[.frac](Z|+HH:MM|-HH:MM)". 't', 'z' and a space
// instead of 'T' are accepted too (RFC 3339 section 5.6 note). Fractional
// seconds are truncated; a leap second (:60) counts as :59. Returns nothing for
// anything else, including impossible dates such as 2025-02-29.
std::optional<std::int64_t> parse_rfc3339(std::string_view text);

// What publishers write instead, read as they mean it: RFC 3339 without an
// offset or without seconds, a bare date (midnight), and RFC 822 / 1123
// ("Fri, 20 Nov 2026 09:30:00 GMT", "+0200", US zone names). A missing zone
// is UTC. Also accepts everything parse_rfc3339 does.
std::optional<std::int64_t> parse_loose_date(std::string_view text);

// Formats as "YYYY-MM-DDTHH:MM:SSZ" (UTC), the form parse_rfc3339 reads back.
std::string format_rfc3339(std::int64_t unix_seconds);

}  // namespace nr
