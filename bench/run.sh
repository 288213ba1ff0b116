#!/usr/bin/env bash
# Issue 9's bench, one command: builds what it needs, starts a private platform (PostgreSQL, Kafka, Keycloak) and the
# applications on free ports through the launcher's code, measures the booking rush against pgbench, the gateway hop
# against nginx, event latency, footprint and the rules engine, stops everything and writes bench/RESULTS.md and
# bench/results.csv.
#
#   bench/run.sh             the full run (~10 minutes on 2 cores)
#   bench/run.sh --smoke     tiny sizes, report in bench/target/smoke/ (what `./mvnw verify` runs as BenchSmokeIT)
#   bench/run.sh --large-rush  also the rush at N=10,000, k=1,000 (how cost grows; adds ~10 minutes)
#   bench/run.sh --no-build  skip the Maven build (use what was built last); other options: see bench/README.md
set -euo pipefail

build=1
args=()
out_next=0
for a in "$@"; do
  if [ "$out_next" = 1 ]; then
    # --out DIR is the caller's, relative to where they stand, not to the repository root this script moves to
    case "$a" in /*) args+=("$a") ;; *) args+=("$PWD/$a") ;; esac
    out_next=0
  elif [ "$a" = "--no-build" ]; then build=0
  else
    [ "$a" = "--out" ] && out_next=1
    args+=("$a")
  fi
done
cd "$(dirname "$0")/.."

# Public tools from Debian: wrk, nginx, pgbench (postgresql-client). Installed when missing and we are root.
need=()
command -v wrk >/dev/null 2>&1 || need+=(wrk)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx-light)
command -v pgbench >/dev/null 2>&1 || need+=(postgresql-client)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "[bench] installing ${need[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "[bench] missing ${need[*]} (apt-get install ${need[*]}); the parts that need them are reported as not measured"
  fi
fi

if [ "$build" = 1 ]; then
  # package, not install: the jars are used from the work tree, the local repository stays untouched
  ./mvnw -B -q -ntp package -DskipTests -pl bench -am
fi

# The figures are the services', not the harness's: a heap big enough that the load generator never waits on GC.
exec java -Xms512m -Xmx2g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "bench/target/classes:bench/target/lib/*" cn.hkmo.bench.Bench ${args[@]+"${args[@]}"}
