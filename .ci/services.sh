#!/usr/bin/env bash
# Installs (from Debian's packages, when missing) and starts the real components the test
# suite uses: a PostgreSQL server on 127.0.0.1, Java 17 for PySpark, Chromium for browser tests,
# cargo and the Rust crates the compiled scanner builds from offline (rust/, `make rust`).
# Prints the environment to export, e.g. `eval "$(.ci/services.sh)"`.
set -euo pipefail
log() { echo "services: $*" >&2; }

need=()
command -v java >/dev/null || need+=(openjdk-17-jre-headless)
command -v chromium >/dev/null || need+=(chromium)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need+=(postgresql)
command -v make >/dev/null || need+=(make)
command -v cargo >/dev/null || [ -x "$HOME/.cargo/bin/cargo" ] || need+=(cargo)
for crate in pyo3:librust-pyo3-dev aho-corasick:librust-aho-corasick-dev memchr:librust-memchr-dev; do
    ls -d "/usr/share/cargo/registry/${crate%%:*}-"[0-9]* >/dev/null 2>&1 || need+=("${crate#*:}")
done
if ((${#need[@]})); then
    log "installing ${need[*]}"
    if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
    $SUDO apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
fi

# A throwaway cluster of our own (not the distribution's 'main' cluster), trust auth on loopback.
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PGPORT=${TOLLBOOK_PGPORT:-54329}
PGDATA=${TOLLBOOK_PGDATA:-/tmp/tollbook-pg-$PGPORT}
RUNAS=()
if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    RUNAS=(runuser -u postgres --)
fi
if ! "${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
    rm -rf "$PGDATA" && mkdir -p "$PGDATA"
    [ "$(id -u)" = 0 ] && chown postgres "$PGDATA"
    "${RUNAS[@]}" "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 >/dev/null
    "${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w \
        -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGDATA -c fsync=off" start >&2
fi
"${RUNAS[@]}" "$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname='tollbook_test'" | grep -q 1 ||
    "${RUNAS[@]}" "$PGBIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres tollbook_test
log "postgres on 127.0.0.1:$PGPORT, java $(java -version 2>&1 | head -1), $(chromium --version 2>/dev/null)"
echo "export TOLLBOOK_TEST_POSTGRES=postgresql://postgres@127.0.0.1:$PGPORT/tollbook_test"
echo "export TOLLBOOK_CHROMIUM=$(command -v chromium)"
