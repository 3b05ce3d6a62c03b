#!/usr/bin/env python3
"""CPU per tile request, by process and thread kind, in the SQL and the HTTP runs of a tile benchmark.

Reads a system-wide `perf record -a -k CLOCK_MONOTONIC` profile and the benchmark's phase log
(-Dtile.benchmark.phases: "path row start-ns end-ns requests" per measured run), keeps the samples that
fall inside the runs from the given run on (the earlier ones may still be compiling), and prints, per path,
microseconds of CPU per request for each kind of thread: PostgreSQL backends, the app's Tomcat threads
(workers and poller), the load generator's threads, the JIT compilers, the garbage collector, the rest.
Usage: tile_phases.py PERF_DATA PHASE_LOG FREQ_HZ [FIRST_RUN]
"""
import collections
import re
import subprocess
import sys


def kind(comm):
    if comm == "postgres":
        return "PostgreSQL backends"
    if comm.startswith("http-nio"):
        return "app: Tomcat threads (HTTP, security, tile, JDBC)"
    if comm.startswith("pool-"):
        return "load generator (HTTP client or JDBC client)"
    if "Compiler" in comm:
        return "JIT compilers"
    if comm.startswith(("GC ", "G1 ")) or "Conc#" in comm:
        return "garbage collector"
    return "other"


def main():
    data, log, freq = sys.argv[1], sys.argv[2], float(sys.argv[3])
    first = int(sys.argv[4]) if len(sys.argv) > 4 else 0
    runs = []
    for i, line in enumerate(open(log)):
        path, row, start, end, requests = line.split()
        if i >= first:
            runs.append((path, row, int(start) / 1e9, int(end) / 1e9, int(requests)))
    runs.sort(key=lambda r: r[2])
    requests = collections.Counter()
    seconds = collections.Counter()
    for path, row, a, b, n in runs:
        requests[(path, row)] += n
        seconds[(path, row)] += b - a
    samples = collections.defaultdict(collections.Counter)
    out = subprocess.Popen(["perf", "script", "-i", data, "-F", "comm,time"], stdout=subprocess.PIPE,
                           stderr=subprocess.DEVNULL, text=True, errors="replace").stdout
    i = 0
    for line in out:
        m = re.match(r"\s*(.+?)\s+([\d.]+):", line)
        if not m:
            continue
        t = float(m.group(2))
        while i < len(runs) and runs[i][3] < t:
            i += 1
        if i < len(runs) and runs[i][2] <= t:
            samples[(runs[i][0], runs[i][1])][kind(m.group(1))] += 1
    kinds = ["PostgreSQL backends", "app: Tomcat threads (HTTP, security, tile, JDBC)",
             "load generator (HTTP client or JDBC client)", "JIT compilers", "garbage collector", "other"]
    rows = sorted({row for _, row in requests})
    print(f"CPU per request in µs (perf at {freq:.0f} Hz on all cores, runs from #{first} of the phase log on)\n")
    print("| row | thread kind | SQL | HTTP | HTTP − SQL |")
    print("|---|---|---|---|---|")
    for row in rows:
        total = {}
        for path in ("sql", "http"):
            n = requests[(path, row)]
            total[path] = sum(samples[(path, row)].values()) / freq / n * 1e6 if n else 0
        for k in kinds + ["all"]:
            v = {}
            for path in ("sql", "http"):
                n = requests[(path, row)]
                s = sum(samples[(path, row)].values()) if k == "all" else samples[(path, row)][k]
                v[path] = s / freq / n * 1e6 if n else 0
            name = f"**{k}**" if k == "all" else k
            print(f"| {row} | {name} | {v['sql']:.0f} | {v['http']:.0f} | {v['http'] - v['sql']:+.0f} |")
        for path in ("sql", "http"):
            n = requests[(path, row)]
            print(f"| {row} | {path.upper()}: {n} requests in {seconds[(path, row)]:.2f} s "
                  f"({n / seconds[(path, row)]:.0f}/s) | | | |")


if __name__ == "__main__":
    main()
