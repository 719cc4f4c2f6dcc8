#!/usr/bin/env bash
# Private-module benchmark: modvault serving a module straight from git (GOPRIVATE → DirectUpstream)
# cold / warm / cached, beside `go mod download` in direct mode, all on loopback. Writes
# bench/PRIVATE-RESULTS.md.
#
#   bench/private.sh   # ~1.5 min on a quiet machine, bounded to < 5 min by a timeout (plus a build if
#                      # needed); needs git, go, a JDK >= 21 (scripts/with-jdk) and Maven with ~/.m2 (-o)
#
# Steps: build proxy-server with its dependencies (shaded modvault.jar, test classes) if missing or
# older than the sources; run bench/PrivateBench.java in one JVM (it builds the repository with
# GitRepoBuilder, serves it with GitHttpServer as git.example.test/org/big, starts modvault in-process
# per run, runs the go command through GoDirect, traces every git process with trace2); write the report.
# The JDK HttpServer behind GitHttpServer runs with -Dsun.net.httpserver.nodelay=true (see
# VERIFY-RESULTS.md, finding 1: without it mid-sized responses stall ~40 ms on Nagle/delayed ACK).
# The class path is the shaded modvault.jar plus the test-classes directories of sumdb-verifier,
# proxy-core and proxy-server (the fixtures; they need nothing from JUnit or AssertJ).
# Knobs for quick trials only: PRIVATE_RUNS (9), PRIVATE_WARMUP (2).
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=bench/work/private
RESULTS=bench/PRIVATE-RESULTS.md
RUNS=${PRIVATE_RUNS:-9}
WARMUP=${PRIVATE_WARMUP:-2}
log() { printf '[private %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# ---------------------------------------------------------------- 1. build
source bench/test-classpath.sh

# ---------------------------------------------------------------- 2. run
others=$(pgrep -f 'bench/run.sh' || true)
[ -z "$others" ] || log "WARNING: bench/run.sh is running (pids $others); the numbers will show it"
mkdir -p "$WORK"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
cmd=(java -Xmx1g -Dsun.net.httpserver.nodelay=true -cp "$CP" bench/PrivateBench.java "$WORK/run"
     runs="$RUNS" warmup="$WARMUP" commits=320 files=200 kbytes=2048 untagged=20)
t0=$SECONDS
log "running ${cmd[*]}"
timeout -k 10 270 scripts/with-jdk "${cmd[@]}" >"$WORK/modvault-stdout.log"
elapsed=$((SECONDS - t0))
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
cp "$WORK/run/results.md" "$WORK/results.md"
cp "$WORK/run/results.env" "$WORK/results.env"
rm -rf "$WORK/run"

# ---------------------------------------------------------------- 3. report
E() { sed -n "s/^$1=//p" "$WORK/results.env"; }
# The run before the fixes of slow spots 1 and 2 (see "After the fixes"), kept for the comparison.
B() { sed -n "s/^$1=//p" bench/private-before.env; }
calc() { awk "BEGIN { printf \"$1\", $2 }"; }
kib() { calc %.0f "$1 / 1024"; }
cpu=$(lscpu | sed -n 's/^Model name: *//p' | head -n1)
jdk=$(scripts/with-jdk java -version 2>&1 | head -n1)
gov=$(PATH="/usr/local/go/bin:$PATH" go version)
gitv=$(git --version)
agree=$(E HASHES_AGREE)
agree_text="the same"
[ "$agree" = true ] || agree_text="**NOT the same (see the table)**"
spawn_over=$(calc %.1f "$(E SPAWN_MS) - $(E GIT_VERSION_TABS_MS)")
zip_rest=$(calc %.0f "$(E REPOZIP_MS) - $(E REPOZIP_GIT_MS) - $(E REZIP0_MS)")
rezip_share=$(calc %.0f "100 * $(E REZIP0_MS) / $(E REPOZIP_MS)")
archive_save=$(calc %.0f "$(E ARCHIVE_MS) - $(E ARCHIVE0_MS) + $(E REZIP_MS) - $(E REZIP0_MS)")
zip_warm_share=$(calc %.0f "100 * $(E MV_TAG_WARM_ZIP) / $(E MV_TAG_WARM)")
mv_vs_go_tag=$(calc %.0f "$(E GO_TAG_COLD) - $(E MV_TAG_COLD)")
cold_tag_fetch=$(calc %.0f "$(E MV_TAG_COLD_INFO_FETCH) + $(E MV_TAG_COLD_INFO_LS_REMOTE)")
cold_commit_fetch=$(calc %.0f "$(E MV_COMMIT_COLD_INFO_FETCH) + $(E MV_COMMIT_COLD_INFO_LS_REMOTE)")
go_tag_fetch=$(calc %.0f "$(E GO_TAG_COLD_FETCH) + $(E GO_TAG_COLD_LS_REMOTE)")
go_commit_fetch=$(calc %.0f "$(E GO_COMMIT_COLD_FETCH) + $(E GO_COMMIT_COLD_LS_REMOTE)")

cat >"$RESULTS" <<MD
# Private modules: direct (git) fetching, modvault vs the go command

Written by \`bench/private.sh\` on $(date -u +%Y-%m-%dT%H:%M:%SZ) (the run took ${elapsed} s). Re-run it to refresh this file.

## Machine

| | |
| --- | --- |
| CPU | $cpu, $(nproc) cores (shared with other jobs) |
| memory | $(free -g | awk '/^Mem:/ {print $2}') GiB |
| disk of the data dirs | $(df -T "$WORK" | awk 'NR==2 {print $2}') on $(df "$WORK" | awk 'NR==2 {print $1}') |
| kernel | $(uname -r) |
| JDK | $jdk |
| go | $gov |
| git | $gitv |
| load average (1/5/15 min) | before: $load_before, after: $load_after$( [ -z "$others" ] || printf ' (bench/run.sh was running!)') |

## Commands

\`\`\`
scripts/with-jdk mvn -B -q -o -pl proxy-server -am -DskipTests package     # only if stale
CP=$CP
${cmd[*]}
\`\`\`

## Setup

- **Repository** (\`GitRepoBuilder\`, reproducible): \`org/big\`, served by \`GitHttpServer\` as
  \`git.example.test/org/big\` (Basic auth required, smart HTTP through the real \`git http-backend\`,
  reached through the server acting as HTTP proxy). $(E COMMITS) commits, one per hour from 2024-01-01;
  the tree at v1.5.0 has $(E FILES) files, $(kib "$(E TREE_BYTES)") KiB (200 generated Go files of ~10 KiB,
  go.mod, LICENSE, README.md); each later commit changes 1–3 functions in 1–3 files. Tags v1.0.0 …
  v1.5.0 spread evenly, v1.5.0 followed by $(E UNTAGGED) untagged commits on main. Packed history:
  $(kib "$(E PACK_BYTES)") KiB. The module zip of v1.5.0: $(kib "$(E ZIP_BYTES)") KiB, $(E ZIP_ENTRIES) files.
- **(1) tag**: \`GET .info\`, \`.mod\`, \`.zip\` of v1.5.0. **(2) commit**: \`GET @v/$(E COMMIT12).info\`
  (HEAD~5 on main) → \`$(E PSEUDO)\`, then its \`.mod\` and \`.zip\`. Sequential requests from a JDK
  HttpClient (HTTP/1.1, keep-alive); wall time per request at the client; every answer must be 200.
- **modvault**: \`ModvaultServer.start(ConfigLoader.load(env, …))\` in the benchmark's JVM, settings as in
  \`PrivateModulesIT\`: \`GOPRIVATE\`/\`GOINSECURE=git.example.test\`, \`HTTP(S)_PROXY\`/\`http(s)_proxy\` = the git
  server, \`MODVAULT_GIT_CREDENTIALS\`, \`GOPROXY=off\`, \`GOSUMDB=off\` (a GOPRIVATE module is never looked up
  anyway), RocksDB store, default TTLs (refs 60 s). A new server and data directory for every run:
  - *cold*: empty data directory: no mirror, nothing stored;
  - *warm (same process)*: a \`GET v1.0.0.info\` first (not measured) creates the mirror (full fetch) and
    warms discovery and the ref snapshot; then the measured requests, whose artifacts are not stored yet;
  - *fully cached (HIT)*: the same requests once more on that server;
  - *warm (new process)*: the data directory holds only \`vcs/\`, the mirror a cold run left behind,
    as after a restart with the store emptied.
- **go**: \`go mod download -json git.example.test/org/big@v1.5.0\` (resp. \`@$(E COMMIT12)\`) through
  \`GoDirect\` (\`GOPROXY=direct\`, GOPRIVATE, GOINSECURE, the git server as HTTP proxy, credentials in
  \`.netrc\`): *cold* with a fresh GOMODCACHE and GOPATH, *warm* the same command again in the same
  cache. Wall time of the go process (it also unpacks the zip into the module cache).
- $WARMUP warm-up round(s) of everything discarded, then $RUNS measured rounds; in each round modvault
  and go alternate, so load from other jobs hits both alike. Medians over the rounds.
- **Where the time goes**: every git process modvault or go starts writes trace2 events (\`trace2.eventTarget\`
  in a \`GIT_CONFIG_GLOBAL\` file: modvault's \`GitEnvironment\` drops \`GIT_TRACE*\` variables but keeps
  \`GIT_CONFIG_GLOBAL\`); each top-level process is attributed to the request during which it started;
  "git" is git's own run time (\`t_abs\` at exit), so it excludes process creation (measured separately
  below). Requests to the git host come from \`GitHttpServer.requestLog()\`. The ingredients of a
  \`.zip\` are then timed alone in the same, warm JVM.

## Results

$(cat "$WORK/results.md")

The 2-core machine is shared (load averages above); the min–max column shows the spread. Answers are
$agree_text as the go command's (table above: h1 of each zip and go.mod, .info Version and Time).

## Summary

- **Cold**, nothing on disk: modvault needs $(E MV_TAG_COLD) ms for the tag's \`.info\` + \`.mod\` + \`.zip\`
  ($(E MV_TAG_COLD_INFO) + $(E MV_TAG_COLD_MOD) + $(E MV_TAG_COLD_ZIP)) and $(E MV_COMMIT_COLD) ms for the commit;
  \`go mod download\` in direct mode $(E GO_TAG_COLD) ms and $(E GO_COMMIT_COLD) ms. The first request pays
  the git fetch; building the \`.zip\` costs $(E MV_TAG_COLD_ZIP) ms (cold) / $(E MV_TAG_WARM_ZIP) ms (warm) each time.
- **Warm**, mirror present, artifacts not stored: $(E MV_TAG_WARM) ms (tag) and $(E MV_COMMIT_WARM) ms (commit),
  ${zip_warm_share}% of it the \`.zip\`; after a restart $(E MV_TAG_RESTART) / $(E MV_COMMIT_RESTART) ms.
- **Cached** (HIT): $(E MV_TAG_HIT) / $(E MV_COMMIT_HIT) ms for all three requests (go's own warm module cache:
  $(E GO_TAG_WARM) / $(E GO_COMMIT_WARM) ms).

## Where the time goes

**Cold** (no mirror): the \`.info\` request carries all the network work: go-get discovery, then
\`git ls-remote\` and a full \`git fetch\` of every branch and tag into a new bare mirror
(\`MirrorSync.refresh\`): ${cold_tag_fetch} ms of git for the tag, ${cold_commit_fetch} ms for the
commit, of $(E MV_TAG_COLD_INFO) / $(E MV_COMMIT_COLD_INFO) ms. Everything after that is local:
\`.mod\` and \`.zip\` make no request to the git host.
The go command fetches differently for a tag: a shallow fetch of just that tag (see "The fetch
commands"), which here costs more, not less (${go_tag_fetch} ms of fetch + ls-remote vs ${cold_tag_fetch}
ms for modvault; most of it is \`remote-curl\` waiting for the server, which for \`--depth=1\` presumably
has to compute the shallow boundary and cannot send the deltas of its existing pack), although go's
git directory ends up smaller ($(kib "$(E GO_VCS_BYTES_TAG)") KiB against the $(kib "$(E MIRROR_BYTES)")
KiB of modvault's full mirror). That is why modvault's cold tag is ${mv_vs_go_tag} ms faster than go's. For the commit both do a full fetch (go: ${go_commit_fetch} ms, modvault:
${cold_commit_fetch} ms). For a repository with a long history the full fetch of modvault's first
contact grows with the history, go's shallow tag fetch does not; it is paid once per mirror.

**Warm** (mirror present, artifact not stored): no network (except after a restart, see below);
every request runs local git commands in the mirror, each a process of ~1 ms plus ~${spawn_over} ms to
start it from the JVM (\`git --version\`: $(E SPAWN_MS) ms from the JVM against $(E GIT_VERSION_TABS_MS) ms
inside git):

- \`.info\`: $(E MV_TAG_WARM_INFO_PROCS) git processes for the tag, $(E MV_COMMIT_WARM_INFO_PROCS) for the commit
  query (\`git log -n1\` to resolve, \`git cat-file\` for go.mod, \`for-each-ref --merged\` for the
  pseudo-version's base tag). A canonical version that resolves to itself is remembered per mirror
  (\`ResolvedVersions\`: commit, module directory, go.mod) until a fetch changes the refs.
- \`.mod\`: $(E MV_TAG_WARM_MOD_PROCS) git processes for the tag (the \`.info\` just resolved v1.5.0), so
  $(E MV_TAG_WARM_MOD) ms, near the $(E MV_TAG_HIT_MOD) ms of a HIT \`.mod\` (the HTTP exchange) plus the
  synced store write ($(E SYNCPUT_MS) ms on this disk, whose fsync is nearly free) and the cache's
  bookkeeping. The commit's \`.mod\`: $(E MV_COMMIT_WARM_MOD_PROCS) processes, $(E MV_COMMIT_WARM_MOD) ms: its
  \`.info\` asked for a hash, not for the pseudo-version, and only the version asked for is remembered,
  so the \`.mod\` resolves and checks the pseudo-version once (\`git log\`, \`cat-file\`, \`merge-base\`).
- \`.zip\`: $(E MV_TAG_WARM_ZIP) ms (tag), $(E MV_COMMIT_WARM_ZIP) ms (commit); the same work as
  \`ModuleRepo.zip\` alone ($(E REPOZIP_MS) ms, $(E REPOZIP_PROCS) git process) plus the store:
  - \`git archive --format=zip -0\` of the tree, stored, not compressed: $(E ARCHIVE0_MS) ms timed alone
    from the JVM, $(E MV_TAG_WARM_ZIP_ARCHIVE) ms inside git in the request (at git's default compression,
    as before the fix: $(E ARCHIVE_MS) ms timed alone);
  - the zip rewrite (\`ArchiveSources\` + \`ModuleZipWriter.write\`: read every stored entry, deflate it
    under \`module@version/\`, SHA-256 on the way): **$(E REZIP0_MS) ms**, now the largest part
    (${rezip_share}% of \`ModuleRepo.zip\`): the one compression a zip needs;
  - the rest of \`ModuleRepo.zip\` (${zip_rest} ms): starting the archive process, reading the
    archive's directory, temporary files;
  - hashing: \`DirHash.hashZip\` (the h1, reads and inflates the zip once more) $(E HASHZIP_MS) ms,
    SHA-256 of the zip $(E SHA256_MS) ms, \`ZipCheck\` $(E ZIPCHECK_MS) ms; storing it
    (\`RocksDbModuleStore.commitBlob\`, fsync + synced index write) $(E COMMITBLOB_MS) ms; sending
    $(kib "$(E ZIP_BYTES)") KiB back: the HIT \`.zip\` time, $(E MV_TAG_HIT_ZIP) ms.

**Fully cached**: $(E MV_TAG_HIT) ms for all three (tag), $(E MV_COMMIT_HIT) ms (commit; the \`@hash\`
query is a HIT too, within \`MODVAULT_QUERY_TTL\`), no git at all. The go command's own warm
cache: $(E GO_TAG_WARM) ms for the tag (a local file read), $(E GO_COMMIT_WARM) ms for the commit
query, for which go runs \`git ls-remote\` again.

**After a restart** (mirror on disk, empty store): the tag needs no network beyond go-get discovery
(the tag is in the mirror's refs, taken as immutable: \`GitMirror.resolve\`); the commit's \`.info\`
runs one \`git ls-remote\` ($(E MV_COMMIT_RESTART_INFO_LS_REMOTE) ms): the pseudo-version needs the
retractions of the latest release (\`RevisionConverter.retracted\` → \`ModuleRepo.retractions\` →
\`VersionLister.versions\` → \`GitMirror.refs()\`), and a restarted server's ref snapshot has no fetch
time (\`GitMirror.knownRefs\`: \`Instant.MIN\`), so it asks the remote. The go command does the same in
its warm commit run. Correct, just one round trip to the git host.

## After the fixes

Slow spots 1 and 2 below are fixed. Before: $(B SOURCE) (\`bench/private-before.env\`).
After: this run. Medians, ms:

| warm, mirror present, not in store | .mod before | .mod after | .zip before | .zip after | total before | total after | git processes before → after |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |
| tag v1.5.0 | $(B MV_TAG_WARM_MOD) | $(E MV_TAG_WARM_MOD) | $(B MV_TAG_WARM_ZIP) | $(E MV_TAG_WARM_ZIP) | $(B MV_TAG_WARM) | $(E MV_TAG_WARM) | $(B MV_TAG_WARM_PROCS) → $(E MV_TAG_WARM_PROCS) |
| commit (pseudo-version) | $(B MV_COMMIT_WARM_MOD) | $(E MV_COMMIT_WARM_MOD) | $(B MV_COMMIT_WARM_ZIP) | $(E MV_COMMIT_WARM_ZIP) | $(B MV_COMMIT_WARM) | $(E MV_COMMIT_WARM) | $(B MV_COMMIT_WARM_PROCS) → $(E MV_COMMIT_WARM_PROCS) |

Cold (tag / commit): $(B MV_TAG_COLD) / $(B MV_COMMIT_COLD) ms before, $(E MV_TAG_COLD) / $(E MV_COMMIT_COLD) ms
after; after a restart: $(B MV_TAG_RESTART) / $(B MV_COMMIT_RESTART) ms before, $(E MV_TAG_RESTART) /
$(E MV_COMMIT_RESTART) ms after. \`ModuleRepo.zip\` in-process: $(B REPOZIP_MS) ms ($(B REPOZIP_PROCS) git
processes) before, $(E REPOZIP_MS) ms ($(E REPOZIP_PROCS)) after. The module zips and their h1 are unchanged
(same bytes: the archive's entries are only stored instead of deflated; table "Same answers" above).

## Slow spots in modvault (no bugs found: every answer equals the go command's)

1. **Fixed: double compression of every zip built from git.** \`MirrorReads.archive\` ran
   \`git archive --format=zip\` at git's default compression, although the archive is only an
   intermediate that \`ArchiveSources\` inflates and \`ModuleZipWriter.write\` deflates again. It now runs
   \`git archive --format=zip -0\` (git's "store-only" level): git's part drops from $(E ARCHIVE_MS) to
   $(E ARCHIVE0_MS) ms and the rewrite from $(E REZIP_MS) to $(E REZIP0_MS) ms here, ~${archive_save} ms per
   \`.zip\`, growing with the tree. (The go command's \`codehost\` \`ReadZip\` compresses twice; the h1
   covers file contents, not the archive's bytes.) The stored archive is as large as the tree and may
   hold files the module zip leaves out (vendor/, nested modules), so it has its own documented cap,
   \`ModuleZipWriter.MAX_ARCHIVE\` = 4 × 500 MiB, with a message that says so; the module zip keeps Go's
   exact limits (500 MiB zip, 500 MiB uncompressed, 16 MiB go.mod and LICENSE). The go command limits
   the *compressed* archive to 500 MiB instead, so the two differ only for trees far beyond any module
   zip: one over 2000 MiB uncompressed is refused here even if it would compress below 500 MiB, and one
   whose compressed archive would exceed 500 MiB (the go command refuses it) is accepted here if it
   stays under 2000 MiB and its module zip fits Go's limits.
2. **Fixed: each request resolved the version again in new git processes.** \`ModuleRepo.goMod\` and
   \`ModuleRepo.zip\` called \`requireResolvesTo\` → \`stat\` (\`GitMirror.resolve\`: \`git log\`;
   \`RevisionConverter.checkCanonical\` → \`ModuleDirs.find\`: \`git log\` + \`git cat-file\`) and then
   \`ModuleDirs.find\` once more: 5 processes per \`.mod\` and per \`.zip\` (6 for a pseudo-version, with
   \`merge-base\`). Now \`checkCanonical\` hands \`ModuleDirs.find\` the revision Stat already resolved when
   the version names the same git revision, \`requireResolvesTo\` passes the \`ModuleDir\` on, and each
   mirror remembers canonical version → (Stat's answer, commit, module directory, go.mod) for versions
   that resolved to themselves (\`ResolvedVersions\`, bounded): tags and pseudo-versions alike, dropped
   whenever a fetch changes the refs (a tag moves only then; a pseudo-version's validity depends on the
   tags before and on its commit). Failures are not remembered and \`.info\` is always worked out anew.
   Left: a \`.info\` for a hash or branch does not fill the memo for the pseudo-version it returns (its
   checks differ from those of the version asked for), hence the commit's $(E MV_COMMIT_WARM_MOD_PROCS)
   processes in its \`.mod\`; \`git cat-file --batch\` kept open per mirror would remove most process starts.
3. Smaller: \`DirHash.hashZip\` in \`ModuleVerifier.verifyZip\` reads and inflates the zip just written
   by \`ModuleZipWriter\`, which had every file's bytes in hand ($(E HASHZIP_MS) ms here; it could be
   computed while writing). The store is not a cost on this disk ($(E COMMITBLOB_MS) ms per blob).
MD
log "wrote $RESULTS"
