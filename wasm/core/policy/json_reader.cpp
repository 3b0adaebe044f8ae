#include "json_reader.h"

namespace rg::policy {

std::string pointerToken(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

namespace {

using json = nlohmann::json;

class DomBuilder {
 public:
  DomBuilder(json& root, size_t maxDepth, std::vector<BundleError>& errors)
      : root_(root), maxDepth_(maxDepth), errors_(errors) {}

  bool null() { return put(nullptr); }
  bool boolean(bool v) { return put(v); }
  bool number_integer(json::number_integer_t v) { return put(v); }
  bool number_unsigned(json::number_unsigned_t v) { return put(v); }
  bool number_float(json::number_float_t v, const std::string&) { return put(v); }
  bool string(std::string& v) { return put(std::move(v)); }
  bool binary(json::binary_t&) { return put(nullptr); }
  bool start_object(std::size_t) { return open(json::object()); }
  bool start_array(std::size_t) { return open(json::array()); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  bool key(std::string& k) {
    Frame& f = stack_.back();
    if (f.value->contains(k)) {
      errors_.push_back({path(false) + "/" + pointerToken(k), "duplicate key \"" + k + "\""});
      ok_ = false;
    }
    f.key = std::move(k);
    return true;
  }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) {
    std::string what = ex.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error ..." -> the reason
    auto colon = what.find(": ");
    std::string reason = colon == std::string::npos ? what : what.substr(colon + 2);
    errors_.push_back({"", "invalid JSON at byte " + std::to_string(position) + ": " + reason});
    ok_ = false;
    return false;
  }
  bool ok() const { return ok_; }

 private:
  struct Frame {
    json* value;
    std::string key;
  };

  json* slot() {
    if (stack_.empty()) return &root_;
    Frame& f = stack_.back();
    if (f.value->is_array()) {
      f.value->push_back(nullptr);
      return &f.value->back();
    }
    return &(*f.value)[f.key];
  }
  bool put(json v) {
    *slot() = std::move(v);
    return true;
  }
  bool open(json v) {
    if (stack_.size() >= maxDepth_) {
      errors_.push_back({path(true), "JSON nesting is deeper than " + std::to_string(maxDepth_) + " levels"});
      ok_ = false;
      return false;  // stops the parser: no recursion, no unbounded memory
    }
    json* s = slot();
    *s = std::move(v);
    stack_.push_back({s, {}});
    return true;
  }
  bool close() {
    stack_.pop_back();
    return true;
  }
  // Pointer of the current container's child being opened (withLast) or of the container itself.
  std::string path(bool withLast) const {
    std::string p;
    for (const Frame& f : stack_) {
      if (&f == &stack_.back() && !withLast) break;
      if (&f == &stack_.back() && f.value->is_array()) {
        p += "/" + std::to_string(f.value->size());
      } else if (f.value->is_array()) {
        p += "/" + std::to_string(f.value->size() - 1);
      } else {
        p += "/" + pointerToken(f.key);
      }
    }
    return p;
  }

  json& root_;
  size_t maxDepth_;
  std::vector<BundleError>& errors_;
  std::vector<Frame> stack_;
  bool ok_ = true;
};

}  // namespace

bool readJson(std::string_view text, size_t maxBytes, size_t maxDepth, json& out, std::vector<BundleError>& errors) {
  if (text.size() > maxBytes) {
    errors.push_back({"", "bundle is " + std::to_string(text.size()) + " bytes; the limit is " +
                              std::to_string(maxBytes) + " bytes"});
    return false;
  }
  out = nullptr;
  DomBuilder builder(out, maxDepth, errors);
  bool parsed = json::sax_parse(text.begin(), text.end(), &builder, json::input_format_t::json, true);
  if (!parsed || !builder.ok()) {
    out = nullptr;
    return false;
  }
  return true;
}

}  // namespace rg::policy
