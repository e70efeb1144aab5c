#include "tools/roots.h"

#include <algorithm>
#include <map>
#include <optional>
#include <utility>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/time.h"
#include "certval/trust/layered_trust_source.h"
#include "certval/trust/mozilla_roots.h"
#include "certval/trust/root_programs.h"
#include "certval/trust/root_store_file.h"
#include "certval/trust/system_store.h"
#include "certval/validator/text_escape.h"

namespace certval {
namespace {

std::string Hex(const Sha256Digest& d) {
  return absl::BytesToHexString(
      absl::string_view(reinterpret_cast<const char*>(d.data()), d.size()));
}

// The root's commonName, else its organization: certificate text, escaped.
std::string NameOf(const Certificate& cert) {
  for (Der oid : {Der("\x55\x04\x03", 3), Der("\x55\x04\x0a", 3), Der("\x55\x04\x0b", 3)}) {
    std::vector<std::string> texts = cert.subject().Texts(oid);
    if (!texts.empty()) return EscapeText(texts.front());
  }
  return "(no name)";
}

std::string Date(const std::optional<absl::Time>& t) {
  return t ? absl::FormatTime("%Y-%m-%d", *t, absl::UTCTimeZone()) : "-";
}

void PrintAnchor(std::ostream& out, const CertificatePtr& cert, const TrustInfo& trust) {
  const AnchorConstraints none;
  const AnchorConstraints& c = trust.constraints ? *trust.constraints : none;
  const char* state = trust.kind == TrustKind::kDistrusted ? "distrusted" : "anchor";
  out << absl::StrFormat("%-8s %-16s %-10s %-5s %-5s %-10s %-10s %s\n", trust.source,
                         Hex(cert->der_sha256()).substr(0, 16), state,
                         c.trusted_for_server ? "yes" : "no", c.trusted_for_email ? "yes" : "no",
                         Date(c.server_distrust_after), Date(c.email_distrust_after),
                         NameOf(*cert));
}

std::vector<std::pair<CertificatePtr, TrustInfo>> SortedAnchors(const TrustStore& store) {
  std::vector<std::pair<CertificatePtr, TrustInfo>> anchors = store.Anchors();
  std::sort(anchors.begin(), anchors.end(),
            [](const auto& a, const auto& b) { return NameOf(*a.first) < NameOf(*b.first); });
  return anchors;
}

}  // namespace

absl::StatusOr<std::shared_ptr<const TrustSource>> LayerRootStoreFile(
    const std::string& path, std::shared_ptr<TrustStore> base, std::string* description) {
  auto file = std::make_shared<TrustStore>("root-store");
  std::vector<CertificatePtr> others = base->Roots();
  const MozillaRootSet& builtin = MozillaRoots();
  others.insert(others.end(), builtin.roots.begin(), builtin.roots.end());
  if (absl::Status s = LoadRootStoreFile(path, *file, others); !s.ok()) {
    return absl::Status(s.code(), absl::StrCat("--root-store: ", EscapeText(s.message())));
  }
  *description = absl::StrCat("--root-store ", EscapeText(path), " (", file->root_count(),
                              file->root_count() == 1 ? " anchor" : " anchors", ")");
  return std::make_shared<const LayeredTrustSource>(
      std::vector<std::shared_ptr<const TrustSource>>{file, std::move(base)});
}

int ListRoots(std::ostream& out, std::ostream& err) {
  const MozillaRootSet& builtin = MozillaRoots();
  absl::StatusOr<std::shared_ptr<TrustStore>> mozilla = MozillaTrustStore();
  LoadStats stats;
  absl::StatusOr<std::shared_ptr<TrustStore>> system = SystemTrustStore({}, &stats);
  int dated = 0;
  if (mozilla.ok()) {
    for (const auto& [cert, trust] : (*mozilla)->Anchors()) {
      dated += trust.constraints && (trust.constraints->server_distrust_after ||
                                     trust.constraints->email_distrust_after);
    }
  }
  out << "built-in Mozilla set: " << builtin.version << ": " << builtin.roots.size() << " roots, "
      << dated << " with a distrust-after date\n";
  if (system.ok()) {
    out << "system store: " << (*system)->root_count() << " roots";
    if (stats.unparsable > 0) out << " (" << stats.unparsable << " unparsable skipped)";
    out << "\n";
  } else {
    err << "certval roots: system store: " << EscapeText(system.status().message()) << "\n";
  }
  out << "\n"
      << absl::StrFormat("%-8s %-16s %-10s %-5s %-5s %-10s %-10s %s\n", "SOURCE", "SHA-256",
                         "STATE", "TLS", "EMAIL", "TLS-UNTIL", "EMAIL-UNTIL", "NAME");
  if (mozilla.ok()) {
    for (const auto& [cert, trust] : SortedAnchors(**mozilla)) PrintAnchor(out, cert, trust);
  }
  if (!system.ok()) return 3;
  for (const auto& [cert, trust] : SortedAnchors(**system)) PrintAnchor(out, cert, trust);

  // The difference, by whole-certificate fingerprint.
  std::map<std::string, CertificatePtr> in_builtin, in_system;
  for (const CertificatePtr& c : builtin.roots) in_builtin[Hex(c->der_sha256())] = c;
  for (const CertificatePtr& c : (*system)->Roots()) in_system[Hex(c->der_sha256())] = c;
  std::vector<std::string> only_system, only_builtin;
  for (const auto& [fp, cert] : in_system) {
    if (in_builtin.count(fp)) continue;
    std::optional<MozillaRootInfo> info = FindMozillaRoot(cert->der_sha256());
    only_system.push_back(
        absl::StrCat(fp.substr(0, 16), "  ", NameOf(*cert),
                     info ? "  (listed by Mozilla, trusted for nothing)"
                          : "  (not in Mozilla's list: removed, or a local root)"));
  }
  for (const auto& [fp, cert] : in_builtin) {
    if (!in_system.count(fp))
      only_builtin.push_back(absl::StrCat(fp.substr(0, 16), "  ", NameOf(*cert)));
  }
  out << "\nsystem store vs built-in set: " << in_system.size() - only_system.size() << " in both, "
      << only_system.size() << " only in the system store, " << only_builtin.size()
      << " only in the built-in set\n";
  for (const std::string& line : only_system) out << "  system only:   " << line << "\n";
  for (const std::string& line : only_builtin) out << "  built-in only: " << line << "\n";
  return 0;
}

}  // namespace certval
