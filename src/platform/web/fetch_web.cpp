#include "platform/web/fetch_web.hpp"

#include "platform/web/js_routes.hpp"

#include <emscripten/emscripten.h>
#include <emscripten/fetch.h>

#include <cstring>
#include <memory>
#include <unordered_map>

// The body stays in the XHR until on_finished copies it once, straight into
// the FetchResponse: EMSCRIPTEN_FETCH_LOAD_TO_MEMORY would first malloc a
// copy that the response then copies again, two ~30 MB feeds in the heap at
// once, and wasm memory never shrinks. `Fetch` is emscripten's fetch library
// object, in the module's scope like these functions.
EM_JS(double, nr_js_fetch_size, (unsigned id), {
    const xhr = Fetch.xhrs[id - 1];
    return xhr && xhr.response ? xhr.response.byteLength : 0;
});
EM_JS(void, nr_js_fetch_copy, (unsigned id, char* out), {
    HEAPU8.set(new Uint8Array(Fetch.xhrs[id - 1].response), out);
});

// The loader (web/newsreader.js) requests the first feed page and the fonts
// as soon as a widget mounts, while the wasm downloads and compiles and the
// WebGL context is made, and hands them over as Module.nrEarly. A request for
// one of those URLs takes that response (once) instead of asking again.
EM_JS(int, nr_js_has_early, (const char* url_ptr), {
    var early = Module["nrEarly"];
    return early && early.has(UTF8ToString(url_ptr)) ? 1 : 0;
});
EM_JS(void, nr_js_take_early, (int id, const char* url_ptr), {
    Module["nrEarly"].take(UTF8ToString(url_ptr)).then(function(res) {
        var out = Module["_nr_early_body"](id, res.status, res.bytes ? res.bytes.length : 0);
        if (!out) return;  // the fetcher is gone, or nothing to copy
        HEAPU8.set(res.bytes, out);  // read after the call: the heap may have grown
        Module["_nr_early_done"](id);
    });
});

namespace nr {

namespace {

using EarlyRoutes = JsRoutes<WebFetcher>;  // early responses, by id

struct Pending {
    WebFetcher* owner;
    std::unordered_set<emscripten_fetch_t*>* in_flight;
    FetchCallback done;
};

}  // namespace

WebFetcher::~WebFetcher() {
    for (const auto& [id, early] : early_) EarlyRoutes::instance().forget(id);
    for (emscripten_fetch_t* f : in_flight_) {
        delete static_cast<Pending*>(f->userData);
        f->userData = nullptr;
        emscripten_fetch_close(f);  // aborts the XHR
    }
}

void WebFetcher::get(const std::string& url, FetchCallback done) {
    if (nr_js_has_early(url.c_str())) {
        const int id = EarlyRoutes::instance().add(this);
        early_[id] = Early{url, 0, {}, std::move(done)};
        nr_js_take_early(id, url.c_str());
        return;
    }
    emscripten_fetch_attr_t attr;
    emscripten_fetch_attr_init(&attr);
    std::strcpy(attr.requestMethod, "GET");
    attr.attributes = 0;  // the body is copied by on_finished
    attr.userData = new Pending{this, &in_flight_, std::move(done)};
    attr.onsuccess = &WebFetcher::on_finished;
    attr.onerror = &WebFetcher::on_finished;
    if (emscripten_fetch_t* f = emscripten_fetch(&attr, url.c_str())) in_flight_.insert(f);
}

void WebFetcher::on_finished(emscripten_fetch_t* fetch) {
    std::unique_ptr<Pending> pending(static_cast<Pending*>(fetch->userData));
    if (!pending) return;
    pending->in_flight->erase(fetch);
    std::string body;
    if (is_http_success(fetch->status)) {
        body.resize(std::size_t(nr_js_fetch_size(fetch->id)));
        if (!body.empty()) nr_js_fetch_copy(fetch->id, body.data());
    }
    FetchResponse r = http_response(fetch->url ? fetch->url : "", fetch->status, std::move(body));
    emscripten_fetch_close(fetch);
    pending->done(std::move(r));
}

char* WebFetcher::early_body(int id, int status, std::size_t size) {
    Early& e = early_.at(id);
    e.status = status;
    if (!is_http_success(status) || size == 0) return nullptr;
    e.body.resize(size);
    return e.body.data();
}

void WebFetcher::early_done(int id) {
    auto it = early_.find(id);
    Early e = std::move(it->second);
    early_.erase(it);
    EarlyRoutes::instance().forget(id);
    e.done(http_response(std::move(e.url), e.status, std::move(e.body)));
}

}  // namespace nr

extern "C" {

// Sizes the body of early response `id` and returns where JS copies it, or
// null (nothing to copy); _nr_early_done follows unless the owner is gone.
char* nr_early_body(int id, int status, double size) {
    nr::WebFetcher* owner = nr::EarlyRoutes::instance().find(id);
    if (!owner) return nullptr;
    char* out = owner->early_body(id, status, std::size_t(size));
    if (!out) owner->early_done(id);  // an error status or an empty body: done now
    return out;
}

void nr_early_done(int id) {
    if (nr::WebFetcher* owner = nr::EarlyRoutes::instance().find(id)) owner->early_done(id);
}

}  // extern "C"

