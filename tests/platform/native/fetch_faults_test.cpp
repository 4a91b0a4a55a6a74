// The fault cases of docs/offline.md ("Faults") through the desktop fetcher
// (libcurl) against a server on 127.0.0.1: each ends in the same message,
// Retry offer and automatic retry as in the browser (tests/browser/faults.test.mjs).
#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <thread>

#include "core/view/fault_message.hpp"
#include "local_http_server.hpp"
#include "platform/native/fetch_native.hpp"

using namespace nr;
using nr::test::LocalHttpServer;

namespace {

constexpr std::size_t kCap = std::size_t{16} << 20;  // a cap under the 50 MB body
const std::string kFeed =
    R"({"version":"https://jsonfeed.org/version/1.1","title":"F","items":[{"id":"a","title":"A"}]})";

std::string faults(const std::string& path) {
    if (path == "/404") return LocalHttpServer::response(404, "Not Found", "{}");
    if (path == "/503") return LocalHttpServer::response(503, "Service Unavailable", "{}", "Retry-After: 30\r\n");
    if (path == "/hang") {
        std::this_thread::sleep_for(std::chrono::milliseconds(1000));  // past the client's timeout
        return LocalHttpServer::response(200, "OK", kFeed);
    }
    if (path == "/cut")  // declares the whole feed, sends half
        return "HTTP/1.1 200 OK\r\nContent-Length: " + std::to_string(kFeed.size()) + "\r\nConnection: close\r\n\r\n" +
               kFeed.substr(0, kFeed.size() / 2);
    if (path == "/html")
        return LocalHttpServer::response(200, "OK", "<!doctype html><h1>Oops</h1>", "Content-Type: text/html\r\n");
    if (path == "/huge")  // 50 MB, no Content-Length: caught while it streams
        return "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n" + std::string(std::size_t{50} << 20, ' ');
    return LocalHttpServer::response(200, "OK", kFeed, "Content-Type: text/html\r\n");
}

// What the reader would show for `path`: the fetch fault, or the body's.
// The short timeout is what ends a hang; a large body gets longer.
FaultMessage fetch_fault(const LocalHttpServer& server, const std::string& path, long timeout_ms = 250) {
    HttpLimits limits;
    limits.max_body_bytes = kCap;
    limits.total_timeout_ms = timeout_ms;
    limits.connect_timeout_ms = 2000;
    NativeFetcher fetcher(limits);
    FetchResponse got;
    bool done = false;
    fetcher.get(server.url(path), [&](FetchResponse&& r) {
        got = std::move(r);
        done = true;
    });
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (!done && std::chrono::steady_clock::now() < deadline) {
        fetcher.wait(20);
        fetcher.pump();
    }
    REQUIRE(done);
    return got.ok ? describe_not_a_feed(got.body, got.headers.content_type) : describe_fetch_fault(got);
}

}  // namespace

TEST_CASE("Faults through the desktop fetcher read as they do in the browser") {
    LocalHttpServer server(faults);

    SUBCASE("404: not found, no Retry") {
        const FaultMessage m = fetch_fault(server, "/404");
        CHECK(m.text == "The feed was not found (HTTP 404).");
        CHECK_FALSE(m.retry);
    }
    SUBCASE("503 with Retry-After: the header reaches the message and the automatic retry") {
        const FaultMessage m = fetch_fault(server, "/503");
        CHECK(m.text == "The server is busy (HTTP 503); retrying in 30 s.");
        CHECK(m.retry_after_s == 30);
    }
    SUBCASE("a hang ends at the timeout, with Retry") {
        const FaultMessage m = fetch_fault(server, "/hang");
        CHECK(m.text == "The server took too long to answer.");
        CHECK(m.retry);
    }
    SUBCASE("a truncated body: the connection broke off, with Retry") {
        const FaultMessage m = fetch_fault(server, "/cut");
        CHECK(m.text == "The connection broke off before the response was complete.");
        CHECK(m.retry);
    }
    SUBCASE("an HTML page instead of the feed") {
        CHECK(fetch_fault(server, "/html").text == "The feed address returned a web page (HTML), not a feed.");
    }
    SUBCASE("a 50 MB body is refused at the cap, without Retry") {
        const FaultMessage m = fetch_fault(server, "/huge", 4000);
        CHECK(m.text == "The response is larger than the 16 MB limit.");
        CHECK_FALSE(m.retry);
    }
    SUBCASE("JSON with a wrong Content-Type is left to the parser") {
        CHECK(fetch_fault(server, "/feed").text.empty());
    }
}
