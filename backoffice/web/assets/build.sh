#!/usr/bin/env bash
# Builds backoffice/web/static/vendor/pkijs.js (not committed): PKI.js and asn1js from the npm
# registry, at the exact versions of package-lock.json (`npm ci`, no install scripts run),
# bundled by esbuild (pinned there too) into one minified file for static/signing.js.
#
# Without npm: under CI (CI=true) a failure; elsewhere a notice, and the portal runs without
# signing in the browser (uploading a .p7s still works). `make assets` runs this.
set -euo pipefail
cd "$(dirname "$0")"
OUT=../static/vendor/pkijs.js

if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
  if [ "${CI:-}" = "true" ]; then
    echo "FAILED: npm (Node.js) is needed to build backoffice/web/static/vendor/pkijs.js" \
      "(signing in the browser); install it, e.g. apt-get install nodejs npm" >&2
    exit 1
  fi
  echo "NOTE: npm not found: backoffice/web/static/vendor/pkijs.js was NOT built, so the portal" \
    "offers no signing in the browser (uploading a .p7s still works). Install Node.js and npm" \
    "(e.g. apt-get install nodejs npm), then run: make assets" >&2
  exit 0
fi

npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
mkdir -p "$(dirname "$OUT")"
./node_modules/.bin/esbuild entry.js --bundle --minify --format=iife --global-name=PKIBundle \
  --target=es2020 --legal-comments=eof --log-level=warning \
  --banner:js="/* PKI.js $(node -p 'require("pkijs/package.json").version') and asn1js $(node -p 'require("asn1js/package.json").version') with their dependencies, from npm (licences at the end), bundled by backoffice/web/assets/build.sh: not edited by hand. */" \
  --outfile="$OUT.tmp"
mv "$OUT.tmp" "$OUT"
echo "built backoffice/web/static/vendor/pkijs.js ($(wc -c <"$OUT") bytes)"
