#include "certval/validator/checks/builtin.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/checks/check_test_util.h"

namespace certval::checktest {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(BuiltinChecks, NamesInValidatorOrder) {
  std::vector<std::string> names;
  for (const auto& check : BuiltinChecks()) names.emplace_back(check->name());
  EXPECT_THAT(names, ElementsAre("signature", "public_key", "validity", "basic_constraints",
                                 "key_usage", "ext_key_usage", "name_constraints",
                                 "certificate_policies", "peer_name", "critical_extensions",
                                 "certificate_profile", "trust_anchor", "revocation"));
}

TEST(BuiltinChecks, WebPkiShapedChainPassesEveryCheckInEveryProfile) {
  for (testpki::KeyKind kind : {testpki::KeyKind::kEcP256, testpki::KeyKind::kRsa2048}) {
    ChainSpec spec;
    spec.root_key = spec.intermediate_key = spec.leaf_key = testpki::Key::Cached(kind, 3);
    spec.intermediate_key = testpki::Key::Cached(kind, 4);
    spec.leaf_key = testpki::Key::Cached(kind, 5);
    auto path = spec.Build();
    for (Profile profile : {Profile::kWebPki, Profile::kRfc5280, Profile::kRfc5280Strict}) {
      RunOptions options;
      options.profile = profile;
      for (const auto& check : BuiltinChecks()) {
        EXPECT_THAT(RunCheck(*check, path, options), IsEmpty()) << check->name();
      }
    }
  }
}

}  // namespace
}  // namespace certval::checktest
