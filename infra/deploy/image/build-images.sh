#!/usr/bin/env bash
# Builds one OCI image tarball per service WITHOUT a container engine or a registry: Jib (jib-maven-plugin from Maven
# Central, run from the command line, no pom change) on a base assembled here from the build machine's own JDK 17
# (a jlink runtime) and the C libraries that runtime links against.
#
#   infra/deploy/image/build-images.sh [service...]     (default: all four; run `mvn -B -DskipTests package` first)
#
# Output: <service>/target/jib-image.tar (Docker/OCI archive: `docker load -i`, `podman load -i`, `crane push`),
# image name registry.example.com/verifier/<service>:0.1.0 (override with IMAGE_PREFIX / IMAGE_TAG).
# The image: user 10001, /opt/java (the runtime), /app (classes and dependency jars, Jib's layering), an empty /tmp,
# entrypoint `java -cp @/app/jib-classpath-file <main class>`, no shell. Where a registry is reachable, prefer an
# official base instead: `-Djib.from.image=eclipse-temurin:17-jre` and drop the extra directory (see README.md).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
cd "$ROOT"
JIB="com.google.cloud.tools:jib-maven-plugin:${JIB_VERSION:-3.4.6}"
PREFIX="${IMAGE_PREFIX:-registry.example.com/verifier}"
TAG="${IMAGE_TAG:-0.1.0}"
BASE="$ROOT/infra/deploy/image/target/base"
# jdeps --print-module-deps of the services' jars, plus what is loaded by name or service lookup (EC keys for ES256,
# DNS, zip file system, JMX for metrics)
MODULES="java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http,\
java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.xml,jdk.crypto.ec,jdk.jfr,jdk.management,\
jdk.naming.dns,jdk.net,jdk.unsupported,jdk.zipfs"
SERVICES=("$@")
[ ${#SERVICES[@]} -gt 0 ] || SERVICES=(authorize-service token-service client-registry resource-api)

build_base() {
  rm -rf "$BASE"
  mkdir -p "$BASE/opt" "$BASE/etc" "$BASE/tmp"
  jlink --add-modules "$MODULES" --strip-debug --no-man-pages --no-header-files --compress=2 --output "$BASE/opt/java"
  # Debian's cacerts is a link into /etc/ssl: store the file itself
  cp --remove-destination -L "$(readlink -f "$(dirname "$(readlink -f "$(command -v jlink)")")/../lib/security/cacerts")" \
    "$BASE/opt/java/lib/security/cacerts"
  # the C libraries of every executable and shared object of the runtime, at the same paths
  find "$BASE/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -print0 \
    | xargs -0 ldd 2>/dev/null | grep -o '/[^ ]*' | grep -v "^$BASE" | sort -u \
    | while read -r lib; do
        [ -e "$lib" ] || continue
        mkdir -p "$BASE$(dirname "$lib")"
        cp -L "$lib" "$BASE$lib"
      done
  printf 'root:x:0:0:root:/:/sbin/nologin\nverifier:x:10001:10001:verifier:/tmp:/sbin/nologin\n' > "$BASE/etc/passwd"
  printf 'root:x:0:\nverifier:x:10001:\n' > "$BASE/etc/group"
}

main_class() {
  sed -n 's:.*<exec.mainClass>\(.*\)</exec.mainClass>.*:\1:p' "$1/pom.xml"
}

build_base
for s in "${SERVICES[@]}"; do
  echo "Building $PREFIX/$s:$TAG -> $s/target/jib-image.tar"
  mvn -B -q -pl "$s" "$JIB:buildTar" \
    -Djib.from.image=scratch \
    -Djib.to.image="$PREFIX/$s:$TAG" \
    -Djib.container.format=OCI \
    -Djib.extraDirectories.paths="$BASE" \
    -Djib.extraDirectories.permissions='/opt/java/bin/*=755,/opt/java/lib/jspawnhelper=755,/lib64/*=755,/lib/x86_64-linux-gnu/*=755,/tmp=777' \
    -Djib.container.user=10001:10001 \
    -Djib.container.workingDirectory=/tmp \
    -Djib.container.environment=JAVA_HOME=/opt/java \
    -Djib.container.entrypoint="/opt/java/bin/java,-cp,@/app/jib-classpath-file,$(main_class "$s")"
done
