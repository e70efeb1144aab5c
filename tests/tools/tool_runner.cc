#include "tests/tools/tool_runner.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"

extern char** environ;

namespace certval::tooltest {
namespace {

std::string ToolPath() {
  const char* srcdir = std::getenv("TEST_SRCDIR");
  return absl::StrCat(srcdir ? srcdir : ".", "/certval/tools/certval");
}

// Reads both pipes until they close (true) or `deadline` passes (false).
bool Drain(int out_fd, int err_fd, absl::Time deadline, ToolRun& run) {
  pollfd fds[2] = {{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}};
  int open = 2;
  while (open > 0 && absl::Now() < deadline) {
    if (poll(fds, 2, 100) <= 0) continue;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      char buf[4096];
      ssize_t n = read(fds[i].fd, buf, sizeof buf);
      if (n > 0) {
        (i == 0 ? run.out : run.err).append(buf, static_cast<size_t>(n));
      } else {
        fds[i].fd = -1;
        --open;
      }
    }
  }
  return open == 0;
}

}  // namespace

ToolRun RunTool(const std::vector<std::string>& args, const RunOptions& options) {
  ToolRun run;
  int in[2], out[2], err[2];
  if (pipe2(in, O_CLOEXEC) != 0 || pipe2(out, O_CLOEXEC) != 0 || pipe2(err, O_CLOEXEC) != 0) {
    return run;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in[0], 0);
  posix_spawn_file_actions_adddup2(&actions, out[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err[1], 2);
  if (!options.cwd.empty()) posix_spawn_file_actions_addchdir_np(&actions, options.cwd.c_str());
  std::string tool = ToolPath();
  if (!tool.empty() && tool[0] != '/') {  // relative to the test's directory, not the tool's
    char here[4096];
    if (getcwd(here, sizeof here) != nullptr) tool = absl::StrCat(here, "/", tool);
  }
  std::vector<char*> argv = {const_cast<char*>(tool.c_str())};
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  std::vector<std::string> env_storage(options.env);
  for (char** e = environ; *e != nullptr; ++e) env_storage.push_back(*e);
  std::vector<char*> envp;
  for (std::string& e : env_storage) envp.push_back(e.data());
  envp.push_back(nullptr);
  pid_t pid = -1;
  int rc = posix_spawn(&pid, tool.c_str(), &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  close(in[0]);
  close(out[1]);
  close(err[1]);
  // A writer of its own, so that a tool that reads nothing (or writes first) cannot deadlock us.
  std::thread writer([fd = in[1], data = options.stdin_data] {
    signal(SIGPIPE, SIG_IGN);
    size_t done = 0;
    while (done < data.size()) {
      ssize_t n = write(fd, data.data() + done, data.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;  // the tool closed its end
      done += static_cast<size_t>(n);
    }
    close(fd);
  });
  if (rc == 0) {
    // Output closed: the tool is exiting, so a blocking wait is short. Otherwise it overran.
    if (!Drain(out[0], err[0], absl::Now() + options.timeout, run)) kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    if (WIFEXITED(status)) run.exit_code = WEXITSTATUS(status);
  }
  writer.join();
  close(out[0]);
  close(err[0]);
  return run;
}

ToolRun RunTool(const std::vector<std::string>& args, const std::vector<std::string>& env,
                absl::Duration timeout) {
  RunOptions options;
  options.env = env;
  options.timeout = timeout;
  return RunTool(args, options);
}

std::string Describe(const ToolRun& run) {
  return absl::StrCat("exit ", run.exit_code, "\n--- stdout\n", run.out, "--- stderr\n", run.err);
}

std::string TempPath(const std::string& name) {
  const char* dir = std::getenv("TEST_TMPDIR");
  return absl::StrCat(dir ? dir : "/tmp", "/", name);
}

std::string WriteFile(const std::string& name, const std::string& contents) {
  std::string path = TempPath(name);
  std::ofstream(path, std::ios::binary) << contents;
  return path;
}

testing::AssertionResult IsSafeText(const std::string& s, bool allow_newline) {
  for (size_t i = 0; i < s.size(); ++i) {
    const uint8_t c = static_cast<uint8_t>(s[i]);
    const uint8_t next = i + 1 < s.size() ? static_cast<uint8_t>(s[i + 1]) : 0;
    if ((c < 0x20 && !(allow_newline && c == '\n')) || c == 0x7f ||
        (c == 0xc2 && next >= 0x80 && next <= 0x9f)) {
      return testing::AssertionFailure()
             << "control character at byte " << i << " of " << testing::PrintToString(s);
    }
  }
  try {
    (void)nlohmann::json(s).dump();  // strict: throws on invalid UTF-8
  } catch (const nlohmann::json::exception& e) {
    return testing::AssertionFailure() << e.what() << ": " << testing::PrintToString(s);
  }
  return testing::AssertionSuccess();
}

testing::AssertionResult JsonStringsAreSafe(const nlohmann::json& j) {
  if (j.is_string()) return IsSafeText(j.get<std::string>(), /*allow_newline=*/false);
  if (!j.is_structured()) return testing::AssertionSuccess();
  for (const auto& item : j.items()) {
    if (auto safe = JsonStringsAreSafe(item.value()); !safe) return safe;
  }
  return testing::AssertionSuccess();
}

std::string InspectLabel(const std::string& label) {
  return absl::StrCat("  ", label, ":",
                      std::string(label.size() + 2 < 25 ? 24 - label.size() : 1, ' '));
}

nlohmann::json ParseJson(const std::string& text) {
  return nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
}

}  // namespace certval::tooltest
