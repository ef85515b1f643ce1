#!/bin/sh
# Runs a command where keytar can reach a real Secret Service.
#
#   scripts/with-keyring.sh <cmd...>
#
# With no session bus (CI, a container, ssh) and dbus-run-session + gnome-keyring-daemon
# installed, the command runs inside a private D-Bus session with an unlocked throw-away
# gnome-keyring (password "pw", nothing persists beyond the session). Otherwise the command
# runs as it is: a desktop session already has its keyring, and macOS/Windows need none.
set -eu

if [ "$#" -eq 0 ]; then
  echo "usage: $0 <command> [args...]" >&2
  exit 2
fi

if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ] && [ -z "${VOLC_WITH_KEYRING_INNER:-}" ] \
  && command -v dbus-run-session >/dev/null 2>&1 && command -v gnome-keyring-daemon >/dev/null 2>&1; then
  export VOLC_WITH_KEYRING_INNER=1
  # The daemon reads the unlock password on stdin; --components=secrets is the Secret Service only.
  exec dbus-run-session -- sh -c 'echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "$@"' with-keyring "$@"
fi

exec "$@"
