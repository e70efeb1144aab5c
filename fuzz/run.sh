#!/usr/bin/env bash
# Builds the libFuzzer targets (--config=fuzz), generates the seed corpora and runs each target.
#   fuzz/run.sh [SECONDS] [TARGET...]     SECONDS per target (default 30); default: all targets.
# Environment:
#   CERTVAL_FUZZ_OUTPUT_BASE  Bazel output base (default ~/.cache/bazel-certval-fuzz). A separate
#                             output base keeps the clang toolchain from invalidating the shared
#                             gcc build, and keeps the bazel-* symlinks of the workspace untouched.
#   CERTVAL_FUZZ_WORK         corpora, crash artifacts and logs (default /tmp/certval-fuzz)
#   LIMBO_JSON                x509-limbo's limbo.json for seeds (default: the vendored copy)
#   FUZZ_JOBS                 parallel libFuzzer workers per target (default 1)
# Exits non-zero if any target crashes (or fails to build); crash inputs are left in
# $CERTVAL_FUZZ_WORK/artifacts/<target>/.
set -uo pipefail

cd "$(dirname "$0")/.."
SECONDS_PER_TARGET="${1:-30}"
shift || true
TARGETS=("$@")
if ((${#TARGETS[@]} == 0)); then
  TARGETS=(certificate_fuzzer pem_fuzzer hostname_fuzzer name_constraints_fuzzer validate_fuzzer
           policy_file_fuzzer crl_fuzzer ocsp_fuzzer revocation_set_fuzzer differential_fuzzer)
fi
OUTPUT_BASE="${CERTVAL_FUZZ_OUTPUT_BASE:-$HOME/.cache/bazel-certval-fuzz}"
WORK="${CERTVAL_FUZZ_WORK:-/tmp/certval-fuzz}"
LIMBO_JSON="${LIMBO_JSON:-third_party/x509-limbo/limbo.json}"
JOBS="${FUZZ_JOBS:-1}"

# ./bazelw installs the clang toolchain too (a fresh CI machine has none) and then runs bazel.
BAZEL=(env CERTVAL_EXTRA_PACKAGES="clang-14 lld libclang-rt-14-dev" ./bazelw
       --output_base="$OUTPUT_BASE" --max_idle_secs=600)
BUILD_FLAGS=(--config=fuzz --symlink_prefix=/)

labels=(//fuzz:make_seeds)
for t in "${TARGETS[@]}"; do labels+=("//fuzz:$t"); done
echo "== building ${labels[*]} (--config=fuzz, output base $OUTPUT_BASE)"
if ! "${BAZEL[@]}" build "${BUILD_FLAGS[@]}" "${labels[@]}"; then
  echo "run.sh: build failed" >&2
  exit 2
fi
BIN="$("${BAZEL[@]}" info "${BUILD_FLAGS[@]}" bazel-bin 2>/dev/null)/fuzz"

mkdir -p "$WORK"
SEEDS="$WORK/seeds"
rm -rf "$SEEDS"
echo "== generating seeds into $SEEDS"
limbo_arg=()
[[ -r "$LIMBO_JSON" ]] && limbo_arg=("$LIMBO_JSON") || echo "(no $LIMBO_JSON: minted seeds only)"
export ASAN_OPTIONS="detect_leaks=0"  # the generator's cached keys are intentionally immortal
if ! "$BIN/make_seeds" "$SEEDS" "${limbo_arg[@]}"; then
  echo "run.sh: make_seeds failed" >&2
  exit 2
fi

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:symbolize=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
failed=0
summary=()
for t in "${TARGETS[@]}"; do
  corpus="$WORK/corpus/$t"
  artifacts="$WORK/artifacts/$t"
  log="$WORK/logs/$t.log"
  mkdir -p "$corpus" "$artifacts" "$(dirname "$log")"
  echo "== $t: ${SECONDS_PER_TARGET}s (log $log)"
  extra=()
  ((JOBS > 1)) && extra=(-jobs="$JOBS" -workers="$JOBS")
  "$BIN/$t" "$corpus" "$SEEDS/$t" -max_total_time="$SECONDS_PER_TARGET" -max_len=65536 \
      -timeout=25 -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix="$artifacts/" \
      "${extra[@]}" >"$log" 2>&1
  rc=$?
  execs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{s+=$2} END {print s+0}')
  eps=$(grep -E '^stat::average_exec_per_sec' "$log" | awk '{s+=$2} END {print s+0}')
  files=$(ls "$corpus" | wc -l)
  cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1)
  crashes=$(ls "$artifacts" | wc -l)
  line=$(printf '%-24s rc=%-3s exec/s=%-8s execs=%-10s corpus=%-6s %s crashes=%s' \
         "$t" "$rc" "$eps" "$execs" "$files" "${cov:-}" "$crashes")
  echo "$line"
  summary+=("$line")
  if ((rc != 0)) || ((crashes > 0)); then
    failed=1
    echo "---- $t failed; tail of $log:"
    tail -n 60 "$log"
  fi
done

echo
echo "== summary (${SECONDS_PER_TARGET}s per target; corpus = files in $WORK/corpus/<target>)"
printf '%s\n' "${summary[@]}"
exit "$failed"
