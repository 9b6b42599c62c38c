#!/usr/bin/env bash
# Rebuild the span recogniser shipped in kg/data/ner/ from ../shared/data, in one command:
#   scripts/ner/train.sh            (from the repository root, with the venv's python)
# Splits (fixed seeds: CLUENER, People's Daily and MSRA 80/10/10; Resume train 90/10 and
# its dev file as test), DocBin corpora with partial annotation (labels a data set does
# not annotate are "missing", not O: scripts/ner/README.md), then spaCy training on
# CPU with one thread. About 35 minutes on one core; the model is ~12 MB.
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=${PY:-.venv/bin/python}
OUT=${OUT:-scripts/ner/work/run}
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 PYTHONHASHSEED=0
"$PY" scripts/ner/convert.py --org-mode missing
"$PY" -m spacy train scripts/ner/config.cfg --code scripts/ner/code.py --output "$OUT" "$@"
rm -rf kg/data/ner
cp -r "$OUT/model-best" kg/data/ner
echo "kg/data/ner ready: $(du -sh kg/data/ner | cut -f1)"
