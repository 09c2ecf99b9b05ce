#!/usr/bin/env bash
# RSS of the installed app (the .deb unpacked) at idle: 15 s after launch, on the sandbox with both
# lists loaded. Needs xvfb-run. Usage: packaging/measure-idle.sh [runs] [extra java options file]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
app=packaging/target/deb-unpacked/opt/inboxdesk
[ -x "$app/bin/InboxDesk" ] || { echo "build first: ./mvnw -Pinstaller verify -pl packaging" >&2; exit 2; }
for _ in $(seq "$runs"); do
  xvfb-run -a -s "-screen 0 1280x800x24" "$app/bin/InboxDesk" >/dev/null 2>&1 &
  sleep 15
  pid=$(pgrep -n -x InboxDesk)
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  echo "idle_rss_mib=$((rss / 1024))"
  kill "$pid"; wait || true
done
