#!/usr/bin/env python3
"""`make bench`: MotCua against the cmark-gfm floor and against Hugo, on the same generated files (issue 8).

For each size N (default 1,000, 10,000 and 40,000 guides; BENCH_SIZES="1000,10000" for a quick run) it writes a
site with Benchmarks/generate_site.py (N guides + 2,000 procedures over 20 fields + 1,000 announcements), then
measures in this one run:

  motcua   .build/release/motcua build --root SITE --output OUT --quiet   (OUT removed before every run: clean build)
  floor    cmark-gfm -e table -e autolink -e strikethrough floor.md        (all N guide files concatenated, one process)
  hugo     hugo --quiet --source HUGO --destination OUT                    (same N guide bodies, minimal layout)

with hyperfine (medians of -r 5 for N <= 1,000, -r 3 above, after a /usr/bin/time -v run that is the warm-up and
gives peak memory; slow commands get fewer runs, see BENCH_SLOW_S). motcua and Hugo are measured twice, with OUT
on disk (in the scratch folder) and in RAM (under /dev/shm, when it exists and has room; see `ram_folder`).
It also times the sample site (the repo's Content/) as a whole process, rebuilds the 10,000-guide site with
nothing changed (summary counts, bytes and modification times of every file), and reports the search index size.
For N up to 10,000 it also measures a lower bound that no generator can beat here (`lower_bound`: cmark-gfm with
one process per core, plus writing motcua's output tree from memory with Benchmarks/tree_write_floor.c, compiled
with the system C compiler; skipped without one).
It then measures a province (issue #29), written by Benchmarks/generate_province.py: 100 communes sharing a catalog
of 300 procedures over 20 fields (and 20 guides, 40 forms), 20 announcements per commune and a few local changes
per commune, against the same 100 communes built one after another as single sites (each a root of its own with
the whole catalog, the commune's files and tinh.yml's keys in its site.yml; its catalog changes not applied):

  province  .build/release/motcua build --root PROVINCE --output OUT --quiet
  singles   sh singles.sh OUT   (one `motcua build --root singles/<slug> --output OUT/<slug> --quiet` per commune,
                                 one after another)

both with OUT in RAM and on disk, the same way as above (BENCH_PROVINCE=0 skips it; BENCH_COMMUNES sets the count).
The table goes to stdout and to Benchmarks/latest.md.

Environment: BENCH_SIZES, MOTCUA_BIN (default .build/release/motcua), BENCH_WORK (scratch folder, default a
temporary one that is removed afterwards), BENCH_KEEP=1 (keep the scratch folder), BENCH_RUNS (override -r),
BENCH_RAM (the RAM folder's parent, default /dev/shm; empty: disk only), BENCH_PROVINCE=0 (no province),
BENCH_COMMUNES (communes of the province, default 100).
"""
import datetime
import hashlib
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BIN = os.path.abspath(os.environ.get("MOTCUA_BIN", os.path.join(ROOT, ".build", "release", "motcua")))
SIZES = [int(s.replace("_", "")) for s in os.environ.get("BENCH_SIZES", "1000,10000,40000").split(",") if s.strip()]
CMARK = "cmark-gfm -e table -e autolink -e strikethrough"
SLOW_S = float(os.environ.get("BENCH_SLOW_S", "20"))
VERY_SLOW_S = float(os.environ.get("BENCH_VERY_SLOW_S", "90"))
RAM = os.environ.get("BENCH_RAM", "/dev/shm")
PROVINCE = os.environ.get("BENCH_PROVINCE", "1") != "0"
COMMUNES = int(os.environ.get("BENCH_COMMUNES", "100"))
PROVINCE_RE = re.compile(r"Đã tạo (\d+) xã.*?, (\d+) trang \((\d+) tệp\)")
SUMMARY_RE = re.compile(r"Đã tạo (\d+) trang \((\d+) tệp\).*?mới (\d+), thay đổi (\d+), giữ nguyên (\d+), xóa (\d+)")


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def sh(cmd, **kw):
    return subprocess.run(cmd, shell=isinstance(cmd, str), check=True, text=True, capture_output=True, **kw)


# ---------------------------------------------------------------- tools

def ensure_tools():
    need = {"hyperfine": "hyperfine", "hugo": "hugo", "cmark-gfm": "cmark-gfm"}
    missing = [pkg for exe, pkg in need.items() if shutil.which(exe) is None]
    if not os.path.exists("/usr/bin/time"):
        missing.append("time")
    if missing:
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        log(f"installing Debian packages: {' '.join(missing)}")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        r = subprocess.run(sudo + ["apt-get", "install", "-y", "-qq"] + missing, env=env)
        if r.returncode != 0:
            subprocess.run(sudo + ["apt-get", "update", "-qq"], env=env, check=True)
            subprocess.run(sudo + ["apt-get", "install", "-y", "-qq"] + missing, env=env, check=True)
    if not os.access(BIN, os.X_OK):
        sys.exit(f"run_bench: no release binary at {BIN}; run `make release` (or `make bench`) first")


def machine():
    cpu = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.0f} GB RAM"
    except OSError:
        pass
    def ver(cmd):
        try:
            return sh(cmd).stdout.strip().splitlines()[0]
        except Exception:
            return "?"
    return {
        "cpu": cpu, "cores": os.cpu_count(), "mem": mem, "kernel": platform.release(),
        "hugo": ver("hugo version").split(" BuildDate")[0], "cmark": ver("cmark-gfm --version"),
        "hyperfine": ver("hyperfine --version"),
    }


# ---------------------------------------------------------------- measuring

def hyperfine(name, cmd, prepare, runs, work, warmup=1):
    out = os.path.join(work, f"hf-{name}.json")
    args = ["hyperfine", "-N", "-w", str(warmup), "-r", str(runs), "--export-json", out, "-n", name]
    if prepare:
        args += ["--prepare", prepare]
    args.append(cmd)
    log(f"  hyperfine {name}: {cmd}")
    subprocess.run(args, check=True, stdout=sys.stderr)
    with open(out) as f:
        res = json.load(f)["results"][0]
    return res["times"]


def measure(name, cmd, prepare, runs, work, first_wall):
    """Median of hyperfine runs. The /usr/bin/time run just before serves as the warm-up; a slow command gets
    fewer runs so `make bench` stays usable (SLOW_S: one more run; VERY_SLOW_S: the first run alone)."""
    if first_wall > VERY_SLOW_S:
        times = [first_wall]
    else:
        if first_wall > SLOW_S:
            runs = 1
        times = hyperfine(name, cmd, prepare, runs, work, warmup=0)
        if len(times) < 3:
            times = times + [first_wall]
    times = sorted(times)
    k = len(times)
    median = times[k // 2] if k % 2 else (times[k // 2 - 1] + times[k // 2]) / 2
    return {"median": median, "min": times[0], "max": times[-1], "runs": k}


def peak_rss(cmd, prepare=None):
    """Runs cmd once under /usr/bin/time -v; returns (peak RSS in MB, wall seconds, stdout)."""
    if prepare:
        subprocess.run(prepare, shell=True, check=True)
    with tempfile.NamedTemporaryFile("r", suffix=".time") as t:
        start = time.perf_counter()
        r = subprocess.run(["/usr/bin/time", "-v", "-o", t.name] + cmd.split(), text=True,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        wall = time.perf_counter() - start
        report = t.read()
    if r.returncode != 0:
        sys.exit(f"run_bench: `{cmd}` failed ({r.returncode}):\n{r.stderr[-3000:]}")
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", report)
    return (int(m.group(1)) / 1024 if m else float("nan")), wall, r.stdout


def snapshot(folder):
    """path → (sha256, mtime_ns, inode) for every file under folder."""
    snap = {}
    for dirpath, _, files in os.walk(folder):
        for name in files:
            p = os.path.join(dirpath, name)
            st = os.stat(p)
            with open(p, "rb") as f:
                digest = hashlib.sha256(f.read()).hexdigest()
            snap[os.path.relpath(p, folder)] = (digest, st.st_mtime_ns, st.st_ino)
    return snap


def set_aside(path, work):
    """A prepare command that renames `path` into the work folder's set-aside/ instead of deleting it.
    On this ext4 without a journal, files created within a minute of deleting thousands of others make the
    kernel skip each recently freed inode in turn (`recently_deleted` in ext4's allocator): about 30% of a
    10,000-guide build's samples went there after an `rm -rf` of the last output. Renaming keeps that out of
    every tool's timing alike; main() deletes what was set aside after the last measurement."""
    aside = os.path.join(work, "set-aside")
    os.makedirs(aside, exist_ok=True)
    return f"sh -c 'if [ -e {path} ]; then mv {path} {aside}/$(date +%s%N); fi'"


def dentries():
    """Directory entries the kernel holds in its cache (first field of /proc/sys/fs/dentry-state)."""
    try:
        with open("/proc/sys/fs/dentry-state") as f:
            return int(f.read().split()[0])
    except (OSError, ValueError, IndexError):
        return None


SETTLED = {"done": 0, "skipped": 0}


def settle(what):
    """Drops the kernel's dentry and inode caches before a tool's measurements, when the bench may (root).
    After a few 10,000- and 40,000-guide outputs the dentry cache holds far more entries than its hash table
    has slots, and every stat or open walks long chains (figures in Benchmarks/NOTES.md, Output). The
    set-aside outputs and earlier tools' files
    would otherwise slow whichever tool runs later. Every tool gets the same treatment; the source files'
    page cache goes with their inodes, so each tool's warm-up run reads them back before the timed runs."""
    before = dentries()
    subprocess.run(["sync"], check=False)
    try:
        with open("/proc/sys/vm/drop_caches", "w") as f:
            f.write("2\n")
        SETTLED["done"] += 1
    except OSError:
        SETTLED["skipped"] += 1
        log(f"  ({what}: caches not dropped, not root; dentries {before})")
        return
    after = dentries()
    log(f"  ({what}: dentry cache {before:,} → {after:,} entries)" if before is not None and after is not None
        else f"  ({what}: caches dropped)")


def folder_bytes(folder):
    """Bytes the file system gives the files under folder (allocated blocks, as du counts them)."""
    return sum(os.lstat(os.path.join(dirpath, n)).st_blocks * 512
               for dirpath, _, files in os.walk(folder) for n in files)


def ram_folder(n, need):
    """A new folder for outputs in RAM (under RAM, normally /dev/shm), or None when there is none or when
    it has less than `need` bytes free (then the size is measured on disk only)."""
    if not RAM or not os.path.isdir(RAM) or not os.access(RAM, os.W_OK):
        log(f"  output in RAM: skipped (no writable {RAM or 'RAM folder'})")
        return None
    free = shutil.disk_usage(RAM).free
    if free < need:
        log(f"  output in RAM: skipped ({RAM} has {free / 2**20:,.0f} MB free, needs {need / 2**20:,.0f} MB)")
        return None
    return tempfile.mkdtemp(prefix=f"motcua-bench-n{n}-", dir=RAM)


def file_system(path):
    """The type of the file system holding path (ext4, tmpfs…), from /proc/mounts; "?" when unknown."""
    best, fs = "", "?"
    try:
        with open("/proc/mounts") as f:
            for line in f:
                _, mount, kind = line.split()[:3]
                if (path == mount or path.startswith(mount.rstrip("/") + "/")) and len(mount) > len(best):
                    best, fs = mount, kind
    except OSError:
        pass
    return fs


def count_html(folder):
    return sum(1 for _, _, files in os.walk(folder) for n in files if n.endswith(".html"))


def search_index(folder):
    for name in ("search-index.js", "search-index.json"):
        p = os.path.join(folder, name)
        if os.path.exists(p):
            return name, os.path.getsize(p)
    return None, None


# ---------------------------------------------------------------- one size

def bench_size(n, work):
    d = os.path.join(work, f"n{n}")
    log(f"\n== {n:,} guides: generating in {d}")
    t0 = time.perf_counter()
    subprocess.run([sys.executable, os.path.join(HERE, "generate_site.py"), d, "--guides", str(n)],
                   check=True, stdout=sys.stderr)
    log(f"  generated in {time.perf_counter() - t0:.1f} s")
    site, hugo_src, floor = os.path.join(d, "motcua"), os.path.join(d, "hugo"), os.path.join(d, "floor.md")
    runs = int(os.environ.get("BENCH_RUNS", "5" if n <= 1000 else "3"))

    floor_cmd = f"{CMARK} {floor}"
    rows = {}

    # A plain build first (not quiet, kept in out-first for the unchanged-rebuild check): it must succeed, gives
    # the page count and the search index size.
    first_out = os.path.join(d, "out-first")
    settle("motcua")
    _, wall, stdout = peak_rss(f"{BIN} build --root {site} --output {first_out}", prepare=set_aside(first_out, work))
    m = SUMMARY_RE.search(stdout)
    pages = int(m.group(1)) if m else None
    idx_name, idx_size = search_index(first_out)
    log(f"  motcua first build: {wall:.2f} s")

    settle("floor")
    rss, wall, _ = peak_rss(floor_cmd)
    rows["floor"] = measure(f"floor-{n}", floor_cmd, None, runs, d, wall)
    rows["floor"].update(rss=rss, pages=n)

    # motcua and Hugo write their output on disk (the scratch folder), then in RAM. Each timed run writes a new
    # folder; the last one is set aside in the same file system, and what was set aside in RAM is deleted after
    # each tool, so RAM holds at most one tool's runs (the room asked for: the larger output, once per run + 2).
    def tools(place, out_dir, aside_root):
        for tool in ("motcua", "hugo"):
            out = os.path.join(out_dir, f"out-{tool}")
            cmd = (f"{BIN} build --root {site} --output {out} --quiet" if tool == "motcua"
                   else f"hugo --quiet --source {hugo_src} --destination {out}")
            settle(f"{tool}, output {place}")
            rss, wall, _ = peak_rss(cmd, prepare=set_aside(out, aside_root))
            log(f"  {tool} first build, output {place}: {wall:.2f} s, {rss:.0f} MB")
            tool_runs = runs if tool == "motcua" or wall < 30 else 2
            rows[place][tool] = measure(f"{tool}-{n}-{place}", cmd, set_aside(out, aside_root), tool_runs, d, wall)
            rows[place][tool].update(rss=rss, pages=pages if tool == "motcua" else count_html(out),
                                     bytes=folder_bytes(out))
            if aside_root != work:
                shutil.rmtree(os.path.join(aside_root, "set-aside"), ignore_errors=True)

    rows["disk"] = {}
    tools("disk", d, work)
    need = max(x["bytes"] for x in rows["disk"].values()) * (runs + 2)
    ram = ram_folder(n, need)
    if ram:
        rows["RAM"] = {}
        try:
            tools("RAM", ram, ram)
        finally:
            shutil.rmtree(ram, ignore_errors=True)

    bound = lower_bound(n, d, floor, first_out, work) if n <= 10000 else None
    return {"n": n, "rows": rows, "search_index": (idx_name, idx_size), "dir": d, "bound": bound}


def lower_bound(n, d, floor, tree, work):
    """What no generator can beat on this machine for this site, using every core: cmark-gfm over the guides in
    one process per core at once, plus writing motcua's output tree (`tree`) from memory with one process per
    core (Benchmarks/tree_write_floor.c). Both are CPU time on every core (the writes land in the page cache:
    system time, no I/O wait), so a generator cannot overlap them; their sum bounds any speed target.
    None when there is no working C compiler or a step fails: the rest of the bench goes on."""
    cores = os.cpu_count() or 1
    cc = shutil.which("cc") or shutil.which("gcc")
    if cc is None:
        log("  lower bound: skipped (no C compiler)")
        return None
    source = os.path.join(HERE, "tree_write_floor.c")
    writer = os.path.join(work, "tree_write_floor")
    try:
        if not os.path.exists(writer) or os.path.getmtime(writer) < os.path.getmtime(source):
            sh([cc, "-O2", "-o", writer, source])
        with open(floor, "rb") as f:
            data = f.read()
        # Cut between blocks, so the parts parse as the whole does.
        cuts = [0]
        for k in range(1, cores):
            at = data.find(b"\n\n", len(data) * k // cores)
            cuts.append(len(data) * k // cores if at < 0 else at + 2)
        cuts.append(len(data))
        parts = []
        for k in range(cores):
            path = os.path.join(d, f"floor-{k + 1}.md")
            with open(path, "wb") as f:
                f.write(data[cuts[k]:cuts[k + 1]])
            parts.append(path)
        # Every process's failure must fail the script, or hyperfine would time a failed run.
        script = os.path.join(d, "floor-parts.sh")
        with open(script, "w") as f:
            for k, path in enumerate(parts[1:]):
                f.write(f"{CMARK} {path} >/dev/null & p{k}=$!\n")
            f.write(f"{CMARK} {parts[0]} >/dev/null || exit 1\n")
            for k in range(len(parts) - 1):
                f.write(f"wait $p{k} || exit 1\n")
        parallel = f"sh {script}"
        settle("parallel floor")
        _, wall, _ = peak_rss(parallel)
        parse = measure(f"floor-parts-{n}", parallel, None, int(os.environ.get("BENCH_RUNS", "5")), d, wall)["median"]
        settle("tree write")
        times = []
        for k in range(3):
            target = os.path.join(d, f"tree-copy-{k}")
            subprocess.run(set_aside(target, work), shell=True, check=True)
            times.append(float(sh([writer, tree, target, str(cores)]).stdout))
            subprocess.run(set_aside(target, work), shell=True, check=True)
    except (subprocess.CalledProcessError, OSError, ValueError) as error:
        log(f"  lower bound: skipped ({error})")
        return None
    files = sum(len(fs) for _, _, fs in os.walk(tree))
    folders = sum(len(ds) for _, ds, _ in os.walk(tree))
    write = sorted(times)[1]
    log(f"  lower bound: cmark in {cores} processes {parse:.3f} s + tree write {write:.3f} s ({files:,} files, {folders:,} folders)")
    return {"parse": parse, "write": write, "files": files, "folders": folders, "cores": cores}


def second_build(n, work):
    """Builds once, then again with nothing changed: every file's bytes and mtime must stay."""
    d = os.path.join(work, f"n{n}")
    site, out = os.path.join(d, "motcua"), os.path.join(d, "out-first")
    if not os.path.exists(out):
        sh([BIN, "build", "--root", site, "--output", out])
    settle("unchanged rebuild")
    before = snapshot(out)
    time.sleep(1.1)  # a rewrite would show as a newer mtime
    t0 = time.perf_counter()
    r = sh([BIN, "build", "--root", site, "--output", out])
    wall = time.perf_counter() - t0
    after = snapshot(out)
    m = SUMMARY_RE.search(r.stdout)
    counts = dict(zip(("new", "changed", "unchanged", "removed"), map(int, m.groups()[2:]))) if m else None
    common = set(before) & set(after)
    bytes_changed = sorted(p for p in common if before[p][0] != after[p][0])
    mtime_changed = sorted(p for p in common if before[p][1] != after[p][1])
    sample = [p for p in ("index.html", "sitemap.xml", "assets/style.css", "search-index.js") if p in common]
    sample += sorted(p for p in common if p.startswith("huong-dan/"))[:2]
    sample += sorted(p for p in common if p.startswith("thu-tuc/"))[:1]
    sample += sorted(p for p in common if p.startswith("bieu-mau/"))[:1]
    samples = [(p, before[p][1], after[p][1]) for p in sample]
    subprocess.run(set_aside(out, work), shell=True, check=True)
    return {"n": n, "wall": wall, "summary": r.stdout.strip().splitlines()[0] if r.stdout.strip() else "",
            "counts": counts, "files_before": len(before), "files_after": len(after),
            "added": sorted(set(after) - set(before)), "gone": sorted(set(before) - set(after)),
            "bytes_changed": bytes_changed, "mtime_changed": mtime_changed, "samples": samples}


def bench_province(work):
    """The province (issue #29) against its communes built one after another as single sites, the same content
    (Benchmarks/generate_province.py): a clean build of each, output on disk and in RAM, medians."""
    d = os.path.join(work, "province")
    log(f"\n== province of {COMMUNES} communes: generating in {d}")
    subprocess.run([sys.executable, os.path.join(HERE, "generate_province.py"), d, "--communes", str(COMMUNES)],
                   check=True, stdout=sys.stderr)
    root, singles = os.path.join(d, "province"), os.path.join(d, "singles")
    slugs = sorted(os.listdir(singles))
    script = os.path.join(d, "singles.sh")
    with open(script, "w") as f:
        f.write('mkdir -p "$1" || exit 1\n')
        for slug in slugs:
            f.write(f'{BIN} build --root {os.path.join(singles, slug)} --output "$1/{slug}" --quiet || exit 1\n')
    runs = int(os.environ.get("BENCH_RUNS", "5"))

    # A plain build first: it must succeed with no warning, and gives the counts.
    first_out = os.path.join(d, "out-first")
    settle("province")
    _, wall, stdout = peak_rss(f"{BIN} build --root {root} --output {first_out}", prepare=set_aside(first_out, work))
    m = PROVINCE_RE.search(stdout)
    if not m:
        sys.exit(f"run_bench: the province's summary line is missing:\n{stdout[:2000]}")
    summary = stdout.strip().splitlines()[0]
    counts = {"communes": int(m.group(1)), "pages": int(m.group(2)), "files": int(m.group(3)),
              "warnings": "cảnh báo" in summary}
    size = folder_bytes(first_out)
    single_pages = 0
    for slug in slugs[:1]:
        r = sh([BIN, "build", "--root", os.path.join(singles, slug), "--output", os.path.join(d, "out-single")])
        single_pages = int(SUMMARY_RE.search(r.stdout).group(1))
    subprocess.run(set_aside(os.path.join(d, "out-single"), work), shell=True, check=True)
    log(f"  province first build: {wall:.2f} s, {counts['pages']:,} pages, {counts['files']:,} files")

    rows = {}

    def place(where, out_dir, aside_root):
        rows[where] = {}
        for tool in ("province", "singles"):
            out = os.path.join(out_dir, f"out-{tool}")
            cmd = (f"{BIN} build --root {root} --output {out} --quiet" if tool == "province"
                   else f"sh {script} {out}")
            settle(f"{tool}, output {where}")
            rss, wall, _ = peak_rss(cmd, prepare=set_aside(out, aside_root))
            log(f"  {tool} first build, output {where}: {wall:.2f} s, {rss:.0f} MB")
            rows[where][tool] = measure(f"{tool}-{where}", cmd, set_aside(out, aside_root),
                                        runs if tool == "province" else min(runs, 3), d, wall)
            rows[where][tool].update(rss=rss)
            if aside_root != work:
                shutil.rmtree(os.path.join(aside_root, "set-aside"), ignore_errors=True)

    place("disk", d, work)
    ram = ram_folder("province", size * (runs + 2))
    if ram:
        try:
            place("RAM", ram, ram)
        finally:
            shutil.rmtree(ram, ignore_errors=True)
    log("  serve mode: every commune opened, 3 of them (then all) with a page listening")
    serve = {}
    for label, open_pages in (("3 open", 3), ("all open", None)):
        settle(f"province serve, {label}")
        serve[label] = province_serve(root, open_pages)
    return {"rows": rows, "counts": counts, "summary": summary, "single_pages": single_pages, "slugs": len(slugs),
            "bytes": size, "serve": serve}


def province_serve(root, open_pages, runs=5):
    """Medians (ms) of the server's rebuild work after a commune's announcement and after a shared procedure is
    edited, and of save → reload event, from Tests/quality/test_preview.py's driver; None when it could not run."""
    sys.path.insert(0, os.path.join(ROOT, "Tests", "quality"))
    import statistics
    import test_preview
    try:
        figures = test_preview.measure_province(test_preview.Path(BIN), test_preview.Path(root), runs=runs,
                                                open_pages=open_pages)
    except (Exception, SystemExit) as error:  # noqa: BLE001 - a bench that cannot measure says so
        log(f"province serve measurement failed: {error}")
        return None
    return {k: statistics.median(v) if v else float("nan") for k, v in figures.items()}


def province_table(p):
    lines = ["| build | output | wall time (median) | min–max | peak RSS | singles/province | runs |",
             "|---|---|---:|---:|---:|---:|---:|"]
    for where in ("RAM", "disk"):
        if where not in p["rows"]:
            continue
        rows = p["rows"][where]
        for tool, label in (("province", f"province, {p['counts']['communes']} communes in one build"),
                            ("singles", f"{p['slugs']} single sites one after another")):
            x = rows[tool]
            ratio = f"{rows['singles']['median'] / rows['province']['median']:.2f}×" if tool == "province" else "—"
            lines.append(f"| {label} | {where} | {fmt_s(x['median'])} | {fmt_s(x['min'])}–{fmt_s(x['max'])} | "
                         f"{x['rss']:.0f} MB | {ratio} | {x['runs']} |")
    return "\n".join(lines)


def province_targets(p):
    def mark(ok):
        return "**met**" if ok else "**NOT met**"
    out = []
    for where in ("RAM", "disk"):
        if where not in p["rows"]:
            continue
        rows = p["rows"][where]
        m, s, rss = rows["province"]["median"], rows["singles"]["median"], rows["province"]["rss"]
        out.append(f"- province of {p['counts']['communes']} communes, full build under 5 s (output {where}): "
                   f"{fmt_s(m)} median → {mark(m < 5)}")
        out.append(f"- province build under 800 MB peak RSS (output {where}): {rss:.0f} MB → {mark(rss < 800)}")
        out.append(f"- province build at least 4× faster than its communes built one after another as single sites "
                   f"(output {where}): {fmt_s(s)} / {fmt_s(m)} = {s / m:.2f}× → {mark(s / m >= 4)}")
    serve = p.get("serve") or {}
    few, every = serve.get("3 open"), serve.get("all open")
    if few:
        out.append(f"- serve mode, province: a commune's edited announcement, rebuild work {few['announcement']:.0f} ms median "
                   f"(target < 100 ms) → {mark(few['announcement'] < 100)}; save → reload event {few['announcement reload']:.0f} ms")
        out.append(f"- serve mode, province: a shared procedure edited, 3 communes with an open page (the others built "
                   f"again when next opened): rebuild work {few['procedure']:.0f} ms median; save → reload event "
                   f"{few['procedure reload']:.0f} ms")
    else:
        out.append("- serve mode, province: not measured")
    if every:
        out.append(f"- serve mode, province: a shared procedure edited with a page of every one of the {p['counts']['communes']} "
                   f"communes open, all rebuilt: {every['procedure']:.0f} ms median (target < 1 s) → {mark(every['procedure'] < 1000)}")
    return "\n".join(out)


def sample_site(work):
    out = os.path.join(work, "sample-out")
    cmd = f"{BIN} build --root {ROOT} --output {out} --quiet"
    settle("sample site")
    rss, wall, _ = peak_rss(cmd, prepare=set_aside(out, work))
    res = measure("sample", cmd, set_aside(out, work), int(os.environ.get("BENCH_RUNS", "10")), work, wall)
    res["rss"] = rss
    return res


def serve_mode(site=None, runs=10):
    """Save → reload-event and server rebuild medians (ms) from Tests/quality/test_preview.py's driver, on the
    sample (site None) or on a generated site folder; None when it could not run."""
    sys.path.insert(0, os.path.join(ROOT, "Tests", "quality"))
    import statistics
    import test_preview
    settle("serve mode")
    try:
        times, rebuilds = test_preview.measure(test_preview.Path(BIN), runs=runs,
                                               site=test_preview.Path(site) if site else None)
    except (SystemExit, Exception) as error:  # noqa: BLE001 - reported in the table instead
        log(f"serve-mode measurement failed: {error}")
        return None
    return statistics.median(times), statistics.median(rebuilds or [float("nan")])


# ---------------------------------------------------------------- report

def fmt_s(x):
    return f"{x:.3f} s" if x < 10 else f"{x:.2f} s"


def table(results):
    lines = ["| size (guides) | tool | output | pages | wall time (median) | ms/page | pages/s | peak RSS | motcua/floor | motcua/Hugo | runs |",
             "|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        rows = r["rows"]
        entries = [(place, tool, label, rows[place][tool]) for place in ("RAM", "disk") if place in rows
                   for tool, label in (("motcua", "motcua build"), ("hugo", "hugo 0.111"))]
        entries.append(("—", "floor", "cmark-gfm floor", rows["floor"]))
        for place, tool, label, x in entries:
            pages = x.get("pages") or 0
            med = x["median"]
            ms_page = med * 1000 / pages if pages else float("nan")
            pps = pages / med if med else float("nan")
            rf = rh = "—"
            if tool == "motcua":
                rf = f"{med / rows['floor']['median']:.2f}×"
                rh = f"{med / rows[place]['hugo']['median']:.2f}×"
            lines.append(f"| {r['n']:,} | {label} | {place} | {pages:,} | {fmt_s(med)} | {ms_page:.3f} | {pps:,.0f} | "
                         f"{x['rss']:.0f} MB | {rf} | {rh} | {x['runs']} |")
    return "\n".join(lines)


def main_rows(r):
    """The rows the targets are judged on: output in RAM when measured (issue 8), else on disk."""
    place = "RAM" if "RAM" in r["rows"] else "disk"
    return place, r["rows"][place]


def targets(results, sample, second, serve):
    by_n = {r["n"]: r for r in results}
    out = []

    def mark(ok):
        return "**met**" if ok else "**NOT met**"

    if 10000 in by_n:
        place, rows = main_rows(by_n[10000])
        m, f, h = rows["motcua"]["median"], by_n[10000]["rows"]["floor"]["median"], rows["hugo"]["median"]
        out.append(f"- 10,000 guides at least 8× faster than Hugo (output {place}): Hugo/motcua = {h / m:.2f}× (needs ≥ 8) → {mark(h / m >= 8)}")
        out.append(f"- 10,000 guides at most 2× the cmark-gfm floor (output {place}): motcua/floor = {m / f:.2f}× → {mark(m / f <= 2)}")
        bound = by_n[10000].get("bound")
        if bound:
            total = bound["parse"] + bound["write"]
            out.append(f"  - what that needs, against what no generator can beat here with all {bound['cores']} cores: "
                       f"cmark-gfm over the 10,000 guides in {bound['cores']} processes at once {bound['parse']:.3f} s + "
                       f"writing motcua's output tree ({bound['files']:,} files, {bound['folders']:,} folders) from memory "
                       f"with {bound['cores']} processes {bound['write']:.3f} s = {total:.3f} s; 8× faster than Hugo means "
                       f"≤ {h / 8:.3f} s" + (" — below that bound: no generator that parses these guides and writes this "
                                             "tree could meet it on this machine" if h / 8 < total else ""))
        rss = rows["motcua"]["rss"]
        out.append(f"- peak memory at 10,000 guides under 250 MB (output {place}): {rss:.0f} MB (Hugo {rows['hugo']['rss']:.0f} MB) → {mark(rss < 250)}")
    else:
        out.append("- 10,000-guide targets (speed vs Hugo, vs floor, memory): not measured (10000 not in BENCH_SIZES)")
    if 10000 in by_n and 40000 in by_n:
        (p40, r40), (p10, r10) = main_rows(by_n[40000]), main_rows(by_n[10000])
        g = r40["motcua"]["median"] / r10["motcua"]["median"]
        out.append(f"- linear growth, 40,000 guides at most 4.4× the 10,000-guide time (output {p40}, {p10}): {g:.2f}× → {mark(g <= 4.4)}")
    else:
        out.append("- linear growth (40,000 vs 10,000): not measured (needs both sizes)")
    ms = sample["median"] * 1000
    out.append(f"- sample site builds as a whole process under 150 ms: {ms:.0f} ms median (peak {sample['rss']:.0f} MB) → {mark(ms < 150)}")
    for label, figures, limit in (("sample site", serve.get("sample"), 100), ("10,000 guides", serve.get(10000), 200)):
        if figures:
            out.append(f"- serve mode, {label}: save → reload event {figures[0]:.0f} ms median (target < {limit} ms) → "
                       f"{mark(figures[0] < limit)}; rebuild work {figures[1]:.0f} ms"
                       + (f" (target < 50 ms) → {mark(figures[1] < 50)}" if label != "sample site" else ""))
        else:
            out.append(f"- serve mode, {label}: not measured")
    if second:
        c = second["counts"] or {}
        ok = (not second["bytes_changed"] and not second["mtime_changed"] and not second["added"] and not second["gone"]
              and c.get("new") == 0 and c.get("changed") == 0 and c.get("removed") == 0)
        out.append(f"- second build with nothing changed ({second['n']:,} guides) keeps every file's bytes and mtime: "
                   f"{second['files_after']:,} files, {len(second['bytes_changed'])} with other bytes, "
                   f"{len(second['mtime_changed'])} with a new mtime; summary says new {c.get('new')}, changed {c.get('changed')}, "
                   f"unchanged {c.get('unchanged')}, removed {c.get('removed')}; rebuild took {second['wall']:.2f} s → {mark(ok)}")
    return "\n".join(out)


def province_text(p):
    if p is None:
        return "Province (issue #29): not measured (BENCH_PROVINCE=0).\n"
    c = p["counts"]
    return f"""
### Province (issue #29)

A province of {c['communes']} communes (Benchmarks/generate_province.py): one shared catalog of 300 procedures over 20
fields, 20 shared guides and 40 forms; per commune 20 announcements, 2 pages and its changes (two or three
procedures at another level, one in three communes leaving one out, one in seven adding its own, one in ten its own
guide, one in 25 its own style.css). "province" is one `motcua build` of it ({c['pages']:,} pages, {c['files']:,}
files, {p['bytes'] / 2**20:.0f} MB{', WITH WARNINGS' if c['warnings'] else ', no warning'}); "single sites" builds
the same {p['slugs']} communes one after another, each as a single site of its own (the whole catalog, the shared guides
and forms, the commune's own files, tinh.yml's keys under its site.yml's; its catalog changes not applied:
{p['single_pages']} pages for the first commune), `motcua build --quiet` per commune in one shell script. Both clean
builds, timed as whole processes like the rows above (the province: up to {int(os.environ.get('BENCH_RUNS', '5'))} runs; the singles: up to 3).

{province_table(p)}

Targets (issue #29):
{province_targets(p)}
"""


def main():
    ensure_tools()
    keep = os.environ.get("BENCH_KEEP") == "1"
    work = os.environ.get("BENCH_WORK")
    if work:
        os.makedirs(work, exist_ok=True)
    else:
        work = tempfile.mkdtemp(prefix="motcua-bench-")
    work = os.path.abspath(work)
    started = time.perf_counter()
    info = machine()
    log(f"motcua bench: sizes {SIZES}, binary {BIN}, scratch {work}")
    try:
        second_n = 10000 if 10000 in SIZES else max([n for n in SIZES if n <= 10000] or SIZES[:1])
        results, second, serve = [], None, {}
        for n in SIZES:
            results.append(bench_size(n, work))
            if n == second_n:
                log(f"\n== second build with nothing changed at {second_n:,} guides")
                second = second_build(second_n, work)
            if n == 10000:
                log("\n== serve mode at 10,000 guides: save → reload")
                serve[10000] = serve_mode(os.path.join(work, f"n{n}", "motcua"))
        province = bench_province(work) if PROVINCE else None
        log("\n== sample site (repo Content/)")
        sample = sample_site(work)
        log("\n== serve mode on the sample site: save → reload")
        serve["sample"] = serve_mode()
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)
    elapsed = time.perf_counter() - started

    tab = table(results)
    tgt = targets(results, sample, second, serve)
    idx = []
    for r in results:
        name, size = r["search_index"]
        idx.append(f"{r['n']:,} guides: {name} {size / 1024 / 1024:.2f} MB" if name else f"{r['n']:,} guides: no search index in the output")
    bounds = [f"{r['n']:,} guides: {b['parse']:.3f} s + {b['write']:.3f} s = {b['parse'] + b['write']:.3f} s"
              for r in results if (b := r.get("bound"))]
    mtimes = "; ".join(f"`{p}` {'kept' if a == b else 'CHANGED'}" for p, a, b in second["samples"])
    when = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
    disk_fs = file_system(work)
    settled = (f"done {SETTLED['done']} times" if not SETTLED["skipped"] else
               f"done {SETTLED['done']} times, skipped {SETTLED['skipped']} times: not root")
    text = f"""## Benchmark ({when})

Machine: {info['cpu']}, {info['cores']} cores, {info['mem']}, Linux {info['kernel']}; {info['hugo']}; {info['cmark']}; {info['hyperfine']}.
Each site: N guides of about 1.7 KB (list, table, link, two headings) + 2,000 procedures over 20 fields + 1,000
announcements (motcua also renders those; the floor and Hugo get only the N guides). Wall time is hyperfine's median
of a clean build into a folder that does not exist yet (the last run's output is renamed aside, not deleted, so
that ext4 does not skip recently freed inodes during the timed runs; see `set_aside` in run_bench.py). "output"
says where motcua and Hugo wrote: RAM is a folder under {RAM or "(none)"} (tmpfs; no file system noise), disk the scratch
folder ({disk_fs}); the sources are on disk for both. The targets use the RAM rows when there are any. Before each
tool's runs the kernel's dentry and inode caches are dropped ({settled}; see `settle`), so files left by earlier
tools do not slow later ones. Peak RSS from `/usr/bin/time -v`. "pages" is what each
tool produced (motcua's summary line; Hugo's HTML files; the floor's documents); ms/page and pages/s use it.
"runs" counts the timed runs behind the median (a /usr/bin/time run comes first as the warm-up; a command slower
than {SLOW_S:.0f} s gets 2 runs, slower than {VERY_SLOW_S:.0f} s 1 run, to keep the whole bench usable).

{tab}

Targets (issue 8):
{tgt}

Search index: {"; ".join(idx)}.
Lower bound with every core (cmark-gfm over the guides in one process per core at once + writing motcua's output tree
from memory with one process per core, `lower_bound` in run_bench.py): {"; ".join(bounds) or "not measured"}.
Second unchanged build: `{second['summary']}`; sample mtimes: {mtimes}.
Files whose bytes differ after the unchanged rebuild: {", ".join("`" + p + "`" for p in second["bytes_changed"][:8]) or "none"}.
Files with a new mtime: {", ".join("`" + p + "`" for p in second["mtime_changed"][:8]) or "none"}.
{province_text(province)}
Bench run took {elapsed / 60:.1f} min (`BENCH_SIZES={",".join(map(str, SIZES))}`).
"""
    print(text)
    with open(os.path.join(HERE, "latest.md"), "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main()
