#!/usr/bin/env bash
# The test command of README.md and CI (`pnpm test`): starts the services the tests need
# (.ci/services.sh: a throwaway PostgreSQL server), runs vitest with any arguments given, and
# stops the services again. Without a PostgreSQL server outside CI, its tests are skipped and
# say why; with CI=true a missing server fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."

in_ci() { [ -n "${CI:-}" ] && [ "${CI,,}" != "false" ] && [ "${CI}" != "0" ]; }

if [ -z "${HAZARDFLOW_PG_URL:-}" ]; then
  if in_ci; then
    # shellcheck source=/dev/null
    source .ci/services.sh
  elif ! (source .ci/services.sh && hazardflow_pg_stop) >/tmp/hazardflow-services-probe.log 2>&1; then
    # A trial start in a subshell first, so a machine without PostgreSQL (or the rights to
    # install it) still runs every other test.
    echo "test.sh: no PostgreSQL server could be started; its tests will be skipped:" >&2
    sed 's/^/  /' /tmp/hazardflow-services-probe.log >&2
  else
    # shellcheck source=/dev/null
    source .ci/services.sh
  fi
fi

status=0
pnpm exec vitest run "$@" || status=$?
exit "$status"
