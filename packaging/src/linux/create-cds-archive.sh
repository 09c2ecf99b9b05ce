#!/bin/sh
# Records InboxDesk's AppCDS archive for the place it is installed in. The archive names the jars'
# paths, so it is made here, from the class list recorded at build time, not shipped ready-made.
# The launcher starts without it just the same (more slowly) if this fails.
set -e
app=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$(dirname "$app")")
[ -f "$app/classes.lst" ] || exit 0
escaped=$(printf '%s' "$app" | sed 's/[\/&]/\\&/g')
classpath=$(sed -n "s/^app.classpath=\\\$APPDIR/$escaped/p" "$app/InboxDesk.cfg" | paste -sd: -)
"$root/lib/runtime/bin/java" -Xshare:dump -XX:+UseSerialGC -Xlog:cds=off -Xlog:cds+dynamic=off \
  -XX:SharedClassListFile="$app/classes.lst" -XX:SharedArchiveFile="$app/inboxdesk.jsa" \
  -cp "$classpath" >/dev/null 2>&1 || { rm -f "$app/inboxdesk.jsa"; exit 1; }
