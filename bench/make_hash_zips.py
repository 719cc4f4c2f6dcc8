#!/usr/bin/env python3
"""Writes the module zips bench/hash.sh hashes: valid Go module zips (entries under
<module>@<version>/, a go.mod, a Go file, no directory entries) whose payload files are random
bytes, so they do not compress and the zip is about as large as asked. Beside each zip it writes
<zip>.h1, the dirhash h1: computed here in Python, as an independent check of the Java result.

usage: make_hash_zips.py OUT_DIR NAME:SIZE_MB:FILE_KB [...]   e.g.  bench/work 1mb:1:64 100mb:100:1024
"""
import base64
import hashlib
import os
import random
import sys
import zipfile

MODULE = "example.test/hashbench"
VERSION = "v1.0.0"


def h1(files):
    """dirhash Hash1 over {name: bytes}: sha256 of the sorted 'hex  name\\n' lines, base64."""
    summary = b"".join(
        hashlib.sha256(files[name]).hexdigest().encode() + b"  " + name.encode() + b"\n"
        for name in sorted(files, key=lambda n: n.encode()))
    return "h1:" + base64.b64encode(hashlib.sha256(summary).digest()).decode()


def write(path, size_mb, file_kb, seed):
    prefix = f"{MODULE}@{VERSION}/"
    rng = random.Random(seed)
    file_bytes = file_kb * 1024
    count = max(1, (size_mb * 1024 * 1024) // file_bytes)
    hashes = {}
    tmp = path + ".part"
    # Deflate like the go command; random data leaves the compressor as stored blocks.
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        small = {
            "go.mod": f"module {MODULE}\n\ngo 1.21\n".encode(),
            "hashbench.go": b"// Package hashbench is benchmark data.\npackage hashbench\n",
        }
        for name, data in small.items():
            z.writestr(prefix + name, data)
            hashes[prefix + name] = data
        for i in range(count):
            name = f"{prefix}data/blob{i:04d}.bin"
            data = rng.randbytes(file_bytes)
            z.writestr(name, data)
            hashes[name] = data
    os.replace(tmp, path)
    with open(path + ".h1", "w") as f:
        f.write(h1(hashes) + "\n")


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    out = argv[1]
    os.makedirs(out, exist_ok=True)
    for i, spec in enumerate(argv[2:]):
        name, size_mb, file_kb = spec.split(":")
        path = os.path.join(out, f"{name}.zip")
        write(path, int(size_mb), int(file_kb), seed=1000 + i)
        print(f"{path} {os.path.getsize(path)} bytes")


if __name__ == "__main__":
    main(sys.argv)
