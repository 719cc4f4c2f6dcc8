#!/usr/bin/env bash
# Hashing benchmark: DirHash.hashZip (the h1: of a module zip, sumdb-verifier) against sha256sum
# on the same files, in the same run. Writes bench/HASH-RESULTS.md.
#
#   bench/hash.sh      # about a minute; needs python3, a JDK >= 21 (scripts/with-jdk), Maven if the jar is missing
#
# Steps: build sumdb-verifier's jar if missing or older than its sources; generate module zips of
# 1 MB and 100 MB with incompressible content (bench/make_hash_zips.py, into bench/work/hash/, with
# Python's own h1 of each); run bench/HashBench.java in one JVM (warm-up, then the median of >= 5
# runs per file) and check its h1 equals Python's; time sha256sum 5 times per file (median), and
# for the 1 MB file also 100 copies in one sha256sum process, so process start-up does not dominate;
# openssl dgst -sha256 (which uses the CPU's SHA instructions) the same way, as a second reference
# when openssl is installed. MB/s = zip file size (10^6 bytes) / median time.
# Target: DirHash >= 0.7 x sha256sum.
set -euo pipefail
if [ -z "${HASH_BENCH_UNDER_TIMEOUT:-}" ]; then
  HASH_BENCH_UNDER_TIMEOUT=1 exec timeout -k 10 600 "$0" "$@"
fi
cd "$(dirname "$0")/.."
WORK=bench/work/hash
RESULTS=bench/HASH-RESULTS.md
SPECS=(1mb:1:64 100mb:100:1024)   # name:size MB:payload file KiB
log() { printf '[hash %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# ---------------------------------------------------------------- 1. the jar
jar=$(ls sumdb-verifier/target/sumdb-verifier-*.jar 2>/dev/null | grep -v -e '-tests\.jar$' -e '-sources\.jar$' | head -n1 || true)
if [ -z "$jar" ] || [ -n "$(find pom.xml sumdb-verifier/pom.xml sumdb-verifier/src/main -newer "$jar" -print -quit)" ]; then
  log "building sumdb-verifier"
  scripts/with-jdk mvn -B -q -pl sumdb-verifier -DskipTests package
  jar=$(ls sumdb-verifier/target/sumdb-verifier-*.jar | grep -v -e '-tests\.jar$' -e '-sources\.jar$' | head -n1)
fi

# ---------------------------------------------------------------- 2. the zips
log "generating ${SPECS[*]} in $WORK"
python3 bench/make_hash_zips.py "$WORK" "${SPECS[@]}" >&2
files=()
for spec in "${SPECS[@]}"; do files+=("$WORK/${spec%%:*}.zip"); done
cat "${files[@]}" >/dev/null   # both contenders read from the page cache

load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# ---------------------------------------------------------------- 3. DirHash.hashZip (one JVM)
java_cmd=(java -Xmx64m -cp "$jar" bench/HashBench.java "${files[@]}")
log "running ${java_cmd[*]}"
java_out=$(scripts/with-jdk "${java_cmd[@]}")
echo "$java_out" >&2
declare -A java_ns java_runs java_h1
while read -r tag file bytes runs median min max h1; do
  [ "$tag" = RESULT ] || continue
  java_ns[$file]=$median; java_runs[$file]=$runs; java_h1[$file]=$h1
  want=$(cat "$file.h1")
  [ "$h1" = "$want" ] || { log "FAILED: $file: Java h1 $h1 differs from Python's $want"; exit 1; }
done <<<"$java_out"

# ---------------------------------------------------------------- 4. sha256sum (and openssl)
# median of 5 wall-clock times (bash EPOCHREALTIME, microseconds) of: COMMAND ARGS >/dev/null
median_us() {
  local times=() i t0 t1
  for i in 1 2 3 4 5; do
    t0=${EPOCHREALTIME/./}; "$@" >/dev/null; t1=${EPOCHREALTIME/./}
    times+=($((t1 - t0)))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 3p
}
copies=()
for i in $(seq 100); do copies+=("${files[0]}"); done
declare -A sha_us ossl_us
for f in "${files[@]}"; do sha_us[$f]=$(median_us sha256sum "$f"); done
sha_us_1mb_x100=$(median_us sha256sum "${copies[@]}")
have_openssl=""
if command -v openssl >/dev/null; then
  have_openssl=1
  for f in "${files[@]}"; do ossl_us[$f]=$(median_us openssl dgst -sha256 "$f"); done
  ossl_us_1mb_x100=$(median_us openssl dgst -sha256 "${copies[@]}")
fi
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# ---------------------------------------------------------------- 5. report
mbps() { awk -v b="$1" -v ns="$2" 'BEGIN { printf "%.0f", b / 1e6 / (ns / 1e9) }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
rows=""
for f in "${files[@]}"; do
  bytes=$(stat -c %s "$f")
  j=$(mbps "$bytes" "${java_ns[$f]}")
  s=$(mbps "$bytes" "$((sha_us[$f] * 1000))")
  r=$(ratio "$j" "$s")
  verdict=$(awk -v r="$r" 'BEGIN { print (r >= 0.7 ? "yes" : "NO") }')
  rows+="| $(basename "$f") | $bytes | ${java_runs[$f]} | $(awk -v ns="${java_ns[$f]}" 'BEGIN{printf "%.2f", ns/1e6}') | **$j** | $(awk -v us="${sha_us[$f]}" 'BEGIN{printf "%.2f", us/1e3}') | $s | $r | $verdict |"$'\n'
done
b1=$(stat -c %s "${files[0]}")
s100=$(mbps "$((b1 * 100))" "$((sha_us_1mb_x100 * 1000))")
j1=$(mbps "$b1" "${java_ns[${files[0]}]}")
r100=$(ratio "$j1" "$s100")

cpu=$(lscpu | sed -n 's/^Model name: *//p' | head -n1)
sha_ext=$(grep -q -w sha_ni /proc/cpuinfo && echo "yes (sha_ni)" || echo no)
sha_libs=$(ldd "$(command -v sha256sum)" | grep -q -e libcrypto -e libssl && echo "linked to OpenSSL" || echo "own C implementation (not linked to OpenSSL)")
jdk=$(scripts/with-jdk java -version 2>&1 | head -n1)

cat >"$RESULTS" <<MD
# Hashing benchmark: DirHash.hashZip vs sha256sum

Written by \`bench/hash.sh\` on $(date -u +%Y-%m-%dT%H:%M:%SZ). Re-run it to refresh this file.

## Machine

| | |
| --- | --- |
| CPU | $cpu, $(nproc) cores (shared with other jobs) |
| SHA CPU extension | $sha_ext |
| memory | $(free -g | awk '/^Mem:/ {print $2}') GiB |
| kernel | $(uname -r) |
| JDK | $jdk |
| sha256sum | $(sha256sum --version | head -n1), $sha_libs |
| load average (1/5/15 min) | before: $load_before, after: $load_after |

## Commands

\`\`\`
python3 bench/make_hash_zips.py $WORK ${SPECS[*]}
${java_cmd[*]}
sha256sum FILE >/dev/null                       # 5 times per file, median of wall-clock time
sha256sum ${files[0]} (x100) >/dev/null   # 5 times, median / 100
\`\`\`

Zips: valid module zips (\`example.test/hashbench@v1.0.0/…\`, go.mod, one Go file, no directory
entries), payload files of random bytes (1 MB: 64 KiB files, 100 MB: 1 MiB files), Deflate at
level 1, which leaves random data in stored blocks, so the zip is as large as its content. DirHash
reads every entry through the JDK's inflater, SHA-256s it, then hashes the summary, i.e. it does
more work than sha256sum over the same bytes. Both read warm files from the page cache. The h1
printed by the Java program was checked against one computed independently by Python.
MB = 10^6 bytes of zip file; DirHash: median of the measured runs after >= 2 s of warm-up in the
same JVM (at least 5 runs, up to 101 within 3 s); sha256sum: median of 5 runs, each a new process.

## Results

| zip | bytes | DirHash runs | DirHash median ms | DirHash MB/s | sha256sum median ms | sha256sum MB/s | ratio | >= 0.7 |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |
$rows
The 1 MB sha256sum row is mostly process start-up. Hashing 100 copies of the 1 MB zip in one
sha256sum process takes $(awk -v us="$sha_us_1mb_x100" 'BEGIN{printf "%.1f", us/1e3}') ms (median of 5), i.e. $s100 MB/s; against that
DirHash's 1 MB throughput is $r100 x.
MD
if [ -n "$have_openssl" ]; then
  cat >>"$RESULTS" <<MD

### Second reference: openssl dgst -sha256

sha256sum here is its $sha_libs. OpenSSL ($(openssl version | cut -d' ' -f1-2)) uses the CPU's SHA
instructions where present (SHA extension: $sha_ext), as the JDK's SHA-256 intrinsic does, so it
is the stricter yardstick. Same method (median of 5 processes per file; 100 copies of the 1 MB zip
in one process).

| zip | openssl median ms | openssl MB/s | DirHash MB/s | DirHash / openssl |
| --- | ---: | ---: | ---: | ---: |
MD
  for f in "${files[@]}"; do
    bytes=$(stat -c %s "$f")
    j=$(mbps "$bytes" "${java_ns[$f]}")
    o=$(mbps "$bytes" "$((ossl_us[$f] * 1000))")
    echo "| $(basename "$f") | $(awk -v us="${ossl_us[$f]}" 'BEGIN{printf "%.2f", us/1e3}') | $o | $j | $(ratio "$j" "$o") |" >>"$RESULTS"
  done
  o100=$(mbps "$((b1 * 100))" "$((ossl_us_1mb_x100 * 1000))")
  echo "| $(basename "${files[0]}") x100 in one process | $(awk -v us="$ossl_us_1mb_x100" 'BEGIN{printf "%.1f", us/1e3}') | $o100 | $j1 | $(ratio "$j1" "$o100") |" >>"$RESULTS"
fi
log "wrote $RESULTS"
cat "$RESULTS"
