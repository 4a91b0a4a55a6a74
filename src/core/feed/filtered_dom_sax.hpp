// A DOM builder for nlohmann's SAX parser that calls a parser callback, as
// json::parse(bytes, callback) does, in linear time. nlohmann 3.11's own
// json_sax_dom_callback_parser scans the whole parent container for a
// discarded element after *every* object ends, so an array of n objects
// (a body of 16,000 blocks, 64 KB of JSON) costs O(n^2): seconds natively,
// far more in the browser. Here a dropped value is always the one just
// completed, the last of its parent, and is removed in O(1).
//
// Same callback contract (depth = enclosing containers; events object_start,
// key, object_end, array_start, array_end, value), with one difference the
// feed reader does not need: returning false only drops a *completed* value
// (value, object_end, array_end); for start and key events it is ignored.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace nr {

class FilteredDomSax {
public:
    using Json = nlohmann::json;
    using Event = Json::parse_event_t;

    FilteredDomSax(Json& root, Json::parser_callback_t filter) : root_(root), filter_(std::move(filter)) {}

    bool null() { return value(Json(nullptr)); }
    bool boolean(bool v) { return value(Json(v)); }
    bool number_integer(Json::number_integer_t v) { return value(Json(v)); }
    bool number_unsigned(Json::number_unsigned_t v) { return value(Json(v)); }
    bool number_float(Json::number_float_t v, const Json::string_t&) { return value(Json(v)); }
    bool string(Json::string_t& v) { return value(Json(std::move(v))); }
    bool binary(Json::binary_t& v) { return value(Json::binary(std::move(v))); }

    bool start_object(std::size_t) { return open(Json::object(), Event::object_start); }
    bool start_array(std::size_t) { return open(Json::array(), Event::array_start); }
    bool end_object() { return close(Event::object_end); }
    bool end_array() { return close(Event::array_end); }

    bool key(Json::string_t& k) {
        Json name(k);
        filter_(depth(), Event::key, name);
        open_.back().pending_key = std::move(k);
        return true;
    }

    template <class Exception>
    bool parse_error(std::size_t, const std::string&, const Exception&) {
        errored_ = true;
        return false;
    }
    bool is_errored() const { return errored_; }

private:
    struct Open {
        Json* container;
        std::string pending_key;  // objects: the key of the value being read
    };

    int depth() const { return int(open_.size()); }

    // Where a new value goes: the root, the end of the open array, or the
    // open object under its pending key.
    Json& place(Json&& v) {
        if (open_.empty()) return root_ = std::move(v);
        Json& parent = *open_.back().container;
        if (parent.is_array()) {
            parent.push_back(std::move(v));
            return parent.back();
        }
        return parent[open_.back().pending_key] = std::move(v);
    }

    // Removes the value just completed (the last placed in its parent).
    void drop_last() {
        if (open_.empty()) {
            root_ = Json(Json::value_t::discarded);
            return;
        }
        Json& parent = *open_.back().container;
        if (parent.is_array())
            parent.erase(parent.size() - 1);
        else
            parent.erase(open_.back().pending_key);
    }

    bool value(Json&& v) {
        if (!filter_(depth(), Event::value, v)) return true;  // never placed
        place(std::move(v));
        return true;
    }

    bool open(Json&& empty, Event event) {
        Json ignored(Json::value_t::discarded);
        filter_(depth(), event, ignored);
        Json& slot = place(std::move(empty));
        open_.push_back({&slot, {}});
        return true;
    }

    bool close(Event event) {
        Json& done = *open_.back().container;
        open_.pop_back();
        if (!filter_(depth(), event, done)) drop_last();
        return true;
    }

    Json& root_;
    Json::parser_callback_t filter_;  // owned: callers pass lambdas as temporaries
    std::vector<Open> open_;
    bool errored_ = false;
};

}  // namespace nr
