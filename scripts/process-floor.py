#!/usr/bin/env python3
"""The lesson's processes with nothing of ThreadBench around them: what `sleep` can gain here.

Usage: scripts/process-floor.py [ROUNDS] [START_METHOD]
Each round times, back to back, 1 process sleeping TASKS x WAIT and 4 processes sleeping a
quarter of that each, with multiprocessing.Process(target=..., args=..., daemon=True),
start() and join(): no start gate, no pipes, no measurement inside the children. Prints the
median walls, the paired speedup per round (median and range) and what the waits alone
would give, so the cost of starting and ending processes on this machine is plain.
Only the standard library.
"""
import multiprocessing
import statistics
import sys
import time

TASKS, WAIT_S, PROCESSES = 64, 0.003, 4


def sleeper(count):
    for _ in range(count):
        time.sleep(WAIT_S)


def batch(context, processes):
    begin = time.perf_counter()
    children = [context.Process(target=sleeper, args=(TASKS // processes,), daemon=True) for _ in range(processes)]
    for child in children:
        child.start()
    for child in children:
        child.join(10)
    return time.perf_counter() - begin


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    context = multiprocessing.get_context(sys.argv[2] if len(sys.argv) > 2 else "fork")
    batch(context, PROCESSES)  # warm-up
    one, many = [], []
    for _ in range(rounds):
        one.append(batch(context, 1))
        many.append(batch(context, PROCESSES))
    ratios = [a / b for a, b in zip(one, many)]
    print("%s, %d rounds: 1 process %.1f ms, %d processes %.1f ms (medians); speedup %.2fx (range %.2f-%.2fx); "
          "the waits alone: %.1f ms and %.1f ms"
          % (context.get_start_method(), rounds, 1e3 * statistics.median(one), PROCESSES, 1e3 * statistics.median(many),
             statistics.median(ratios), min(ratios), max(ratios), 1e3 * TASKS * WAIT_S, 1e3 * TASKS * WAIT_S / PROCESSES))


if __name__ == "__main__":
    main()
