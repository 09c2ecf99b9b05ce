#!/usr/bin/env bash
# Big inboxes in the app's list view: answer to rendered list, filter keystrokes, memory.
# Usage: benchmarks/big-inbox.sh [runs] [items]   (after ./mvnw -DskipTests install)
# BENCH_JAVA=path/to/java runs the window on another runtime (the installed one:
# packaging/target/deb-unpacked/opt/inboxdesk/lib/runtime/bin/java), BENCH_OPTIONS adds JVM options
# (for it: "-XX:+UseCompactObjectHeaders --enable-native-access=javafx.graphics,ALL-UNNAMED").
# On a runtime with an AOT cache (JDK 25), each service's runs use one made by a training run of
# their own, as the installed app runs on the cache its build made; BENCH_AOT=off runs without.
# Needs Xvfb (xvfb-run) when there is no display. The sandbox runs in its own process with its
# rate limit lifted (listing 100,000 notifications at 60 requests a minute takes over half an hour).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
items="${2:-100000}"
# The installed app's JVM options, so that memory is what users get.
jvm_options=(-XX:+UseSerialGC -Xms16m -Xmn8m -Xmx512m -Xss512k -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=48m)
# shellcheck disable=SC2206 # options are words
jvm_options+=(${BENCH_OPTIONS:-})
bench_java="${BENCH_JAVA:-java}"
log="$(mktemp)"
java -jar app/target/inboxdesk.jar sandbox --size "$items" --rate-limit 100000000 >"$log" 2>&1 &
sandbox=$!
trap 'kill "$sandbox" 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 1 120); do grep -q NOTIFICATIONS_URL "$log" && break; sleep 0.5; done
messages_url="$(sed -n 's/^MESSAGES_URL=//p' "$log")"
notifications_url="$(sed -n 's/^NOTIFICATIONS_URL=//p' "$log")"
display=()
if [ -z "${DISPLAY:-}" ]; then display=(xvfb-run -a -s "-screen 0 1280x800x24"); fi
aot_cache=()
if [ "${BENCH_AOT:-on}" = on ] && "$bench_java" -XX:+PrintFlagsFinal -version 2>/dev/null | grep -q AOTCacheOutput; then
  aot_folder="$(mktemp -d)"
  trap 'kill "$sandbox" 2>/dev/null; rm -rf "$log" "$aot_folder"' EXIT
fi
for service in messages notifications; do
  url="$messages_url"; [ "$service" = notifications ] && url="$notifications_url"
  if [ -n "${aot_folder:-}" ]; then
    echo "== $service, training run for the AOT cache"
    ${display[@]+"${display[@]}"} "$bench_java" "${jvm_options[@]}" -XX:AOTCacheOutput="$aot_folder/$service.aot" -Xlog:aot=off \
      -Xlog:cds=off -cp benchmarks/target/benchmarks.jar dev.inboxdesk.bench.BigInbox "$service" "$url" >/dev/null
    [ -f "$aot_folder/$service.aot" ] || { echo "the training run made no AOT cache" >&2; exit 1; }
    aot_cache=(-XX:AOTCache="$aot_folder/$service.aot" -Xlog:aot=off -Xlog:cds=off)
  fi
  for run in $(seq 1 "$runs"); do
    echo "== $service, run $run"
    ${display[@]+"${display[@]}"} "$bench_java" "${jvm_options[@]}" ${aot_cache[@]+"${aot_cache[@]}"} -cp benchmarks/target/benchmarks.jar \
      dev.inboxdesk.bench.BigInbox \
      "$service" "$url"
  done
done
