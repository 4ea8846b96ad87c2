#!/usr/bin/env python3
"""Times whole processes: median, min and max wall time over runs after a warm-up, and peak RSS.

Usage: measure.py RUNS LABEL -- COMMAND...   (the command may use {i} for the run number)
Prints one line: label, median, min, max (ms), peak resident memory (MB).
"""
import os
import statistics
import subprocess
import sys
import time


def run_once(argv):
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"command failed: {' '.join(argv)}")
    return elapsed, usage.ru_maxrss / 1024


def main():
    runs = int(sys.argv[1])
    label = sys.argv[2]
    command = sys.argv[sys.argv.index("--") + 1:]
    run_once([a.replace("{i}", "warmup") for a in command])
    times, peaks = [], []
    for i in range(runs):
        elapsed, peak = run_once([a.replace("{i}", str(i)) for a in command])
        times.append(elapsed * 1000)
        peaks.append(peak)
    print(f"{label:<34} {statistics.median(times):8.0f} {min(times):8.0f} {max(times):8.0f} {max(peaks):9.0f}")


if __name__ == "__main__":
    main()
