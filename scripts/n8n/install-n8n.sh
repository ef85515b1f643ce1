#!/usr/bin/env bash
# Installs the real n8n (headless CLI) into .tools/n8n for end-to-end tests.
# Idempotent: a marker file records what was installed; a second run is a no-op.
set -euo pipefail
N8N_VERSION="${N8N_VERSION:-2.40.7}"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DEST="$REPO_ROOT/.tools/n8n"
MARKER="$DEST/.n8n-e2e-installed"
log() { echo "[install-n8n] $(date +%H:%M:%S) $*"; }
t0=$SECONDS

# shellcheck source=../node24.sh
source "$REPO_ROOT/scripts/node24.sh"
NODE_VER="$(node -v)"
WANT="n8n=$N8N_VERSION node=$NODE_VER rev=1"

if [ -f "$MARKER" ] && [ "$(cat "$MARKER")" = "$WANT" ] && [ -e "$DEST/node_modules/.bin/n8n" ]; then
  log "n8n@$N8N_VERSION already installed in $DEST (node $NODE_VER) - nothing to do"
  exit 0
fi
rm -f "$MARKER"
mkdir -p "$DEST"
log "installing n8n@$N8N_VERSION into $DEST with node $NODE_VER"
