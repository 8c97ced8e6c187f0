#!/usr/bin/env bash
# Installs the system packages the local stack and the browser tests need, only when missing.
# Idempotent: a second run does nothing. Needs root or passwordless sudo when something is missing.
set -euo pipefail

need=()
command -v java >/dev/null 2>&1 || need+=(openjdk-17-jre-headless)
if [ "${SKIP_BROWSER:-}" != "1" ]; then
  [ -x /usr/bin/chromium ] || need+=(chromium)
  fc-list 2>/dev/null | grep -qiE 'wenquanyi|noto sans cjk|noto serif cjk' || need+=(fonts-wqy-zenhei)
  # Phones draw the category icons (emoji); screenshots should show them too.
  fc-list 2>/dev/null | grep -qi 'emoji' || need+=(fonts-noto-color-emoji)
fi

[ ${#need[@]} -eq 0 ] && exit 0

echo "[ensure-system] installing: ${need[*]}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo -n"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq || true
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
