#!/usr/bin/env bash
# `npm run notebooks`: execute every notebook in examples/ headless with the tslab
# (TypeScript) kernel against the freshly built package, fail on any cell error (a type
# error included: tslab type-checks each cell), and write the executed notebooks back with
# their outputs, so they read well on a forge.
#
# Installs what it needs when missing: Debian's Jupyter (nbconvert, nbclient, IPython) via
# apt, and tslab (pinned) via npm into a temporary folder, so the project's own
# dependencies stay as they are. The kernel is registered in a temporary Jupyter prefix;
# nothing is left in ~/.local or /usr/local.
#
# usage: scripts/run-notebooks.sh [examples/NAME.ipynb …]   (default: every notebook)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PY=/usr/bin/python3   # Debian's python: the one apt's Jupyter packages belong to
TSLAB_VERSION=1.0.22

start=$(date +%s)
if ! "$PY" -c 'import nbconvert, nbclient, IPython, jupyter_core' 2>/dev/null; then
  echo "notebooks: installing Jupyter from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends jupyter-nbconvert python3-nbclient jupyter-core python3-ipython >/dev/null
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/forlob-notebooks.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

echo "notebooks: installing tslab@$TSLAB_VERSION"
mkdir -p "$TMP/tslab"
(cd "$TMP/tslab" && echo '{"private":true}' >package.json && npm install --no-audit --no-fund --loglevel=error -E "tslab@$TSLAB_VERSION" >/dev/null)
TSLAB="$TMP/tslab/node_modules/.bin/tslab"
"$TSLAB" install --python "$PY" --binary "$TSLAB" --prefix "$TMP/jupyter" >/dev/null
export JUPYTER_PATH="$TMP/jupyter/share/jupyter"

echo "notebooks: building the package"
npm run build --silent >/dev/null

if [ $# -gt 0 ]; then books=("$@"); else books=(examples/*.ipynb); fi
mkdir -p "$TMP/out"
setup=$(($(date +%s) - start))
echo "notebooks: setup took ${setup}s"
for nb in "${books[@]}"; do
  t0=$(date +%s)
  # Executed into a temporary folder first: a failing notebook never overwrites the
  # committed one. The notebook's own folder is the working directory (relative imports).
  # --allow-errors keeps going so the check below can print what tslab said (its type
  # errors and stack traces go to the cell's stdout, not into nbconvert's message).
  "$PY" -m nbconvert --to notebook --execute --allow-errors \
    --ExecutePreprocessor.kernel_name=tslab \
    --ExecutePreprocessor.timeout=600 \
    --ExecutePreprocessor.record_timing=False \
    --output-dir "$TMP/out" "$nb" --log-level=WARN
  if ! "$PY" - "$TMP/out/$(basename "$nb")" <<'CHECK'
import json, sys
nb = json.load(open(sys.argv[1]))
bad = 0
for i, cell in enumerate(nb["cells"]):
    outs = cell.get("outputs", [])
    if any(o["output_type"] == "error" or o.get("name") == "stderr" for o in outs):
        bad += 1
        src = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
        print(f"--- cell {i} failed:\n{src}\n--- its output:", file=sys.stderr)
        for o in outs:
            text = o.get("text") or o.get("traceback") or [o.get("ename", ""), ": ", o.get("evalue", "")]
            print("".join(text) if isinstance(text, list) else text, file=sys.stderr)
sys.exit(1 if bad else 0)
CHECK
  then
    echo "notebooks: $nb FAILED (the committed notebook is left as it was)" >&2
    exit 1
  fi
  cp "$TMP/out/$(basename "$nb")" "$nb"
  echo "notebooks: $nb ok in $(($(date +%s) - t0))s"
done
echo "notebooks: all ${#books[@]} ran in $(($(date +%s) - start))s"
