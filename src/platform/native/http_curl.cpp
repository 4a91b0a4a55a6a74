#include "platform/native/http_curl.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <mutex>

namespace nr {

namespace {

// curl_global_init is not thread-safe and must run once before any handle;
// it is never undone (process-lifetime library state, like the TLS library).
void init_curl_once() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

CURLM* as_multi(void* p) { return static_cast<CURLM*>(p); }

// The value of response header `name` of the last response (after
// redirects), or empty.
std::string header_value(CURL* easy, const char* name) {
    curl_header* h = nullptr;
    if (curl_easy_header(easy, name, 0, CURLH_HEADER, -1, &h) != CURLHE_OK || !h) return {};
    return h->value ? h->value : "";
}

FetchHeaders read_headers(CURL* easy) {
    return FetchHeaders{header_value(easy, "ETag"), header_value(easy, "Last-Modified"), header_value(easy, "Date"),
                        header_value(easy, "Content-Type"), header_value(easy, "Retry-After")};
}

// The kind of failure behind a curl error, for the reader's message.
FetchFailure failure_of(CURLcode code, bool too_large) {
    if (too_large) return FetchFailure::TooLarge;
    switch (code) {
        case CURLE_OPERATION_TIMEDOUT: return FetchFailure::Timeout;
        case CURLE_SEND_ERROR:
        case CURLE_RECV_ERROR:
        case CURLE_PARTIAL_FILE: return FetchFailure::Broken;
        default: return FetchFailure::Network;
    }
}

}  // namespace

struct CurlHttp::Transfer {
    CURL* easy = nullptr;
    std::string url;
    FetchCallback done;
    std::string body;
    std::size_t max_body = 0;
    bool too_large = false;
    bool ended = false;             // its response went out; removed at the end of perform()
    curl_slist* headers = nullptr;  // request headers, freed with the transfer
    char error[CURL_ERROR_SIZE] = {};

    // Streams the body into memory; returning short of `n` makes curl abort
    // with CURLE_WRITE_ERROR, which finish() reports as "too large".
    static std::size_t on_data(char* data, std::size_t size, std::size_t count, void* self) {
        auto* t = static_cast<Transfer*>(self);
        const std::size_t n = size * count;
        if (t->body.size() + n > t->max_body) {
            t->too_large = true;
            return 0;
        }
        t->body.append(data, n);
        return n;
    }
};

std::string describe_curl_error(int code, const std::string& detail, std::size_t max_body_bytes) {
    switch (CURLcode(code)) {
        case CURLE_OK: return {};
        case CURLE_UNSUPPORTED_PROTOCOL: return "only http and https addresses can be fetched";
        case CURLE_URL_MALFORMAT: return "the address is not a valid URL";
        case CURLE_COULDNT_RESOLVE_PROXY: return "could not find the proxy server";
        case CURLE_COULDNT_RESOLVE_HOST: return "could not find the server (check the address or your connection)";
        case CURLE_COULDNT_CONNECT: return "could not connect to the server (refused or unreachable)";
        case CURLE_OPERATION_TIMEDOUT: return describe_fetch_failure(FetchFailure::Timeout, 0, 0);
        case CURLE_TOO_MANY_REDIRECTS: return "too many redirects";
        case CURLE_FILESIZE_EXCEEDED:
        case CURLE_WRITE_ERROR: return describe_fetch_failure(FetchFailure::TooLarge, max_body_bytes, 0);
        case CURLE_GOT_NOTHING: return "the server closed the connection without answering";
        case CURLE_SEND_ERROR:
        case CURLE_RECV_ERROR:
        case CURLE_PARTIAL_FILE: return describe_fetch_failure(FetchFailure::Broken, 0, 0);
        case CURLE_BAD_CONTENT_ENCODING: return "the server sent a body that could not be decompressed";
        case CURLE_SSL_CONNECT_ERROR:
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CACERT_BADFILE:
        case CURLE_SSL_CERTPROBLEM:
            return "secure connection failed" + (detail.empty() ? std::string() : ": " + detail);
        case CURLE_OUT_OF_MEMORY: return "out of memory";
        default: return detail.empty() ? curl_easy_strerror(CURLcode(code)) : detail;
    }
}

CurlHttp::CurlHttp(Limits limits) : limits_(limits) {
    init_curl_once();
    multi_ = curl_multi_init();
}

CurlHttp::~CurlHttp() {
    for (auto& t : transfers_) {
        curl_slist_free_all(t->headers);
        if (!t->easy) continue;
        curl_multi_remove_handle(as_multi(multi_), t->easy);
        curl_easy_cleanup(t->easy);
    }
    curl_multi_cleanup(as_multi(multi_));
}

void CurlHttp::start(const std::string& url, FetchCallback done,
                     const std::vector<std::pair<std::string, std::string>>& headers) {
    auto t = std::make_unique<Transfer>();
    t->url = url;
    t->done = std::move(done);
    t->max_body = limits_.max_body_bytes;
    t->easy = curl_easy_init();
    CURL* e = t->easy;
    if (!e || !multi_) {
        // Reported through perform() like any failure: callbacks never run inside get().
        if (e) curl_easy_cleanup(e);
        t->easy = nullptr;
        transfers_.push_back(std::move(t));
        return;
    }
    curl_easy_setopt(e, CURLOPT_URL, url.c_str());
    curl_easy_setopt(e, CURLOPT_PRIVATE, t.get());
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t->error);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, &Transfer::on_data);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, t.get());
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(e, CURLOPT_MAXREDIRS, limits_.max_redirects);
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, limits_.connect_timeout_ms);
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, limits_.total_timeout_ms);
    curl_easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(e, CURLOPT_LOW_SPEED_TIME, limits_.stall_seconds);
    curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(limits_.max_body_bytes));
    curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");  // every encoding this libcurl decodes
    curl_easy_setopt(e, CURLOPT_USERAGENT, "Newsreader/0.1 (desktop)");
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);  // no SIGALRM around name lookups
    for (const auto& [name, value] : headers) t->headers = curl_slist_append(t->headers, (name + ": " + value).c_str());
    if (t->headers) curl_easy_setopt(e, CURLOPT_HTTPHEADER, t->headers);
    if (curl_multi_add_handle(as_multi(multi_), e) != CURLM_OK) {
        curl_easy_cleanup(e);
        t->easy = nullptr;
    }
    transfers_.push_back(std::move(t));
}

void CurlHttp::perform(std::vector<Finished>& out) {
    // Transfers that could not even start fail here, on the caller's pump.
    for (auto& t : transfers_)
        if (!t->easy && !t->ended) finish(*t, CURLE_FAILED_INIT, out);
    if (multi_ && !transfers_.empty()) {
        int running = 0;
        curl_multi_perform(as_multi(multi_), &running);
        int left = 0;
        while (CURLMsg* m = curl_multi_info_read(as_multi(multi_), &left)) {
            if (m->msg != CURLMSG_DONE) continue;
            Transfer* t = nullptr;
            curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, &t);
            const CURLcode code = m->data.result;  // read before the handle goes away
            if (t) finish(*t, code, out);
        }
    }
    std::erase_if(transfers_, [](const auto& t) { return t->ended; });
}

void CurlHttp::finish(Transfer& t, int code, std::vector<Finished>& out) {
    long status = 0;
    FetchHeaders headers;
    if (t.easy) {
        curl_easy_getinfo(t.easy, CURLINFO_RESPONSE_CODE, &status);
        headers = read_headers(t.easy);
        curl_multi_remove_handle(as_multi(multi_), t.easy);
        curl_easy_cleanup(t.easy);
        t.easy = nullptr;
    }
    curl_slist_free_all(t.headers);
    t.headers = nullptr;
    FetchResponse r;
    if (code == CURLE_OK) {
        r = http_response(t.url, int(status), std::move(t.body));
    } else {
        r.url = t.url;
        r.status = int(status);
        const bool too_large = t.too_large || code == CURLE_FILESIZE_EXCEEDED;
        r.error = describe_curl_error(too_large ? int(CURLE_FILESIZE_EXCEEDED) : code, t.error, limits_.max_body_bytes);
        r.failure = failure_of(CURLcode(code), too_large);
        if (!too_large) r.status = 0;  // a network error, whatever status line came before
    }
    if (r.status != 0) r.headers = std::move(headers);
    out.push_back(Finished{std::move(r), std::move(t.done)});
    t.ended = true;
}

void CurlHttp::wait(int timeout_ms) {
    if (!multi_ || transfers_.empty()) return;
    curl_multi_poll(as_multi(multi_), nullptr, 0, timeout_ms, nullptr);
}

}  // namespace nr
