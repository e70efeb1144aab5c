#include "certval/trust/mozilla_roots.h"

#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "certval/trust/mozilla_roots_data.h"

namespace certval {
namespace {

MozillaRootSet ParseEmbedded() {
  MozillaRootSet set;
  set.version = internal::kMozillaRootsVersion;
  set.embedded.reserve(internal::kMozillaRootCount);
  set.roots.reserve(internal::kMozillaRootCount);
  for (size_t i = 0; i < internal::kMozillaRootCount; ++i) {
    const internal::EmbeddedRoot& root = internal::kMozillaRoots[i];
    Der der(reinterpret_cast<const char*>(root.der), root.der_size);
    set.embedded.push_back({root.name, der});
    absl::StatusOr<CertificatePtr> cert = Certificate::Parse(std::string(der));
    if (cert.ok()) {
      set.roots.push_back(*std::move(cert));
    } else {
      set.unparsable.push_back(absl::StrCat(root.name, ": ", cert.status().message()));
    }
  }
  return set;
}

}  // namespace

const MozillaRootSet& MozillaRoots() {
  // Parsed once (about a millisecond) and never freed: the set lives as long as the program.
  static const MozillaRootSet* const set = new MozillaRootSet(ParseEmbedded());
  return *set;
}

absl::string_view MozillaRootsVersion() { return internal::kMozillaRootsVersion; }

size_t MozillaRootCount() { return internal::kMozillaRootCount; }

absl::StatusOr<std::shared_ptr<TrustStore>> MozillaTrustStore() {
  const MozillaRootSet& set = MozillaRoots();
  if (set.roots.empty()) {
    return absl::InternalError(
        absl::StrCat("none of the ", set.embedded.size(), " built-in Mozilla roots parses"));
  }
  auto store = std::make_shared<TrustStore>("mozilla");
  store->AddRoots(set.roots, AnchorOrigin::kRootProgram);
  return store;
}

}  // namespace certval
