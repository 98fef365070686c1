#!/usr/bin/python3
"""Every lab's stub sources and its solution sources name the same files (labs/X/src/main/java <-> solutions/X/...),
and a "given" file (a stub file with no TODO: code the learner reads but does not write) is byte-identical in both,
so the graded tests run against the same given code in the stub and the solution runs."""
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
    for same in sorted(stubs & sols):
        stub, sol = stub_dir / same, sol_dir / same
        if "TODO" not in stub.read_text(encoding="utf-8") and stub.read_bytes() != sol.read_bytes():
            problems.append(f"{lab.name}: given file {same} differs between labs/ and solutions/ (copy one over the other)")
    print(f"{lab.name}: {len(stubs)} stub files, {len(sols)} solution files")
if problems:
    print("\n".join(["mirror check FAILED:"] + problems))
    sys.exit(1)
print("mirror check passed")
