#include "platform/web/fetch_web.hpp"

#include <emscripten/emscripten.h>
#include <emscripten/fetch.h>

#include <cstring>
#include <memory>

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

namespace nr {

namespace {

struct Pending {
    WebFetcher* owner;
    std::unordered_set<emscripten_fetch_t*>* in_flight;
    FetchCallback done;
};

}  // namespace

WebFetcher::~WebFetcher() {
    for (emscripten_fetch_t* f : in_flight_) {
        delete static_cast<Pending*>(f->userData);
        f->userData = nullptr;
        emscripten_fetch_close(f);  // aborts the XHR
    }
}

void WebFetcher::get(const std::string& url, FetchCallback done) {
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
    FetchResponse r;
    r.url = fetch->url ? fetch->url : "";
    r.status = fetch->status;
    r.ok = fetch->status >= 200 && fetch->status < 300;
    if (r.ok) {
        r.body.resize(std::size_t(nr_js_fetch_size(fetch->id)));
        if (!r.body.empty()) nr_js_fetch_copy(fetch->id, r.body.data());
    } else
        r.error = describe_http_status(fetch->status);
    emscripten_fetch_close(fetch);
    pending->done(std::move(r));
}

}  // namespace nr
