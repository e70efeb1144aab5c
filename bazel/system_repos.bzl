"""Repository rules that expose system-installed (Debian) libraries under upstream labels.

Every rule resolves to local paths only: nothing is downloaded. Paths come from, in order,
the rule's attribute, an environment variable, then the Debian default.
"""

def _pick(rctx, attr_value, env_name, default):
    if attr_value:
        return attr_value
    return rctx.os.environ.get(env_name, default)

def _require_dir(rctx, path, what, package):
    if not rctx.path(path).exists:
        fail("certval: %s not found at %s (install the Debian package %s, or set the path)" %
             (what, path, package))

# Upstream Abseil label -> pkg-config module shipped by Debian's libabsl-dev.
_ABSL_TARGETS = {
    "absl/algorithm:container": "absl_algorithm_container",
    "absl/base:core_headers": "absl_core_headers",
    "absl/base:base": "absl_base",
    "absl/cleanup:cleanup": "absl_cleanup",
    "absl/container:btree": "absl_btree",
    "absl/container:fixed_array": "absl_fixed_array",
    "absl/container:flat_hash_map": "absl_flat_hash_map",
    "absl/container:flat_hash_set": "absl_flat_hash_set",
    "absl/container:inlined_vector": "absl_inlined_vector",
    "absl/container:node_hash_map": "absl_node_hash_map",
    "absl/flags:flag": "absl_flags",
    "absl/flags:parse": "absl_flags_parse",
    "absl/flags:reflection": "absl_flags_reflection",
    "absl/flags:usage": "absl_flags_usage",
    "absl/functional:any_invocable": "absl_any_invocable",
    "absl/functional:function_ref": "absl_function_ref",
    "absl/hash:hash": "absl_hash",
    "absl/memory:memory": "absl_memory",
    "absl/numeric:int128": "absl_int128",
    "absl/random:random": "absl_random_random",
    "absl/status:status": "absl_status",
    "absl/status:statusor": "absl_statusor",
    "absl/strings:strings": "absl_strings",
    "absl/strings:str_format": "absl_str_format",
    "absl/synchronization:synchronization": "absl_synchronization",
    "absl/time:time": "absl_time",
    "absl/types:optional": "absl_optional",
    "absl/types:span": "absl_span",
    "absl/types:variant": "absl_variant",
    "absl/utility:utility": "absl_utility",
}

def _absl_impl(rctx):
    pc_dir = _pick(rctx, rctx.attr.pkgconfig_dir, "CERTVAL_ABSL_PKGCONFIG", "/usr/lib/x86_64-linux-gnu/pkgconfig")
    _require_dir(rctx, pc_dir + "/absl_base.pc", "Abseil pkg-config files", "libabsl-dev")
    packages = {}
    for label, module in _ABSL_TARGETS.items():
        package, name = label.split(":")
        res = rctx.execute(["pkg-config", "--libs", "--cflags", module],
                           environment = {"PKG_CONFIG_PATH": pc_dir})
        if res.return_code != 0:
            fail("certval: pkg-config %s failed: %s" % (module, res.stderr))
        flags = res.stdout.strip().split(" ")
        linkopts = [f for f in flags if f and not f.startswith("-I") and not f.startswith("-D")]
        packages.setdefault(package, []).append(
            "cc_library(name = %r, linkopts = %r)\n" % (name, linkopts),
        )
    for package, rules in packages.items():
        rctx.file(package + "/BUILD.bazel",
                  'package(default_visibility = ["//visibility:public"])\n\n' + "\n".join(rules))
    rctx.file("BUILD.bazel", "")

system_absl = repository_rule(
    implementation = _absl_impl,
    attrs = {"pkgconfig_dir": attr.string()},
    environ = ["CERTVAL_ABSL_PKGCONFIG"],
    local = True,
)

def _googletest_impl(rctx):
    lib_dir = _pick(rctx, rctx.attr.lib_dir, "CERTVAL_GTEST_LIB", "/usr/lib/x86_64-linux-gnu")
    _require_dir(rctx, lib_dir + "/libgtest.a", "GoogleTest", "libgtest-dev")
    rctx.file("BUILD.bazel", """
package(default_visibility = ["//visibility:public"])

cc_library(name = "gtest", linkopts = ["-L{d}", "-lgmock", "-lgtest", "-pthread"])

cc_library(name = "gtest_main", linkopts = ["-L{d}", "-lgtest_main"], deps = [":gtest"])
""".format(d = lib_dir))

system_googletest = repository_rule(
    implementation = _googletest_impl,
    attrs = {"lib_dir": attr.string()},
    environ = ["CERTVAL_GTEST_LIB"],
    local = True,
)

def _benchmark_impl(rctx):
    lib_dir = _pick(rctx, rctx.attr.lib_dir, "CERTVAL_BENCHMARK_LIB", "/usr/lib/x86_64-linux-gnu")
    _require_dir(rctx, lib_dir + "/libbenchmark.so", "Google Benchmark", "libbenchmark-dev")
    rctx.file("BUILD.bazel", """
package(default_visibility = ["//visibility:public"])

cc_library(name = "benchmark", linkopts = ["-L{d}", "-lbenchmark", "-pthread"])

cc_library(name = "benchmark_main", linkopts = ["-L{d}", "-lbenchmark_main"], deps = [":benchmark"])
""".format(d = lib_dir))

system_benchmark = repository_rule(
    implementation = _benchmark_impl,
    attrs = {"lib_dir": attr.string()},
    environ = ["CERTVAL_BENCHMARK_LIB"],
    local = True,
)

def _nlohmann_json_impl(rctx):
    include_dir = _pick(rctx, rctx.attr.include_dir, "CERTVAL_JSON_INCLUDE", "/usr/include")
    _require_dir(rctx, include_dir + "/nlohmann/json.hpp", "nlohmann JSON", "nlohmann-json3-dev")
    rctx.file("BUILD.bazel", """
package(default_visibility = ["//visibility:public"])

# Header-only, found on the system include path.
cc_library(name = "json")
""")

system_nlohmann_json = repository_rule(
    implementation = _nlohmann_json_impl,
    attrs = {"include_dir": attr.string()},
    environ = ["CERTVAL_JSON_INCLUDE"],
    local = True,
)

def _openssl_impl(rctx):
    # OpenSSL 3 for the comparison benchmark only; it never shares a binary with BoringSSL.
    include_dir = _pick(rctx, rctx.attr.include_dir, "CERTVAL_OPENSSL_INCLUDE", "/usr/include")
    lib_dir = _pick(rctx, rctx.attr.lib_dir, "CERTVAL_OPENSSL_LIB", "/usr/lib/x86_64-linux-gnu")
    if not rctx.path(include_dir + "/openssl/opensslv.h").exists:
        rctx.file("BUILD.bazel", """
package(default_visibility = ["//visibility:public"])
cc_library(name = "crypto", srcs = ["MISSING_libssl-dev"])
""")
        return
    rctx.file("BUILD.bazel", """
package(default_visibility = ["//visibility:public"])

cc_library(name = "crypto", linkopts = ["-L{d}", "-l:libcrypto.so.3"])
""".format(d = lib_dir))

system_openssl = repository_rule(
    implementation = _openssl_impl,
    attrs = {"include_dir": attr.string(), "lib_dir": attr.string()},
    environ = ["CERTVAL_OPENSSL_INCLUDE", "CERTVAL_OPENSSL_LIB"],
    local = True,
)

def _coverage_stub_impl(rctx):
    # Stands in for Bazel's downloadable coverage tools, which every test rule references.
    rctx.file("missing.sh", "echo 'certval: coverage tools are not available offline' >&2; exit 1\n",
              executable = True)
    rctx.file("BUILD.bazel", """
package(default_visibility = ["//visibility:public"])

sh_binary(name = "coverage_report_generator", srcs = ["missing.sh"])

sh_binary(name = "lcov_merger", srcs = ["missing.sh"])
""")

offline_coverage_tools = repository_rule(implementation = _coverage_stub_impl, local = True)

def _libpsl_impl(rctx):
    # libpsl (Debian libpsl-dev): the Public Suffix List, for wildcard rules in peer-name matching.
    include_dir = _pick(rctx, rctx.attr.include_dir, "CERTVAL_PSL_INCLUDE", "/usr/include")
    lib_dir = _pick(rctx, rctx.attr.lib_dir, "CERTVAL_PSL_LIB", "/usr/lib/x86_64-linux-gnu")
    _require_dir(rctx, include_dir + "/libpsl.h", "libpsl headers", "libpsl-dev")
    _require_dir(rctx, lib_dir + "/libpsl.so", "libpsl", "libpsl-dev")
    rctx.file("BUILD.bazel", """
package(default_visibility = ["//visibility:public"])

cc_library(name = "psl", linkopts = ["-L{d}", "-lpsl"])
""".format(d = lib_dir))

system_libpsl = repository_rule(
    implementation = _libpsl_impl,
    attrs = {"include_dir": attr.string(), "lib_dir": attr.string()},
    environ = ["CERTVAL_PSL_INCLUDE", "CERTVAL_PSL_LIB"],
    local = True,
)

def _libidn2_impl(rctx):
    # libidn2 (Debian libidn2-dev): IDNA 2008 conversion of internationalized host names.
    include_dir = _pick(rctx, rctx.attr.include_dir, "CERTVAL_IDN2_INCLUDE", "/usr/include")
    lib_dir = _pick(rctx, rctx.attr.lib_dir, "CERTVAL_IDN2_LIB", "/usr/lib/x86_64-linux-gnu")
    _require_dir(rctx, include_dir + "/idn2.h", "libidn2 headers", "libidn2-dev")
    _require_dir(rctx, lib_dir + "/libidn2.so", "libidn2", "libidn2-dev")
    rctx.file("BUILD.bazel", """
package(default_visibility = ["//visibility:public"])

cc_library(name = "idn2", linkopts = ["-L{d}", "-lidn2"])
""".format(d = lib_dir))

system_libidn2 = repository_rule(
    implementation = _libidn2_impl,
    attrs = {"include_dir": attr.string(), "lib_dir": attr.string()},
    environ = ["CERTVAL_IDN2_INCLUDE", "CERTVAL_IDN2_LIB"],
    local = True,
)

def _vendored_boringssl_impl(rctx):
    # The vendored tree sits in certval's own repository; find it from a file of a package that
    # exists, so this works both in certval's workspace and in a consumer's (external/certval).
    src = rctx.path(Label("//bazel:deps.bzl")).dirname.dirname.get_child("third_party").get_child("boringssl")
    for entry in src.readdir():
        if entry.basename not in ("BUILD", "BUILD.boringssl", "README.md"):
            rctx.symlink(entry, entry.basename)
    rctx.symlink(src.get_child("BUILD.boringssl"), "BUILD.bazel")
    rctx.file("WORKSPACE", "workspace(name = \"boringssl\")\n")

vendored_boringssl = repository_rule(implementation = _vendored_boringssl_impl, local = True)
