#!/usr/bin/env python3
"""Writes the bundle benchmark's GOPROXY tree: about 1 GiB of module zips.

100 modules (bulk.bench/m000 .. m099) at v1.0.0, each zip ~10.6 MiB: go.mod, 40 compressible Go
source files and one 10 MiB file of seeded random bytes (stored), so the bytes are a mix of what
real modules carry (source) and what makes them big (testdata, embedded assets). Seeded: reruns
produce identical files, and existing files are kept, so a rerun is cheap.

Usage: make_bulk.py DIR   (prints the number of modules and the total zip bytes)
"""
import io
import json
import os
import random
import sys
import zipfile

VERSION = "v1.0.0"
COUNT = 100
MIB = 1024 * 1024


def build(module, mod, seed):
    rng = random.Random(seed)
    prefix = f"{module}@{VERSION}/"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(zipfile.ZipInfo(prefix + "go.mod"), mod, zipfile.ZIP_DEFLATED)
        for i in range(40):
            lines = [f"package m\n"] + [f"func F{i}_{j}() int {{ return {rng.randint(0, 1 << 30)} }}\n" for j in range(1500)]
            z.writestr(prefix + f"f{i:02d}.go", "".join(lines), zipfile.ZIP_DEFLATED)
        z.writestr(prefix + "testdata/blob.bin", rng.randbytes(10 * MIB), zipfile.ZIP_STORED)
    return buf.getvalue()


def main(root):
    total = 0
    for n in range(COUNT):
        module = f"bulk.bench/m{n:03d}"
        base = os.path.join(root, module, "@v")
        os.makedirs(base, exist_ok=True)
        mod = f"module {module}\n\ngo 1.21\n".encode()
        zip_path = os.path.join(base, VERSION + ".zip")
        if not os.path.exists(zip_path):
            with open(zip_path + ".tmp", "wb") as f:
                f.write(build(module, mod, n))
            os.replace(zip_path + ".tmp", zip_path)
        with open(os.path.join(base, VERSION + ".mod"), "wb") as f:
            f.write(mod)
        with open(os.path.join(base, VERSION + ".info"), "w") as f:
            json.dump({"Version": VERSION, "Time": "2026-01-02T03:04:05Z"}, f)
        with open(os.path.join(base, "list"), "w") as f:
            f.write(VERSION + "\n")
        total += os.path.getsize(zip_path)
    print(COUNT, total)


if __name__ == "__main__":
    main(sys.argv[1])
