"""What one benchmark step costs: wall time, CPU time and peak memory of its process tree.

Chromium runs as many processes under ChromeDriver, so the figures cover every descendant of
the process measured, not the process alone.
"""

import os
import resource
import subprocess
import threading
import time

import click

from warta import ROOT


def tree_usage(root_pid):
    """(memory in bytes, CPU seconds) of a process and all its descendants (Linux /proc).

    Memory is the proportional set size (PSS), so the libraries Chromium's processes share are
    counted once, not once per process as summing RSS would. CPU time includes children that
    already exited and were waited for; on a shared machine it says what the work cost, where
    wall time also says how busy the machine was.
    """
    children = {}
    ticks = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
            ticks[int(entry)] = sum(int(value) for value in fields[11:15])
        except (OSError, ValueError, IndexError):
            continue
    memory, cpu, todo = 0, 0, [root_pid]
    while todo:
        pid = todo.pop()
        cpu += ticks.get(pid, 0)
        try:
            with open(f"/proc/{pid}/smaps_rollup") as handle:
                for line in handle:
                    if line.startswith("Pss:"):
                        memory += int(line.split()[1]) * 1024
                        break
        except OSError:
            pass
        todo.extend(children.get(pid, []))
    return memory, cpu / os.sysconf("SC_CLK_TCK")


def tree_memory(root_pid):
    """Memory (PSS, bytes) of a process and all its descendants."""
    return tree_usage(root_pid)[0]


def measure(name, command, results, env=None, cwd=ROOT):
    """Run ``command``; record its wall time and the peak memory of its process tree."""
    click.echo(f"\n== {name}: {' '.join(str(c) for c in command)[:160]}")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(
        [str(c) for c in command], cwd=cwd, env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    peak = [0, 0.0]

    def sample():
        while process.poll() is None:
            memory, cpu = tree_usage(process.pid)
            peak[0], peak[1] = max(peak[0], memory), max(peak[1], cpu)
            # Reading every process's memory costs CPU of its own (15 % of a core at 0.2 s,
            # taken from the audit being measured); once a second finds the same peaks.
            time.sleep(1.0)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        output = process.stdout.read()
        process.wait()
    except BaseException:
        # The benchmark itself is stopping: stop the step too (SIGTERM, so an audit closes
        # its browsers), rather than leave it running with nobody measuring.
        process.terminate()
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
        raise
    seconds = time.perf_counter() - started
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # Exact CPU time of every process in the tree that was waited for (the browsers are, by
    # ChromeDriver, which is by Selenium); the sampled figure is the fallback.
    waited_cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    tail = output.strip().splitlines()[-4:]
    for line in tail:
        click.echo(f"   {line}")
    figure = {
        "seconds": round(seconds, 2),
        "cpu_seconds": round(max(waited_cpu, peak[1]), 1),
        "peak_memory_mb": round(peak[0] / 2**20, 1),
        "exit_code": process.returncode,
        "load_average_after": round(os.getloadavg()[0], 1),
    }
    click.echo(f"   -> {figure}")
    results[name] = figure
    return figure, output
