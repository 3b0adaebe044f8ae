#include "crypto.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <algorithm>
#include <memory>

#include "exit_codes.h"

namespace rg::cli {
namespace {

struct PkeyFree { void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); } };
struct MdCtxFree { void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); } };
struct BioFree { void operator()(BIO* b) const { BIO_free(b); } };
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyFree>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, MdCtxFree>;
using BioPtr = std::unique_ptr<BIO, BioFree>;

[[noreturn]] void cryptoFailure(const char* what) {
  throw CliError{kInvalidInput, std::string("OpenSSL: ") + what};
}

Bytes rawPublicKeyOf(EVP_PKEY* pkey) {
  size_t len = 32;
  Bytes out(len);
  if (EVP_PKEY_get_raw_public_key(pkey, out.data(), &len) != 1 || len != 32)
    cryptoFailure("cannot read the Ed25519 public key");
  return out;
}

bool isBase64Char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
         c == '/';
}

}  // namespace

Bytes toBytes(std::string_view s) { return Bytes(s.begin(), s.end()); }

Bytes sha256(std::string_view data) {
  Bytes out(32);
  unsigned int len = 0;
  if (EVP_Digest(data.data(), data.size(), out.data(), &len, EVP_sha256(), nullptr) != 1)
    cryptoFailure("SHA-256 failed");
  return out;
}

std::string toHex(const Bytes& bytes) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (uint8_t b : bytes) {
    out += digits[b >> 4];
    out += digits[b & 15];
  }
  return out;
}

std::string sha256Hex(std::string_view data) { return toHex(sha256(data)); }

std::string base64Encode(const Bytes& data) {
  std::string out(4 * ((data.size() + 2) / 3) + 1, '\0');
  int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), data.data(),
                          static_cast<int>(data.size()));
  out.resize(static_cast<size_t>(n));
  return out;
}

std::optional<Bytes> base64Decode(std::string_view text) {
  // EVP_DecodeBlock skips whitespace and does not report padding, so validate first.
  if (text.size() % 4 != 0) return std::nullopt;
  size_t pad = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '=') {
      if (i + 2 < text.size()) return std::nullopt;
      ++pad;
    } else if (pad > 0 || !isBase64Char(c)) {
      return std::nullopt;
    }
  }
  if (pad > 2) return std::nullopt;
  Bytes out(text.size() / 4 * 3);
  int n = EVP_DecodeBlock(out.data(), reinterpret_cast<const unsigned char*>(text.data()),
                          static_cast<int>(text.size()));
  if (n < 0) return std::nullopt;
  out.resize(static_cast<size_t>(n) - pad);
  return out;
}

std::string keyIdOf(const Bytes& rawPublicKey) {
  Bytes digest = sha256(std::string_view(reinterpret_cast<const char*>(rawPublicKey.data()),
                                         rawPublicKey.size()));
  digest.resize(8);
  return toHex(digest);
}

Ed25519KeyPair generateEd25519() {
  PkeyPtr pkey(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"));
  if (!pkey) cryptoFailure("Ed25519 key generation failed");
  BioPtr bio(BIO_new(BIO_s_mem()));
  if (!bio || PEM_write_bio_PrivateKey(bio.get(), pkey.get(), nullptr, nullptr, 0, nullptr,
                                       nullptr) != 1)
    cryptoFailure("cannot encode the private key");
  char* data = nullptr;
  long len = BIO_get_mem_data(bio.get(), &data);
  return {std::string(data, static_cast<size_t>(len)), rawPublicKeyOf(pkey.get())};
}

Ed25519Signer::Ed25519Signer(const std::string& pem) : pkey_(nullptr) {
  BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  EVP_PKEY* key = bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr;
  if (!key) throw CliError{kInvalidInput, "not a PEM private key"};
  if (EVP_PKEY_get_id(key) != EVP_PKEY_ED25519) {
    EVP_PKEY_free(key);
    throw CliError{kInvalidInput, "the private key is not an Ed25519 key"};
  }
  pkey_ = key;
}

Ed25519Signer::~Ed25519Signer() { EVP_PKEY_free(static_cast<EVP_PKEY*>(pkey_)); }

Bytes Ed25519Signer::publicKey() const { return rawPublicKeyOf(static_cast<EVP_PKEY*>(pkey_)); }

Bytes Ed25519Signer::sign(std::string_view message) const {
  MdCtxPtr ctx(EVP_MD_CTX_new());
  // Ed25519 is "pure": no digest is named, the whole message goes in one call.
  if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr,
                                 static_cast<EVP_PKEY*>(pkey_)) != 1)
    cryptoFailure("cannot start signing");
  size_t len = 64;
  Bytes sig(len);
  if (EVP_DigestSign(ctx.get(), sig.data(), &len,
                     reinterpret_cast<const unsigned char*>(message.data()), message.size()) != 1)
    cryptoFailure("signing failed");
  sig.resize(len);
  return sig;
}

namespace {
struct BnFree { void operator()(BIGNUM* b) const { BN_free(b); } };
struct BnCtxFree { void operator()(BN_CTX* c) const { BN_CTX_free(c); } };
using BnPtr = std::unique_ptr<BIGNUM, BnFree>;

BnPtr bn(BN_ULONG v = 0) {
  BnPtr b(BN_new());
  if (!b || BN_set_word(b.get(), v) != 1) cryptoFailure("BIGNUM");
  return b;
}

// y of the small-order points (orders 1, 2, 4, 8), little-endian: any point with one of these
// y is of small order, whatever the sign of x.
const uint8_t kSmallOrderY[][32] = {
  {1},                                                         // identity
  {0xec, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
   0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f},  // p − 1: order 2
  {0},                                                         // order 4
  {0xc7, 0x17, 0x6a, 0x70, 0x3d, 0x4d, 0xd8, 0x4f, 0xba, 0x3c, 0x0b, 0x76, 0x0d, 0x10, 0x67, 0x0f,
   0x2a, 0x20, 0x53, 0xfa, 0x2c, 0x39, 0xcc, 0xc6, 0x4e, 0xc7, 0xfd, 0x77, 0x92, 0xac, 0x03, 0x7a},  // order 8
  {0x26, 0xe8, 0x95, 0x8f, 0xc2, 0xb2, 0x27, 0xb0, 0x45, 0xc3, 0xf4, 0x89, 0xf2, 0xef, 0x98, 0xf0,
   0xd5, 0xdf, 0xac, 0x05, 0xd3, 0xc6, 0x33, 0x39, 0xb1, 0x38, 0x02, 0x88, 0x6d, 0x53, 0xfc, 0x05},  // order 8
};
}  // namespace

bool isAcceptablePublicKey(const Bytes& raw) {
  if (raw.size() != 32) return false;
  uint8_t y[32];
  std::copy(raw.begin(), raw.end(), y);
  const bool negativeX = (y[31] & 0x80) != 0;
  y[31] &= 0x7f;
  for (const auto& small : kSmallOrderY)
    if (std::equal(y, y + 32, small)) return false;
  std::unique_ptr<BN_CTX, BnCtxFree> ctx(BN_CTX_new());
  BnPtr p = bn(0), yy(BN_lebin2bn(y, 32, nullptr)), one = bn(1);
  if (!ctx || !yy || BN_set_bit(p.get(), 255) != 1 || BN_sub_word(p.get(), 19) != 1) cryptoFailure("BIGNUM");
  if (BN_cmp(yy.get(), p.get()) >= 0) return false;  // non-canonical: y ≥ p
  // On the curve −x² + y² = 1 + d·x²·y²  ⇔  x² = (y² − 1) / (d·y² + 1) is a square mod p.
  BnPtr d = bn(121665), den = bn(121666), y2 = bn(), u = bn(), v = bn(), x2 = bn(), e = bn(), r = bn();
  bool ok = BN_mod_inverse(den.get(), den.get(), p.get(), ctx.get()) &&
            BN_mod_mul(d.get(), d.get(), den.get(), p.get(), ctx.get()) == 1 &&
            BN_mod_sub(d.get(), p.get(), d.get(), p.get(), ctx.get()) == 1 &&  // d = −121665/121666
            BN_mod_sqr(y2.get(), yy.get(), p.get(), ctx.get()) == 1 &&
            BN_mod_sub(u.get(), y2.get(), one.get(), p.get(), ctx.get()) == 1 &&
            BN_mod_mul(v.get(), d.get(), y2.get(), p.get(), ctx.get()) == 1 &&
            BN_mod_add(v.get(), v.get(), one.get(), p.get(), ctx.get()) == 1 &&
            BN_mod_inverse(v.get(), v.get(), p.get(), ctx.get()) &&
            BN_mod_mul(x2.get(), u.get(), v.get(), p.get(), ctx.get()) == 1;
  if (!ok) cryptoFailure("BIGNUM");
  if (BN_is_zero(x2.get())) return !negativeX;  // x = 0 has no negative encoding
  // Euler's criterion: x² is a square iff (x²)^((p−1)/2) = 1.
  if (BN_sub(e.get(), p.get(), one.get()) != 1 || BN_rshift1(e.get(), e.get()) != 1 ||
      BN_mod_exp(r.get(), x2.get(), e.get(), p.get(), ctx.get()) != 1)
    cryptoFailure("BIGNUM");
  return BN_is_one(r.get());
}

bool ed25519Verify(const Bytes& rawPublicKey, std::string_view message, const Bytes& signature) {
  if (rawPublicKey.size() != 32 || signature.size() != 64) return false;
  PkeyPtr pkey(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, rawPublicKey.data(), 32));
  if (!pkey) return false;
  MdCtxPtr ctx(EVP_MD_CTX_new());
  if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, pkey.get()) != 1)
    return false;
  return EVP_DigestVerify(ctx.get(), signature.data(), signature.size(),
                          reinterpret_cast<const unsigned char*>(message.data()),
                          message.size()) == 1;
}

}  // namespace rg::cli
