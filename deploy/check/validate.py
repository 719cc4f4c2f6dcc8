#!/usr/bin/env python3
"""Checks the deployment files without a cluster. Run from anywhere:

    python3 deploy/check/validate.py [--jar proxy-server/target/modvault.jar]

1. Every YAML file under deploy/ (except the chart's templates, which are Go templates) parses.
2. deploy/kubernetes is built with `kubectl kustomize` (kubectl's built-in kustomize; no cluster
   is contacted) and the chart is rendered for several value sets: with `helm lint --strict` and
   `helm template` when helm is installed, otherwise with deploy/check/render-chart.go, a
   stand-in that is NOT helm (Go's text/template plus the chart's few Sprig functions).
3. Each rendered set parses and keeps the invariants modvault needs (one replica, data volume at
   MODVAULT_DATA_DIR, port 8080 named http, probes on /healthz, grace period longer than
   MODVAULT_SHUTDOWN_GRACE, service links off, uid 10001, read-only root with /tmp, only known
   setting names) and, when the kubernetes-validate package is importable, validates against the
   Kubernetes OpenAPI schemas (strict: unknown fields are errors).
4. With --jar: the container's environment, as Kubernetes would assemble it from the rendered
   ConfigMap, Secret and StatefulSet, is given to the real modvault jar (as uid 10001 when run as
   root), which must start and answer /healthz and /metrics on 127.0.0.1 and stop on SIGTERM
   within the grace period; and with the variables a Service link would add it must refuse to
   start (which is why the manifests turn service links off).
Exit status 0 when every check passed; each check prints one line.
"""
import argparse
import base64
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

import yaml

DEPLOY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROOT = os.path.dirname(DEPLOY)
CHART = os.path.join(DEPLOY, "helm", "modvault")
KUSTOMIZE = os.path.join(DEPLOY, "kubernetes")
UID = 10001
FAILURES = []


def check(ok, what):
    print(("ok    " if ok else "FAIL  ") + what)
    if not ok:
        FAILURES.append(what)
    return ok


def known_settings():
    """Setting names from the configuration table of the top-level README (made from ConfigKey)."""
    with open(os.path.join(ROOT, "README.md")) as f:
        names = set(re.findall(r"^\| `([A-Z_]+)` \|", f.read(), re.M))
    return names | {"HTTPS_PROXY", "HTTP_PROXY", "NO_PROXY", "https_proxy", "http_proxy", "no_proxy"}


def seconds(duration):
    m = re.fullmatch(r"(\d+)(ms|s|m|h)", duration)
    return int(m.group(1)) * {"ms": 0.001, "s": 1, "m": 60, "h": 3600}[m.group(2)] if m else None


# ---------------------------------------------------------------- 1. plain YAML files

def parse_plain_yaml():
    templates = os.path.join(CHART, "templates")
    for dirpath, _, files in os.walk(DEPLOY):
        if dirpath.startswith(templates):
            continue
        for name in sorted(files):
            if name.endswith((".yaml", ".yml")):
                path = os.path.join(dirpath, name)
                try:
                    with open(path) as f:
                        docs = [d for d in yaml.safe_load_all(f) if d is not None]
                    check(len(docs) > 0, f"parses: {os.path.relpath(path, ROOT)} ({len(docs)} document(s))")
                except yaml.YAMLError as e:
                    check(False, f"parses: {os.path.relpath(path, ROOT)}: {e}")


# ---------------------------------------------------------------- 2. rendering

def run(cmd, stdin=None):
    p = subprocess.run(cmd, input=stdin, capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def kustomize():
    if not shutil.which("kubectl"):
        print("skip  kubectl not installed: deploy/kubernetes not built")
        return None
    rc, out, err = run(["kubectl", "kustomize", KUSTOMIZE])
    check(rc == 0, "kubectl kustomize deploy/kubernetes" + ("" if rc == 0 else ": " + err.strip()))
    return out if rc == 0 else None


def merge(base, over):
    for k, v in over.items():
        if isinstance(v, dict) and isinstance(base.get(k), dict):
            merge(base[k], v)
        else:
            base[k] = v
    return base


def render_chart(release, namespace, overrides):
    """Returns (rc, manifests, notes, stderr) from helm when installed, else from the stand-in."""
    if shutil.which("helm"):
        with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False) as f:
            yaml.safe_dump(overrides, f)
        try:
            rc, out, err = run(["helm", "template", release, CHART, "-n", namespace, "-f", f.name])
            notes = None
            if rc == 0:
                # helm template leaves NOTES.txt out; a client-side dry run (helm >= 3.13) prints it.
                nrc, nout, _ = run(["helm", "install", release, CHART, "-n", namespace, "-f", f.name,
                                    "--dry-run=client"])
                notes = nout.split("NOTES:", 1)[1] if nrc == 0 and "NOTES:" in nout else None
            return rc, out, notes, err
        finally:
            os.unlink(f.name)
    with open(os.path.join(CHART, "values.yaml")) as f:
        values = json.dumps(merge(yaml.safe_load(f), json.loads(json.dumps(overrides))))
    cmd = ["go", "run", os.path.join(DEPLOY, "check", "render-chart.go"), "-chart", CHART,
           "-release", release, "-namespace", namespace]
    rc, out, err = run(cmd, values)
    notes = run(cmd + ["-notes"], values)[1] if rc == 0 else ""
    return rc, out, notes, err


def helm_lint():
    if shutil.which("helm"):
        rc, out, err = run(["helm", "lint", "--strict", CHART])
        check(rc == 0, "helm lint --strict deploy/helm/modvault" + ("" if rc == 0 else ": " + out + err))
        return "helm"
    if not shutil.which("go"):
        print("skip  neither helm nor go installed: chart not rendered")
        return None
    print("note  helm is not installed: the chart is rendered by deploy/check/render-chart.go, a stand-in, not helm")
    return "stand-in"


# ---------------------------------------------------------------- 3. invariants and schemas

def guarded(label, fn, *args):
    """Runs a group of checks; a rendered object of an unexpected shape is a failure, not a crash."""
    try:
        fn(label, *args)
    except (KeyError, TypeError, AttributeError, IndexError, ValueError) as e:
        check(False, f"{label}: {fn.__name__} on an object of unexpected shape ({type(e).__name__}: {e})")


def by_kind(docs, kind):
    return [d for d in docs if d.get("kind") == kind]


def invariants(label, docs, expect):
    sts_list = by_kind(docs, "StatefulSet")
    if not check(len(sts_list) == 1, f"{label}: exactly one StatefulSet"):
        return
    sts = sts_list[0]
    cms = {d["metadata"]["name"]: d for d in by_kind(docs, "ConfigMap")}
    secrets = {d["metadata"]["name"]: d for d in by_kind(docs, "Secret")}
    pod = sts["spec"]["template"]
    spec = pod["spec"]
    c = spec["containers"][0]
    env = {e["name"]: e for e in c.get("env", [])}
    check(sts["spec"]["replicas"] == 1, f"{label}: replicas is 1")
    check(spec.get("enableServiceLinks") is False, f"{label}: service links off (no MODVAULT_SERVICE_* variables)")
    check(spec.get("automountServiceAccountToken") is False, f"{label}: no service account token")
    sc = spec.get("securityContext", {})
    check(sc.get("runAsNonRoot") is True and sc.get("runAsUser") == UID and sc.get("fsGroup") == UID,
          f"{label}: runAsNonRoot, uid {UID}, fsGroup {UID}")
    csc = c.get("securityContext", {})
    check(csc.get("readOnlyRootFilesystem") is True and csc.get("allowPrivilegeEscalation") is False,
          f"{label}: read-only root file system, no privilege escalation")
    mounts = {m["mountPath"]: m["name"] for m in c.get("volumeMounts", [])}
    volumes = {v["name"]: v for v in spec.get("volumes", [])}
    claims = {t["metadata"]["name"] for t in sts["spec"].get("volumeClaimTemplates", [])}
    data_dir = env.get("MODVAULT_DATA_DIR", {}).get("value")
    data_vol = mounts.get(data_dir)
    check(data_vol is not None, f"{label}: MODVAULT_DATA_DIR ({data_dir}) is a mount")
    if expect.get("persistent", True):
        check(data_vol in claims, f"{label}: data directory on a volumeClaimTemplate")
    else:
        check("emptyDir" in volumes.get(data_vol, {}), f"{label}: data directory on an emptyDir (persistence off)")
    check("emptyDir" in volumes.get(mounts.get("/tmp"), {}), f"{label}: /tmp is an emptyDir")
    ports = {p["name"]: p["containerPort"] for p in c.get("ports", [])}
    listen = env.get("MODVAULT_LISTEN", {}).get("value", "")
    check(ports.get("http") == 8080 and listen.endswith(":8080"), f"{label}: MODVAULT_LISTEN {listen} = port http 8080")
    jto = env.get("JAVA_TOOL_OPTIONS", {}).get("value", "")
    check("-XX:MaxRAMPercentage=50" in jto and "--enable-native-access=ALL-UNNAMED" in jto,
          f"{label}: JAVA_TOOL_OPTIONS keeps MaxRAMPercentage=50 and the image's native-access flag")
    res = c.get("resources", {})
    check(res.get("requests", {}).get("cpu") in ("1", 1) and res["requests"].get("memory") == "1Gi"
          and res.get("limits", {}).get("memory") == "2Gi", f"{label}: requests 1 CPU / 1Gi, limit 2Gi")
    for probe in ("startupProbe", "livenessProbe", "readinessProbe"):
        get = c.get(probe, {}).get("httpGet", {})
        check(get.get("path") == "/healthz" and get.get("port") in ("http", 8080), f"{label}: {probe} on /healthz")
    refs = [s["configMapRef"]["name"] for s in c.get("envFrom", []) if "configMapRef" in s]
    check(len(refs) == 1 and refs[0] in cms, f"{label}: envFrom names the ConfigMap {refs}")
    config = cms.get(refs[0], {}).get("data", {}) if refs else {}
    unknown = sorted(set(config) - known_settings())
    check(not unknown, f"{label}: ConfigMap holds only known settings {unknown or ''}".rstrip())
    fixed = {"MODVAULT_LISTEN", "MODVAULT_DATA_DIR", "MODVAULT_GIT_CREDENTIALS"} & set(config)
    check(not fixed, f"{label}: ConfigMap leaves listen, data dir and credentials to the StatefulSet/Secret")
    grace = seconds(config.get("MODVAULT_SHUTDOWN_GRACE") or "30s")
    check(spec.get("terminationGracePeriodSeconds", 30) > grace,
          f"{label}: terminationGracePeriodSeconds {spec.get('terminationGracePeriodSeconds')} > shutdown grace {grace:g} s")
    cred = env.get("MODVAULT_GIT_CREDENTIALS", {}).get("valueFrom", {}).get("secretKeyRef")
    if expect.get("secret") == "rendered":
        check(cred is not None and cred["name"] in secrets
              and cred["key"] in secrets[cred["name"]].get("data", secrets[cred["name"]].get("stringData", {})),
              f"{label}: MODVAULT_GIT_CREDENTIALS from the rendered Secret")
    elif expect.get("secret") == "optional":
        check(cred is not None and cred.get("optional") is True, f"{label}: MODVAULT_GIT_CREDENTIALS from an optional Secret")
    elif expect.get("secret") == "existing":
        check(cred is not None and cred["name"] not in secrets, f"{label}: MODVAULT_GIT_CREDENTIALS from an existing Secret")
    else:
        check(cred is None and not secrets, f"{label}: no credentials Secret")
    ann = pod["metadata"].get("annotations", {})
    if expect.get("scrape", True):
        check(ann.get("prometheus.io/scrape") == "true" and ann.get("prometheus.io/path") == "/metrics"
              and ann.get("prometheus.io/port") == "8080", f"{label}: prometheus.io annotations on the pod")
    else:
        check("prometheus.io/scrape" not in ann, f"{label}: no prometheus.io annotations")
    svcs = by_kind(docs, "Service")
    if check(len(svcs) == 1, f"{label}: one Service"):
        svc = svcs[0]["spec"]
        sel = svc.get("selector", {})
        labels = pod["metadata"].get("labels", {})
        check(svc.get("type") == "ClusterIP" and sel and all(labels.get(k) == v for k, v in sel.items()),
              f"{label}: ClusterIP Service selects the pod")
        p = svc["ports"][0]
        check(p["name"] == "http" and p["port"] == expect.get("port", 80) and p["targetPort"] in ("http", 8080),
              f"{label}: Service port http {p['port']} -> 8080")
        check(sts["spec"].get("serviceName") == svcs[0]["metadata"]["name"], f"{label}: serviceName is the Service")
    for d in docs:
        n = d["metadata"]["name"]
        limit = 52 if d["kind"] == "StatefulSet" else 63
        check(len(n) <= limit and re.fullmatch(r"[a-z0-9]([-a-z0-9]*[a-z0-9])?", n) is not None,
              f"{label}: {d['kind']} name {n!r} is a valid name of at most {limit} characters")


def schemas(label, docs):
    try:
        import kubernetes_validate
        from kubernetes_validate.utils import all_versions
    except ImportError:
        print(f"skip  {label}: kubernetes-validate not installed: no schema validation")
        return
    def key(v):
        return [int(x) for x in v.split(".")]
    # The oldest schemas the package has (the chart's kubeVersion floor) and the newest.
    versions = sorted({min(all_versions(), key=key), kubernetes_validate.latest_version()}, key=key)
    for version in versions:
        errors = []
        for d in docs:
            try:
                kubernetes_validate.validate(d, version, strict=True)
            except kubernetes_validate.ValidationError as e:
                errors.append(f"{d['kind']}/{d['metadata']['name']}: {e.message}")
            except kubernetes_validate.SchemaNotFoundError as e:
                errors.append(str(e))
        check(not errors, f"{label}: {len(docs)} objects valid against the Kubernetes {version} schemas (strict)"
              + ("" if not errors else ": " + "; ".join(errors)))


def load_docs(label, text):
    try:
        docs = [d for d in yaml.safe_load_all(text) if d is not None]
    except yaml.YAMLError as e:
        check(False, f"{label}: rendered YAML parses: {e}")
        return None
    check(len(docs) > 0, f"{label}: rendered YAML parses ({', '.join(d['kind'] for d in docs)})")
    return docs


# ---------------------------------------------------------------- 4. the real jar

def container_env(docs, extra_secrets=()):
    """The environment Kubernetes would give the container: envFrom, then env (env wins)."""
    sts = by_kind(docs, "StatefulSet")[0]
    c = sts["spec"]["template"]["spec"]["containers"][0]
    cms = {d["metadata"]["name"]: d.get("data", {}) for d in by_kind(docs, "ConfigMap")}
    secrets = {}
    for s in list(by_kind(docs, "Secret")) + list(extra_secrets):
        data = {k: base64.b64decode(v).decode() for k, v in s.get("data", {}).items()}
        data.update(s.get("stringData", {}))
        secrets[s["metadata"]["name"]] = data
    env = {}
    for src in c.get("envFrom", []):
        env.update(cms[src["configMapRef"]["name"]])
    for e in c.get("env", []):
        if "value" in e:
            env[e["name"]] = e["value"]
        else:
            ref = e["valueFrom"]["secretKeyRef"]
            if ref["key"] in secrets.get(ref["name"], {}):
                env[e["name"]] = secrets[ref["name"]][ref["key"]]
    return env


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url):
    with urllib.request.urlopen(url, timeout=3) as r:
        return r.status, r.read().decode()


def java_home():
    rc, out, err = run([os.path.join(ROOT, "scripts", "with-jdk"), "sh", "-c", "echo $JAVA_HOME"])
    return out.strip() if rc == 0 else None


def smoke(label, docs, jar, grace, service_links=False, extra_secrets=()):
    """Starts the jar with the container's environment; returns after it has stopped."""
    home = java_home()
    if not check(home is not None, f"{label}: a JDK >= 21 for the jar"):
        return
    work = tempfile.mkdtemp(prefix="modvault-deploy-check-")
    data = os.path.join(work, "data")
    os.mkdir(data)
    as_root = os.geteuid() == 0
    jar_copy = os.path.join(work, "modvault.jar")
    shutil.copy(jar, jar_copy)
    os.chmod(work, 0o755)
    os.chmod(jar_copy, 0o644)
    if as_root:
        os.chown(data, UID, UID)
    port = free_port()
    env = container_env(docs, extra_secrets)
    # What the kubelet adds, and what only this machine needs: loopback and a temporary data dir.
    env.update({"PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                "HOME": data, "HOSTNAME": "modvault-0",
                "KUBERNETES_SERVICE_HOST": "10.96.0.1", "KUBERNETES_SERVICE_PORT": "443",
                "MODVAULT_DATA_DIR": data, "MODVAULT_LISTEN": f"127.0.0.1:{port}"})
    if service_links:
        env.update({"MODVAULT_SERVICE_HOST": "10.96.12.34", "MODVAULT_SERVICE_PORT": "80",
                    "MODVAULT_SERVICE_PORT_HTTP": "80", "MODVAULT_PORT": "tcp://10.96.12.34:80",
                    "MODVAULT_PORT_80_TCP": "tcp://10.96.12.34:80"})
    kwargs = {"user": UID, "group": UID} if as_root else {}
    log = open(os.path.join(work, "log"), "w+")
    proc = subprocess.Popen([os.path.join(home, "bin", "java"), "-jar", jar_copy, "serve"], env=env,
                            cwd=work, stdout=log, stderr=subprocess.STDOUT, **kwargs)
    who = f"uid {UID}" if as_root else "the current user"
    try:
        if service_links:
            try:
                rc = proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                rc = None
            log.seek(0)
            text = log.read()
            check(rc not in (None, 0) and "unknown setting MODVAULT_" in text,
                  f"{label}: with Service-link variables modvault refuses to start (exit {rc}: "
                  + next((line for line in text.splitlines() if "unknown setting" in line), "no message") + ")")
            return
        started = time.monotonic()
        healthy = False
        while time.monotonic() - started < 60 and proc.poll() is None:
            try:
                healthy = get(f"http://127.0.0.1:{port}/healthz") == (200, "ok\n")
                if healthy:
                    break
            except OSError:
                time.sleep(0.2)
        check(healthy, f"{label}: the jar with this environment, as {who}, answers /healthz "
              f"after {time.monotonic() - started:.1f} s")
        if healthy:
            status, body = get(f"http://127.0.0.1:{port}/metrics")
            check(status == 200 and "# TYPE" in body, f"{label}: /metrics answers Prometheus text "
                  f"({sum(1 for line in body.splitlines() if line.startswith('# TYPE'))} metric families)")
        proc.send_signal(signal.SIGTERM)
        stopping = time.monotonic()
        try:
            rc = proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            rc = None
        check(rc is not None, f"{label}: stops on SIGTERM in {time.monotonic() - stopping:.1f} s "
              f"(exit {rc}; grace period {grace} s)")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        log.seek(0)
        if FAILURES:
            sys.stdout.write("".join("      | " + line for line in log.readlines()[-15:]))
        log.close()
        shutil.rmtree(work, ignore_errors=True)


# ---------------------------------------------------------------- scenarios

CHART_CASES = [
    # label, release, namespace, overrides, expectations
    ("chart defaults", "modvault", "default", {}, {"secret": None}),
    ("chart private modules", "prod", "tools", {
        "config": {"GOPRIVATE": "corp.example/*", "MODVAULT_LIST_TTL": "5m", "MODVAULT_EVENT_LOOP_THREADS": 4},
        "gitCredentials": {"value": "git.corp.example=not-a-real-token"},
        "extraEnv": [{"name": "HTTPS_PROXY", "value": "http://egress.corp.example:3128"}],
        "service": {"port": 8080, "annotations": {"example.com/owner": "platform"}},
        "persistence": {"storageClassName": "fast-ssd", "accessModes": ["ReadWriteOncePod"], "size": "200Gi"},
        "imagePullSecrets": [{"name": "registry"}], "podAnnotations": {"example.com/team": "go"},
        "nodeSelector": {"kubernetes.io/os": "linux"},
        "tolerations": [{"key": "dedicated", "operator": "Equal", "value": "tools", "effect": "NoSchedule"}],
        "image": {"repository": "registry.corp.example/modvault", "tag": "0.1.0-rc1"},
    }, {"secret": "rendered", "port": 8080}),
    ("chart existing secret", "modvault", "default",
     {"gitCredentials": {"existingSecret": "vault-synced", "existingSecretKey": "creds"}}, {"secret": "existing"}),
    ("chart no persistence", "trial", "default",
     {"persistence": {"enabled": False}, "metrics": {"podAnnotations": False}, "config": {"GOSUMDB": "off"}},
     {"persistent": False, "scrape": False}),
    ("chart long name", "a-release-name-that-is-quite-long-indeed", "default",
     {"fullnameOverride": "x" * 70}, {}),
]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jar", help="modvault.jar to start with the rendered environments")
    args = ap.parse_args()
    parse_plain_yaml()
    rendered = []
    text = kustomize()
    if text is not None:
        docs = load_docs("kustomize", text)
        if docs:
            guarded("kustomize", invariants, docs, {"secret": "optional"})
            guarded("kustomize", schemas, docs)
            rendered.append(("kustomize", docs))
    if helm_lint():
        for label, release, ns, overrides, expect in CHART_CASES:
            rc, out, notes, err = render_chart(release, ns, overrides)
            if not check(rc == 0, f"{label}: renders" + ("" if rc == 0 else ": " + err.strip())):
                continue
            docs = load_docs(label, out)
            if docs:
                guarded(label, invariants, docs, expect)
                guarded(label, schemas, docs)
                rendered.append((label, docs))
            if notes is None:
                print(f"skip  {label}: NOTES.txt not rendered (helm install --dry-run=client failed)")
                continue
            check("GOPROXY=http://" in notes, f"{label}: NOTES.txt tells how to set GOPROXY")
            if expect.get("port") == 8080:
                check(f"GOPROXY=http://{release}-modvault.{ns}.svc.cluster.local:8080" in notes
                      and "GONOPROXY=none" in notes, f"{label}: NOTES.txt names the in-cluster URL and private-module settings")
        rc, _, _, err = render_chart("modvault", "default", {"config": {"MODVAULT_LISTEN": ":9090"}})
        check(rc != 0 and "fixed by the chart" in err, "chart refuses config.MODVAULT_LISTEN")
        rc, _, _, err = render_chart("modvault", "default", {"config": {"MODVAULT_GIT_CREDENTIALS": "h=t"}})
        check(rc != 0 and "gitCredentials" in err, "chart refuses credentials in config")
    if args.jar:
        with open(os.path.join(KUSTOMIZE, "secret.example.yaml")) as f:
            example = [yaml.safe_load(f)]
        for label, docs in rendered:
            if label in ("kustomize", "chart defaults", "chart private modules"):
                grace = by_kind(docs, "StatefulSet")[0]["spec"]["template"]["spec"]["terminationGracePeriodSeconds"]
                smoke(label, docs, args.jar, grace, extra_secrets=example if label == "kustomize" else ())
        if rendered:
            smoke(rendered[0][0], rendered[0][1], args.jar, 45, service_links=True)
    print(f"{'FAILED' if FAILURES else 'passed'}: {len(FAILURES)} failed check(s)")
    sys.exit(1 if FAILURES else 0)


if __name__ == "__main__":
    main()
