#!/usr/bin/env bash
# Rebuild the vendored plotly.js bundle for the strategy MkDocs site.
#
#   tools/plotly/build.sh
#
# Installs the pinned toolchain from package-lock.json (npm ci), bundles
# index.js with esbuild into a minified IIFE and writes it, together with
# plotly.js's MIT licence, to plugins/strategy_site/assets/vendor/.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
OUT_DIR="$REPO/plugins/strategy_site/assets/vendor"
OUT="$OUT_DIR/plotly-strategy.min.js"

cd "$HERE"
npm ci --no-audit --no-fund

PLOTLY_VERSION="$(node -p "require('plotly.js/package.json').version")"
ESBUILD_VERSION="$(node -p "require('esbuild/package.json').version")"
PLOTLY_COPYRIGHT="$(grep -m1 '^Copyright' node_modules/plotly.js/LICENSE)"

BANNER="/*! plotly-strategy.min.js: custom plotly.js v${PLOTLY_VERSION} bundle (traces: bar, pie, scatter, sunburst, treemap, barpolar; locale: no). Global: window.Plotly. Built with esbuild v${ESBUILD_VERSION} by tools/plotly/build.sh.
 * plotly.js v${PLOTLY_VERSION} | ${PLOTLY_COPYRIGHT} | MIT License | https://github.com/plotly/plotly.js
 * Full plotly.js licence text: LICENSE.plotly.txt next to this file. Licence notices of bundled third-party modules are kept at the end of this file. */"

mkdir -p "$OUT_DIR"
# plotly.js's registry.js has require('maplibre-gl/dist/maplibre-gl.css'), only
# reached when a "map" trace is registered. We register none, so the CSS is
# dropped (--loader:.css=empty) instead of esbuild emitting a stray .css file.
rm -f "$OUT_DIR/plotly-strategy.min.css"
npx --no-install esbuild index.js \
  --bundle \
  --minify \
  --format=iife \
  --platform=browser \
  --target=es2017 \
  --define:global=window \
  --loader:.css=empty \
  --legal-comments=eof \
  "--banner:js=$BANNER" \
  --outfile="$OUT"

cp node_modules/plotly.js/LICENSE "$OUT_DIR/LICENSE.plotly.txt"

RAW=$(wc -c < "$OUT")
GZ=$(gzip -9 -c "$OUT" | wc -c)
echo "plotly.js ${PLOTLY_VERSION}, esbuild ${ESBUILD_VERSION}"
echo "wrote ${OUT#"$REPO"/}"
awk -v r="$RAW" -v g="$GZ" 'BEGIN { printf "  raw:  %d bytes (%.2f MB)\n  gzip: %d bytes (%.2f MB, gzip -9)\n", r, r/1e6, g, g/1e6 }'
