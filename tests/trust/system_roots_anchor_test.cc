// Every unexpired root of the system store must be able to anchor a web PKI chain: a browser
// accepts sites below them, so a rule certval applies to the root's own encoding must not refuse
// them (issue 14, "Real roots must anchor"). For each root a leaf is minted whose issuer is the
// root's subject; the signature check is disabled (no one has the roots' keys), so the path stands
// on everything else, and nothing may be reported about the anchor, except what Mozilla's own
// metadata for that root says (issue 19: Debian's copy of a root gets Mozilla's trust bits and
// distrust-after dates): a root Mozilla no longer trusts for TLS, or one past its TLS
// distrust-after date, must refuse the fresh leaf with exactly those codes.
#include <openssl/sha.h>

#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "certval/testing/pki/test_pki.h"
#include "certval/trust/root_programs.h"
#include "certval/trust/system_store.h"
#include "certval/trust/trust_store.h"
#include "certval/validator/validator.h"
#include "gtest/gtest.h"

namespace certval {
namespace {

constexpr char kSystemBundle[] = "/etc/ssl/certs/ca-certificates.crt";

// For messages: the root's commonName, or its organization, or "(no name)".
std::string RootName(const Certificate& root) {
  for (Der oid : {Der("\x55\x04\x03", 3), Der("\x55\x04\x0a", 3), Der("\x55\x04\x0b", 3)}) {
    std::vector<std::string> texts = root.subject().Texts(oid);
    if (!texts.empty()) return texts.front();
  }
  return "(no name)";
}

// The root's key identifier: its SKI, or RFC 5280 4.2.1.2's method 1 for a root without one.
std::string KeyId(const Certificate& root) {
  if (root.subject_key_id()) return std::string(*root.subject_key_id());
  uint8_t digest[SHA_DIGEST_LENGTH];
  SHA1(reinterpret_cast<const uint8_t*>(root.public_key().key.data()), root.public_key().key.size(),
       digest);
  return std::string(reinterpret_cast<const char*>(digest), sizeof(digest));
}

std::string LeafUnder(const Certificate& root, int n, absl::Time now) {
  testpki::CertSpec spec = testpki::LeafSpec(absl::StrCat("root", n, ".example.test"), now);
  spec.authority_key_id_override = KeyId(root);  // as a real subordinate's AKI would
  return testpki::IssueCertificate(spec, testpki::Key::Cached(testpki::KeyKind::kEcP256, 1),
                                   testpki::Key::Cached(testpki::KeyKind::kEcP256, 0),
                                   std::string(root.subject().der));
}

TEST(SystemRootsAnchorTest, EveryUnexpiredSystemRootAnchorsAWebPkiChain) {
  SystemStoreOptions options;
  options.getenv = [](const std::string& name) -> std::optional<std::string> {
    if (name == "SSL_CERT_FILE") return std::string(kSystemBundle);
    return std::nullopt;
  };
  LoadStats stats;
  absl::StatusOr<std::shared_ptr<TrustStore>> store = SystemTrustStore(options, &stats);
  ASSERT_TRUE(store.ok()) << store.status() << " (Debian's ca-certificates provides "
                          << kSystemBundle << "; ./bazelw installs it)";

  ValidatorOptions vopts;
  vopts.policy.Set("signature", Mode::kDisable);
  vopts.warning_sink = std::make_shared<NullWarningSink>();

  const absl::Time now = absl::Now();
  int checked = 0, expired = 0, root_program = 0, refused_by_mozilla = 0;
  std::vector<std::string> failed;
  for (const CertificatePtr& root : (*store)->Roots()) {
    if (root->not_after() < now || root->not_before() > now) {
      ++expired;
      continue;
    }
    ++checked;
    // One root per store, with the origin the system store gave it: roots sharing a subject and
    // key (Firmaprofesional's two) would otherwise stand in for each other.
    const TrustInfo trust = (*store)->GetTrust(*root);
    ASSERT_EQ(trust.kind, TrustKind::kAnchor);
    if (trust.origin == AnchorOrigin::kRootProgram) ++root_program;
    auto alone = std::make_shared<TrustStore>();
    alone->AddRoot(root, nullptr, trust.origin);
    absl::StatusOr<Validator> validator = Validator::Create(alone, vopts);
    ASSERT_TRUE(validator.ok()) << validator.status();
    ValidationRequest request;
    request.leaf = LeafUnder(*root, checked, now);
    request.peer_name = PeerName::Dns(absl::StrCat("root", checked, ".example.test"));
    request.purpose = Purpose::kServerAuth;
    request.profile = Profile::kWebPki;
    request.time = now;
    ValidationResult result = validator->Validate(request);

    // What Mozilla's metadata for this root requires of a leaf issued now.
    const std::optional<MozillaRootInfo> mozilla = FindMozillaRoot(root->der_sha256());
    const bool not_for_tls = mozilla && mozilla->server != MozillaTrust::kTrusted;
    const bool past_date =
        mozilla && mozilla->server_distrust_after && *mozilla->server_distrust_after < now;
    bool saw_purpose = false, saw_date = false;
    std::string problems;
    if (result.path.size() != 2 || result.path.back()->der() != root->der()) {
      problems = " the path does not end at this root;";
    }
    const int anchor_index = static_cast<int>(result.path.size()) - 1;
    for (const Finding& f : result.findings) {
      if (f.code == "policy.checks_disabled") continue;
      if (f.code == "trust_anchor.purpose_not_trusted" && not_for_tls) {
        saw_purpose = true;
        continue;
      }
      if (f.code == "trust_anchor.distrusted_after" && past_date) {
        saw_date = true;
        continue;
      }
      if (f.cert_index == anchor_index || f.severity == Severity::kError) {
        absl::StrAppend(&problems, " ", FormatFinding(f), ";");
      }
    }
    if (not_for_tls != saw_purpose)
      absl::StrAppend(&problems, " purpose_not_trusted expected: ", not_for_tls, ";");
    if (past_date != saw_date)
      absl::StrAppend(&problems, " distrusted_after expected: ", past_date, ";");
    if (not_for_tls || past_date) {
      ++refused_by_mozilla;
      if (result.valid) absl::StrAppend(&problems, " valid although Mozilla refuses it;");
    } else if (!result.valid) {
      absl::StrAppend(&problems, " not valid;");
    }
    if (!problems.empty()) failed.push_back(absl::StrCat(RootName(*root), ":", problems));
  }
  std::cout << "[ ROOTS ] " << checked << " unexpired system roots checked, " << root_program
            << " of them root-program anchors, " << refused_by_mozilla
            << " refused for new TLS leaves by Mozilla's metadata (" << expired
            << " expired or not yet valid skipped, " << stats.unparsable << " unparsable)\n";
  for (const std::string& line : failed) ADD_FAILURE() << line;
  EXPECT_GT(checked, 100) << "the system store looks too small to be Debian's";
}

}  // namespace
}  // namespace certval
