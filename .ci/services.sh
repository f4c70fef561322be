# Services the test suite needs, sourced by .ci/run before the tests (bash, `set -euo pipefail`).
#
# PostgreSQL for @hazardflow/store-postgres: Debian's `postgresql` package (installed with
# apt-get when missing), a throwaway data directory under /tmp, a server on a loopback port,
# one database, HAZARDFLOW_PG_URL exported for the tests, and an EXIT trap that stops the
# server and removes the directory. A server given from outside (HAZARDFLOW_PG_URL already
# set) is used as it is. The tests fail, rather than skip, when CI=true and no server is set.
#
# By hand: `source .ci/services.sh` in a shell, then `npx vitest run --project store-postgres`;
# the server stops when that shell exits (or call `hazardflow_pg_stop`).

hazardflow_pg_bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$dir" ] && command -v pg_config >/dev/null 2>&1; then dir=$(pg_config --bindir); fi
  printf '%s' "$dir"
}

# Runs a command as the `postgres` OS user when we are root (initdb and postgres refuse root).
hazardflow_pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

hazardflow_pg_install() {
  local sudo=''
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
      echo "services.sh: PostgreSQL is not installed and we are neither root nor have sudo" >&2
      return 1
    fi
    sudo='sudo'
  fi
  echo "services.sh: installing Debian's postgresql package"
  # No default cluster (we make our own, throwaway, under /tmp): a drop-in the package reads
  # while it installs, leaving its own createcluster.conf alone.
  $sudo mkdir -p /etc/postgresql-common/createcluster.d
  echo 'create_main_cluster = false' | $sudo tee /etc/postgresql-common/createcluster.d/hazardflow-ci.conf >/dev/null
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold postgresql >/dev/null
}

hazardflow_pg_stop() {
  if [ -n "${HAZARDFLOW_PG_DATA:-}" ] && [ -d "$HAZARDFLOW_PG_DATA" ]; then
    hazardflow_pg_as_owner "$(hazardflow_pg_bindir)/pg_ctl" -D "$HAZARDFLOW_PG_DATA" -m immediate -w stop \
      >/dev/null 2>&1 || true
    rm -rf "$HAZARDFLOW_PG_DATA"
  fi
  HAZARDFLOW_PG_DATA=''
}

hazardflow_pg_start() {
  local bindir port data
  bindir=$(hazardflow_pg_bindir)
  if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
    hazardflow_pg_install
    bindir=$(hazardflow_pg_bindir)
  fi
  if [ ! -x "$bindir/initdb" ]; then
    echo "services.sh: no initdb after installing postgresql" >&2
    return 1
  fi

  # The first free loopback port from 54329 on (bash's /dev/tcp connects only if one listens).
  port=${HAZARDFLOW_PG_PORT:-54329}
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done

  data=$(mktemp -d /tmp/hazardflow-pg.XXXXXX)
  HAZARDFLOW_PG_DATA=$data
  trap hazardflow_pg_stop EXIT
  if [ "$(id -u)" -eq 0 ]; then chown postgres: "$data"; fi

  hazardflow_pg_as_owner "$bindir/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C --no-sync \
    >"$data.initdb.log" 2>&1 || { cat "$data.initdb.log" >&2; return 1; }
  rm -f "$data.initdb.log"
  # Throwaway data: durability off for speed; enough connections for several engine processes.
  hazardflow_pg_as_owner "$bindir/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 start -o \
    "-p $port -k $data -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    >/dev/null || { cat "$data/server.log" >&2; return 1; }
  "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres hazardflow_test

  export HAZARDFLOW_PG_URL="postgres://postgres@127.0.0.1:$port/hazardflow_test"
  echo "services.sh: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') at $HAZARDFLOW_PG_URL"
}

if [ -n "${HAZARDFLOW_PG_URL:-}" ]; then
  echo "services.sh: using the PostgreSQL server at HAZARDFLOW_PG_URL"
else
  hazardflow_pg_start
fi
