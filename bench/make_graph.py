#!/usr/bin/env python3
"""Writes the prewarm benchmark's module graph: a GOPROXY tree and a project that needs it.

50 modules (graph.bench/m00 .. m49) with 3 versions each (v1.0.0, v1.1.0, v1.2.0): 150 module
versions. Each version requires 3-4 of the next eleven modules at seeded random versions, so the
go command's minimal version selection walks every version's go.mod and selects one version per
module. Dependencies declare `go 1.16` (unpruned graphs), so `go mod download all` reads the
whole graph, as prewarm does. Every zip holds go.mod and one small Go file.

Usage: make_graph.py TREE_DIR PROJECT_DIR   (prints the number of module versions)
"""
import io
import json
import os
import random
import sys
import zipfile

MODULES = [f"graph.bench/m{i:02d}" for i in range(50)]
VERSIONS = ["v1.0.0", "v1.1.0", "v1.2.0"]
TIME = "2026-01-02T03:04:05Z"


def requirements(rng, index):
    later = list(range(index + 1, min(index + 12, len(MODULES))))
    picks = rng.sample(later, min(len(later), rng.choice([3, 4])))
    return [(MODULES[j], rng.choice(VERSIONS)) for j in sorted(picks)]


def go_mod(module, reqs, go="1.16"):
    lines = [f"module {module}", "", f"go {go}", ""]
    if reqs:
        lines.append("require (")
        lines += [f"\t{m} {v}" for m, v in reqs]
        lines.append(")")
    return ("\n".join(lines) + "\n").encode()


def module_zip(module, version, mod):
    name = module.rsplit("/", 1)[1]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(f"{module}@{version}/go.mod", mod)
        z.writestr(f"{module}@{version}/{name}.go", f"package {name}\n\nconst Version = \"{version}\"\n")
    return buf.getvalue()


def main(tree, project):
    rng = random.Random(8)
    count = 0
    for index, module in enumerate(MODULES):
        base = os.path.join(tree, module, "@v")
        os.makedirs(base, exist_ok=True)
        for version in VERSIONS:
            mod = go_mod(module, requirements(rng, index))
            with open(os.path.join(base, version + ".mod"), "wb") as f:
                f.write(mod)
            with open(os.path.join(base, version + ".info"), "w") as f:
                json.dump({"Version": version, "Time": TIME}, f)
            with open(os.path.join(base, version + ".zip"), "wb") as f:
                f.write(module_zip(module, version, mod))
            count += 1
        with open(os.path.join(base, "list"), "w") as f:
            f.write("\n".join(VERSIONS) + "\n")
    os.makedirs(project, exist_ok=True)
    roots = [(MODULES[i], rng.choice(VERSIONS)) for i in range(12)]
    with open(os.path.join(project, "go.mod"), "wb") as f:
        f.write(go_mod("graph.bench/project", roots, go="1.21"))
    print(count)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
