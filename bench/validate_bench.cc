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

#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "bench/bench_chains.h"
#include "bench/bench_params.h"
#include "bench/x509_baseline.h"
#include "certval/testing/pki/test_pki.h"
#include "certval/testing/pki/test_revocation.h"
#include "certval/trust/revocation_set.h"
#include "certval/trust/system_store.h"
#include "certval/trust/trust_store.h"
#include "certval/validator/crl.h"
#include "certval/validator/policy_graph.h"
#include "certval/validator/signature_cache.h"
#include "certval/validator/validator.h"

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
    benchmark::DoNotOptimize(
        verifier.Verify(chain.leaf(), intermediates, kHost, kVerifyUnixSeconds));
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
  testpki::TestCa root =
      testpki::TestCa::Root(testpki::RootSpec("Stress Root", t), Key::Cached(KeyKind::kEcP256, 50));
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
    std::string len = contents.size() < 128
                          ? std::string(1, static_cast<char>(contents.size()))
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
  testpki::TestCa ca =
      testpki::TestCa::Root(root_spec, testpki::Key::Cached(testpki::KeyKind::kEcP256, 0));
  std::vector<CertificatePtr> path = {*Certificate::Parse(ca.cert_der())};
  for (int i = 0; i < 6; ++i) {
    testpki::CertSpec spec =
        testpki::IntermediateSpec("Policy CA " + std::to_string(i), t, std::nullopt);
    spec.extra = {policies, mapping_ext};
    ca = ca.IssueCa(spec, testpki::Key::Cached(testpki::KeyKind::kEcP256, 1));
    path.insert(path.begin(), *Certificate::Parse(ca.cert_der()));
  }
  testpki::CertSpec leaf = testpki::LeafSpec(kHost, t);
  leaf.extra = {policies};
  path.insert(path.begin(), *Certificate::Parse(ca.Issue(
                                leaf, testpki::Key::Cached(testpki::KeyKind::kEcP256, 2))));
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

// Paired timing, for the ratios the targets are judged by. Each iteration runs every contender
// once, back to back, timing each on its own: a slow spell of this shared machine then falls on all
// of them alike, where separate benchmarks (even interleaved) catch it in one and not another.
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
    state.counters[contenders[i].name + "_us"] =
        benchmark::Counter(seconds[i] * 1e6 / static_cast<double>(state.iterations()),
                           benchmark::Counter::kAvgThreads);
  }
}

// A contender that validates `chain` with `validator`, which must accept it.
Contender CertvalContender(std::string name, const Validator& validator, const BenchChain& chain) {
  auto request = std::make_shared<const ValidationRequest>(RequestFor(chain));
  if (!validator.Validate(*request).valid) {
    std::fprintf(stderr, "validate_bench: certval rejects the bench chain\n");
    std::exit(2);
  }
  return {std::move(name),
          [&validator, request] { benchmark::DoNotOptimize(validator.Validate(*request)); }};
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
      {"legacy",
       [&] {
         benchmark::DoNotOptimize(
             legacy.Verify(chain.leaf(), intermediates, kHost, kVerifyUnixSeconds));
       }},
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
  static const Validator* const validator =
      MakeValidator(StoreFor(Chain(name), 1), false).release();
  static const Contender certval = CertvalContender("certval", *validator, Chain(name));
  RunPaired(state, {{"floor", [] { benchmark::DoNotOptimize(floor->Verify()); }}, certval});
}

// ---- Revocation (issue 15) ----

// `n` distinct positive 16-byte serials (INTEGER contents: the top bit clear, so no sign octet).
std::vector<std::string> RandomSerials(size_t n, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<std::string> out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    std::string serial(16, '\0');
    for (size_t k = 0; k < 16; k += 8) {
      const uint64_t r = rng();
      std::memcpy(&serial[k], &r, 8);
    }
    serial[0] = static_cast<char>((static_cast<uint8_t>(serial[0]) & 0x7f) | 0x01);
    out.push_back(std::move(serial));
  }
  return out;
}

constexpr size_t kBigCrlEntries = 1000000;

// A CRL of 1,000,000 entries with 16-byte random serials, its serials, and a CA that signed it.
struct BigCrl {
  std::vector<std::string> serials;
  std::string der;
};
const BigCrl& TheBigCrl() {
  static const BigCrl* const crl = [] {
    auto* out = new BigCrl;
    out->serials = RandomSerials(kBigCrlEntries, 15);
    const absl::Time now = absl::FromUnixSeconds(kVerifyUnixSeconds);
    testpki::TestCa ca = testpki::TestCa::Root(testpki::RootSpec("Big CRL CA", now),
                                               testpki::Key::Cached(testpki::KeyKind::kEcP256, 70));
    testpki::CrlSpec spec = testpki::CrlSpecFor(ca, now);
    spec.entries.reserve(out->serials.size());
    for (const std::string& serial : out->serials) {
      spec.entries.push_back({serial, now - absl::Hours(24), std::nullopt, std::nullopt, {}});
    }
    out->der = testpki::IssueCrl(spec, ca.key());
    return out;
  }();
  return *crl;
}

// Issue 15: under 2 s.
void BM_CrlLoad1M(benchmark::State& state) {
  const BigCrl& big = TheBigCrl();
  for (auto _ : state) {
    auto crl = Crl::Parse(big.der);
    if (!crl.ok() || (*crl)->entries().size() != kBigCrlEntries)
      return state.SkipWithError("parse failed");
    benchmark::DoNotOptimize(crl);
  }
  state.counters["entries"] = kBigCrlEntries;
  state.counters["MiB"] = static_cast<double>(big.der.size()) / (1 << 20);
}
BENCHMARK(BM_CrlLoad1M)->Unit(benchmark::kMillisecond)->Iterations(3);

// Issue 15: under 1 us. Half the lookups hit, half miss; the 4096 keys are copied out first, so
// that the loop measures the CRL's index, not fetching the key.
void BM_CrlLookup1M(benchmark::State& state) {
  const BigCrl& big = TheBigCrl();
  const CrlPtr crl = *Crl::Parse(big.der);
  std::vector<std::string> keys = RandomSerials(2048, 99);  // misses
  for (size_t k = 0; k < 2048; ++k) keys.push_back(big.serials[(k * 7919) % big.serials.size()]);
  std::vector<std::array<char, 16>> flat(keys.size());
  for (size_t k = 0; k < keys.size(); ++k) std::memcpy(flat[k].data(), keys[k].data(), 16);
  size_t i = 0, found = 0;
  for (auto _ : state) {
    const size_t k = (i & 1) ? 2048 + ((i >> 1) & 2047) : ((i >> 1) & 2047);
    found += crl->Find(Der(flat[k].data(), 16), crl->issuer()) != nullptr;
    ++i;
  }
  if (found != i / 2) state.SkipWithError("a lookup gave the wrong answer");
}
BENCHMARK(BM_CrlLookup1M)->Unit(benchmark::kNanosecond);

// 1,000,000 revoked serials over 100 issuers. Issue 15: exact, under 24 MiB, lookups under 1 us.
struct BigSet {
  std::vector<Sha256Digest> issuers;
  std::vector<std::string> serials;  // serial i belongs to issuer i % 100
  std::shared_ptr<const RevocationSet> set;
  size_t file_bytes = 0;
};
const BigSet& TheBigSet() {
  static const BigSet* const big = [] {
    auto* out = new BigSet;
    out->serials = RandomSerials(kBigCrlEntries, 16);
    RevocationSet::Contents contents;
    for (int k = 0; k < 100; ++k) {
      Sha256Digest d{};
      d[0] = static_cast<uint8_t>(k);
      d[31] = 0x5a;
      out->issuers.push_back(d);
      contents.issuers.push_back({d, {}});
    }
    for (size_t i = 0; i < out->serials.size(); ++i)
      contents.issuers[i % 100].serials.push_back(out->serials[i]);
    std::string bytes = *RevocationSet::Build(contents);
    out->file_bytes = bytes.size();
    out->set = *RevocationSet::Load(std::move(bytes));
    return out;
  }();
  return *big;
}

void BM_RevocationSetLookup1M(benchmark::State& state) {
  const BigSet& big = TheBigSet();
  const std::vector<std::string> misses = RandomSerials(1024, 98);
  // (issuer, serial, expected) triples copied out first, as in BM_CrlLookup1M.
  struct Probe {
    Sha256Digest issuer;
    std::array<char, 16> serial;
    bool revoked;
  };
  std::vector<Probe> probes;
  for (size_t j = 0; j < 4096; ++j) {
    const size_t k = (j * 7919) % big.serials.size();
    Probe p;
    const std::string& serial = (j % 4 == 1) ? misses[j % 1024] : big.serials[k];
    std::memcpy(p.serial.data(), serial.data(), 16);
    // Every other probe hits; the rest are unknown serials or another issuer's.
    p.revoked = j % 2 == 0;
    p.issuer = big.issuers[p.revoked ? k % 100 : (k + 1) % 100];
    probes.push_back(p);
  }
  size_t i = 0, revoked = 0, wrong = 0;
  for (auto _ : state) {
    const Probe& p = probes[i & 4095];
    const auto r = big.set->IsRevoked(p.issuer, Der(p.serial.data(), 16));
    revoked += r == true;
    wrong += r != p.revoked;
    ++i;
  }
  if (wrong != 0 || revoked != (i + 1) / 2) state.SkipWithError("a lookup gave the wrong answer");
  state.counters["MiB"] = static_cast<double>(big.set->memory_bytes()) / (1 << 20);
  state.counters["file_MiB"] = static_cast<double>(big.file_bytes) / (1 << 20);
}
BENCHMARK(BM_RevocationSetLookup1M)->Unit(benchmark::kNanosecond);

// A cold validation (no caches) of p256_3 with an issuer-signed OCSP response for the leaf, leaf
// scope: issue 15 allows one signature verification more than the floor (two with a delegated
// responder). The counters say how many each validation verified.
// The bench chains come without their CAs' keys, so this one mints its own P-256 chain.
void BM_CertvalColdOcsp(benchmark::State& state) {
  const testpki::Chain pki = testpki::MakeChain(testpki::KeyKind::kEcP256, kHost,
                                                absl::FromUnixSeconds(kVerifyUnixSeconds));
  ValidationRequest with_ocsp;
  with_ocsp.leaf = pki.leaf;
  with_ocsp.intermediates = {pki.intermediate};
  with_ocsp.peer_name = PeerName::Dns(kHost);
  with_ocsp.time = absl::FromUnixSeconds(kVerifyUnixSeconds);
  with_ocsp.ocsp_responses = {
      testpki::IssueOcspResponse(testpki::OcspSpecFor(pki.leaf, pki.intermediate_ca(),
                                                      absl::FromUnixSeconds(kVerifyUnixSeconds)),
                                 pki.intermediate_key)};
  auto store = std::make_shared<TrustStore>();
  store->AddRoots({*Certificate::Parse(pki.root)});
  ValidatorOptions options;
  options.warning_sink = std::make_shared<NullWarningSink>();
  options.revocation.scope = RevocationScope::kLeaf;
  options.revocation.unknown = UnknownStatus::kHardFail;
  Validator validator(store, options);
  ValidationRequest without = with_ocsp;
  without.ocsp_responses.clear();
  const ValidationResult base = validator.Validate(without);
  const ValidationResult checked = validator.Validate(with_ocsp);
  if (!checked.valid || checked.revocation.empty())
    return state.SkipWithError("the OCSP validation failed");
  for (auto _ : state) benchmark::DoNotOptimize(validator.Validate(with_ocsp));
  state.counters["signatures"] = checked.signature_checks;
  state.counters["signatures_without_ocsp"] = base.signature_checks;
  state.counters["extra_signatures"] = checked.signature_checks - base.signature_checks;
}
BENCHMARK(BM_CertvalColdOcsp)->Unit(benchmark::kMicrosecond);

void RegisterAll() {
  for (const char* c : kChainNames) {
    const std::string name = c;
    Chain(name);  // load or mint now, on the main thread: runs only read the map
    benchmark::RegisterBenchmark(("floor_boringssl/" + name).c_str(), BM_Floor, name)
        ->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark(("boringssl_legacy/" + name).c_str(), BM_Legacy, name)
        ->Unit(benchmark::kMicrosecond);
    auto* cold =
        benchmark::RegisterBenchmark(("certval_cold/" + name).c_str(), BM_CertvalCold, name)
            ->ArgName("roots")
            ->Arg(1)
            ->Unit(benchmark::kMicrosecond);
    auto* warm =
        benchmark::RegisterBenchmark(("certval_warm/" + name).c_str(), BM_CertvalWarm, name)
            ->ArgName("roots")
            ->Arg(1)
            ->Unit(benchmark::kMicrosecond);
    if (name == "rsa2048_3" || name == "p256_3" || name == "mixed_3") {
      benchmark::RegisterBenchmark(("paired/" + name).c_str(), BM_Paired, name)
          ->Unit(benchmark::kMicrosecond);
    }
    if (name == "rsa2048_3" || name == "p256_3") {
      benchmark::RegisterBenchmark(("parse_presented/" + name).c_str(), BM_ParsePresented, name)
          ->Unit(benchmark::kMicrosecond);
      benchmark::RegisterBenchmark(("certval_signatures/" + name).c_str(), BM_CertvalSignatures,
                                   name)
          ->Unit(benchmark::kMicrosecond);
    }
    if (name == "rsa2048_3") {
      cold->Arg(150)->Arg(10000);
      warm->Arg(150)->Arg(10000);
      benchmark::RegisterBenchmark(("certval_cold_shared/" + name).c_str(), BM_CertvalColdShared,
                                   name)
          ->Threads(1)
          ->Threads(2)
          ->UseRealTime()
          ->Unit(benchmark::kMicrosecond);
      benchmark::RegisterBenchmark(("floor_shared/" + name).c_str(), BM_FloorShared, name)
          ->Threads(1)
          ->Threads(2)
          ->UseRealTime()
          ->Unit(benchmark::kMicrosecond);
      benchmark::RegisterBenchmark(("paired_shared/" + name).c_str(), BM_PairedShared, name)
          ->Threads(1)
          ->Threads(2)
          ->UseRealTime()
          ->Unit(benchmark::kMicrosecond);
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
