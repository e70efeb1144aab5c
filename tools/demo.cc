#include "tools/demo.h"

#include <openssl/ssl.h>

#include <algorithm>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "certval/hooks/pinning_hook.h"
#include "certval/hooks/trust_any_hook.h"
#include "certval/testing/pki/test_pki.h"
#include "certval/tls/binding.h"
#include "certval/tls/legacy.h"
#include "certval/tls/loopback_server.h"
#include "certval/tls/transport.h"
#include "certval/trust/trust_store.h"
#include "certval/validator/validator.h"

namespace certval {
namespace {

using testpki::Key;
using testpki::KeyKind;

constexpr KeyKind kKeyKind = KeyKind::kEcP256;  // cached EC keys: the whole demo takes a second
constexpr char kHost[] = "www.demo.certval.test";
constexpr char kLabHost[] = "printer.lab.demo.certval.test";
constexpr char kRetiredHost[] = "retired.demo.certval.test";
const absl::Duration kTimeout = absl::Seconds(5);

// What one loopback server presents.
struct ServerCert {
  std::string chain_pem;  // leaf first
  std::string key_pem;
  std::string leaf_der;
};

ServerCert MakeServerCert(const std::vector<std::string>& chain_der, const Key& key) {
  ServerCert cert{"", key.PrivateKeyPem(), chain_der.front()};
  for (const std::string& der : chain_der) cert.chain_pem += testpki::DerToPem(der);
  return cert;
}

// The demo's PKI, minted at start-up: a trusted root and intermediate, an unrelated root, and
// self-signed certificates.
class DemoPki {
 public:
  DemoPki()
      : now_(absl::Now()),
        chain_(testpki::MakeChain(kKeyKind, kHost, now_)),
        other_root_(testpki::TestCa::Root(testpki::RootSpec("Unknown Root CA", now_),
                                          Key::Cached(kKeyKind, 3))) {}

  ServerCert Valid(const std::string& host) const { return Issue(Spec(host, false)); }
  ServerCert Expired(const std::string& host) const { return Issue(Spec(host, true)); }
  ServerCert FromUnknownRoot(const std::string& host, bool expired = false) const {
    Key key = Key::Cached(kKeyKind, 4);
    return MakeServerCert({other_root_.Issue(Spec(host, expired), key)}, key);
  }
  ServerCert SelfSigned(const std::string& host, bool expired = false) const {
    Key key = Key::Cached(kKeyKind, 5);
    return MakeServerCert({testpki::SelfSigned(Spec(host, expired), key)}, key);
  }

  const std::string& root_der() const { return chain_.root; }
  const std::string& unknown_root_der() const { return other_root_.cert_der(); }

 private:
  testpki::CertSpec Spec(const std::string& host, bool expired) const {
    testpki::CertSpec spec = testpki::LeafSpec(host, now_);
    if (expired) {
      spec.not_before = now_ - absl::Hours(24 * 90);
      spec.not_after = now_ - absl::Hours(24);
    }
    return spec;
  }
  ServerCert Issue(const testpki::CertSpec& spec) const {
    return MakeServerCert(
        {chain_.intermediate_ca().Issue(spec, chain_.leaf_key), chain_.intermediate},
        chain_.leaf_key);
  }

  absl::Time now_;
  testpki::Chain chain_;
  testpki::TestCa other_root_;
};

// A hook deciding by host name, as an application might: lab machines use self-signed
// certificates and are accepted as they are; a retired host is refused whatever it presents;
// every other host goes through the normal checks.
class HostRulesHook final : public Hook {
 public:
  absl::string_view name() const override { return "host-rules"; }
  absl::StatusOr<HookVerdict> Decide(const HookContext& ctx) const override {
    if (ctx.peer_name == nullptr || ctx.peer_name->kind != PeerName::Kind::kDns) {
      return HookVerdict::kDefer;
    }
    const std::string& host = ctx.peer_name->value;
    if (absl::EndsWith(host, ".lab.demo.certval.test")) return HookVerdict::kAccept;
    if (host == kRetiredHost) return HookVerdict::kReject;
    return HookVerdict::kDefer;
  }
};

struct Scenario {
  std::string name;
  std::string mode;  // what governs the decision, for the table
  ServerCert server;
  std::string sni = kHost;
  std::shared_ptr<TrustStore> store;
  std::function<absl::Status(TrustStore&)> before;  // e.g. AddRoot, just before the handshake
  Policy policy;
  std::vector<std::shared_ptr<const Hook>> pre_hooks, post_hooks;
  bool expect_handshake = false;
  // Codes that must be among the findings; an empty list means "no findings at all".
  std::vector<std::string> expect_codes;
};

struct Row {
  std::string scenario, mode, handshake, findings;
  bool as_expected = false;
  std::string why;  // when not as expected
};

std::string FindingsCell(const ValidationResult& result) {
  std::vector<std::string> cells;
  for (const Finding& f : result.findings) {
    cells.push_back(f.severity == Severity::kError
                        ? f.code
                        : absl::StrCat(f.code, " (", SeverityName(f.severity), ")"));
  }
  return cells.empty() ? "-" : absl::StrJoin(cells, ", ");
}

std::string HandshakeCell(const tls::DialResult& dial) {
  if (dial.handshake.ok) {
    const ValidationResult& r = *dial.validation;
    if (r.decider == Decider::kHook) return "completed (a hook decided)";
    return r.has_warnings() ? "completed (warnings)" : "completed";
  }
  if (dial.alert_sent) return absl::StrCat("rejected: ", tls::AlertName(*dial.alert_sent));
  return absl::StrCat("failed: ", dial.handshake.error);
}

// Why `dial` is not what `s` expects, or "" when it is.
std::string Mismatch(const Scenario& s, const tls::DialResult& dial) {
  if (!dial.validation) return "no validation ran";
  if (dial.handshake.ok != s.expect_handshake) {
    return s.expect_handshake ? "expected the handshake to complete"
                              : "expected the handshake to be rejected";
  }
  std::vector<std::string> codes;
  for (const Finding& f : dial.validation->findings) codes.push_back(f.code);
  if (s.expect_codes.empty() && !codes.empty()) return "expected no findings";
  for (const std::string& want : s.expect_codes) {
    if (std::find(codes.begin(), codes.end(), want) == codes.end()) {
      return absl::StrCat("expected finding ", want);
    }
  }
  return "";
}

absl::StatusOr<tls::DialResult> Handshake(const Scenario& s, uint16_t port) {
  ValidatorOptions options;
  options.policy = s.policy;
  options.pre_hooks = s.pre_hooks;
  options.post_hooks = s.post_hooks;
  options.warning_sink = std::make_shared<NullWarningSink>();  // the table shows the warnings
  // Create() refuses a configuration that would weaken validation (an unknown check name, a
  // path-judging hook installed as a pre-hook): the row then says why it did not run.
  absl::StatusOr<Validator> created = Validator::Create(s.store, options);
  if (!created.ok()) return created.status();
  auto validator = std::make_shared<const Validator>(*std::move(created));
  bssl::UniquePtr<SSL_CTX> ctx(SSL_CTX_new(TLS_method()));
  if (!ctx) return absl::InternalError("SSL_CTX_new failed");
  if (absl::Status st = tls::ApplyModernProfile(ctx.get()); !st.ok()) return st;
  if (absl::Status st = tls::AttachClient(ctx.get(), validator); !st.ok()) return st;
  tls::DialOptions dial;
  dial.sni = s.sni;
  dial.timeout = kTimeout;
  return tls::Dial(ctx.get(), "127.0.0.1", port, dial);
}

Row Run(const Scenario& s) {
  Row row{s.name, s.mode, "", "", false, ""};
  if (s.before) {
    if (absl::Status st = s.before(*s.store); !st.ok()) {
      row.handshake = "not run";
      row.why = std::string(st.message());
      return row;
    }
  }
  tls::LoopbackServerOptions server_options;
  server_options.chain_pem = s.server.chain_pem;
  server_options.key_pem = s.server.key_pem;
  server_options.io_timeout = kTimeout;
  auto server = tls::LoopbackServer::Start(std::move(server_options));
  absl::StatusOr<tls::DialResult> dial = server.ok()
                                             ? Handshake(s, (*server)->port())
                                             : absl::StatusOr<tls::DialResult>(server.status());
  if (!dial.ok()) {
    row.handshake = "not run";
    row.why = std::string(dial.status().message());
    return row;
  }
  row.handshake = HandshakeCell(*dial);
  row.findings = dial->validation ? FindingsCell(*dial->validation) : "-";
  row.why = Mismatch(s, *dial);
  row.as_expected = row.why.empty();
  return row;
}

std::shared_ptr<TrustStore> StoreWith(const std::string& root_der) {
  auto store = std::make_shared<TrustStore>();
  if (!store->AddRootDer(root_der).ok()) return nullptr;
  return store;
}

PinSet PinTo(const std::string& host, const std::string& der) {
  PinSet pins;
  if (auto cert = Certificate::Parse(der); cert.ok()) (void)pins.AddCertificate(host, **cert);
  return pins;
}

constexpr bool kCompletes = true, kRejected = false;

// Appends a scenario connecting to `server` with SNI kHost under ENFORCE; the caller adjusts the
// rest through the returned reference (valid until the next Add).
Scenario& Add(std::vector<Scenario>& list, std::string name, std::string mode, ServerCert server,
              std::shared_ptr<TrustStore> store, bool completes, std::vector<std::string> codes) {
  Scenario s;
  s.name = std::move(name);
  s.mode = std::move(mode);
  s.server = std::move(server);
  s.store = std::move(store);
  s.expect_handshake = completes;
  s.expect_codes = std::move(codes);
  list.push_back(std::move(s));
  return list.back();
}

std::vector<Scenario> Scenarios(const DemoPki& pki) {
  auto store = [&] { return StoreWith(pki.root_der()); };
  auto null_sink = std::make_shared<NullWarningSink>();
  auto host_rules = std::make_shared<HostRulesHook>();
  const std::string unknown_root = pki.unknown_root_der();
  const ServerCert self_signed = pki.SelfSigned(kHost);
  std::vector<Scenario> list;

  Add(list, "valid chain", "enforce", pki.Valid(kHost), store(), kCompletes, {});
  Add(list, "expired", "enforce", pki.Expired(kHost), store(), kRejected, {"validity.expired"});
  Add(list, "wrong host", "enforce", pki.Valid("other.demo.certval.test"), store(), kRejected,
      {"peer_name.mismatch"});
  // The next two share one store, and one Validator sees the root added between them.
  auto unknown_root_store = store();
  Add(list, "untrusted root", "enforce", pki.FromUnknownRoot(kHost), unknown_root_store, kRejected,
      {"trust_anchor.no_trusted_root"});
  Add(list, "untrusted root, after AddRoot", "enforce", pki.FromUnknownRoot(kHost),
      unknown_root_store, kCompletes, {})
      .before = [unknown_root](TrustStore& t) { return t.AddRootDer(unknown_root); };
  auto self_signed_store = store();
  Add(list, "self-signed", "enforce", self_signed, self_signed_store, kRejected,
      {"trust_anchor.no_trusted_root"});
  Add(list, "self-signed, after AddCert", "enforce", self_signed, self_signed_store, kCompletes, {})
      .before = [der = self_signed.leaf_der](TrustStore& t) { return t.AddCertDer(der); };
  Add(list, "expired", "warn", pki.Expired(kHost), store(), kCompletes, {"validity.expired"})
      .policy = Policy(Mode::kWarn);
  // Nothing is checked, and the result says so: one warning naming every disabled check.
  Add(list, "expired, unknown root, wrong host", "disable", pki.FromUnknownRoot("x.test", true),
      store(), kCompletes, {"policy.checks_disabled"})
      .policy = Policy(Mode::kDisable);
  Add(list, "expired self-signed", "trust-any", pki.SelfSigned(kHost, true), store(), kCompletes,
      {"hooks.accepted"})
      .pre_hooks = {std::make_shared<TrustAnyHook>(null_sink)};
  Scenario& lab = Add(list, "lab host, self-signed", "hook: host-rules", pki.SelfSigned(kLabHost),
                      store(), kCompletes, {"hooks.accepted"});
  lab.sni = kLabHost;
  lab.pre_hooks = {host_rules};
  Scenario& retired = Add(list, "retired host, valid chain", "hook: host-rules",
                          pki.Valid(kRetiredHost), store(), kRejected, {"hooks.rejected"});
  retired.sni = kRetiredHost;
  retired.pre_hooks = {host_rules};
  Add(list, "valid chain, other key pinned", "hook: pinning", pki.Valid(kHost), store(), kRejected,
      {"hooks.rejected"})
      .post_hooks = {
      std::make_shared<PinningHook>(PinTo(kHost, unknown_root), Mode::kEnforce, null_sink)};
  return list;
}

void PrintTable(const std::vector<Row>& rows, std::ostream& out) {
  size_t w[4] = {8, 4, 9, 8};  // the header widths
  for (const Row& r : rows) {
    w[0] = std::max(w[0], r.scenario.size());
    w[1] = std::max(w[1], r.mode.size());
    w[2] = std::max(w[2], r.handshake.size());
    w[3] = std::max(w[3], r.findings.size());
  }
  auto line = [&](const std::string& a, const std::string& b, const std::string& c,
                  const std::string& d, const std::string& e) {
    out << absl::StrFormat("%-*s | %-*s | %-*s | %-*s | %s\n", w[0], a, w[1], b, w[2], c, w[3], d,
                           e);
  };
  line("scenario", "mode", "handshake", "findings", "as expected");
  out << std::string(w[0] + w[1] + w[2] + w[3] + 24, '-') << "\n";
  for (const Row& r : rows)
    line(r.scenario, r.mode, r.handshake, r.findings, r.as_expected ? "yes" : "NO");
}

}  // namespace

int RunDemo(std::ostream& out) {
  const absl::Time start = absl::Now();
  DemoPki pki;
  std::vector<Scenario> scenarios = Scenarios(pki);
  out << "certval demo: " << scenarios.size()
      << " TLS handshakes (BoringSSL) with servers on 127.0.0.1, certificates minted just now;\n"
         "the client checks each server certificate with a certval Validator.\n\n";
  std::vector<Row> rows;
  for (const Scenario& s : scenarios) rows.push_back(Run(s));
  PrintTable(rows, out);
  size_t good = std::count_if(rows.begin(), rows.end(), [](const Row& r) { return r.as_expected; });
  out << "\n";
  for (const Row& r : rows) {
    if (!r.as_expected)
      out << "NOT AS EXPECTED: " << r.scenario << " (" << r.mode << "): " << r.why << "\n";
  }
  out << good << " of " << rows.size() << " scenarios came out as expected ("
      << absl::FormatDuration(absl::Trunc(absl::Now() - start, absl::Milliseconds(1))) << ").\n";
  return good == rows.size() ? 0 : 1;
}

}  // namespace certval
