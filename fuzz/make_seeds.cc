// Seed-corpus generator for the fuzz targets: make_seeds OUT_DIR [LIMBO_JSON]
// Writes OUT_DIR/<target>/<n> for certificate_fuzzer, pem_fuzzer, hostname_fuzzer,
// name_constraints_fuzzer, validate_fuzzer, differential_fuzzer, policy_file_fuzzer, crl_fuzzer,
// ocsp_fuzzer and revocation_set_fuzzer (minted CRLs, OCSP responses, a set). Certificates come
// from chains minted with the test PKI and, when LIMBO_JSON (x509-limbo's limbo.json) is given and
// readable, from its test cases (read at run time; nothing from it is checked in).

#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "certval/testing/pki/test_pki.h"
#include "certval/testing/pki/test_revocation.h"
#include "certval/trust/revocation_set.h"
#include "certval/validator/certificate.h"
#include "certval/validator/pem.h"
#include "fuzz/split.h"
#include "nlohmann/json.hpp"

namespace tp = certval::testpki;

namespace {

const absl::Time kNow = absl::FromUnixSeconds(1767225600);  // as in validate_fuzzer.cc

class Corpus {
 public:
  Corpus(std::string dir) : dir_(std::move(dir)) { mkdir(dir_.c_str(), 0755); }
  void Add(const std::string& bytes) {
    if (!seen_.insert(bytes).second) return;
    std::ofstream out(absl::StrCat(dir_, "/seed", seen_.size()), std::ios::binary);
    out.write(bytes.data(), bytes.size());
  }
  size_t size() const { return seen_.size(); }

 private:
  std::string dir_;
  std::set<std::string> seen_;
};

struct Chain {
  std::string leaf;
  std::vector<std::string> intermediates;
  // For differential_fuzzer, which takes the anchors, name and time from its input: limbo's
  // trusted certificates, untrusted intermediates, expected name and validation time. Empty
  // anchors: the minted chains' shape (the last of `intermediates` is the root), at kNow.
  std::vector<std::string> anchors, untrusted;
  std::string name;
  int64_t time = 0;
  uint8_t mode = 0;  // limbo's rfc5280:: and pathlen:: cases run under rfc5280_strict (10)
};

// differential_fuzzer's input (fuzz/differential_fuzzer.cc): mode, anchor count, time, pieces.
std::string DifferentialSeed(uint8_t mode, const Chain& c) {
  std::vector<std::string> anchors = c.anchors, untrusted = c.untrusted;
  if (anchors.empty()) {
    if (c.intermediates.empty()) return "";
    anchors = {c.intermediates.back()};
    untrusted.assign(c.intermediates.begin(), c.intermediates.end() - 1);
  }
  if (anchors.size() > 2) anchors.resize(2);
  if (untrusted.size() > 4) untrusted.resize(4);
  const uint32_t t = static_cast<uint32_t>(c.time != 0 ? c.time : absl::ToUnixSeconds(kNow));
  std::string out = {static_cast<char>(mode),    static_cast<char>(anchors.size() - 1),
                     static_cast<char>(t >> 24), static_cast<char>(t >> 16),
                     static_cast<char>(t >> 8),  static_cast<char>(t)};
  std::vector<std::string> pieces = {c.anchors.empty() ? std::string("example.test") : c.name,
                                     c.leaf};
  pieces.insert(pieces.end(), untrusted.begin(), untrusted.end());
  pieces.insert(pieces.end(), anchors.begin(), anchors.end());
  return out + certval::fuzz::JoinPieces(pieces);
}

std::string PemOf(const std::vector<std::string>& ders) {
  std::string pem;
  for (const auto& d : ders) pem += tp::DerToPem(d);
  return pem;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: make_seeds OUT_DIR [LIMBO_JSON]\n";
    return 2;
  }
  const std::string out = argv[1];
  mkdir(out.c_str(), 0755);
  Corpus certs(out + "/certificate_fuzzer"), pems(out + "/pem_fuzzer"),
      hosts(out + "/hostname_fuzzer"), ncs(out + "/name_constraints_fuzzer"),
      validate(out + "/validate_fuzzer"), policies(out + "/policy_file_fuzzer"),
      crls(out + "/crl_fuzzer"), ocsps(out + "/ocsp_fuzzer"), sets(out + "/revocation_set_fuzzer"),
      differential(out + "/differential_fuzzer");

  std::vector<Chain> chains;
  // --- Minted chains (root "certval Test Root CA", like validate_fuzzer's trust anchor) ---
  for (tp::KeyKind kind :
       {tp::KeyKind::kEcP256, tp::KeyKind::kRsa2048, tp::KeyKind::kEd25519, tp::KeyKind::kEcP384}) {
    tp::Chain c = tp::MakeChain(kind, "example.test", kNow);
    chains.push_back({c.leaf, {c.intermediate, c.root}});
    certs.Add(c.root);
  }
  {
    tp::Chain c = tp::MakeChain(tp::KeyKind::kEcP256, "example.test", kNow);
    tp::TestCa root = c.root_ca();
    tp::Key k1 = tp::Key::Cached(tp::KeyKind::kEcP256, 1),
            k2 = tp::Key::Cached(tp::KeyKind::kEcP256, 2);

    // Name-constrained intermediate.
    tp::CertSpec ica = tp::IntermediateSpec("Constrained CA", kNow, 1);
    tp::CertSpec::Subtrees permitted;
    permitted.dns = {"example.test", ".example.test"};
    permitted.email = {"example.test"};
    permitted.ip_cidr = {"10.0.0.0/8", "2001:db8::/32"};
    permitted.dirs = {tp::NameSpec{{"O", "certval test"}}};
    tp::CertSpec::Subtrees excluded;
    excluded.dns = {"bad.example.test"};
    ica.nc_permitted = permitted;
    ica.nc_excluded = excluded;
    ica.extra.push_back(tp::PoliciesExtension({"2.23.140.1.2.1"}));
    tp::TestCa constrained = root.IssueCa(ica, k1);

    tp::CertSpec leaf = tp::LeafSpec("example.test", kNow);
    leaf.dns_sans = {"example.test", "*.example.test"};
    leaf.ip_sans = {"10.1.2.3", "2001:db8::1"};
    leaf.email_sans = {"user@example.test"};
    leaf.uri_sans = {"https://example.test/"};
    leaf.directory_name_sans = {tp::NameSpec{{"O", "certval test"}, {"CN", "dir"}}};
    leaf.extra.push_back(
        tp::AiaExtension({"http://ocsp.example.test"}, {"http://ca.example.test"}));
    leaf.extra.push_back(tp::CrlDistributionPointsExtension({"http://crl.example.test"}));
    leaf.extra.push_back(tp::PoliciesExtension({"2.23.140.1.2.1"}));
    chains.push_back({constrained.Issue(leaf, k2), {constrained.cert_der(), c.root}});

    // Odd leaves under the plain intermediate.
    tp::TestCa inter = c.intermediate_ca();
    tp::CertSpec expired = tp::LeafSpec("example.test", kNow);
    expired.not_after = kNow - absl::Hours(1);
    chains.push_back({inter.Issue(expired, k2), {c.intermediate, c.root}});
    tp::CertSpec wrong_name = tp::LeafSpec("other.test", kNow);
    chains.push_back({inter.Issue(wrong_name, k2), {c.intermediate, c.root}});
    tp::CertSpec v1 = tp::LeafSpec("example.test", kNow);
    v1.version = 1;
    chains.push_back({inter.Issue(v1, k2), {c.intermediate, c.root}});
    tp::CertSpec critical = tp::LeafSpec("example.test", kNow);
    critical.extra.push_back({"1.2.3.4", true, std::string("\x05\x00", 2)});
    critical.rsa_pss = false;
    chains.push_back({inter.Issue(critical, k2), {c.intermediate, c.root}});
    tp::CertSpec ipleaf = tp::LeafSpec("192.0.2.1", kNow);
    chains.push_back({inter.Issue(ipleaf, k2), {c.intermediate, c.root}});
    tp::CertSpec bad_sig = tp::LeafSpec("example.test", kNow);
    bad_sig.corrupt_signature = true;
    chains.push_back({inter.Issue(bad_sig, k2), {c.intermediate, c.root}});
    tp::CertSpec rsa_pss = tp::LeafSpec("example.test", kNow);
    rsa_pss.rsa_pss = true;
    tp::TestCa rsa_root = tp::MakeChain(tp::KeyKind::kRsa2048, "example.test", kNow).root_ca();
    chains.push_back({rsa_root.Issue(rsa_pss, k2), {rsa_root.cert_der()}});
    // The hostile review's name-constraint bomb: many directoryName subtrees times many leaf
    // names, cut to 600 x 20 (14 KB) so that mutating it keeps the fuzzer fast.
    tp::Chain bomb = tp::NameConstraintsBomb(600, 20, kNow);
    chains.push_back({bomb.leaf, {bomb.intermediate}});
  }
  const size_t minted = chains.size();

  // --- x509-limbo test cases ---
  size_t limbo_cases = 0;
  if (argc > 2) {
    std::ifstream in(argv[2]);
    if (in) {
      nlohmann::json j = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
      if (j.is_object() && j.contains("testcases")) {
        for (const auto& tc : j["testcases"]) {
          auto der_of = [](const std::string& pem) -> std::vector<std::string> {
            auto d = certval::DecodePemCertificates(pem);
            return d.ok() ? *d : std::vector<std::string>{};
          };
          if (!tc.contains("peer_certificate") || !tc["peer_certificate"].is_string()) continue;
          std::string pem_all = tc["peer_certificate"].get<std::string>();
          Chain chain;
          auto leaf = der_of(pem_all);
          if (leaf.empty()) continue;
          chain.leaf = leaf[0];
          for (const auto& key : {"untrusted_intermediates", "trusted_certs"}) {
            if (!tc.contains(key) || !tc[key].is_array()) continue;
            for (const auto& p : tc[key]) {
              if (!p.is_string()) continue;
              pem_all += p.get<std::string>();
              for (auto& d : der_of(p.get<std::string>())) {
                chain.intermediates.push_back(d);
                (key == std::string("trusted_certs") ? chain.anchors : chain.untrusted)
                    .push_back(d);
              }
            }
          }
          const std::string id = tc.value("id", "");
          if (id.rfind("rfc5280::", 0) == 0 || id.rfind("pathlen::", 0) == 0) chain.mode = 10;
          if (tc.contains("validation_time") && tc["validation_time"].is_string()) {
            absl::Time t;
            std::string err;
            if (absl::ParseTime(absl::RFC3339_full, tc["validation_time"].get<std::string>(), &t,
                                &err)) {
              chain.time = absl::ToUnixSeconds(t);
            }
          }
          pems.Add(pem_all);
          chains.push_back(std::move(chain));
          ++limbo_cases;
          if (tc.contains("expected_peer_name") && tc["expected_peer_name"].is_object() &&
              tc["expected_peer_name"].contains("value") &&
              tc["expected_peer_name"]["value"].is_string()) {
            hosts.Add(tc["expected_peer_name"]["value"].get<std::string>());
            chains.back().name = tc["expected_peer_name"]["value"].get<std::string>();
          }
        }
      }
    } else {
      std::cerr << "make_seeds: " << argv[2] << " not readable; minted seeds only\n";
    }
  }

  for (size_t i = 0; i < chains.size(); ++i) {
    const Chain& c = chains[i];
    certs.Add(c.leaf);
    for (const auto& d : c.intermediates) certs.Add(d);
    std::vector<std::string> all = {c.leaf};
    all.insert(all.end(), c.intermediates.begin(), c.intermediates.end());
    if (i < minted) pems.Add(PemOf(all));
    if (all.size() > 4) all.resize(4);
    std::string joined = certval::fuzz::JoinPieces(all);
    // Mode 1 (accept all signatures) for every chain; a few other modes for the minted ones.
    validate.Add(std::string(1, '\x01') + joined);
    // Limbo's chains under webpki (its IP-named cases with bit 4), minted ones in a few modes.
    const bool ip_name =
        c.name.find(':') != std::string::npos ||
        (!c.name.empty() && c.name.find_first_not_of("0123456789.") == std::string::npos);
    if (std::string seed = DifferentialSeed(c.mode | (ip_name ? 16 : 0), c); !seed.empty())
      differential.Add(seed);
    if (i < minted) {
      for (uint8_t mode : {2, 4, 10}) {
        if (std::string seed = DifferentialSeed(mode, c); !seed.empty()) differential.Add(seed);
      }
    }
    if (i < minted) {
      validate.Add(std::string(1, '\x00') + joined);
      validate.Add(std::string(1, '\x03') + joined);
      validate.Add(std::string(1, '\x05') + joined);
    }
  }
  // PEM oddities.
  pems.Add("-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n");
  pems.Add("junk\n-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");

  for (const char* s :
       {"example.test\nexample.test", "*.example.test\nfoo.example.test",
        "*.example.test\nexample.test", "xn--bcher-kva.example\nxn--bcher-kva.example",
        "EXAMPLE.test.\nexample.test", "f*o.example.test\nfoo.example.test",
        "*.co.uk\nexample.co.uk", "192.0.2.1\n192.0.2.1", "::1\n0:0:0:0:0:0:0:1",
        "2001:db8::1\n2001:DB8:0:0::1", "::ffff:192.0.2.1\n192.0.2.1", "010.1.1.1\n10.1.1.1",
        "user@example.test\nuser@EXAMPLE.test",
        "\"quoted local\"@example.test\n\"quoted local\"@example.test", "a@b@c\na@b"}) {
    hosts.Add(s);
  }
  auto ip = [](std::initializer_list<int> bytes) {
    std::string s;
    for (int b : bytes) s.push_back(static_cast<char>(b));
    return s;
  };
  for (const std::string& s : std::vector<std::string>{
           "example.test\nexample.test", "a.example.test\n.example.test",
           "example.test\n.example.test", "*.example.test\na.example.test",
           "a.example.test\nexample.test", "foo.test\n", "user@example.test\nexample.test",
           "user@example.test\n.example.test", "user@example.test\nuser@example.test",
           ip({10, 1, 2, 3}) + "\n" + ip({10, 0, 0, 0, 255, 0, 0, 0}),
           ip({192, 0, 2, 1}) + "\n" + ip({192, 0, 2, 0, 255, 255, 255, 0}),
           std::string(16, '\x20') + "\n" + std::string(16, '\x20') + std::string(16, '\xff')}) {
    ncs.Add(s);
  }
  // Directory names are DER (the fuzzer parses both sides as Names); the first must hold no '\n'.
  const tp::NameSpec full{{"C", "US"}, {"CN", "Leaf"}}, prefix{{"C", "US"}}, other{{"C", "DE"}};
  for (const auto& [name, subtree] : std::vector<std::pair<tp::NameSpec, tp::NameSpec>>{
           {full, prefix}, {prefix, full}, {full, other}, {full, full}, {full, tp::NameSpec()}}) {
    const std::string name_der = tp::EncodeName(name);
    if (name_der.find('\n') == std::string::npos)
      ncs.Add(name_der + "\n" + tp::EncodeName(subtree));
  }

  // Policy files (hooks/policy_file.h): valid ones, then one of each kind of error.
  for (const char* s : {
           "",
           "# nothing but a comment\n\n",
           "default = warn\ncheck validity = disable\n",
           "default = enforce\ncheck signature = warn   # trailing comment\n"
           "host *.legacy.example {\n  check signature = warn\n  default = disable\n}\n"
           "host api.example.test {\n  check peer_name = enforce\n}\n",
           "host 192.0.2.1 {\n\tcheck hooks = warn\n}\ncheck my-plugin_check = disable\n",
           "default = sometimes\n",                        // unknown mode
           "check = warn\n",                               // setting without a name
           "check bad/name = warn\n",                      // not a check name
           "default = warn\ndefault = enforce\n",          // set twice
           "host *.a.example {\nhost b.example {\n}\n",    // nested blocks
           "host *.a.example {\ndefault = warn\n",         // block never closed
           "}\n",                                          // close without open
           "host a.*.example {\n}\n",                      // misplaced wildcard
           "host x.example {\n}\nhost X.EXAMPLE. {\n}\n",  // the same host twice
           "just words\n",
       }) {
    policies.Add(s);
  }

  // --- Revocation: minted CRLs (plain, indirect, delta), OCSP responses, a revocation set body ---
  {
    tp::Chain c = tp::MakeChain(tp::KeyKind::kEcP256, "example.test", kNow);
    tp::CrlSpec plain = tp::CrlSpecFor(c.intermediate_ca(), kNow);
    plain.entries.push_back(
        {tp::SerialOf(c.leaf), kNow, tp::kReasonKeyCompromise, std::nullopt, {}});
    plain.entries.push_back({"\x05", kNow, std::nullopt, std::nullopt, {}});
    crls.Add(tp::IssueCrl(plain, c.intermediate_key));
    tp::CrlSpec indirect = plain;
    indirect.issuing_distribution_point = tp::IdpValue(false, false, true, 0x06);
    indirect.entries.push_back({"\x07", kNow, tp::kReasonCertificateHold, c.root_name, {}});
    crls.Add(tp::IssueCrl(indirect, c.intermediate_key));
    tp::CrlSpec delta = plain;
    delta.crl_number = std::string("\x02");
    delta.delta_base = std::string("\x01");
    delta.entries.back().reason = tp::kReasonRemoveFromCrl;
    crls.Add(tp::IssueCrl(delta, c.intermediate_key));
    tp::OcspSpec good = tp::OcspSpecFor(c.leaf, c.intermediate_ca(), kNow);
    ocsps.Add(tp::IssueOcspResponse(good, c.intermediate_key));
    tp::OcspSpec revoked = good;
    revoked.responses[0].status = 1;
    revoked.responses[0].reason = tp::kReasonKeyCompromise;
    revoked.responses[0].sha256 = true;
    revoked.certs = {c.intermediate};
    ocsps.Add(tp::IssueOcspResponse(revoked, c.intermediate_key));
    tp::OcspSpec try_later;
    try_later.response_status = 3;
    ocsps.Add(tp::IssueOcspResponse(try_later, c.intermediate_key));
    certval::RevocationSet::Contents contents;
    contents.issuers.push_back({certval::Sha256Digest{}, {"\x01", "\x02\x03"}});
    contents.blocked_spki_sha256.push_back(certval::Sha256Digest{});
    std::string set = *certval::RevocationSet::Build(contents);
    sets.Add(set.substr(0, set.size() - 32));  // the fuzzer appends the checksum itself
  }

  std::printf(
      "make_seeds: %zu minted chains, %zu limbo cases; seeds: certificate %zu, pem %zu, "
      "hostname %zu, name_constraints %zu, validate %zu, differential %zu, policy_file %zu, "
      "crl %zu, ocsp %zu, revocation_set %zu\n",
      minted, limbo_cases, certs.size(), pems.size(), hosts.size(), ncs.size(), validate.size(),
      differential.size(), policies.size(), crls.size(), ocsps.size(), sets.size());
  return 0;
}
