#!/usr/bin/python3
"""Every lab's stub sources and its solution sources name the same files (labs/X/src/main/java <-> solutions/X/...)."""
import pathlib
import sys

root = pathlib.Path(__file__).resolve().parent.parent
problems = []
for lab in sorted((root / "labs").iterdir()):
    if not (lab / "pom.xml").exists():
        continue
    stub_dir, sol_dir = lab / "src/main/java", root / "solutions" / lab.name / "src/main/java"
    stubs = {p.relative_to(stub_dir) for p in stub_dir.rglob("*.java")}
    sols = {p.relative_to(sol_dir) for p in sol_dir.rglob("*.java")} if sol_dir.exists() else set()
    for missing in sorted(stubs - sols):
        problems.append(f"{lab.name}: no solution for {missing}")
    for extra in sorted(sols - stubs):
        problems.append(f"{lab.name}: solution without stub: {extra}")
    print(f"{lab.name}: {len(stubs)} stub files, {len(sols)} solution files")
if problems:
    print("\n".join(["mirror check FAILED:"] + problems))
    sys.exit(1)
print("mirror check passed")
