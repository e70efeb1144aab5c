#!/usr/bin/env bash
# Issue 7's one command: builds the benchmarks with -c opt, mints the chains once, runs certval and
# BoringSSL (//bench:validate_bench) and OpenSSL 3 (//bench:openssl_bench) on them, and prints the
# Markdown tables of docs/performance.md. Then //bench:fetch_bench (issue 18: one fetch per URL
# under concurrency), on standard error.
#
#   bench/run.sh                 # 9 repetitions in random order, medians
#   REPETITIONS=1 bench/run.sh   # quick look
#   BENCH_MODE=fastbuild BENCH_MIN_TIME=0.01 REPETITIONS=1 bench/run.sh   # CI smoke: it all runs
set -euo pipefail
cd "$(dirname "$0")/.."
reps=${REPETITIONS:-9}
mode=${BENCH_MODE:-opt}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

./bazelw build -c "$mode" //bench:validate_bench //bench:openssl_bench //bench:make_chains //bench:report \
  //bench:fetch_bench >&2
bin=$(./bazelw info -c "$mode" bazel-bin 2>/dev/null)
"$bin/bench/make_chains" "$work"
export CERTVAL_BENCH_CHAINS=$work
# Repetitions of all benchmarks run interleaved in random order, so that a slow spell of this shared
# machine falls on every verifier alike instead of on whichever ran then: ratios stay honest.
args=(--benchmark_repetitions="$reps" --benchmark_report_aggregates_only=true
      --benchmark_enable_random_interleaving=true
      --benchmark_format=json --benchmark_min_time="${BENCH_MIN_TIME:-0.2}")
echo "bench: certval and BoringSSL ..." >&2
"$bin/bench/validate_bench" "${args[@]}" >"$work/validate.json"
echo "bench: OpenSSL 3 ..." >&2
"$bin/bench/openssl_bench" "${args[@]}" >"$work/openssl.json"
echo "bench: fetching (1,000 validations, 4 threads, one shared cache, a loopback HTTP server) ..." >&2
"$bin/bench/fetch_bench" >&2
[[ $mode == opt ]] || echo "bench: built with -c $mode: a smoke run, the figures mean nothing"
"$bin/bench/report" "$work/validate.json" "$work/openssl.json"
