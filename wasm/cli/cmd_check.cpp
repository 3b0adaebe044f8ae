// `replyguard check [--bundle B] [--platform P] [--incoming TEXT] [--json] TEXT|-`: checks one
// reply like the extension does. Exit 1 when there are findings, so scripts can gate on it.
#include <iostream>

#include "args.h"
#include "bundle_source.h"
#include "commands.h"
#include "exit_codes.h"
#include "io.h"
#include "messages.h"

namespace rg::cli {

namespace {
void printFinding(const nlohmann::json& f) {
  std::cout << "[" << f.value("severity", "?") << "] ";
  if (f.value("source", "reply") == "incoming") std::cout << tr("check.incoming_tag");
  std::cout << f.value("begin", 0) << "-" << f.value("end", 0);
  if (f.contains("text") && f["text"].is_string() && !f["text"].get<std::string>().empty())
    std::cout << " \"" << f["text"].get<std::string>() << "\"";
  std::cout << " " << f.value("rule", "?") << " (" << f.value("category", "?") << "): "
            << f.value("message", "") << "\n";
  if (f.contains("suggestion") && f["suggestion"].is_string())
    std::cout << "    " << tr("check.suggestion", {f["suggestion"].get<std::string>()});
  if (f.contains("replacements") && f["replacements"].is_array() && !f["replacements"].empty()) {
    std::string list;
    for (const auto& r : f["replacements"]) list += (list.empty() ? "" : ", ") + r.get<std::string>();
    std::cout << "    " << tr("check.replacements", {list});
  }
}
}  // namespace

int cmdCheck(const Argv& argv) {
  Args args = parseArgs(argv, {{"bundle", "platform", "incoming"}, {"json"}});
  expectPositionals(args, 1, 1);
  std::string text = args.positional[0];
  if (text == "-") {
    text = readFile("-");
    if (!text.empty() && text.back() == '\n') text.pop_back();  // `echo … |` adds one
    if (!text.empty() && text.back() == '\r') text.pop_back();
  }
  LoadedBundle b = readBundle(args.value("bundle"));
  auto policy = requirePolicy(b);
  const std::u16string reply = utf8ToUtf16(text, tr("check.reply_label"));
  const std::u16string incoming = utf8ToUtf16(args.value("incoming").value_or(""), "--incoming");
  CheckRequest req;
  req.reply = reply;
  req.incoming = incoming;
  req.platform = args.value("platform").value_or("");
  req.lang = languageCode();
  nlohmann::json result = check(*policy, req);
  const nlohmann::json findings = result.value("findings", nlohmann::json::array());
  if (args.flag("json")) {
    std::cout << jsonText(result) << "\n";
  } else {
    for (const auto& f : findings) printFinding(f);
    for (const auto& w : result.value("warnings", nlohmann::json::array()))
      std::cout << tr("check.warning", {w.is_string() ? w.get<std::string>() : w.dump()});
    std::cout << tr(findings.size() == 1 ? "check.summary_one" : "check.summary", {std::to_string(findings.size())});
  }
  return findings.empty() ? kOk : kFindings;
}

}  // namespace rg::cli
