#include "tests/oracle/known_differences.h"

#include <set>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "certval/validator/oids.h"
#include "certval/validator/peer_name_match.h"
#include "certval/validator/text_escape.h"

namespace certval {
namespace oracle {
namespace {

bool WebPki(const Comparison& c) { return c.request->profile == Profile::kWebPki; }

// certval's chosen path (its best failing one when it rejects); the leaf is always first.
const Certificate* Leaf(const Comparison& c) {
  return c.certval->path.empty() ? nullptr : c.certval->path.front().get();
}

bool IsAnchorIndex(const Comparison& c, const Finding& f) {
  return !c.certval->path.empty() && f.cert_index == static_cast<int>(c.certval->path.size()) - 1;
}

bool PathHasEd25519(const Comparison& c) {
  for (const CertificatePtr& cert : c.certval->path) {
    if (cert->public_key().type == KeyType::kEd25519 ||
        cert->signature_algorithm() == SignatureAlgorithm::kEd25519) {
      return true;
    }
  }
  return false;
}

// Chromium rejected the path, and for these errors only.
bool OnlyErrors(const Comparison& c, std::initializer_list<const char*> ids) {
  if (c.chromium->path_valid || c.chromium->errors.empty()) return false;
  for (const std::string& e : c.chromium->errors) {
    bool listed = false;
    for (const char* id : ids) listed = listed || e == id;
    if (!listed) return false;
  }
  return true;
}

// The leaf has an empty subject and a subjectAltName extension that is not critical.
bool LeafEmptySubjectNonCriticalSan(const Comparison& c) {
  const Certificate* leaf = Leaf(c);
  if (leaf == nullptr || !leaf->subject().empty()) return false;
  const Extension* san = leaf->FindExtension(kOidSubjectAltName);
  return san != nullptr && !san->critical;
}

bool LeafHasUri(const Comparison& c) {
  const Certificate* leaf = Leaf(c);
  return leaf != nullptr && leaf->subject_alt_names() && !leaf->subject_alt_names()->uris.empty();
}

bool PathHasUriSubtree(const Comparison& c) {
  for (size_t i = 1; i < c.certval->path.size(); ++i) {
    const auto& nc = c.certval->path[i]->name_constraints();
    if (!nc) continue;
    for (const auto* list : {&nc->permitted, &nc->excluded}) {
      for (const GeneralSubtree& s : *list) {
        if (s.type == GeneralNameType::kUri) return true;
      }
    }
  }
  return false;
}

// The DNS reference name matches one of the leaf's wildcard SANs "*.S" label for label, and S is a
// public suffix: the only reason certval's matcher refuses it.
bool WildcardOverPublicSuffix(const Comparison& c) {
  const Certificate* leaf = Leaf(c);
  if (c.request->peer_name.kind != PeerName::Kind::kDns || leaf == nullptr ||
      !leaf->subject_alt_names()) {
    return false;
  }
  const std::string& reference = c.request->peer_name.value;
  const size_t dot = reference.find('.');
  if (dot == std::string::npos || dot == 0) return false;
  for (Der san : leaf->subject_alt_names()->dns_names) {
    if (!absl::StartsWith(san, "*.")) continue;
    const absl::string_view suffix = san.substr(2);
    if (absl::EqualsIgnoreCase(absl::string_view(reference).substr(dot + 1), suffix) &&
        IsPublicSuffix(suffix)) {
      return true;
    }
  }
  return false;
}

bool CodeIn(const Finding& f, std::initializer_list<const char*> codes) {
  for (const char* code : codes) {
    if (f.code == code) return true;
  }
  return false;
}

std::vector<KnownDifference> BuildTable() {
  using D = Direction;
  std::vector<KnownDifference> t;
  auto stricter = [&t](std::string name, std::string reason,
                       std::function<bool(const Comparison&, const Finding&)> covers) {
    t.push_back(
        {std::move(name), D::kCertvalRejects, std::move(reason), std::move(covers), nullptr});
  };
  auto laxer = [&t](std::string name, std::string reason,
                    std::function<bool(const Comparison&)> explains) {
    t.push_back(
        {std::move(name), D::kCertvalAccepts, std::move(reason), nullptr, std::move(explains)});
  };

  // --- certval rejects what Chromium accepts ---
  stricter("weak_rsa_key",
           "webpki requires RSA moduli of at least 2048 bits and a multiple of 8 (CABF BR 6.1.5); "
           "Chromium's verifier accepts 1024 bits and more",
           [](const Comparison& c, const Finding& f) {
             return WebPki(c) &&
                    CodeIn(f, {"public_key.rsa_too_small", "public_key.rsa_not_multiple_of_8"});
           });
  stricter("strict_leaf_eku",
           "webpki requires the leaf's extKeyUsage: present, non-critical, without "
           "anyExtendedKeyUsage, codeSigning, timeStamping or OCSPSigning (CABF BR 7.1.2.7.10); "
           "Chromium's SERVER_AUTH takes a leaf without extKeyUsage as good for any purpose",
           [](const Comparison& c, const Finding& f) {
             return WebPki(c) && f.cert_index == 0 &&
                    CodeIn(f, {"ext_key_usage.missing", "ext_key_usage.critical",
                               "ext_key_usage.any_eku", "ext_key_usage.forbidden_in_leaf"});
           });
  stricter("cn_in_san",
           "webpki requires the leaf's subject commonName to repeat one of its subjectAltNames "
           "(CABF BR 7.1.4.3); Chromium ignores the commonName",
           [](const Comparison& c, const Finding& f) {
             return WebPki(c) && f.cert_index == 0 &&
                    CodeIn(f, {"certificate_profile.cn_not_in_san"});
           });
  stricter("br_root_profile",
           "webpki holds the trust anchor to the BR root profile (no extKeyUsage, an "
           "authorityKeyIdentifier that is its own keyIdentifier; CABF BR 7.1.2.1); Chromium reads "
           "only an anchor's constraints",
           [](const Comparison& c, const Finding& f) {
             return WebPki(c) && IsAnchorIndex(c, f) &&
                    CodeIn(f, {"ext_key_usage.root_has_eku",
                               "certificate_profile.root_aki_missing_key_id",
                               "certificate_profile.root_aki_issuer_serial",
                               "certificate_profile.root_aki_ski_mismatch"});
           });
  stricter("br_subscriber_profile",
           "webpki holds the leaf to the BR subscriber profile: not a CA, subjectAltName not "
           "critical beside a subject (CABF BR 7.1.2.7); Chromium accepts a CA certificate or a "
           "critical subjectAltName in leaf position",
           [](const Comparison& c, const Finding& f) {
             if (!WebPki(c) || f.cert_index != 0) return false;
             if (CodeIn(f, {"basic_constraints.ca_as_leaf", "certificate_profile.san_critical"}))
               return true;
             // A CA certificate as the leaf, without keyCertSign: refused as a CA certificate.
             const Certificate* leaf = Leaf(c);
             return f.code == "key_usage.missing_key_cert_sign" && leaf != nullptr &&
                    leaf->basic_constraints() && leaf->basic_constraints()->is_ca;
           });
  stricter(
      "rfc5280_encoding_musts",
      "rfc5280_strict and webpki enforce RFC 5280 section 4's MUSTs on how a certificate is "
      "encoded (key identifiers, criticality of basicConstraints, nameConstraints and "
      "policyConstraints, serial numbers, keyCertSign only with cA); Chromium's verifier does "
      "not (section 6 validation only)",
      [](const Comparison& c, const Finding& f) {
        return c.request->profile != Profile::kRfc5280 &&
               CodeIn(f,
                      {"certificate_profile.aki_missing", "certificate_profile.aki_missing_key_id",
                       "certificate_profile.ski_missing",
                       "certificate_profile.name_constraints_not_critical",
                       "certificate_profile.name_constraints_in_ee",
                       "certificate_profile.policy_constraints_not_critical",
                       "certificate_profile.serial_zero", "certificate_profile.serial_too_long",
                       "certificate_profile.serial_negative", "basic_constraints.not_critical",
                       "key_usage.key_cert_sign_without_ca"});
      });
  stricter("dns_name_syntax",
           "certval refuses a malformed dNSName under name constraints (a SAN or a constraint, "
           "e.g. a leading period) and a reference name that is not a valid host name (e.g. an "
           "underscore); Chromium's verifier and X509_check_host compare such names as strings",
           [](const Comparison& c, const Finding& f) {
             return CodeIn(f, {"name_constraints.invalid_constraint",
                               "name_constraints.invalid_name"}) ||
                    (f.code == "peer_name.invalid_reference" &&
                     c.request->peer_name.kind == PeerName::Kind::kDns);
           });
  stricter("wildcard_over_public_suffix",
           "certval does not let a wildcard SAN directly under a public suffix (*.co.uk) match "
           "(CABF BR 3.2.2.6); X509_check_host does",
           [](const Comparison& c, const Finding& f) {
             return f.code == "peer_name.mismatch" && WildcardOverPublicSuffix(c);
           });

  stricter("revocation_not_checked_by_oracle",
           "certval checks the CRLs and OCSP responses a case supplies (the conformance runners "
           "hard-fail on the whole chain); the oracle's CertificateVerify does no revocation "
           "checking at all",
           [](const Comparison& c, const Finding& f) {
             const ValidationRequest& r = *c.request;
             const bool has_data = !r.crls.empty() || !r.ocsp_responses.empty() ||
                                   r.stapled_ocsp.has_value() || !r.revocation_sources.empty();
             return has_data && f.check == "revocation";
           });

  // --- certval accepts what Chromium rejects ---
  laxer("uri_name_constraints",
        "Chromium's verifier does not implement uniformResourceIdentifier name constraints: it "
        "refuses every URI name under a URI subtree, where certval matches the URI's host "
        "(RFC 5280 4.2.1.10; PKITS 4.13.34 and 4.13.36 are valid)",
        [](const Comparison& c) {
          return c.chromium->HasError("Not permitted by name constraints") && LeafHasUri(c) &&
                 PathHasUriSubtree(c);
        });
  laxer("ed25519",
        "certval verifies Ed25519 keys and signatures (RFC 8410) outside webpki; Chromium's "
        "verifier supports RSA and ECDSA only, and refuses the key or the signature algorithm",
        [](const Comparison& c) {
          return PathHasEd25519(c) &&
                 OnlyErrors(c, {"Unacceptable signature algorithm",
                                "Couldn't parse SubjectPublicKeyInfo", "Unacceptable public key"});
        });
  laxer("rfc5280_profile_empty_subject_san",
        "the rfc5280 profile applies section 6 only, so certval does not refuse a leaf whose "
        "subject is empty and whose subjectAltName is not critical (webpki and rfc5280_strict "
        "report certificate_profile.san_not_critical_with_empty_subject); Chromium's parser "
        "refuses such a certificate",
        [](const Comparison& c) {
          return c.request->profile == Profile::kRfc5280 && OnlyErrors(c, {"leaf unparseable"}) &&
                 absl::StrContains(c.chromium->error,
                                   "Empty subject and subjectAltName is not critical") &&
                 LeafEmptySubjectNonCriticalSan(c);
        });
  laxer("depth_limit_counts_self_issued",
        "a maximum depth counts non-self-issued intermediates in certval (as RFC 5280 counts "
        "pathLenConstraint, and as limbo's max_chain_depth means); Chromium's depth limit counts "
        "every certificate, so it cannot build the accepted path",
        [](const Comparison& c) {
          return c.request->max_depth.has_value() &&
                 c.certval->path.size() > static_cast<size_t>(*c.request->max_depth) + 2;
        });
  return t;
}

}  // namespace

std::vector<const Finding*> Comparison::CertvalErrors() const {
  std::vector<const Finding*> out;
  for (const Finding& f : certval->findings) {
    if (f.severity == Severity::kError) out.push_back(&f);
  }
  return out;
}

const std::vector<KnownDifference>& KnownDifferences() {
  static const auto* table = new std::vector<KnownDifference>(BuildTable());
  return *table;
}

Explanation Explain(const Comparison& c) {
  Explanation e;
  std::set<std::string> seen;
  if (c.direction() == Direction::kCertvalRejects) {
    std::vector<std::string> uncovered;
    const std::vector<const Finding*> errors = c.CertvalErrors();
    for (const Finding* f : errors) {
      const KnownDifference* rule = nullptr;
      for (const KnownDifference& k : KnownDifferences()) {
        if (k.direction == Direction::kCertvalRejects && k.covers_finding(c, *f)) {
          rule = &k;
          break;
        }
      }
      if (rule == nullptr) {
        uncovered.push_back(absl::StrCat(f->code, "@", f->cert_index));
      } else if (seen.insert(rule->name).second) {
        e.rules.push_back(rule->name);
      }
    }
    e.explained = !errors.empty() && uncovered.empty();
    if (errors.empty()) uncovered.push_back("(no error finding)");
    e.unexplained = absl::StrJoin(uncovered, ", ");
    return e;
  }
  for (const KnownDifference& k : KnownDifferences()) {
    if (k.direction == Direction::kCertvalAccepts && k.explains(c)) {
      e.explained = true;
      e.rules.push_back(k.name);
      return e;
    }
  }
  e.unexplained = c.chromium->error;
  return e;
}

std::string DescribeDisagreement(const Comparison& c, const Explanation& e) {
  std::vector<std::string> codes;
  for (const Finding* f : c.CertvalErrors())
    codes.push_back(absl::StrCat(f->code, "@", f->cert_index));
  std::string out = absl::StrCat(
      EscapeText(c.id.empty() ? "(input)" : c.id), ": certval ",
      c.certval->valid ? "ACCEPTS" : absl::StrCat("REJECTS [", absl::StrJoin(codes, ", "), "]"),
      ", chromium ",
      c.chromium->accepted ? "ACCEPTS"
                           : absl::StrCat("REJECTS [", EscapeText(c.chromium->error), "]"));
  if (e.explained) {
    absl::StrAppend(&out, " => known: ", absl::StrJoin(e.rules, ", "));
  } else {
    absl::StrAppend(&out, " => UNEXPLAINED: ", EscapeText(e.unexplained));
    if (!e.rules.empty()) absl::StrAppend(&out, " (partly: ", absl::StrJoin(e.rules, ", "), ")");
  }
  return out;
}

}  // namespace oracle
}  // namespace certval
