// A tiny HTTP/1.1 server on 127.0.0.1 (an ephemeral port) for fetcher tests:
// one thread, one connection at a time, every response closes its
// connection. The handler maps a request path to the raw response bytes, so
// tests can send any status line, header or truncated body. Stops and joins
// in the destructor; no internet needed.
#pragma once

#include <atomic>
#include <functional>
#include <string>
#include <thread>

namespace nr::test {

class LocalHttpServer {
public:
    using Handler = std::function<std::string(const std::string& path)>;

    explicit LocalHttpServer(Handler handler);
    LocalHttpServer(const LocalHttpServer&) = delete;
    LocalHttpServer& operator=(const LocalHttpServer&) = delete;
    ~LocalHttpServer();

    int port() const { return port_; }
    std::string url(const std::string& path) const;
    int requests() const { return requests_; }

    // A complete response with Content-Length.
    static std::string response(int status, const std::string& reason, const std::string& body,
                                const std::string& extra_headers = "");

private:
    void serve();
    void answer(int client);

    Handler handler_;
    int listen_fd_ = -1;
    int port_ = 0;
    std::atomic<bool> stop_{false};
    std::atomic<int> requests_{0};
    std::thread thread_;
};

// A port on 127.0.0.1 that nothing listens on (bound, then closed).
int unused_local_port();

}  // namespace nr::test
