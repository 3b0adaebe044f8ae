#include "team_time.h"

#include "exit_codes.h"
#include "iso_time.h"
#include "messages.h"

namespace rg::cli {

int64_t instantOption(const Args& args, const std::string& name, bool required) {
  auto v = required ? std::optional<std::string>(args.required(name)) : args.value(name);
  if (!v) return nowMs();
  auto parsed = parseIsoInstant(*v);
  if (!parsed) throw CliError{kUsage, tr("usage.bad_time", {"--" + name, *v})};
  return *parsed;
}

}  // namespace rg::cli
