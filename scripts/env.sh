# shellcheck shell=bash
# Sourced by ./darwin and .ci/run: finds a JDK >= 21 and makes sure the Maven wrapper is ready.
# Sets JAVA_HOME and PATH; prints why and fails when it cannot.

darwin_java_major() {
  # prints the feature version of the java launcher given as $1, or nothing
  "$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

darwin_find_jdk() {
  local candidate major best="" best_major=0
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  for candidate in /usr/lib/jvm/* /usr/local/lib/jvm/* /opt/java/* /opt/*jdk* "$HOME"/.sdkman/candidates/java/*; do
    [ -d "$candidate" ] && candidates+=("$candidate")
  done
  for candidate in "${candidates[@]}"; do
    [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(darwin_java_major "$candidate/bin/java")
    [ -n "$major" ] || continue
    # JAVA_HOME wins when it qualifies; otherwise the newest JDK found
    if [ "$candidate" = "${JAVA_HOME:-}" ] && [ "$major" -ge 21 ]; then
      best="$candidate"; break
    fi
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best="$candidate"; best_major="$major"
    fi
  done
  [ -n "$best" ] || return 1
  printf '%s\n' "$best"
}

darwin_setup_java() {
  local jdk
  if ! jdk=$(darwin_find_jdk); then
    echo "darwin: no JDK 21 or newer found (looked at JAVA_HOME, PATH and /usr/lib/jvm)." >&2
    echo "darwin: install one (for example Temurin 21 or 25) and set JAVA_HOME to it." >&2
    return 1
  fi
  export JAVA_HOME="$jdk"
  export PATH="$JAVA_HOME/bin:$PATH"
}

# The Maven wrapper's properties name the distribution to download. They are written once, on
# first use, by the wrapper plugin of the Maven already installed, so that the project pins the
# Maven version without carrying a repository address of its own.
DARWIN_MAVEN_VERSION=3.9.11
DARWIN_WRAPPER_VERSION=3.3.4

darwin_setup_wrapper() {
  local root="$1" props="$1/.mvn/wrapper/maven-wrapper.properties"
  [ -f "$props" ] && return 0
  if ! command -v mvn >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "darwin: installing Maven to bootstrap the Maven wrapper" >&2
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq maven) >&2 || return 1
    else
      echo "darwin: Maven is needed once to set up the Maven wrapper; install it (apt-get install maven)." >&2
      return 1
    fi
  fi
  (cd "$root" && mvn -q -B -N "org.apache.maven.plugins:maven-wrapper-plugin:$DARWIN_WRAPPER_VERSION:wrapper" \
      -Dmaven="$DARWIN_MAVEN_VERSION" -Dtype=only-script) >&2 || {
    echo "darwin: could not set up the Maven wrapper" >&2
    return 1
  }
  # the plugin also rewrites the scripts; keep the committed ones
  (cd "$root" && git checkout -- mvnw 2>/dev/null) || true
}

# The trainer runs untrusted programs inside a bubblewrap sandbox where bubblewrap works; its
# tests of the sandbox skip themselves without it. As root with apt-get (CI), install it quietly;
# otherwise, or when that fails, say so in one line and go on.
darwin_setup_sandbox() {
  command -v bwrap >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 \
      && (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq bubblewrap) >/dev/null 2>&1 \
      && command -v bwrap >/dev/null 2>&1; then
    echo "darwin: installed bubblewrap for the process sandbox" >&2
    return 0
  fi
  echo "darwin: bubblewrap (bwrap) is not installed; child processes run unsandboxed and the sandbox tests skip" >&2
  return 0
}

# The live page's browser test drives Debian's Chromium through its WebDriver and skips itself
# without them. As root with apt-get (CI), install both quietly; otherwise say so in one line.
darwin_setup_browser() {
  command -v chromedriver >/dev/null 2>&1 && { command -v chromium >/dev/null 2>&1 || [ -x /usr/lib/chromium/chromium ]; } \
    && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 \
      && (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver) >/dev/null 2>&1 \
      && command -v chromedriver >/dev/null 2>&1; then
    echo "darwin: installed chromium and chromium-driver for the live page's browser test" >&2
    return 0
  fi
  echo "darwin: chromium and chromium-driver are not installed; the live page's browser test skips" >&2
}

# The tests of the Slurm executor run darwin against a single-node Slurm cluster on this machine
# (scripts/slurm-cluster.sh), which needs root and the packages slurm-wlm and munge. As root with
# apt-get (CI), install them quietly and require those tests to run (DARWIN_REQUIRE_SLURM=1);
# otherwise they skip themselves, saying why.
darwin_setup_slurm() {
  if command -v slurmctld >/dev/null 2>&1 && command -v munged >/dev/null 2>&1; then
    [ "$(id -u)" = 0 ] && export DARWIN_REQUIRE_SLURM=1
    return 0
  fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 \
      && (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge) >/dev/null 2>&1 \
      && command -v slurmctld >/dev/null 2>&1; then
    echo "darwin: installed slurm-wlm and munge for the tests of the Slurm executor" >&2
    export DARWIN_REQUIRE_SLURM=1
    return 0
  fi
  echo "darwin: Slurm (slurm-wlm, munge) is not installed; the tests of the Slurm executor skip" >&2
  return 0
}
