#!/usr/bin/python3
"""A lab's code lives in three places (see labs/pom.xml):
  labs/X/src/given/java   given code the learner reads but does not write: ONE copy, compiled with stubs and solutions
  labs/X/src/main/java    the learner's stubs, each with at least one TODO
  solutions/X/src/main/java  the reference solution of each stub, with no TODO left (tasks are marked "과제 N")
This check fails when a stub has no solution (or a solution no stub), a stub has no TODO (it is given code: move it
to src/given/java and delete its solution copy), a file exists both in given/ and in main/ or solutions/, or a
solution still carries a TODO marker."""
import pathlib
import sys

root = pathlib.Path(__file__).resolve().parent.parent


def java_files(directory):
    return {p.relative_to(directory) for p in directory.rglob("*.java")} if directory.exists() else set()


problems = []
for lab in sorted((root / "labs").iterdir()):
    if not (lab / "pom.xml").exists():
        continue
    given_dir, stub_dir = lab / "src/given/java", lab / "src/main/java"
    sol_dir = root / "solutions" / lab.name / "src/main/java"
    given, stubs, sols = java_files(given_dir), java_files(stub_dir), java_files(sol_dir)
    for missing in sorted(stubs - sols):
        problems.append(f"{lab.name}: no solution for {missing}")
    for extra in sorted(sols - stubs):
        problems.append(f"{lab.name}: solution without stub: {extra}")
    for both in sorted(given & (stubs | sols)):
        problems.append(f"{lab.name}: {both} is in src/given/java and also in src/main/java or solutions/ (keep one)")
    for stub in sorted(stubs):
        if "TODO" not in (stub_dir / stub).read_text(encoding="utf-8"):
            problems.append(f"{lab.name}: stub {stub} has no TODO: given code belongs in src/given/java (one copy)")
    for sol in sorted(sols):
        if "TODO" in (sol_dir / sol).read_text(encoding="utf-8"):
            problems.append(f"{lab.name}: solution {sol} still has a TODO marker (write '과제 N')")
    print(f"{lab.name}: {len(given)} given, {len(stubs)} stub and {len(sols)} solution files")
if problems:
    print("\n".join(["mirror check FAILED:"] + problems))
    sys.exit(1)
print("mirror check passed")
