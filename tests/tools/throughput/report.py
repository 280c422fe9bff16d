#!/usr/bin/python3
"""Summarises the raw CSV of tests/tools/throughput/compare.sh into a markdown report
and a throughput chart. Medians with min-max, because the machines are shared
and noisy; the EdgeSensor / best-peer ratio is from the same run."""
import argparse
import csv
import datetime
import json
import os
import platform
import re
import statistics
import subprocess
import sys

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
EDGESENSOR = "edgesensor"
CPU_REFERENCE = "libmosquitto"


def is_edgesensor(client):
    """edgesensor (Native AOT) and edgesensor-jit are two builds of EdgeSensor's client, never peers."""
    return client == EDGESENSOR or client.startswith(EDGESENSOR + "-")


def read_runs(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def command_output(args):
    try:
        return subprocess.run(args, capture_output=True, text=True, timeout=20).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def debian_version(package):
    return command_output(["dpkg-query", "-W", "-f=${Version}", package]) or "not installed"


def mqttjs_version():
    path = os.path.join(BENCH_DIR, "peers/mqttjs/node_modules/mqtt/package.json")
    try:
        with open(path) as f:
            return json.load(f)["version"]
    except (OSError, ValueError, KeyError):
        return "not installed"


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def memory_gib():
    try:
        with open("/proc/meminfo") as f:
            kib = int(re.search(r"MemTotal:\s+(\d+)", f.read()).group(1))
            return "%.1f GiB" % (kib / 1024 / 1024)
    except (OSError, AttributeError):
        return "unknown"


def machine_lines():
    dotnet = command_output(["dotnet", "--version"]) or "not installed"
    return [
        "- Machine: %d CPUs (nproc), %s, %s memory, kernel %s" % (
            os.cpu_count() or 0, cpu_model(), memory_gib(), platform.release()),
        "- Broker: mosquitto %s (max_inflight_messages 20, no persistence, 127.0.0.1)" % debian_version("mosquitto"),
        "- Peers: libmosquitto %s, Paho C %s, paho-mqtt (Python %s) %s, mqtt.js %s (Node %s); .NET SDK %s" % (
            debian_version("libmosquitto1"), debian_version("libpaho-mqtt1.3"), platform.python_version(),
            debian_version("python3-paho-mqtt"), mqttjs_version(), command_output(["node", "--version"]) or "-",
            dotnet),
    ]


def summary(values):
    if not values:
        return None
    return statistics.median(values), min(values), max(values)


def format_summary(s, fmt):
    if s is None:
        return "-"
    return "%s [%s-%s]" % (fmt % s[0], fmt % s[1], fmt % s[2])


def client_order(runs):
    names = []
    for run in runs:
        if run["client"] not in names:
            names.append(run["client"])
    return sorted(names, key=lambda name: (not is_edgesensor(name), name != EDGESENSOR, names.index(name)))


def metrics(runs, qos, client):
    mine = [r for r in runs if r["qos"] == qos and r["client"] == client]
    ok = [r for r in mine if r["status"] == "ok"]
    return {
        "runs": len(mine),
        "failed": len(mine) - len(ok),
        "e2e": summary([float(r["e2e_msgs_per_s"]) for r in ok]),
        "publish": summary([float(r["publish_msgs_per_s"]) for r in ok]),
        "rss": summary([int(r["max_rss_kib"]) / 1024 for r in ok]),
        "cpu": summary([float(r["user_s"]) + float(r["sys_s"]) for r in ok]),
        "cpu_per_100k": summary([(float(r["user_s"]) + float(r["sys_s"])) * 100000 / int(r["n"]) for r in ok]),
        "alloc": summary([float(r["alloc_bytes_per_msg"]) for r in ok if r.get("alloc_bytes_per_msg") not in (None, "")]),
    }


def qos_table(runs, qos, clients):
    lines = [
        "| client | end-to-end msgs/s | publish-complete msgs/s | max RSS MiB | CPU s (user+sys) | runs ok |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for client in clients:
        m = metrics(runs, qos, client)
        if m["runs"] == 0:
            continue
        lines.append("| %s | %s | %s | %s | %s | %d/%d |" % (
            client, format_summary(m["e2e"], "%.0f"), format_summary(m["publish"], "%.0f"),
            format_summary(m["rss"], "%.1f"), format_summary(m["cpu"], "%.2f"), m["runs"] - m["failed"], m["runs"]))
    return lines


def best_peer(runs, qos, clients, key):
    """(median, name) of the peer with the highest median for key, or None; EdgeSensor's builds are not peers."""
    ranked = [(m[key][0], c) for c, m in ((c, metrics(runs, qos, c)) for c in clients if not is_edgesensor(c))
              if m[key] is not None]
    return max(ranked) if ranked else None


def ratio_lines(runs, qos_values, clients):
    ours = [c for c in clients if is_edgesensor(c)]
    if not ours:
        return ["EdgeSensor's client was not part of this run (set EDGESENSOR_BENCH), so there is no ratio."]
    lines = ["| QoS | metric | EdgeSensor build | EdgeSensor median | best peer (median) | EdgeSensor / best peer |",
             "|---|---|---|---:|---:|---:|"]
    for qos in qos_values:
        for key, label in (("e2e", "end-to-end msgs/s"), ("publish", "publish-complete msgs/s")):
            peer = best_peer(runs, qos, clients, key)
            for client in ours:
                mine = metrics(runs, qos, client)
                if mine[key] is None or peer is None:
                    lines.append("| %s | %s | %s | - | - | - |" % (qos, label, client))
                    continue
                best, best_name = peer
                lines.append("| %s | %s | %s | %.0f | %s (%.0f) | %.2f |" % (
                    qos, label, client, mine[key][0], best_name, best, mine[key][0] / best))
    return lines


def cpu_lines(runs, qos_values, clients):
    """Client CPU per 100,000 messages against libmosquitto, the leanest peer: lower is better."""
    if CPU_REFERENCE not in clients:
        return ["%s was not part of this run, so there is no CPU comparison." % CPU_REFERENCE]
    lines = ["| QoS | client | CPU s per 100,000 messages | %s | client / %s |" % (CPU_REFERENCE, CPU_REFERENCE),
             "|---|---|---:|---:|---:|"]
    for qos in qos_values:
        reference = metrics(runs, qos, CPU_REFERENCE)["cpu_per_100k"]
        for client in clients:
            if not is_edgesensor(client):
                continue
            mine = metrics(runs, qos, client)["cpu_per_100k"]
            if mine is None or reference is None:
                continue
            lines.append("| %s | %s | %s | %s | %.2f |" % (
                qos, client, format_summary(mine, "%.2f"), format_summary(reference, "%.2f"), mine[0] / reference[0]))
    return lines


def target_lines(runs, qos_values, clients):
    """The issue's targets for the headline build, each checked against this run's medians."""
    if EDGESENSOR not in clients:
        return []
    lines = ["| QoS | target | EdgeSensor (median) | compared with (median) | met |", "|---|---|---:|---:|:-:|"]
    for qos in qos_values:
        mine = metrics(runs, qos, EDGESENSOR)
        peer = best_peer(runs, qos, clients, "e2e")
        if mine["e2e"] is not None and peer is not None:
            best, best_name = peer
            lines.append("| %s | end-to-end msgs/s at or above the best peer | %.0f | %s %.0f | %s |" % (
                qos, mine["e2e"][0], best_name, best, "yes" if mine["e2e"][0] >= best else "no"))
        reference = metrics(runs, qos, CPU_REFERENCE)["cpu_per_100k"]
        if mine["cpu_per_100k"] is not None and reference is not None:
            lines.append("| %s | client CPU s per 100,000 at or below %s | %.2f | %.2f | %s |" % (
                qos, CPU_REFERENCE, mine["cpu_per_100k"][0], reference[0],
                "yes" if mine["cpu_per_100k"][0] <= reference[0] else "no"))
        if mine["alloc"] is not None:
            lines.append("| %s | 0 bytes allocated per message | %s | - | %s |" % (
                qos, "%.4f" % mine["alloc"][0], "yes" if mine["alloc"][2] < 1 else "no"))
    return lines


def write_markdown(runs, path):
    qos_values = sorted({r["qos"] for r in runs})
    clients = client_order(runs)
    first = runs[0]
    reps = max(int(r["rep"]) for r in runs)
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    out = ["# Publish benchmark results", "",
           "Generated by `tests/tools/throughput/compare.sh` on %s: N=%s messages of %s bytes per run, %d repetition(s) "
           "per client and QoS (clients alternated each repetition). Cells are median [min-max]." % (
               now, first["n"], first["size"], reps), ""]
    out += machine_lines()
    out += ["",
            "- *end-to-end*: N / (time the reference subscriber got the Nth message - client's start time);"
            " it includes the broker and the subscriber, which share the machine's cores with the client.",
            "- *publish-complete*: the client's own N / seconds (QoS 0: written to the socket;"
            " QoS 1: every PUBACK received). Peers keep at most 20 publishes incomplete at QoS 1, 1000 at QoS 0.",
            "- At QoS 0 every peer outpaces the broker's forwarding, so end-to-end figures converge there;"
            " publish-complete tells the clients apart.",
            "- *max RSS* and *CPU* are the client process's, from `/usr/bin/time`.", ""]
    for qos in qos_values:
        out += ["## QoS %s" % qos, ""] + qos_table(runs, qos, clients) + [""]
    out += ["## EdgeSensor against the best peer", ""] + ratio_lines(runs, qos_values, clients) + [""]
    out += ["## Client CPU", ""] + cpu_lines(runs, qos_values, clients) + [""]
    targets = target_lines(runs, qos_values, clients)
    if targets:
        out += ["## Targets (headline build: edgesensor)", ""] + targets + [
            "", "Allocation: the client's own `alloc_bytes_per_msg` (bytes the process allocated while publishing / N);"
            " below 1 byte per message means nothing per message (a handful of one-time allocations over 100,000).", ""]
    out += ["Raw runs: `results.csv`. Chart: `throughput.png`.", ""]
    failures = [r for r in runs if r["status"] != "ok"]
    if failures:
        out += ["Failed runs (excluded above): " + ", ".join(
            "%s qos %s rep %s (%s)" % (r["client"], r["qos"], r["rep"], r["status"]) for r in failures), ""]
    text = "\n".join(out)
    with open(path, "w") as f:
        f.write(text)
    return text


def write_chart(runs, path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    qos_values = sorted({r["qos"] for r in runs})
    clients = client_order(runs)
    fig, axes = plt.subplots(1, 2, figsize=(12, 4.8))
    width = 0.8 / max(1, len(qos_values))
    for ax, key, title in ((axes[0], "e2e", "End to end (publisher -> broker -> subscriber)"),
                           (axes[1], "publish", "Publish complete (client's own clock)")):
        for q_index, qos in enumerate(qos_values):
            medians, low, high = [], [], []
            for client in clients:
                s = metrics(runs, qos, client)[key]
                medians.append(s[0] if s else 0)
                low.append(s[0] - s[1] if s else 0)
                high.append(s[2] - s[0] if s else 0)
            xs = [i + (q_index - (len(qos_values) - 1) / 2) * width for i in range(len(clients))]
            bars = ax.bar(xs, medians, width, yerr=[low, high], capsize=3, label="QoS %s" % qos)
            ax.bar_label(bars, labels=["%.0fk" % (m / 1000) for m in medians], fontsize=8, padding=2)
        ax.set_xticks(range(len(clients)))
        ax.set_xticklabels(clients, rotation=20, ha="right")
        ax.set_ylabel("messages/s (median, min-max bars)")
        ax.set_title(title, fontsize=10)
        ax.legend()
        ax.grid(axis="y", alpha=0.3)
    first = runs[0]
    fig.suptitle("MQTT publish throughput, N=%s x %s B, mosquitto on 127.0.0.1, %d CPUs" % (
        first["n"], first["size"], os.cpu_count() or 0))
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--csv", required=True)
    parser.add_argument("--markdown", required=True)
    parser.add_argument("--chart", required=True)
    args = parser.parse_args()
    runs = read_runs(args.csv)
    if not runs:
        sys.exit("report.py: no runs in %s" % args.csv)
    print(write_markdown(runs, args.markdown))
    write_chart(runs, args.chart)


if __name__ == "__main__":
    main()
