// Objects a check needs but that are costly to make and free, kept for the next check: clones of
// ICU break iterators (each clone allocates its caches) and ICU regex matchers (a matcher per
// pattern and check). A policy, or one of its patterns, owns its spares; concurrent checks each
// borrow their own (more than kKeep at once make and free theirs as before).
//
// Using a spare gives the same results as a fresh object: a break iterator's setText and a
// matcher's reset drop all state of the previous text, and a caller sets every option it relies on.
#pragma once
#include <cstddef>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

namespace rg::eval {

template <class T>
class Spares {
 public:
  static constexpr size_t kKeep = 2;

  std::unique_ptr<T> take() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (free_.empty()) return nullptr;
    std::unique_ptr<T> t = std::move(free_.back());
    free_.pop_back();
    return t;
  }
  void give(std::unique_ptr<T> t) {
    if (!t) return;
    std::lock_guard<std::mutex> lock(mutex_);
    if (free_.size() < kKeep) free_.push_back(std::move(t));
  }

 private:
  std::mutex mutex_;
  std::vector<std::unique_ptr<T>> free_;
};

// One object borrowed for a scope: a spare if there is one, else made with `make`; given back at
// the end of the scope unless discarded (after an error, so only objects of clean runs are kept).
template <class T>
class Borrowed {
 public:
  template <class Make>
  Borrowed(Spares<T>* spares, Make&& make) : spares_(spares) {
    if (spares_) t_ = spares_->take();
    if (!t_) t_ = make();
  }
  ~Borrowed() {
    if (spares_) spares_->give(std::move(t_));
  }
  Borrowed(const Borrowed&) = delete;
  Borrowed& operator=(const Borrowed&) = delete;

  T* get() const { return t_.get(); }
  T* operator->() const { return t_.get(); }
  T& operator*() const { return *t_; }
  explicit operator bool() const { return t_ != nullptr; }
  void discard() { t_.reset(); }

 private:
  Spares<T>* spares_;
  std::unique_ptr<T> t_;
};

}  // namespace rg::eval
