#include "certval/validator/checks/public_key_check.h"

#include "certval/testing/pki/der_builder.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/checks/check_test_util.h"

namespace certval::checktest {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using testpki::Key;
using testpki::KeyKind;
using testpki::RsaSpki;

const PublicKeyCheck kCheck;

RunOptions Profiled(Profile profile) {
  RunOptions options;
  options.profile = profile;
  return options;
}

// A chain whose certificate at `index` (0 leaf, 1 intermediate, 2 root) carries `spki`.
std::vector<CertificatePtr> WithSpki(int index, const std::string& spki) {
  ChainSpec spec;
  testpki::CertSpec* certs[] = {&spec.leaf, &spec.intermediate, &spec.root};
  certs[index]->spki_override = spki;
  return spec.Build();
}

TEST(PublicKeyCheck, AllowedKeyTypes) {
  for (KeyKind kind : {KeyKind::kRsa2048, KeyKind::kRsa3072, KeyKind::kEcP256, KeyKind::kEcP384,
                       KeyKind::kEcP521, KeyKind::kEd25519}) {
    ChainSpec spec;
    spec.leaf_key = spec.intermediate_key = Key::Cached(kind);
    for (Profile profile : {Profile::kWebPki, Profile::kRfc5280, Profile::kRfc5280Strict}) {
      if (kind == KeyKind::kEd25519 && profile == Profile::kWebPki) continue;  // next test
      EXPECT_THAT(RunCheck(kCheck, spec.Build(), Profiled(profile)), IsEmpty())
          << testpki::KeyKindName(kind);
    }
  }
}

TEST(PublicKeyCheck, Ed25519IsNotAWebPkiKeyType) {
  ChainSpec spec;
  spec.leaf_key = Key::Cached(KeyKind::kEd25519);  // CABF BR 6.1.5: RSA and ECDSA only
  EXPECT_THAT(RunCheck(kCheck, spec.Build(), Profiled(Profile::kWebPki)),
              ElementsAre("public_key.key_type_not_allowed@0"));
}

TEST(PublicKeyCheck, Rsa1024IsTooSmallForWebPkiOnly) {
  ChainSpec spec;
  spec.leaf_key = Key::Cached(KeyKind::kRsa1024);
  auto path = spec.Build();
  EXPECT_THAT(RunCheck(kCheck, path), ElementsAre("public_key.rsa_too_small@0"));
  EXPECT_THAT(RunCheck(kCheck, path, Profiled(Profile::kRfc5280)), IsEmpty());
  EXPECT_THAT(RunCheck(kCheck, path, Profiled(Profile::kRfc5280Strict)), IsEmpty());
}

TEST(PublicKeyCheck, WeakRsaInTheRootIsReported) {
  ChainSpec spec;
  spec.root_key = Key::Cached(KeyKind::kRsa1024);
  EXPECT_THAT(RunCheck(kCheck, spec.Build()), ElementsAre("public_key.rsa_too_small@2"));
}

TEST(PublicKeyCheck, RsaBelow1024IsTooSmallEvenForRfc5280) {
  auto path = WithSpki(0, RsaSpki(768));
  EXPECT_THAT(RunCheck(kCheck, path, Profiled(Profile::kRfc5280)),
              ElementsAre("public_key.rsa_too_small@0"));
}

TEST(PublicKeyCheck, RsaNotAMultipleOf8) {
  for (int index : {0, 2}) {
    auto path = WithSpki(index, RsaSpki(2052));
    EXPECT_THAT(RunCheck(kCheck, path),
                ElementsAre("public_key.rsa_not_multiple_of_8@" + std::to_string(index)));
    EXPECT_THAT(RunCheck(kCheck, path, Profiled(Profile::kRfc5280)), IsEmpty());
  }
  EXPECT_THAT(RunCheck(kCheck, WithSpki(0, RsaSpki(2056))), IsEmpty());
}

TEST(PublicKeyCheck, P192IsRefusedUnderWebPki) {
  for (int index : {0, 2}) {
    auto path = WithSpki(index, P192Spki());
    EXPECT_THAT(RunCheck(kCheck, path),
                ElementsAre("public_key.ec_curve_not_allowed@" + std::to_string(index)));
    EXPECT_THAT(RunCheck(kCheck, path, Profiled(Profile::kRfc5280)), IsEmpty());
  }
}

TEST(PublicKeyCheck, ExplicitCurveIsRefusedUnderWebPki) {
  auto path = WithSpki(0, ExplicitP256Spki());
  EXPECT_THAT(RunCheck(kCheck, path), ElementsAre("public_key.ec_explicit_curve@0"));
  EXPECT_THAT(RunCheck(kCheck, path, Profiled(Profile::kRfc5280)), IsEmpty());
}

TEST(PublicKeyCheck, DsaAndUnknownKeysAreRefusedUnderWebPki) {
  EXPECT_THAT(RunCheck(kCheck, WithSpki(2, DsaSpki())),
              ElementsAre("public_key.key_type_not_allowed@2"));
  EXPECT_THAT(RunCheck(kCheck, WithSpki(0, DsaSpki())),
              ElementsAre("public_key.key_type_not_allowed@0"));
  auto unknown = WithSpki(0, UnknownAlgorithmSpki());
  EXPECT_THAT(RunCheck(kCheck, unknown), ElementsAre("public_key.key_type_not_allowed@0"));
  EXPECT_THAT(RunCheck(kCheck, unknown, Profiled(Profile::kRfc5280)), IsEmpty());
}

TEST(PublicKeyCheck, CertificateTrustedExactlyIsNotJudged) {
  auto path = WithSpki(0, RsaSpki(1024));
  RunOptions options;
  options.anchor.kind = TrustKind::kLeaf;
  EXPECT_THAT(RunCheck(kCheck, {path[0]}, options), IsEmpty());
}

}  // namespace
}  // namespace certval::checktest
