// The labelled corpus format (tests/corpus/README.md): one JSON object per line with id, source,
// lang, text and categories. Shared by `eval` and `train`.
#pragma once
#include <set>
#include <string>
#include <vector>

namespace rg::cli {

struct Example {
  std::string id;
  std::string source;  // "reply" or "incoming"
  std::string lang;
  std::string text;
  std::set<std::string> categories;
  long line = 0;
};

// Parses one line; throws CliError(kInvalidInput) naming `where` and the bad field.
Example parseExample(const std::string& line, const std::string& where);

// Reads every non-blank line of a corpus file; throws on the first bad line or an empty file.
std::vector<Example> readCorpus(const std::string& path);

}  // namespace rg::cli
