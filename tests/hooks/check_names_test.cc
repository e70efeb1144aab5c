// Check names from plugins and the policy file: the form, the reserved names, the known ones.
#include "certval/hooks/check_names.h"

#include <string>
#include <vector>

#include "certval/validator/checks/builtin.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace certval {
namespace {

using ::testing::HasSubstr;

TEST(CheckNamesTest, PlainNames) {
  for (const char* name : {"a", "leaf_lifetime", "site_rules_2", "x9"}) {
    EXPECT_TRUE(IsPlainCheckName(name)) << name;
  }
  for (const char* name : {"", "_x", "9lives", "leaf-lifetime", "Validity", "a.b", "a b", "é"}) {
    EXPECT_FALSE(IsPlainCheckName(name)) << name;
  }
  EXPECT_TRUE(IsPlainCheckName(std::string(kMaxCheckNameLength, 'a')));
  EXPECT_FALSE(IsPlainCheckName(std::string(kMaxCheckNameLength + 1, 'a')));
}

TEST(CheckNamesTest, EveryBuiltInNameAndTheValidatorsOwnPrefixesAreReserved) {
  for (absl::string_view name : BuiltinPolicyNames()) {
    EXPECT_TRUE(IsReservedCheckName(name)) << name;
    EXPECT_TRUE(IsPlainCheckName(name)) << name;
  }
  for (const char* name : {"path_building", "parse", "limits", "configuration", "policy"}) {
    EXPECT_TRUE(IsReservedCheckName(name)) << name;
  }
  EXPECT_FALSE(IsReservedCheckName("leaf_lifetime"));
}

TEST(CheckNamesTest, KnownNamesAreTheBuiltInOnesAndTheApplications) {
  EXPECT_TRUE(CheckNameIsKnown("validity").ok());
  EXPECT_TRUE(CheckNameIsKnown("pinning").ok());
  absl::Status typo = CheckNameIsKnown("validty");
  EXPECT_EQ(typo.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(typo.message()), HasSubstr("unknown check 'validty'"));
  EXPECT_THAT(std::string(typo.message()), HasSubstr("validity"));  // the list of known names

  const std::vector<std::string> custom = {"leaf_lifetime"};
  EXPECT_TRUE(CheckNameIsKnown("leaf_lifetime", custom).ok());
  EXPECT_FALSE(CheckNameIsKnown("leaf_lifetime").ok());
  EXPECT_THAT(std::string(CheckNameIsKnown("site_rules", custom).message()),
              HasSubstr("the application's: leaf_lifetime"));
}

}  // namespace
}  // namespace certval
