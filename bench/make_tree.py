#!/usr/bin/env python3
"""Writes the benchmark's GOPROXY-layout tree (served by nginx, modvault's upstream).

Modules (all at v1.0.0, each with @v/list, .info and .mod):
  bench.test/small    no zip: the .info/.mod/list rows
  bench.test/zip1m    1 MiB zip
  bench.test/zip20m   20 MiB zip
  bench.test/zip400m  400 MiB zip (memory test)

Zips are valid module zips: every entry under "module@v1.0.0/", a go.mod entry, and one
stored (uncompressed) file of random bytes sized so that the whole zip is the target size.
Random content is seeded, so reruns produce identical files; existing files of the right
size are kept, which makes a rerun cheap.

Usage: make_tree.py DIR   (prints one line per module: path, zip size)
"""
import json
import os
import random
import sys
import zipfile

VERSION = "v1.0.0"
MIB = 1024 * 1024
MODULES = {
    "bench.test/small": 0,
    "bench.test/zip1m": 1 * MIB,
    "bench.test/zip20m": 20 * MIB,
    "bench.test/zip400m": 400 * MIB,
}
CHUNK = 4 * MIB


def write_if_changed(path, data):
    if os.path.exists(path):
        with open(path, "rb") as f:
            if f.read() == data:
                return
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)


def go_mod(module):
    return f"module {module}\n\ngo 1.21\n".encode()


def zip_overhead(module, mod):
    """Size of a module zip holding go.mod and an empty data file: the fixed part."""
    import io
    buf = io.BytesIO()
    build_zip(buf, module, mod, 0, seed=0)
    return buf.tell()


def build_zip(out, module, mod, data_size, seed):
    prefix = f"{module}@{VERSION}/"
    rng = random.Random(seed)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED, allowZip64=False) as z:
        info = zipfile.ZipInfo(prefix + "go.mod", date_time=(2024, 1, 1, 0, 0, 0))
        z.writestr(info, mod)
        data = zipfile.ZipInfo(prefix + "data/random.bin", date_time=(2024, 1, 1, 0, 0, 0))
        data.compress_type = zipfile.ZIP_STORED
        data.file_size = data_size
        with z.open(data, "w") as f:
            left = data_size
            while left > 0:
                n = min(CHUNK, left)
                f.write(rng.randbytes(n))
                left -= n


def make_module(root, module, zip_size):
    d = os.path.join(root, module, "@v")
    os.makedirs(d, exist_ok=True)
    mod = go_mod(module)
    write_if_changed(os.path.join(d, "list"), f"{VERSION}\n".encode())
    info = {"Version": VERSION, "Time": "2024-01-01T00:00:00Z"}
    write_if_changed(os.path.join(d, f"{VERSION}.info"), json.dumps(info).encode())
    write_if_changed(os.path.join(d, f"{VERSION}.mod"), mod)
    if zip_size == 0:
        return 0
    path = os.path.join(d, f"{VERSION}.zip")
    if os.path.exists(path) and os.path.getsize(path) == zip_size:
        return zip_size
    data_size = zip_size - zip_overhead(module, mod)
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        build_zip(f, module, mod, data_size, seed=zip_size)
    if os.path.getsize(tmp) != zip_size:
        raise SystemExit(f"{path}: built {os.path.getsize(tmp)} bytes, wanted {zip_size}")
    with zipfile.ZipFile(tmp) as z:
        names = z.namelist()
        assert all(n.startswith(f"{module}@{VERSION}/") for n in names), names
        assert f"{module}@{VERSION}/go.mod" in names, names
    os.replace(tmp, path)
    return zip_size


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    root = sys.argv[1]
    for module, size in MODULES.items():
        print(module, make_module(root, module, size))


if __name__ == "__main__":
    main()
