#!/usr/bin/env bash
# Installs the course's Java kernel for Jupyter: rapaio-jupyter-kernel (JShell-based, Maven Central) plus a
# user-level kernelspec "kafka-course" (display name "Java (Kafka 강좌)") whose classpath holds kafka-clients,
# course-kit (cluster, display helpers) and the compiled lab classes.
# Absolute paths of this machine go into the kernelspec only, never into the notebooks.
# Called by `./course setup` after the build; safe to run again (it rewrites the kernelspec).
#
# Environment: KAFKA_COURSE_HOME (default ~/.kafka-course) holds the kernel jar;
#              JUPYTER_DATA_DIR overrides where the kernelspec goes.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RJK_VERSION="3.0.1"
KERNEL_NAME="kafka-course"
DISPLAY_NAME="Java (Kafka 강좌)"
COURSE_HOME="${KAFKA_COURSE_HOME:-$HOME/.kafka-course}"
KERNEL_LIB="$COURSE_HOME/kernel"
RJK_JAR="$KERNEL_LIB/rapaio-jupyter-kernel-$RJK_VERSION.jar"
KIT_JAR="$ROOT/course-kit/target/course-kit-1.0.0-SNAPSHOT.jar"
KIT_CLASSPATH="$ROOT/course-kit/target/runtime.classpath"

say() { printf '[노트북 커널] %s\n' "$*"; }
fail() { printf '[노트북 커널] 오류: %s\n' "$*" >&2; exit 1; }

# Jupyter's per-user data directory (where user kernelspecs live), without needing Jupyter itself.
jupyter_data_dir() {
  if [[ -n "${JUPYTER_DATA_DIR:-}" ]]; then
    echo "$JUPYTER_DATA_DIR"
  elif [[ "$(uname -s)" == "Darwin" ]]; then
    echo "$HOME/Library/Jupyter"
  else
    echo "${XDG_DATA_HOME:-$HOME/.local/share}/jupyter"
  fi
}

# The first Jupyter that can run notebooks headlessly and serve them (Debian's /usr/bin first: the python3 first on
# PATH may be a different interpreter without nbformat).
find_jupyter_python() {
  local py
  for py in /usr/bin/python3 python3 python; do
    if command -v "$py" >/dev/null 2>&1 && "$py" -c 'import nbformat, nbclient, jupyter_client' >/dev/null 2>&1; then
      command -v "$py"
      return 0
    fi
  done
  return 1
}

print_jupyter_help() {
  cat <<'MSG'
[노트북 커널] Jupyter가 설치되어 있지 않습니다. 커널은 설치했으니 Jupyter만 설치하면 됩니다.
  Debian/Ubuntu:  sudo apt-get install jupyter-notebook python3-nbconvert python3-nbclient python3-ipykernel
  macOS(Homebrew): brew install jupyterlab
  그 밖(pip):       python3 -m pip install --user notebook nbconvert nbclient ipykernel
  설치한 뒤 ./course start 로 Jupyter를 여세요. (JupyterLab이 있으면 그것을 씁니다)
MSG
}

# 1. Java (the kernel is a Java program; JShell needs a JDK, not just a JRE).
JAVA_BIN="${JAVA_HOME:+$JAVA_HOME/bin/java}"
if [[ -z "$JAVA_BIN" || ! -x "$JAVA_BIN" ]]; then
  JAVA_BIN="$(command -v java || true)"
fi
[[ -n "$JAVA_BIN" ]] || fail "java 를 찾을 수 없습니다. JDK 17 이상을 설치하세요."
JAVA_BIN="$(readlink -f "$JAVA_BIN" 2>/dev/null || echo "$JAVA_BIN")"
[[ -x "$(dirname "$JAVA_BIN")/jshell" ]] || fail "$JAVA_BIN 옆에 jshell 이 없습니다: JRE가 아니라 JDK 17 이상이 필요합니다."

# 2. course-kit built (./course setup builds everything before calling this script).
if [[ ! -f "$KIT_JAR" || ! -f "$KIT_CLASSPATH" ]]; then
  say "course-kit 을 빌드합니다 ..."
  (cd "$ROOT" && ./mvnw -q install -DskipTests -pl course-kit -am) || fail "course-kit 빌드에 실패했습니다. ./course setup 을 먼저 실행하세요."
fi

# 3. The kernel itself, from Maven Central (through Maven, so proxies and mirrors in settings.xml apply).
if [[ ! -f "$RJK_JAR" ]]; then
  say "rapaio-jupyter-kernel $RJK_VERSION 을 내려받습니다 ..."
  mkdir -p "$KERNEL_LIB"
  (cd "$ROOT" && ./mvnw -q -N org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
      -Dartifact="io.github.padreati:rapaio-jupyter-kernel:$RJK_VERSION" -DoutputDirectory="$KERNEL_LIB") \
    || fail "커널 jar 를 내려받지 못했습니다(인터넷 연결/프록시를 확인하세요)."
fi

# 3b. A fixed copy of the kernel's LoopThread, loaded before the kernel jar (see patch/LoopThread.java): the original
#     starts its channel threads with a race that leaves about one kernel start in five hanging before kernel_info.
#     Written against $RJK_VERSION; check the class again when changing RJK_VERSION.
JAVAC_BIN="$(dirname "$JAVA_BIN")/javac"
[[ -x "$JAVAC_BIN" ]] || fail "$JAVA_BIN 옆에 javac 가 없습니다: JRE가 아니라 JDK 17 이상이 필요합니다."
PATCH_DIR="$KERNEL_LIB/patch-$RJK_VERSION"
rm -rf "$PATCH_DIR"
"$JAVAC_BIN" -nowarn -encoding UTF-8 --release 17 -cp "$RJK_JAR" -d "$PATCH_DIR" "$ROOT"/notebooks/kernel/patch/*.java \
  || fail "커널 보정 클래스(notebooks/kernel/patch)를 컴파일하지 못했습니다."

# 4. Kernel classpath: rapaio wants ';' between entries. Kit jar, its runtime dependencies, compiled lab classes.
entries=("$KIT_JAR")
IFS=":" read -r -a kit_deps < "$KIT_CLASSPATH" || true  # no trailing newline: read returns 1
entries+=("${kit_deps[@]}")
for classes in "$ROOT"/labs/lab*/target/classes; do
  [[ -d "$classes" ]] && entries+=("$classes")
done
RJK_CLASSPATH="$(IFS=';'; echo "${entries[*]}")"

# 5. The kernelspec (kernel.json written with Python's json if available, else by hand: values are plain paths).
SPEC_DIR="$(jupyter_data_dir)/kernels/$KERNEL_NAME"
mkdir -p "$SPEC_DIR"
json_escape() { local s="${1//\\/\\\\}"; s="${s//\"/\\\"}"; printf '"%s"' "$s"; }
cat > "$SPEC_DIR/kernel.json" <<JSON
{
  "argv": [
    $(json_escape "$JAVA_BIN"),
    "-Xmx1g",
    "-XX:+UseSerialGC",
    "-Dfile.encoding=UTF-8",
    "-Dsun.stdout.encoding=UTF-8",
    "-Dsun.stderr.encoding=UTF-8",
    "-Djava.awt.headless=true",
    "-cp",
    $(json_escape "$PATCH_DIR:$RJK_JAR"),
    "org.rapaio.jupyter.kernel.MainApp",
    "{connection_file}"
  ],
  "display_name": $(json_escape "$DISPLAY_NAME"),
  "language": "java",
  "interrupt_mode": "message",
  "env": {
    "RJK_CLASSPATH": $(json_escape "$RJK_CLASSPATH"),
    "RJK_INIT_SCRIPT": $(json_escape "$ROOT/notebooks/kernel/init.jshell"),
    "RJK_COMPILER_OPTIONS": "",
    "RJK_TIMEOUT_MILLIS": "-1",
    "RJK_MIMA_CACHE": $(json_escape "$KERNEL_LIB/mima_cache")
  },
  "metadata": {
    "course": "kafka-course",
    "course_root": $(json_escape "$ROOT")
  }
}
JSON
if [[ -f "$ROOT/notebooks/kernel/logo-64x64.png" ]]; then
  cp "$ROOT/notebooks/kernel/logo-64x64.png" "$SPEC_DIR/"
fi
say "커널을 설치했습니다: \"$DISPLAY_NAME\" ($SPEC_DIR/kernel.json)"
say "  클래스패스 항목 ${#entries[@]}개 (course-kit, kafka-clients, 실습 클래스)"

# 6. Jupyter itself.
if py="$(find_jupyter_python)"; then
  say "Jupyter 확인: $py ($("$py" -c 'import jupyter_core; print("jupyter_core", jupyter_core.__version__)' 2>/dev/null || echo '?'))"
else
  print_jupyter_help
fi
