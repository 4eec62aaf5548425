#!/usr/bin/env bash
# Debian's Chromium and the Nanum fonts for the Playwright tests (Playwright never downloads a browser here).
set -euo pipefail
if [ -x /usr/bin/chromium ] && fc-list 2>/dev/null | grep -qi nanum; then
  exit 0
fi
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
as_root apt-get update -qq
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-nanum fontconfig >/dev/null
