#!/usr/bin/python3
"""Compares the graded runs: solutions must pass every graded test, stubs must fail every one, same tests in both."""
import json
import pathlib
import sys

grades, labs = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
lab_names = sorted(p.name for p in labs.iterdir() if (p / "pom.xml").exists())
problems = []
for lab in lab_names:
    runs = {}
    for kind in ("solutions", "stubs"):
        f = grades / kind / f"{lab}.json"
        if not f.exists():
            problems.append(f"{lab}: no grade.json from the {kind} run (did the module compile and run?)")
            continue
        runs[kind] = {t["id"]: t["passed"] for t in json.loads(f.read_text(encoding="utf-8"))["tests"]}
    if len(runs) < 2:
        continue
    sol, stub = runs["solutions"], runs["stubs"]
    if not sol:
        problems.append(f"{lab}: no graded tests")
    problems += [f"{lab}: solution FAILS {t}" for t, ok in sol.items() if not ok]
    problems += [f"{lab}: stub PASSES {t} (vacuous grader)" for t, ok in stub.items() if ok]
    if set(sol) != set(stub):
        problems.append(f"{lab}: different tests in the two runs: {sorted(set(sol) ^ set(stub))}")
    print(f"{lab}: {sum(sol.values())}/{len(sol)} pass on solutions, {sum(stub.values())}/{len(stub)} pass on stubs")
if problems:
    print("\n".join(["grading check FAILED:"] + problems))
    sys.exit(1)
print(f"grading check passed for {len(lab_names)} labs")
