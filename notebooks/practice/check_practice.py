#!/usr/bin/env python3
"""Proves the notebooks' "예측 → 실행 → 확인" checks are honest (CI: .ci/run).

Each notebook with an answer overlay (notebooks/practice/answers/<notebook>.json: exercise id -> answer cell source) is
executed twice into target/practice/: as committed (the blanks) every check must print `[연습 <id>] ✘`, and with the
answer cells replaced by the overlay every check must print `[연습 <id>] ✔`. Answer cells are the code cells whose
metadata has "practice": "<id>". The committed notebooks are never written.

Needs the course kernel (notebooks/kernel/install.sh) and a running course cluster (./course cluster up).
Usage: notebooks/practice/check_practice.py [NOTEBOOK.ipynb ...]
"""
import copy
import json
import os
import re
import subprocess
import sys
import time

import nbformat

HERE = os.path.dirname(os.path.abspath(__file__))
NOTEBOOKS = os.path.dirname(HERE)
ROOT = os.path.dirname(NOTEBOOKS)
OUT = os.path.join(ROOT, "target", "practice")
MARK = re.compile(r"\[연습 ([0-9A-Za-z-]+)\] (✔|✘)")


def say(msg):
    print(f"[노트북 연습 점검] {msg}", flush=True)


def answer_ids(nb):
    return [c.metadata["practice"] for c in nb.cells if c.cell_type == "code" and "practice" in c.metadata]


def execute(path):
    """Runs one notebook copy in place; retried once when the kernel does not answer at start (not a notebook error)."""
    cmd = [sys.executable, "-m", "nbconvert", "--to", "notebook", "--execute", "--inplace",
           "--ExecutePreprocessor.kernel_name=kafka-course",
           f"--ExecutePreprocessor.timeout={os.environ.get('NB_CELL_TIMEOUT', '300')}",
           "--ExecutePreprocessor.startup_timeout=40", path]
    for attempt in (1, 2):
        run = subprocess.run(cmd, capture_output=True, text=True)
        if run.returncode == 0:
            return True, ""
        if attempt == 1 and re.search(r"Kernel didn't respond|Kernel died before replying", run.stderr):
            say(f"{os.path.basename(path)}: 커널이 시작 중에 응답하지 않아 한 번 더 실행합니다")
            continue
        return False, "\n".join(run.stderr.splitlines()[-20:])
    return False, ""


def marks(path):
    """{id: [✔/✘ ...]} from every stream output of the executed notebook."""
    found = {}
    for cell in nbformat.read(path, as_version=4).cells:
        for out in cell.get("outputs", []):
            text = out.get("text", "") if out.get("output_type") == "stream" else ""
            for pid, mark in MARK.findall(text if isinstance(text, str) else "".join(text)):
                found.setdefault(pid, []).append(mark)
    return found


def main(selected):
    os.environ.setdefault("NB_RECORDS", "3000")
    os.environ.setdefault("NB_IO_MB", "16")
    os.environ.setdefault("NB_SECONDS", "4")
    overlays = sorted(f for f in os.listdir(os.path.join(HERE, "answers")) if f.endswith(".json"))
    names = [os.path.splitext(f)[0] + ".ipynb" for f in overlays]
    if selected:
        names = [os.path.basename(s) for s in selected]
    problems = []
    report = []
    for name in names:
        source = os.path.join(NOTEBOOKS, name)
        overlay_path = os.path.join(HERE, "answers", os.path.splitext(name)[0] + ".json")
        if not os.path.exists(source) or not os.path.exists(overlay_path):
            problems.append(f"{name}: 노트북이나 답 파일({os.path.relpath(overlay_path, ROOT)})이 없습니다")
            continue
        nb = nbformat.read(source, as_version=4)
        with open(overlay_path, encoding="utf-8") as f:
            answers = json.load(f)
        ids = answer_ids(nb)
        if not ids or sorted(ids) != sorted(answers):
            problems.append(f"{name}: 노트북의 답 셀 {sorted(ids)} 과 답 파일의 연습 {sorted(answers)} 이 다릅니다")
            continue
        answered = copy.deepcopy(nb)
        for cell in answered.cells:
            if cell.cell_type == "code" and "practice" in cell.metadata:
                cell.source = answers[cell.metadata["practice"]]
        for variant, book, expected in (("blank", nb, "✘"), ("answered", answered, "✔")):
            os.makedirs(os.path.join(OUT, variant), exist_ok=True)
            path = os.path.join(OUT, variant, name)
            nbformat.write(book, path)
            start = time.monotonic()
            ok, err = execute(path)
            secs = time.monotonic() - start
            if not ok:
                problems.append(f"{name} ({variant}): 실행 실패\n{err}")
                report.append(f"{name:26} {variant:9} {secs:6.1f}초  실행 실패")
                continue
            found = marks(path)
            wrong = [f"{pid}: {found.get(pid, ['없음'])}" for pid in ids if found.get(pid) != [expected]]
            extra = sorted(set(found) - set(ids))
            if wrong or extra:
                problems.append(f"{name} ({variant}): 모든 확인이 {expected} 여야 하는데 {wrong + [f'답 셀 없는 확인 {e}' for e in extra]}")
            report.append(f"{name:26} {variant:9} {secs:6.1f}초  " +
                          " ".join(f"{pid}{''.join(found.get(pid, ['?']))}" for pid in ids))
    print()
    say(f"결과 (실행본: {os.path.relpath(OUT, ROOT)}/)")
    for line in report:
        print("  " + line)
    if problems:
        for p in problems:
            say("실패: " + p)
        return 1
    say("모든 연습이 빈칸에서는 ✘, 답을 넣으면 ✔ 입니다.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
