#include "validator/warning_sink.h"

#include <cstdio>

#include "absl/strings/str_cat.h"

namespace certval {

void StderrWarningSink::OnWarning(const PeerName& peer, const Finding& finding) {
  std::string key = absl::StrCat(peer.value, "\n", finding.code);
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!seen_.insert(key).second) return;
    if (seen_.size() > kMaxRemembered) seen_.clear();
  }
  std::string line = absl::StrCat("certval warning: peer '", peer.value, "': ",
                                  FormatFinding(finding), "\n");
  std::fputs(line.c_str(), stderr);
}

}  // namespace certval
