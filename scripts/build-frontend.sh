#!/usr/bin/env bash
# Build the web client into frontend/dist (served by the backend at /). Needs Node 20+ and npm.
set -euo pipefail
cd "$(dirname "$0")/../frontend"
if [[ -f package-lock.json ]]; then
  npm ci --no-audit --no-fund
else
  npm install --no-audit --no-fund
fi
npm run build
