#!/usr/bin/python3
"""readability-lxml (Debian's python3-readability) over the same pages as extract_bench,
single-threaded, best of N rounds: the reference point for extraction speed.

usage: readability_bench.py [DATA_DIR] [ROUNDS]
"""
import gzip
import json
import os
import sys
import time

from readability import Document

data = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "data", "extraction-zyte")
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 1
truth = json.load(open(os.path.join(data, "ground-truth.json"), encoding="utf-8"))
pages = []
for pid in truth:
    with gzip.open(os.path.join(data, "html", pid + ".html.gz"), "rb") as f:
        pages.append(f.read())
total = sum(len(p) for p in pages)
best = None
for _ in range(rounds):
    t0 = time.perf_counter()
    for raw in pages:
        try:
            Document(raw).summary()
        except Exception:  # noqa: BLE001 - a page readability cannot handle still counts
            pass
    elapsed = time.perf_counter() - t0
    best = elapsed if best is None else min(best, elapsed)
print(f"{'readability-lxml summary()':<28} {len(pages) / best:8.1f} pages/s {total / best / 1e6:8.1f} MB/s"
      f"  ({len(pages)} pages, {best:.3f} s)")
