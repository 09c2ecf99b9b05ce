#!/usr/bin/env bash
# Time to first frame and peak RSS of the installed app (the .deb unpacked), with and without the
# AppCDS archive that the package's postinst makes; runs alternate so drift hits both alike.
# Needs xvfb-run. Usage: packaging/measure-startup.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
app=packaging/target/deb-unpacked/opt/inboxdesk
[ -x "$app/bin/InboxDesk" ] || { echo "build first: ./mvnw -Pinstaller verify -pl packaging" >&2; exit 2; }
"$app/lib/app/create-cds-archive.sh"
once() {
  xvfb-run -a -s "-screen 0 1280x800x24" /usr/bin/time -f "rss_kb=%M" "$app/bin/InboxDesk" --smoke-test 2>&1 \
    | grep -E "startup_ms|rss_kb" | tr '\n' ' '
}
for _ in $(seq "$runs"); do
  echo "with archive:    $(once)"
  mv "$app/lib/app/inboxdesk.jsa" "$app/lib/app/inboxdesk.jsa.off"
  echo "without archive: $(once)"
  mv "$app/lib/app/inboxdesk.jsa.off" "$app/lib/app/inboxdesk.jsa"
done
