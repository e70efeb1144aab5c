#include "certval/validator/warning_sink.h"

#include <cstdio>

#include "absl/strings/str_cat.h"
#include "certval/validator/text_escape.h"

namespace certval {

void StderrWarningSink::OnWarning(const PeerName& peer, const Finding& finding) {
  std::string key = absl::StrCat(peer.value, "\n", finding.code);
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!seen_.insert(key).second) return;
    if (seen_.size() > kMaxRemembered) seen_.clear();
  }
  // The peer name can come from the wire (a client's SNI); FormatFinding escapes the rest.
  std::string line = absl::StrCat("certval warning: peer '", EscapeText(peer.value),
                                  "': ", FormatFinding(finding), "\n");
  std::fputs(line.c_str(), stderr);
}

}  // namespace certval
