#include "tools/limbo.h"

#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>

#include <nlohmann/json.hpp>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "certval/trust/trust_store.h"
#include "certval/validator/pem.h"
#include "certval/validator/text_escape.h"
#include "certval/validator/validator.h"

namespace certval {
namespace {

using nlohmann::json;

// Cases that need a feature certval does not have yet. Each skip prints this reason. (None today:
// has-crl cases run with their CRLs.)
const char* SkipReason(const json&) { return nullptr; }

// The DER of every "X509 CRL" block of the case's `crls` (absent or null: none).
std::vector<std::string> CrlList(const json& tc) {
  std::vector<std::string> out;
  if (!tc.contains("crls") || tc.at("crls").is_null()) return out;
  for (const auto& pem : tc.at("crls")) {
    auto ders = DecodePemBlocks(pem.get<std::string>(), "X509 CRL");
    if (ders.ok()) out.insert(out.end(), ders->begin(), ders->end());
  }
  return out;
}

std::vector<std::string> PemList(const json& list) {
  std::vector<std::string> out;
  for (const auto& pem : list) {
    auto ders = DecodePemCertificates(pem.get<std::string>());
    if (ders.ok()) out.insert(out.end(), ders->begin(), ders->end());
  }
  return out;
}

uint16_t KeyUsageMask(const json& names) {
  static const std::pair<const char*, uint16_t> kBits[] = {{"digitalSignature", kDigitalSignature},
                                                           {"contentCommitment", kNonRepudiation},
                                                           {"keyEncipherment", kKeyEncipherment},
                                                           {"dataEncipherment", kDataEncipherment},
                                                           {"keyAgreement", kKeyAgreement},
                                                           {"keyCertSign", kKeyCertSign},
                                                           {"cRLSign", kCrlSign},
                                                           {"encipherOnly", kEncipherOnly},
                                                           {"decipherOnly", kDecipherOnly}};
  uint16_t mask = 0;
  for (const auto& name : names) {
    for (const auto& [n, bit] : kBits) {
      if (name == n) mask |= bit;
    }
  }
  return mask;
}

std::string Describe(const ValidationResult& result) {
  std::vector<std::string> lines;
  for (const Finding& f : result.findings) {
    if (f.severity != Severity::kInfo) lines.push_back(FormatFinding(f));
  }
  return lines.empty() ? "valid" : absl::StrJoin(lines, "; ");
}

// rfc5280:: cases test RFC 5280 including section 4's MUSTs on encoding (critical basicConstraints
// and policyConstraints, key identifiers), so they run under rfc5280_strict; so do pathlen:: cases
// (4.2.1.9 path lengths, with a CA certificate in leaf position that the web PKI profile forbids).
// Everything else is web PKI.
Profile ProfileFor(const std::string& id) {
  for (const char* prefix : {"rfc5280::", "pathlen::"}) {
    if (id.rfind(prefix, 0) == 0) return Profile::kRfc5280Strict;
  }
  return Profile::kWebPki;
}

LimboCaseResult RunCase(const json& tc, const LimboRunOptions& run) {
  LimboCaseResult out;
  out.id = tc.at("id").get<std::string>();
  out.expected = tc.at("expected_result").get<std::string>();
  if (const char* reason = SkipReason(tc)) {
    out.actual = "SKIPPED";
    out.context = reason;
    return out;
  }
  auto store = std::make_shared<TrustStore>();
  int bad_roots = 0;
  // Limbo's cases model the public web, so its roots stand for a root program's: the BRs bind them.
  const std::vector<std::string> roots = PemList(tc.at("trusted_certs"));
  for (const std::string& der : roots) {
    if (!store->AddRootDer(der, AnchorOrigin::kRootProgram).ok()) ++bad_roots;
  }
  ValidationRequest request;
  std::vector<std::string> peer = PemList(json::array({tc.at("peer_certificate")}));
  request.leaf = peer.empty() ? std::string() : peer.front();
  request.intermediates = PemList(tc.at("untrusted_intermediates"));
  request.profile = ProfileFor(out.id);
  request.purpose = tc.value("validation_kind", "SERVER") == "CLIENT" ? Purpose::kClientAuth
                                                                      : Purpose::kServerAuth;
  // A case without an expected name tests the chain alone, which the library must be told.
  const json& name = tc.at("expected_peer_name");
  request.peer_name = PeerName::Any();
  if (!name.is_null()) {
    std::string kind = name.at("kind").get<std::string>();
    std::string value = name.at("value").get<std::string>();
    request.peer_name = kind == "DNS"  ? PeerName::Dns(value)
                        : kind == "IP" ? PeerName::Ip(value)
                                       : PeerName::Email(value);
  }
  const json& when = tc.at("validation_time");
  if (!when.is_null()) {
    absl::Time t;
    std::string err;
    if (absl::ParseTime(absl::RFC3339_full, when.get<std::string>(), &t, &err)) request.time = t;
  }
  if (tc.contains("key_usage") && !tc.at("key_usage").is_null()) {
    request.required_key_usage = KeyUsageMask(tc.at("key_usage"));
  }
  if (tc.contains("max_chain_depth") && !tc.at("max_chain_depth").is_null()) {
    request.max_depth = tc.at("max_chain_depth").get<int>();
  }
  // A case with CRLs expects every certificate below the anchor to have a status from them.
  request.crls = CrlList(tc);
  ValidatorOptions options;
  options.revocation.scope = RevocationScope::kChain;
  options.revocation.unknown = UnknownStatus::kHardFail;
  options.warning_sink = std::make_shared<NullWarningSink>();
  options.verifier = run.verifier;
  options.certificate_cache = run.certificate_cache;
  Validator validator(store, options);
  ValidationResult result = validator.Validate(request);
  out.actual = result.valid ? "SUCCESS" : "FAILURE";
  out.context = Describe(result);
  if (bad_roots > 0) absl::StrAppend(&out.context, " (", bad_roots, " trusted certs unparseable)");
  if (run.observer) run.observer(out, request, roots, result);
  return out;
}

std::string Namespace(const std::string& id) {
  size_t colon = id.find("::");
  return colon == std::string::npos ? "(none)" : id.substr(0, colon);
}

}  // namespace

absl::StatusOr<LimboReport> RunLimboFile(const std::string& path, const LimboRunOptions& options) {
  std::ifstream in(path);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot open limbo file ", path));
  json doc = json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.contains("testcases")) {
    return absl::InvalidArgumentError(absl::StrCat(path, ": not a limbo JSON file"));
  }
  LimboReport report;
  for (const json& tc : doc["testcases"]) {
    try {
      const absl::Time start = absl::Now();
      report.results.push_back(RunCase(tc, options));
      report.results.back().milliseconds = absl::ToDoubleMilliseconds(absl::Now() - start);
    } catch (const json::exception& e) {
      return absl::InvalidArgumentError(absl::StrCat(path, ": malformed testcase: ", e.what()));
    }
  }
  for (size_t i = 0; i < report.results.size(); ++i) {
    const LimboCaseResult& r = report.results[i];
    if (!report.slowest || r.milliseconds > report.results[*report.slowest].milliseconds) {
      report.slowest = i;
    }
    LimboTally& ns = report.by_namespace[Namespace(r.id)];
    if (r.actual == "SKIPPED") {
      ++report.total.skipped, ++ns.skipped;
    } else if (r.actual == r.expected) {
      ++report.total.passed, ++ns.passed;
    } else {
      ++report.total.failed, ++ns.failed;
      (r.actual == "SUCCESS" ? report.false_accepts : report.false_rejects).push_back(i);
    }
  }
  return report;
}

std::string LimboReport::Summary() const {
  std::string out =
      absl::StrFormat("%-14s %7s %7s %7s\n", "namespace", "passed", "failed", "skipped");
  for (const auto& [ns, t] : by_namespace) {
    absl::StrAppend(&out,
                    absl::StrFormat("%-14s %7d %7d %7d\n", ns, t.passed, t.failed, t.skipped));
  }
  for (const LimboCaseResult& r : results) {
    if (r.actual == "SKIPPED")
      absl::StrAppend(&out, "SKIPPED ", EscapeText(r.id), ": ", r.context, "\n");
  }
  absl::StrAppend(&out, "false accepts (expected FAILURE, got SUCCESS): ", false_accepts.size(),
                  "\n");
  // Ids are the file's text; contexts are FormatFinding lines, already escaped.
  for (size_t i : false_accepts) {
    absl::StrAppend(&out, "  FALSE ACCEPT ", EscapeText(results[i].id), "\n");
  }
  absl::StrAppend(&out, "false rejects (expected SUCCESS, got FAILURE): ", false_rejects.size(),
                  "\n");
  for (size_t i : false_rejects) {
    absl::StrAppend(&out, "  FALSE REJECT ", EscapeText(results[i].id), ": ", results[i].context,
                    "\n");
  }
  if (slowest) {
    const LimboCaseResult& r = results[*slowest];
    absl::StrAppend(
        &out, absl::StrFormat("slowest case: %s, %.2f ms\n", EscapeText(r.id), r.milliseconds));
  }
  int run = total.passed + total.failed;
  absl::StrAppend(&out, absl::StrFormat("limbo: %d/%d correct (%.1f%%) of the cases run\n",
                                        total.passed, run, run ? 100.0 * total.passed / run : 0.0));
  absl::StrAppend(&out, total.passed, " passed, ", total.failed, " failed, ", total.skipped,
                  " skipped\n");
  return out;
}

std::string LimboReport::ResultsJson() const {
  json list = json::array();
  for (const LimboCaseResult& r : results) {
    list.push_back({{"id", r.id}, {"actual_result", r.actual}, {"context", r.context}});
  }
  // Ids stay as the file spells them, for harnesses that match on them; never throws.
  return json{{"version", 1}, {"harness", "certval"}, {"results", list}}.dump(
             1, ' ', /*ensure_ascii=*/false, json::error_handler_t::replace) +
         "\n";
}

std::string DefaultLimboPath() {
  if (const char* env = std::getenv("CERTVAL_LIMBO"); env && *env) return env;
  constexpr absl::string_view kVendored = "third_party/x509-limbo/limbo.json";
  // A test reads it from its runfiles; `bazel run` and a shell in the repository, from the tree.
  const char* srcdir = std::getenv("TEST_SRCDIR");
  const char* workspace = std::getenv("TEST_WORKSPACE");
  if (srcdir != nullptr)
    return absl::StrCat(srcdir, "/", workspace ? workspace : "certval", "/", kVendored);
  const char* root = std::getenv("BUILD_WORKSPACE_DIRECTORY");
  return absl::StrCat(root ? root : ".", "/", kVendored);
}

}  // namespace certval
