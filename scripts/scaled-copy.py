#!/usr/bin/env python3
"""Writes a copy of a raw run CSV with every time multiplied by a factor: a machine that slow.

Usage: scripts/scaled-copy.py RUN.csv FACTOR OUT.csv
wall_s, work_s, cpu_user_s, cpu_sys_s and thread_cpu_s are multiplied (so cores busy, and with
it parallelism and speedup, stay exactly the same); run_id gets a suffix so the copy is a run of
its own. Only the standard library.
"""
import csv
import sys

TIMES = ("wall_s", "work_s", "cpu_user_s", "cpu_sys_s", "thread_cpu_s")


def main(source, factor, target):
    with open(source, newline="") as f:
        reader = csv.DictReader(f)
        fields = reader.fieldnames
        rows = list(reader)
    for row in rows:
        for name in TIMES:
            if name in row and row[name]:
                row[name] = repr(float(row[name]) * factor)
        row["run_id"] = row["run_id"] + f"-x{factor}"
    with open(target, "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit("usage: scaled-copy.py RUN.csv FACTOR OUT.csv")
    main(sys.argv[1], float(sys.argv[2]), sys.argv[3])
