#!/usr/bin/env bash
# How much of InboxDesk's peak RSS is the floor plus the parts it cannot do without, and how much is
# its own. Runs, alternating, on the installed runtime with the app's JVM options and each its own
# start-up cache: the bare window (the floor of measure-startup.sh), then the bare window with more
# of those parts each step (packaging/src/bare-parts: a loopback HTTP server as the sandbox is, one
# OkHttp call to it, the answer read by Jackson's streaming parser, AtlantaFX's stylesheet, the
# controls of InboxDesk's first window), then the app's own smoke run. Prints each step's median
# peak RSS, its ratio to the floor and what the step added. Needs xvfb-run and GNU time.
# Usage: packaging/measure-parts.sh [runs]      (after ./mvnw -Pinstaller verify)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
. packaging/measure-common.sh
with_parts=$PWD/packaging/target/bare/bare-window-with-parts.jar
classpath="$bare:$with_parts"
for jar in okhttp-jvm okio-jvm kotlin-stdlib jackson-core atlantafx-base; do
  classpath="$classpath:$(ls "$PWD/$app/$jar"-*.jar)"
done

steps=(bare server server,okhttp server,okhttp,jackson server,okhttp,jackson,theme
  server,okhttp,jackson,theme,shape)
declare -A caches
for step in "${steps[@]}"; do
  cache_for "${step//,/-}" -Dparts="$step" -cp "$classpath" dev.inboxdesk.bare.BareWindowWithParts
  caches[$step]="${cache[*]}"
done

echo "runtime: $("$java" -version 2>&1 | head -1); each with its own $kind; $runs runs each, alternating"
for run in $(seq "$runs"); do
  line="run $run:"
  for step in "${steps[@]}"; do
    read -r -a cache <<<"${caches[$step]}"
    r=$(once "$java" "${options[@]}" "${cache[@]}" -Dparts="$step" -cp "$classpath" dev.inboxdesk.bare.BareWindowWithParts)
    echo "${r#* }" >>"$work/${step//,/-}"
    line="$line ${r#* }"
  done
  rm -rf "$work/config"
  r=$(once "$root/bin/InboxDesk" --smoke-test --config "$work/config")
  echo "${r#* }" >>"$work/app"
  echo "$line ${r#* } (MiB)"
done

floor=$(median <"$work/bare")
previous=$floor
printf '%-44s %9s %7s %7s\n' "peak RSS, median of $runs" MiB ratio added
for step in "${steps[@]}" app; do
  rss=$(median <"$work/${step//,/-}")
  label=$step
  [ "$step" = bare ] && label="bare window (the floor)"
  [ "$step" = app ] && label="InboxDesk --smoke-test"
  awk -v l="$label" -v r="$rss" -v f="$floor" -v p="$previous" \
    'BEGIN {printf "%-44s %9s %6.2fx %+7s\n", l, r, r / f, r - p}'
  previous=$rss
done
