# Shared by measure-startup.sh and measure-parts.sh (sourced from the repository's root): the
# unpacked .deb's runtime and JVM options, a cache made by a training run, one run under Xvfb with
# its first frame and peak RSS, and a median.
root=packaging/target/deb-unpacked/opt/inboxdesk
app=$root/lib/app
bare=$PWD/packaging/target/bare/bare-window.jar
java=$root/lib/runtime/bin/java
display=(xvfb-run -a -s "-screen 0 1280x800x24")
if [ ! -x "$root/bin/InboxDesk" ] || [ ! -f "$bare" ]; then
  echo "build first: ./mvnw -Pinstaller verify [-Dinstaller.jdk=/path/to/jdk-25]" >&2
  exit 2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The app's JVM options, less its own cache's; then what postinst does.
options=()
while IFS= read -r option; do options+=("$option"); done < <(sed -n 's/^java-options=//p' "$app/InboxDesk.cfg" \
  | grep -v -e '^-XX:AOTCache=' -e '^-XX:SharedArchiveFile=' -e '^-Djpackage')
if [ -x "$app/check-aot-cache.sh" ]; then
  "$app/check-aot-cache.sh" >/dev/null
  kind="AOT cache"
else
  "$app/create-cds-archive.sh"
  kind="AppCDS archive"
fi

# cache_for NAME JAVA-ARGS...: a training run of the command, made the way the app's own cache
# is; sets the array "cache" to the options that use it.
cache_for() {
  local name=$1
  shift
  if [ "$kind" = "AOT cache" ]; then
    "${display[@]}" "$java" "${options[@]}" -XX:AOTCacheOutput="$work/$name.aot" "$@" >/dev/null 2>&1
    cache=(-XX:AOTCache="$work/$name.aot")
  else
    "${display[@]}" "$java" "${options[@]}" -XX:ArchiveClassesAtExit="$work/$name.jsa" "$@" >/dev/null 2>&1
    cache=(-XX:SharedArchiveFile="$work/$name.jsa" -Xlog:cds+dynamic=off)
  fi
}

once() { # command... -> "startup_ms rss_mib"
  local out
  out=$("${display[@]}" /usr/bin/time -f "rss_kb=%M" "$@" 2>&1)
  local ms rss
  ms=$(sed -n 's/^startup_ms=//p' <<<"$out" | tail -1)
  rss=$(sed -n 's/^rss_kb=//p' <<<"$out" | tail -1)
  [ -n "$ms" ] && [ -n "$rss" ] || { echo "no startup_ms from: $*" >&2; echo "$out" >&2; exit 1; }
  echo "$ms $((rss / 1024))"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
