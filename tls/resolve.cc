#include "certval/tls/resolve.h"

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <system_error>
#include <thread>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace certval::tls {
namespace {

// What the helper thread and the caller share; whoever is last frees it (shared_ptr).
struct Lookup {
  std::mutex mu;
  std::condition_variable done_cv;
  bool done = false;
  bool abandoned = false;  // the caller stopped waiting: the thread frees the result itself
  int rc = 0;
  addrinfo* list = nullptr;
};

}  // namespace

absl::StatusOr<AddrInfoList> ResolveTcp(const std::string& host, uint16_t port, absl::Time deadline,
                                        Resolver resolver) {
  auto lookup = std::make_shared<Lookup>();
  try {
    std::thread([lookup, host, service = std::to_string(port), resolver = std::move(resolver)] {
      addrinfo hints{};
      hints.ai_family = AF_UNSPEC;
      hints.ai_socktype = SOCK_STREAM;
      hints.ai_flags = AI_NUMERICSERV;
      addrinfo* list = nullptr;
      const int rc = resolver(host.c_str(), service.c_str(), &hints, &list);
      std::lock_guard<std::mutex> lock(lookup->mu);
      if (lookup->abandoned) {
        if (rc == 0 && list != nullptr) freeaddrinfo(list);
        return;
      }
      lookup->rc = rc;
      lookup->list = rc == 0 ? list : nullptr;
      lookup->done = true;
      lookup->done_cv.notify_one();
    }).detach();
  } catch (const std::system_error& e) {
    return absl::ResourceExhaustedError(absl::StrCat("cannot start name resolution: ", e.what()));
  }
  std::unique_lock<std::mutex> lock(lookup->mu);
  const absl::Duration left = std::max(deadline - absl::Now(), absl::ZeroDuration());
  if (!lookup->done_cv.wait_for(lock, absl::ToChronoNanoseconds(left),
                                [&] { return lookup->done; })) {
    lookup->abandoned = true;
    return absl::DeadlineExceededError("name resolution timed out");
  }
  if (lookup->rc != 0) {
    return absl::UnavailableError(absl::StrCat("cannot resolve: ", gai_strerror(lookup->rc)));
  }
  return AddrInfoList(std::exchange(lookup->list, nullptr));
}

}  // namespace certval::tls
