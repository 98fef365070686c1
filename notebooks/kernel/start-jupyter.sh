#!/usr/bin/env bash
# Opens Jupyter on notebooks/ with the course kernel. Called by `./course start [--no-browser]` after the cluster is up.
# Uses JupyterLab when installed, else the classic Notebook (Debian's jupyter-notebook).
# Options: --no-browser (servers, CI), --port N (default 8888, or the next free one), --lab / --classic to choose.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
NOTEBOOKS="$ROOT/notebooks"
browser=1
port="${JUPYTER_PORT:-8888}"
flavour=auto
while [[ $# -gt 0 ]]; do
  case "$1" in
    --no-browser) browser=0 ;;
    --port) port="$2"; shift ;;
    --lab) flavour=lab ;;
    --classic) flavour=notebook ;;
    -h|--help) echo "사용법: ./course start [--no-browser] [--port N] [--lab|--classic]"; exit 0 ;;
    *) echo "[Jupyter] 알 수 없는 옵션: $1 (./course start --help)" >&2; exit 2 ;;
  esac
  shift
done

# The python that has Jupyter (Debian's /usr/bin/python3 first: another python3 on PATH may lack it).
py=""
for candidate in /usr/bin/python3 python3 python; do
  if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import notebook' >/dev/null 2>&1 \
     || { command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import jupyterlab' >/dev/null 2>&1; }; then
    py="$(command -v "$candidate")"
    break
  fi
done
if [[ -z "$py" ]]; then
  cat >&2 <<'MSG'
[Jupyter] Jupyter가 설치되어 있지 않습니다.
  Debian/Ubuntu:  sudo apt-get install jupyter-notebook python3-nbconvert python3-nbclient python3-ipykernel
  macOS(Homebrew): brew install jupyterlab
  그 밖(pip):       python3 -m pip install --user notebook nbconvert nbclient ipykernel
MSG
  exit 1
fi
if [[ "$flavour" == auto ]]; then
  if "$py" -c 'import jupyterlab' >/dev/null 2>&1; then flavour=lab; else flavour=notebook; fi
fi

# The kernelspec must exist (written by notebooks/kernel/install.sh during ./course setup).
if ! "$py" -c 'import sys; from jupyter_client.kernelspec import KernelSpecManager as M; sys.exit(0 if "kafka-course" in M().find_kernel_specs() else 1)' 2>/dev/null; then
  echo "[Jupyter] 강좌 커널이 아직 없습니다. 설치합니다 ..."
  "$ROOT/notebooks/kernel/install.sh"
fi

args=(--notebook-dir="$NOTEBOOKS" --ip=127.0.0.1 --port="$port")
[[ "$browser" == 1 ]] || args+=(--no-browser)
# Jupyter refuses to start as root (containers, cloud VMs) unless told to: the learner asked for it by running us.
if [[ "$(id -u)" == 0 ]]; then
  args+=(--allow-root)
  echo "[Jupyter] root 계정으로 실행 중이라 --allow-root 로 엽니다."
fi
echo "[Jupyter] 노트북을 엽니다: $NOTEBOOKS  (커널: \"Java (Kafka 강좌)\", 종료: Ctrl+C)"
echo "[Jupyter] 먼저 01-what-is-kafka.ipynb 를 여세요. 클러스터 상태: ./course cluster status"
exec "$py" -m "$flavour" "${args[@]}"
