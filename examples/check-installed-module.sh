#!/usr/bin/env bash
# Checks the api-client as a separate project sees it: installs it into a local repository, then,
# outside the build, compiles the README's example unchanged as a module that
# `requires dev.inboxdesk.client` against the installed jars (javac --module-path), and runs it
# against the sandbox. Also checks that the sources and javadoc jars were installed beside the jar.
#
#   examples/check-installed-module.sh [local-repository]   (default: a fresh folder under /tmp)
set -euo pipefail
cd "$(dirname "$0")/.."
repo="${1:-$(mktemp -d)/m2}"
work="$(mktemp -d)"
sandbox_pid=""
trap '[ -n "$sandbox_pid" ] && kill "$sandbox_pid" 2>/dev/null; rm -rf "$work"' EXIT
mvn=(./mvnw --batch-mode --no-transfer-progress --quiet "-Dmaven.repo.local=$repo")

echo "== install the api-client (and the app, for its sandbox) into $repo"
"${mvn[@]}" install -DskipTests -pl api-client,app -am

installed="$repo/dev/inboxdesk/inboxdesk-api-client/0.1.0-SNAPSHOT"
for jar in inboxdesk-api-client-0.1.0-SNAPSHOT.jar inboxdesk-api-client-0.1.0-SNAPSHOT-sources.jar \
    inboxdesk-api-client-0.1.0-SNAPSHOT-javadoc.jar; do
  [ -s "$installed/$jar" ] || { echo "missing: $installed/$jar"; exit 1; }
  echo "installed: $jar"
done

echo "== the consumer's module path, from the installed artifacts"
"${mvn[@]}" -f examples/consumer/pom.xml dependency:build-classpath -Dmdep.outputFile="$work/module-path.txt"
module_path="$(cat "$work/module-path.txt")"
tr ':' '\n' < "$work/module-path.txt" | sed 's|.*/|  |'; echo

echo "== compile the README's example as module example.consumer"
mkdir -p "$work/src/dev/inboxdesk/examples"
cp examples/src/main/java/dev/inboxdesk/examples/CleanUp.java "$work/src/dev/inboxdesk/examples/"
printf 'module example.consumer {\n  requires dev.inboxdesk.client;\n}\n' > "$work/src/module-info.java"
javac --release 17 --module-path "$module_path" -d "$work/out" \
  "$work/src/module-info.java" "$work/src/dev/inboxdesk/examples/CleanUp.java"

echo "== run it against the sandbox"
java -jar app/target/inboxdesk.jar sandbox > "$work/sandbox.out" 2>&1 &
sandbox_pid=$!
for _ in $(seq 1 100); do
  grep -q '^NOTIFICATIONS_URL=' "$work/sandbox.out" && break
  sleep 0.2
done
messages_url="$(sed -n 's/^MESSAGES_URL=//p' "$work/sandbox.out")"
notifications_url="$(sed -n 's/^NOTIFICATIONS_URL=//p' "$work/sandbox.out")"
INBOXDESK_PASSWORD=ada-demo java --module-path "$module_path:$work/out" \
  -m example.consumer/dev.inboxdesk.examples.CleanUp "$messages_url" "$notifications_url" ada@example.com \
  | tee "$work/run.out"
grep -q '^240 messages$' "$work/run.out"
grep -Eq '^message [0-9a-f]{24}: DELETED$' "$work/run.out"
grep -q ': not there (already deleted, or someone else' "$work/run.out"
echo "OK: a module requiring dev.inboxdesk.client compiled against the installed jar and ran the README's example"
