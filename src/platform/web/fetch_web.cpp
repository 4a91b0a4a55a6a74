#include "platform/web/fetch_web.hpp"

#include <emscripten/emscripten.h>

#include <nlohmann/json.hpp>

#include "platform/web/js_routes.hpp"

// The loader (web/newsreader.js) requests the first feed page and the fonts
// as soon as a widget mounts, while the wasm downloads and compiles and the
// WebGL context is made, and hands them over as Module.nrEarly: a request
// for one of those URLs takes that request over (once) instead of asking
// again. Either way newsreaderNet.read (fetch_glue.js) streams the body with
// the cap and settles; the body's chunks are copied into the heap once,
// straight into the response's string, and only when it fits.
// Request headers (a revalidation's If-None-Match / If-Modified-Since) come
// as a JSON object; the early request for the feed carries the validators
// the loader read from the cache, and is taken over only when they are the
// ones asked for here (else it is aborted and the request made afresh).
EM_JS(void, nr_js_fetch, (int id, const char* url_ptr, int timeout_ms, double max_bytes, const char* headers_ptr), {
    var url = UTF8ToString(url_ptr);
    var early = Module["nrEarly"];
    var init = {credentials: "same-origin"};
    var headers = UTF8ToString(headers_ptr);
    if (headers) init.headers = JSON.parse(headers);
    var started = (early && early.has(url) && early.take(url, init.headers)) || newsreaderNet.start(url, init, timeout_ms);
    var requests = Module["nrRequests"] || (Module["nrRequests"] = new Map());
    requests.set(id, started.controller);
    newsreaderNet.read(started, max_bytes, url).then(function(res) {
        if (!requests.delete(id)) return;  // cancelled: the fetcher is gone
        var out = res.body && res.body.size ? Module["_nr_fetch_body"](id, res.body.size) : 0;
        // HEAPU8 read after the call: the heap may have grown.
        for (var i = 0; out && i < res.body.chunks.length; i++) {
            HEAPU8.set(res.body.chunks[i], out);
            out += res.body.chunks[i].length;
        }
        var h = res.headers;
        ccall("nr_fetch_done", null,
              ["number", "number", "number", "number", "string", "string", "string", "string", "string"],
              [id, res.status, res.failure, started.timeoutMs, h.etag, h.lastModified, h.date, h.contentType,
               h.retryAfter]);
    });
});

EM_JS(void, nr_js_fetch_cancel, (int id), {
    var requests = Module["nrRequests"];
    if (!requests || !requests.has(id)) return;
    requests.get(id).abort();
    requests.delete(id);
});

namespace nr {

namespace {

using FetchRoutes = JsRoutes<WebFetcher>;

}  // namespace

WebFetcher::~WebFetcher() {
    for (const auto& [id, request] : requests_) {
        FetchRoutes::instance().forget(id);
        nr_js_fetch_cancel(id);
    }
}

void WebFetcher::get(const std::string& url, FetchCallback done) { request(FetchRequest{url}, std::move(done)); }

void WebFetcher::request(FetchRequest request, FetchCallback done) {
    if (request.cache == CacheMode::CacheOnly) {  // no cache here (CachingFetcher has one)
        Fetcher::request(std::move(request), std::move(done));
        return;
    }
    std::string headers;
    if (!request.headers.empty()) {
        nlohmann::json object = nlohmann::json::object();
        for (const auto& [name, value] : request.headers) object[name] = value;
        headers = object.dump();
    }
    const int id = FetchRoutes::instance().add(this);
    requests_[id] = Request{request.url, {}, std::move(done)};
    nr_js_fetch(id, request.url.c_str(), timeout_ms_, double(kMaxFeedBytes), headers.c_str());
}

char* WebFetcher::body_buffer(int id, std::size_t size) {
    auto it = requests_.find(id);
    if (it == requests_.end() || size == 0) return nullptr;
    // Not zeroed first: the copy overwrites it all, and zeroing a 10,000-story
    // page (30 MB) took 30-70 ms of the one task that hands it over.
#ifdef _LIBCPP_VERSION
    it->second.body.__resize_default_init(size);
#else
    it->second.body.resize(size);
#endif
    return it->second.body.data();
}

void WebFetcher::finish(int id, int status, FetchFailure failure, int timeout_ms, FetchHeaders headers) {
    auto it = requests_.find(id);
    if (it == requests_.end()) return;
    Request request = std::move(it->second);
    requests_.erase(it);
    FetchResponse r;
    if (failure == FetchFailure::None) {
        r = http_response(std::move(request.url), status, std::move(request.body));
    } else {
        r.url = std::move(request.url);
        r.status = failure == FetchFailure::TooLarge ? status : 0;  // as natively: a network error has no status
        r.error = describe_fetch_failure(failure, kMaxFeedBytes, timeout_ms);
        r.failure = failure;
    }
    if (status != 0) r.headers = std::move(headers);
    request.done(std::move(r));
}

}  // namespace nr

extern "C" {

// Sizes the body of request `id` and returns where JS copies it, or null
// (nothing to copy, or the fetcher is gone); _nr_fetch_done follows.
char* nr_fetch_body(int id, double size) {
    nr::WebFetcher* owner = nr::FetchRoutes::instance().find(id);
    return owner ? owner->body_buffer(id, std::size_t(size)) : nullptr;
}

void nr_fetch_done(int id, int status, int failure, int timeout_ms, const char* etag, const char* last_modified,
                   const char* date, const char* content_type, const char* retry_after) {
    nr::WebFetcher* owner = nr::FetchRoutes::instance().take(id);
    if (!owner) return;
    owner->finish(id, status, nr::FetchFailure(failure), timeout_ms,
                  nr::FetchHeaders{etag, last_modified, date, content_type, retry_after});
}

}  // extern "C"
