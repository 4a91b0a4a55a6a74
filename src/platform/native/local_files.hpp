// Local files for the desktop build's fetcher (plain paths and file:// URLs,
// as a feed opened from disk may give for its images). A feed can name any
// path, so only regular files are read, never more than the HTTP body cap,
// and on a worker thread: /dev/zero, a FIFO or a large file never stalls or
// hangs the main loop.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/net/fetcher.hpp"

namespace nr {

// The local path for a plain path or file:// URL (query and fragment dropped
// from file URLs); empty for any other scheme.
std::string local_path(const std::string& url);

// Reads `url` whole. Refuses, with a readable error, anything but a regular
// file (directories, devices, FIFOs, sockets: checked on the opened file, so
// a symlink cannot swap one in) and files over max_bytes. Never blocks
// waiting for a writer or a device.
FetchResponse read_local_file(const std::string& url, std::size_t max_bytes);

class LocalFileReader {
public:
    struct Read {
        std::uint64_t id;
        FetchResponse response;
    };

    explicit LocalFileReader(std::size_t max_bytes) : max_bytes_(max_bytes) {}
    LocalFileReader(const LocalFileReader&) = delete;
    LocalFileReader& operator=(const LocalFileReader&) = delete;
    ~LocalFileReader();  // finishes the current read, drops the rest, joins

    void submit(std::uint64_t id, std::string url);
    // Finished reads, oldest first.
    std::vector<Read> take();
    // Submitted and not yet taken.
    bool busy() const;
    // Blocks until a read has finished or timeout_ms passed.
    void wait(int timeout_ms);

private:
    void run();

    const std::size_t max_bytes_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;      // the worker: a job or stop
    std::condition_variable finished_;  // wait(): a read is done
    std::deque<std::pair<std::uint64_t, std::string>> jobs_;
    std::vector<Read> done_;
    int working_ = 0;
    bool stop_ = false;
    std::thread thread_;  // started by the first submit()
};

}  // namespace nr
