// NativeFetcher: local files (regular and small enough only) and http(s)
// through libcurl against a server on 127.0.0.1; callbacks only from pump(),
// exactly once.
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "local_http_server.hpp"
#include "platform/native/fetch_native.hpp"

using namespace nr;
using nr::test::LocalHttpServer;
namespace fs = std::filesystem;

namespace {

// Starts every URL, then pumps (waiting on the network in between) until all
// callbacks ran or 5 s passed. Responses come back in request order.
std::vector<FetchResponse> fetch_all(NativeFetcher& fetcher, const std::vector<std::string>& urls,
                                     int* calls = nullptr) {
    std::vector<FetchResponse> out(urls.size());
    std::vector<int> seen(urls.size(), 0);
    for (std::size_t i = 0; i < urls.size(); ++i)
        fetcher.get(urls[i], [&, i](FetchResponse&& r) {
            out[i] = std::move(r);
            ++seen[i];
        });
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (fetcher.busy() && std::chrono::steady_clock::now() < deadline) {
        fetcher.wait(20);
        fetcher.pump();
    }
    for (int s : seen) CHECK(s == 1);
    if (calls) *calls = 0;
    if (calls)
        for (int s : seen) *calls += s;
    return out;
}

FetchResponse fetch_one(NativeFetcher& fetcher, const std::string& url) { return fetch_all(fetcher, {url})[0]; }

std::string routes(const std::string& path) {
    if (path == "/ok") return LocalHttpServer::response(200, "OK", "hello");
    if (path == "/redirect") return LocalHttpServer::response(302, "Found", "", "Location: /ok\r\n");
    if (path == "/loop") return LocalHttpServer::response(302, "Found", "", "Location: /loop\r\n");
    if (path == "/to-file") return LocalHttpServer::response(302, "Found", "", "Location: file:///etc/hostname\r\n");
    if (path == "/big") return LocalHttpServer::response(200, "OK", std::string(4096, 'x'));
    if (path == "/big-unsized")  // no Content-Length: only the streamed byte count can catch it
        return "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n" + std::string(4096, 'x');
    if (path == "/error") return LocalHttpServer::response(503, "Service Unavailable", "down");
    return LocalHttpServer::response(404, "Not Found", "no such page");
}

HttpLimits small_limits() {
    HttpLimits l;
    l.max_body_bytes = 1024;
    l.max_redirects = 3;
    l.connect_timeout_ms = 2000;
    l.total_timeout_ms = 4000;
    return l;
}

}  // namespace

TEST_CASE("NativeFetcher reads local files") {
    NativeFetcher fetcher;
    int calls = 0;

    SUBCASE("a relative path, delivered by pump() and not inside get()") {
        FetchResponse r;
        fetcher.get("assets/feeds/page-1.json", [&](FetchResponse&& got) {
            r = std::move(got);
            ++calls;
        });
        CHECK(calls == 0);
        CHECK(fetcher.busy());
        fetcher.wait(5000);  // read on a worker thread
        CHECK(fetcher.pump() == 1);
        CHECK(calls == 1);
        CHECK_FALSE(fetcher.busy());
        CHECK(r.ok);
        CHECK(r.status == 200);
        CHECK(r.body.find("\"items\"") != std::string::npos);
    }
    SUBCASE("a file:// URL") {
        FetchResponse r = fetch_one(fetcher, std::string("file://") + NR_SOURCE_DIR + "/assets/feeds/page-1.json");
        CHECK(r.ok);
        CHECK(r.body.find("\"items\"") != std::string::npos);
    }
    SUBCASE("a missing file is an error") {
        FetchResponse r = fetch_one(fetcher, "assets/feeds/missing.json");
        CHECK_FALSE(r.ok);
        CHECK(r.status == 404);
        CHECK(r.error == "cannot open assets/feeds/missing.json");
    }
    SUBCASE("other schemes are refused") {
        FetchResponse r = fetch_one(fetcher, "ftp://127.0.0.1/feed.json");
        CHECK_FALSE(r.ok);
        CHECK(r.error == "only http(s) addresses and local files can be opened");
    }
}

// A feed opened from disk can name any path for its images.
TEST_CASE("NativeFetcher refuses local paths that are not small regular files") {
    const fs::path dir = fs::temp_directory_path() / ("nr-fetch-test-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    NativeFetcher fetcher(small_limits());

    SUBCASE("/dev/zero, which never ends") {
        FetchResponse r = fetch_one(fetcher, "/dev/zero");
        CHECK_FALSE(r.ok);
        CHECK(r.body.empty());
        CHECK(r.error == "not a regular file: /dev/zero");
    }
    SUBCASE("a FIFO, whose open would wait for a writer") {
        const fs::path fifo = dir / "fifo";
        REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
        FetchResponse r = fetch_one(fetcher, "file://" + fifo.string());
        CHECK_FALSE(r.ok);
        CHECK(r.error == "not a regular file: " + fifo.string());
    }
    SUBCASE("a directory") {
        FetchResponse r = fetch_one(fetcher, dir.string());
        CHECK_FALSE(r.ok);
        CHECK(r.error == "not a regular file: " + dir.string());
    }
    SUBCASE("a file over the body size cap, and one at it") {
        std::ofstream(dir / "big.bin", std::ios::binary) << std::string(1025, 'x');
        std::ofstream(dir / "fits.bin", std::ios::binary) << std::string(1024, 'y');
        auto rs = fetch_all(fetcher, {(dir / "big.bin").string(), (dir / "fits.bin").string()});
        CHECK_FALSE(rs[0].ok);
        CHECK(rs[0].body.empty());
        CHECK(rs[0].error == "the file is larger than the 1024 bytes limit");
        CHECK(rs[1].ok);
        CHECK(rs[1].body == std::string(1024, 'y'));
    }
    fs::remove_all(dir);
}

TEST_CASE("NativeFetcher fetches http from a local server") {
    LocalHttpServer server(routes);
    NativeFetcher fetcher(small_limits());

    SUBCASE("200 with its body") {
        FetchResponse r = fetch_one(fetcher, server.url("/ok"));
        CHECK(r.ok);
        CHECK(r.status == 200);
        CHECK(r.body == "hello");
        CHECK(r.url == server.url("/ok"));
    }
    SUBCASE("404 and 503 are errors with readable text") {
        auto rs = fetch_all(fetcher, {server.url("/nope"), server.url("/error")});
        CHECK_FALSE(rs[0].ok);
        CHECK(rs[0].status == 404);
        CHECK(rs[0].error == "HTTP 404: not found");
        CHECK(rs[0].body.empty());
        CHECK(rs[1].status == 503);
        CHECK(rs[1].error == "HTTP 503: server error");
    }
    SUBCASE("redirects are followed") {
        FetchResponse r = fetch_one(fetcher, server.url("/redirect"));
        CHECK(r.ok);
        CHECK(r.body == "hello");
        CHECK(r.url == server.url("/redirect"));  // the requested URL, as on the web
    }
    SUBCASE("a redirect loop stops at the limit") {
        FetchResponse r = fetch_one(fetcher, server.url("/loop"));
        CHECK_FALSE(r.ok);
        CHECK(r.status == 0);
        CHECK(r.error == "too many redirects");
        CHECK(server.requests() == 4);  // the first request + max_redirects
    }
    SUBCASE("a redirect to file:// is refused") {
        FetchResponse r = fetch_one(fetcher, server.url("/to-file"));
        CHECK_FALSE(r.ok);
        CHECK(r.body.empty());
        CHECK(r.error == "only http and https addresses can be fetched");
    }
    SUBCASE("bodies over the limit are refused, with or without Content-Length") {
        auto rs = fetch_all(fetcher, {server.url("/big"), server.url("/big-unsized")});
        for (const FetchResponse& r : rs) {
            CHECK_FALSE(r.ok);
            CHECK(r.body.empty());
            CHECK(r.error == "the response is larger than the 1024 bytes limit");
        }
    }
    SUBCASE("many requests at once, and one started from a callback") {
        std::vector<std::string> got;
        for (int i = 0; i < 5; ++i) fetcher.get(server.url("/ok"), [&](FetchResponse&& r) { got.push_back(r.body); });
        fetcher.get(server.url("/redirect"), [&](FetchResponse&&) {
            fetcher.get(server.url("/ok"), [&](FetchResponse&& r) { got.push_back("chained " + r.body); });
        });
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
        while (fetcher.busy() && std::chrono::steady_clock::now() < deadline) {
            fetcher.wait(20);
            fetcher.pump();
        }
        REQUIRE(got.size() == 6);
        CHECK(got.back() == "chained hello");
    }
}

TEST_CASE("NativeFetcher network failures") {
    NativeFetcher fetcher(small_limits());

    SUBCASE("connection refused") {
        FetchResponse r =
            fetch_one(fetcher, "http://127.0.0.1:" + std::to_string(test::unused_local_port()) + "/feed.json");
        CHECK_FALSE(r.ok);
        CHECK(r.status == 0);
        CHECK(r.error == "could not connect to the server (refused or unreachable)");
    }
    SUBCASE("destroying the fetcher drops transfers in flight without calling back") {
        LocalHttpServer server(routes);
        int calls = 0;
        {
            NativeFetcher short_lived;
            short_lived.get(server.url("/ok"), [&](FetchResponse&&) { ++calls; });
            short_lived.pump();
        }
        CHECK(calls == 0);
    }
}

TEST_CASE("describe_curl_error is short and specific") {
    CHECK(describe_curl_error(6 /* CURLE_COULDNT_RESOLVE_HOST */, "Could not resolve host: x", 1)
              .starts_with("could not find the server"));
    CHECK(describe_curl_error(28 /* CURLE_OPERATION_TIMEDOUT */, "", 1) == "the server took too long to answer");
    CHECK(describe_curl_error(63 /* CURLE_FILESIZE_EXCEEDED */, "", std::size_t{64} << 20) ==
          "the response is larger than the 64 MB limit");
    CHECK(describe_curl_error(60 /* CURLE_PEER_FAILED_VERIFICATION */, "certificate has expired", 1) ==
          "secure connection failed: certificate has expired");
}
