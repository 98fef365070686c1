#!/usr/bin/env bash
# Renders notebooks/images/src/*.mmd → notebooks/images/*.svg. The .mmd files are the one source of these diagrams:
# the notebooks show the SVGs, and docs-ko links the same SVGs (no second mermaid copy that could drift).
# Needs npm, Chromium and a CJK font (Debian: apt-get install npm chromium fonts-noto-cjk); look at the result.
#
# Usage: notebooks/images/render.sh [NAME...]      e.g. notebooks/images/render.sh 04-acks1
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
IMAGES="$ROOT/notebooks/images"
TOOL="$ROOT/target/mermaid-cli"
CHROMIUM="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}"
[[ -n "$CHROMIUM" ]] || { echo "오류: Chromium 이 필요합니다 (Debian: apt-get install chromium fonts-noto-cjk)" >&2; exit 1; }

if [[ ! -x "$TOOL/node_modules/.bin/mmdc" ]]; then
  mkdir -p "$TOOL"
  (cd "$TOOL" && PUPPETEER_SKIP_DOWNLOAD=1 npm install --no-audit --no-fund @mermaid-js/mermaid-cli >/dev/null)
fi
printf '{"executablePath":"%s","args":["--no-sandbox"]}\n' "$CHROMIUM" > "$TOOL/puppeteer.json"

names=("$@")
if [[ ${#names[@]} -eq 0 ]]; then
  for f in "$IMAGES"/src/*.mmd; do names+=("$(basename "$f" .mmd)"); done
fi
for name in "${names[@]}"; do
  "$TOOL/node_modules/.bin/mmdc" -q -p "$TOOL/puppeteer.json" -b white -i "$IMAGES/src/$name.mmd" -o "$IMAGES/$name.svg"
  echo "✔ $name.svg"
done
