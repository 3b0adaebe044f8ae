#include "check_cache.h"

namespace rg::classify {
namespace {

// The key: the source as one code unit, then the sentence as written (tokens' offsets depend on it).
std::u16string key(Source source, std::u16string_view sentence) {
  std::u16string k;
  k.reserve(sentence.size() + 1);
  k.push_back(char16_t(source));
  k.append(sentence);
  return k;
}

}  // namespace

void CheckCache::startCheck() {
  if (words.words.size() > kWords) clear();
}

void CheckCache::clear() {
  map_.clear();
  lru_.clear();
  words.clear();
}

std::shared_ptr<AnalysedSentence> CheckCache::find(Source source, std::u16string_view sentence) {
  const std::u16string k = key(source, sentence);
  auto it = map_.find(k);
  if (it == map_.end()) return nullptr;
  lru_.splice(lru_.begin(), lru_, it->second);
  return it->second->second;
}

void CheckCache::put(Source source, std::u16string_view sentence, std::shared_ptr<AnalysedSentence> s) {
  std::u16string k = key(source, sentence);
  if (auto it = map_.find(k); it != map_.end()) {
    it->second->second = std::move(s);
    lru_.splice(lru_.begin(), lru_, it->second);
    return;
  }
  lru_.emplace_front(std::move(k), std::move(s));
  map_.emplace(std::u16string_view(lru_.front().first), lru_.begin());
  while (map_.size() > kSentences) {
    map_.erase(std::u16string_view(lru_.back().first));
    lru_.pop_back();
  }
}

}  // namespace rg::classify
