#!/usr/bin/env bash
# Provisions what the build needs on a Debian/Ubuntu machine, idempotently: Node.js and npm for the map client
# (map-client/, bundled by esbuild during `./mvnw package`), from apt when `node` or `npm` is missing (Debian 12's
# nodejs 18 is enough). Then prints `export JAVA_HOME=…` for a JDK 21+ (scripts/java-home.sh) on stdout; everything
# else goes to stderr. Used by scripts/run and, through scripts/provision.sh, by scripts/test.
set -euo pipefail
log() { echo "[provision] $*" >&2; }
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"

need_pkgs=()
command -v node >/dev/null 2>&1 || need_pkgs+=(nodejs)
command -v npm >/dev/null 2>&1 || need_pkgs+=(npm)
if [ ${#need_pkgs[@]} -gt 0 ]; then
  log "installing for the map client: ${need_pkgs[*]}"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_pkgs[@]}" >&2 || {
    log "apt-get install failed: install Node.js 18+ with npm by hand (https://nodejs.org), then run again"; exit 1; }
fi
"$(dirname "$0")/java-home.sh"
