#!/usr/bin/env bash
# Packages the agent for Linux x64 with a runtime of its own, so that the customer needs no Java:
#   target/assist-agent-linux-x64.tar.gz   (unpack anywhere; run assist-agent/bin/assist-agent)
#   target/assist-agent_VERSION_amd64.deb  (installs to /opt/assist-agent)
# jlink makes the small runtime (only the modules the agent uses, English and French locale
# data); jpackage makes the launcher and the .deb (with dpkg-deb and fakeroot). Run by the build
# (package phase) after the agent's jar is made.
set -euo pipefail
target=$1
version=$2
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
jlink=$java_home/bin/jlink
jpackage=$java_home/bin/jpackage
if [ ! -x "$jlink" ] || [ ! -x "$jpackage" ]; then
  echo "No jlink/jpackage in $java_home: the agent's packages with their own runtime are not built." >&2
  exit 0
fi
if ! command -v fakeroot >/dev/null && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "Installing fakeroot (for the agent's .deb)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fakeroot </dev/null >/dev/null ||
    { apt-get update -qq </dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fakeroot </dev/null >/dev/null; }
fi

work=$target/package
rm -rf "$work"
mkdir -p "$work/input"
cp "$target/assist-agent.jar" "$work/input/"
# the modules the agent's jar needs (jdeps --print-module-deps), TLS's elliptic curves and the
# French locale data
"$jlink" --add-modules java.base,java.desktop,java.management,java.naming,java.scripting,java.security.jgss,java.sql,jdk.unsupported,jdk.crypto.ec,jdk.localedata \
  --include-locales=en,fr --strip-debug --no-man-pages --no-header-files --compress=2 \
  --output "$work/runtime"
# class-data sharing: the JDK classes the agent loads in a session (agent.classlist, written by
# PackagedAgentIT from a real one) parsed once, here, into the runtime's own archive
# (lib/server/classes.jsa), which the runtime maps at start wherever it is unpacked: the agent is
# online ~0.15 s sooner and 9 MB smaller. The agent's own classes are left out: an archive of them
# holds the jar's path, and the jar moves when the package is installed.
if ! "$work/runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$(dirname "$0")/agent.classlist" \
    -Xlog:cds=off >"$work/cds.log" 2>&1; then
  cat "$work/cds.log" >&2
  exit 1
fi
# the same small-memory settings as assist-agent.sh
"$jpackage" --type app-image --name assist-agent --app-version "$version" \
  --input "$work/input" --main-jar assist-agent.jar --main-class org.assist.agent.Main \
  --runtime-image "$work/runtime" --dest "$work/image" \
  --java-options "-Xmx32m -Xms8m -XX:MaxNewSize=3m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=16m -Xss256k -XX:MaxDirectMemorySize=8m -XX:-UsePerfData -XX:+IgnoreUnrecognizedVMOptions -XX:TrimNativeHeapInterval=5000"
tar -czf "$target/assist-agent-linux-x64.tar.gz" -C "$work/image" assist-agent
rm -f "$target"/assist-agent_*.deb
"$jpackage" --type deb --app-image "$work/image/assist-agent" --name assist-agent \
  --app-version "$version" --vendor "Assist" --dest "$target" \
  --description "Assist remote-support agent: lets a help desk support this computer, with its user's consent" \
  --linux-package-name assist-agent --linux-app-category net
echo "Agent packages: $target/assist-agent-linux-x64.tar.gz $(ls "$target"/assist-agent_*.deb)"
