// Turns the JSON of //bench:validate_bench and //bench:openssl_bench (Google Benchmark,
// --benchmark_format=json with repetitions) into the Markdown tables of docs/performance.md, with
// every figure as a ratio and each issue-7 target marked met or not.
//
//   report VALIDATE.json OPENSSL.json
#include <cstdio>
#include <fstream>
#include <initializer_list>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "absl/strings/str_format.h"
#include "bench/bench_params.h"

namespace {

// Benchmark name (without the aggregate suffix) -> median real time in microseconds.
using Medians = std::map<std::string, double>;

bool Load(const char* path, Medians* out, std::string* context) {
  std::ifstream in(path);
  if (!in) return false;
  nlohmann::json doc = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return false;
  for (const auto& b : doc.value("benchmarks", nlohmann::json::array())) {
    // The median of repetitions; a single run (REPETITIONS=1) has no aggregates, so take the run.
    const bool median = b.value("aggregate_name", "") == "median";
    if (!median && b.value("run_type", "") != "iteration") continue;
    std::string name = b.value("run_name", "");
    if (!median && out->count(name)) continue;
    double t = b.value("real_time", 0.0);
    const std::string unit = b.value("time_unit", "us");
    if (unit == "ns") t /= 1000;
    if (unit == "ms") t *= 1000;
    (*out)[name] = t;
    // The memory benchmark's counters, by name; the paired timings, by benchmark and contender.
    for (const char* c : {"store_KiB", "caches_KiB", "sig_entries", "cert_entries"}) {
      if (b.contains(c)) (*out)[std::string("counter:") + c] = b.value(c, 0.0);
    }
    for (const auto& [key, value] : b.items()) {
      if (key.size() > 3 && key.compare(key.size() - 3, 3, "_us") == 0 && value.is_number()) {
        (*out)["paired:" + name + ":" + key] = value.get<double>();
      }
    }
  }
  if (context->empty()) {
    const auto& ctx = doc["context"];
    *context = absl::StrFormat("%d CPUs at %.0f MHz, benchmark library built as %s",
                               ctx.value("num_cpus", 0), ctx.value("mhz_per_cpu", 0.0),
                               ctx.value("library_build_type", "?"));
  }
  return true;
}

double Get(const Medians& m, const std::string& name) {
  auto it = m.find(name);
  return it == m.end() ? 0 : it->second;
}

std::string Us(double t) { return t <= 0 ? "n/a" : absl::StrFormat("%.2f µs", t); }
std::string Ratio(double a, double b) {
  return a <= 0 || b <= 0 ? "n/a" : absl::StrFormat("%.2fx", a / b);
}
std::string Kib(const Medians& m, const std::string& counter) {
  auto it = m.find("counter:" + counter);
  return it == m.end() ? "n/a" : absl::StrFormat("%.0f KiB", it->second);
}
std::string Count(const Medians& m, const std::string& counter) {
  auto it = m.find("counter:" + counter);
  return it == m.end() ? "n/a" : absl::StrFormat("%.0f", it->second);
}

// Missing figures read as 0 and make any comparison "not measured".
std::string Mark(bool met, std::initializer_list<double> inputs) {
  for (double x : inputs) {
    if (x <= 0) return "not measured";
  }
  return met ? "met" : "**not met**";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: report VALIDATE.json OPENSSL.json\n");
    return 2;
  }
  Medians m;
  std::string context;
  if (!Load(argv[1], &m, &context)) {
    std::fprintf(stderr, "report: cannot read %s\n", argv[1]);
    return 2;
  }
  const bool have_openssl = Load(argv[2], &m, &context);
  std::printf("Medians of repeated runs, real time per validation; machine: %s.\n\n",
              context.c_str());

  std::printf(
      "| chain (3 certificates) | BoringSSL floor | certval cold | certval warm (cached) | "
      "BoringSSL X509_verify_cert | OpenSSL 3 floor | OpenSSL 3 X509_verify_cert |\n");
  std::printf("|---|---|---|---|---|---|---|\n");
  for (const char* kind : {"rsa2048_3", "p256_3", "mixed_3"}) {
    const std::string k = kind;
    const double floor = Get(m, "floor_boringssl/" + k),
                 cold = Get(m, "certval_cold/" + k + "/roots:1");
    const double warm = Get(m, "certval_warm/" + k + "/roots:1"),
                 bssl = Get(m, "boringssl_legacy/" + k);
    const double ofloor = Get(m, "floor_openssl/" + k), ossl = Get(m, "openssl_legacy/" + k);
    std::printf(
        "| %s | %s | %s (%s floor) | %s | %s (%s floor; certval %s faster) | %s | %s (%s floor; "
        "certval %s faster) |\n",
        kind, Us(floor).c_str(), Us(cold).c_str(), Ratio(cold, floor).c_str(), Us(warm).c_str(),
        Us(bssl).c_str(), Ratio(bssl, floor).c_str(), Ratio(bssl, cold).c_str(), Us(ofloor).c_str(),
        Us(ossl).c_str(), Ratio(ossl, ofloor).c_str(), Ratio(ossl, cold).c_str());
  }

  std::printf(
      "\n| chain length | kind | BoringSSL floor | certval cold | cold per signature | certval "
      "warm | warm per certificate |\n");
  std::printf("|---|---|---|---|---|---|---|\n");
  for (const char* kind : {"rsa2048", "p256"}) {
    for (int length : {3, 5, 8}) {
      const std::string k = absl::StrFormat("%s_%d", kind, length);
      const double cold = Get(m, "certval_cold/" + k + "/roots:1"),
                   warm = Get(m, "certval_warm/" + k + "/roots:1");
      std::printf("| %d | %s | %s | %s | %s | %s | %s |\n", length, kind,
                  Us(Get(m, "floor_boringssl/" + k)).c_str(), Us(cold).c_str(),
                  Us(cold / (length - 1)).c_str(), Us(warm).c_str(), Us(warm / length).c_str());
    }
  }

  std::printf("\n| trust store (rsa2048_3) | certval cold | certval warm |\n|---|---|---|\n");
  for (int roots : {1, 150, 10000}) {
    const std::string s = absl::StrFormat("/roots:%d", roots);
    std::printf("| %d roots | %s | %s |\n", roots, Us(Get(m, "certval_cold/rsa2048_3" + s)).c_str(),
                Us(Get(m, "certval_warm/rsa2048_3" + s)).c_str());
  }

  const double t1 = Get(m, "certval_cold_shared/rsa2048_3/real_time/threads:1");
  const double t2 = Get(m, "certval_cold_shared/rsa2048_3/real_time/threads:2");
  // The floor on as many threads shows what the machine itself allows: two vCPUs of a shared host
  // need not double even pure RSA work.
  const double f1 = Get(m, "floor_shared/rsa2048_3/real_time/threads:1");
  const double f2 = Get(m, "floor_shared/rsa2048_3/real_time/threads:2");
  std::printf(
      "\n| threads (rsa2048_3, cold) | certval, one shared Validator | throughput | BoringSSL "
      "floor | throughput |\n"
      "|---|---|---|---|---|\n");
  std::printf("| 1 | %s | 1.00x | %s | 1.00x |\n| 2 | %s | %s | %s | %s |\n", Us(t1).c_str(),
              Us(f1).c_str(), Us(t2).c_str(), Ratio(t1, t2).c_str(), Us(f2).c_str(),
              Ratio(f1, f2).c_str());
  // The same two, alternating in each thread (BM_PairedShared): per-call times, so 2 threads give
  // 2 * t1 / t2 the throughput.
  auto shared = [&m](int threads, const char* contender) {
    return Get(m, absl::StrFormat("paired:paired_shared/rsa2048_3/real_time/threads:%d:%s_us",
                                  threads, contender));
  };
  const double pc1 = shared(1, "certval"), pc2 = shared(2, "certval"), pf1 = shared(1, "floor"),
               pf2 = shared(2, "floor");
  std::printf(
      "| 2, paired (each thread alternates floor and certval) | %s per call | %s | %s per call | "
      "%s |\n",
      Us(pc2).c_str(), Ratio(2 * pc1, pc2).c_str(), Us(pf2).c_str(), Ratio(2 * pf1, pf2).c_str());

  std::printf(
      "\n| path-building stress: candidate issuers with one subject, one valid | time "
      "|\n|---|---|\n");
  for (int n : {4, 16, 32}) {
    std::printf("| %d | %s |\n", n,
                Us(Get(m, absl::StrFormat("BM_CertvalCrossSigned/%d", n))).c_str());
  }

  std::printf(
      "\nMemory, heap in use (mallinfo2): the system bundle as a TrustStore, %s; both caches "
      "filled to their default limits (%s signature entries, %s parsed certificates): %s.\n",
      Kib(m, "store_KiB").c_str(), Count(m, "sig_entries").c_str(),
      Count(m, "cert_entries").c_str(), Kib(m, "caches_KiB").c_str());

  // Paired runs: every contender once per iteration, back to back (see BM_Paired).
  auto paired = [&m](const std::string& chain, const std::string& contender) {
    return Get(m, "paired:paired/" + chain + ":" + contender + "_us");
  };
  std::printf(
      "\n| paired runs (each iteration runs each once, back to back) | BoringSSL floor | certval "
      "cold | "
      "BoringSSL X509_verify_cert |\n|---|---|---|---|\n");
  for (const char* kind : {"rsa2048_3", "p256_3", "mixed_3"}) {
    const double f = paired(kind, "floor"), c = paired(kind, "certval"), l = paired(kind, "legacy");
    std::printf("| %s | %s | %s (%s floor) | %s (%s floor; certval %s faster) |\n", kind,
                Us(f).c_str(), Us(c).c_str(), Ratio(c, f).c_str(), Us(l).c_str(),
                Ratio(l, f).c_str(), Ratio(l, c).c_str());
  }
  std::printf(
      "| rsa2048_3, 10,000 roots | | %s (%s the 1-root time) | |\n",
      Us(paired("rsa2048_3", "certval_10000_roots")).c_str(),
      Ratio(paired("rsa2048_3", "certval_10000_roots"), paired("rsa2048_3", "certval")).c_str());
  std::printf(
      "| rsa2048_8 (7 signatures) | | %s (%s per signature of the 3-chain's) | |\n",
      Us(paired("rsa2048_3", "certval_8")).c_str(),
      Ratio(paired("rsa2048_3", "certval_8") / 7, paired("rsa2048_3", "certval") / 2).c_str());

  // The targets of issue 7: in-process ratios from the paired runs, OpenSSL (another process) and
  // the warm path from the medians.
  const double floor = paired("rsa2048_3", "floor"), cold = paired("rsa2048_3", "certval");
  const double bssl = paired("rsa2048_3", "legacy");
  const double warm = Get(m, "certval_warm/rsa2048_3/roots:1"),
               bssl_median = Get(m, "boringssl_legacy/rsa2048_3");
  const double ossl = Get(m, "openssl_legacy/rsa2048_3"),
               cold_median = Get(m, "certval_cold/rsa2048_3/roots:1");
  const double ec_floor = paired("p256_3", "floor"), ec_cold = paired("p256_3", "certval");
  const double r10k = paired("rsa2048_3", "certval_10000_roots");
  const double per3 = cold / 2, per8 = paired("rsa2048_3", "certval_8") / 7;
  // The same ratio from the separate benchmarks' medians, shown beside the paired one.
  auto medians = [&m](const std::string& a, const std::string& b) {
    return " (medians: " + Ratio(Get(m, a), Get(m, b)) + ")";
  };
  const std::string rsa_cold = "certval_cold/rsa2048_3/roots:1";
  std::printf("\n| target | measured (paired runs unless said) | |\n|---|---|---|\n");
  std::printf("| cold RSA-2048 <= 1.25x floor | %s%s | %s |\n", Ratio(cold, floor).c_str(),
              medians(rsa_cold, "floor_boringssl/rsa2048_3").c_str(),
              Mark(cold <= 1.25 * floor, {cold, floor}).c_str());
  std::printf("| cold RSA-2048 >= 1.6x faster than BoringSSL legacy | %s%s | %s |\n",
              Ratio(bssl, cold).c_str(), medians("boringssl_legacy/rsa2048_3", rsa_cold).c_str(),
              Mark(bssl >= 1.6 * cold, {bssl, cold}).c_str());
  std::printf("| cold RSA-2048 >= 6x faster than OpenSSL 3 (medians) | %s | %s |\n",
              Ratio(ossl, cold_median).c_str(),
              Mark(have_openssl && ossl >= 6 * cold_median, {ossl, cold_median}).c_str());
  std::printf("| cold ECDSA P-256 <= 1.1x floor | %s%s | %s |\n", Ratio(ec_cold, ec_floor).c_str(),
              medians("certval_cold/p256_3/roots:1", "floor_boringssl/p256_3").c_str(),
              Mark(ec_cold <= 1.1 * ec_floor, {ec_cold, ec_floor}).c_str());
  std::printf("| warm <= 5 µs and >= 10x faster than BoringSSL legacy (medians) | %s, %s | %s |\n",
              Us(warm).c_str(), Ratio(bssl_median, warm).c_str(),
              Mark(warm <= 5 && bssl_median >= 10 * warm, {warm, bssl_median}).c_str());
  std::printf("| 10,000 roots within 10%% of 1 root | %s%s | %s |\n", Ratio(r10k, cold).c_str(),
              medians("certval_cold/rsa2048_3/roots:10000", rsa_cold).c_str(),
              Mark(r10k <= 1.1 * cold, {r10k, cold}).c_str());
  std::printf("| 8-certificate chain linear (cold, per signature vs 3-certificate) | %s | %s |\n",
              Ratio(per8, per3).c_str(), Mark(per8 <= 1.1 * per3, {per8, per3}).c_str());
  std::printf(
      "| 2 threads >= 1.8x the 1-thread throughput | %s, the floor itself %s (medians: %s, the "
      "floor %s) | %s |\n",
      Ratio(2 * pc1, pc2).c_str(), Ratio(2 * pf1, pf2).c_str(), Ratio(t1, t2).c_str(),
      Ratio(f1, f2).c_str(), Mark(2 * pc1 >= 1.8 * pc2, {pc1, pc2}).c_str());
  return 0;
}
