#!/usr/bin/env bash
# Regenerates the committed carebundle fixtures in tests/fhir/carebundle/ (the tests read
# the committed files and never need the generator). Installs the pinned generator
# (requirements.txt) from PyPI into a virtual environment, $FHIR_FIXTURES_VENV
# (default target/fhir-fixtures-venv).
#
#   bash tools/fhir-fixtures/generate.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
VENV="${FHIR_FIXTURES_VENV:-target/fhir-fixtures-venv}"
OUT=tests/fhir/carebundle
if [ ! -x "$VENV/bin/carebundle" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet -r tools/fhir-fixtures/requirements.txt
fi
export PATH="$(cd "$VENV" && pwd)/bin:$PATH"
carebundle generate --profile ckd_stage3 --seed 17 > "$OUT/ckd_stage3-17.json"
carebundle generate --profile type2_diabetes --seed 42 --sex M > "$OUT/type2_diabetes-42.json"
carebundle generate --profile anaemia --seed 5 > "$OUT/anaemia-5.json"
python3 tools/fhir-fixtures/defects.py ckd_stage3 23 99 > "$OUT/ckd_stage3-23-defects-99.json"
rm -rf "$OUT/bulk-mixed-3"
carebundle generate --profile mixed --count 12 --seed 3 --format ndjson --out "$OUT/bulk-mixed-3"
echo "carebundle fixtures written to $OUT"
