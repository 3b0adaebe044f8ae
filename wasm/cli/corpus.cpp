#include "corpus.h"

#include <sstream>

#include "exit_codes.h"
#include "io.h"
#include "messages.h"

namespace rg::cli {

Example parseExample(const std::string& line, const std::string& where) {
  nlohmann::json j = parseJson(line, where);
  auto bad = [&](const char* field) { return CliError{kInvalidInput, tr("eval.bad_line", {where, field})}; };
  if (!j.is_object()) throw bad("{}");
  Example e;
  if (!j.contains("id") || !(j["id"].is_string() || j["id"].is_number_integer())) throw bad("id");
  e.id = j["id"].is_string() ? j["id"].get<std::string>() : j["id"].dump();
  e.source = j.value("source", "reply");
  if (!j.contains("source") || !j["source"].is_string() || (e.source != "reply" && e.source != "incoming"))
    throw bad("source");
  if (j.contains("lang") && (!j["lang"].is_string() || (j["lang"] != "de" && j["lang"] != "en"))) throw bad("lang");
  e.lang = j.value("lang", languageCode());
  if (!j.contains("text") || !j["text"].is_string()) throw bad("text");
  e.text = j["text"];
  if (!j.contains("categories") || !j["categories"].is_array()) throw bad("categories");
  for (const auto& c : j["categories"]) {
    if (!c.is_string()) throw bad("categories");
    e.categories.insert(c.get<std::string>());
  }
  return e;
}

std::vector<Example> readCorpus(const std::string& path) {
  std::istringstream in(readFile(path));
  std::vector<Example> out;
  std::string line;
  long lineNo = 0;
  while (std::getline(in, line)) {
    ++lineNo;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    Example e = parseExample(line, path + ":" + std::to_string(lineNo));
    e.line = lineNo;
    out.push_back(std::move(e));
  }
  if (out.empty()) throw CliError{kInvalidInput, tr("eval.empty", {path})};
  return out;
}

}  // namespace rg::cli
