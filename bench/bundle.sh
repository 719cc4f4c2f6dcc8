#!/usr/bin/env bash
# Bundle benchmark (not part of the tests): `modvault export` and `modvault import` throughput for a
# ~1 GiB store against `tar` of the same files, and import's verification cost per module.
#
#   bench/bundle.sh        # ~3-5 min; writes bench/BUNDLE-1GB-RESULTS.md
#
# Store A is filled by `modvault prewarm` from bench/make_bulk.py's tree (100 modules, ~1.1 GB of
# zips) served on loopback with a checksum database recording every version (TreeWithDatabase),
# so the bundle carries lookups and tiles and import runs every check: SHA-256, h1:, the zip and
# go.mod checks, the signed head, inclusion proofs. Import goes into an empty store B whose
# upstream is off and whose checksum database is unreachable. Page cache is dropped nowhere (no
# root assumptions): each command reads files the previous one wrote, as on a real transfer host.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=${BUNDLE_WORK:-bench/work/bundle}
log() { printf '[bundle %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY ALL_PROXY all_proxy no_proxy NO_PROXY MODVAULT_CONFIG GOFLAGS
source bench/test-classpath.sh
JAVA=$(scripts/with-jdk sh -c 'command -v java')
JAR=proxy-server/target/modvault.jar
mkdir -p "$WORK"
read -r modules zip_bytes < <(python3 bench/make_bulk.py "$WORK/tree")
rm -rf "$WORK/a" "$WORK/b" "$WORK/untar" "$WORK"/*.bundle "$WORK/tree.tar"

coproc FIXTURE { exec timeout 900 "$JAVA" -cp "$CP" bench/TreeWithDatabase.java "$WORK/tree"; }
read -r up <&"${FIXTURE[0]}"; read -r sumdb <&"${FIXTURE[0]}"; read -r _ <&"${FIXTURE[0]}"
export GOPROXY=${up#upstream=} GOSUMDB=${sumdb#gosumdb=} GONOSUMDB= GOPRIVATE= GONOPROXY=
log "fixture: $GOPROXY, $GOSUMDB"
now() { date +%s.%N; }
# timed LOG COMMAND...: runs COMMAND with its output in LOG, prints its wall seconds.
timed() { local log=$1 t0; shift; t0=$(now); "$@" >"$log" 2>&1; echo "$(echo "$(now) - $t0" | bc)"; }
mb() { echo "scale=1; $1 / 1048576 / $2" | bc; }

for m in $(seq 0 $((modules - 1))); do printf 'bulk.bench/m%03d@v1.0.0\n' "$m"; done >"$WORK/modules.txt"
log "prewarming store A ($modules modules)"
prewarm_s=$(timed "$WORK/prewarm.log" "$JAVA" -jar "$JAR" prewarm --data-dir "$WORK/a" --log-level WARN - <"$WORK/modules.txt")

log "export"
export_s=$(timed "$WORK/export.log" "$JAVA" -jar "$JAR" export --data-dir "$WORK/a" --log-level WARN \
  --output "$WORK/all.bundle" --all)
bundle_bytes=$(stat -c %s "$WORK/all.bundle")
kill "$FIXTURE_PID" 2>/dev/null || true   # the upstream and checksum database go away
wait "$FIXTURE_PID" 2>/dev/null || true

log "import into an empty store, upstream off"
import_s=$(timed "$WORK/import.log" "$JAVA" -jar "$JAR" import --data-dir "$WORK/b" --upstream off --log-level WARN \
  "$WORK/all.bundle")
log "re-import (everything present)"
reimport_s=$(timed "$WORK/reimport.log" "$JAVA" -jar "$JAR" import --data-dir "$WORK/b" --upstream off \
  --log-level WARN "$WORK/all.bundle")

log "tar of the same files"
tar_s=$(timed /dev/null tar -C "$WORK" -cf "$WORK/tree.tar" tree)
mkdir -p "$WORK/untar"
untar_s=$(timed /dev/null tar -C "$WORK/untar" -xf "$WORK/tree.tar")
sync_s=$(timed /dev/null sync)

python3 - >bench/BUNDLE-1GB-RESULTS.md <<PY
zip_bytes, bundle_bytes, modules = $zip_bytes, $bundle_bytes, $modules
rows = [("modvault export --all", $export_s, bundle_bytes), ("tar -cf (the GOPROXY tree)", $tar_s, bundle_bytes),
        ("modvault import (empty store, every check)", $import_s, bundle_bytes), ("tar -xf", $untar_s, bundle_bytes),
        ("modvault import again (all present)", $reimport_s, bundle_bytes)]
print("# Bundle benchmark (bench/bundle.sh)\n")
print("Commit $(git rev-parse --short HEAD), $(nproc) cores. Store: {} modules, {:.2f} GB of zips (bench/make_bulk.py),"
      " prewarmed with the checksum database on in {:.1f} s; bundle {:.2f} GB.\n".format(modules, zip_bytes / 1e9, $prewarm_s, bundle_bytes / 1e9))
print("| step | seconds | MB/s |\n|---|---:|---:|")
for name, s, b in rows:
    print(f"| {name} | {s:.2f} | {b / 1048576 / s:.0f} |")
print("\nThe commands' own summaries:\n")
for log in ("prewarm", "export", "import", "reimport"):
    lines = [l.rstrip() for l in open(f"$WORK/{log}.log") if l.strip()]
    tick = chr(96)  # a backtick, which this unquoted heredoc would run as a command
    print(f"- {log}: {tick}{lines[-1] if lines else '(no output)'}{tick}")
print(f"\ntar's figures do not include an fsync; modvault's writes are durable when it exits (sync afterwards: {$sync_s:.2f} s).")
print(f"Import's cost per module: {$import_s / modules * 1000:.0f} ms (tar -xf: {$untar_s / modules * 1000:.0f} ms); the difference is"
      " verification (SHA-256, h1:, zip and go.mod checks, lookup, head and proofs) plus durable commits.")
PY
log "wrote bench/BUNDLE-1GB-RESULTS.md"
