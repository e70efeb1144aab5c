// The built-in checks allocate nothing on a path they accept (issue 7: no heap allocation per check
// on the hot path). Every operator new in this test binary is counted while a check runs.
#include <cstddef>
#include <cstdlib>
#include <new>
#include <string>
#include <vector>

#include "certval/validator/checks/builtin.h"
#include "gtest/gtest.h"
#include "tests/checks/check_test_util.h"

namespace {

// Counted only while a check runs, and only on the thread that runs it.
thread_local bool counting = false;
thread_local int allocations = 0;

}  // namespace

void* operator new(std::size_t size) {
  if (counting) ++allocations;
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

namespace certval::checktest {
namespace {

TEST(CheckAllocations, NoCheckAllocatesOnAnAcceptedPath) {
  for (testpki::KeyKind kind : {testpki::KeyKind::kEcP256, testpki::KeyKind::kRsa2048}) {
    ChainSpec spec;
    spec.root_key = testpki::Key::Cached(kind, 3);
    spec.intermediate_key = testpki::Key::Cached(kind, 4);
    spec.leaf_key = testpki::Key::Cached(kind, 5);
    const std::vector<CertificatePtr> path = spec.Build();
    ValidationRequest request;
    request.peer_name = PeerName::Dns("www.example.test");
    // What the path builder hands the checks.
    const std::vector<EdgeSignature> verified = {EdgeSignature::kVerified,
                                                 EdgeSignature::kVerified};
    PathContext ctx;
    ctx.path = path;
    ctx.request = &request;
    ctx.time = Now();
    ctx.anchor = TrustInfo{TrustKind::kAnchor};
    ctx.edge_verified = verified;
    std::vector<Finding> findings;
    findings.reserve(16);
    for (const auto& check : BuiltinChecks()) {
      FindingReporter reporter(check->name(), Severity::kError, &findings);
      allocations = 0;
      counting = true;
      check->Run(ctx, reporter);
      counting = false;
      EXPECT_EQ(allocations, 0) << check->name() << " allocated on an accepted path";
    }
    EXPECT_TRUE(findings.empty()) << findings.front().code;
  }
}

// The counter itself works: a failing check's finding (a message string) is an allocation.
TEST(CheckAllocations, TheCounterSeesAllocations) {
  ChainSpec spec;
  const std::vector<CertificatePtr> path = spec.Build();
  ValidationRequest request;
  request.peer_name = PeerName::Dns("other.example.test");
  PathContext ctx;
  ctx.path = path;
  ctx.request = &request;
  ctx.time = Now();
  ctx.anchor = TrustInfo{TrustKind::kAnchor};
  std::vector<Finding> findings;
  for (const auto& check : BuiltinChecks()) {
    if (check->name() != "peer_name") continue;
    FindingReporter reporter(check->name(), Severity::kError, &findings);
    allocations = 0;
    counting = true;
    check->Run(ctx, reporter);
    counting = false;
    EXPECT_GT(allocations, 0);
  }
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].code, "peer_name.mismatch");
}

}  // namespace
}  // namespace certval::checktest
