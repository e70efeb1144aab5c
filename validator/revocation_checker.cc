#include "certval/validator/revocation_checker.h"

#include <algorithm>
#include <initializer_list>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "certval/validator/oids.h"

namespace certval {
namespace {

// A CRL signer's own status is checked too, and its signer's, to this depth: PKITS needs one level
// (a separate CRL-signing certificate); a chain of CRL signers deeper than that is not worth the
// work.
constexpr int kMaxSignerDepth = 2;

bool IsCa(const Certificate& cert) {
  return cert.basic_constraints().has_value() && cert.basic_constraints()->is_ca;
}

bool SameName(Der a, const Name& b) {
  Name parsed;
  return ParseName(a, &parsed).ok() && parsed.normalized == b.normalized;
}

// Names that a distribution point name stands for, with nameRelativeToCRLIssuer resolved against
// `crl_issuer` (a Name TLV). Directory names are compared normalized, every other form exactly.
struct ResolvedNames {
  std::vector<std::string> directory;  // normalized
  std::vector<std::pair<GeneralNameType, Der>> other;
  std::vector<std::string> storage;  // the Name DER built for a relative name
};

void Resolve(const DistributionPointName& dp, Der crl_issuer, ResolvedNames* out) {
  for (const GeneralNameView& n : dp.full_name) {
    if (n.type == GeneralNameType::kDirectoryName) {
      Name parsed;
      if (ParseName(n.value, &parsed).ok()) out->directory.push_back(parsed.normalized);
    } else {
      out->other.emplace_back(n.type, n.value);
    }
  }
  if (dp.relative_name) {
    const std::string full = AppendRdn(crl_issuer, *dp.relative_name);
    Name parsed;
    if (!full.empty() && ParseName(full, &parsed).ok()) out->directory.push_back(parsed.normalized);
  }
}

bool Intersect(const ResolvedNames& a, const ResolvedNames& b) {
  for (const std::string& x : a.directory) {
    if (std::find(b.directory.begin(), b.directory.end(), x) != b.directory.end()) return true;
  }
  for (const auto& x : a.other) {
    if (std::find(b.other.begin(), b.other.end(), x) != b.other.end()) return true;
  }
  return false;
}

ResolvedNames FromGeneralNames(const std::vector<GeneralNameView>& names) {
  DistributionPointName dp;
  dp.full_name = names;
  ResolvedNames out;
  Resolve(dp, Der(), &out);
  return out;
}

// "the CRL of CN=Example CA (number 0x1f)". Unescaped: findings and the tools escape what they
// print.
std::string CrlLabel(const Crl& crl) {
  std::vector<std::string> cns = crl.issuer().Texts(kOidCommonName);
  std::string number;
  for (char c : crl.crl_number())
    absl::StrAppend(&number, absl::Hex(static_cast<uint8_t>(c), absl::kZeroPad2));
  return absl::StrCat(
      "the CRL of ",
      cns.empty() ? std::string("an issuer without CN") : absl::StrCat("CN=", cns.back()),
      " (number 0x", number, ")");
}

bool Current(const Crl& crl, absl::Time time, std::string* why) {
  // CRL times have whole seconds, as certificate times do.
  const absl::Time t = absl::FromUnixSeconds(absl::ToUnixSeconds(time));
  if (crl.this_update() > t) {
    *why = absl::StrCat(
        CrlLabel(crl), " is not yet valid (thisUpdate ",
        absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", crl.this_update(), absl::UTCTimeZone()), ")");
    return false;
  }
  if (crl.next_update() && *crl.next_update() < t) {
    *why = absl::StrCat(
        CrlLabel(crl), " is out of date (nextUpdate ",
        absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", *crl.next_update(), absl::UTCTimeZone()), ")");
    return false;
  }
  return true;
}

// RFC 5280 6.3.3 (b): whether `crl` (complete or delta) can speak for `cert` through distribution
// point `dp` (the implicit one when the certificate names none).
bool InScope(const Crl& crl, const Certificate& cert, const DistributionPoint& dp) {
  // (b)(1): the issuer, or for an indirect CRL the DP's cRLIssuer.
  if (!dp.crl_issuer.empty()) {
    bool named = false;
    for (const GeneralNameView& n : dp.crl_issuer) {
      named =
          named || (n.type == GeneralNameType::kDirectoryName && SameName(n.value, crl.issuer()));
    }
    if (!named || !crl.indirect()) return false;
  } else if (crl.issuer().normalized != cert.issuer().normalized) {
    return false;
  }
  const auto& idp = crl.issuing_distribution_point();
  if (!idp) return true;
  // (b)(2)(i): the IDP's name against the DP's name, or else the DP's cRLIssuer.
  if (idp->name) {
    ResolvedNames idp_names;
    Resolve(*idp->name, crl.issuer().der, &idp_names);
    ResolvedNames cert_names;
    if (dp.name) {
      // A relative name in the certificate is relative to its CRL issuer: the cRLIssuer when there
      // is one, the certificate's issuer otherwise.
      Der base = cert.issuer().der;
      for (const GeneralNameView& n : dp.crl_issuer) {
        if (n.type == GeneralNameType::kDirectoryName) base = n.value;
      }
      Resolve(*dp.name, base, &cert_names);
    } else if (!dp.crl_issuer.empty()) {
      cert_names = FromGeneralNames(dp.crl_issuer);
    } else {
      return false;  // a partitioned CRL, and nothing says this certificate is in its partition
    }
    if (!Intersect(idp_names, cert_names)) return false;
  }
  // (b)(2)(ii)-(iv).
  if (idp->only_user_certs && IsCa(cert)) return false;
  if (idp->only_ca_certs && !IsCa(cert)) return false;
  if (idp->only_attribute_certs) return false;
  return true;
}

// Whether `c` is the responder `response` names: by name, or else by the SHA-1 of its key.
bool NamesResponder(const OcspResponse& response, const Certificate& c) {
  if (response.responder_name()) {
    Name name;
    return ParseName(*response.responder_name(), &name).ok() &&
           name.normalized == c.subject().normalized;
  }
  return response.responder_key_hash() &&
         OcspDigest(OcspHash::kSha1, c.public_key().key) == *response.responder_key_hash();
}

// For a CRL signer's path `certs` (leaf first, anchor last): every certificate valid at `t`, and
// those between the signer and the anchor CAs that may sign certificates.
bool SignerPathCertsUsable(const std::vector<CertificatePtr>& certs, absl::Time t,
                           std::string* problem) {
  for (size_t k = 0; k < certs.size(); ++k) {
    if (certs[k]->not_before() > t || certs[k]->not_after() < t) {
      *problem = "a certificate of its path is not within its validity period";
      return false;
    }
    if (k == 0 || k + 1 == certs.size()) continue;
    const auto ku = certs[k]->key_usage();
    if (!IsCa(*certs[k]) || (ku && (*ku & kKeyCertSign) == 0)) {
      *problem = "a certificate of its path is not a CA";
      return false;
    }
  }
  return true;
}

RevocationStatus Unknown(int index, std::vector<std::string> notes) {
  RevocationStatus status;
  status.cert_index = index;
  status.state = RevocationState::kUnknown;
  status.detail = notes.empty() ? "no CRL covers it" : absl::StrJoin(notes, "; ");
  return status;
}

}  // namespace

RevocationChecker::RevocationChecker(Environment env, Inputs inputs, RevocationPolicy policy)
    : env_(env),
      crls_(std::move(inputs.crls)),
      ocsp_(std::move(inputs.ocsp)),
      first_ocsp_is_stapled_(inputs.first_ocsp_is_stapled),
      sources_(std::move(inputs.sources)),
      policy_(policy),
      configured_(inputs.configured),
      stapling_(inputs.stapling),
      staple_only_(inputs.staple_only) {}

bool RevocationChecker::OcspAuthentic(const OcspResponse& response, const CertificatePtr& issuer,
                                      std::string* who, std::string* why) {
  const auto key = std::make_pair(&response, issuer.get());
  if (auto it = ocsp_verified_.find(key); it != ocsp_verified_.end()) {
    (it->second.first ? *who : *why) = it->second.second;
    return it->second.first;
  }
  bool ok = false;
  std::string text =
      "the response is signed neither by the issuer nor by a responder it delegated to";
  if (NamesResponder(response, *issuer)) {
    ok = OcspSignedBy(response, *issuer);
    text = ok ? "issuer-signed" : "the issuer's signature on the response does not verify";
  } else {
    ok = DelegatedResponderSigned(response, *issuer, &text);
  }
  ocsp_verified_.emplace(key, std::make_pair(ok, text));
  kept_certs_.push_back(issuer);
  (ok ? *who : *why) = text;
  return ok;
}

bool RevocationChecker::OcspSignedBy(const OcspResponse& response, const Certificate& signer) {
  return env_.budget->ChargeSignature() &&
         SignatureVerifier::VerifySignedBy(response.signature_algorithm(), signer, response.tbs(),
                                           response.signature())
             .ok();
}

bool RevocationChecker::DelegatedResponderSigned(const OcspResponse& response,
                                                 const Certificate& issuer, std::string* text) {
  for (const CertificatePtr& d : response.certs()) {
    if (!NamesResponder(response, *d) || d->issuer().normalized != issuer.subject().normalized) {
      continue;
    }
    std::string problem = DelegatedResponderProblem(response, *d, issuer);
    if (!problem.empty()) {
      *text = std::move(problem);
      continue;  // a later certificate in the response may do
    }
    std::vector<std::string> cns = d->subject().Texts(kOidCommonName);
    *text =
        absl::StrCat("delegated responder", cns.empty() ? "" : absl::StrCat(" CN=", cns.back()));
    return true;
  }
  return false;
}

std::string RevocationChecker::DelegatedResponderProblem(const OcspResponse& response,
                                                         const Certificate& responder,
                                                         const Certificate& issuer) {
  const absl::Time t = env_.time;
  const auto& eku = responder.ext_key_usage();
  const bool ocsp_signing =
      eku && std::find(eku->oids.begin(), eku->oids.end(), kOidEkuOcspSigning) != eku->oids.end();
  if (!ocsp_signing) return "the responder's certificate lacks id-kp-OCSPSigning";
  if (responder.not_before() > t || responder.not_after() < t) {
    return "the responder's certificate is not within its validity period";
  }
  // In this order: the budget is charged for the certificate's signature before the response's.
  if (!env_.budget->ChargeSignature() || !env_.verifier->Verify(responder, issuer).ok()) {
    return "the responder's certificate is not issued by the certificate's issuer";
  }
  if (!OcspSignedBy(response, responder)) {
    return "the responder's signature on the response does not verify";
  }
  return "";
}

std::optional<RevocationStatus> RevocationChecker::CheckOcsp(absl::Span<const CertificatePtr> path,
                                                             size_t i,
                                                             std::vector<std::string>* notes) {
  const Certificate& cert = *path[i];
  for (size_t r = 0; r < ocsp_.size(); ++r) {
    const OcspResponse& response = *ocsp_[r];
    const std::string label = r == 0 && first_ocsp_is_stapled_
                                  ? "stapled OCSP response"
                                  : absl::StrCat("OCSP response #", r + 1);
    if (!response.successful()) {
      if (i == 0)
        notes->push_back(absl::StrCat(label, ": responder status ", response.response_status()));
      continue;
    }
    // Matching hashes the issuer's name and key per single response: charged like CRL entries.
    if (!env_.budget->ChargeRevocationSteps(static_cast<int64_t>(response.responses().size()) +
                                            1)) {
      return std::nullopt;
    }
    const OcspSingleResponse* single = response.Find(cert, *path[i + 1]);
    if (single == nullptr) continue;
    std::string who, why;
    if (!OcspAuthentic(response, path[i + 1], &who, &why)) {
      notes->push_back(absl::StrCat(label, ": ", why));
      continue;
    }
    const absl::Time t = env_.time;
    const absl::Time until = single->next_update
                                 ? *single->next_update
                                 : single->this_update + kOcspMaxAgeWithoutNextUpdate;
    if (single->this_update > t + kOcspClockSkew) {
      notes->push_back(absl::StrCat(label, ": thisUpdate is in the future"));
      continue;
    }
    if (until + kOcspClockSkew < t) {
      notes->push_back(absl::StrCat(label, ": out of date"));
      continue;
    }
    if (single->status == OcspCertStatus::kUnknown) {
      notes->push_back(absl::StrCat(label, ": the responder does not know the certificate"));
      continue;
    }
    RevocationStatus status;
    status.cert_index = static_cast<int>(i);
    status.source = absl::StrCat(label, " (", who, ")");
    if (single->status == OcspCertStatus::kGood) {
      status.state = RevocationState::kGood;
    } else {
      status.state = RevocationState::kRevoked;
      status.reason = single->reason;
      status.revocation_time = single->revocation_time;
    }
    return status;
  }
  return std::nullopt;
}

RevocationStatus RevocationChecker::Check(absl::Span<const CertificatePtr> path, size_t i) {
  return CheckAt(path, i, 0);
}

std::vector<CrlPtr> RevocationChecker::CandidateCrls(const Certificate& cert,
                                                     const std::vector<DistributionPoint>& points) {
  std::vector<CrlPtr> out = crls_;
  std::vector<const Name*> issuers = {&cert.issuer()};
  std::vector<Name> named;  // cRLIssuer names, parsed
  named.reserve(8);
  for (const DistributionPoint& dp : points) {
    for (const GeneralNameView& n : dp.crl_issuer) {
      if (n.type != GeneralNameType::kDirectoryName || named.size() == named.capacity()) continue;
      named.emplace_back();
      if (ParseName(n.value, &named.back()).ok()) issuers.push_back(&named.back());
    }
  }
  for (const auto& source : sources_) {
    for (const Name* issuer : issuers) {
      const size_t before = out.size();
      source->FindCrls(*issuer, &out);
      kept_.insert(kept_.end(), out.begin() + before, out.end());
    }
  }
  // The same CRL may come from several places: consider it once.
  std::vector<CrlPtr> unique;
  for (CrlPtr& crl : out) {
    if (crl == nullptr) continue;
    bool dup = std::any_of(unique.begin(), unique.end(),
                           [&](const CrlPtr& c) { return c == crl || c->der() == crl->der(); });
    if (!dup) unique.push_back(std::move(crl));
  }
  return unique;
}

bool RevocationChecker::Verified(const Crl& crl, const CertificatePtr& signer) {
  const auto key = std::make_pair(&crl, signer.get());
  if (auto it = verified_.find(key); it != verified_.end()) return it->second;
  if (!env_.budget->ChargeSignature()) return false;  // the Validator reports the limit
  const bool ok = SignatureVerifier::VerifySignedBy(crl.signature_algorithm(), *signer, crl.tbs(),
                                                    crl.signature())
                      .ok();
  verified_.emplace(key, ok);
  kept_certs_.push_back(signer);
  return ok;
}

bool RevocationChecker::SignerPathValid(const CertificatePtr& signer,
                                        const CertificatePtr& anchor_ptr, int depth,
                                        std::string* why) {
  const Certificate& anchor = *anchor_ptr;
  if (signer->der() == anchor.der()) return true;
  const auto key = std::make_pair(signer.get(), &anchor);
  kept_certs_.push_back(signer);
  kept_certs_.push_back(anchor_ptr);
  if (auto it = signer_paths_.find(key); it != signer_paths_.end()) {
    if (!it->second) *why = "its certificate has no valid path to the trust anchor";
    return it->second;
  }
  signer_paths_[key] = false;  // while it is being decided: a cycle fails
  bool found = false;
  std::string last_problem = "no path to the same trust anchor";
  PathBuilder builder(*env_.trust, *env_.intermediates, *env_.verifier, *env_.budget,
                      env_.max_intermediates, /*prune_by_signature=*/true);
  builder.Build(signer, [&](const CandidatePath& candidate) {
    if (!SignerCandidateUsable(candidate, anchor, depth, &last_problem)) return false;
    found = true;
    return true;
  });
  signer_paths_[key] = found;
  if (!found) *why = absl::StrCat("its signer's certificate is not usable: ", last_problem);
  return found;
}

bool RevocationChecker::SignerCandidateUsable(const CandidatePath& candidate,
                                              const Certificate& anchor, int depth,
                                              std::string* problem) {
  const auto& certs = candidate.certs;
  if (candidate.anchor.kind != TrustKind::kAnchor || certs.back()->der() != anchor.der()) {
    return false;  // RFC 5280 6.3.3 (f): the CRL's path must end at the certificate's anchor
  }
  // In this order: the cheap checks first, the signer's own revocation status last.
  return SignerPathSignaturesVerify(candidate, problem) &&
         SignerPathCertsUsable(certs, absl::FromUnixSeconds(absl::ToUnixSeconds(env_.time)),
                               problem) &&
         SignerPathNotRevoked(certs, depth, problem);
}

bool RevocationChecker::SignerPathSignaturesVerify(const CandidatePath& candidate,
                                                   std::string* problem) {
  const auto& certs = candidate.certs;
  for (size_t k = 0; k + 1 < certs.size(); ++k) {
    if (candidate.edge_verified[k] == EdgeSignature::kVerified) continue;
    if (!env_.budget->ChargeSignature() || !env_.verifier->Verify(*certs[k], *certs[k + 1]).ok()) {
      *problem = "a signature on its path does not verify";
      return false;
    }
  }
  return true;
}

bool RevocationChecker::SignerPathNotRevoked(absl::Span<const CertificatePtr> certs, int depth,
                                             std::string* problem) {
  // The CRL signer's certificates must not be revoked either.
  for (size_t k = 0; k + 1 < certs.size(); ++k) {
    RevocationStatus s = CheckAt(certs, k, depth + 1);
    if (s.state == RevocationState::kRevoked ||
        (s.state == RevocationState::kUnknown && policy_.unknown == UnknownStatus::kHardFail)) {
      *problem = absl::StrCat(
          "a certificate of its path is ", RevocationStateName(s.state),
          s.state == RevocationState::kUnknown ? absl::StrCat(" (", s.detail, ")") : "");
      return false;
    }
  }
  return true;
}

CertificatePtr RevocationChecker::FindSigner(const Crl& crl, absl::Span<const CertificatePtr> path,
                                             size_t i, int depth, std::string* why) {
  const CertificatePtr& issuer = path[i + 1];
  std::vector<CertificatePtr> candidates;
  if (issuer->subject().normalized == crl.issuer().normalized) candidates.push_back(issuer);
  // Other certificates for the CRL's issuer: a separate CRL-signing key, an indirect CRL issuer.
  for (const CertificatePtr& c : path) {
    if (c->subject().normalized == crl.issuer().normalized) candidates.push_back(c);
  }
  for (const CertificatePtr& c : env_.intermediates->certs()) {
    if (c->subject().normalized == crl.issuer().normalized) candidates.push_back(c);
  }
  if (path[i]->issuer().normalized == crl.issuer().normalized)
    env_.trust->FindIssuers(*path[i], &candidates);
  std::vector<CertificatePtr> tried;
  *why = absl::StrCat("no certificate for ", CrlLabel(crl), "'s issuer verifies its signature");
  for (const CertificatePtr& signer : candidates) {
    if (std::any_of(tried.begin(), tried.end(),
                    [&](const CertificatePtr& c) { return c->der() == signer->der(); })) {
      continue;
    }
    tried.push_back(signer);
    if (!Verified(crl, signer)) continue;
    // RFC 5280 6.3.3 (f): cRLSign when keyUsage is present.
    const auto ku = signer->key_usage();
    if (ku && (*ku & kCrlSign) == 0) {
      *why = absl::StrCat(CrlLabel(crl),
                          " is signed by a key whose certificate's keyUsage lacks cRLSign");
      continue;
    }
    // A certificate of the path being validated has that path: the issuer, the anchor, or (an
    // indirect CRL issuer whose CRL covers its own certificate, PKITS 4.14.30) the certificate
    // itself.
    for (size_t j = i; j < path.size(); ++j) {
      if (path[j]->der() == signer->der()) return signer;
    }
    std::string problem;
    if (depth < kMaxSignerDepth && SignerPathValid(signer, path.back(), depth, &problem))
      return signer;
    *why = absl::StrCat(CrlLabel(crl), ": ",
                        depth < kMaxSignerDepth ? problem : "its signer is too far removed");
  }
  return nullptr;
}

RevocationStatus RevocationChecker::CheckAt(absl::Span<const CertificatePtr> path, size_t i,
                                            int depth) {
  RevocationStatus status = CheckWithData(path, i, depth);
  if (status.state != RevocationState::kUnknown || env_.fetch == nullptr) return status;
  const Certificate& cert = *path[i];
  const Certificate& issuer = *path[i + 1];
  if (!fetched_.emplace(std::string(cert.der()), std::string(issuer.der())).second) return status;
  // Asked for on demand, OCSP first (one small answer), then the CRLs.
  if (env_.fetch->FetchOcsp(cert, issuer, &ocsp_)) {
    status = CheckWithData(path, i, depth);
    if (status.state != RevocationState::kUnknown) return status;
  }
  if (env_.fetch->FetchCrls(cert, &crls_)) status = CheckWithData(path, i, depth);
  return status;
}

// One certificate's pass over its CRLs (RFC 5280 6.3.3): what it looks at, and what it has found.
struct RevocationChecker::CrlScan {
  absl::Span<const CertificatePtr> path;
  size_t i = 0;  // path[i] is the certificate
  int depth = 0;
  std::vector<CrlPtr> crls;                   // the candidates, complete and delta
  std::vector<std::string>* notes = nullptr;  // why a CRL did not count
  ReasonMask reasons = 0;                     // (k): the reasons the CRLs so far cover
  std::optional<RevocationReason> status;     // set: listed (removeFromCRL included, until (j))
  const CrlEntry* listed = nullptr;
  const Crl* listed_on = nullptr;
  std::vector<std::string> sources;  // the CRLs that spoke, for a "good" status
};

RevocationStatus RevocationChecker::CheckWithData(absl::Span<const CertificatePtr> path, size_t i,
                                                  int depth) {
  const Certificate& cert = *path[i];
  const int index = static_cast<int>(i);
  // Sources that answer directly are as trusted as the trust store: their "revoked" settles it.
  // Their "good" waits for the request's own data, which may be newer (a CRL listing a certificate
  // revoked since a pushed set was built).
  const std::optional<RevocationStatus> from_sources = SourcesAnswer(cert, *path[i + 1], index);
  if (from_sources && from_sources->state == RevocationState::kRevoked) return *from_sources;
  if (!in_progress_.insert(&cert).second) {
    return from_sources ? *from_sources : Unknown(index, {"its status depends on itself"});
  }
  struct Release {
    std::set<const Certificate*>& set;
    const Certificate* cert;
    ~Release() { set.erase(cert); }
  } release{in_progress_, &cert};

  std::vector<std::string> notes;
  if (std::optional<RevocationStatus> answer = CheckOcsp(path, i, &notes)) return *answer;
  if (std::optional<RevocationStatus> answer = CheckCrls(path, i, depth, &notes)) return *answer;
  if (from_sources) return *from_sources;
  return Unknown(index, std::move(notes));
}

std::optional<RevocationStatus> RevocationChecker::SourcesAnswer(const Certificate& cert,
                                                                 const Certificate& issuer,
                                                                 int index) {
  std::optional<RevocationStatus> good;
  for (const auto& source : sources_) {
    std::optional<RevocationStatus> answer = source->Lookup(cert, issuer);
    if (!answer || answer->state == RevocationState::kUnknown) continue;
    answer->cert_index = index;
    if (answer->source.empty()) answer->source = std::string(source->name());
    if (answer->state == RevocationState::kRevoked) return answer;
    if (!good) good = std::move(answer);
  }
  return good;
}

std::optional<RevocationStatus> RevocationChecker::CheckCrls(absl::Span<const CertificatePtr> path,
                                                             size_t i, int depth,
                                                             std::vector<std::string>* notes) {
  const Certificate& cert = *path[i];
  absl::StatusOr<std::vector<DistributionPoint>> points = ParseCrlDistributionPoints(cert);
  if (!points.ok()) {
    notes->push_back(absl::StrCat("its ", points.status().message()));
    return std::nullopt;
  }
  if (points->empty()) points->emplace_back();  // the implicit one: the issuer's CRLs, every reason
  CrlScan scan;
  scan.path = path;
  scan.i = i;
  scan.depth = depth;
  scan.crls = CandidateCrls(cert, *points);
  scan.notes = notes;
  for (const DistributionPoint& dp : *points) {
    for (const CrlPtr& complete : scan.crls) {
      if (scan.reasons == kAllReasons || scan.status) break;
      if (complete->is_delta()) continue;
      if (!env_.budget->ChargeRevocationSteps(1)) {
        return Unknown(static_cast<int>(i), {"the budget ran out"});
      }
      ApplyCompleteCrl(*complete, dp, &scan);
    }
  }
  if (std::optional<RevocationStatus> settled = SettledByCrls(scan)) return settled;
  if (scan.reasons != 0) notes->push_back("the CRLs in scope do not cover every revocation reason");
  return std::nullopt;
}

void RevocationChecker::ApplyCompleteCrl(const Crl& complete, const DistributionPoint& dp,
                                         CrlScan* scan) {
  const Certificate& cert = *scan->path[scan->i];
  if (!InScope(complete, cert, dp)) return;
  std::string why;
  if (!Current(complete, env_.time, &why)) {
    scan->notes->push_back(why);
    return;
  }
  // (d), (e): the reasons this CRL can still add.
  const auto& idp = complete.issuing_distribution_point();
  const ReasonMask interim =
      (idp && idp->only_some_reasons ? *idp->only_some_reasons : kAllReasons) &
      (dp.reasons ? *dp.reasons : kAllReasons);
  if ((interim & ~scan->reasons) == 0) return;
  // (f), (g): its signer, and the signature.
  CertificatePtr signer = FindSigner(complete, scan->path, scan->i, scan->depth, &why);
  if (signer == nullptr) {
    scan->notes->push_back(why);
    return;
  }
  // (c): the newest delta CRL for it, signed by the same key.
  const Crl* delta = NewestDelta(complete, signer, scan);
  RecordListing(cert, delta, complete, scan);
  scan->sources.push_back(delta ? absl::StrCat(CrlLabel(complete), " with delta ", CrlLabel(*delta))
                                : CrlLabel(complete));
  scan->reasons |= interim;  // (k)
}

const Crl* RevocationChecker::NewestDelta(const Crl& complete, const CertificatePtr& signer,
                                          CrlScan* scan) {
  const auto& idp = complete.issuing_distribution_point();
  const Crl* delta = nullptr;
  std::string why;
  for (const CrlPtr& d : scan->crls) {
    if (!d->is_delta() || d->issuer().normalized != complete.issuer().normalized) continue;
    const auto& didp = d->issuing_distribution_point();
    if (didp.has_value() != idp.has_value() || (didp && didp->der != idp->der)) continue;
    if (CompareIntegers(*d->delta_base(), complete.crl_number()) > 0 ||
        CompareIntegers(d->crl_number(), complete.crl_number()) <= 0) {
      continue;
    }
    if (!Current(*d, env_.time, &why)) {
      scan->notes->push_back(why);
      continue;
    }
    if (!Verified(*d, signer)) {
      scan->notes->push_back(
          absl::StrCat(CrlLabel(*d), " (a delta CRL) does not verify under its base CRL's key"));
      continue;
    }
    if (delta == nullptr || CompareIntegers(d->crl_number(), delta->crl_number()) > 0) {
      delta = d.get();
    }
  }
  return delta;
}

void RevocationChecker::RecordListing(const Certificate& cert, const Crl* delta,
                                      const Crl& complete, CrlScan* scan) {
  // (h), (i): the delta CRL first, then the complete one; the first that lists it says how.
  for (const Crl* crl : {delta, &complete}) {
    if (crl == nullptr || scan->status) continue;
    if (const CrlEntry* e = crl->Find(cert.serial(), cert.issuer())) {
      scan->status = e->reason.value_or(RevocationReason::kUnspecified);
      scan->listed = e;
      scan->listed_on = crl;
    }
  }
  // (j): removeFromCRL undoes a hold.
  if (scan->status == RevocationReason::kRemoveFromCrl) {
    scan->status.reset();
    scan->listed = nullptr;
  }
}

std::optional<RevocationStatus> RevocationChecker::SettledByCrls(const CrlScan& scan) {
  RevocationStatus result;
  result.cert_index = static_cast<int>(scan.i);
  if (scan.status) {
    result.state = RevocationState::kRevoked;
    if (scan.listed->reason) result.reason = *scan.status;
    result.revocation_time = scan.listed->revocation_date;
    result.source = absl::StrCat("crl: ", CrlLabel(*scan.listed_on));
    return result;
  }
  if (scan.reasons == kAllReasons) {
    result.state = RevocationState::kGood;
    result.source = absl::StrCat("crl: ", absl::StrJoin(scan.sources, ", "));
    return result;
  }
  return std::nullopt;
}

}  // namespace certval
