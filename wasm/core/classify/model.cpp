#include "model.h"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <sstream>
#include <stdexcept>

#include <fasttext/fasttext.h>

#include "check_cache.h"
#include "fasttext_parts.h"

namespace rg::classify {
namespace {

constexpr int32_t kMagic = 793712314;  // fastText's file format magic (fasttext.cc)
constexpr int32_t kVersion = 12;       // the only version fastText 0.9.2 writes
constexpr std::string_view kLabelPrefix = "__label__";

// Pointers to fastText's protected members, formed as a derived class may form them: their type
// names the base class, so they apply to the loaded objects (which are not of these classes).
struct DictionaryAccess : fasttext::Dictionary {
  static constexpr auto addSubwordsOf = &DictionaryAccess::addSubwords;
  static constexpr auto pushHashOf = &DictionaryAccess::pushHash;
  static constexpr auto pruneidxSizeOf = &DictionaryAccess::pruneidx_size_;
};
struct ModelAccess : fasttext::Model {
  static constexpr auto lossOf = &ModelAccess::loss_;
};

// fastText's header check is protected; loadModel(istream&) expects it to have run.
class Loader : public fasttext::FastText {
 public:
  bool header(std::istream& in) { return checkModel(in); }
  FastTextParts parts() const {
    FastTextParts p;
    p.dict = dict_;
    p.input = input_;
    p.model = model_;
    p.loss = (*model_).*ModelAccess::lossOf;
    p.dim = args_->dim;
    p.nlabels = dict_->nlabels();
    p.wordNgrams = args_->wordNgrams;
    p.bucket = args_->bucket > 0 ? uint64_t(args_->bucket) : 0;
    return p;
  }
  // Sizes the predictions rely on (fastText itself indexes its matrices unchecked).
  bool consistent() const {
    const int64_t ngrams = (*dict_).*DictionaryAccess::pruneidxSizeOf >= 0 ? (*dict_).*DictionaryAccess::pruneidxSizeOf : args_->bucket;
    return args_->dim > 0 && input_->size(1) == args_->dim && output_->size(1) == args_->dim &&
           output_->size(0) == dict_->nlabels() && input_->size(0) >= dict_->nwords() + ngrams &&
           (args_->bucket > 0 || (args_->maxn <= 0 && args_->wordNgrams <= 1));
  }
};

// A read-only stream over the model bytes without copying them.
class ByteBuf : public std::streambuf {
 public:
  explicit ByteBuf(std::string_view b) {
    char* p = const_cast<char*>(b.data());
    setg(p, p, p + b.size());
  }
};

}  // namespace

Model::Model() : cache_(std::make_unique<CheckCache>()) {}
Model::~Model() = default;

std::shared_ptr<const Model> Model::load(std::string_view bytes, std::string& error) {
  if (bytes.size() < 8) return error = "is not a fastText model (too short)", nullptr;
  int32_t magic, version;
  std::memcpy(&magic, bytes.data(), 4);
  std::memcpy(&version, bytes.data() + 4, 4);
  if (magic != kMagic) return error = "is not a fastText model (wrong magic number)", nullptr;
  if (version != kVersion)
    return error = "is a fastText model of format version " + std::to_string(version) + "; only version 12 (fastText 0.9.2) is supported", nullptr;

  std::shared_ptr<Model> m(new Model());
  auto ft = std::make_unique<Loader>();
  ByteBuf buf(bytes);
  std::istream in(&buf);
  // fastText never checks its reads: past the end of truncated bytes it would go on with
  // whatever its size variables held. A short read throws here instead, before any is used.
  in.exceptions(std::ios::failbit | std::ios::badbit);
  try {
    if (!ft->header(in)) return error = "is not a fastText model", nullptr;
    ft->loadModel(in);
  } catch (const std::exception& e) {
    // Caught as std::exception: libstdc++ 12 throws the old-ABI ios_base::failure, which a
    // catch of std::ios_base::failure would miss; the stream state says what happened.
    if (in.rdstate() & (std::ios::failbit | std::ios::badbit)) return error = "is truncated", nullptr;
    if (dynamic_cast<const std::bad_alloc*>(&e))
      return error = "is not a valid fastText model (its sizes are implausible)", nullptr;
    return error = std::string("is not a valid fastText model: ") + e.what(), nullptr;
  }
  in.exceptions(std::ios::goodbit);
  if (in.peek() != std::char_traits<char>::eof())
    return error = "is not a valid fastText model (bytes left after the model)", nullptr;
  const fasttext::Args args = ft->getArgs();
  if (args.model != fasttext::model_name::sup) return error = "is not a supervised (classification) model", nullptr;
  if (args.loss != fasttext::loss_name::ova)
    return error = "was not trained one-vs-all (fastText -loss ova); its probabilities would not be per category", nullptr;
  if (!ft->consistent()) return error = "is not a valid fastText model (its matrix sizes do not match its dictionary)", nullptr;
  m->quantized_ = ft->isQuant();
  auto dict = ft->getDictionary();
  for (int32_t i = 0; i < dict->nlabels(); ++i) {
    std::string l = dict->getLabel(i);
    if (l.compare(0, kLabelPrefix.size(), kLabelPrefix) == 0) l.erase(0, kLabelPrefix.size());
    m->index_.emplace(l, int(m->labels_.size()));
    m->labels_.push_back(std::move(l));
  }
  if (m->labels_.empty()) return error = "has no labels", nullptr;
  m->parts_ = std::make_unique<FastTextParts>(ft->parts());
  m->ft_ = std::move(ft);
  return m;
}

void FastTextParts::addSubwords(std::vector<int32_t>& rows, const std::string& word, int32_t wid) const {
  ((*dict).*DictionaryAccess::addSubwordsOf)(rows, word, wid);
}

void FastTextParts::pushHash(std::vector<int32_t>& rows, int32_t id) const { ((*dict).*DictionaryAccess::pushHashOf)(rows, id); }

int Model::labelIndex(std::string_view name) const {
  auto it = index_.find(std::string(name));
  return it == index_.end() ? -1 : it->second;
}

void Model::probabilities(const std::string& line, std::vector<float>& out) const {
  out.assign(labels_.size(), 0.0f);
  ByteBuf buf(line);
  std::istream in(&buf);
  std::vector<std::pair<fasttext::real, std::string>> preds;
  ft_->predictLine(in, preds, -1, 0.0);
  for (const auto& [p, label] : preds) {
    int i = labelIndex(std::string_view(label).substr(label.compare(0, kLabelPrefix.size(), kLabelPrefix) == 0 ? kLabelPrefix.size() : 0));
    if (i >= 0) out[size_t(i)] = float(p);
  }
}

}  // namespace rg::classify
