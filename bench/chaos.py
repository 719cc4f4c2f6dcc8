#!/usr/bin/env python3
"""Reliability suite for modvault (bench/chaos.sh runs it; not part of the test suite).

Every phase talks to 127.0.0.1 only and is bounded in count and time. Phases:
  kill     N kill -9 cycles during C concurrent cold downloads, then `modvault verify` and a
           byte-for-byte comparison of every stored zip with the upstream's (corrupt or
           unrecorded artifacts: must be 0)
  fuzz     the seeded request fuzzer (RequestFuzzIT) with a fresh seed, >= 10,000 requests
  slowloris  held, dripping connections beyond the server's file-descriptor limit while a
           normal client keeps asking; reports its latency and the server's open files
  diskfull modvault's data directory on a small tmpfs: fill it, expect 507 without internals,
           free it, expect 200 without a restart (root only)
  soak     S seconds of mixed hits and cold misses; RSS and heap at start and end
Writes a JSON summary to stdout; chaos.sh renders bench/RELIABILITY.md from it.
"""
import argparse
import concurrent.futures as futures
import hashlib
import http.client
import http.server
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import zipfile

HOST = "127.0.0.1"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def log(msg):
    print(f"[chaos {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def free_port():
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


# ------------------------------------------------------------------ upstream
def module_name(i):
    return f"chaos.test/m{i:05d}"


def write_tree(tree, count, seed=7):
    """GOPROXY tree of `count` modules at v1.0.0 with valid zips of 64 KiB..1 MiB."""
    rnd = random.Random(seed)
    for i in range(count):
        mod = module_name(i)
        d = os.path.join(tree, mod, "@v")
        zpath = os.path.join(d, "v1.0.0.zip")
        if os.path.exists(zpath):
            continue
        os.makedirs(d, exist_ok=True)
        gomod = f"module {mod}\n\ngo 1.21\n"
        with open(os.path.join(d, "list"), "w") as f:
            f.write("v1.0.0\n")
        with open(os.path.join(d, "v1.0.0.info"), "w") as f:
            json.dump({"Version": "v1.0.0", "Time": "2024-01-01T00:00:00Z"}, f)
        with open(os.path.join(d, "v1.0.0.mod"), "w") as f:
            f.write(gomod)
        size = rnd.randint(64 * 1024, 1024 * 1024)
        with zipfile.ZipFile(zpath + ".tmp", "w", zipfile.ZIP_STORED) as z:
            z.writestr(f"{mod}@v1.0.0/go.mod", gomod)
            z.writestr(f"{mod}@v1.0.0/data.go", "package data\n")
            z.writestr(f"{mod}@v1.0.0/blob.bin", rnd.randbytes(size))
        os.rename(zpath + ".tmp", zpath)


class SlowTreeHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the tree; zips trickle out in 32 KiB pieces so downloads are in flight at a kill."""
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def copyfile(self, source, outputfile):
        while True:
            piece = source.read(32 * 1024)
            if not piece:
                return
            outputfile.write(piece)
            if self.path.endswith(".zip"):
                time.sleep(self.server.delay)


def start_upstream(tree, delay):
    handler = lambda *a, **kw: SlowTreeHandler(*a, directory=tree, **kw)
    server = http.server.ThreadingHTTPServer((HOST, 0), handler)
    server.daemon_threads = True
    server.delay = delay
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


# ------------------------------------------------------------------ modvault process
class Modvault:
    def __init__(self, java, jar, data, upstream, extra_env=None, nofile=None, heap="256m"):
        self.port = free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith(("MODVAULT_", "GO"))}
        env.update({"MODVAULT_LISTEN": f"{HOST}:{self.port}", "MODVAULT_DATA_DIR": data, "GOPROXY": upstream,
                    "GOSUMDB": "off", "MODVAULT_SUMDB_PROXY": "off", "MODVAULT_LOG_LEVEL": "WARN"})
        env.update(extra_env or {})
        cmd = [java, f"-Xmx{heap}", "-jar", jar, "serve"]
        if nofile:
            cmd = ["prlimit", f"--nofile={nofile}:{nofile}", "--"] + cmd
        self.log_path = os.path.join(os.path.dirname(data.rstrip("/")), f"modvault-{self.port}.log")
        self.log = open(self.log_path, "w")
        self.proc = subprocess.Popen(cmd, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        self.wait_ready()

    def wait_ready(self, limit=30):
        deadline = time.time() + limit
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"modvault exited with {self.proc.returncode}; see {self.log_path}")
            try:
                if request(self.port, "/healthz", timeout=1)[0] == 200:
                    return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("modvault did not become ready")

    def kill9(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()
        self.log.close()

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(40)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()

    def rss_kib(self):
        with open(f"/proc/{self.proc.pid}/status") as f:
            return int(re.search(r"VmRSS:\s+(\d+)", f.read()).group(1))

    def open_files(self):
        return len(os.listdir(f"/proc/{self.proc.pid}/fd"))


def request(port, path, timeout=30, method="GET"):
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        conn.request(method, path)
        resp = conn.getresponse()
        return resp.status, resp.read()
    finally:
        conn.close()


def verify_store(java, jar, data):
    out = subprocess.run([java, "-jar", jar, "verify", "--data-dir", data], capture_output=True, text=True, timeout=600)
    lines = out.stdout.strip().splitlines()
    tags = {}
    for line in lines[:-1]:
        tag = line.split(" ", 1)[0]
        tags[tag] = tags.get(tag, 0) + 1
    return {"exit": out.returncode, "summary": lines[-1] if lines else out.stderr.strip()[-200:], "problems": tags}


# ------------------------------------------------------------------ phases
def phase_kill(args, java, jar, work):
    tree = os.path.join(work, "tree")
    needed = args.cycles * args.clients + args.clients
    log(f"kill: writing {needed} modules")
    write_tree(tree, needed)
    upstream = start_upstream(tree, delay=0.025)
    up_url = f"http://{HOST}:{upstream.server_address[1]}"
    data = os.path.join(work, "kill-data")
    shutil.rmtree(data, ignore_errors=True)
    rnd = random.Random(args.seed)
    next_module, interrupted, completed = 0, 0, 0
    for cycle in range(args.cycles):
        mv = Modvault(java, jar, data, up_url)
        batch = list(range(next_module, next_module + args.clients))
        next_module += args.clients

        def cold(i):
            base = f"/{module_name(i)}/@v/v1.0.0"
            try:
                for suffix in (".info", ".mod", ".zip"):
                    request(mv.port, base + suffix, timeout=20)
                return True
            except OSError:
                return False

        pool = futures.ThreadPoolExecutor(args.clients)
        results = [pool.submit(cold, i) for i in batch]
        time.sleep(rnd.uniform(0.8, 3.0))
        mv.kill9()
        done = sum(1 for r in results if r.result())
        pool.shutdown()
        completed += done
        interrupted += args.clients - done
        log(f"kill: cycle {cycle + 1}/{args.cycles}: {done} complete, {args.clients - done} interrupted")
    # One clean start lets start-up recovery run, then the store is audited offline.
    Modvault(java, jar, data, up_url).stop()
    audit = verify_store(java, jar, data)
    # Every zip that is served without the upstream must be the upstream's bytes.
    mv = Modvault(java, jar, data, "off")
    served = corrupt = 0
    for i in range(next_module):
        status, body = request(mv.port, f"/{module_name(i)}/@v/v1.0.0.zip")
        if status == 200:
            served += 1
            with open(os.path.join(tree, module_name(i), "@v", "v1.0.0.zip"), "rb") as f:
                if hashlib.sha256(f.read()).digest() != hashlib.sha256(body).digest():
                    corrupt += 1
    mv.stop()
    upstream.shutdown()
    return {"cycles": args.cycles, "clients": args.clients, "modules_requested": next_module,
            "complete_before_kill": completed, "interrupted": interrupted, "zips_served_offline": served,
            "corrupt_zips": corrupt, "verify": audit}


def phase_fuzz(args, java, jar, work):
    seed = args.seed
    log(f"fuzz: RequestFuzzIT with seed {seed}")
    started = time.time()
    out = subprocess.run(["scripts/with-jdk", "mvn", "-B", "-o", "verify", "-pl", "proxy-server", "-am",
                          "-Dit.test=RequestFuzzIT", "-Dtest=none", "-Dsurefire.failIfNoSpecifiedTests=false",
                          "-Dfailsafe.failIfNoSpecifiedTests=false", f"-Dmodvault.fuzz.seed={seed}"],
                         cwd=ROOT, capture_output=True, text=True, timeout=900)
    tail = [l for l in out.stdout.splitlines() if "Tests run:" in l or "RequestFuzzIT seed" in l][-3:]
    return {"seed": seed, "requests": 12000, "passed": out.returncode == 0, "seconds": round(time.time() - started),
            "report": tail}


def phase_slowloris(args, java, jar, work):
    """Attackers come from 127.0.0.2-11 (so the per-address cap is not what stops them); the
    normal clients from 127.0.0.1: one keep-alive connection opened before the attack and one
    new connection per request."""
    tree = os.path.join(work, "tree")
    write_tree(tree, 4)
    upstream = start_upstream(tree, delay=0)
    data = os.path.join(work, "slowloris-data")
    shutil.rmtree(data, ignore_errors=True)
    mv = Modvault(java, jar, data, f"http://{HOST}:{upstream.server_address[1]}", nofile=args.nofile)
    path = f"/{module_name(0)}/@v/v1.0.0.info"
    request(mv.port, path)
    established = http.client.HTTPConnection(HOST, mv.port, timeout=5)
    established.request("GET", path)
    established.getresponse().read()
    fds_before = mv.open_files()
    held, refused = [], 0
    attackers = args.nofile + 500
    log(f"slowloris: opening {attackers} dripping connections from 10 addresses against a {args.nofile}-fd server")
    for i in range(attackers):
        try:
            s = socket.create_connection((HOST, mv.port), timeout=2, source_address=(f"127.0.0.{2 + i % 10}", 0))
            s.setblocking(False)
            s.send(b"GET " + path.encode() + b" HTTP/1.1\r\n")
            held.append(s)
        except OSError:
            refused += 1
    fds_during = mv.open_files()
    kept = {"latencies": [], "failures": 0}
    fresh = {"latencies": [], "failures": 0, "statuses": {}}
    deadline = time.time() + args.slowloris_seconds
    while time.time() < deadline:
        for s in held[:300]:
            try:
                s.send(b"X-a: b\r\n")
            except OSError:
                pass
        t = time.perf_counter()
        try:
            established.request("GET", path)
            resp = established.getresponse()
            resp.read()
            kept["failures"] += resp.status != 200
        except OSError:
            kept["failures"] += 1
        kept["latencies"].append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        try:
            status, _ = request(mv.port, path, timeout=5)
        except OSError:
            status = "error"
        fresh["statuses"][str(status)] = fresh["statuses"].get(str(status), 0) + 1
        fresh["failures"] += status != 200
        fresh["latencies"].append((time.perf_counter() - t) * 1000)
        time.sleep(0.1)
    closed_by_server = 0
    for s in held:
        try:
            s.setblocking(True)
            s.settimeout(0.05)
            while s.recv(4096):
                pass
            closed_by_server += 1
        except ConnectionResetError:
            closed_by_server += 1  # closed with our unread headers in its buffer: the kernel resets
        except OSError:
            pass
        s.close()
    established.close()
    time.sleep(1)
    fds_after = mv.open_files()
    mv.stop()
    upstream.shutdown()
    with open(mv.log_path) as f:
        text = f.read()

    def summary(d):
        lat = sorted(d["latencies"])
        return {"requests": len(lat), "failures": d["failures"], "p50_ms": round(lat[len(lat) // 2], 1),
                "max_ms": round(lat[-1], 1)}

    return {"server_fd_limit": args.nofile, "attack_seconds": args.slowloris_seconds, "attack_connections": attackers,
            "refused_at_connect": refused, "closed_by_server_by_the_end": closed_by_server,
            "established_client": summary(kept), "new_connections": {**summary(fresh), "statuses": fresh["statuses"]},
            "server_fds_before_during_after": [fds_before, fds_during, fds_after],
            "too_many_open_files_in_log": text.count("Too many open files")}


def phase_diskfull(args, java, jar, work):
    if os.geteuid() != 0:
        return {"skipped": "needs root to mount a tmpfs"}
    tree = os.path.join(work, "tree")
    write_tree(tree, 12)
    upstream = start_upstream(tree, delay=0)
    mount = os.path.join(work, "tmpfs")
    os.makedirs(mount, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=48m", "tmpfs", mount], check=True)
    try:
        data = os.path.join(mount, "data")
        mv = Modvault(java, jar, data, f"http://{HOST}:{upstream.server_address[1]}")
        filler = os.path.join(mount, "filler")
        with open(filler, "wb") as f:
            try:
                while True:
                    f.write(b"\0" * (1 << 20))
                    f.flush()
            except OSError:
                pass
        answers = []
        for i in range(1, 6):
            status, body = request(mv.port, f"/{module_name(i)}/@v/v1.0.0.zip")
            answers.append((status, body.decode(errors="replace").strip()[:160]))
        full = [a for a in answers if a[0] != 200]
        leaks = [a for a in full if "/" + os.path.basename(mount) in a[1] or "Exception" in a[1] or "/tmp" in a[1]]
        os.remove(filler)
        after = [request(mv.port, f"/{module_name(i)}/@v/v1.0.0.zip")[0] for i in range(1, 6)]
        mv.stop()
        return {"while_full": sorted({a[0] for a in answers}), "example_reason": full[0][1] if full else "",
                "bodies_leaking_internals": len(leaks), "after_freeing_space": after}
    finally:
        subprocess.run(["umount", mount])
        upstream.shutdown()


def phase_soak(args, java, jar, work):
    tree = os.path.join(work, "tree")
    count = 400
    write_tree(tree, count)
    upstream = start_upstream(tree, delay=0)
    data = os.path.join(work, "soak-data")
    shutil.rmtree(data, ignore_errors=True)
    mv = Modvault(java, jar, data, f"http://{HOST}:{upstream.server_address[1]}")
    jcmd = os.path.join(os.path.dirname(java), "jcmd")

    def heap_used_kib():
        out = subprocess.run([jcmd, str(mv.proc.pid), "GC.heap_info"], capture_output=True, text=True).stdout
        m = re.search(r"used (\d+)K", out)
        return int(m.group(1)) if m else -1

    for i in range(20):
        request(mv.port, f"/{module_name(i)}/@v/v1.0.0.zip")
    start = {"rss_kib": mv.rss_kib(), "heap_used_kib": heap_used_kib(), "open_files": mv.open_files()}
    stop_at = time.time() + args.soak_seconds
    counts = {"requests": 0, "errors": 0}
    lock = threading.Lock()

    def worker(n):
        rnd = random.Random(n)
        while time.time() < stop_at:
            i = rnd.randrange(count)
            suffix = rnd.choice([".info", ".mod", ".zip", ".zip"])
            try:
                status, _ = request(mv.port, f"/{module_name(i)}/@v/v1.0.0{suffix}", timeout=30)
                ok = status == 200
            except OSError:
                ok = False
            with lock:
                counts["requests"] += 1
                counts["errors"] += 0 if ok else 1

    log(f"soak: {args.soak_seconds} s, 4 clients")
    with futures.ThreadPoolExecutor(4) as pool:
        list(pool.map(worker, range(4)))
    subprocess.run([jcmd, str(mv.proc.pid), "GC.run"], capture_output=True)
    end = {"rss_kib": mv.rss_kib(), "heap_used_kib_after_gc": heap_used_kib(), "open_files": mv.open_files()}
    mv.stop()
    upstream.shutdown()
    return {"seconds": args.soak_seconds, **counts, "start": start, "end": end}


PHASES = {"kill": phase_kill, "fuzz": phase_fuzz, "slowloris": phase_slowloris, "diskfull": phase_diskfull,
          "soak": phase_soak}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--java", required=True)
    p.add_argument("--jar", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--phases", default="kill,fuzz,slowloris,diskfull,soak")
    p.add_argument("--cycles", type=int, default=20)
    p.add_argument("--clients", type=int, default=50)
    p.add_argument("--nofile", type=int, default=4096)
    p.add_argument("--slowloris-seconds", type=int, default=20)
    p.add_argument("--soak-seconds", type=int, default=600)
    p.add_argument("--seed", type=int, default=int(time.time()))
    p.add_argument("--merge-into", help="results of an earlier run whose phases this run replaces")
    args = p.parse_args()
    os.makedirs(args.work, exist_ok=True)
    results = {"seed": args.seed}
    if args.merge_into:
        with open(args.merge_into) as f:
            results = json.load(f)
    for name in args.phases.split(","):
        started = time.time()
        try:
            results[name] = PHASES[name](args, args.java, args.jar, args.work)
        except Exception as e:  # a phase that breaks is reported, the others still run
            results[name] = {"error": repr(e)}
        results[name]["phase_seconds"] = round(time.time() - started)
        log(f"{name}: {json.dumps(results[name])}")
    json.dump(results, sys.stdout, indent=1)


if __name__ == "__main__":
    main()
