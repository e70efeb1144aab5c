// The administrator policy file: format, errors with line numbers, where it is looked for, and the
// difference between "absent" and "broken".
#include "certval/hooks/policy_file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/hooks/hook_test_util.h"

namespace certval {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

constexpr char kGood[] = R"(# certval policy for the build farm
default = enforce
check validity = warn          # old internal certificates

host *.legacy.example {
  check signature = warn
  default = warn
}
host db.legacy.example {
  check validity = enforce
}
host *.lab.legacy.example {
  check peer_name = disable
}
)";

std::string Msg(const absl::Status& status) { return std::string(status.message()); }

std::string TempPath(absl::string_view name) {
  const char* tmp = std::getenv("TEST_TMPDIR");
  return absl::StrCat(tmp != nullptr ? tmp : "/tmp", "/", name);
}

// A file as an administrator would leave it: writable by its owner only, whatever the umask.
std::string Write(absl::string_view name, absl::string_view content, mode_t mode = 0644) {
  std::string path = TempPath(name);
  std::ofstream(path) << content;
  EXPECT_EQ(chmod(path.c_str(), mode), 0);
  return path;
}

AdminPolicyOptions Env(std::map<std::string, std::string> vars, std::string system_path) {
  AdminPolicyOptions options;
  options.getenv = [vars](const std::string& name) -> std::optional<std::string> {
    auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
  options.system_path = std::move(system_path);
  return options;
}

TEST(PolicyFileTest, ParsesGlobalAndHostSettings) {
  absl::StatusOr<AdminPolicy> policy = ParseAdminPolicy(kGood, "policy.conf");
  ASSERT_TRUE(policy.ok()) << policy.status();
  EXPECT_TRUE(policy->present());
  EXPECT_EQ(policy->hosts().size(), 3u);

  Policy plain = policy->PolicyFor("www.example.com");
  EXPECT_EQ(plain.global(), Mode::kEnforce);
  EXPECT_EQ(plain.ModeFor("validity"), Mode::kWarn);
  EXPECT_EQ(plain.ModeFor("signature"), Mode::kEnforce);

  Policy legacy = policy->PolicyFor("app.legacy.example");
  EXPECT_EQ(legacy.global(), Mode::kWarn);
  EXPECT_EQ(legacy.ModeFor("signature"), Mode::kWarn);
  EXPECT_EQ(legacy.ModeFor("validity"), Mode::kWarn);  // from the global statements

  Policy db = policy->PolicyFor("DB.legacy.example.");  // exact beats wildcard
  EXPECT_EQ(db.ModeFor("validity"), Mode::kEnforce);
  EXPECT_EQ(db.ModeFor("signature"), Mode::kEnforce);  // the exact block alone applies

  Policy lab = policy->PolicyFor("x.lab.legacy.example");  // the longer wildcard wins
  EXPECT_EQ(lab.ModeFor("peer_name"), Mode::kDisable);
  EXPECT_EQ(lab.global(), Mode::kEnforce);
}

TEST(PolicyFileTest, ApplyToKeepsWhatTheFileDoesNotMention) {
  absl::StatusOr<AdminPolicy> policy = ParseAdminPolicy("check validity = enforce\n");
  ASSERT_TRUE(policy.ok()) << policy.status();
  Policy app(Mode::kEnforce);
  app.Set("validity", Mode::kDisable);
  app.Set("peer_name", Mode::kWarn);
  Policy merged = policy->ApplyTo(app, "example.com");
  EXPECT_EQ(merged.ModeFor("validity"), Mode::kEnforce);  // the administrator's word
  EXPECT_EQ(merged.ModeFor("peer_name"), Mode::kWarn);    // untouched
}

TEST(PolicyFileTest, EmptyTextIsAPresentButEmptyPolicy) {
  absl::StatusOr<AdminPolicy> policy = ParseAdminPolicy("# nothing yet\n\n");
  ASSERT_TRUE(policy.ok());
  EXPECT_TRUE(policy->present());
  EXPECT_EQ(policy->PolicyFor("x").global(), Mode::kEnforce);
  EXPECT_TRUE(policy->PolicyFor("x").overrides().empty());
}

struct Malformed {
  const char* text;
  const char* error;  // the expected "source:line: ..." prefix and a word of the reason
  const char* reason;
};

TEST(PolicyFileTest, MalformedFilesNameTheLine) {
  const Malformed cases[] = {
      {"default = enforce\ncheck validity = sometimes\n", "p:2: ", "unknown mode 'sometimes'"},
      {"\n\n}\n", "p:3: ", "without an open host block"},
      {"host a.example {\ncheck validity = warn\n", "p:1: ", "never closed"},
      {"host a.example {\nhost b.example {\n}\n}\n", "p:2: ", "do not nest"},
      {"check validity = warn\ncheck validity = enforce\n", "p:2: ", "already set (line 1)"},
      {"default = warn\ndefault = warn\n", "p:2: ", "already set"},
      {"host a.example {\n}\nhost A.example. {\n}\n", "p:3: ", "already has a block (line 1)"},
      {"check val!dity = warn\n", "p:1: ", "not a check name"},
      {"enforce everything\n", "p:1: ", "expected 'default = <mode>'"},
      {"mode = warn\n", "p:1: ", "unknown setting 'mode'"},
      {"host *.*.example {\n}\n", "p:1: ", "host pattern"},
      {"host a.example\n", "p:1: ", "expected 'host <pattern> {'"},
      {"hostname = warn\n", "p:1: ", "unknown setting 'hostname'"},
      {"default = warn\n\ncheck validty = disable\n", "p:3: ", "unknown check 'validty'"},
      {"host a.example {\n  check leaf_lifetime = warn\n}\n", "p:2: ", "unknown check"},
      {"check path_building = warn\n", "p:1: ", "unknown check"},
  };
  for (const Malformed& c : cases) {
    absl::StatusOr<AdminPolicy> policy = ParseAdminPolicy(c.text, "p");
    ASSERT_FALSE(policy.ok()) << c.text;
    EXPECT_EQ(policy.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(Msg(policy.status()), StartsWith(c.error)) << c.text;
    EXPECT_THAT(Msg(policy.status()), HasSubstr(c.reason)) << c.text;
  }
}

TEST(PolicyFileTest, AbsentFileIsNoPolicyAndNotAnError) {
  absl::StatusOr<AdminPolicy> policy = LoadAdminPolicy(Env({}, TempPath("no-such-policy.conf")));
  ASSERT_TRUE(policy.ok()) << policy.status();
  EXPECT_FALSE(policy->present());
  EXPECT_EQ(policy->origin(), AdminPolicy::Origin::kAbsent);
  EXPECT_THAT(policy->source(), HasSubstr("no-such-policy.conf"));
  EXPECT_THAT(policy->source(), HasSubstr("CERTVAL_POLICY_FILE"));
  EXPECT_EQ(policy->PolicyFor("x").global(), Mode::kEnforce);
}

TEST(PolicyFileTest, SystemPathIsReadWhenTheVariableIsUnset) {
  std::string path = Write("system.conf", kGood);
  absl::StatusOr<AdminPolicy> policy = LoadAdminPolicy(Env({}, path));
  ASSERT_TRUE(policy.ok()) << policy.status();
  EXPECT_EQ(policy->origin(), AdminPolicy::Origin::kSystemPath);
  EXPECT_EQ(policy->source(), path);
  // An empty variable counts as unset.
  policy = LoadAdminPolicy(Env({{"CERTVAL_POLICY_FILE", ""}}, path));
  ASSERT_TRUE(policy.ok());
  EXPECT_EQ(policy->origin(), AdminPolicy::Origin::kSystemPath);
}

// Issue 13, item 5: whoever sets the environment must not replace the administrator's file.
TEST(PolicyFileTest, TheSystemFileWinsOverTheVariableUnlessTheApplicationOptsIn) {
  std::string system = Write("system2.conf", "default = warn\n");
  std::string mine = Write("mine.conf", "default = disable\n");
  AdminPolicyOptions options = Env({{"CERTVAL_POLICY_FILE", mine}}, system);
  absl::StatusOr<AdminPolicy> policy = LoadAdminPolicy(options);
  ASSERT_TRUE(policy.ok()) << policy.status();
  EXPECT_EQ(policy->origin(), AdminPolicy::Origin::kSystemPath);
  EXPECT_EQ(policy->PolicyFor().global(), Mode::kWarn);
  EXPECT_EQ(policy->ignored_environment_file(), mine);

  options.environment_overrides_system_file = true;
  policy = LoadAdminPolicy(options);
  ASSERT_TRUE(policy.ok()) << policy.status();
  EXPECT_EQ(policy->origin(), AdminPolicy::Origin::kEnvironment);
  EXPECT_EQ(policy->PolicyFor().global(), Mode::kDisable);
  EXPECT_EQ(policy->ignored_environment_file(), "");
}

TEST(PolicyFileTest, TheVariableIsReadWhenThereIsNoSystemFile) {
  std::string mine = Write("mine2.conf", "check validity = warn\n");
  absl::StatusOr<AdminPolicy> policy =
      LoadAdminPolicy(Env({{"CERTVAL_POLICY_FILE", mine}}, TempPath("no-such-policy.conf")));
  ASSERT_TRUE(policy.ok()) << policy.status();
  EXPECT_EQ(policy->origin(), AdminPolicy::Origin::kEnvironment);
  EXPECT_EQ(policy->source(), mine);
}

// A system file that is refused is an error, never a reason to fall back to the variable.
TEST(PolicyFileTest, ARefusedSystemFileDoesNotFallBackToTheVariable) {
  std::string system = Write("system3.conf", "default = enforce\n", 0666);
  std::string mine = Write("mine3.conf", "default = disable\n");
  absl::StatusOr<AdminPolicy> policy =
      LoadAdminPolicy(Env({{"CERTVAL_POLICY_FILE", mine}}, system));
  EXPECT_EQ(policy.status().code(), absl::StatusCode::kFailedPrecondition) << policy.status();
}

// Issue 13, item 5: a file that others can write is not the administrator's word.
TEST(PolicyFileTest, FileWritableByGroupOrOthersIsRefused) {
  for (mode_t mode : {0666, 0646, 0602, 0664, 0620}) {
    std::string path = Write(absl::StrCat("writable", mode, ".conf"), "default = disable\n", mode);
    absl::StatusOr<AdminPolicy> policy = LoadAdminPolicy(Env({}, path));
    EXPECT_EQ(policy.status().code(), absl::StatusCode::kFailedPrecondition)
        << std::oct << mode << ": " << policy.status();
    EXPECT_THAT(Msg(policy.status()), HasSubstr("writable by")) << std::oct << mode;
    EXPECT_THAT(Msg(policy.status()), StartsWith(path));
    // The same through the variable and through LoadAdminPolicyFile.
    EXPECT_FALSE(LoadAdminPolicy(Env({{"CERTVAL_POLICY_FILE", path}}, TempPath("none"))).ok());
    EXPECT_FALSE(LoadAdminPolicyFile(path).ok());
  }
  for (mode_t mode : {0644, 0600, 0400, 0444}) {
    std::string path = Write(absl::StrCat("private", mode, ".conf"), "default = warn\n", mode);
    EXPECT_TRUE(LoadAdminPolicy(Env({}, path)).ok()) << std::oct << mode;
  }
}

TEST(PolicyFileTest, FileOwnedByAnotherUserIsRefused) {
  if (geteuid() != 0) GTEST_SKIP() << "only root can give a file to another user";
  std::string path = Write("foreign.conf", "default = disable\n");
  ASSERT_EQ(chown(path.c_str(), 65534, 65534), 0);  // nobody
  absl::StatusOr<AdminPolicy> policy = LoadAdminPolicy(Env({}, path));
  EXPECT_EQ(policy.status().code(), absl::StatusCode::kFailedPrecondition) << policy.status();
  EXPECT_THAT(Msg(policy.status()), HasSubstr("owned by uid 65534"));
}

TEST(PolicyFileTest, NonRegularFilesAreRefused) {
  absl::StatusOr<AdminPolicy> device = LoadAdminPolicy(Env({}, "/dev/null"));
  EXPECT_EQ(device.status().code(), absl::StatusCode::kFailedPrecondition) << device.status();
  EXPECT_THAT(Msg(device.status()), HasSubstr("not a regular file"));
  // A FIFO nobody writes to: refused at once, not waited on.
  std::string fifo = TempPath("policy.fifo");
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  absl::StatusOr<AdminPolicy> pipe = LoadAdminPolicy(Env({}, fifo));
  EXPECT_EQ(pipe.status().code(), absl::StatusCode::kFailedPrecondition) << pipe.status();
  absl::StatusOr<AdminPolicy> dir = LoadAdminPolicyFile(TempPath(""));
  EXPECT_EQ(dir.status().code(), absl::StatusCode::kFailedPrecondition) << dir.status();
  EXPECT_THAT(Msg(dir.status()), HasSubstr("directory"));
}

// Issue 13: a check name the file cannot mean is an error naming the line, not a silent no-op.
TEST(PolicyFileTest, UnknownCheckNamesAreRefusedUnlessTheApplicationNamesThem) {
  std::string path = Write("custom.conf", "default = enforce\ncheck leaf_lifetime = warn\n");
  absl::StatusOr<AdminPolicy> policy = LoadAdminPolicy(Env({}, path));
  ASSERT_FALSE(policy.ok());
  EXPECT_THAT(Msg(policy.status()),
              StartsWith(absl::StrCat(path, ":2: unknown check 'leaf_lifetime'")));

  AdminPolicyOptions options = Env({}, path);
  options.custom_checks = {"leaf_lifetime"};
  policy = LoadAdminPolicy(options);
  ASSERT_TRUE(policy.ok()) << policy.status();
  EXPECT_EQ(policy->PolicyFor().ModeFor("leaf_lifetime"), Mode::kWarn);

  const std::vector<std::string> custom = {"leaf_lifetime"};
  EXPECT_TRUE(ParseAdminPolicy("check leaf_lifetime = disable\n", "p", custom).ok());
  EXPECT_TRUE(ParseAdminPolicy("check pinning = warn\ncheck hooks = warn\n", "p").ok());
}

TEST(PolicyFileTest, VariableNamingAMissingFileIsAnError) {
  absl::StatusOr<AdminPolicy> policy = LoadAdminPolicy(
      Env({{"CERTVAL_POLICY_FILE", TempPath("typo.conf")}}, TempPath("no-such-policy.conf")));
  EXPECT_EQ(policy.status().code(), absl::StatusCode::kNotFound) << policy.status();
  EXPECT_THAT(Msg(policy.status()), HasSubstr("CERTVAL_POLICY_FILE"));
}

TEST(PolicyFileTest, MalformedFileOnDiskNamesFileAndLine) {
  std::string path = Write("broken.conf", "default = enforce\n\ncheck validity = warm\n");
  absl::StatusOr<AdminPolicy> policy = LoadAdminPolicy(Env({}, path));
  ASSERT_FALSE(policy.ok());
  EXPECT_THAT(Msg(policy.status()), StartsWith(absl::StrCat(path, ":3: ")));
}

TEST(PolicyFileTest, ReadsTheProcessEnvironmentWithoutChangingIt) {
  std::string path = Write("env.conf", "check validity = warn\n");
  setenv("CERTVAL_POLICY_FILE", path.c_str(), 1);
  AdminPolicyOptions options;  // the real environment
  options.system_path = TempPath("no-such-policy.conf");
  absl::StatusOr<AdminPolicy> policy = LoadAdminPolicy(options);
  ASSERT_TRUE(policy.ok()) << policy.status();
  EXPECT_EQ(policy->origin(), AdminPolicy::Origin::kEnvironment);
  EXPECT_EQ(std::getenv("CERTVAL_POLICY_FILE"), path);
  unsetenv("CERTVAL_POLICY_FILE");
  EXPECT_EQ(Policy().ModeFor("validity"), Mode::kEnforce) << "no process-wide default moved";
}

TEST(PolicyFileTest, AppliedToARealValidator) {
  hooktest::TestPki pki;
  testpki::CertSpec spec = testpki::LeafSpec("old.legacy.example", hooktest::kNow);
  spec.not_before = hooktest::kNow - absl::Hours(24 * 30);
  spec.not_after = hooktest::kNow - absl::Hours(24);
  ValidationRequest request = pki.Request("old.legacy.example", pki.Leaf(spec));
  absl::StatusOr<AdminPolicy> admin = ParseAdminPolicy(kGood);
  ASSERT_TRUE(admin.ok());

  auto sink = std::make_shared<hooktest::RecordingSink>();
  ValidatorOptions options;
  options.warning_sink = sink;
  EXPECT_FALSE(Validator(pki.store, options).Validate(request).valid);  // the application alone
  options.policy = admin->ApplyTo(options.policy, "old.legacy.example");
  ValidationResult r = Validator(pki.store, options).Validate(request);
  EXPECT_TRUE(r.valid) << hooktest::Describe(r);
  EXPECT_EQ(sink->Count("validity.expired"), 1);
}

}  // namespace
}  // namespace certval
