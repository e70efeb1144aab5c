"""certval_dependencies(): defines certval's external repositories unless the workspace already has them.

A project that already uses upstream BoringSSL, Abseil, GoogleTest or Benchmark under their usual names
keeps its own; certval's BUILD files only use the upstream labels.
"""

load(
    "//bazel:system_repos.bzl",
    "system_absl",
    "system_benchmark",
    "vendored_boringssl",
    "system_googletest",
    "system_libidn2",
    "system_libpsl",
    "system_nlohmann_json",
    "system_openssl",
    "offline_coverage_tools",
)

_BAZEL_HELPER_REPOS = [
    "bazel_skylib",
    "platforms",
    "remote_java_tools_linux",
    "rules_cc",
    "rules_java",
    "rules_pkg",
    "rules_proto",
]

def certval_offline_bazel(mock_repos = "/usr/src/bazel-bootstrap/mock_repos"):
    """Maps the helper repositories Bazel 4.2.3 would download onto Debian's offline stand-ins.

    Call it first in an offline WORKSPACE; a workspace that has these repositories already keeps them.
    """
    for name in _BAZEL_HELPER_REPOS:
        _maybe(native.local_repository, name, path = mock_repos + "/" + name)
    _maybe(offline_coverage_tools, "remote_coverage_tools")

def _maybe(rule, name, **kwargs):
    if name not in native.existing_rules():
        rule(name = name, **kwargs)

def certval_dependencies():
    _maybe(vendored_boringssl, "boringssl")
    _maybe(system_absl, "com_google_absl")
    _maybe(system_googletest, "com_google_googletest")
    _maybe(system_benchmark, "com_github_google_benchmark")
    _maybe(system_nlohmann_json, "nlohmann_json")
    _maybe(system_libpsl, "libpsl")
    _maybe(system_libidn2, "libidn2")
    _maybe(system_openssl, "openssl_system")
