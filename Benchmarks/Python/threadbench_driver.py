"""ThreadBench's CPython driver: runs one batch of a workload on real CPython threads.

ThreadBench starts this file once per round with the round's batches as a JSON list in
argv[1] (stdin when there is no argument) and reads one JSON report per line back from stdout,
each printed as soon as its batch is done; a single JSON object runs one batch as before (the
contract is in docs/CPYTHON.md). After a batch whose workers hung, the driver prints its report
and exits with status 3, so an abandoned daemon thread never runs beside the next batch.
The threads use the lesson's API exactly: threading.Thread(target=..., args=(...),
daemon=True), start(), join(timeout). With "mode": "processes" each worker is instead a
multiprocessing.Process(target=..., args=(...), daemon=True) of the requested
"start_method" (fork, forkserver or spawn), with the same API. Standard library only.

Input:  {"contract": 1, "workload": "math", "threads": 2, "tasks": 128, "ranges": null,
         "timeout_s": 120, "switch_interval_ms": 5, "params": {"iterations": 1000000}}
Output: {"contract": 1, "implementation": "cpython", "python_version": "3.11.7",
         "gil_enabled": true, "free_threaded": false, "pid": 4242, "wall_s": ..., "threads": [{...}, ...], "error": null, ...}
"""

import gc
import json
import math
import multiprocessing
import os
import resource
import signal
import sys
import sysconfig
import threading
import time
import http.client
import urllib.parse

CONTRACT = 1


class BatchError(Exception):
    """A batch that cannot run as asked (unknown workload, bad parameters)."""


def number(params, key, default=None):
    """A numeric parameter, or BatchError when it is missing or not a number."""
    value = params.get(key, default)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise BatchError("parameter %r must be a number, got %r" % (key, value))
    return value


# ---------------------------------------------------------------- workloads
# Each maker takes (params, thread_index, thread_count) and returns a worker with
# run(task) -> (ops, bytes, error or None, {sample name: ms}) and close().


def do_math(start=0, num=10):
    """The lesson's computation: sqrt((pos - k^2)^2) for pos from start + 1 to num, summed."""
    pos = start
    k_sq = 1000 * 1000
    total = 0.0
    while pos < num:
        pos += 1
        total += math.sqrt((pos - k_sq) * (pos - k_sq))
    return total


def count_primes(start, count):
    """How many of the `count` integers from `start` are prime, by trial division."""
    found = 0
    for candidate in range(start, start + count):
        if is_prime(candidate):
            found += 1
    return found


def is_prime(n):
    """Trial division by 2 and the odd numbers up to the square root."""
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    divisor = 3
    while divisor * divisor <= n:
        if n % divisor == 0:
            return False
        divisor += 2
    return True


def warm_up():
    """Calls the computing functions enough times for CPython to specialise their bytecode.

    CPython 3.11 specialises ("quickens") a function only after it has been entered 8 times,
    and a loop already running keeps going unspecialised. Without this, 1 thread running 8
    tasks one after another would run 7 of them unspecialised (about 1.5 times slower here),
    while 8 threads entering the function at once would all be specialised after the 8th
    entry: a speedup that has nothing to do with threads.
    """
    for _ in range(16):
        do_math(0, 2)
        count_primes(10000000, 2)


class MathWorker:
    """The lesson's loop: sqrt((i - k^2)^2) summed over `iterations` integers per task."""

    def __init__(self, params, index, count):
        self.iterations = int(number(params, "iterations"))
        self.sink = 0.0

    def run(self, task):
        start = task * self.iterations
        self.sink += do_math(start, start + self.iterations)
        return self.iterations, 0, ("math produced NaN" if self.sink != self.sink else None), None

    def close(self):
        pass


class PrimesWorker:
    """Counts primes by trial division among `numbers` integers from base + task * numbers."""

    def __init__(self, params, index, count):
        self.numbers = int(number(params, "numbers"))
        self.base = int(number(params, "base", 10000000))
        self.found = 0

    def run(self, task):
        # A short range near 10^7 may hold no prime at all (gaps there pass 100): not an error.
        start = self.base + task * self.numbers
        self.found += count_primes(start, self.numbers)
        return self.numbers, 0, None, None

    def close(self):
        pass


class SleepWorker:
    """The lesson's producer: time.sleep per task (CPython releases the GIL while it sleeps)."""

    def __init__(self, params, index, count):
        self.seconds = number(params, "sleep_ms") / 1000.0

    def run(self, task):
        time.sleep(self.seconds)
        return 1, 0, None, None

    def close(self):
        pass


class HTTPWorker:
    """GET per task with http.client; with `reuse` a thread keeps one keep-alive connection.

    http.client is what urllib.request runs on; used directly it keeps the connection open
    between a thread's requests (as libcurl's reused handle does on the Swift side) and lets
    the connect, first-byte and total times be told apart.
    """

    def __init__(self, params, index, count):
        url = params.get("url")
        if not isinstance(url, str) or not url.startswith(("http://", "https://")):
            raise BatchError("parameter 'url' must be an http:// or https:// URL, got %r" % (url,))
        self.url = url
        parts = urllib.parse.urlsplit(url)
        self.https = parts.scheme == "https"
        self.host = parts.hostname or ""
        self.port = parts.port
        self.target = (parts.path or "/") + ("?" + parts.query if parts.query else "")
        self.timeout_s = number(params, "request_timeout_s", 10)
        self.reuse = bool(params.get("reuse", True))
        expect = params.get("expect_bytes")
        self.expect_bytes = expect if isinstance(expect, int) and not isinstance(expect, bool) else None
        self.connection = None

    def connect(self):
        kind = http.client.HTTPSConnection if self.https else http.client.HTTPConnection
        self.connection = kind(self.host, self.port, timeout=self.timeout_s)
        self.connection.connect()

    def run(self, task):
        began = time.perf_counter()
        connect_ms = 0.0
        try:
            if self.connection is None:
                self.connect()
                connect_ms = (time.perf_counter() - began) * 1e3
            headers = {} if self.reuse else {"Connection": "close"}
            self.connection.request("GET", self.target, headers=headers)
            response = self.connection.getresponse()
            ttfb_ms = (time.perf_counter() - began) * 1e3
            body = response.read()
            status = response.status
            if not self.reuse or response.will_close:
                self.close()
        except Exception as error:  # every failure of one request is that task's error
            self.close()
            return 1, 0, "GET %s: %s" % (self.url, describe(error)), None
        total_ms = (time.perf_counter() - began) * 1e3
        if not 200 <= status < 300:
            return 1, len(body), "GET %s: HTTP status %d" % (self.url, status), None
        if self.expect_bytes is not None and len(body) != self.expect_bytes:
            error = "GET %s: %d body bytes, expected %d" % (self.url, len(body), self.expect_bytes)
            return 1, len(body), error, None
        return 1, len(body), None, {"http_connect": connect_ms, "http_ttfb": ttfb_ms, "http_total": total_ms}

    def close(self):
        if self.connection is not None:
            self.connection.close()
            self.connection = None


class FileWorker:
    """Writes `bytes` bytes to a new file, fsyncs, reads them back and verifies them.

    The files go in the Swift workload's private folder (`folder`), which ThreadBench
    removes after the run even when this process is killed; each is deleted once verified.
    """

    def __init__(self, params, index, count):
        self.size = int(number(params, "bytes"))
        self.folder = params.get("folder")
        if not isinstance(self.folder, str) or not os.path.isdir(self.folder):
            raise BatchError("parameter 'folder' must be an existing folder, got %r" % (self.folder,))
        # A pattern that differs per thread, so a file read back from the wrong place fails.
        block = bytes((i * 31 + index * 7 + 1) % 251 for i in range(251))
        self.data = (block * (self.size // 251 + 1))[:self.size]

    def run(self, task):
        path = os.path.join(self.folder, "py-task-%d.bin" % task)
        try:
            with open(path, "wb") as handle:
                handle.write(self.data)
                handle.flush()
                os.fsync(handle.fileno())
            with open(path, "rb") as handle:
                back = handle.read()
        except OSError as error:
            return 1, 0, "%s: %s" % (path, describe(error)), None
        finally:
            try:
                os.remove(path)
            except OSError:
                pass
        if back != self.data:
            return 1, 0, "read %s: the bytes read back differ from those written" % path, None
        return 1, 2 * self.size, None, None

    def close(self):
        pass


class ConvoyBatch:
    """What the workers of one convoy batch share: their ranges and the phase changes.

    With threads the phase state is three plain integers; with processes (`context` is a
    multiprocessing context) it is a small shared array guarded by the context's Condition,
    handed to the children when they start. Only coordination is shared: results come back
    through each child's pipe.
    """

    def __init__(self, ranges, timeout_s, context=None):
        self.count = len(ranges)
        self.has_computing = self.count > 1
        io_threads = self.count - 1 if self.has_computing else self.count
        self.active = sum(1 for index in range(io_threads) if ranges[index][1] > ranges[index][0])
        # [arrived, computing, unfinished]
        if context is None:
            self.condition = threading.Condition()
            self.state = [0, 0, self.active]
        else:
            self.condition = context.Condition()
            self.state = context.RawArray("i", [0, 0, self.active])
        self.max_compute_s = timeout_s

    @property
    def unfinished(self):
        return self.state[2]

    def finish_baseline_and_wait(self):
        with self.condition:
            self.state[0] += 1
            self.condition.notify_all()
            while not self.state[1]:
                self.condition.wait()

    def wait_for_baseline(self):
        with self.condition:
            while self.state[0] < self.active:
                self.condition.wait()

    def computing_started(self):
        with self.condition:
            self.state[1] = 1
            self.condition.notify_all()

    def request_thread_finished(self):
        with self.condition:
            self.state[2] -= 1


class ConvoyWorker:
    """The convoy: N-1 threads time 1 ms sleeps, first alone, then beside a computing thread.

    The last thread computes the lesson's loop, parked during the I/O threads' baseline half,
    then spinning until they are done. A sleep's latency includes taking the GIL back from
    the computing thread, which is the convoy effect.
    """

    def __init__(self, params, index, count):
        self.batch = params["__convoy"]
        self.computing = self.batch.has_computing and index == count - 1
        self.range = params["__ranges"][index]
        self.seconds = number(params, "io_ms") / 1000.0
        self.sink = 0.0

    def run(self, task):
        batch = self.batch
        if self.computing:
            batch.wait_for_baseline()
            batch.computing_started()
            chunks = 0
            deadline = time.perf_counter() + batch.max_compute_s
            while batch.unfinished > 0 and time.perf_counter() < deadline:
                self.sink += do_math(chunks * 1024, chunks * 1024 + 1024)
                chunks += 1
            return chunks * 1024, 0, None, None
        low, high = self.range
        baseline_count = (high - low) // 2 if batch.has_computing else high - low
        if batch.has_computing and task == low + baseline_count:
            batch.finish_baseline_and_wait()
        began = time.perf_counter()
        time.sleep(self.seconds)
        latency_ms = (time.perf_counter() - began) * 1e3
        if task == high - 1:
            batch.request_thread_finished()
        return 1, 0, None, {("io_baseline" if task < low + baseline_count else "io"): latency_ms}

    def close(self):
        pass


class HangWorker:
    """TEST ONLY, not a benchmark workload: the worker at `hang_index` never ends its first task.

    The others sleep `sleep_ms` a task. Tests use it to check that a hung worker is reported
    and never waited on: a thread is abandoned, a process terminated (with `ignore_sigterm`
    the process ignores SIGTERM, so the driver has to kill it).
    """

    def __init__(self, params, index, count):
        self.hangs = index == int(number(params, "hang_index", 0))
        self.seconds = number(params, "sleep_ms", 1) / 1000.0
        self.ignore_sigterm = bool(params.get("ignore_sigterm", False))

    def run(self, task):
        if self.hangs and self.ignore_sigterm and threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
        while self.hangs:
            time.sleep(3600)
        time.sleep(self.seconds)
        return 1, 0, None, None

    def close(self):
        pass


WORKERS = {
    "math": MathWorker,
    "primes": PrimesWorker,
    "sleep": SleepWorker,
    "http": HTTPWorker,
    "file": FileWorker,
    "convoy": ConvoyWorker,
}

# Workloads only the tests ask for; never listed as known workloads.
TEST_WORKERS = {
    "test_hang": HangWorker,
}

MODES = ("threads", "processes")


def describe(error):
    """One line for an exception."""
    text = str(error).replace("\n", " ").strip()
    return "%s: %s" % (type(error).__name__, text) if text else type(error).__name__


# ---------------------------------------------------------------- the batch


class Slot:
    """What one worker thread measured; written by its thread, read after it was joined."""

    def __init__(self):
        self.began_ns = 0
        self.gate_ns = 0
        self.finished_ns = 0
        self.cpu_s = 0.0
        self.task_ms = []
        self.samples = {}
        self.ops = 0
        self.bytes = 0
        self.errors = 0
        self.first_error = None
        self.ran = False


def thread_body(worker, task_range, gate, slot):
    """The target of every worker thread: wait at the start barrier, then run the tasks."""
    gate_then_run(worker, task_range, gate, slot, time.perf_counter_ns)


def gate_then_run(worker, task_range, gate, slot, clock, prepare=None):
    """Notes when the worker began, runs `prepare` (if any), waits at the start barrier, notes
    when it opened, then runs the tasks, all on `clock`. Returns False when the barrier broke
    (the batch was abandoned before it started), True when the tasks ran."""
    slot.began_ns = clock()
    if prepare is not None:
        prepare()
    try:
        gate.wait()
    except threading.BrokenBarrierError:
        return False
    slot.gate_ns = clock()
    run_tasks(worker, task_range, slot, clock)
    return True


def run_tasks(worker, task_range, slot, clock):
    """Runs a worker's tasks, timing each on `clock` (a *_ns function) and counting into `slot`."""
    cpu_before = time.thread_time()
    slot.ran = True
    for task in range(task_range[0], task_range[1]):
        begin = clock()
        try:
            ops, moved, error, samples = worker.run(task)
        except Exception as exc:  # a task that raises is that task's error, not the batch's
            ops, moved, error, samples = 0, 0, describe(exc), None
        slot.task_ms.append((clock() - begin) / 1e6)
        slot.ops += ops
        slot.bytes += moved
        if error is not None:
            slot.errors += 1
            if slot.first_error is None:
                slot.first_error = error
        for name, value in (samples or {}).items():
            slot.samples.setdefault(name, []).append(value)
    slot.cpu_s = time.thread_time() - cpu_before
    slot.finished_ns = clock()


def run_batch(batch):
    """Runs the batch described by `batch` and returns the report (a dict)."""
    name = batch.get("workload")
    maker = WORKERS.get(name) or TEST_WORKERS.get(name)
    if maker is None:
        raise BatchError("unknown workload %r; known: %s" % (name, ", ".join(sorted(WORKERS))))
    mode = batch.get("mode", "threads")
    if mode not in MODES:
        raise BatchError("'mode' must be one of %s, got %r" % (", ".join(MODES), mode))
    context = start_context(batch.get("start_method")) if mode == "processes" else None
    if context is not None and context.get_start_method() == "forkserver":
        start_forkserver(context, number(batch, "timeout_s"))
    count = batch.get("threads")
    tasks = batch.get("tasks")
    if not isinstance(count, int) or count < 1 or not isinstance(tasks, int) or tasks < 0:
        raise BatchError("'threads' must be a positive integer and 'tasks' a count")
    ranges = batch.get("ranges")
    if ranges is None:
        # The even split ThreadBench uses (TaskSplit): contiguous shares, sizes differ by at most one.
        ranges = [[tasks * index // count, tasks * (index + 1) // count] for index in range(count)]
    elif not isinstance(ranges, list) or len(ranges) != count:
        raise BatchError("'ranges' must hold one [low, high] range per thread")
    timeout_s = number(batch, "timeout_s")
    sys.setswitchinterval(number(batch, "switch_interval_ms", 5) / 1000.0)
    params = dict(batch.get("params") or {})

    params["__ranges"] = ranges
    if name == "convoy":
        params["__convoy"] = ConvoyBatch(ranges, timeout_s, context)
    workers = [maker(params, index, count) for index in range(count)]
    # An earlier batch of the round, in this same interpreter, may have left cyclic garbage:
    # collect it now rather than in the middle of this batch.
    gc.collect()
    warm_up()
    if context is None:
        report = measure(workers, ranges, timeout_s)
    else:
        report = measure_processes(workers, ranges, timeout_s, context)
    report["mode"] = mode
    report["start_method"] = context.get_start_method() if context is not None else None
    return report


def measure(workers, ranges, timeout_s):
    """Starts one daemon thread per worker, releases them together, joins them with a deadline."""
    count = len(workers)
    gate = threading.Barrier(count + 1)
    slots = [Slot() for _ in range(count)]
    threads, spawn_us, created_ns = [], [], []
    usage_before = resource.getrusage(resource.RUSAGE_SELF)
    first_start = time.perf_counter_ns()
    deadline = first_start + int(timeout_s * 1e9)
    for index in range(count):
        thread = threading.Thread(target=thread_body, args=(workers[index], ranges[index], gate, slots[index]),
                                  name="tb-py-%d" % index, daemon=True)
        created = time.perf_counter_ns()
        try:
            thread.start()
        except RuntimeError as error:
            gate.abort()
            for started in threads:
                started.join(max(0.0, (deadline - time.perf_counter_ns()) / 1e9))
            raise BatchError("thread %d of %d could not start: %s" % (index + 1, count, describe(error)))
        spawn_us.append((time.perf_counter_ns() - created) / 1e3)
        created_ns.append(created)
        threads.append(thread)
    try:
        gate.wait(max(0.0, (deadline - time.perf_counter_ns()) / 1e9))
    except threading.BrokenBarrierError:
        pass
    opened = time.perf_counter_ns()

    joined_ns = []
    for thread in threads:
        thread.join(max(0.0, (deadline - time.perf_counter_ns()) / 1e9))
        joined_ns.append(time.perf_counter_ns())
    last_join = time.perf_counter_ns()
    usage = resource.getrusage(resource.RUSAGE_SELF)

    per_thread = []
    for index, thread in enumerate(threads):
        slot = slots[index]
        finished = not thread.is_alive() and slot.finished_ns > 0
        entry = {"index": index, "finished": finished, "spawn_us": spawn_us[index]}
        if finished:
            entry.update({
                "start_latency_us": max(0.0, (slot.began_ns - created_ns[index]) / 1e3),
                "run_s": (slot.finished_ns - slot.gate_ns) / 1e9,
                "join_latency_us": max(0.0, (joined_ns[index] - slot.finished_ns) / 1e3),
                "cpu_s": slot.cpu_s,
                "ops": slot.ops,
                "bytes": slot.bytes,
                "errors": slot.errors,
                "first_error": slot.first_error,
                "task_ms": slot.task_ms,
                "samples_ms": slot.samples,
            })
        per_thread.append(entry)
    for index, worker in enumerate(workers):
        if per_thread[index]["finished"]:
            worker.close()
    return {
        "wall_s": (last_join - first_start) / 1e9,
        "work_s": (last_join - opened) / 1e9,
        "cpu_user_s": usage.ru_utime - usage_before.ru_utime,
        "cpu_sys_s": usage.ru_stime - usage_before.ru_stime,
        "ctx_voluntary": usage.ru_nvcsw - usage_before.ru_nvcsw,
        "ctx_involuntary": usage.ru_nivcsw - usage_before.ru_nivcsw,
        "timed_out": sum(1 for entry in per_thread if not entry["finished"]),
        "threads": per_thread,
    }


# ---------------------------------------------------------------- processes
# The remedy beside the caveat: the same workers, each in its own process started with the
# lesson's API, multiprocessing.Process(target=..., args=(...), daemon=True), start(),
# join(timeout). Times that cross processes are on time.monotonic_ns (CLOCK_MONOTONIC, one
# clock for the whole system on Linux).


def start_context(method):
    """The multiprocessing context of start method `method` (None: this platform's default)."""
    available = multiprocessing.get_all_start_methods()
    if method is None:
        # What the lesson's code gets without set_start_method(): fork on Linux up to 3.13,
        # forkserver from 3.14, spawn on macOS and Windows. The report says which ran.
        method = multiprocessing.get_start_method()
    if not isinstance(method, str) or method not in available:
        raise BatchError("'start_method' must be one of %s on this platform, got %r"
                         % (", ".join(available), method))
    # A parent may start the driver with signals blocked (a thread pool's threads block them)
    # or SIGTERM ignored; children inherit both. Then terminate() would not end a child, and
    # a forkserver, blind to SIGCHLD, would never report its children's exit.
    signal.pthread_sigmask(signal.SIG_SETMASK, set())
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    return multiprocessing.get_context(method)


def start_forkserver(context, timeout_s):
    """Starts the forkserver and waits until it has forked a child, once per driver process.

    The server starts at a program's first Process.start() and is ready only after an
    interpreter start-up (some 60 ms here); done inside a timed batch, that cost would land on
    whichever batch of a round comes first (the 1-process one) and inflate every speedup.
    """
    global forkserver_ready
    if forkserver_ready:
        return
    primer = context.Process(target=int, daemon=True)  # int(): a child with nothing to do
    primer.start()
    primer.join(timeout_s)
    forkserver_ready = True


forkserver_ready = False


def process_body(worker, task_range, gate, writer):
    """The target of every worker process: as thread_body, then one message back on its pipe."""
    slot = Slot()
    try:
        # A spawned or forkserver child starts with cold code: warm it before the gate.
        if not gate_then_run(worker, task_range, gate, slot, time.monotonic_ns, prepare=warm_up):
            return
        worker.close()
        usage = resource.getrusage(resource.RUSAGE_SELF)
        result = dict(vars(slot))
        result.update({"cpu_user_s": usage.ru_utime, "cpu_sys_s": usage.ru_stime,
                       "ctx_voluntary": usage.ru_nvcsw, "ctx_involuntary": usage.ru_nivcsw})
        writer.send(result)
    finally:
        writer.close()


def stop_processes(processes, grace_s=2.0):
    """Ends children that outlived the batch together: SIGTERM to all, one grace period, then
    SIGKILL to those still alive and a second grace period, so that stopping N hung children
    takes at most two grace periods, not 2N. Returns, per child, which signal ended it."""
    def signal_all(send, targets):
        for process in targets:
            send(process)
        end = time.monotonic() + grace_s
        for process in targets:
            process.join(max(0.0, end - time.monotonic()))
        return [process for process in targets if process.exitcode is None]
    survivors = signal_all(lambda process: process.terminate(), processes)
    signal_all(lambda process: process.kill(), survivors)
    return ["kill" if process in survivors else "terminate" for process in processes]


def measure_processes(workers, ranges, timeout_s, context):
    """Starts one daemon process per worker, releases them together, joins them by the deadline.

    Each child sends its measurements on its own pipe, read before it is joined (a child
    does not exit while its message is still unread). A child not done by the deadline is
    terminated, then killed, after the last join: never waited on for its work.
    """
    count = len(workers)
    gate = context.Barrier(count + 1)
    processes, readers, spawn_us, created_ns = [], [], [], []
    usage_before = resource.getrusage(resource.RUSAGE_SELF)
    first_start = time.monotonic_ns()
    deadline = first_start + int(timeout_s * 1e9)
    remaining = lambda: max(0.0, (deadline - time.monotonic_ns()) / 1e9)
    for index in range(count):
        reader, writer = context.Pipe(duplex=False)
        process = context.Process(target=process_body, args=(workers[index], ranges[index], gate, writer),
                                  name="tb-py-%d" % index, daemon=True)
        created = time.monotonic_ns()
        try:
            process.start()
        except Exception as error:  # no process (EAGAIN, ENOMEM) or arguments that cannot be sent
            gate.abort()
            stop_processes(processes)
            raise BatchError("process %d of %d could not start: %s" % (index + 1, count, describe(error)))
        spawn_us.append((time.monotonic_ns() - created) / 1e3)
        writer.close()  # the child holds its own end: end of file now means the child is gone
        created_ns.append(created)
        processes.append(process)
        readers.append(reader)
    try:
        gate.wait(remaining())
    except threading.BrokenBarrierError:
        pass
    opened = time.monotonic_ns()

    results, joined_ns = [None] * count, [0] * count
    for index, process in enumerate(processes):
        try:
            if readers[index].poll(remaining()):
                results[index] = readers[index].recv()
        except (EOFError, OSError):
            pass  # ended without a message: it died
        process.join(remaining())
        joined_ns[index] = time.monotonic_ns()
    last_join = time.monotonic_ns()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    hung = [process for process in processes if process.exitcode is None]
    stopped = dict(zip(map(id, hung), stop_processes(hung)))
    ended_by = [stopped.get(id(process)) for process in processes]

    per_process = []
    children = []
    for index, process in enumerate(processes):
        result = results[index]
        finished = ended_by[index] is None and result is not None and result["finished_ns"] > 0
        entry = {"index": index, "finished": finished, "spawn_us": spawn_us[index],
                 "exitcode": process.exitcode, "ended_by": ended_by[index]}
        if finished:
            children.append(result)
            entry.update({
                "start_latency_us": max(0.0, (result["began_ns"] - created_ns[index]) / 1e3),
                "run_s": (result["finished_ns"] - result["gate_ns"]) / 1e9,
                "join_latency_us": max(0.0, (joined_ns[index] - result["finished_ns"]) / 1e3),
                "cpu_s": result["cpu_s"],
                "ops": result["ops"],
                "bytes": result["bytes"],
                "errors": result["errors"],
                "first_error": result["first_error"],
                "task_ms": result["task_ms"],
                "samples_ms": result["samples"],
            })
        per_process.append(entry)
        readers[index].close()
    # The driver's own use plus what each finished child reported of itself (a forkserver's
    # children are not the driver's, so RUSAGE_CHILDREN would miss them).
    total = lambda key: sum(child[key] for child in children)
    return {
        "wall_s": (last_join - first_start) / 1e9,
        "work_s": (last_join - opened) / 1e9,
        "cpu_user_s": usage.ru_utime - usage_before.ru_utime + total("cpu_user_s"),
        "cpu_sys_s": usage.ru_stime - usage_before.ru_stime + total("cpu_sys_s"),
        "ctx_voluntary": usage.ru_nvcsw - usage_before.ru_nvcsw + total("ctx_voluntary"),
        "ctx_involuntary": usage.ru_nivcsw - usage_before.ru_nivcsw + total("ctx_involuntary"),
        "timed_out": sum(1 for entry in per_process if not entry["finished"]),
        "threads": per_process,
    }


def interpreter():
    """What runs this file: the fields every report starts with."""
    probe = getattr(sys, "_is_gil_enabled", None)
    return {
        "contract": CONTRACT,
        "implementation": sys.implementation.name,
        "python_version": "%d.%d.%d" % sys.version_info[:3],
        "gil_enabled": bool(probe()) if probe else True,
        "free_threaded": bool(sysconfig.get_config_var("Py_GIL_DISABLED")),
        "switch_interval_ms": sys.getswitchinterval() * 1000.0,
        "pid": os.getpid(),
    }


def answer(batch):
    """Runs one batch from the request and returns (report, refused)."""
    try:
        if not isinstance(batch, dict) or batch.get("contract") != CONTRACT:
            raise BatchError("expected a JSON object with contract %d" % CONTRACT)
        report = run_batch(batch)
        report.update(interpreter())
        report["error"] = None
        return report, False
    except (BatchError, ValueError) as error:
        report = interpreter()
        report["error"] = str(error) if isinstance(error, BatchError) else describe(error)
        return report, True


def emit(report):
    """Writes one report as one JSON line, at once."""
    sys.stdout.write(json.dumps(report, allow_nan=False) + "\n")
    sys.stdout.flush()


# Exit status after a batch whose workers hung: the rest of the list was not run.
STOPPED_AFTER_HANG = 3


def main():
    """Reads a batch or a list of batches from argv[1] (or stdin), runs them, writes a report each.

    Exit status: 0, or 2 when a batch was refused, or 3 when a batch left hung workers behind
    and the batches after it were not run.
    """
    status = 0
    try:
        request = json.loads(sys.argv[1] if len(sys.argv) > 1 else sys.stdin.read())
    except ValueError as error:
        report = interpreter()
        report["error"] = describe(error)
        emit(report)
        os._exit(2)
    batches = request if isinstance(request, list) else [request]
    for batch in batches:
        report, refused = answer(batch)
        emit(report)
        if refused:
            status = 2
        elif isinstance(request, list) and report.get("timed_out"):
            # Abandoned daemon threads (or a stopped child's leftovers) must not run beside
            # the next batch: ThreadBench runs the rest in a fresh process.
            status = STOPPED_AFTER_HANG
            break
    # Daemon threads still running (timed out) must not keep the process alive.
    os._exit(status)


if __name__ == "__main__":
    main()
