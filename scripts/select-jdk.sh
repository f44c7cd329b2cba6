# Sourced by test.sh, run.sh and .ci/run: points JAVA_HOME at a JDK >= 21 (the build targets release 21).
# Keeps a JAVA_HOME that is already >= 21; else prefers Temurin 25; else any JDK >= 21 under /usr/lib/jvm
# or on the PATH.
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1; }
pick_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    return 0
  fi
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    if [ -x "$candidate/bin/javac" ] && [ "$(java_major "$candidate")" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"; return 0
    fi
  done
  if command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    if [ "$(java_major "$candidate")" -ge 21 ] 2>/dev/null; then export JAVA_HOME="$candidate"; return 0; fi
  fi
  echo "No JDK >= 21 found: install one (e.g. Temurin 21 or 25) or set JAVA_HOME." >&2
  return 1
}
pick_jdk
