#!/usr/bin/env bash
# Executes every notebook headlessly against the course cluster and fails on any cell error (CI: .ci/run).
# The committed notebooks are never written: executed copies (.ipynb + .html) go to target/notebooks/.
# Workload sizes are small here unless --full (or the NB_* variables) say otherwise.
#
# Usage: notebooks/check.sh [--full] [NOTEBOOK...]     e.g. notebooks/check.sh 04-performance.ipynb
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NOTEBOOKS="$ROOT/notebooks"
OUT="$ROOT/target/notebooks"
KERNEL_NAME="kafka-course"
CELL_TIMEOUT="${NB_CELL_TIMEOUT:-300}"   # seconds per cell; a hung cell fails the run instead of blocking CI

full=0
selected=()
for arg in "$@"; do
  case "$arg" in
    --full) full=1 ;;
    -h|--help) sed -n '2,7p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) selected+=("$arg") ;;
  esac
done

# Small workloads for CI (each notebook reads these with envInt(name, fullSize)); --full keeps the notebooks' sizes.
if [[ "$full" == 0 ]]; then
  export NB_RECORDS="${NB_RECORDS:-3000}"
  export NB_IO_MB="${NB_IO_MB:-16}"
  export NB_SECONDS="${NB_SECONDS:-4}"
fi

say() { printf '[노트북 점검] %s\n' "$*"; }
now() { if [[ -n "${EPOCHREALTIME:-}" ]]; then echo "${EPOCHREALTIME/,/.}"; else date +%s; fi; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# 1. nbconvert (Debian's /usr/bin/python3 first: the python3 first on PATH may lack nbformat).
py=""
for candidate in /usr/bin/python3 python3; do
  if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import nbconvert, nbclient' >/dev/null 2>&1; then
    py="$(command -v "$candidate")"
    break
  fi
done
if [[ -z "$py" ]]; then
  say "nbconvert 가 없습니다. 설치: sudo apt-get install jupyter-notebook python3-nbconvert python3-nbclient python3-ipykernel" >&2
  exit 1
fi

# 2. Notebooks must be committed clean (no outputs, no execution counts).
dirty="$("$py" - "$NOTEBOOKS" <<'PY'
import glob, os, sys, nbformat
for path in sorted(glob.glob(os.path.join(sys.argv[1], "[0-9][0-9]-*.ipynb"))):
    nb = nbformat.read(path, as_version=4)
    if any(c.cell_type == "code" and (c.outputs or c.execution_count) for c in nb.cells):
        print(os.path.basename(path))
PY
)"
if [[ -n "$dirty" ]]; then
  say "출력이 저장된 노트북이 있습니다(출력 없이 커밋해야 합니다): $dirty" >&2
  say "  지우기: $py -m nbconvert --clear-output --inplace notebooks/NN-*.ipynb" >&2
  exit 1
fi

# 3. The course kernel and the cluster (both idempotent). The kernelspec is always rewritten for this checkout:
#    one left by another copy of the course (moved, re-cloned, deleted) would start a kernel with a dead classpath.
"$NOTEBOOKS/kernel/install.sh"
if [[ -x "$ROOT/course" ]]; then
  "$ROOT/course" cluster up
else
  java -cp "$ROOT/course-kit/target/course-kit-1.0.0-SNAPSHOT.jar:$(cat "$ROOT/course-kit/target/runtime.classpath")" \
    kafkacourse.kit.cli.CourseCli cluster up
fi

# 4. Execute each notebook into target/notebooks/ and render it to HTML there.
if [[ ${#selected[@]} -eq 0 ]]; then
  mapfile -t selected < <(cd "$NOTEBOOKS" && ls [0-9][0-9]-*.ipynb)
fi
# One headless run of a notebook; the executed copy goes to $OUT, never over the committed notebook.
execute() {
  (cd "$NOTEBOOKS" && "$py" -m nbconvert --to notebook --execute \
      --ExecutePreprocessor.kernel_name="$KERNEL_NAME" \
      --ExecutePreprocessor.timeout="$CELL_TIMEOUT" \
      --ExecutePreprocessor.startup_timeout=40 \
      --output-dir "$OUT" --output "$1" "$1") >"$2" 2>&1
}
# A kernel that does not answer kernel_info in time is not a notebook error, so such a run is retried once. (The kernel's
# own start race, which caused this in about one start in five, is fixed by kernel/patch/LoopThread.java.)
kernel_start_failed() { grep -q -E "Kernel didn't respond|Kernel died before replying" "$1"; }

mkdir -p "$OUT"
ln -sfn "$NOTEBOOKS/images" "$OUT/images"   # the rendered HTML shows the diagrams too
failed=()
report=()
total_start=$(now)
for nb in "${selected[@]}"; do
  nb="$(basename "$nb")"
  [[ -f "$NOTEBOOKS/$nb" ]] || { say "노트북이 없습니다: $nb" >&2; failed+=("$nb"); continue; }
  start=$(now)
  log="$OUT/${nb%.ipynb}.log"
  if execute "$nb" "$log" || { kernel_start_failed "$log" && say "$nb: 커널이 시작 중에 응답하지 않아 한 번 더 실행합니다" && execute "$nb" "$log"; }; then
    status="통과"
    "$py" -m nbconvert --to html --output-dir "$OUT" "$OUT/$nb" >>"$log" 2>&1 || true
  else
    status="실패"
    failed+=("$nb")
    # The failing cell's error, for the CI log (nbclient's CellExecutionError names the cell and the exception).
    grep -v -E '^\[[0-9-]+ [0-9:]+\] \[(INFO|FINE)' "$log" | tail -n 25 | sed 's/^/    | /' >&2
  fi
  secs=$(since "$start")
  report+=("$(printf '%-28s %6s초  %s' "$nb" "$secs" "$status")")
  say "$(printf '%-28s %6s초  %s' "$nb" "$secs" "$status")"
done
total=$(since "$total_start")

echo
say "결과 (실행본: ${OUT#$ROOT/}/)"
printf '  %s\n' "${report[@]}"
say "$(printf '전체 %d개, 실패 %d개, 총 %s초' "${#selected[@]}" "${#failed[@]}" "$total")"
if [[ ${#failed[@]} -gt 0 ]]; then
  say "실패한 노트북: ${failed[*]} (로그: ${OUT#$ROOT/}/*.log)" >&2
  exit 1
fi
