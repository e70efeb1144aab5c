// Validate() against the signature floor and BoringSSL's legacy X509_verify_cert, same chains,
// same process (issue 7). The OpenSSL 3 figures come from //bench:openssl_bench; bench/run.sh
// runs both and prints one table with ratios.
//
//   bazel run -c opt //bench:validate_bench
//   CERTVAL_BENCH_CHAINS=DIR: verify the chains //bench:make_chains wrote there (else mint them).
//
// Every benchmark parses DER each iteration, as a handshake must, except certval_warm, which is
// the repeat handshake: a Validator with its certificate and signature caches, given the same DER.
#include <benchmark/benchmark.h>

#include <malloc.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "bench/bench_chains.h"
#include "bench/bench_params.h"
#include "bench/x509_baseline.h"
#include "tests/pki/test_pki.h"
#include "trust/system_store.h"
#include "trust/trust_store.h"
#include "validator/policy_graph.h"
#include "validator/signature_cache.h"
#include "validator/validator.h"

namespace certval::bench {
namespace {

const char* ChainDir() {
  const char* dir = std::getenv("CERTVAL_BENCH_CHAINS");
  return dir != nullptr ? dir : "";
}

const BenchChain& Chain(const std::string& name) {
  static auto* const chains = new std::map<std::string, BenchChain>;
  auto it = chains->find(name);
  if (it == chains->end()) {
    auto chain = LoadOrMintChain(ChainDir(), name);
    if (!chain.ok()) {
      fprintf(stderr, "validate_bench: %s\n", std::string(chain.status().message()).c_str());
      std::exit(2);
    }
    it = chains->emplace(name, *std::move(chain)).first;
  }
  return it->second;
}

ValidationRequest RequestFor(const BenchChain& chain) {
  ValidationRequest request;
  request.leaf = chain.leaf();
  request.intermediates = chain.intermediates();
  request.peer_name = PeerName::Dns(kHost);
  request.time = absl::FromUnixSeconds(kVerifyUnixSeconds);
  return request;
}

// A store with the chain's root plus `roots - 1` unrelated ones.
std::shared_ptr<TrustStore> StoreFor(const BenchChain& chain, size_t roots) {
  static const std::vector<std::string>* const unrelated = new auto(UnrelatedRoots(9999));
  auto store = std::make_shared<TrustStore>();
  std::vector<CertificatePtr> certs = {*Certificate::Parse(chain.root())};
  for (size_t i = 0; i + 1 < roots; ++i) certs.push_back(*Certificate::Parse((*unrelated)[i]));
  store->AddRoots(certs);
  return store;
}

std::unique_ptr<Validator> MakeValidator(std::shared_ptr<TrustStore> store, bool cached) {
  ValidatorOptions options;
  options.warning_sink = std::make_shared<NullWarningSink>();
  if (cached) {
    options.verifier = std::make_shared<CachingSignatureVerifier>();
    options.certificate_cache = std::make_shared<CertificateCache>();
  }
  return std::make_unique<Validator>(std::move(store), std::move(options));
}

void RunValidator(benchmark::State& state, const Validator& validator, const BenchChain& chain) {
  const ValidationRequest request = RequestFor(chain);
  if (!validator.Validate(request).valid) {
    state.SkipWithError("certval rejects the bench chain");
    return;
  }
  for (auto _ : state) benchmark::DoNotOptimize(validator.Validate(request));
}

void BM_Floor(benchmark::State& state, std::string name) {
  const SignatureFloor floor(Chain(name).der);
  if (!floor.Verify()) return state.SkipWithError("floor: a signature does not verify");
  for (auto _ : state) benchmark::DoNotOptimize(floor.Verify());
}

// The parts of a cold validation: parsing the presented certificates, and certval's own signature
// verification of every edge (the same BoringSSL calls as the floor, through SignatureVerifier).
void BM_ParsePresented(benchmark::State& state, std::string name) {
  const BenchChain& chain = Chain(name);
  for (auto _ : state) {
    for (size_t i = 0; i + 1 < chain.der.size(); ++i) {
      benchmark::DoNotOptimize(Certificate::Parse(chain.der[i]));
    }
  }
}

void BM_CertvalSignatures(benchmark::State& state, std::string name) {
  std::vector<CertificatePtr> certs;
  for (const std::string& der : Chain(name).der) certs.push_back(*Certificate::Parse(der));
  const SignatureVerifier verifier;
  for (auto _ : state) {
    for (size_t i = 0; i + 1 < certs.size(); ++i) {
      benchmark::DoNotOptimize(verifier.Verify(*certs[i], *certs[i + 1]));
    }
  }
}

void BM_Legacy(benchmark::State& state, std::string name) {
  const BenchChain& chain = Chain(name);
  LegacyVerifier verifier({chain.root()});
  const std::vector<std::string> intermediates = chain.intermediates();
  if (!verifier.Verify(chain.leaf(), intermediates, kHost, kVerifyUnixSeconds)) {
    return state.SkipWithError("X509_verify_cert rejects the bench chain");
  }
  for (auto _ : state) {
    benchmark::DoNotOptimize(verifier.Verify(chain.leaf(), intermediates, kHost, kVerifyUnixSeconds));
  }
}

void BM_CertvalCold(benchmark::State& state, std::string name) {
  const BenchChain& chain = Chain(name);
  auto validator = MakeValidator(StoreFor(chain, state.range(0)), /*cached=*/false);
  RunValidator(state, *validator, chain);
}

void BM_CertvalWarm(benchmark::State& state, std::string name) {
  const BenchChain& chain = Chain(name);
  auto validator = MakeValidator(StoreFor(chain, state.range(0)), /*cached=*/true);
  RunValidator(state, *validator, chain);
}

// One Validator shared by the benchmark's threads (cold: every call does the public-key work).
void BM_CertvalColdShared(benchmark::State& state, std::string name) {
  // Made once, before any thread of any run uses it (only rsa2048_3 registers this benchmark).
  static const Validator* const shared = MakeValidator(StoreFor(Chain(name), 1), false).release();
  RunValidator(state, *shared, Chain(name));
}

// The floor on the same threads: how far this machine itself lets two threads scale this work.
void BM_FloorShared(benchmark::State& state, std::string name) {
  static const SignatureFloor* const shared = new SignatureFloor(Chain(name).der);
  for (auto _ : state) benchmark::DoNotOptimize(shared->Verify());
}

// Path building under stress: the intermediate's subject is shared by `candidates` CAs with
// different keys, all presented, one key identifier for all, and only the last one
// signed the leaf. The builder must try them (a signature check each) to find the one path.
void BM_CertvalCrossSigned(benchmark::State& state) {
  using testpki::Key;
  using testpki::KeyKind;
  const int candidates = static_cast<int>(state.range(0));
  const absl::Time t = absl::FromUnixSeconds(kVerifyUnixSeconds);
  testpki::TestCa root = testpki::TestCa::Root(testpki::RootSpec("Stress Root", t), Key::Cached(KeyKind::kEcP256, 50));
  ValidationRequest request;
  std::vector<testpki::TestCa> cas;
  for (int i = 0; i < candidates; ++i) {
    testpki::CertSpec spec = testpki::IntermediateSpec("Stress Intermediate", t, std::nullopt);
    spec.subject_key_id_override = "same key id";  // key identifiers cannot tell them apart
    cas.push_back(root.IssueCa(spec, Key::Cached(KeyKind::kEcP256, 60 + i)));
    request.intermediates.push_back(cas.back().cert_der());
  }
  testpki::CertSpec leaf = testpki::LeafSpec(kHost, t);
  leaf.authority_key_id_override = "same key id";
  request.leaf = cas.back().Issue(leaf, Key::Cached(KeyKind::kEcP256, 100));
  request.peer_name = PeerName::Dns(kHost);
  request.time = t;
  auto store = std::make_shared<TrustStore>();
  store->AddRoot(*Certificate::Parse(root.cert_der()));
  Validator validator(store, ValidatorOptions{.warning_sink = std::make_shared<NullWarningSink>()});
  ValidationResult first = validator.Validate(request);
  if (!first.valid) return state.SkipWithError("the stress chain does not validate");
  for (auto _ : state) benchmark::DoNotOptimize(validator.Validate(request));
  state.counters["signature_checks"] = first.signature_checks;
}
BENCHMARK(BM_CertvalCrossSigned)->Arg(4)->Arg(16)->Arg(32)->Unit(benchmark::kMicrosecond);

// The hostile review's name-constraint bomb (issue 13): an intermediate with range(0)
// directoryName subtrees, a leaf with 20 directoryName SANs outside them; range(1) = 1 when the
// root is trusted (the path is built and checked), 0 when not (only the presented chain is looked
// at). Each validation must be refused, by the constraint or the budget, in well under a second.
void BM_NameConstraintBomb(benchmark::State& state) {
  const absl::Time t = absl::FromUnixSeconds(kVerifyUnixSeconds);
  testpki::Chain bomb = testpki::NameConstraintsBomb(static_cast<int>(state.range(0)), 20, t);
  ValidationRequest request;
  request.leaf = bomb.leaf;
  request.intermediates = {bomb.intermediate};
  request.peer_name = PeerName::Dns("bomb.example.test");
  request.time = t;
  auto store = std::make_shared<TrustStore>();
  if (state.range(1) != 0) store->AddRoot(*Certificate::Parse(bomb.root));
  Validator validator(store, ValidatorOptions{.warning_sink = std::make_shared<NullWarningSink>()});
  if (validator.Validate(request).valid) return state.SkipWithError("the bomb was accepted");
  for (auto _ : state) benchmark::DoNotOptimize(validator.Validate(request));
  state.counters["chain_bytes"] = static_cast<double>(bomb.leaf.size() + bomb.intermediate.size());
}
// Certificate-policy processing alone (issue 14's target: under 1 ms), no signature work: a path
// of 8 certificates (anchor, 6 CAs, leaf), each asserting range(0) policies; every CA also maps
// each of them (to itself, so that every policy stays valid), and the request asks for one policy
// explicitly.
void BM_PolicyProcessing(benchmark::State& state) {
  const absl::Time t = absl::FromUnixSeconds(kVerifyUnixSeconds);
  const int count = static_cast<int>(state.range(0));
  auto oid = [](int i) {  // 1.3.6.1.4.1.55738.3.<i> (i < 128): DER contents
    return std::string("\x2b\x06\x01\x04\x01\x83\xb3\x3a\x03", 9) + static_cast<char>(i);
  };
  auto tlv = [](char tag, const std::string& contents) {
    std::string len = contents.size() < 128 ? std::string(1, static_cast<char>(contents.size()))
                                             : std::string{'\x82', static_cast<char>(contents.size() >> 8),
                                                           static_cast<char>(contents.size() & 0xff)};
    return std::string(1, tag) + len + contents;
  };
  std::vector<std::string> dotted;
  std::string mappings;
  for (int i = 0; i < count; ++i) {
    dotted.push_back("1.3.6.1.4.1.55738.3." + std::to_string(i));
    mappings += tlv(0x30, tlv(0x06, oid(i)) + tlv(0x06, oid(i)));
  }
  testpki::RawExtension policies = testpki::PoliciesExtension(dotted);
  testpki::RawExtension mapping_ext{"2.5.29.33", true, tlv(0x30, mappings)};
  testpki::CertSpec root_spec = testpki::RootSpec("Policy Root", t);
  testpki::TestCa ca = testpki::TestCa::Root(root_spec, testpki::Key::Cached(testpki::KeyKind::kEcP256, 0));
  std::vector<CertificatePtr> path = {*Certificate::Parse(ca.cert_der())};
  for (int i = 0; i < 6; ++i) {
    testpki::CertSpec spec = testpki::IntermediateSpec("Policy CA " + std::to_string(i), t, std::nullopt);
    spec.extra = {policies, mapping_ext};
    ca = ca.IssueCa(spec, testpki::Key::Cached(testpki::KeyKind::kEcP256, 1));
    path.insert(path.begin(), *Certificate::Parse(ca.cert_der()));
  }
  testpki::CertSpec leaf = testpki::LeafSpec(kHost, t);
  leaf.extra = {policies};
  path.insert(path.begin(), *Certificate::Parse(ca.Issue(leaf, testpki::Key::Cached(testpki::KeyKind::kEcP256, 2))));
  PolicyInputs inputs;
  inputs.initial_explicit_policy = true;
  inputs.user_initial_policy_set = {oid(5)};
  if (ProcessPolicies(path, inputs, nullptr).failure != PolicyFailure::kNone) {
    return state.SkipWithError("the policy path does not validate");
  }
  for (auto _ : state) {
    Budget budget{Limits{}};
    benchmark::DoNotOptimize(ProcessPolicies(path, inputs, &budget));
  }
}
BENCHMARK(BM_PolicyProcessing)->Arg(10)->Arg(100)->Unit(benchmark::kMicrosecond);

BENCHMARK(BM_NameConstraintBomb)
    ->Args({4300, 1})  // 90 KB, under BoringSSL's default TLS message limit
    ->Args({4300, 0})
    ->Args({40000, 1})  // 870 KB, near certval's default max_input_bytes (1 MiB)
    ->Args({40000, 0})
    ->Unit(benchmark::kMillisecond);

// Memory of a long-lived client Validator: the system bundle loaded, both caches filled to their
// entry limits (distinct P-256 leaves from one CA), heap bytes in use measured with mallinfo2.
void BM_MemoryFullCaches(benchmark::State& state) {
  const absl::Time t = absl::FromUnixSeconds(kVerifyUnixSeconds);
  testpki::TestCa ca = testpki::TestCa::Root(testpki::RootSpec("Memory Root", t),
                                             testpki::Key::Cached(testpki::KeyKind::kEcP256, 3));
  const CertificatePtr issuer = *Certificate::Parse(ca.cert_der());
  const size_t n = CachingSignatureVerifier::kDefaultMaxEntries;
  std::vector<std::string> leaves;
  for (size_t i = 0; i < n; ++i) {
    leaves.push_back(ca.Issue(testpki::LeafSpec(absl::StrCat("m", i, ".example.test"), t),
                              testpki::Key::Cached(testpki::KeyKind::kEcP256, 4)));
  }
  for (auto _ : state) {
    const size_t heap0 = mallinfo2().uordblks;
    auto store = SystemTrustStore();
    if (!store.ok()) return state.SkipWithError(std::string(store.status().message()).c_str());
    const size_t heap1 = mallinfo2().uordblks;
    auto signatures = std::make_shared<CachingSignatureVerifier>();
    auto certificates = std::make_shared<CertificateCache>();
    for (const std::string& der : leaves) {
      CertificatePtr leaf = *Certificate::Parse(der);
      if (!signatures->Verify(*leaf, *issuer).ok() || !certificates->Parse(der).ok()) {
        return state.SkipWithError("a memory-bench leaf does not verify");
      }
    }
    const size_t heap2 = mallinfo2().uordblks;
    state.counters["store_KiB"] = (heap1 - heap0) / 1024.0;
    state.counters["caches_KiB"] = (heap2 - heap1) / 1024.0;
    state.counters["roots"] = (*store)->root_count();
    state.counters["sig_entries"] = signatures->stats().entries;
    state.counters["sig_bound_KiB"] = CachingSignatureVerifier::MemoryBound(n) / 1024.0;
    state.counters["cert_entries"] = certificates->stats().entries;
    state.counters["cert_der_KiB"] = certificates->stats().der_bytes / 1024.0;
  }
}
BENCHMARK(BM_MemoryFullCaches)->Iterations(1)->Unit(benchmark::kMillisecond);

// Paired timing, for the ratios the targets are judged by. Each iteration runs every contender once,
// back to back, timing each on its own: a slow spell of this shared machine then falls on all of
// them alike, where separate benchmarks (even interleaved) catch it in one and not another.
// Counters: mean microseconds per call of each contender.
struct Contender {
  std::string name;
  std::function<void()> run;
};

// With several threads, each thread's means are averaged (kAvgThreads).
void RunPaired(benchmark::State& state, const std::vector<Contender>& contenders) {
  std::vector<double> seconds(contenders.size(), 0);
  for (auto _ : state) {
    for (size_t i = 0; i < contenders.size(); ++i) {
      const auto start = std::chrono::steady_clock::now();
      contenders[i].run();
      seconds[i] += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    }
  }
  for (size_t i = 0; i < contenders.size(); ++i) {
    state.counters[contenders[i].name + "_us"] = benchmark::Counter(
        seconds[i] * 1e6 / static_cast<double>(state.iterations()), benchmark::Counter::kAvgThreads);
  }
}

// A contender that validates `chain` with `validator`, which must accept it.
Contender CertvalContender(std::string name, const Validator& validator, const BenchChain& chain) {
  auto request = std::make_shared<const ValidationRequest>(RequestFor(chain));
  if (!validator.Validate(*request).valid) {
    std::fprintf(stderr, "validate_bench: certval rejects the bench chain\n");
    std::exit(2);
  }
  return {std::move(name), [&validator, request] { benchmark::DoNotOptimize(validator.Validate(*request)); }};
}

void BM_Paired(benchmark::State& state, std::string name) {
  const BenchChain& chain = Chain(name);
  const SignatureFloor floor(chain.der);
  const LegacyVerifier legacy({chain.root()});
  const std::vector<std::string> intermediates = chain.intermediates();
  const auto validator = MakeValidator(StoreFor(chain, 1), false);
  std::vector<Contender> contenders = {
      {"floor", [&floor] { benchmark::DoNotOptimize(floor.Verify()); }},
      CertvalContender("certval", *validator, chain),
      {"legacy", [&] { benchmark::DoNotOptimize(legacy.Verify(chain.leaf(), intermediates, kHost, kVerifyUnixSeconds)); }},
  };
  // For rsa2048_3, also the 10,000-root store and the 8-certificate chain, against the same run.
  std::unique_ptr<Validator> many_roots, long_chain;
  if (name == "rsa2048_3") {
    many_roots = MakeValidator(StoreFor(chain, 10000), false);
    contenders.push_back(CertvalContender("certval_10000_roots", *many_roots, chain));
    const BenchChain& chain8 = Chain("rsa2048_8");
    long_chain = MakeValidator(StoreFor(chain8, 1), false);
    contenders.push_back(CertvalContender("certval_8", *long_chain, chain8));
  }
  RunPaired(state, contenders);
}

// The floor and certval alternating on 1 and 2 threads: each one's 2-thread scaling, measured in
// the same windows, so that certval's can be read against what the machine gives the floor.
void BM_PairedShared(benchmark::State& state, std::string name) {
  static const SignatureFloor* const floor = new SignatureFloor(Chain(name).der);
  static const Validator* const validator = MakeValidator(StoreFor(Chain(name), 1), false).release();
  static const Contender certval = CertvalContender("certval", *validator, Chain(name));
  RunPaired(state, {{"floor", [] { benchmark::DoNotOptimize(floor->Verify()); }}, certval});
}

void RegisterAll() {
  for (const char* c : kChainNames) {
    const std::string name = c;
    Chain(name);  // load or mint now, on the main thread: runs only read the map
    benchmark::RegisterBenchmark(("floor_boringssl/" + name).c_str(), BM_Floor, name)
        ->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark(("boringssl_legacy/" + name).c_str(), BM_Legacy, name)
        ->Unit(benchmark::kMicrosecond);
    auto* cold = benchmark::RegisterBenchmark(("certval_cold/" + name).c_str(), BM_CertvalCold, name)
                     ->ArgName("roots")->Arg(1)->Unit(benchmark::kMicrosecond);
    auto* warm = benchmark::RegisterBenchmark(("certval_warm/" + name).c_str(), BM_CertvalWarm, name)
                     ->ArgName("roots")->Arg(1)->Unit(benchmark::kMicrosecond);
    if (name == "rsa2048_3" || name == "p256_3" || name == "mixed_3") {
      benchmark::RegisterBenchmark(("paired/" + name).c_str(), BM_Paired, name)->Unit(benchmark::kMicrosecond);
    }
    if (name == "rsa2048_3" || name == "p256_3") {
      benchmark::RegisterBenchmark(("parse_presented/" + name).c_str(), BM_ParsePresented, name)
          ->Unit(benchmark::kMicrosecond);
      benchmark::RegisterBenchmark(("certval_signatures/" + name).c_str(), BM_CertvalSignatures, name)
          ->Unit(benchmark::kMicrosecond);
    }
    if (name == "rsa2048_3") {
      cold->Arg(150)->Arg(10000);
      warm->Arg(150)->Arg(10000);
      benchmark::RegisterBenchmark(("certval_cold_shared/" + name).c_str(), BM_CertvalColdShared, name)
          ->Threads(1)->Threads(2)->UseRealTime()->Unit(benchmark::kMicrosecond);
      benchmark::RegisterBenchmark(("floor_shared/" + name).c_str(), BM_FloorShared, name)
          ->Threads(1)->Threads(2)->UseRealTime()->Unit(benchmark::kMicrosecond);
      benchmark::RegisterBenchmark(("paired_shared/" + name).c_str(), BM_PairedShared, name)
          ->Threads(1)->Threads(2)->UseRealTime()->Unit(benchmark::kMicrosecond);
    }
  }
}

}  // namespace
}  // namespace certval::bench

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  certval::bench::RegisterAll();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
