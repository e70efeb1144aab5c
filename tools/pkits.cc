#include "tools/pkits.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/time/time.h"
#include "certval/trust/trust_store.h"
#include "certval/validator/certificate.h"
#include "certval/validator/finding.h"
#include "certval/validator/text_escape.h"
#include "certval/validator/validator.h"
#include "tools/describe.h"
#include "tools/inputs.h"

namespace certval {
namespace {

using nlohmann::json;

constexpr char kDsaSkip[] = "DSA signatures are not supported by certval's signature verifier";

bool IsDirectory(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// "4.10" after "4.9": compare the dotted numbers part by part.
bool SectionLess(const std::string& a, const std::string& b) {
  std::vector<std::string> pa = absl::StrSplit(a, '.'), pb = absl::StrSplit(b, '.');
  for (size_t i = 0; i < std::min(pa.size(), pb.size()); ++i) {
    if (pa[i].size() != pb[i].size()) return pa[i].size() < pb[i].size();
    if (pa[i] != pb[i]) return pa[i] < pb[i];
  }
  return pa.size() < pb.size();
}

absl::StatusOr<std::vector<std::string>> EncodeOidList(const json& list) {
  std::vector<std::string> out;
  for (const json& dotted : list) {
    auto der = EncodeDottedOid(dotted.get<std::string>());
    if (!der.ok()) return der.status();
    out.push_back(*std::move(der));
  }
  return out;
}

std::string OidSetText(const std::set<std::string>& oids) {
  std::vector<std::string> dotted;
  for (const std::string& oid : oids) dotted.push_back(OidToDotted(oid));
  return absl::StrCat("{", absl::StrJoin(dotted, ", "), "}");
}

std::string FirstError(const ValidationResult& result) {
  for (const Finding& f : result.findings) {
    if (f.severity == Severity::kError) return FormatFinding(f);
  }
  return "no error finding";
}

// Names the certificate that makes a test need DSA, or "" when none does.
std::string DsaCertificate(const std::vector<std::pair<std::string, std::string>>& certs) {
  for (const auto& [file, der] : certs) {
    auto cert = Certificate::Parse(der);
    if (!cert.ok()) continue;  // the Validator reports it
    const SignatureAlgorithm alg = (*cert)->signature_algorithm();
    if ((*cert)->public_key().type == KeyType::kDsa || alg == SignatureAlgorithm::kDsaSha1 ||
        alg == SignatureAlgorithm::kDsaSha256) {
      return file;
    }
  }
  return "";
}

struct Suite {
  std::string dir;  // where the test's relative file names start
  absl::Time time;
  PkitsRunOptions options;
};

absl::StatusOr<std::string> LoadFile(const Suite& suite, const json& name, const std::string& id) {
  const std::string path = absl::StrCat(suite.dir, "/", name.get<std::string>());
  auto bytes = ReadInputFile(path);
  if (!bytes.ok()) return absl::NotFoundError(absl::StrCat("test ", id, ": cannot open ", path));
  return bytes;
}

absl::Status Judge(const Suite& suite, const json& tc, const ValidationResult& result,
                   PkitsTestResult* out);

absl::StatusOr<PkitsTestResult> RunTest(const Suite& suite, const json& tc) {
  PkitsTestResult out;
  out.id = tc.at("id").get<std::string>();
  out.number = tc.at("number").get<std::string>();
  out.section = tc.at("section").get<std::string>();
  out.name = tc.at("name").get<std::string>();
  const std::string expected = tc.at("expected").get<std::string>();
  if (expected != "valid" && expected != "invalid") {
    return absl::InvalidArgumentError(
        absl::StrCat("test ", out.id, ": expected '", expected, "', not valid or invalid"));
  }
  out.expected_valid = expected == "valid";

  // Every file is read even for a test that is skipped: the data must be whole either way.
  auto anchor = LoadFile(suite, tc.at("trust_anchor"), out.id);
  if (!anchor.ok()) return anchor.status();
  std::vector<std::pair<std::string, std::string>> certs;  // file name, DER; leaf first
  for (const json& name : tc.at("certificates")) {
    auto der = LoadFile(suite, name, out.id);
    if (!der.ok()) return der.status();
    certs.emplace_back(name.get<std::string>(), *std::move(der));
  }
  if (certs.empty()) {
    return absl::InvalidArgumentError(absl::StrCat("test ", out.id, ": no certificates"));
  }
  std::vector<std::string> crls;
  for (const json& name : tc.at("crls")) {
    auto crl = LoadFile(suite, name, out.id);
    if (!crl.ok()) return crl.status();
    crls.push_back(*std::move(crl));
  }
  if (std::string dsa = DsaCertificate(certs); !dsa.empty()) {
    out.outcome = PkitsOutcome::kSkipped;
    out.skip = PkitsSkip::kDsa;
    out.skip_reason = kDsaSkip;
    out.detail = absl::StrCat(dsa, " uses DSA");
    return out;
  }

  auto store = std::make_shared<TrustStore>();
  const std::vector<std::string> anchors = {*anchor};
  if (auto s = store->AddRootDer(*std::move(anchor)); !s.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("test ", out.id, ": trust anchor: ", s.message()));
  }
  ValidatorOptions options;
  options.warning_sink = std::make_shared<NullWarningSink>();
  // Every test, not only the revocation ones, gets its CRLs: PKITS expects each certificate below
  // the anchor to have a status (4.4.1: a missing CRL fails the path).
  options.revocation.scope = RevocationScope::kChain;
  options.revocation.unknown = UnknownStatus::kHardFail;
  auto validator = Validator::Create(store, std::move(options));
  if (!validator.ok()) return validator.status();

  ValidationRequest request;
  request.leaf = certs.front().second;
  for (size_t i = 1; i < certs.size(); ++i) request.intermediates.push_back(certs[i].second);
  request.profile = Profile::kRfc5280;
  request.purpose = Purpose::kAny;      // PKITS certificates carry no extendedKeyUsage
  request.peer_name = PeerName::Any();  // PKITS checks paths, not names of peers
  request.time = suite.time;
  request.crls = std::move(crls);
  auto initial = EncodeOidList(tc.at("initial_policy_set"));
  if (!initial.ok()) return initial.status();
  request.policy.user_initial_policy_set = *std::move(initial);
  request.policy.initial_explicit_policy = tc.at("initial_explicit_policy").get<bool>();
  request.policy.initial_policy_mapping_inhibit =
      tc.at("initial_policy_mapping_inhibit").get<bool>();
  request.policy.initial_any_policy_inhibit = tc.at("initial_any_policy_inhibit").get<bool>();

  const ValidationResult result = validator->Validate(request);
  auto status = Judge(suite, tc, result, &out);
  if (status.ok() && suite.options.observer) suite.options.observer(out, request, anchors, result);
  if (!status.ok()) return status;
  return out;
}

// Sets `out`'s verdict, outcome and detail from the Validator's result.
absl::Status Judge(const Suite& suite, const json& tc, const ValidationResult& result,
                   PkitsTestResult* out_ptr) {
  PkitsTestResult& out = *out_ptr;
  out.actual_valid = result.valid;
  if (!result.valid) out.detail = FirstError(result);
  if (out.actual_valid != out.expected_valid) {
    out.outcome = PkitsOutcome::kFailed;
    return absl::OkStatus();
  }
  out.outcome = PkitsOutcome::kPassed;
  const bool stated = tc.at("user_constrained_policy_set_stated").get<bool>();
  if (result.valid && (stated || suite.options.check_implied_policy_sets)) {
    auto expected = EncodeOidList(tc.at("user_constrained_policy_set"));
    if (!expected.ok()) return expected.status();
    const std::set<std::string> want(expected->begin(), expected->end());
    const std::set<std::string> got(result.user_constrained_policies.begin(),
                                    result.user_constrained_policies.end());
    if (want != got) {
      out.outcome = PkitsOutcome::kFailed;
      out.detail = absl::StrCat("user-constrained policies ", OidSetText(got), ", expected ",
                                OidSetText(want), stated ? "" : " (the generator's default)");
    }
  }
  return absl::OkStatus();
}

std::string Label(const PkitsTestResult& r) {
  return absl::StrCat(EscapeText(r.id), " ", EscapeText(r.name));
}

}  // namespace

absl::StatusOr<std::string> EncodeDottedOid(const std::string& dotted) {
  const absl::Status bad = absl::InvalidArgumentError(absl::StrCat("malformed OID '", dotted, "'"));
  std::vector<uint64_t> arcs;
  for (absl::string_view part : absl::StrSplit(dotted, '.')) {
    if (part.empty() || part.size() > 18) return bad;  // 18 digits fit in 64 bits
    uint64_t v = 0;
    for (char c : part) {
      if (c < '0' || c > '9') return bad;
      v = v * 10 + static_cast<uint64_t>(c - '0');
    }
    arcs.push_back(v);
  }
  if (arcs.size() < 2 || arcs[0] > 2 || (arcs[0] < 2 && arcs[1] >= 40)) return bad;
  if (arcs[1] > UINT64_MAX - 80) return bad;
  std::string out;
  for (size_t i = 1; i < arcs.size(); ++i) {
    // The first two arcs share one subidentifier (X.690 8.19.4).
    uint64_t v = i == 1 ? arcs[0] * 40 + arcs[1] : arcs[i];
    std::string base128(1, static_cast<char>(v & 0x7f));
    for (v >>= 7; v != 0; v >>= 7) {
      base128.insert(base128.begin(), static_cast<char>(0x80 | (v & 0x7f)));
    }
    out += base128;
  }
  return out;
}

absl::StatusOr<PkitsReport> RunPkits(const std::string& path, const PkitsRunOptions& options) {
  // "-": pkits.json on standard input, the files it names relative to the working directory.
  const bool from_stdin = path == "-";
  const std::string file = from_stdin          ? std::string("<stdin>")
                           : IsDirectory(path) ? absl::StrCat(path, "/pkits.json")
                                               : path;
  auto text = ReadInputFile(from_stdin ? std::string("/dev/stdin") : file);
  if (!text.ok()) return absl::NotFoundError(absl::StrCat("cannot open PKITS file ", file));
  json doc = json::parse(*text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object() || !doc.contains("tests")) {
    return absl::InvalidArgumentError(absl::StrCat(file, ": not a PKITS JSON file"));
  }
  Suite suite;
  const size_t slash = file.rfind('/');
  suite.dir = from_stdin || slash == std::string::npos ? "." : file.substr(0, slash);
  suite.options = options;

  PkitsReport report;
  try {
    std::string err;
    if (!absl::ParseTime(absl::RFC3339_full, doc.at("validation_time").get<std::string>(),
                         &suite.time, &err)) {
      return absl::InvalidArgumentError(absl::StrCat(file, ": validation_time: ", err));
    }
    for (const json& tc : doc.at("tests")) {
      auto result = RunTest(suite, tc);
      if (!result.ok()) {
        return absl::Status(result.status().code(),
                            absl::StrCat(file, ": ", result.status().message()));
      }
      report.results.push_back(*std::move(result));
    }
    std::set<std::string> numbers;
    for (const PkitsTestResult& r : report.results) numbers.insert(r.section);
    const json titles = doc.value("sections", json::object());
    for (const std::string& n : numbers) {
      report.sections.push_back({n, titles.value(n, std::string()), {}});
    }
  } catch (const json::exception& e) {
    return absl::InvalidArgumentError(absl::StrCat(file, ": malformed test: ", e.what()));
  }
  std::sort(report.sections.begin(), report.sections.end(),
            [](const auto& a, const auto& b) { return SectionLess(a.number, b.number); });
  for (size_t i = 0; i < report.results.size(); ++i) {
    const PkitsTestResult& r = report.results[i];
    PkitsTally& section =
        std::find_if(report.sections.begin(), report.sections.end(), [&](const auto& s) {
          return s.number == r.section;
        })->tally;
    switch (r.outcome) {
      case PkitsOutcome::kPassed:
        ++report.total.passed, ++section.passed;
        break;
      case PkitsOutcome::kSkipped:
        ++report.total.skipped, ++section.skipped;
        break;
      case PkitsOutcome::kFailed:
        ++report.total.failed, ++section.failed;
        if (r.actual_valid == r.expected_valid) {
          report.policy_mismatches.push_back(i);
        } else {
          (r.actual_valid ? report.false_accepts : report.false_rejects).push_back(i);
        }
        break;
    }
  }
  return report;
}

std::string PkitsReport::Summary() const {
  std::string out = absl::StrFormat("%-8s %-46s %7s %7s %7s\n", "section", "title", "passed",
                                    "failed", "skipped");
  for (const Section& s : sections) {
    absl::StrAppend(
        &out, absl::StrFormat("%-8s %-46s %7d %7d %7d\n", EscapeText(s.number), EscapeText(s.title),
                              s.tally.passed, s.tally.failed, s.tally.skipped));
  }
  absl::StrAppend(&out, absl::StrFormat("%-8s %-46s %7d %7d %7d\n", "total", "", total.passed,
                                        total.failed, total.skipped));
  // Skips by reason, in the order the reasons first appear.
  std::vector<std::pair<std::string, std::vector<std::string>>> skips;
  for (const PkitsTestResult& r : results) {
    if (r.outcome != PkitsOutcome::kSkipped) continue;
    auto it = std::find_if(skips.begin(), skips.end(),
                           [&](const auto& s) { return s.first == r.skip_reason; });
    if (it == skips.end()) it = skips.insert(skips.end(), {r.skip_reason, {}});
    it->second.push_back(EscapeText(r.id));
  }
  for (const auto& [reason, ids] : skips) {
    absl::StrAppend(&out, "SKIPPED (", reason, "), ", ids.size(), ": ", absl::StrJoin(ids, " "),
                    "\n");
  }
  absl::StrAppend(&out, "false accepts (expected invalid, validated): ", false_accepts.size(),
                  "\n");
  for (size_t i : false_accepts) absl::StrAppend(&out, "  FALSE ACCEPT ", Label(results[i]), "\n");
  absl::StrAppend(&out, "false rejects (expected valid, rejected): ", false_rejects.size(), "\n");
  // Details are FormatFinding lines (already escaped) or OID text.
  for (size_t i : false_rejects) {
    absl::StrAppend(&out, "  FALSE REJECT ", Label(results[i]), ": ", results[i].detail, "\n");
  }
  absl::StrAppend(&out, "user-constrained policy set mismatches (validated as expected): ",
                  policy_mismatches.size(), "\n");
  for (size_t i : policy_mismatches) {
    absl::StrAppend(&out, "  POLICY SET ", Label(results[i]), ": ", results[i].detail, "\n");
  }
  absl::StrAppend(&out, "pkits: ", total.passed, " passed, ", total.failed, " failed (",
                  false_accepts.size(), " false accepts, ", false_rejects.size(),
                  " false rejects, ", policy_mismatches.size(), " policy-set mismatches), ",
                  total.skipped, " skipped, of ", results.size(), " tests\n");
  return out;
}

std::string DefaultPkitsPath() {
  if (const char* env = std::getenv("CERTVAL_PKITS"); env && *env) return env;
  constexpr absl::string_view kVendored = "third_party/nist-pkits/pkits.json";
  // A test reads it from its runfiles; `bazel run` and a shell in the repository, from the tree.
  const char* srcdir = std::getenv("TEST_SRCDIR");
  const char* workspace = std::getenv("TEST_WORKSPACE");
  if (srcdir != nullptr) {
    return absl::StrCat(srcdir, "/", workspace ? workspace : "certval", "/", kVendored);
  }
  const char* root = std::getenv("BUILD_WORKSPACE_DIRECTORY");
  return absl::StrCat(root ? root : ".", "/", kVendored);
}

}  // namespace certval
