#!/usr/bin/env python3
"""Copies the subset of upstream BoringSSL that certval builds into third_party/boringssl/.

    python3 tools/boringssl/vendor.py BORINGSSL_GIT_DIR [REVISION]

Reads upstream's generated source lists (gen/sources.json) at REVISION (default HEAD) and copies,
byte for byte with `git show`, every file the crypto, ssl and pki libraries need: sources, public
and internal headers, and the assembly for Linux (all architectures). Also copies the license files
of every directory it takes code from, gen/sources.bzl and gen/sources.json. Files of certval's own
(BUILD.boringssl, README.md) are left alone; every other file in the directory is replaced.
"""

import json
import os
import shutil
import subprocess
import sys

DEST = os.path.join(os.path.dirname(__file__), "..", "..", "third_party", "boringssl")
OURS = {"BUILD", "BUILD.boringssl", "README.md"}
LIBRARIES = ("bcm", "crypto", "ssl", "pki")
KINDS = ("srcs", "hdrs", "internal_hdrs", "asm")
ALWAYS = ("LICENSE", "third_party/fiat/LICENSE", "gen/sources.bzl", "gen/sources.json")


def git(repo, *args):
    return subprocess.run(["git", "-C", repo, *args], check=True, capture_output=True).stdout


def wanted(path):
    # Generated assembly comes per OS (-linux, -apple, -win); certval builds on Linux only. The
    # hand-written .S files outside gen/ guard themselves by architecture and stay.
    if path.startswith("gen/") and path.endswith((".S", ".asm")):
        return path.endswith("-linux.S")
    return True


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    repo, rev = sys.argv[1], sys.argv[2] if len(sys.argv) == 3 else "HEAD"
    commit = git(repo, "rev-parse", rev + "^{commit}").decode().strip()
    sources = json.loads(git(repo, "show", commit + ":gen/sources.json"))
    files = set(ALWAYS)
    for lib in LIBRARIES:
        for kind in KINDS:
            files.update(f for f in sources[lib].get(kind, []) if wanted(f))

    dest = os.path.abspath(DEST)
    os.makedirs(dest, exist_ok=True)
    for entry in os.listdir(dest):
        if entry not in OURS:
            path = os.path.join(dest, entry)
            shutil.rmtree(path) if os.path.isdir(path) else os.remove(path)
    for f in sorted(files):
        out = os.path.join(dest, f)
        os.makedirs(os.path.dirname(out), exist_ok=True)
        with open(out, "wb") as fh:
            fh.write(git(repo, "show", commit + ":" + f))
    with open(os.path.join(dest, "REVISION"), "w") as fh:
        fh.write(commit + "\n")
    print("vendored %d files of BoringSSL %s into %s" % (len(files), commit, dest))


if __name__ == "__main__":
    main()
