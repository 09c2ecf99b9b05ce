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
root=packaging/target/deb-unpacked/opt/inboxdesk
app=$root/lib/app
bare=$PWD/packaging/target/bare/bare-window.jar
if [ ! -x "$root/bin/InboxDesk" ] || [ ! -f "$bare" ]; then
  echo "build first: ./mvnw -Pinstaller verify [-Dinstaller.jdk=/path/to/jdk-25]" >&2
  exit 2
fi
java=$root/lib/runtime/bin/java
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
display=(xvfb-run -a -s "-screen 0 1280x800x24")

# What postinst does, and the bare window's own cache made the same way (a training run).
options=()
while IFS= read -r option; do options+=("$option"); done < <(sed -n 's/^java-options=//p' "$app/InboxDesk.cfg" \
  | grep -v -e '^-XX:AOTCache=' -e '^-XX:SharedArchiveFile=' -e '^-Djpackage')
if [ -x "$app/check-aot-cache.sh" ]; then
  "$app/check-aot-cache.sh" >/dev/null
  "${display[@]}" "$java" "${options[@]}" -XX:AOTCacheOutput="$work/bare.aot" -cp "$bare" \
    dev.inboxdesk.bare.BareWindow >/dev/null 2>&1
  bare_cache=(-XX:AOTCache="$work/bare.aot")
  kind="AOT cache"
else
  "$app/create-cds-archive.sh"
  "${display[@]}" "$java" "${options[@]}" -XX:ArchiveClassesAtExit="$work/bare.jsa" -cp "$bare" \
    dev.inboxdesk.bare.BareWindow >/dev/null 2>&1
  bare_cache=(-XX:SharedArchiveFile="$work/bare.jsa" -Xlog:cds+dynamic=off)
  kind="AppCDS archive"
fi

once() { # label command... -> "startup_ms rss_mib"
  local out
  out=$("${display[@]}" /usr/bin/time -f "rss_kb=%M" "$@" 2>&1)
  local ms rss
  ms=$(sed -n 's/^startup_ms=//p' <<<"$out" | tail -1)
  rss=$(sed -n 's/^rss_kb=//p' <<<"$out" | tail -1)
  [ -n "$ms" ] && [ -n "$rss" ] || { echo "no startup_ms from: $*" >&2; echo "$out" >&2; exit 1; }
  echo "$ms $((rss / 1024))"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

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
