#include "core/view/fault_message.hpp"

#include <doctest/doctest.h>

#include <string>

#include "core/net/limits.hpp"

namespace {

using nr::FetchFailure;
using nr::FetchResponse;

FetchResponse status(int code, std::string retry_after = "") {
    FetchResponse r = nr::http_response("https://news.example/feed.json", code, "");
    r.headers.retry_after = std::move(retry_after);
    return r;
}

FetchResponse failed(FetchFailure failure, std::string error) {
    FetchResponse r;
    r.url = "https://news.example/feed.json";
    r.failure = failure;
    r.error = std::move(error);
    return r;
}

}  // namespace

TEST_CASE("describe_fetch_fault: HTTP statuses in the reader's words") {
    SUBCASE("not found: Retry cannot help") {
        const auto m = nr::describe_fetch_fault(status(404));
        CHECK(m.text == "The feed was not found (HTTP 404).");
        CHECK_FALSE(m.retry);
        CHECK(nr::describe_fetch_fault(status(410)).text == "The feed was not found (HTTP 410).");
    }
    SUBCASE("access refused") {
        const auto m = nr::describe_fetch_fault(status(403));
        CHECK(m.text == "The server refused access to the feed (HTTP 403).");
        CHECK_FALSE(m.retry);
    }
    SUBCASE("a server error: Retry can help") {
        const auto m = nr::describe_fetch_fault(status(500));
        CHECK(m.text == "The server had a problem (HTTP 500).");
        CHECK(m.retry);
        CHECK(m.retry_after_s == 0);
    }
    SUBCASE("busy with Retry-After: retried on its own then") {
        const auto m = nr::describe_fetch_fault(status(503, "30"));
        CHECK(m.text == "The server is busy (HTTP 503); retrying in 30 s.");
        CHECK(m.retry);
        CHECK(m.retry_after_s == 30);
        CHECK(nr::describe_fetch_fault(status(429, "5")).text ==
              "The server is getting too many requests (HTTP 429); retrying in 5 s.");
    }
    SUBCASE("busy without a usable Retry-After: Retry only") {
        for (const char* value : {"", "soon", "Wed, 21 Oct 2026 07:28:00 GMT", "86400"}) {
            CAPTURE(value);
            const auto m = nr::describe_fetch_fault(status(503, value));
            CHECK(m.text == "The server is busy (HTTP 503).");
            CHECK(m.retry);
            CHECK(m.retry_after_s == 0);
        }
    }
    SUBCASE("other client errors are not retried") {
        CHECK_FALSE(nr::describe_fetch_fault(status(400)).retry);
        CHECK(nr::describe_fetch_fault(status(504)).text == "The server timed out (HTTP 504).");
    }
}

TEST_CASE("describe_fetch_fault: failures without a status") {
    SUBCASE("CORS: the server answered, the browser kept it from this site") {
        const auto m = nr::describe_fetch_fault(failed(FetchFailure::Cors, "x"));
        CHECK(m.text == "The server did not allow this site to read the feed (CORS).");
        CHECK_FALSE(m.retry);
    }
    SUBCASE("too large: refused, and refused again") {
        const auto m = nr::describe_fetch_fault(
            failed(FetchFailure::TooLarge, nr::describe_fetch_failure(FetchFailure::TooLarge, nr::kMaxFeedBytes, 0)));
        CHECK(m.text == "The response is larger than the 64 MB limit.");
        CHECK_FALSE(m.retry);
    }
    SUBCASE("a timeout and a broken body can succeed next time") {
        const auto t = nr::describe_fetch_fault(
            failed(FetchFailure::Timeout, nr::describe_fetch_failure(FetchFailure::Timeout, 0, 700)));
        CHECK(t.text == "The server took too long to answer (no complete response in 0.7 s).");
        CHECK(t.retry);
        const auto b = nr::describe_fetch_fault(
            failed(FetchFailure::Broken, nr::describe_fetch_failure(FetchFailure::Broken, 0, 0)));
        CHECK(b.text == "The connection broke off before the response was complete.");
        CHECK(b.retry);
    }
    SUBCASE("the network: the platform's reason is kept") {
        const auto m = nr::describe_fetch_fault(failed(FetchFailure::Network, "could not connect to the server"));
        CHECK(m.text == "Could not reach the feed: could not connect to the server.");
        CHECK(m.retry);
        CHECK(nr::describe_fetch_fault(status(0)).text.starts_with("Could not reach the feed: network error"));
    }
}

TEST_CASE("describe_not_a_feed: a body that is plainly no feed") {
    SUBCASE("a web page, by its bytes or its type") {
        const auto m = nr::describe_not_a_feed("\n  <!DOCTYPE html><title>Error</title>", "");
        CHECK(m.text == "The feed address returned a web page (HTML), not a feed.");
        CHECK(m.retry);  // a login or maintenance page can go away
        CHECK(nr::describe_not_a_feed("<html><body>Sorry</body></html>", "application/json").text == m.text);
        CHECK(nr::describe_not_a_feed("Service down", "text/html; charset=utf-8").text == m.text);
    }
    SUBCASE("an image or another file") {
        const auto m = nr::describe_not_a_feed("\x89PNG\r\n\x1a\n....", "image/png");
        CHECK(m.text == "The feed address returned an image (image/png), not a feed.");
        CHECK_FALSE(m.retry);
        CHECK(nr::describe_not_a_feed("%PDF-1.7", "Application/PDF").text ==
              "The feed address returned a file (application/pdf), not a feed.");
    }
    SUBCASE("JSON is parsed whatever its Content-Type says") {
        CHECK(nr::describe_not_a_feed(R"({"version":"https://jsonfeed.org/version/1.1"})", "text/html").text.empty());
        CHECK(nr::describe_not_a_feed("\xEF\xBB\xBF [1]", "image/png").text.empty());
    }
    SUBCASE("anything else is left to the parser's own reason") {
        CHECK(nr::describe_not_a_feed("<?xml version=\"1.0\"?><rss/>", "application/rss+xml").text.empty());
        CHECK(nr::describe_not_a_feed("hello", "text/plain").text.empty());
    }
}

TEST_CASE("retry_after_seconds") {
    CHECK(nr::retry_after_seconds("30") == 30);
    CHECK(nr::retry_after_seconds(" 2 ") == 2);
    CHECK(nr::retry_after_seconds("600") == nr::kMaxAutoRetrySeconds);
    CHECK(nr::retry_after_seconds("601") == 0);
    CHECK(nr::retry_after_seconds("-1") == 0);
    CHECK(nr::retry_after_seconds("1.5") == 0);
    CHECK(nr::retry_after_seconds("") == 0);
}

TEST_CASE("fault messages in Ukrainian") {
    const nr::Lang uk = nr::Lang::Uk;
    SUBCASE("statuses keep their code") {
        CHECK(nr::describe_fetch_fault(status(404), uk).text == "Стрічку не знайдено (HTTP 404).");
        CHECK(nr::describe_fetch_fault(status(500), uk).text == "На сервері сталася помилка (HTTP 500).");
        CHECK(nr::describe_fetch_fault(status(503, "30"), uk).text ==
              "Сервер перевантажений (HTTP 503); повтор через 30 с.");
        CHECK(nr::describe_fetch_fault(status(302), uk).text == "Сервер надіслав (HTTP 302) замість стрічки.");
    }
    SUBCASE("the platform's English reason stays out of the Ukrainian sentence") {
        const auto net = nr::describe_fetch_fault(failed(FetchFailure::Network, "could not connect to the server"), uk);
        CHECK(net.text == "Не вдалося зв\xE2\x80\x99язатися зі стрічкою.");
        CHECK(net.retry);
        const auto t = nr::describe_fetch_fault(
            failed(FetchFailure::Timeout, nr::describe_fetch_failure(FetchFailure::Timeout, 0, 700)), uk);
        CHECK(t.text == "Сервер надто довго не відповідав.");
        const auto big = nr::describe_fetch_fault(failed(FetchFailure::TooLarge, "the response is too large"), uk);
        CHECK(big.text == "Відповідь завелика.");
        CHECK_FALSE(big.retry);
        CHECK(nr::describe_fetch_fault(failed(FetchFailure::Cors, "x"), uk).text ==
              "Сервер не дозволив цьому сайту читати стрічку (CORS).");
    }
    SUBCASE("a body that is no feed") {
        CHECK(nr::describe_not_a_feed("<!doctype html><p>Sign in", "text/html", uk).text ==
              "За адресою стрічки \xE2\x80\x94 вебсторінка (HTML), а не стрічка.");
        CHECK(nr::describe_not_a_feed("GIF89a", "image/gif", uk).text ==
              "За адресою стрічки \xE2\x80\x94 зображення (image/gif), а не стрічка.");
        CHECK(nr::describe_not_a_feed("{}", "text/html", uk).text.empty());
    }
}
