#include "certval/validator/checks/name_constraints_check.h"

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "certval/validator/ip_address.h"
#include "certval/validator/name_constraints_match.h"
#include "certval/validator/oids.h"
#include "certval/validator/peer_name_match.h"

namespace certval {
namespace {

// One set of constraints (an extension, or an anchor's) as permitted/excluded subtree lists.
struct ConstraintSet {
  const std::vector<GeneralSubtree>* permitted;
  const std::vector<GeneralSubtree>* excluded;
};

// A name found in a certificate, with its form.
struct PresentedName {
  GeneralNameType type;
  Der value;         // DNS/email/IP/URI bytes; for directory names, Name::normalized
  UriHost uri = {};  // for URIs: the host the constraints judge
};

bool HasForm(const std::vector<GeneralSubtree>& subtrees, GeneralNameType type) {
  for (const GeneralSubtree& s : subtrees) {
    if (s.type == type) return true;
  }
  return false;
}

// A DNS name constraint per RFC 5280: a DNS name without wildcard. The leading-period form is
// defined for URIs and mailboxes only, and x509-limbo holds verifiers to that; empty means "all".
bool DnsConstraintValid(Der c) { return c.empty() || (c[0] != '.' && IsValidDnsConstraint(c)); }

bool ConstraintValid(const GeneralSubtree& s, std::string* why) {
  switch (s.type) {
    case GeneralNameType::kDnsName:
      if (DnsConstraintValid(s.value)) return true;
      *why = absl::StrCat("dNSName constraint '", s.value, "' is not a valid DNS name");
      return false;
    case GeneralNameType::kIpAddress:
      if (IsValidIpConstraint(s.value)) return true;
      *why = "iPAddress constraint is not an address with a contiguous mask";
      return false;
    case GeneralNameType::kRfc822Name:
      if (IsValidEmailConstraint(s.value)) return true;
      *why = absl::StrCat("rfc822Name constraint '", s.value, "' is not a mailbox, host or domain");
      return false;
    case GeneralNameType::kUri:
      if (IsValidUriConstraint(s.value)) return true;
      *why = absl::StrCat("uniformResourceIdentifier constraint '", s.value,
                          "' is not a host or .domain (RFC 5280 4.2.1.10)");
      return false;
    default:
      return true;
  }
}

// The normal forms of one constraint set's directoryName subtrees, parsed once, by position.
class DirectorySubtrees {
 public:
  explicit DirectorySubtrees(const std::vector<GeneralSubtree>& subtrees) {
    normalized_.resize(subtrees.size());
    for (size_t i = 0; i < subtrees.size(); ++i) {
      if (subtrees[i].type != GeneralNameType::kDirectoryName) continue;
      Name name;
      if (ParseName(subtrees[i].value, &name).ok()) normalized_[i] = std::move(name.normalized);
    }
  }
  // Name::normalized of subtrees[i], or null if it does not parse.
  const std::string* Normalized(size_t i) const {
    return normalized_[i] ? &*normalized_[i] : nullptr;
  }

 private:
  std::vector<std::optional<std::string>> normalized_;
};

bool Matches(const PresentedName& name, const GeneralSubtree& s, bool excluded,
             const std::string* subtree_dir) {
  switch (name.type) {
    case GeneralNameType::kDnsName:
      return excluded ? DnsNameMayMatchConstraint(name.value, s.value)
                      : DnsNameMatchesConstraint(name.value, s.value);
    case GeneralNameType::kIpAddress:
      return IpMatchesConstraint(name.value, s.value);
    case GeneralNameType::kRfc822Name:
      return EmailMatchesConstraint(name.value, s.value);
    case GeneralNameType::kUri:  // Judge has refused URIs without a DNS host
      return UriHostMatchesConstraint(name.uri.host, s.value);
    case GeneralNameType::kDirectoryName:
      // An unparseable subtree matches everything when excluded, nothing when permitted.
      return subtree_dir == nullptr ? excluded
                                    : DirectoryNameWithinSubtree(name.value, *subtree_dir);
    default:
      return false;
  }
}

bool NameValid(const PresentedName& name) {
  switch (name.type) {
    case GeneralNameType::kDnsName:
      return IsValidPresentedDnsName(name.value, /*allow_wildcard=*/true);
    case GeneralNameType::kRfc822Name: {
      absl::string_view local, domain;
      return SplitEmailAddress(name.value, &local, &domain);
    }
    default:
      return true;
  }
}

// RFC 5280's name for a GeneralName form certval keeps no value for.
absl::string_view FormName(GeneralNameType type) {
  switch (type) {
    case GeneralNameType::kOtherName:
      return "otherName";
    case GeneralNameType::kX400Address:
      return "x400Address";
    case GeneralNameType::kEdiPartyName:
      return "ediPartyName";
    case GeneralNameType::kRegisteredId:
      return "registeredID";
    default:
      return "GeneralName";
  }
}

std::string NameText(const PresentedName& name) {
  switch (name.type) {
    case GeneralNameType::kDnsName:
      return absl::StrCat("dNSName '", name.value, "'");
    case GeneralNameType::kRfc822Name:
      return absl::StrCat("rfc822Name '", name.value, "'");
    case GeneralNameType::kIpAddress:
      return absl::StrCat("iPAddress ", FormatIpAddress(name.value));
    case GeneralNameType::kUri:
      return absl::StrCat("uniformResourceIdentifier '", name.value, "'");
    default:
      return "directoryName";
  }
}

// `storage` keeps what `names` points to that the certificate does not hold: the subject's email
// addresses and the parsed directoryName SANs.
struct NameStorage {
  std::vector<std::string> subject_emails;
  std::vector<std::string> common_names;
  std::vector<Name> san_dirs;
};

// `cn_as_dns`: the leaf's subject commonNames stand for DNS names (the request's common-name
// fallback, when the leaf has no subjectAltName), so DNS constraints must judge them too.
void CollectNames(const Certificate& cert, bool cn_as_dns, std::vector<PresentedName>* names,
                  NameStorage* storage, std::vector<GeneralNameType>* unsupported) {
  if (!cert.subject().empty()) {
    names->push_back({GeneralNameType::kDirectoryName, cert.subject().normalized});
  }
  storage->subject_emails = cert.subject().Texts(kOidEmailAddress);
  for (const std::string& email : storage->subject_emails) {
    names->push_back({GeneralNameType::kRfc822Name, email});
  }
  const auto& san = cert.subject_alt_names();
  if (!san && cn_as_dns) {
    storage->common_names = cert.subject().Texts(kOidCommonName);
    for (const std::string& cn : storage->common_names)
      names->push_back({GeneralNameType::kDnsName, cn});
  }
  if (!san) return;
  for (Der d : san->dns_names) names->push_back({GeneralNameType::kDnsName, d});
  for (Der d : san->ip_addresses) names->push_back({GeneralNameType::kIpAddress, d});
  for (Der d : san->emails) names->push_back({GeneralNameType::kRfc822Name, d});
  for (Der d : san->directory_names) {
    Name parsed;
    if (ParseName(d, &parsed).ok()) storage->san_dirs.push_back(std::move(parsed));
  }
  for (const Name& n : storage->san_dirs)
    names->push_back({GeneralNameType::kDirectoryName, n.normalized});
  for (Der d : san->uris) names->push_back({GeneralNameType::kUri, d, ParseUriHost(d)});
  unsupported->insert(unsupported->end(), san->other_kinds.begin(), san->other_kinds.end());
}

class Evaluator {
 public:
  Evaluator(const PathContext& ctx, FindingReporter& out) : ctx_(ctx), out_(out) {}

  // Applies `set`, carried by path[issuer], to every certificate below it. False once the budget
  // is spent: the Validator then refuses the path with the limit.
  bool Apply(const ConstraintSet& set, size_t issuer, absl::string_view source) {
    const size_t subtrees = set.permitted->size() + set.excluded->size();
    // Judging and parsing each subtree is work too: charged once per set.
    if (!Charge(static_cast<int64_t>(subtrees))) return false;
    for (const auto* list : {set.permitted, set.excluded}) {
      for (const GeneralSubtree& s : *list) {
        std::string why;
        if (!ConstraintValid(s, &why)) {
          out_.Report(static_cast<int>(issuer), code::kNameConstraintsInvalidConstraint,
                      absl::StrCat(source, ": ", why));
          return true;
        }
      }
    }
    const DirectorySubtrees permitted_dirs(*set.permitted), excluded_dirs(*set.excluded);
    const Subtrees tables{set, permitted_dirs, excluded_dirs};
    for (size_t j = 0; j < issuer; ++j) {
      const Certificate& cert = ctx_.cert(j);
      if (j > 0 && cert.self_issued()) continue;  // RFC 5280 6.1.3(b): not for self-issued CAs
      if (!ApplyTo(tables, j, cert, source)) return false;
    }
    return true;
  }

 private:
  struct Subtrees {
    const ConstraintSet& set;
    const DirectorySubtrees& permitted_dirs;
    const DirectorySubtrees& excluded_dirs;
  };

  bool Charge(int64_t count) {
    return ctx_.budget == nullptr || ctx_.budget->ChargeNameComparisons(count);
  }

  bool ApplyTo(const Subtrees& t, size_t j, const Certificate& cert, absl::string_view source) {
    const ConstraintSet& set = t.set;
    std::vector<PresentedName> names;
    NameStorage storage;
    std::vector<GeneralNameType> unsupported;
    const bool cn_as_dns =
        j == 0 && ctx_.request != nullptr && ctx_.request->allow_common_name_fallback;
    CollectNames(cert, cn_as_dns, &names, &storage, &unsupported);
    for (GeneralNameType form : unsupported) {
      if (HasForm(*set.permitted, form) || HasForm(*set.excluded, form)) {
        out_.Report(static_cast<int>(j), code::kNameConstraintsUnsupportedNameForm,
                    absl::StrCat(source, " constrains the ", FormName(form), " form (tag ",
                                 static_cast<int>(form),
                                 "), which certval cannot evaluate and the certificate uses"));
      }
    }
    // Every name may be compared with every subtree: charged before the work.
    if (!Charge(static_cast<int64_t>(names.size()) *
                static_cast<int64_t>(set.permitted->size() + set.excluded->size()))) {
      return false;
    }
    for (const PresentedName& name : names) Judge(t, j, name, source);
    return true;
  }

  void Judge(const Subtrees& t, size_t j, const PresentedName& name, absl::string_view source) {
    const ConstraintSet& set = t.set;
    const bool constrained =
        HasForm(*set.permitted, name.type) || HasForm(*set.excluded, name.type);
    if (!constrained) return;
    if (name.type == GeneralNameType::kUri && name.uri.kind != UriHost::Kind::kDnsName) {
      ReportUriWithoutHost(j, name, source);
      return;
    }
    if (!NameValid(name)) {
      out_.Report(
          static_cast<int>(j), code::kNameConstraintsInvalidName,
          absl::StrCat(NameText(name), " is malformed and ", source, " constrains its form"));
      return;
    }
    for (size_t i = 0; i < set.excluded->size(); ++i) {
      const GeneralSubtree& s = (*set.excluded)[i];
      if (s.type == name.type &&
          Matches(name, s, /*excluded=*/true, t.excluded_dirs.Normalized(i))) {
        out_.Report(static_cast<int>(j), code::kNameConstraintsExcluded,
                    absl::StrCat(NameText(name), " is in an excluded subtree of ", source));
        return;
      }
    }
    if (!HasForm(*set.permitted, name.type)) return;
    for (size_t i = 0; i < set.permitted->size(); ++i) {
      const GeneralSubtree& s = (*set.permitted)[i];
      if (s.type == name.type &&
          Matches(name, s, /*excluded=*/false, t.permitted_dirs.Normalized(i))) {
        return;
      }
    }
    out_.Report(static_cast<int>(j), code::kNameConstraintsNotPermitted,
                absl::StrCat(NameText(name), " is outside the permitted subtrees of ", source));
  }

  // RFC 5280 4.2.1.10: a URI without a host name under URI constraints, permitted or excluded,
  // MUST be rejected; so must one we cannot parse.
  void ReportUriWithoutHost(size_t j, const PresentedName& name, absl::string_view source) {
    if (name.uri.kind == UriHost::Kind::kMalformed) {
      out_.Report(
          static_cast<int>(j), code::kNameConstraintsInvalidName,
          absl::StrCat(NameText(name), " is malformed and ", source, " constrains its form"));
      return;
    }
    out_.Report(
        static_cast<int>(j), code::kNameConstraintsUriWithoutDnsHost,
        absl::StrCat(
            NameText(name),
            name.uri.kind == UriHost::Kind::kIpAddress ? " has an IP address" : " has no host",
            " where a host name must be, and ", source, " constrains URIs (RFC 5280 4.2.1.10)"));
  }

  const PathContext& ctx_;
  FindingReporter& out_;
};

// An anchor's application-given constraints, in the extension's shape.
struct AnchorSubtrees {
  std::vector<GeneralSubtree> permitted, excluded;
  explicit AnchorSubtrees(const AnchorConstraints& c) {
    auto add = [](std::vector<GeneralSubtree>& to, GeneralNameType t,
                  const std::vector<std::string>& v) {
      for (const std::string& s : v) to.push_back({t, s});
    };
    add(permitted, GeneralNameType::kDnsName, c.permitted_dns);
    add(excluded, GeneralNameType::kDnsName, c.excluded_dns);
    add(permitted, GeneralNameType::kIpAddress, c.permitted_ip);
    add(excluded, GeneralNameType::kIpAddress, c.excluded_ip);
    add(permitted, GeneralNameType::kRfc822Name, c.permitted_email);
    add(excluded, GeneralNameType::kRfc822Name, c.excluded_email);
  }
};

}  // namespace

void NameConstraintsCheck::Run(const PathContext& ctx, FindingReporter& out) const {
  Evaluator eval(ctx, out);
  for (size_t i = ctx.path.size(); i-- > 1;) {
    const auto& nc = ctx.cert(i).name_constraints();
    if (!nc) continue;
    if (!eval.Apply({&nc->permitted, &nc->excluded}, i,
                    absl::StrCat("the nameConstraints of certificate ", i))) {
      return;
    }
  }
  if (ctx.anchor.kind == TrustKind::kAnchor && ctx.anchor.constraints != nullptr) {
    AnchorSubtrees anchor(*ctx.anchor.constraints);
    eval.Apply({&anchor.permitted, &anchor.excluded}, ctx.path.size() - 1,
               "the trust anchor's configured constraints");
  }
}

}  // namespace certval
