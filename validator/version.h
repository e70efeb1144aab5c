// certval's version. Semantic versioning: see CHANGELOG.md for what each release changed.
#ifndef CERTVAL_VALIDATOR_VERSION_H_
#define CERTVAL_VALIDATOR_VERSION_H_

// For preprocessor checks in code that must build against several releases.
#define CERTVAL_VERSION_MAJOR 0
#define CERTVAL_VERSION_MINOR 2
#define CERTVAL_VERSION_PATCH 0

namespace certval {

inline constexpr char kVersion[] = "0.2.0";  // "MAJOR.MINOR.PATCH"

}  // namespace certval

#endif  // CERTVAL_VALIDATOR_VERSION_H_
