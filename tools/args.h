// The certval tool's command-line parsing, over absl's flag registry (the ABSL_FLAGs in tools/)
// but without absl::ParseCommandLine, which exits the process on a bad flag (status 1, "rejected")
// and prints its own text: here a bad flag is an error the tool reports itself, with exit 2 and
// in JSON when asked.
//
//   --name=value or --name value (one or two dashes); a bool flag alone is true, --noname false;
//   dashes and underscores alike in names (--any-name is --any_name);
//   a list flag may be repeated, and its values accumulate: --roots a.pem --roots b.pem,c.pem;
//   "--" ends the flags; "-" alone is an argument (standard input).
// Only the tool's own flags (defined under tools/) are accepted.
#ifndef CERTVAL_TOOLS_ARGS_H_
#define CERTVAL_TOOLS_ARGS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace certval {

// Sets the flags in `args` (argv without the program name); returns the other arguments in order.
// On error (unknown flag, missing or bad value: InvalidArgument) flags may be partly set.
absl::StatusOr<std::vector<std::string>> ParseFlags(const std::vector<std::string>& args);

// One entry per flag for --help, sorted by name: "  --name=VALUE\n      help (default: x)\n".
std::string FlagsHelp();

}  // namespace certval

#endif  // CERTVAL_TOOLS_ARGS_H_
