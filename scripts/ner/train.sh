#!/usr/bin/env bash
# Rebuild the span recogniser shipped in kg/data/ner/ from ../shared/data, in one command:
#   scripts/ner/train.sh            (from the repository root, with the venv's python)
# Splits (fixed seeds: CLUENER, People's Daily and MSRA 80/10/10; Resume train 90/10 and
# its dev file as test), DocBin corpora with partial annotation (labels a data set does
# not annotate are "missing", not O: scripts/ner/README.md), then spaCy training on
# CPU with one thread. About 35 minutes on one core; the model is ~12 MB.
# Environment: OUT (training folder, default scripts/ner/work/run), CORPUS (DocBins,
# default scripts/ner/work/corpus), INSTALL=0 to train without replacing kg/data/ner,
# WEIGHTS (times each train split appears in the joint corpus, e.g. "cluener=2"; default once each).
# Extra arguments go to `spacy train` (config overrides, e.g. --training.max_steps 500).
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=${PY:-.venv/bin/python}
OUT=${OUT:-scripts/ner/work/run}
CORPUS=${CORPUS:-scripts/ner/work/corpus}
INSTALL=${INSTALL:-1}
WEIGHTS=${WEIGHTS:-}
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 PYTHONHASHSEED=0
weight_args=()
for w in $WEIGHTS; do weight_args+=(--weight "$w"); done
"$PY" scripts/ner/convert.py --org-mode missing "${weight_args[@]}" --corpus "$CORPUS"
"$PY" -m spacy train scripts/ner/config.cfg --code scripts/ner/code.py --output "$OUT" \
    --paths.train "$CORPUS/train_all.spacy" --paths.dev "$CORPUS/cluener.dev.spacy" "$@"
if [ "$INSTALL" = 1 ]; then
    rm -rf kg/data/ner
    cp -r "$OUT/model-best" kg/data/ner
    echo "kg/data/ner ready: $(du -sh kg/data/ner | cut -f1)"
fi
