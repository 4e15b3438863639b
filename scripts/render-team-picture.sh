#!/usr/bin/env bash
# Renders docs/team-heatmap.png: the heatmap sheet of a team workbook collected from the demo
# workbook, as LibreOffice draws it (its colours, the frozen names and headers), so the README
# shows what a person sees rather than what we think we wrote.
# Needs: soffice (libreoffice-calc-nogui) and pdftoppm (poppler-utils).
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in soffice pdftoppm; do
  command -v "$tool" >/dev/null || { echo "render-team-picture: $tool is missing (apt-get install libreoffice-calc-nogui poppler-utils)." >&2; exit 2; }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

npm run build:cli --silent
node lib/demo/demo.js "$work/demo" >/dev/null
# collect exits 1 here: the demo team has people below their target, which is what the picture shows.
status=0
# Run from the work folder, so the heatmap's Source column shows the path a user would type.
(cd "$work" && node "$OLDPWD/bin/hr-competency.js" collect demo/competency-demo.xlsx --out team.xlsx >/dev/null) || status=$?
[ "$status" -le 1 ] || { echo "render-team-picture: collect failed (exit $status)." >&2; exit 1; }

# Each sheet on one page of its own size, so the heatmap is not cut into printer pages; the
# heatmap is the first sheet, so the first page.
soffice "-env:UserInstallation=file://$work/profile" --headless \
  --convert-to 'pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}' \
  --outdir "$work" "$work/team.xlsx" >/dev/null 2>&1
# The left part: names, levels, sources and the first criteria, with an unmet essential (red) and an invalid score (?).
pdftoppm -png -r 90 -f 1 -l 1 -x 0 -y 0 -W 2500 -H 380 -singlefile "$work/team.pdf" docs/team-heatmap
echo "Wrote docs/team-heatmap.png"
