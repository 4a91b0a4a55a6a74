// URL helpers shared by the feed parser and the HTML mapping: reference
// resolution (RFC 3986 section 5) and the scheme checks that keep script
// URLs out of the reader. Pure string work: no network, no IDNA.
#pragma once

#include <string>
#include <string_view>

namespace nr {

// Resolves `ref` against `base`. The base may itself be relative (a feed
// loaded from "assets/feeds/page-1.json"): the result is then relative too,
// with dot segments removed and leading ".." kept. A protocol-relative ref
// ("//cdn.example/x") takes the base's scheme, or https when the base has
// none. Tabs and newlines are removed and surrounding spaces/controls
// trimmed, as browsers do. An empty base returns the cleaned ref.
std::string resolve_url(std::string_view base, std::string_view ref);

// True for an absolute http: or https: URL (scheme case-insensitive) with a
// non-empty host.
bool is_http_url(std::string_view url);

// True when following the link cannot run script or read local files: a
// relative reference, or one of http, https, mailto, tel. Everything else
// (javascript:, data:, vbscript:, file:, unknown schemes) is refused, also
// when hidden by case, leading spaces/controls or embedded tabs/newlines.
// URLs containing other control characters are refused outright.
bool is_safe_link(std::string_view url);

// The host of an absolute URL with an authority, without user info or port
// ("https://user@www.example.com:8080/a" -> "www.example.com"); empty when
// there is none. What a status line shows of a link before it opens.
std::string url_host(std::string_view url);

// True for a reference with neither scheme nor authority ("images/a.jpg",
// "/a.jpg", "?q"): what remains after resolving against a relative base.
bool is_relative_ref(std::string_view url);

}  // namespace nr
