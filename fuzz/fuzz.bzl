"""certval_fuzzer(): a libFuzzer target, or a plain reproducer binary without --config=fuzz.

With `--config=fuzz` (clang-14, `--define=certval_fuzz=libfuzzer`) the target links libFuzzer's
main via -fsanitize=fuzzer. Otherwise (e.g. the default gcc toolchain in `bazel build //...`) it links
fuzz/standalone_main.cc, which runs LLVMFuzzerTestOneInput once per file or directory argument:
handy to replay a crash input under `--config=asan` or a debugger.
"""

def certval_fuzzer(name, srcs, deps = [], **kwargs):
    native.cc_binary(
        name = name,
        srcs = srcs,
        linkopts = select({
            "//fuzz:libfuzzer": ["-fsanitize=fuzzer"],
            "//conditions:default": [],
        }),
        deps = deps + select({
            "//fuzz:libfuzzer": [],
            "//conditions:default": ["//fuzz:standalone_main"],
        }),
        **kwargs
    )
