#!/usr/bin/env bash
# Checks what `make rust` needs to build the compiled scanner (rust/) offline, and says how to get
# what is missing: cargo, and the crates Debian packages under /usr/share/cargo/registry
# (rust/.cargo/config.toml builds from there: crates.io is not reachable). .ci/services.sh
# installs them in CI.
set -euo pipefail
REG=${TOLLBOOK_CARGO_REGISTRY:-/usr/share/cargo/registry}
missing=()
command -v cargo >/dev/null || missing+=(cargo)
for crate in pyo3:librust-pyo3-dev aho-corasick:librust-aho-corasick-dev memchr:librust-memchr-dev; do
    ls -d "$REG/${crate%%:*}-"[0-9]* >/dev/null 2>&1 || missing+=("${crate#*:}")
done
if ((${#missing[@]})); then
    echo "make rust: missing ${missing[*]}: apt-get install ${missing[*]} (Debian/Ubuntu)," \
         "or skip the compiled scanner: tollbook runs the same without it (scanner='python')" >&2
    exit 1
fi
