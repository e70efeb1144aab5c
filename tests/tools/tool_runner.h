// Runs the `certval` binary (found through runfiles at $TEST_SRCDIR/certval/tools/certval) as a
// subprocess for the tool tests, and checks what it prints.
#ifndef CERTVAL_TESTS_TOOLS_TOOL_RUNNER_H_
#define CERTVAL_TESTS_TOOLS_TOOL_RUNNER_H_

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "absl/time/time.h"
#include "gtest/gtest.h"

namespace certval::tooltest {

struct ToolRun {
  int exit_code = -1;  // -1: killed at the deadline
  std::string out, err;
};

struct RunOptions {
  std::vector<std::string> env;  // "NAME=value" entries, ahead of the inherited environment
  std::string stdin_data;        // written to the tool's standard input, which is then closed
  std::string cwd;               // the tool's working directory; empty: the test's
  absl::Duration timeout = absl::Seconds(30);
};

ToolRun RunTool(const std::vector<std::string>& args, const RunOptions& options);
// The tool with `args` (and extra environment entries), killed after `timeout`.
ToolRun RunTool(const std::vector<std::string>& args, const std::vector<std::string>& env = {},
                absl::Duration timeout = absl::Seconds(30));

// "exit N", stdout and stderr: for failure messages.
std::string Describe(const ToolRun& run);

std::string TempPath(const std::string& name);                                // under $TEST_TMPDIR
std::string WriteFile(const std::string& name, const std::string& contents);  // returns the path

// What a terminal or a JSON encoder may be given: valid UTF-8 without control characters (C0 but
// the newlines that end lines, DEL, C1).
testing::AssertionResult IsSafeText(const std::string& s, bool allow_newline = true);
// Every string in `j`, once decoded, is safe to print: a JSON consumer may well print it.
testing::AssertionResult JsonStringsAreSafe(const nlohmann::json& j);

// How `certval inspect` starts the line of `label`: "  label:" padded to the value column.
std::string InspectLabel(const std::string& label);

// stdout parsed as JSON (discarded on a parse error).
nlohmann::json ParseJson(const std::string& text);

}  // namespace certval::tooltest

#endif  // CERTVAL_TESTS_TOOLS_TOOL_RUNNER_H_
