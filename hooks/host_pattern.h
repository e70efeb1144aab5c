// Host patterns shared by the pinning hook and the administrator policy file.
//
// A pattern is either an exact name ("api.example.com", "192.0.2.7") or a wildcard "*.example.com"
// that matches every name strictly below example.com, at any depth ("a.example.com",
// "a.b.example.com"), but not example.com itself. Any depth, unlike a certificate wildcard, because
// pins and policy exceptions are meant for a whole subtree of names. Comparison ignores ASCII case
// and one trailing dot. A HostPatternMap answers with the most specific entry: an exact match wins,
// then the wildcard with the longest suffix. Plain values; const methods are thread-safe.
#ifndef CERTVAL_HOOKS_HOST_PATTERN_H_
#define CERTVAL_HOOKS_HOST_PATTERN_H_

#include <string>
#include <utility>

#include "absl/base/attributes.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace certval {

// The canonical form of a pattern ("*.example.com", lowercase, no trailing dot), or an
// InvalidArgument error saying what is wrong with it (empty, misplaced '*', empty label, space...).
ABSL_MUST_USE_RESULT
absl::StatusOr<std::string> CanonicalHostPattern(absl::string_view pattern);

// The canonical form of a host name to look up (lowercase, no trailing dot).
std::string CanonicalHost(absl::string_view host);

template <typename T>
class HostPatternMap {
 public:
  // Adds or finds the entry of `pattern` (which must be canonical: see CanonicalHostPattern).
  T& operator[](const std::string& canonical_pattern) { return entries_[canonical_pattern]; }

  // The most specific entry matching `host`, or nullptr.
  const T* Find(absl::string_view host) const {
    std::string name = CanonicalHost(host);
    if (auto it = entries_.find(name); it != entries_.end()) return &it->second;
    // Walk up one label at a time: the first "*.<suffix>" found is the longest suffix.
    for (size_t dot = name.find('.'); dot != std::string::npos; dot = name.find('.', dot + 1)) {
      auto it = entries_.find(std::string("*") + name.substr(dot));
      if (it != entries_.end()) return &it->second;
    }
    return nullptr;
  }

  bool empty() const { return entries_.empty(); }
  size_t size() const { return entries_.size(); }
  const absl::flat_hash_map<std::string, T>& entries() const { return entries_; }

 private:
  absl::flat_hash_map<std::string, T> entries_;
};

}  // namespace certval

#endif  // CERTVAL_HOOKS_HOST_PATTERN_H_
