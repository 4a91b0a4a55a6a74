#include <doctest/doctest.h>

#include "core/text/url.hpp"

using nr::is_http_url;
using nr::is_safe_link;
using nr::resolve_url;
using nr::url_host;

TEST_CASE("resolve_url follows RFC 3986 5.4 against an absolute base") {
    const char* base = "http://a/b/c/d;p?q";
    SUBCASE("normal examples") {
        CHECK(resolve_url(base, "g") == "http://a/b/c/g");
        CHECK(resolve_url(base, "./g") == "http://a/b/c/g");
        CHECK(resolve_url(base, "g/") == "http://a/b/c/g/");
        CHECK(resolve_url(base, "/g") == "http://a/g");
        CHECK(resolve_url(base, "//g") == "http://g");
        CHECK(resolve_url(base, "?y") == "http://a/b/c/d;p?y");
        CHECK(resolve_url(base, "g?y") == "http://a/b/c/g?y");
        CHECK(resolve_url(base, "#s") == "http://a/b/c/d;p?q#s");
        CHECK(resolve_url(base, "g#s") == "http://a/b/c/g#s");
        CHECK(resolve_url(base, "") == "http://a/b/c/d;p?q");
        CHECK(resolve_url(base, ".") == "http://a/b/c/");
        CHECK(resolve_url(base, "./") == "http://a/b/c/");
        CHECK(resolve_url(base, "..") == "http://a/b/");
        CHECK(resolve_url(base, "../") == "http://a/b/");
        CHECK(resolve_url(base, "../g") == "http://a/b/g");
        CHECK(resolve_url(base, "../..") == "http://a/");
        CHECK(resolve_url(base, "../../g") == "http://a/g");
    }
    SUBCASE("abnormal examples") {
        CHECK(resolve_url(base, "../../../g") == "http://a/g");
        CHECK(resolve_url(base, "/./g") == "http://a/g");
        CHECK(resolve_url(base, "/../g") == "http://a/g");
        CHECK(resolve_url(base, "g.") == "http://a/b/c/g.");
        CHECK(resolve_url(base, "..g") == "http://a/b/c/..g");
        CHECK(resolve_url(base, "./../g") == "http://a/b/g");
        CHECK(resolve_url(base, "g/./h") == "http://a/b/c/g/h");
        CHECK(resolve_url(base, "g/../h") == "http://a/b/c/h");
        CHECK(resolve_url(base, "g;x=1/../y") == "http://a/b/c/y");
    }
    SUBCASE("absolute refs keep their own scheme, lower-cased") {
        CHECK(resolve_url(base, "HTTPS://x.org/a/../b") == "https://x.org/b");
        CHECK(resolve_url(base, "mailto:someone@example.com") == "mailto:someone@example.com");
    }
    SUBCASE("base without a path") {
        CHECK(resolve_url("https://example.com", "a.jpg") == "https://example.com/a.jpg");
    }
}

TEST_CASE("resolve_url with relative and empty bases") {
    CHECK(resolve_url("assets/feeds/page-1.json", "../images/a.jpg") == "assets/images/a.jpg");
    CHECK(resolve_url("assets/feeds/page-1.json", "page-2.json") == "assets/feeds/page-2.json");
    CHECK(resolve_url("feeds/page.json", "../../x.jpg") == "../x.jpg");
    CHECK(resolve_url("/feeds/page.json", "../../x.jpg") == "/x.jpg");
    CHECK(resolve_url("page.json", "img/a.jpg") == "img/a.jpg");
    CHECK(resolve_url("", "img/a.jpg") == "img/a.jpg");
    CHECK(resolve_url("assets/feeds/page-1.json", "https://cdn.example/a.jpg") == "https://cdn.example/a.jpg");
    SUBCASE("protocol-relative") {
        CHECK(resolve_url("http://example.com/f.json", "//cdn.example/x.jpg") == "http://cdn.example/x.jpg");
        CHECK(resolve_url("assets/f.json", "//cdn.example/x.jpg") == "https://cdn.example/x.jpg");
        CHECK(resolve_url("", "//cdn.example/x.jpg") == "https://cdn.example/x.jpg");
    }
    SUBCASE("whitespace is cleaned like a browser does") {
        CHECK(resolve_url("https://a/b/", "  c\n/d\t.jpg ") == "https://a/b/c/d.jpg");
    }
}

TEST_CASE("is_http_url") {
    CHECK(is_http_url("http://example.com"));
    CHECK(is_http_url("HTTPS://example.com/x"));
    CHECK(is_http_url("  https://example.com/x"));
    CHECK_FALSE(is_http_url("https://"));
    CHECK_FALSE(is_http_url("https:/example.com"));
    CHECK_FALSE(is_http_url("ftp://example.com"));
    CHECK_FALSE(is_http_url("javascript:alert(1)//http://x"));
    CHECK_FALSE(is_http_url("images/a.jpg"));
    CHECK_FALSE(is_http_url("//example.com/a.jpg"));
    CHECK_FALSE(is_http_url(""));
}

TEST_CASE("url_host") {
    SUBCASE("the host alone") {
        CHECK(url_host("https://www.example.com/a/b?c#d") == "www.example.com");
        CHECK(url_host("http://example.org") == "example.org");
    }
    SUBCASE("without user info or port") {
        CHECK(url_host("https://user:pw@news.example.com:8080/x") == "news.example.com");
        CHECK(url_host("http://[::1]:8080/x") == "[::1]");
        CHECK(url_host("http://[::1]/x") == "[::1]");
    }
    SUBCASE("none without an authority") {
        CHECK(url_host("mailto:a@example.com").empty());
        CHECK(url_host("images/a.jpg").empty());
        CHECK(url_host("").empty());
    }
}

TEST_CASE("is_safe_link refuses script and local schemes however written") {
    SUBCASE("accepted") {
        CHECK(is_safe_link("https://example.com/a"));
        CHECK(is_safe_link("HTTP://example.com/a"));
        CHECK(is_safe_link("mailto:a@example.com"));
        CHECK(is_safe_link("tel:+380441234567"));
        CHECK(is_safe_link("../a/b.html"));
        CHECK(is_safe_link("/a?x=1:2"));
        CHECK(is_safe_link("#top"));
        CHECK(is_safe_link("a/b:c"));
    }
    SUBCASE("refused") {
        CHECK_FALSE(is_safe_link("javascript:alert(1)"));
        CHECK_FALSE(is_safe_link("JaVaScRiPt:alert(1)"));
        CHECK_FALSE(is_safe_link("  javascript:alert(1)"));
        CHECK_FALSE(is_safe_link("\x01\x02javascript:alert(1)"));
        CHECK_FALSE(is_safe_link("java\tscript:alert(1)"));
        CHECK_FALSE(is_safe_link("java\nscript:alert(1)"));
        CHECK_FALSE(is_safe_link("java\rscript:alert(1)"));
        CHECK_FALSE(is_safe_link(std::string_view("java\0script:alert(1)", 20)));
        CHECK_FALSE(is_safe_link("data:text/html;base64,PHNjcmlwdD4="));
        CHECK_FALSE(is_safe_link("DATA:image/svg+xml,<svg/onload=alert(1)>"));
        CHECK_FALSE(is_safe_link("vbscript:msgbox(1)"));
        CHECK_FALSE(is_safe_link("file:///etc/passwd"));
        CHECK_FALSE(is_safe_link("blob:https://x/1"));
        CHECK_FALSE(is_safe_link("about:blank"));
        CHECK_FALSE(is_safe_link("java script:alert(1)"));
        CHECK_FALSE(is_safe_link("\xC2\xA0javascript:alert(1)"));
    }
}

TEST_CASE("resolve_url: spaces are percent-encoded so results read back the same") {
    SUBCASE("a path segment that starts with a space") {
        const std::string once = nr::resolve_url("assets/feeds/page-1.json", "../../ x.jpg");
        CHECK(once == "%20x.jpg");
        CHECK(nr::resolve_url("", once) == once);
    }
    SUBCASE("inner spaces in an absolute URL") {
        const std::string once = nr::resolve_url("https://example.com/feed.json", "a b.jpg");
        CHECK(once == "https://example.com/a%20b.jpg");
        CHECK(nr::resolve_url("https://example.com/feed.json", once) == once);
    }
    SUBCASE("without a base, only the edges are trimmed and inner spaces encoded") {
        CHECK(nr::resolve_url("", "  a b.jpg ") == "a%20b.jpg");
    }
}
