#!/usr/bin/env bash
# Checksum verification benchmark: the cost of verifying a module against a checksum database on
# a cold fetch (GET .mod then .zip through a real modvault server), GOSUMDB=off vs GOSUMDB=<key>
# with a cold / warmed / fully cached tile cache. Writes bench/VERIFY-RESULTS.md.
#
#   bench/verify.sh    # ~1.5 min on a quiet machine, bounded to < 5 min by timeouts (plus a build if needed);
#                      # needs a JDK >= 21 (scripts/with-jdk) and Maven with ~/.m2 populated (-o)
#
# Steps: build proxy-server with its dependencies (shaded modvault.jar, test classes) if missing or
# older than the sources; run bench/VerifyBench.java twice, each a single JVM on 127.0.0.1:
#  1. main run, with -Dsun.net.httpserver.nodelay=true so the JDK HttpServer behind the test
#     fixtures sends an 8 KiB tile without the ~40 ms Nagle/delayed-ACK stall it has by default
#     (see VERIFY-RESULTS.md); 200 modules, 100 000-record log, 2 warm-up + 3 measured rounds,
#     plus the "extra" passes (8 concurrent clients, 20 ms added database latency);
#  2. a short run with the fixtures' default (Nagle on), 60 modules, 2 warm-up + 1 measured round,
#     to show what the project's own tests see.
# The class path is the shaded modvault.jar (all runtime dependencies) plus the test-classes
# directories of sumdb-verifier, proxy-core and proxy-server (the fixtures); the fixtures used need
# nothing from the test-scope dependencies (JUnit, AssertJ). maven-dependency-plugin is not in
# ~/.m2, so `dependency:build-classpath` cannot be used offline.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=bench/work/verify
RESULTS=bench/VERIFY-RESULTS.md
log() { printf '[verify %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# ---------------------------------------------------------------- 1. build
source bench/test-classpath.sh

# ---------------------------------------------------------------- 2. run
mkdir -p "$WORK/main" "$WORK/nagle"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
main_cmd=(java -Xmx1g -Dsun.net.httpserver.nodelay=true -cp "$CP" bench/VerifyBench.java "$WORK/main"
          n=200 records=100000 warmup=2 rounds=3 extras=true clients=8 latencyMs=20)
nagle_cmd=(java -Xmx1g -cp "$CP" bench/VerifyBench.java "$WORK/nagle"
           n=60 records=100000 warmup=2 rounds=1 extras=false)
t0=$SECONDS
log "running ${main_cmd[*]}"
timeout -k 10 180 scripts/with-jdk "${main_cmd[@]}" >"$WORK/main/modvault-stdout.log"
log "running ${nagle_cmd[*]}"
timeout -k 10 100 scripts/with-jdk "${nagle_cmd[@]}" >"$WORK/nagle/modvault-stdout.log"
elapsed=$((SECONDS - t0))
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# ---------------------------------------------------------------- 3. report
env_of() { sed -n "s/^$2=//p" "$WORK/$1/results.env"; }
M() { env_of main "$1"; }
G() { env_of nagle "$1"; }
calc() { awk "BEGIN { printf \"$1\", $2 }"; }
ovB=$(calc %.2f "$(M MED_B) - $(M MED_A)")
ovC=$(calc %.2f "$(M MED_C) - $(M MED_A)")
ovD=$(calc %.2f "$(M MED_D) - $(M MED_A)")
modB=$(calc %.2f "$(M MODMED_B) - $(M MODMED_A)")
zipB=$(calc %.2f "$(M ZIPMED_B) - $(M ZIPMED_A)")
modD=$(calc %.2f "$(M MODMED_D) - $(M MODMED_A)")
zipD=$(calc %.2f "$(M ZIPMED_D) - $(M ZIPMED_A)")
tileStep=$(calc %.2f "$(M MODMED_B) - $(M MODMED_D)")
cpu_per_artifact=$(calc %.2f "$(M NOTE) + $(M PROOF)")
nagle_cd=$(calc %.1f "$(G MED_C) - $(G MED_D)")
main_cd=$(calc %.2f "$(M MED_C) - $(M MED_D)")
serial_bound=$(calc %.1f "$(M N) * $(M LATENCY) / 1000")
gain=$(calc %.1f "$(M RATE_XB) / $(M RATE_XB1)")
cpu_module=$(calc %.2f "2 * ($(M NOTE) + $(M PROOF)) + $(M HASH_MOD) + $(M HASH_ZIP)")

cpu=$(lscpu | sed -n 's/^Model name: *//p' | head -n1)
jdk=$(scripts/with-jdk java -version 2>&1 | head -n1)

cat >"$RESULTS" <<MD
# Checksum verification benchmark: cold fetch with and without GOSUMDB

Written by \`bench/verify.sh\` on $(date -u +%Y-%m-%dT%H:%M:%SZ) (both runs took ${elapsed} s). Re-run it to refresh this file.

## Machine

| | |
| --- | --- |
| CPU | $cpu, $(nproc) cores (shared with other jobs) |
| memory | $(free -g | awk '/^Mem:/ {print $2}') GiB |
| disk of the data dirs | $(df -T "$WORK" | awk 'NR==2 {print $2}') on $(df "$WORK" | awk 'NR==2 {print $1}') |
| kernel | $(uname -r) |
| JDK | $jdk |
| load average (1/5/15 min) | before: $load_before, after: $load_after |

## Commands

\`\`\`
scripts/with-jdk mvn -B -q -o -pl proxy-server -am -DskipTests package     # only if stale
CP=$CP
${main_cmd[*]}
${nagle_cmd[*]}
\`\`\`

## Setup

- **Checksum database**: a \`TestChecksumLog\` of $(M RECORDS) records (built in $(M BUILD_SECS) s):
  the $(M N) benchmark modules and one warm-up module at evenly spaced record ids (every $(M SPACING)th
  record, first benchmark module at id $(M FIRST_ID)), so each lies in its own level-0 tile, as
  modules picked from a real database do; the rest filler records. Served by
  \`ChecksumDatabaseServer\` mounted at \`/sumdb/sumdb.bench/\` on the \`FakeUpstream\`, which also
  serves the modules (\`bench.test/m0001\` … \`bench.test/m0200\`, v1.0.0, go.mod + one ~4 KB Go file,
  zip $(M ZIP_BYTES) bytes).
- **modvault**: \`ModvaultServer.start(ConfigLoader.load(env, …))\` in the same JVM, \`GOPROXY\` = the
  fake upstream, RocksDB store (every write synced), default settings, a fresh data directory per
  pass. modvault finds the database through the upstream (\`/sumdb/sumdb.bench/supported\`).
- **Measured**: per module, sequentially, the wall time at a JDK HttpClient (HTTP/1.1, keep-alive)
  of a cold \`GET /<module>/@v/v1.0.0.mod\` then a cold \`GET …/v1.0.0.zip\`; both must be 200 with
  the upstream's exact bytes, and \`/metrics\` must show 2 verified artifacts per module (0 and 2
  skipped with GOSUMDB=off).
  - (a) \`GOSUMDB=off\`;
  - (b) \`GOSUMDB=<name+hash+key>\`, nothing cached: the first module also pays the \`supported\`
    probe and the shared upper and right-edge tiles;
  - (c) same, after one other module (not measured) was fetched: the shared tiles and the trusted
    tree head are cached, each measured module still needs its own level-0 tile;
  - (d) same, with every tile the modules need already cached (fetched beforehand through
    modvault's own \`/sumdb/\` endpoint, which shares the cache): only the lookups go upstream.
- Two warm-up rounds of all four configurations are discarded (JIT), then 3 measured rounds with
  the order of the configurations rotated; percentiles over all 3 × $(M N) modules.
- The JDK HttpServer behind the fixtures runs with \`-Dsun.net.httpserver.nodelay=true\` in the main
  run; without it every full tile costs ~40 ms extra, an artefact of the test server (see
  "Finding 1").

## Results (main run)

$(cat "$WORK/main/results.md")

The machine's 2 cores are shared with other jobs (load averages above): the p90 columns and any
round far off the others mostly show that load, not modvault. Read the medians and the per-round
table; the overheads are differences of medians measured minutes apart at most.

## Where the time goes

Sequentially on loopback, verification adds **${ovB} ms** per module (.mod + .zip, median) with a
cold tile cache (b), **${ovC} ms** after warming (c) and **${ovD} ms** when all tiles are cached
(d), on top of $(M MED_A) ms with GOSUMDB=off. The request counts show the work is what it should
be: exactly one lookup per module (the .zip's verification reads the lookup modvault stored for the
.mod), one new tile per module (its level-0 tile; the upper and right-edge tiles — 4 of them — are
fetched once per data directory and then served from the store), and no tile fetched twice. So (b)
and (c) cost the same per module; the cold cache shows only in the first module of a pass (median
of the rounds: (b) $(M FIRST_B) ms, (c) $(M FIRST_C) ms, (a) $(M FIRST_A) ms — three samples each,
so only indicative): a cold tile cache costs a handful of extra round trips once, not per module.
What (d) saves over (b)/(c) is the level-0 tile of each module.

- **.mod** (+${modB} ms in (b)): the .mod request is the one that goes to the database: the lookup
  (a loopback round trip, with a fresh Ed25519 signature of the tree head made by the test server),
  then the module's level-0 tile (+${tileStep} ms, the difference between (b) and (d)), each
  stored with a synced RocksDB write ($(M SYNC_PUT) ms each here), then the checks:
  \`TrustedTreeHeads.current()\` re-verifies the stored tree head's signature ($(M NOTE) ms) and
  \`SumdbVerifier.verifyLookup\` verifies the lookup's note and the inclusion proof ($(M PROOF) ms,
  tiles in memory).
- **.zip** (+${zipB} ms in (b), +${zipD} ms in (d)): no network, but \`ModuleVerifier.verify\`
  repeats the whole verification for the second artifact: lookup and tiles read back from the
  store, both signatures and the inclusion proof again (~${cpu_per_artifact} ms of CPU), plus hashing
  the zip (\`DirHash.hashZip\`, $(M HASH_ZIP) ms for these small zips).
- Pure CPU (two signature checks and an inclusion proof per artifact, hashing) is ~${cpu_module} ms
  per module (sum of the component medians); the rest is two extra
  sequential upstream round trips and their synced writes. On loopback a round trip costs
  ~$(M RTT_TILE) ms; against a real database it is the network round trip, which then dominates:
  with $(M LATENCY) ms added to every database answer, a sequential client needs $(M XMED_XB1) ms
  per cold module ((b), one client, table "Extra"): two round trips (lookup + level-0 tile) plus
  the loopback cost above.

## Finding 1: every full tile from the test fixtures costs ~40 ms (test-server artefact, not modvault)

With the fixtures' default (Nagle on), the same benchmark (second JVM, $(G N) modules, 2 warm-up
rounds + 1 measured round, no extras) gives:

$(sed -n '1,7p' "$WORK/nagle/results.md")

and a lone GET of a full tile from the fake upstream takes **$(G RTT_TILE) ms** (a .mod: $(G RTT_MOD)
ms). (c) and (d) differ only by each module's level-0 tile, a full 8 KiB tile: that difference is
**${nagle_cd} ms** per module here against ${main_cd} ms in the main run. ((a) in this short
single-round run is noisier than in the main run: its .zip requests include the blob commit's
fsyncs, which other jobs' disk activity slows down at times.) Cause:
\`ReplyWriter.send\` (proxy-core test sources) calls \`HttpExchange.sendResponseHeaders\`, and the
JDK's \`sun.net.httpserver.ExchangeImpl.sendResponseHeaders\` only copies the header bytes into the
connection's \`BufferedOutputStream\` (8192-byte buffer, \`ServerImpl\`), without flushing. A full
hash tile is 8192 bytes (256 hashes × 32 bytes), so the body does not fit into the buffer next to
the headers: \`BufferedOutputStream.write\` first flushes the headers as a segment of their own and
then writes the body as a second one (any body longer than 8192 bytes minus the header length
does the same; shorter ones leave together with the headers when the exchange is closed).
\`ServerImpl\` sets \`TCP_NODELAY\` only when \`-Dsun.net.httpserver.nodelay=true\`
(\`ServerConfig.noDelay()\`), so Nagle's algorithm holds the body until the client acknowledges
the header segment, and the client (Linux) delays that ACK by ~40 ms. Lookups, partial tiles and
the small zips are below that size and not affected. Plain files from the same \`FakeUpstream\`
show the threshold (median ms, default vs \`nodelay=true\`): 1 000 bytes $(G BODY_1000) vs
$(M BODY_1000), 8 000 bytes $(G BODY_8000) vs $(M BODY_8000), 8 100 bytes $(G BODY_8100) vs
$(M BODY_8100), **8 192 bytes $(G BODY_8192)** vs $(M BODY_8192), 20 000 bytes $(G BODY_20000) vs
$(M BODY_20000), 1 000 000 bytes $(G BODY_1000000) vs $(M BODY_1000000) (with a large body the
client acknowledges promptly as more data arrives, so only mid-sized bodies stall). modvault is
not affected: its Netty server sets \`TCP_NODELAY\` (cached full tile
from modvault's \`/sumdb/\`: $(M CACHED_TILE) ms), and real checksum databases are not JDK
HttpServers. The project's own tests against \`ChecksumDatabaseServer\`/\`FakeUpstream\` (e.g.
\`ChecksumVerificationIT\`, which drives the go command) paid the 40 ms per full tile until the surefire/failsafe \`argLine\` set \`-Dsun.net.httpserver.nodelay=true\` (the property is read once, by \`ServerConfig\`'s static initializer).

## Finding 2 (fixed): concurrent cold verifications were serialized on tile reads

In table "Extra", with $(M LATENCY) ms added to every database answer, $(M CLIENTS) concurrent
clients fetching distinct cold modules need $(M WALL_XB) s for all $(M N) modules ($(M RATE_XB)
modules/s) against $(M WALL_XB1) s with one client ($(M RATE_XB1) modules/s): ${gain}× with
$(M CLIENTS) clients, each module waiting $(M XMED_XB) ms (median) against $(M XMED_XB1) ms alone;
one tile round trip at a time would have needed at least ${serial_bound} s. With all tiles cached
(d) the same clients take $(M WALL_XD) s ($(M RATE_XD) modules/s).
The first run of this benchmark measured only 1.9× for 8 clients (11.53 s → 6.22 s): then
\`ModuleVerifier.verify\` held its single lock across \`SumdbVerifier.verifyLookup(…, new
DatabaseTiles(reads))\`, whose tile reads are network requests for tiles not yet stored, so every
cold verification waited for all the others' tile downloads. Since then the proofs run without
the lock; only advancing the trusted tree head is serialized, and if the head moved meanwhile the
two heads are proven consistent under the lock (\`ModuleVerifier.advance\`).

## Smaller observations

- Each .zip repeats the complete verification of the .mod's record (lookup and tiles from the store,
  two Ed25519 checks, the inclusion proof): ~${zipD} ms per module here. A verified record could be
  remembered per module version (both lines are in the one record), so the second artifact only
  compares its hash.
- Every verification re-verifies the signature of the stored trusted tree head
  (\`TrustedTreeHeads.current()\`, $(M NOTE) ms); cheap, but it could be cached in memory after the
  first check.
- Tile caching works as intended: tiles and lookups are stored forever (\`Freshness.forever()\` in
  \`ChecksumDatabaseProxy.get\`), nothing was fetched twice in any pass, and (d) shows zero tile
  requests.
MD
log "wrote $RESULTS"
