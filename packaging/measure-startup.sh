#!/usr/bin/env bash
# First frame and peak RSS of the installed app (the .deb unpacked, with what its postinst does)
# against the floor: a bare JavaFX window (a toolbar and a 240-row list, packaging/src/bare) on the
# same bundled runtime, with the same JVM options, each with its own start-up cache (the AOT cache
# on a JDK 25 runtime, else an AppCDS archive). The app runs --smoke-test from an empty settings
# folder (a first start: on the sandbox, both lists loaded before it exits); the bare window exits
# once its first frame has been drawn. Runs alternate, app then bare window, so drift hits both alike. Prints
# every run, then both medians and their ratios. Needs xvfb-run and GNU time.
# Usage: packaging/measure-startup.sh [runs]      (after ./mvnw -Pinstaller verify)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
. packaging/measure-common.sh
cache_for bare -cp "$bare" dev.inboxdesk.bare.BareWindow
bare_cache=("${cache[@]}")

echo "runtime: $("$java" -version 2>&1 | head -1); each with its own $kind; $runs runs each, alternating"
: >"$work/app"
: >"$work/bare"
for run in $(seq "$runs"); do
  rm -rf "$work/config"
  a=$(once "$root/bin/InboxDesk" --smoke-test --config "$work/config")
  b=$(once "$java" "${options[@]}" "${bare_cache[@]}" -cp "$bare" dev.inboxdesk.bare.BareWindow)
  echo "$a" >>"$work/app"
  echo "$b" >>"$work/bare"
  echo "run $run: InboxDesk startup_ms=${a% *} peak_rss_mib=${a#* }   bare window startup_ms=${b% *} peak_rss_mib=${b#* }"
done
app_ms=$(cut -d' ' -f1 "$work/app" | median)
app_rss=$(cut -d' ' -f2 "$work/app" | median)
bare_ms=$(cut -d' ' -f1 "$work/bare" | median)
bare_rss=$(cut -d' ' -f2 "$work/bare" | median)
echo "median InboxDesk:    startup_ms=$app_ms peak_rss_mib=$app_rss"
echo "median bare window:  startup_ms=$bare_ms peak_rss_mib=$bare_rss"
awk -v a="$app_ms" -v b="$bare_ms" -v ar="$app_rss" -v br="$bare_rss" \
  'BEGIN {printf "ratio first frame %.2fx, peak RSS %.2fx\n", a / b, ar / br}'
