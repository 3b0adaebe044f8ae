#include "stemmer.h"

#include <memory>

#include <libstemmer.h>

#include "text/utf.h"

namespace rg::morph {
namespace {

struct StemmerDeleter {
  void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};
using StemmerPtr = std::unique_ptr<sb_stemmer, StemmerDeleter>;

sb_stemmer* stemmerFor(Language lang) {
  // sb_stemmer keeps per-call state, so every thread gets its own (wasm has one thread).
  thread_local StemmerPtr en(sb_stemmer_new("english", "UTF_8"));
  thread_local StemmerPtr de(sb_stemmer_new("german", "UTF_8"));
  return lang == Language::German ? de.get() : en.get();
}

}  // namespace

size_t stemInto(std::u16string_view word, Language lang, std::u16string& out) {
  sb_stemmer* s = stemmerFor(lang);
  if (!s || word.empty()) {
    out.append(word);
    return word.size();
  }
  // Folded words are nearly always ASCII: copy bytes instead of converting.
  thread_local std::string utf8;
  bool ascii = true;
  for (char16_t c : word) ascii &= c < 0x80;
  if (ascii) utf8.assign(word.begin(), word.end());
  else utf8 = text::toUtf8(word);
  const sb_symbol* r = sb_stemmer_stem(s, reinterpret_cast<const sb_symbol*>(utf8.data()), int(utf8.size()));
  if (!r) {  // out of memory inside libstemmer: keep the word
    out.append(word);
    return word.size();
  }
  const size_t before = out.size();
  const std::string_view result(reinterpret_cast<const char*>(r), size_t(sb_stemmer_length(s)));
  if (ascii) out.append(result.begin(), result.end());
  else out.append(text::toUtf16(result));
  return out.size() - before;
}

std::u16string stem(std::u16string_view word, Language lang) {
  std::u16string out;
  stemInto(word, lang, out);
  return out;
}

}  // namespace rg::morph
