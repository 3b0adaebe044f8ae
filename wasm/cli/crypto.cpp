#include "crypto.h"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

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
