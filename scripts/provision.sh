#!/usr/bin/env bash
# Provisions what the tests need on a Debian/Ubuntu machine, idempotently:
#   - PostgreSQL with PostGIS 3, started, with a role and database `planning_test`
#   - Debian's Chromium and chromedriver for the browser tests
#   - Node.js and npm for the map client, and a JDK 21+ (uses one under /usr/lib/jvm when present):
#     scripts/provision-build.sh, which scripts/run uses too
# Prints `export` lines for PLANNING_TEST_DB_URL and JAVA_HOME on stdout; everything else goes to stderr.
set -euo pipefail
log() { echo "[provision] $*" >&2; }
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"

need_pkgs=()
# An existing PostGIS named by PLANNING_TEST_DB_URL needs no local server.
use_local_pg=true
[ -n "${PLANNING_TEST_DB_URL:-}" ] && use_local_pg=false
have_pg_bin() { ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; }
have_postgis() { ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1; }
$use_local_pg && { have_pg_bin || need_pkgs+=(postgresql); }
if $use_local_pg && ! have_postgis; then
  if have_pg_bin; then
    pgv=$(ls /usr/lib/postgresql | sort -n | tail -1)
    need_pkgs+=("postgresql-${pgv}-postgis-3")
  else
    need_pkgs+=(postgis)
  fi
fi
[ -x /usr/bin/chromium ] || need_pkgs+=(chromium)
[ -x /usr/bin/chromedriver ] || need_pkgs+=(chromium-driver)
[ -x /usr/bin/ogr2ogr ] || need_pkgs+=(gdal-bin)  # data-import: other formats via ogr2ogr, and the corpus GeoPackage
[ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || need_pkgs+=(fonts-wqy-microhei)  # Chinese labels in map screenshots
if [ ${#need_pkgs[@]} -gt 0 ]; then
  log "installing: ${need_pkgs[*]}"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_pkgs[@]}" >&2 || {
    log "apt-get install failed: install ${need_pkgs[*]} by hand, or set PLANNING_TEST_DB_URL to an existing PostGIS"; exit 1; }
fi

if $use_local_pg; then
# Start a cluster (Debian's pg_ctlcluster) if none is running.
pgv=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h 2>/dev/null | awk '{print $4}' | grep -q online; then
  if ! pg_lsclusters -h 2>/dev/null | grep -q .; then
    $SUDO pg_createcluster "$pgv" main >&2
  fi
  cluster=$(pg_lsclusters -h | head -1 | awk '{print $1" "$2}')
  log "starting PostgreSQL cluster $cluster"
  $SUDO pg_ctlcluster $cluster start >&2
fi
port=$(pg_lsclusters -h | awk '$4=="online"{print $3; exit}')

as_pg() { if [ "$(id -u)" -eq 0 ]; then su postgres -c "$*"; else sudo -u postgres sh -c "$*"; fi; }
as_pg "psql -p $port -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='planning_test'\"" | grep -q 1 \
  || as_pg "psql -p $port -qc \"CREATE ROLE planning_test LOGIN SUPERUSER PASSWORD 'planning_test'\"" >&2
as_pg "psql -p $port -qtAc \"SELECT 1 FROM pg_database WHERE datname='planning_test'\"" | grep -q 1 \
  || as_pg "createdb -p $port -O planning_test planning_test" >&2
as_pg "psql -p $port -d planning_test -qc 'CREATE EXTENSION IF NOT EXISTS postgis'" >&2

echo "export PLANNING_TEST_DB_URL='jdbc:postgresql://localhost:${port}/planning_test?user=planning_test&password=planning_test'"
log "PostGIS on port $port"
fi
"$(dirname "$0")/provision-build.sh"
log "ready: chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}')"
