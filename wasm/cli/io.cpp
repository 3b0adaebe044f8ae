#include "io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unicode/ustring.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "exit_codes.h"
#include "messages.h"

namespace rg::cli {

std::string readFile(const std::string& path, size_t maxBytes) {
  auto tooLarge = [&] {
    return CliError{kInvalidInput, tr("io.too_large", {path, std::to_string(maxBytes)})};
  };
  // Reads at most maxBytes + 1 bytes: enough to know the input is too large.
  auto readAll = [&](std::istream& in) {
    std::string out;
    char buf[1 << 16];
    while (in) {
      in.read(buf, sizeof buf);
      out.append(buf, static_cast<size_t>(in.gcount()));
      if (out.size() > maxBytes) throw tooLarge();
    }
    return out;
  };
  if (path == "-") return readAll(std::cin);
  struct stat st{};
  if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode))
    throw CliError{kInvalidInput, tr("io.cannot_read", {path, std::strerror(EISDIR)})};
  if (::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && static_cast<uint64_t>(st.st_size) > maxBytes)
    throw tooLarge();
  std::ifstream in(path, std::ios::binary);
  if (!in) throw CliError{kInvalidInput, tr("io.cannot_read", {path, std::strerror(errno)})};
  return readAll(in);
}

std::string jsonText(const nlohmann::json& j, int indent) {
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

bool fileExists(const std::string& path) {
  struct stat st{};
  return ::stat(path.c_str(), &st) == 0;
}

void writeFile(const std::string& path, std::string_view data, bool privateFile, bool overwrite) {
  int flags = O_WRONLY | O_CREAT | O_TRUNC | (overwrite ? 0 : O_EXCL);
  // Private keys are created 0600 from the start, never readable by others even briefly.
  int fd = ::open(path.c_str(), flags, privateFile ? 0600 : 0644);
  if (fd < 0) throw CliError{kInvalidInput, tr("io.cannot_write", {path, std::strerror(errno)})};
  size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      int e = errno;
      ::close(fd);
      throw CliError{kInvalidInput, tr("io.cannot_write", {path, std::strerror(e)})};
    }
    done += static_cast<size_t>(n);
  }
  if (::close(fd) != 0)
    throw CliError{kInvalidInput, tr("io.cannot_write", {path, std::strerror(errno)})};
}

nlohmann::json parseJson(std::string_view text, const std::string& what) {
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    // e.what() carries nlohmann's "[json.exception.parse_error.101] parse error at line 1, …".
    std::string reason = e.what();
    if (auto p = reason.find("] "); p != std::string::npos) reason = reason.substr(p + 2);
    throw CliError{kInvalidInput, tr("io.bad_json", {what, reason})};
  }
}

std::u16string utf8ToUtf16(std::string_view text, const std::string& what) {
  if (text.empty()) return {};
  UErrorCode status = U_ZERO_ERROR;
  int32_t length = 0;
  u_strFromUTF8(nullptr, 0, &length, text.data(), static_cast<int32_t>(text.size()), &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status))
    throw CliError{kInvalidInput, tr("io.bad_utf8", {what})};
  std::u16string out(static_cast<size_t>(length), u'\0');
  status = U_ZERO_ERROR;
  u_strFromUTF8(reinterpret_cast<UChar*>(out.data()), length, nullptr, text.data(),
                static_cast<int32_t>(text.size()), &status);
  if (U_FAILURE(status)) throw CliError{kInvalidInput, tr("io.bad_utf8", {what})};
  return out;
}

}  // namespace rg::cli
