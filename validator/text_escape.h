// Printing text that came from a certificate or a peer (names, SANs, messages that quote them).
//
// Such text is attacker-chosen: raw, it can move the cursor or rewrite a terminal (ESC, C1 CSI),
// forge log lines (newlines), reorder what is shown (bidi overrides), or be invalid UTF-8, which
// JSON encoders refuse. EscapeText keeps every printable character and shows the rest visibly:
//   \\       a backslash
//   \xNN     a byte: a C0 control, DEL, or a byte that is not part of valid UTF-8
//   \uNNNN   a C1 control (U+0080..U+009F) or a bidi / line-separator format character
// The result is valid UTF-8, never contains a control character, and is unambiguous: each escape
// starts with a backslash and a literal backslash is doubled.
#ifndef CERTVAL_VALIDATOR_TEXT_ESCAPE_H_
#define CERTVAL_VALIDATOR_TEXT_ESCAPE_H_

#include <string>

#include "absl/strings/string_view.h"

namespace certval {

std::string EscapeText(absl::string_view text);
void AppendEscapedText(absl::string_view text, std::string* out);

}  // namespace certval

#endif  // CERTVAL_VALIDATOR_TEXT_ESCAPE_H_
