@echo off
rem Bootstrap of the Kafka course launcher for Windows: the same steps as the POSIX "course" script, line by line.
rem All logic is Java (kafkacourse.kit.cli in course-kit). Not run in CI (no Windows there).
setlocal
chcp 65001 >nul
set "ROOT=%~dp0"
set "ROOT=%ROOT:~0,-1%"
set "KIT_JAR=%ROOT%\course-kit\target\course-kit-1.0.0-SNAPSHOT.jar"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" (set "JAVA=%JAVA_HOME%\bin\java.exe" & goto :build)
where java >nul 2>nul && (set "JAVA=java" & goto :build)
echo 오류: Java(JDK 17 이상)가 필요합니다. 설치 후 다시 실행하세요. (예: winget install EclipseAdoptium.Temurin.17.JDK) 1>&2
exit /b 1
:build
set "BUILD="
if not exist "%KIT_JAR%" set "BUILD=1"
if not exist "%ROOT%\course-kit\target\runtime.classpath" set "BUILD=1"
if /i "%~1"=="setup" set "BUILD=1"
if not defined BUILD goto :run
echo ▶ 강좌 도구를 빌드하고 Kafka 브로커 jar를 내려받습니다 (처음 한 번은 몇 분 걸릴 수 있습니다) ...
call "%ROOT%\mvnw.cmd" -q -f "%ROOT%\pom.xml" install -DskipTests -pl broker-runtime,course-kit -am
if errorlevel 1 (echo 오류: 강좌 도구를 빌드하지 못했습니다. JDK 17 이상인지 확인하세요 ^(지금: %JAVA%, JAVA_HOME 으로 고를 수 있습니다^). 1>&2 & exit /b 1)
:run
"%JAVA%" -Dfile.encoding=UTF-8 -Dsun.stdout.encoding=UTF-8 -Dsun.stderr.encoding=UTF-8 -Dstdout.encoding=UTF-8 -Dstderr.encoding=UTF-8 -cp "%KIT_JAR%" kafkacourse.kit.cli.Launcher %*
exit /b %ERRORLEVEL%
