#include "certval/validator/checks/peer_name_check.h"

#include <algorithm>
#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "certval/validator/idna.h"
#include "certval/validator/ip_address.h"
#include "certval/validator/oids.h"
#include "certval/validator/peer_name_match.h"

namespace certval {
namespace {

bool MatchesDns(const Certificate& leaf, absl::string_view reference, bool cn_fallback) {
  const auto& san = leaf.subject_alt_names();
  if (san) {
    for (Der presented : san->dns_names) {
      if (MatchDnsName(presented, reference)) return true;
    }
    return false;
  }
  if (!cn_fallback) return false;
  bool matched = false;
  leaf.subject().VisitTexts(kOidCommonName, [&matched, reference](absl::string_view cn) {
    matched = matched || MatchDnsName(cn, reference);
  });
  return matched;
}

// Whether any of the leaf's subjectAltName entries of one kind matches `reference`.
template <typename Names, typename Match>
bool AnySanMatches(const Certificate& leaf, Names GeneralNames::*entries,
                   absl::string_view reference, Match match) {
  const auto& san = leaf.subject_alt_names();
  if (!san) return false;
  const Names& presented = (*san).*entries;
  return std::any_of(presented.begin(), presented.end(),
                     [&](Der name) { return match(name, reference); });
}

// What the leaf presents, for the mismatch message.
std::string Presented(const Certificate& leaf) {
  const auto& san = leaf.subject_alt_names();
  if (!san) return "no subjectAltName";
  std::vector<std::string> names;
  for (Der d : san->dns_names) names.push_back(std::string(d));
  for (Der d : san->ip_addresses) names.push_back(FormatIpAddress(d));
  for (Der d : san->emails) names.push_back(std::string(d));
  if (names.size() > 8) names.resize(8), names.push_back("...");
  return absl::StrCat("SANs: ",
                      names.empty() ? "(none of a matchable kind)" : absl::StrJoin(names, ", "));
}

// A DNS peer name against the leaf: nothing when the name or the leaf cannot be matched at all
// (reported).
std::optional<bool> MatchDnsPeer(const PathContext& ctx, const Certificate& leaf,
                                 FindingReporter& out) {
  const PeerName& peer = ctx.request->peer_name;
  // Certificates carry A-labels: a name given with U-labels is converted first (IDNA 2008).
  absl::string_view reference = peer.value;
  std::string converted;  // stays empty, and unallocated, for the usual ASCII name
  if (!std::all_of(reference.begin(), reference.end(),
                   [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    absl::StatusOr<std::string> ascii = ToAsciiHostName(reference);
    if (!ascii.ok()) {
      out.Report(-1, code::kPeerNameInvalidReference,
                 absl::StrCat("'", peer.value, "' is not a valid internationalized DNS name: ",
                              ascii.status().message()));
      return std::nullopt;
    }
    converted = *std::move(ascii);
    reference = converted;
  }
  if (!IsValidDnsReference(reference)) {
    out.Report(-1, code::kPeerNameInvalidReference,
               absl::StrCat("'", peer.value, "' is not a valid DNS name"));
    return std::nullopt;
  }
  if (!leaf.subject_alt_names() && !ctx.request->allow_common_name_fallback) {
    out.Report(0, code::kPeerNameNoSan,
               "the leaf has no subjectAltName; the subject commonName is not used for matching");
    return std::nullopt;
  }
  return MatchesDns(leaf, reference, ctx.request->allow_common_name_fallback);
}

std::optional<bool> MatchIpPeer(const PeerName& peer, const Certificate& leaf,
                                FindingReporter& out) {
  std::optional<std::string> address = ParseIpAddress(peer.value);
  if (!address) {
    out.Report(-1, code::kPeerNameInvalidReference,
               absl::StrCat("'", peer.value, "' is not an IP address"));
    return std::nullopt;
  }
  return AnySanMatches(leaf, &GeneralNames::ip_addresses, *address, MatchIpAddress);
}

}  // namespace

void PeerNameCheck::Run(const PathContext& ctx, FindingReporter& out) const {
  const PeerName& peer = ctx.request->peer_name;
  if (peer.kind == PeerName::Kind::kAny) return;  // the caller said so explicitly
  if (peer.kind == PeerName::Kind::kNone) {
    out.Report(
        -1, code::kPeerNameMissing,
        "no peer name to check: set the name expected (DNS, IP or email), or PeerName::Any() "
        "to accept any name the path is valid for");
    return;
  }
  const Certificate& leaf = ctx.cert(0);
  std::optional<bool> matched;
  switch (peer.kind) {
    case PeerName::Kind::kDns:
      matched = MatchDnsPeer(ctx, leaf, out);
      break;
    case PeerName::Kind::kIp:
      matched = MatchIpPeer(peer, leaf, out);
      break;
    case PeerName::Kind::kEmail:
      matched = AnySanMatches(leaf, &GeneralNames::emails, peer.value, MatchEmail);
      break;
    case PeerName::Kind::kNone:
    case PeerName::Kind::kAny:
      return;
  }
  if (matched == false) {
    out.Report(
        0, code::kPeerNameMismatch,
        absl::StrCat("the leaf is not valid for '", peer.value, "' (", Presented(leaf), ")"));
  }
}

}  // namespace certval
