#include "platform/native/local_files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <string_view>
#include <utility>

#include "core/text/url.hpp"
#include "platform/native/http_curl.hpp"

namespace nr {

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// resolve_url percent-encodes spaces (as browsers do), so an image next to a
// feed in "My Feeds/" arrives as "My%20Feeds/...": such a path is read
// decoded when the literal one does not exist.
std::string percent_decoded(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        int hi = 0, lo = 0;
        if (s[i] == '%' && i + 2 < s.size() && (hi = hex_value(s[i + 1])) >= 0 && (lo = hex_value(s[i + 2])) >= 0) {
            out += char(hi * 16 + lo);
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

// O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
int open_for_reading(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0 && errno == ENOENT && path.find('%') != std::string::npos)
        fd = ::open(percent_decoded(path).c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    return fd;
}

class Fd {
public:
    explicit Fd(int fd) : fd_(fd) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() {
        if (fd_ >= 0) ::close(fd_);
    }
    int get() const { return fd_; }

private:
    int fd_;
};

}  // namespace

std::string local_path(const std::string& url) {
    constexpr std::string_view kFile = "file://";
    if (url.size() >= kFile.size() && std::string_view(url).substr(0, kFile.size()) == kFile) {
        std::string path = url.substr(kFile.size());
        if (path.rfind("localhost/", 0) == 0) path.erase(0, 9);
        return path.substr(0, path.find_first_of("?#"));
    }
    return is_relative_ref(url) ? url : std::string();
}

FetchResponse read_local_file(const std::string& url, std::size_t max_bytes) {
    FetchResponse r;
    r.url = url;
    const std::string path = local_path(url);
    if (path.empty()) {
        r.error = "only http(s) addresses and local files can be opened";
        return r;
    }
    const Fd fd(open_for_reading(path));
    if (fd.get() < 0) {
        r.status = 404;
        r.error = "cannot open " + path;
        return r;
    }
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode)) {
        r.error = "not a regular file: " + path;
        return r;
    }
    const std::string too_large = "the file is larger than the " + megabytes(max_bytes) + " limit";
    if (std::uintmax_t(st.st_size) > max_bytes) {
        r.error = too_large;
        r.failure = FetchFailure::TooLarge;
        return r;
    }
    // The size is only what it was at fstat: read at most one byte past the
    // cap to notice a file that grew.
    std::string body(std::size_t(st.st_size), '\0');
    std::size_t got = 0;
    for (;;) {
        if (got == body.size()) {
            if (body.size() > max_bytes) break;
            body.resize(std::min(max_bytes + 1, body.size() + 65536));
        }
        const ssize_t n = ::read(fd.get(), body.data() + got, body.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            r.error = "cannot read " + path;
            return r;
        }
        if (n == 0) break;
        got += std::size_t(n);
    }
    if (got > max_bytes) {
        r.error = too_large;
        r.failure = FetchFailure::TooLarge;
        return r;
    }
    body.resize(got);
    r.body = std::move(body);
    r.ok = true;
    r.status = 200;
    return r;
}

LocalFileReader::~LocalFileReader() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
        jobs_.clear();
    }
    wake_.notify_one();
    if (thread_.joinable()) thread_.join();
}

void LocalFileReader::submit(std::uint64_t id, std::string url) {
    {
        std::lock_guard lock(mutex_);
        jobs_.emplace_back(id, std::move(url));
        if (!thread_.joinable()) thread_ = std::thread([this] { run(); });
    }
    wake_.notify_one();
}

std::vector<LocalFileReader::Read> LocalFileReader::take() {
    std::lock_guard lock(mutex_);
    return std::exchange(done_, {});
}

bool LocalFileReader::busy() const {
    std::lock_guard lock(mutex_);
    return !jobs_.empty() || working_ > 0 || !done_.empty();
}

void LocalFileReader::wait(int timeout_ms) {
    std::unique_lock lock(mutex_);
    finished_.wait_for(lock, std::chrono::milliseconds(timeout_ms),
                       [this] { return !done_.empty() || (jobs_.empty() && working_ == 0); });
}

void LocalFileReader::run() {
    std::unique_lock lock(mutex_);
    for (;;) {
        wake_.wait(lock, [this] { return stop_ || !jobs_.empty(); });
        if (stop_) break;
        auto [id, url] = std::move(jobs_.front());
        jobs_.pop_front();
        ++working_;
        lock.unlock();
        FetchResponse response = read_local_file(url, max_bytes_);
        lock.lock();
        --working_;
        done_.push_back({id, std::move(response)});
        finished_.notify_all();
    }
}

}  // namespace nr
