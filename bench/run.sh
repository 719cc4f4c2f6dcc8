#!/usr/bin/env bash
# Benchmark of modvault's serving path (cache hits), against nginx serving the same files.
#
#   bench/run.sh        # as root on a fresh Debian machine; < 10 minutes; writes bench/RESULTS.md
#
# Steps: install wrk/nginx if missing, build the jar if missing, generate a GOPROXY-layout tree
# (bench/make_tree.py) under bench/work/, start nginx on it (modvault's upstream and the
# baseline), start modvault (-Xmx256m, MODVAULT_LOG_LEVEL=WARN) and warm its cache, then:
# throughput/latency rows with wrk (modvault and nginx, same path, same run, two alternating
# rounds when the time budget allows, best round reported), the .info row again
# with INFO access logging, peak RSS while 50 clients download a 400 MiB zip, and start-up time
# (launch to first 200 .info) with and without a class-data archive. Everything started here is
# stopped on exit. Knobs for quick trials only: BENCH_DURATION (10s), BENCH_WARMUP (3s).
set -euo pipefail

SELF=$(cd "$(dirname "$0")" && pwd)/$(basename "$0")
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=$ROOT/bench/work
RESULTS=$ROOT/bench/RESULTS.md
JAR=proxy-server/target/modvault.jar
DURATION=${BENCH_DURATION:-10s}
WARMUP=${BENCH_WARMUP:-3s}
BUDGET=590 # seconds for the whole script, installation and build included
export BENCH_START=${BENCH_START:-$(date +%s)}
log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }

# ---------------------------------------------------------------- 1. prerequisites
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v curl >/dev/null || missing+=(curl)
if [ ! -f "$JAR" ] && ! command -v mvn >/dev/null; then missing+=(maven); fi
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || die "missing ${missing[*]}; run as root or install them"
  log "installing ${missing[*]}"
  # Keep Debian from starting the packaged nginx service: we run our own instance.
  rcd_added=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && rcd_added=1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  if [ -n "$rcd_added" ]; then rm -f /usr/sbin/policy-rc.d; fi
fi
PATH=$PATH:/usr/sbin
if [ ! -f "$JAR" ]; then
  log "building $JAR"
  scripts/with-jdk mvn -B -q -o -DskipTests package || scripts/with-jdk mvn -B -q -DskipTests package
fi
# The rest is bounded by what is left of the budget: timeout signals this script (and its
# children) and the EXIT trap below stops everything that was started.
LEFT=$((BUDGET - ($(date +%s) - BENCH_START)))
if [ -z "${BENCH_UNDER_TIMEOUT:-}" ]; then
  [ "$LEFT" -gt 150 ] || die "only $LEFT s of the $BUDGET s budget left after installing and building"
  BENCH_UNDER_TIMEOUT=1 exec timeout -k 10 "$LEFT" bash "$SELF" "$@"
fi
# Two alternating rounds per row (modvault, nginx, modvault, nginx) when there is time for them:
# on a shared two-core machine one 10-second run can be off by a quarter either way.
ROUNDS=${BENCH_ROUNDS:-$([ "$LEFT" -ge 450 ] && echo 2 || echo 1)}
JAVA=$(scripts/with-jdk sh -c 'command -v java')
# Loopback only: no proxy for curl, python or modvault's upstream requests.
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY ALL_PROXY all_proxy no_proxy NO_PROXY MODVAULT_CONFIG

# ---------------------------------------------------------------- process bookkeeping
NGINX_PID="" MV_PID="" SAMPLER_PID=""
CURL_PIDS=()
stop_pid() { # pid, seconds to wait before SIGKILL
  local pid=$1 limit=${2:-40} i
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < limit * 10; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  for p in "${CURL_PIDS[@]}"; do stop_pid "$p" 2; done
  stop_pid "$SAMPLER_PID" 2
  stop_pid "$MV_PID" 40
  stop_pid "$NGINX_PID" 10
  [ $rc -eq 0 ] || log "exit status $rc"
  exit $rc
}
trap cleanup EXIT
trap 'exit 143' INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
status_of() { curl -s --noproxy '*' --max-time 120 -o /dev/null -w '%{http_code}' "$1" || true; }

# ---------------------------------------------------------------- 2. tree
mkdir -p "$WORK"
log "generating the GOPROXY tree under bench/work/tree"
python3 bench/make_tree.py "$WORK/tree" >"$WORK/tree.txt"
ZIP400=$(awk '$1=="bench.test/zip400m"{print $2}' "$WORK/tree.txt")

# ---------------------------------------------------------------- 3. nginx and modvault
NGINX_PORT=$(free_port)
MV_PORT=$(free_port)
[ "$NGINX_PORT" != "$MV_PORT" ] || MV_PORT=$(free_port)
NG=$WORK/nginx
mkdir -p "$NG/tmp"
user_line=""
[ "$(id -u)" = 0 ] && user_line="user root;" # workers must read the tree wherever the repository lives
# Exact-match locations give the lists modvault's content type without a per-request regex.
list_locations=$(awk '{printf "    location = /%s/@v/list { default_type \"text/plain; charset=utf-8\"; }\n", $1}' "$WORK/tree.txt")
# reuseport: one listening socket per worker, so the kernel spreads wrk's 64 connections over both
# workers; without it they split by chance (67/3 or 33/33) and nginx's req/s swings by 50 %.
cat >"$NG/nginx.conf" <<EOF
$user_line
worker_processes 2;
pid $NG/nginx.pid;
error_log $NG/error.log warn;
events { worker_connections 4096; }
http {
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  keepalive_requests 100000;
  keepalive_timeout 65;
  access_log off;
  client_body_temp_path $NG/tmp/body;
  proxy_temp_path $NG/tmp/proxy;
  fastcgi_temp_path $NG/tmp/fastcgi;
  uwsgi_temp_path $NG/tmp/uwsgi;
  scgi_temp_path $NG/tmp/scgi;
  default_type application/octet-stream;
  types { application/json info; text/plain mod; application/zip zip; }
  server {
    listen 127.0.0.1:$NGINX_PORT reuseport;
    root $WORK/tree;
$list_locations
  }
}
EOF
NGINX_CMD=(nginx -p "$NG" -c "$NG/nginx.conf" -g 'daemon off;')
log "starting nginx on 127.0.0.1:$NGINX_PORT"
"${NGINX_CMD[@]}" &
NGINX_PID=$!
for _ in $(seq 100); do [ "$(status_of "http://127.0.0.1:$NGINX_PORT/bench.test/small/@v/list")" = 200 ] && break; sleep 0.1; done
[ "$(status_of "http://127.0.0.1:$NGINX_PORT/bench.test/small/@v/list")" = 200 ] || die "nginx did not come up (see $NG/error.log)"

DATA=$WORK/data
rm -rf "$DATA"
MV=http://127.0.0.1:$MV_PORT
NX=http://127.0.0.1:$NGINX_PORT
# The serving path is measured with verification off (bench/verify.sh measures verification).
MV_ARGS=(-jar "$JAR" serve --listen "127.0.0.1:$MV_PORT" --data-dir "$DATA" --upstream "$NX" --sumdb off)
start_modvault() { # log level, log file, extra JVM flags...
  local level=$1 out=$2; shift 2
  MODVAULT_LOG_LEVEL=$level "$JAVA" -Xmx256m "$@" "${MV_ARGS[@]}" >"$out" 2>&1 &
  MV_PID=$!
  local i
  for ((i = 0; i < 300; i++)); do
    [ "$(status_of "$MV/healthz")" = 200 ] && return 0
    kill -0 "$MV_PID" 2>/dev/null || die "modvault exited at start-up (see $out)"
    sleep 0.1
  done
  die "modvault not healthy after 30 s (see $out)"
}
stop_modvault() { stop_pid "$MV_PID" 40; MV_PID=""; }

ROWS=(info mod list zip1m zip20m)
declare -A PATHS=(
  [info]=/bench.test/small/@v/v1.0.0.info
  [mod]=/bench.test/small/@v/v1.0.0.mod
  [list]=/bench.test/small/@v/list
  [zip1m]=/bench.test/zip1m/@v/v1.0.0.zip
  [zip20m]=/bench.test/zip20m/@v/v1.0.0.zip
)
declare -A LABEL=([info]=".info" [mod]=".mod" [list]="@v/list" [zip1m]="1 MiB .zip" [zip20m]="20 MiB .zip")
declare -A TARGET=([info]=0.8 [mod]=0.8 [list]=0.8 [zip1m]=0.9 [zip20m]=0.9)
warm() {
  local row code
  for row in "${ROWS[@]}"; do
    for base in "$MV" "$NX"; do
      code=$(status_of "$base${PATHS[$row]}")
      [ "$code" = 200 ] || die "warm-up: $base${PATHS[$row]} answered $code"
    done
  done
}

log "starting modvault on 127.0.0.1:$MV_PORT (-Xmx256m, MODVAULT_LOG_LEVEL=WARN)"
start_modvault WARN "$WORK/modvault-warn.log"
warm

# ---------------------------------------------------------------- 4. throughput rows
to_ms() { # wrk latency like 812.00us / 1.23ms / 1.02s -> milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) ; else if (v ~ /m$/) n *= 60000; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}
WRK_CMD="wrk -t2 -c64 -d$DURATION --latency"
declare -A RPS P50 P99 XFER ERRS LOAD CPU OTHER
TICK=$(getconf CLK_TCK)
stat_fields() { # /proc/PID/stat from field 3 (state) on; the command name may hold spaces
  local st
  st=$(cat "/proc/$1/stat" 2>/dev/null) || return 0
  echo "${st##*) }"
}
machine_busy_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9; exit}' /proc/stat; }
cpu_ticks() { # utime+stime of the given processes and all their threads
  local p sum=0 st
  for p in "$@"; do
    st=$(stat_fields "$p")
    [ -n "$st" ] || continue
    sum=$((sum + $(echo "$st" | awk '{print $12 + $13}'))) # utime and stime: fields 14 and 15
  done
  echo "$sum"
}
server_pids() { # key prefix mv* -> modvault, nx* -> nginx master and its workers
  if [[ $1 == mv* ]]; then
    echo "$MV_PID"
    return 0
  fi
  echo "$NGINX_PID"
  local f p
  for f in /proc/[0-9]*; do
    p=${f#/proc/}
    if [ "$(stat_fields "$p" | cut -d' ' -f2)" = "$NGINX_PID" ]; then echo "$p"; fi
  done
  return 0
}
measure() { # key url: one measured wrk run
  local key=$1 url=$2 out=$WORK/wrk-$1.txt pids c0 c1 m0 m1 t0 t1 n
  LOAD[$key]=$(cut -d' ' -f1 /proc/loadavg)
  pids=$(server_pids "$key")
  c0=$(cpu_ticks $pids)
  m0=$(machine_busy_ticks)
  t0=$(date +%s%N)
  TIMEFORMAT='%U %S'
  { time wrk -t2 -c64 -d"$DURATION" --latency "$url" >"$out"; } 2>"$out.cpu"
  t1=$(date +%s%N)
  m1=$(machine_busy_ticks)
  c1=$(cpu_ticks $pids)
  n=$(awk '/ requests in / {print $1}' "$out")
  CPU[$key]=$(awk -v t=$((c1 - c0)) -v hz="$TICK" -v n="$n" 'BEGIN {printf "%.1f", (n > 0) ? t / hz / n * 1e6 : 0}')
  # CPU used by neither the server nor wrk (other users of this shared machine), in % of all cores.
  OTHER[$key]=$(awk -v m=$((m1 - m0)) -v c=$((c1 - c0)) -v hz="$TICK" -v w="$(cat "$out.cpu")" -v ns=$((t1 - t0)) -v cores="$(nproc)" \
    'BEGIN {split(w, x, " "); o = m / hz - c / hz - x[1] - x[2]; if (o < 0) o = 0; printf "%.0f", 100 * o / (ns / 1e9 * cores)}')
  RPS[$key]=$(awk '/^Requests\/sec:/ {print $2}' "$out")
  XFER[$key]=$(awk '/^Transfer\/sec:/ {print $2}' "$out")
  P50[$key]=$(to_ms "$(awk '$1 == "50%" {print $2}' "$out")")
  P99[$key]=$(to_ms "$(awk '$1 == "99%" {print $2}' "$out")")
  local non2xx sock
  non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$out")
  sock=$(awk '/Socket errors:/ {sub(/.*Socket errors: /, ""); print}' "$out")
  ERRS[$key]="${non2xx:+non-2xx $non2xx }${sock:+socket errors: $sock}"
  [ -n "${RPS[$key]}" ] || die "could not parse $out"
  log "$key: ${RPS[$key]} req/s, p50 ${P50[$key]} ms, p99 ${P99[$key]} ms, server CPU ${CPU[$key]} us/req, others ${OTHER[$key]}% ${ERRS[$key]}"
}
declare -A ALL_RPS
pick_best() { # key: the round with the most req/s stands for the key (interference only slows a run down)
  local key=$1 best=1 r
  ALL_RPS[$key]=""
  ERRS[$key]=""
  for ((r = 1; r <= ROUNDS; r++)); do
    ALL_RPS[$key]+="${ALL_RPS[$key]:+, }${RPS[$key.$r]} (${OTHER[$key.$r]} %)"
    if awk -v a="${RPS[$key.$r]}" -v b="${RPS[$key.$best]}" 'BEGIN {exit !(a > b)}'; then best=$r; fi
    [ -z "${ERRS[$key.$r]}" ] || ERRS[$key]+="round $r: ${ERRS[$key.$r]} "
  done
  RPS[$key]=${RPS[$key.$best]} P50[$key]=${P50[$key.$best]} P99[$key]=${P99[$key.$best]}
  XFER[$key]=${XFER[$key.$best]} CPU[$key]=${CPU[$key.$best]} OTHER[$key]=${OTHER[$key.$best]} LOAD[$key]=${LOAD[$key.$best]}
}
bench_row() { # modvault key, nginx key, path: warm-up then measured runs, alternating servers
  local mvk=$1 nxk=$2 path=$3 r
  wrk -t2 -c64 -d"$WARMUP" "$MV$path" >/dev/null
  measure "$mvk.1" "$MV$path"
  wrk -t2 -c64 -d"$WARMUP" "$NX$path" >/dev/null
  measure "$nxk.1" "$NX$path"
  for ((r = 2; r <= ROUNDS; r++)); do
    measure "$mvk.$r" "$MV$path"
    measure "$nxk.$r" "$NX$path"
  done
  pick_best "$mvk"
  pick_best "$nxk"
}
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
log "wrk rows: $ROUNDS round(s) each"
for row in "${ROWS[@]}"; do
  bench_row "mv-$row" "nx-$row" "${PATHS[$row]}"
done

log "the .info row again with MODVAULT_LOG_LEVEL=INFO (stdout to a file)"
stop_modvault
start_modvault INFO "$WORK/modvault-info.log"
warm
bench_row mvinfo-info nxinfo-info "${PATHS[info]}"
INFO_LINES=$(grep -c ' io.modvault.access\| access ' "$WORK/modvault-info.log" || true)
INFO_LOG_BYTES=$(stat -c %s "$WORK/modvault-info.log")
stop_modvault
rm -f "$WORK/modvault-info.log" # hundreds of MB of access lines; counted above
LOAD_END_ROWS=$(cut -d' ' -f1-3 /proc/loadavg)

# ---------------------------------------------------------------- 5. memory: 50 x 400 MiB
log "memory test: 50 concurrent downloads of the 400 MiB zip"
start_modvault WARN "$WORK/modvault-mem.log"
RSS_LOG=$WORK/rss.txt
: >"$RSS_LOG"
(
  while kill -0 "$MV_PID" 2>/dev/null; do
    rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$MV_PID/status" 2>/dev/null || true)
    [ -n "$rss" ] && echo "$(date +%s%N) $rss" >>"$RSS_LOG"
    sleep 0.1
  done
) &
SAMPLER_PID=$!
ZIP400_URL=$MV/bench.test/zip400m/@v/v1.0.0.zip
RSS_IDLE=$(awk '/^VmRSS:/ {print $2}' "/proc/$MV_PID/status")
t_warm0=$(date +%s%N)
warm400=$(curl -s --noproxy '*' --max-time 120 -o /dev/null -w '%{http_code} %{size_download}' "$ZIP400_URL")
t_warm1=$(date +%s%N)
[ "$warm400" = "200 $ZIP400" ] || die "warming the 400 MiB zip: got '$warm400'"
CURL_OUT=$WORK/curl50
rm -rf "$CURL_OUT" && mkdir -p "$CURL_OUT"
t_dl0=$(date +%s%N)
for i in $(seq 50); do
  curl -s --noproxy '*' --max-time 240 -o /dev/null -w '%{http_code} %{size_download}\n' "$ZIP400_URL" >"$CURL_OUT/$i" 2>&1 &
  CURL_PIDS+=($!)
done
for p in "${CURL_PIDS[@]}"; do wait "$p" || true; done
CURL_PIDS=()
t_dl1=$(date +%s%N)
sleep 0.3
MEM_OK=$(cat "$CURL_OUT"/* | grep -cx "200 $ZIP400" || true)
MEM_BAD=$(cat "$CURL_OUT"/* | grep -vx "200 $ZIP400" | sort | uniq -c | tr '\n' ';' || true)
HWM=$(awk '/^VmHWM:/ {print $2}' "/proc/$MV_PID/status")
RSS_AFTER=$(awk '/^VmRSS:/ {print $2}' "/proc/$MV_PID/status")
stop_pid "$SAMPLER_PID" 2
SAMPLER_PID=""
peak_between() { awk -v a="$1" -v b="$2" '$1 >= a && $1 <= b && $2 > m {m = $2} END {print m + 0}' "$RSS_LOG"; }
PEAK_WARM=$(peak_between "$t_warm0" "$t_warm1")
PEAK_DL=$(peak_between "$t_dl0" "$t_dl1")
PEAK_ALL=$(awk '$2 > m {m = $2} END {print m + 0}' "$RSS_LOG")
SAMPLES=$(wc -l <"$RSS_LOG")
DL_SECS=$(awk -v a="$t_dl0" -v b="$t_dl1" 'BEGIN {printf "%.1f", (b - a) / 1e9}')
WARM_SECS=$(awk -v a="$t_warm0" -v b="$t_warm1" 'BEGIN {printf "%.1f", (b - a) / 1e9}')
DL_GBPS=$(awk -v s="$DL_SECS" -v z="$ZIP400" 'BEGIN {printf "%.2f", 50 * z / s / 1e9}')
MV_ERRORS=$(grep -c ' ERROR \| WARN ' "$WORK/modvault-mem.log" || true)
stop_modvault
log "memory: peak RSS $((PEAK_ALL / 1024)) MiB, VmHWM $((HWM / 1024)) MiB, $MEM_OK/50 complete"

# ---------------------------------------------------------------- 6. start-up time
# Launch java, poll the .info URL every 10 ms until 200, stop it with SIGTERM. Prints seconds.
startup_once() { # log file, extra JVM flags...
  local out=$1; shift
  python3 - "$MV/bench.test/small/@v/v1.0.0.info" "$out" "$JAVA" -Xmx256m "$@" "${MV_ARGS[@]}" <<'PY'
import http.client, os, resource, signal, subprocess, sys, time, urllib.parse
url, out, cmd = sys.argv[1], sys.argv[2], sys.argv[3:]
u = urllib.parse.urlsplit(url)
env = dict(os.environ, MODVAULT_LOG_LEVEL="WARN")
with open(out, "ab") as log:
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env)
    elapsed = None
    while time.monotonic() - t0 < 30 and p.poll() is None:
        try:
            c = http.client.HTTPConnection(u.hostname, u.port, timeout=2)
            c.request("GET", u.path)
            r = c.getresponse()
            r.read()
            c.close()
            if r.status == 200:
                elapsed = time.monotonic() - t0
                break
        except OSError:
            pass
        time.sleep(0.01)
    p.send_signal(signal.SIGTERM)
    try:
        p.wait(timeout=60)
    except subprocess.TimeoutExpired:
        p.kill()
        p.wait()
if elapsed is None:
    sys.exit("no 200 from %s within 30 s" % url)
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
print("%.3f %.2f" % (elapsed, ru.ru_utime + ru.ru_stime))
PY
}
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
declare -A START_TIMES START_MEDIAN START_FLAGS START_OTHER
startup_variant() { # key, then JVM flags
  local key=$1; shift
  local times=() i r java_cpu=0 m0 m1 t0 t1
  m0=$(machine_busy_ticks)
  t0=$(date +%s%N)
  for i in 1 2 3 4 5; do
    r=$(startup_once "$WORK/startup-$key.log" "$@")
    times+=("${r% *}")
    java_cpu=$(awk -v a="$java_cpu" -v b="${r#* }" 'BEGIN {print a + b}')
  done
  t1=$(date +%s%N)
  m1=$(machine_busy_ticks)
  START_TIMES[$key]="${times[*]}"
  START_MEDIAN[$key]=$(median "${times[@]}")
  START_FLAGS[$key]="${*:-(none)}"
  # Machine CPU not used by the five modvault processes, in % of all cores (mostly other users).
  START_OTHER[$key]=$(awk -v m=$((m1 - m0)) -v hz="$TICK" -v j="$java_cpu" -v ns=$((t1 - t0)) -v cores="$(nproc)" \
    'BEGIN {o = m / hz - j; if (o < 0) o = 0; printf "%.0f", 100 * o / (ns / 1e9 * cores)}')
  log "start-up $key: ${times[*]} -> median ${START_MEDIAN[$key]} s, others ${START_OTHER[$key]}%"
}
log "start-up time, warm data dir"
rm -f "$WORK"/startup-*.log "$WORK"/modvault.jsa "$WORK"/modvault.aot
startup_variant default
# AppCDS: the first run (not timed) writes a dynamic archive at exit, later runs map it.
JSA_FLAGS=(-XX:+AutoCreateSharedArchive "-XX:SharedArchiveFile=$WORK/modvault.jsa")
startup_once "$WORK/startup-appcds-training.log" "${JSA_FLAGS[@]}" >/dev/null
[ -s "$WORK/modvault.jsa" ] || log "no AppCDS archive was written (see $WORK/startup-appcds-training.log)"
startup_variant appcds "${JSA_FLAGS[@]}"
# JDK 25 AOT cache (JEP 483/514/515: classes loaded and linked, method profiles), if this JDK has it.
AOT_SUPPORTED=""
if "$JAVA" "-XX:AOTCacheOutput=$WORK/probe.aot" -version >/dev/null 2>&1; then
  AOT_SUPPORTED=1
  rm -f "$WORK/probe.aot"
  startup_once "$WORK/startup-aot-training.log" "-XX:AOTCacheOutput=$WORK/modvault.aot" >/dev/null
  if [ -s "$WORK/modvault.aot" ]; then
    startup_variant aot "-XX:AOTCache=$WORK/modvault.aot"
  else
    log "no AOT cache was written (see $WORK/startup-aot-training.log)"
    AOT_SUPPORTED=""
  fi
fi
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)

# ---------------------------------------------------------------- results
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
meets() { awk -v r="$1" -v t="$2" 'BEGIN {print (r >= t) ? "yes" : "**no**"}'; }
under() { awk -v v="$1" -v t="$2" 'BEGIN {print (v < t) ? "yes" : "**no**"}'; }
JAVA_VERSION=$("$JAVA" -version 2>&1 | head -n1)
JAVA_VM=$("$JAVA" -version 2>&1 | tail -n1)
{
  echo "# modvault serving-path benchmark"
  echo
  echo "Produced by \`bench/run.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'). Cache hits only: every URL was"
  echo "requested once before measuring, so modvault answers from RocksDB (\`.info\`, \`.mod\`, list) or"
  echo "a blob file (zips, sent with \`sendfile\`). nginx serves the same files from a GOPROXY-layout"
  echo "directory and is also modvault's upstream. Both run on the same machine as wrk, on loopback."
  echo
  echo "## Machine"
  echo
  echo "- CPU: $(nproc) cores ($(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)); memory $(free -m | awk '/^Mem:/ {print $2}') MiB; kernel $(uname -r)"
  echo "- Java: \`$JAVA_VERSION\` ($JAVA_VM)"
  echo "- nginx: \`$(nginx -v 2>&1)\`; wrk: \`$(wrk -v 2>&1 | head -n1 | cut -d' ' -f1-2)\`"
  echo "- Load average (1/5/15 min): $LOAD_START at the start of the wrk rows, $LOAD_END_ROWS after them, $LOAD_END at the end."
  echo "  The machine is shared (other builds may run at the same time); the per-row 1-min load is in the table."
  echo
  echo "## Commands"
  echo
  echo '```sh'
  echo "# bench/work/nginx/nginx.conf: worker_processes 2; sendfile on; tcp_nopush on; tcp_nodelay on;"
  echo "#   keepalive_requests 100000; access_log off; listen 127.0.0.1:PORT reuseport"
  echo "$(printf '%q ' "${NGINX_CMD[@]}")"
  echo "MODVAULT_LOG_LEVEL=WARN $(printf '%q ' java -Xmx256m "${MV_ARGS[@]}")"
  echo "wrk -t2 -c64 -d$WARMUP URL              # warm-up, not counted (once per server and row)"
  echo "$WRK_CMD URL      # measured: modvault, nginx, then again modvault, nginx ($ROUNDS round(s))"
  echo '```'
  echo
  echo "Event-loop threads: modvault's default (one per core = $(nproc)); nginx: 2 workers; wrk: 2 threads, 64 connections."
  echo
  echo "## Throughput and latency (MODVAULT_LOG_LEVEL=WARN)"
  echo
  echo "Each row ran $ROUNDS round(s) per server, alternating; the table shows each server's best round"
  echo "(interference from other processes only ever slows a run down), all rounds are listed below it."
  echo
  echo "| row | modvault req/s | nginx req/s | modvault/nginx | target | met | modvault p50 / p99 ms | nginx p50 / p99 ms | server CPU µs/req modvault / nginx | others' CPU % modvault / nginx run | load1 |"
  echo "| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |"
  for row in "${ROWS[@]}"; do
    r=$(ratio "${RPS[mv-$row]}" "${RPS[nx-$row]}")
    echo "| ${LABEL[$row]} | ${RPS[mv-$row]} | ${RPS[nx-$row]} | $r | ≥ ${TARGET[$row]} | $(meets "$r" "${TARGET[$row]}") | ${P50[mv-$row]} / ${P99[mv-$row]} | ${P50[nx-$row]} / ${P99[nx-$row]} | ${CPU[mv-$row]} / ${CPU[nx-$row]} | ${OTHER[mv-$row]} / ${OTHER[nx-$row]} | ${LOAD[mv-$row]} |"
  done
  r=$(ratio "${RPS[mvinfo-info]}" "${RPS[nxinfo-info]}")
  echo "| .info, MODVAULT_LOG_LEVEL=INFO | ${RPS[mvinfo-info]} | ${RPS[nxinfo-info]} | $r | (≥ 0.8) | $(meets "$r" 0.8) | ${P50[mvinfo-info]} / ${P99[mvinfo-info]} | ${P50[nxinfo-info]} / ${P99[nxinfo-info]} | ${CPU[mvinfo-info]} / ${CPU[nxinfo-info]} | ${OTHER[mvinfo-info]} / ${OTHER[nxinfo-info]} | ${LOAD[mvinfo-info]} |"
  echo
  echo "| row | modvault req/s per round (others' CPU %) | nginx req/s per round (others' CPU %) |"
  echo "| --- | --- | --- |"
  for row in "${ROWS[@]}"; do echo "| ${LABEL[$row]} | ${ALL_RPS[mv-$row]} | ${ALL_RPS[nx-$row]} |"; done
  echo "| .info, INFO | ${ALL_RPS[mvinfo-info]} | ${ALL_RPS[nxinfo-info]} |"
  echo
  echo "Server CPU µs/req: user+system CPU time of the server (modvault: all JVM threads; nginx: master and"
  echo "workers) during the measured run, divided by the requests wrk completed. Others' CPU %: machine CPU"
  echo "used by neither the server nor wrk during the run, in % of all cores; other engineers' builds on this"
  echo "shared machine, so a row with a high value is noisy. The targets: ≥ 0.8× nginx for \`.info\`, \`.mod\` and"
  echo "the list, ≥ 0.9× for zips."
  echo
  echo "Transfer rates for the zips: 1 MiB modvault ${XFER[mv-zip1m]}/s, nginx ${XFER[nx-zip1m]}/s; 20 MiB modvault ${XFER[mv-zip20m]}/s, nginx ${XFER[nx-zip20m]}/s."
  errs=""
  for k in "${!ERRS[@]}"; do
    if [[ $k != *.* && -n ${ERRS[$k]} ]]; then errs+="$k: ${ERRS[$k]}; "; fi
  done
  echo "Errors reported by wrk: ${errs:-none}."
  echo
  echo "INFO row: the access log (one line per request, logback \`AsyncAppender\` → \`ConsoleAppender\` on stdout, redirected to a"
  echo "file) wrote $INFO_LINES lines, $((INFO_LOG_BYTES / 1024 / 1024)) MiB, during its warm-up and measured runs."
  echo
  echo "## Memory: 50 concurrent downloads of a 400 MiB zip (-Xmx256m)"
  echo
  echo "modvault freshly started, RSS sampled every 100 ms from \`/proc/PID/status\` ($SAMPLES samples)."
  echo "The 400 MiB zip ($ZIP400 bytes) was first fetched through modvault once (upstream MISS,"
  echo "streamed to disk and hashed, ${WARM_SECS} s), then 50 \`curl\` clients downloaded it at the same time."
  echo
  echo "| measure | value | target | met |"
  echo "| --- | ---: | ---: | --- |"
  echo "| RSS when idle after start | $((RSS_IDLE / 1024)) MiB | | |"
  echo "| peak RSS while warming (upstream fetch) | $((PEAK_WARM / 1024)) MiB | < 400 MiB | $(under "$PEAK_WARM" $((400 * 1024))) |"
  echo "| peak RSS during the 50 downloads | $((PEAK_DL / 1024)) MiB | < 400 MiB | $(under "$PEAK_DL" $((400 * 1024))) |"
  echo "| VmHWM (kernel's peak RSS) | $((HWM / 1024)) MiB | < 400 MiB | $(under "$HWM" $((400 * 1024))) |"
  echo "| RSS after the downloads | $((RSS_AFTER / 1024)) MiB | | |"
  echo "| clients with 200 and all $ZIP400 bytes | $MEM_OK / 50 | 50 / 50 | $([ "$MEM_OK" = 50 ] && echo yes || echo "**no** ($MEM_BAD)") |"
  echo "| WARN/ERROR lines in modvault's log | $MV_ERRORS | 0 | $([ "$MV_ERRORS" = 0 ] && echo yes || echo '**no**') |"
  echo "| wall time for the 50 downloads | $DL_SECS s ($DL_GBPS GB/s aggregate) | | |"
  echo
  echo "## Start-up time (warm data dir)"
  echo
  echo "From launching \`java -Xmx256m [flags] -jar ...\` to the first 200 answer to"
  echo "\`/bench.test/small/@v/v1.0.0.info\` (a cache hit), polling every 10 ms; 5 runs each, target < 1.5 s."
  echo
  echo "| JVM flags | runs (s) | median (s) | < 1.5 s | others' CPU % |"
  echo "| --- | --- | ---: | --- | ---: |"
  for key in default appcds aot; do
    [ -n "${START_MEDIAN[$key]:-}" ] || continue
    echo "| \`${START_FLAGS[$key]}\` | ${START_TIMES[$key]} | ${START_MEDIAN[$key]} | $(under "${START_MEDIAN[$key]}" 1.5) | ${START_OTHER[$key]} |"
  done
  echo
  echo "AppCDS: one untimed run with the same flags writes the archive at exit (\`-XX:+AutoCreateSharedArchive\`,"
  echo "JDK 19+). AOT cache: one untimed training run with \`-XX:AOTCacheOutput=...\` (JDK 25+),$([ -n "$AOT_SUPPORTED" ] || echo ' not available on this JDK, so not measured,') then \`-XX:AOTCache=...\`."
  if [ -f "$ROOT/bench/analysis.md" ]; then
    echo
    cat "$ROOT/bench/analysis.md"
  fi
} >"$RESULTS"
log "wrote $RESULTS"
