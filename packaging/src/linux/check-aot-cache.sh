#!/bin/sh
# Checks that InboxDesk's AOT cache (made at build time, JDK 25+) maps where the app is now. A JDK 25
# cache survives a move of the whole app (the jars' paths are matched after their common prefix),
# but not a changed jar: it compares their dates, which the build set to 2000-01-01 and packaging
# does not keep, so they are set back here. If it does not map, it is removed: the launcher then
# starts without it, silently, just more slowly. --strict: fail instead (for the package's own test).
set -e
app=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$(dirname "$app")")
[ -f "$app/inboxdesk.aot" ] || exit 0
touch -d @946684800 "$app"/*.jar
cfg="$app/InboxDesk.cfg"
escaped=$(printf '%s' "$app" | sed 's/[\/&]/\\&/g')
classpath=$(sed -n "s/^app.classpath=\\\$APPDIR/$escaped/p" "$cfg" | paste -sd: -)
main=$(sed -n 's/^app.mainclass=//p' "$cfg")
options=$(sed -n "s/^java-options=//p" "$cfg" | sed "s/\\\$APPDIR/$escaped/g" | tr '\n' ' ')
# shellcheck disable=SC2086 # the options are words
if out=$("$root/lib/runtime/bin/java" $options -XX:AOTMode=on -cp "$classpath" "$main" --version 2>&1); then
  echo "$out"
  exit 0
fi
if [ "$1" = --strict ]; then
  echo "the AOT cache does not map from $app: $out" >&2
  exit 1
fi
rm -f "$app/inboxdesk.aot"
echo "InboxDesk: the start-up cache does not fit this installation; removed (it starts a little slower)"
