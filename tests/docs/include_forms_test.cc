// certval's headers under both spellings in one translation unit: `certval/...` (include_prefix,
// what applications write) and the repository path that certval's own sources use until they are
// converted. Both name the same files, so the include guards make the second inclusion a no-op.
#include <memory>

#include "certval/hooks/pinning_hook.h"
#include "certval/quick/verify.h"
#include "certval/tls/binding.h"
#include "certval/trust/system_store.h"
#include "certval/trust/trust_store.h"
#include "certval/validator/validator.h"
#include "certval/validator/version.h"
#include "gtest/gtest.h"
#include "hooks/pinning_hook.h"
#include "tls/binding.h"
#include "trust/trust_store.h"
#include "validator/validator.h"

namespace certval {
namespace {

TEST(IncludeForms, BothSpellingsNameOneHeader) {
  auto store = std::make_shared<TrustStore>();
  Validator validator(store);
  EXPECT_TRUE(validator.configuration().ok());
  EXPECT_GT(sizeof(kVersion), 1u);
}

}  // namespace
}  // namespace certval
