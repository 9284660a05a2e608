#!/usr/bin/env bash
# Writes every hashed lock in requirements/ from pyproject.toml: dev.lock (everything CI
# installs) first, then one lock per install set, each constrained to dev.lock's versions so
# that installing a second set into the same venv never changes the first's packages.
# Existing pins are kept unless pyproject.toml needs otherwise (uv reads the old -o file as
# preferences); pass --upgrade to move everything to the newest releases.
# uv itself comes pinned into .venv-lock/, so the locks do not depend on a uv on the PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
UV_VERSION=0.13.9
if [ ! -x .venv-lock/bin/uv ]; then
    python3 -m venv .venv-lock
    .venv-lock/bin/python -m pip install --quiet "uv==$UV_VERSION"
fi
compile() {  # compile OUT [uv args...]
    local out=$1; shift
    .venv-lock/bin/uv pip compile pyproject.toml --quiet --generate-hashes --python-version 3.11 \
        --no-header --custom-compile-command "scripts/lock.sh" -o "requirements/$out" "$@"
}
compile dev.lock --extra dev "$@"
# The installer and the build backend, pinned too: the venv's own pip is whatever Python
# ships, and an unpinned build backend would be fetched at install time.
.venv-lock/bin/uv pip compile requirements/bootstrap.in --quiet --generate-hashes --python-version 3.11 \
    --no-header --custom-compile-command "scripts/lock.sh" -c requirements/dev.lock \
    -o requirements/bootstrap.lock
compile core.lock -c requirements/dev.lock
for extra in web postgres spark parquet datasette fast rust; do
    compile "$extra.lock" --extra "$extra" -c requirements/dev.lock
done
echo "locks written: $(ls requirements/*.lock | tr '\n' ' ')" >&2
