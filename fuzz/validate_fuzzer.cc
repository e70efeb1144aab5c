// Fuzzes the whole certval::Validator::Validate(). Input layout:
//   byte 0: mode bits. bit 0: accept every signature (reach the checks behind path building even
//           when the fuzzed chain is signed by another key); bit 1: an RFC 5280 profile instead of
//           kWebPki, bit 3 choosing which (0: kRfc5280, 1: kRfc5280Strict); bit 2: purpose kAny
//           instead of kServerAuth.
//   then up to 4 pieces, each a 2-byte big-endian length and that many bytes (fuzz/split.h): the
//   leaf DER, then up to 3 intermediates.
// Trust store: one root minted once with //testing/pki:test_pki (a static), named like the root of
// make_seeds' chains ("certval Test Root CA") so that seeds chain to it by name. Fixed validation
// time; peer name example.test.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "certval/testing/pki/test_pki.h"
#include "certval/trust/trust_store.h"
#include "certval/validator/signature_verifier.h"
#include "certval/validator/validator.h"
#include "fuzz/split.h"

namespace {

// 2026-01-01T00:00:00Z; make_seeds mints its chains around the same instant.
const absl::Time kNow = absl::FromUnixSeconds(1767225600);

class AcceptAllVerifier : public certval::SignatureVerifier {
 public:
  absl::Status Verify(const certval::Certificate&, const certval::Certificate&) const override {
    return absl::OkStatus();
  }
};

struct Fixture {
  Fixture() {
    namespace tp = certval::testpki;
    tp::TestCa root = tp::TestCa::Root(tp::RootSpec("certval Test Root CA", kNow),
                                       tp::Key::Cached(tp::KeyKind::kEcP256));
    auto store = std::make_shared<certval::TrustStore>();
    if (!store->AddRootDer(root.cert_der()).ok()) __builtin_trap();
    for (int mode = 0; mode < 2; ++mode) {
      certval::ValidatorOptions options;
      options.warning_sink = std::make_shared<certval::NullWarningSink>();
      if (mode == 1) options.verifier = std::make_shared<AcceptAllVerifier>();
      validators[mode] = std::make_unique<certval::Validator>(store, std::move(options));
    }
  }
  std::unique_ptr<certval::Validator> validators[2];
};

const Fixture& GetFixture() {
  static const Fixture* fixture = new Fixture();
  return *fixture;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const Fixture& fixture = GetFixture();
  if (size < 1) return 0;
  const uint8_t mode = data[0];
  std::vector<std::string> pieces = certval::fuzz::SplitPieces(data + 1, size - 1, 4);
  if (pieces.empty()) return 0;

  certval::ValidationRequest request;
  request.leaf = std::move(pieces[0]);
  for (size_t i = 1; i < pieces.size(); ++i) request.intermediates.push_back(std::move(pieces[i]));
  request.peer_name = certval::PeerName::Dns("example.test");
  request.time = kNow;
  request.profile = !(mode & 2)  ? certval::Profile::kWebPki
                    : (mode & 8) ? certval::Profile::kRfc5280Strict
                                 : certval::Profile::kRfc5280;
  request.purpose = (mode & 4) ? certval::Purpose::kAny : certval::Purpose::kServerAuth;

  certval::ValidationResult result = fixture.validators[mode & 1]->Validate(request);
  (void)result.ErrorSummary();
  return 0;
}
