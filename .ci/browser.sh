#!/usr/bin/env bash
# Installs what the desk's browser tests need (packages/desk/test/*.test.ts): Debian's Chromium,
# driven by playwright-core (no downloaded browser builds), and a CJK font so screenshots show
# the Chinese labels. Does nothing when both are already there. Call it from .ci/run before
# the tests; with CI=true the tests fail (rather than skip) when Chromium is missing.
set -euo pipefail

need=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need+=(chromium)
fonts=$(fc-list 2>/dev/null || true)
grep -qi 'wenquanyi\|noto sans cjk' <<<"$fonts" || need+=(fonts-wqy-zenhei)

if [ ${#need[@]} -eq 0 ]; then
  echo "browser: $(/usr/bin/chromium --version 2>/dev/null | head -1) and a CJK font already installed"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "browser: installing ${need[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
/usr/bin/chromium --version 2>/dev/null | head -1
