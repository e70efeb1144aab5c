// Trust store benchmarks: loading the system bundle (time and memory), the built-in Mozilla set,
// and the lookups the path builder makes (FindIssuers, GetTrust) in stores of 150 and 10,000 roots.
//
//   bazel run -c opt //bench:trust_bench
#include <benchmark/benchmark.h>
#include <malloc.h>
#include <unistd.h>

#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "certval/testing/pki/test_pki.h"
#include "certval/trust/loaders.h"
#include "certval/trust/mozilla_roots.h"
#include "certval/trust/system_store.h"
#include "certval/trust/trust_store.h"

namespace certval {
namespace {

constexpr size_t kMaxRoots = 10000;

// Distinct self-signed roots, minted once (thread-safe static init): one P-256 key, subjects
// "Bench Root <i>", so only the signatures cost anything (10,000 ECDSA signs, well under a second).
const std::vector<CertificatePtr>& AllRoots() {
  static const auto* const roots = [] {
    auto* out = new std::vector<CertificatePtr>;
    const absl::Time now = absl::Now();
    const testpki::Key key = testpki::Key::Cached(testpki::KeyKind::kEcP256);
    for (size_t i = 0; i < kMaxRoots; ++i) {
      testpki::CertSpec spec = testpki::RootSpec(absl::StrCat("Bench Root ", i), now);
      out->push_back(*Certificate::Parse(testpki::SelfSigned(spec, key)));
    }
    return out;
  }();
  return *roots;
}

std::vector<CertificatePtr> FirstRoots(size_t n) {
  return std::vector<CertificatePtr>(AllRoots().begin(), AllRoots().begin() + n);
}

// A certificate no store holds (its own subject, another key).
CertificatePtr Stranger() {
  static const CertificatePtr* const cert = new CertificatePtr(
      *Certificate::Parse(testpki::SelfSigned(testpki::RootSpec("Not In Any Store", absl::Now()),
                                              testpki::Key::Cached(testpki::KeyKind::kEcP256, 1))));
  return *cert;
}

std::shared_ptr<TrustStore> StoreOf(size_t n) {
  auto store = std::make_shared<TrustStore>();
  store->AddRoots(FirstRoots(n));
  return store;
}

size_t RssBytes() {
  std::ifstream statm("/proc/self/statm");
  size_t pages_total = 0, pages_resident = 0;
  statm >> pages_total >> pages_resident;
  return pages_resident * static_cast<size_t>(sysconf(_SC_PAGESIZE));
}

// --- loading ---

// One load, kept alive, to see what the loaded store costs: resident memory (page granular) and
// heap bytes in use (exact). Registered first, so the heap has not yet been grown by other runs.
void BM_SystemBundleRss(benchmark::State& state) {
  std::vector<std::shared_ptr<TrustStore>> keep;
  const size_t before = RssBytes();
  const size_t heap_before = mallinfo2().uordblks;
  for (auto _ : state) {
    auto store = SystemTrustStore();
    if (!store.ok()) {
      state.SkipWithError(std::string(store.status().message()).c_str());
      return;
    }
    keep.push_back(*std::move(store));
  }
  const size_t after = RssBytes();
  state.counters["rss_delta_KiB"] = static_cast<double>(after - before) / 1024.0;
  state.counters["heap_delta_KiB"] =
      static_cast<double>(mallinfo2().uordblks - heap_before) / 1024.0;
  state.counters["roots"] = static_cast<double>(keep.front()->root_count());
}
BENCHMARK(BM_SystemBundleRss)->Iterations(1)->Unit(benchmark::kMillisecond);

// The whole built-in set from its compiled-in DER: every root parsed, then a store built with
// Mozilla's metadata attached (what the first MozillaTrustStore() of a process costs).
std::shared_ptr<TrustStore> LoadBuiltinSet() {
  std::vector<CertificatePtr> roots;
  roots.reserve(MozillaRoots().embedded.size());
  for (const EmbeddedCertificate& e : MozillaRoots().embedded) {
    auto cert = Certificate::Parse(std::string(e.der));
    if (cert.ok()) roots.push_back(*std::move(cert));
  }
  auto store = std::make_shared<TrustStore>("mozilla");
  store->AddRoots(roots, AnchorOrigin::kRootProgram);
  return store;
}

// Issue 19's closing figures: the built-in set's size, its roots with a distrust-after date, and
// the heap one loaded copy of the whole set holds.
void BM_BuiltinSetMemory(benchmark::State& state) {
  MozillaRoots();  // the static table itself, outside the measurement
  std::vector<std::shared_ptr<TrustStore>> keep;
  const size_t heap_before = mallinfo2().uordblks;
  for (auto _ : state) keep.push_back(LoadBuiltinSet());
  state.counters["heap_KiB"] =
      static_cast<double>(mallinfo2().uordblks - heap_before) / 1024.0 / keep.size();
  int dated = 0;
  for (const auto& [cert, trust] : keep.front()->Anchors()) {
    dated += trust.constraints &&
             (trust.constraints->server_distrust_after || trust.constraints->email_distrust_after);
  }
  state.counters["roots"] = static_cast<double>(keep.front()->root_count());
  state.counters["distrust_after"] = dated;
}
BENCHMARK(BM_BuiltinSetMemory)->Iterations(1)->Unit(benchmark::kMillisecond);

void BM_LoadBuiltinSet(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(LoadBuiltinSet());
  state.counters["roots"] = static_cast<double>(MozillaRoots().embedded.size());
}
BENCHMARK(BM_LoadBuiltinSet)->Unit(benchmark::kMicrosecond);

void BM_LoadSystemBundle(benchmark::State& state) {
  absl::StatusOr<SystemStoreLocation> location = FindSystemStore();
  if (!location.ok()) {
    state.SkipWithError(std::string(location.status().message()).c_str());
    return;
  }
  const LoadOptions options{/*skip_unparsable=*/true};
  size_t roots = 0;
  for (auto _ : state) {
    TrustStore store;
    auto stats = LoadSystemStoreLocation(*location, store, options);
    roots = store.root_count();
    benchmark::DoNotOptimize(stats);
  }
  state.counters["roots"] = static_cast<double>(roots);
  state.SetLabel(location->files.empty() ? location->directories.front() : location->files.front());
}
BENCHMARK(BM_LoadSystemBundle)->Unit(benchmark::kMillisecond);

void BM_MozillaTrustStore(benchmark::State& state) {
  MozillaRoots();  // parse once, outside the timing: this measures building a store from the set
  for (auto _ : state) benchmark::DoNotOptimize(MozillaTrustStore());
  state.counters["roots"] = static_cast<double>(MozillaRoots().roots.size());
}
BENCHMARK(BM_MozillaTrustStore)->Unit(benchmark::kMicrosecond);

// Bulk add against one AddRoot per certificate, into an empty store.
void BM_AddRoots(benchmark::State& state) {
  const std::vector<CertificatePtr> roots = FirstRoots(state.range(0));
  for (auto _ : state) {
    TrustStore store;
    store.AddRoots(roots);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_AddRoots)->Arg(150)->Arg(10000)->Unit(benchmark::kMicrosecond);

void BM_AddRootOneByOne(benchmark::State& state) {
  const std::vector<CertificatePtr> roots = FirstRoots(state.range(0));
  for (auto _ : state) {
    TrustStore store;
    for (const CertificatePtr& root : roots) store.AddRoot(root);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_AddRootOneByOne)->Arg(150)->Arg(10000)->Unit(benchmark::kMicrosecond);

// --- lookups ---

void BM_FindIssuersHit(benchmark::State& state) {
  static std::shared_ptr<TrustStore> store;
  if (state.thread_index() == 0) store = StoreOf(state.range(0));
  const std::vector<CertificatePtr>& roots = AllRoots();
  std::vector<CertificatePtr> out;
  size_t i = 0;
  for (auto _ : state) {
    out.clear();
    store->FindIssuers(*roots[i++ % state.range(0)], &out);  // self-signed: its issuer is itself
    benchmark::DoNotOptimize(out.data());
  }
}
BENCHMARK(BM_FindIssuersHit)->Arg(150)->Arg(10000)->ThreadRange(1, 2);

void BM_FindIssuersMiss(benchmark::State& state) {
  std::shared_ptr<TrustStore> store = StoreOf(state.range(0));
  CertificatePtr stranger = Stranger();
  std::vector<CertificatePtr> out;
  for (auto _ : state) {
    store->FindIssuers(*stranger, &out);
    benchmark::DoNotOptimize(out.data());
  }
}
BENCHMARK(BM_FindIssuersMiss)->Arg(150)->Arg(10000);

void BM_GetTrustAnchor(benchmark::State& state) {
  static std::shared_ptr<TrustStore> store;
  if (state.thread_index() == 0) store = StoreOf(state.range(0));
  const std::vector<CertificatePtr>& roots = AllRoots();
  size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(store->GetTrust(*roots[i++ % state.range(0)]));
}
BENCHMARK(BM_GetTrustAnchor)->Arg(150)->Arg(10000)->ThreadRange(1, 2);

void BM_GetTrustMiss(benchmark::State& state) {
  std::shared_ptr<TrustStore> store = StoreOf(state.range(0));
  CertificatePtr stranger = Stranger();
  for (auto _ : state) benchmark::DoNotOptimize(store->GetTrust(*stranger));
}
BENCHMARK(BM_GetTrustMiss)->Arg(150)->Arg(10000);

// With a non-empty distrust list every GetTrust hashes the SPKI (SHA-256).
void BM_GetTrustWithDistrustList(benchmark::State& state) {
  std::shared_ptr<TrustStore> store = StoreOf(state.range(0));
  store->Distrust(*Stranger());
  const std::vector<CertificatePtr>& roots = AllRoots();
  size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(store->GetTrust(*roots[i++ % state.range(0)]));
}
BENCHMARK(BM_GetTrustWithDistrustList)->Arg(150)->Arg(10000);

}  // namespace
}  // namespace certval
