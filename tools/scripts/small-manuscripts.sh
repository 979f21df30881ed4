#!/usr/bin/env bash
# Writes COUNT small distinct manuscripts into DIR for batch benchmarks: each a 60-line excerpt of a corpus novel under
# its own title ("Manuscript N", one chapter), taken at a different place in each so no two share their content.
# Usage: tools/scripts/small-manuscripts.sh COUNT DIR [CORPUS]   (CORPUS default: ../shared/corpus beside the checkout)
set -euo pipefail
count="${1:?usage: small-manuscripts.sh COUNT DIR [CORPUS]}"
dir="${2:?usage: small-manuscripts.sh COUNT DIR [CORPUS]}"
corpus="${3:-$(cd "$(dirname "$0")/../../.." && pwd)/shared/corpus}"
mkdir -p "$dir"
mapfile -t books < <(ls "$corpus"/*.txt)
for ((i = 0; i < count; i++)); do
  book="${books[$((i % ${#books[@]}))]}"
  lines=$(wc -l <"$book")
  start=$(( (i * 7919) % (lines - 80) + 1 ))
  { printf 'Manuscript %d\n\nChapter 1\n\n' "$i"; sed -n "${start},$((start + 59))p" "$book"; } >"$dir/m$(printf %05d "$i").txt"
done
