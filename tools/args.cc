#include "tools/args.h"

#include <algorithm>
#include <map>
#include <utility>

#include "absl/flags/commandlineflag.h"
#include "absl/flags/reflection.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"

namespace certval {
namespace {

// The tool's own flags only: absl's libraries register some of theirs (flagfile, ...), which the
// tool does not implement.
bool IsToolFlag(const absl::CommandLineFlag& flag) {
  return !flag.IsRetired() && absl::StartsWith(flag.Filename(), "tools/");
}

absl::CommandLineFlag* Find(absl::string_view name) {
  absl::CommandLineFlag* flag = absl::FindCommandLineFlag(absl::StrReplaceAll(name, {{"-", "_"}}));
  return flag != nullptr && IsToolFlag(*flag) ? flag : nullptr;
}

bool IsList(const absl::CommandLineFlag& flag) { return flag.IsOfType<std::vector<std::string>>(); }

}  // namespace

absl::StatusOr<std::vector<std::string>> ParseFlags(const std::vector<std::string>& args) {
  std::vector<std::string> positional;
  // Every value of each list flag, in order; set once at the end.
  std::map<absl::CommandLineFlag*, std::vector<std::string>> lists;
  bool flags_done = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (!flags_done && arg == "--") {
      flags_done = true;
      continue;
    }
    if (flags_done || arg.size() < 2 || arg[0] != '-') {
      positional.push_back(arg);
      continue;
    }
    absl::string_view body = arg;
    body.remove_prefix(absl::StartsWith(body, "--") ? 2 : 1);
    const size_t eq = body.find('=');
    const bool has_value = eq != absl::string_view::npos;
    const absl::string_view name = body.substr(0, eq);
    const std::string shown = absl::StrCat("--", name);
    absl::CommandLineFlag* flag = Find(name);
    if (flag == nullptr && !has_value && absl::StartsWith(name, "no")) {
      absl::CommandLineFlag* negated = Find(name.substr(2));
      if (negated != nullptr && negated->IsOfType<bool>()) {
        std::string error;
        negated->ParseFrom("false", &error);
        continue;
      }
    }
    if (flag == nullptr) return absl::InvalidArgumentError(absl::StrCat("unknown flag ", shown));
    std::string value;
    if (has_value) {
      value = std::string(body.substr(eq + 1));
    } else if (flag->IsOfType<bool>()) {
      value = "true";
    } else if (i + 1 < args.size()) {
      value = args[++i];
    } else {
      return absl::InvalidArgumentError(absl::StrCat(shown, " needs a value"));
    }
    if (IsList(*flag)) {
      lists[flag].push_back(std::move(value));
      continue;
    }
    std::string error;
    if (!flag->ParseFrom(value, &error)) {
      return absl::InvalidArgumentError(absl::StrCat(shown, " '", value, "': ", error));
    }
  }
  for (auto& [flag, values] : lists) {
    std::string error;
    const std::string joined = absl::StrJoin(values, ",");
    if (!flag->ParseFrom(joined, &error)) {
      return absl::InvalidArgumentError(
          absl::StrCat("--", flag->Name(), " '", joined, "': ", error));
    }
  }
  return positional;
}

std::string FlagsHelp() {
  std::vector<absl::CommandLineFlag*> flags;
  for (const auto& [name, flag] : absl::GetAllFlags()) {
    if (IsToolFlag(*flag)) flags.push_back(flag);
  }
  std::sort(flags.begin(), flags.end(),
            [](const auto* a, const auto* b) { return a->Name() < b->Name(); });
  std::string out;
  for (const absl::CommandLineFlag* flag : flags) {
    const std::string name = absl::StrReplaceAll(flag->Name(), {{"_", "-"}});
    const bool is_bool = flag->IsOfType<bool>();
    absl::StrAppend(&out, "  --", name,
                    is_bool         ? ""
                    : IsList(*flag) ? "=V[,V...] (repeatable)"
                                    : "=V",
                    "\n      ", flag->Help());
    const std::string def = flag->DefaultValue();
    if (!is_bool && !def.empty() && def != "-1") absl::StrAppend(&out, " (default: ", def, ")");
    absl::StrAppend(&out, "\n");
  }
  return out;
}

}  // namespace certval
