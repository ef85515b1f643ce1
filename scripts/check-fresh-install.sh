#!/usr/bin/env bash
# Proves the README's first command on a machine without system packages: a fresh clone of
# this checkout, the system keyring library (libsecret) hidden from native builds, then
#   source scripts/node24.sh && npm ci && npm start
# must bring the main job up (the tray preview answers, the CLI status prints); then it is
# stopped with Ctrl+C (SIGINT) and must stop everything it started. .ci/run runs this before
# it installs any Debian package.
#
#   scripts/check-fresh-install.sh [SOURCE_REPO]   (default: this checkout; commits only)
set -euo pipefail
source_repo="$(cd "${1:-$(dirname "$0")/..}" && pwd)"
work="$(mktemp -d)"
start_pid=""
cleanup() {
  if [ -n "$start_pid" ] && kill -0 "$start_pid" 2>/dev/null; then kill -KILL -- "-$start_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
say() { echo "[fresh-install] $*"; }

git clone -q "$source_repo" "$work/repo"
cd "$work/repo"

# Hide libsecret from the build the way a machine without libsecret-1-dev lacks it: pkg-config
# finds no .pc files at all, so keytar's node-gyp build cannot find it.
mkdir -p "$work/no-pkgconfig"
export PKG_CONFIG_LIBDIR="$work/no-pkgconfig" PKG_CONFIG_PATH=""
if command -v pkg-config >/dev/null && pkg-config --exists libsecret-1; then
  say "libsecret is still visible to pkg-config: cannot prove the install without it"; exit 1
fi
export VOLC_SPEECH_START_FILE="$work/start.json" DISPLAY="" WAYLAND_DISPLAY="" VOLC_ACCESSKEY="" VOLC_SECRETKEY=""

say "source scripts/node24.sh && npm ci"
# shellcheck source=node24.sh
source scripts/node24.sh
npm ci --no-audit --no-fund
if [ -e node_modules/keytar/build/Release/keytar.node ]; then
  say "note: keytar was installed anyway (a prebuilt binary); the tray would use the keychain"
else
  say "keytar (optional) was skipped, as expected without libsecret"
fi

say "npm start"
# In its own process group, like a terminal's foreground job, so Ctrl+C can be sent to all of it.
setsid npm start > "$work/start.log" 2>&1 &
start_pid=$!
for _ in $(seq 600); do
  grep -q 'Ctrl+C to stop' "$work/start.log" && break
  kill -0 "$start_pid" 2>/dev/null || { cat "$work/start.log"; say "npm start ended before the main job came up"; exit 1; }
  sleep 1
done
cat "$work/start.log"
grep -q 'Ctrl+C to stop' "$work/start.log" || { say "npm start did not come up within 10 minutes"; exit 1; }
grep -q 'Doubao Speech status' "$work/start.log" || { say "the CLI status did not print"; exit 1; }
preview_url="$(grep -o 'tray preview: *http://[^ ]*' "$work/start.log" | awk '{print $3}')"
node -e "fetch(process.argv[1]).then(async (r) => { const t = await r.text(); if (!r.ok || !t.includes('<html')) throw new Error('status ' + r.status); })" "$preview_url"
say "the tray preview answers at $preview_url"

# Ctrl+C: a terminal sends SIGINT to the whole foreground group (npm and the script).
kill -INT -- "-$start_pid"
for _ in $(seq 60); do kill -0 "$start_pid" 2>/dev/null || break; sleep 1; done
if kill -0 "$start_pid" 2>/dev/null; then say "npm start did not stop on Ctrl+C"; exit 1; fi
if node -e "fetch(process.argv[1]).then(() => process.exit(0), () => process.exit(1))" "$preview_url"; then
  say "the preview still answers after Ctrl+C"; exit 1
fi
say "ok: the README's first command works without libsecret, and Ctrl+C stops it"
