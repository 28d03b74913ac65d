#!/usr/bin/env bash
# Installs what the editor tests need, idempotently (a second run only checks):
#   - Debian packages: chromium and neovim, ripgrep, and the tool chain code-server's native modules build with;
#   - code-server (VS Code in a browser, from npm) into a cache folder outside the repository;
#   - the SARIF 2.1.0 JSON schema, for the test that validates the CLI's SARIF output (test/sarif), from the
#     npm package of Microsoft's SARIF Multitool (MIT), which ships it, into the same cache folder.
#
#   bash scripts/e2e-setup.sh            # everything
#   bash scripts/e2e-setup.sh apt        # only the Debian packages
#   bash scripts/e2e-setup.sh code-server
#   bash scripts/e2e-setup.sh sarif-schema
#
# code-server is installed without its install scripts, which download ripgrep from GitHub; the same steps are
# done here from npm and Debian packages, so the install works with nothing but the npm registry and apt.
# Prints the code-server entry point (for E2E_CODE_SERVER) as its last line.
set -euo pipefail

CODE_SERVER_VERSION="${E2E_CODE_SERVER_VERSION:-4.100.3}" # VS Code 1.100.3; needs Node 20
CACHE_DIR="${E2E_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/mongodb-uri-e2e}"
CS_DIR="$CACHE_DIR/code-server-$CODE_SERVER_VERSION"
CS_ENTRY="$CS_DIR/node_modules/code-server/out/node/entry.js"
VSCODE_DIR="$CS_DIR/node_modules/code-server/lib/vscode"
APT_PACKAGES=(chromium neovim ripgrep procps g++ make pkg-config python3 libkrb5-dev libsecret-1-dev libxkbfile-dev libx11-dev)

log() { echo "[e2e-setup] $*" >&2; }

install_apt_packages() {
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [[ ${#missing[@]} -eq 0 ]]; then
    log "Debian packages present"
    return
  fi
  local sudo=()
  if [[ $EUID -ne 0 ]]; then
    command -v sudo >/dev/null || { log "need root (or sudo) to install: ${missing[*]}"; exit 1; }
    sudo=(sudo)
  fi
  log "apt-get install ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# code-server writes a default config into ~/.config unless given one: give it an empty one.
code_server_version() { node "$CS_ENTRY" --config "$CS_DIR/config.yaml" --version 2>/dev/null; }

code_server_ready() {
  [[ -f "$CS_DIR/.installed" ]] && code_server_version | grep -q "^$CODE_SERVER_VERSION "
}

install_code_server() {
  if code_server_ready; then
    log "code-server $CODE_SERVER_VERSION present in $CS_DIR"
    return
  fi
  local node_major
  node_major="$(node -p 'process.versions.node.split(".")[0]')"
  [[ "$node_major" == 20 ]] || { log "code-server $CODE_SERVER_VERSION needs Node 20, this is Node $node_major"; exit 1; }
  command -v rg >/dev/null || { log "ripgrep (rg) is missing: run this script with 'apt' first"; exit 1; }
  log "installing code-server $CODE_SERVER_VERSION into $CS_DIR"
  rm -rf "$CS_DIR"
  mkdir -p "$CS_DIR"
  local npm_flags=(--no-audit --no-fund --loglevel=error --ignore-scripts)
  export npm_config_yes=true # `npm rebuild` may fetch node-gyp with npx; there is no one to answer
  (
    cd "$CS_DIR"
    echo '{ "private": true }' >package.json
    : >config.yaml
    npm install "${npm_flags[@]}" "code-server@$CODE_SERVER_VERSION"
    # What code-server's postinstall does, without downloads outside npm:
    cd "$VSCODE_DIR"
    npm install "${npm_flags[@]}" --omit=dev --unsafe-perm
    npm rebuild --loglevel=error node-pty native-watchdog kerberos @parcel/watcher @vscode/spdlog @vscode/deviceid
    mkdir -p node_modules/@vscode/ripgrep/bin
    cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
    ln -sfn node_modules node_modules.asar
    # The built-in extensions are bundled, except that the TypeScript one needs its own node_modules.
    cd extensions
    npm install "${npm_flags[@]}" --omit=dev --unsafe-perm
    node postinstall.mjs >/dev/null
    cd "$CS_DIR"
    npm rebuild --loglevel=error argon2
  )
  code_server_version >&2
  touch "$CS_DIR/.installed"
}

SARIF_TOOL_VERSION="5.7.0"
SARIF_SCHEMA="$CACHE_DIR/sarif-schema/sarif-2.1.0.json"

install_sarif_schema() {
  if [[ -s "$SARIF_SCHEMA" ]]; then
    log "SARIF schema present in $SARIF_SCHEMA"
    return
  fi
  log "fetching the SARIF 2.1.0 schema (@microsoft/sarif-multitool-linux@$SARIF_TOOL_VERSION)"
  local tmp
  tmp="$(mktemp -d)"
  (
    cd "$tmp"
    npm pack --silent "@microsoft/sarif-multitool-linux@$SARIF_TOOL_VERSION" >/dev/null
    tar -xzf ./*.tgz package/sarif-2.1.0.json package/package.json
  )
  mkdir -p "$(dirname "$SARIF_SCHEMA")"
  cp "$tmp/package/sarif-2.1.0.json" "$SARIF_SCHEMA"
  rm -rf "$tmp"
}

case "${1:-all}" in
  apt) install_apt_packages ;;
  code-server) install_code_server ;;
  sarif-schema) install_sarif_schema ;;
  all) install_apt_packages && install_code_server && install_sarif_schema ;;
  *) log "usage: $0 [all|apt|code-server|sarif-schema]"; exit 2 ;;
esac
echo "$CS_ENTRY"
