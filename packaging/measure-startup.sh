#!/usr/bin/env bash
# Time to first frame and peak RSS of the installed app (the .deb unpacked), with and without an
# AppCDS archive recorded in place. Needs xvfb-run. Usage: packaging/measure-startup.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
app=packaging/target/deb-unpacked/opt/inboxdesk
[ -x "$app/bin/InboxDesk" ] || { echo "build first: ./mvnw -Pinstaller verify -pl packaging" >&2; exit 2; }
cfg="$app/lib/app/InboxDesk.cfg"
run() {
  for _ in $(seq "$runs"); do
    xvfb-run -a -s "-screen 0 1280x800x24" /usr/bin/time -f "rss_kb=%M" "$app/bin/InboxDesk" --smoke-test 2>&1 \
      | grep -E "startup_ms|rss_kb" | tr '\n' ' '
    echo
  done
}
sed -i '/SharedArchiveFile\|ArchiveClassesAtExit/d' "$cfg"
rm -f "$app/lib/app/inboxdesk.jsa"
echo "without AppCDS:"
run
echo 'java-options=-XX:ArchiveClassesAtExit=$APPDIR/inboxdesk.jsa' >> "$cfg"
xvfb-run -a -s "-screen 0 1280x800x24" "$app/bin/InboxDesk" --smoke-test >/dev/null 2>&1
sed -i 's/ArchiveClassesAtExit/SharedArchiveFile/' "$cfg"
echo "with AppCDS recorded in place ($(du -h "$app/lib/app/inboxdesk.jsa" | cut -f1)):"
run
