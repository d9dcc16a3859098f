#!/usr/bin/env python3
"""Adversarial probe of `motcua build` (issue #27's definition of done).

Each case starts from a copy of one fresh `motcua new` site (built once, so it has a previous good Output/),
applies one mutation, runs `motcua build` and checks five invariants:

  1. no crash: exit 0 or 1 (2 only where a case passes a bad command-line value), no signal, no
     "Fatal error" / "Swift runtime failure", done within the timeout;
  2. every problem printed on stderr is located: `path:line:col: error|warning: message` (a whole file's problem
     at `path:1:1`); only the summary lines (`motcua: N lỗi, M cảnh báo`, `motcua: lỗi: …`) and the command's
     status (`motcua: đang chờ …`) are free; no English (libyaml, Foundation, errno) text and no raw control
     character in any line;
  3. no silent loss: with exit 0 and no warning, the pages (and their texts) the content implies exist;
  4. nothing from outside: no output file holds the secret marker planted outside the site (or /etc/passwd's
     first line), no symbolic link in the output, the site's own files and the outside folder are unchanged,
     and no `.motcua-*` folder is left beside the output after a finished build;
  5. a failed build (exit != 0) leaves the previous output byte for byte as it was.

Usage:
  python3 Tests/quality/probe_adversarial.py [--bin .build/release/motcua] [--only NAME[,NAME]] [--list]
                                             [--jobs N] [--keep] [-v]

Python 3 standard library only. Exit status 1 when any case fails. Nothing is marked expected-to-fail.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import hashlib
import os
import re
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import unicodedata
from pathlib import Path

DEFAULT_TIMEOUT = 60.0
SEV = r"(?:error|warning|lỗi|cảnh báo)"
LOCATED_RE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<sev>" + SEV + r"): (?P<msg>.*\S)")
FILE_LEVEL_RE = re.compile(r"^(?P<path>.+?): (?P<sev>" + SEV + r"): (?P<msg>.*\S)")
LINE_ONLY_RE = re.compile(r"^(?P<path>.+?):(?P<line>\d+): (?P<sev>" + SEV + r"): ")
SUMMARY_RE = re.compile(r"^motcua: \d+ lỗi, \d+ cảnh báo$")
COMMAND_RE = re.compile(r"^motcua: lỗi: (?P<msg>.*\S)")
# What the command says about itself and the output, not about a file: a build waiting for another one into
# the same output, and the pages of the last output a build dropped.
STATUS_RE = re.compile(r"^motcua: (đang chờ |cảnh báo: \d+ trang của lần đăng trước không còn nữa)")
CRASH_MARKERS = ["Fatal error", "Swift runtime failure", "Segmentation fault", "Illegal instruction",
                 "Current stack trace", "Stack dump", "Aborted", "core dumped", "Assertion failed",
                 "precondition failed", "Precondition failed"]
ENGLISH = re.compile(
    r"\b(error|errors|did not find|expected|NSCocoaErrorDomain|Error Domain|Permission denied|No such file|"
    r"found|while scanning|while parsing|mapping values|could not|couldn.t|cannot|unexpected|invalid|"
    r"Operation not permitted|Is a directory|Not a directory|failed|control characters|document|"
    r"not allowed|The file|The operation|unknown|character|indentation|scalar|block|flow|alias|anchor)\b",
    re.IGNORECASE)
PASSWD_MARK = b"root:x:0:0:"


def _splits(line: str) -> list[tuple[str, str]]:
    """Every way to read `path:line:col: severity: message` from a line, longest path first."""
    out = []
    for m in re.finditer(r":(\d+):(\d+): " + SEV + r": ", line):
        out.append((line[:m.start()], line[m.end():]))
    return list(reversed(out))


def fold_slug(text: str) -> str:
    t = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    t = "".join(ch for ch in t if not unicodedata.combining(ch)).lower()
    t = re.sub(r"[^a-z0-9]+", "-", t)
    return t.strip("-")


# ---------------------------------------------------------------------------------------------------------------
# The harness


class Env:
    bin: Path
    work: Path
    base: Path
    outside: Path
    secret: str
    jobs: int
    verbose: bool


ENV = Env()


def manifest(root: Path, skip: tuple[Path, ...] = ()) -> dict[str, str]:
    """Relative path → kind and content hash; never follows links, never opens FIFOs or sockets."""
    out: dict[str, str] = {}
    if not os.path.lexists(root):
        return out
    skip_s = {str(p) for p in skip}
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        if dirpath in skip_s:
            dirnames[:] = []
            continue
        dirnames[:] = [d for d in dirnames if os.path.join(dirpath, d) not in skip_s
                       and ".motcua-" not in d]
        for name in filenames + [d for d in dirnames]:
            p = os.path.join(dirpath, name)
            if p in skip_s:
                continue
            rel = os.path.relpath(p, root)
            st = os.lstat(p)
            if os.path.islink(p):
                out[rel] = "link:" + os.readlink(p)
            elif os.path.isdir(p):
                out[rel] = "dir"
            elif os.path.isfile(p):
                if st.st_size > 64 * 1024 * 1024:
                    out[rel] = f"big:{st.st_size}:{st.st_mtime_ns}"
                else:
                    with open(p, "rb") as f:
                        out[rel] = "file:" + hashlib.sha1(f.read()).hexdigest()
            else:
                out[rel] = f"special:{st.st_mode:o}"
    return out


def diff_manifest(a: dict[str, str], b: dict[str, str]) -> str:
    added = sorted(set(b) - set(a))
    removed = sorted(set(a) - set(b))
    changed = sorted(k for k in set(a) & set(b) if a[k] != b[k])
    parts = []
    if added:
        parts.append("added " + ", ".join(added[:4]))
    if removed:
        parts.append("removed " + ", ".join(removed[:4]))
    if changed:
        parts.append("changed " + ", ".join(changed[:4]))
    return "; ".join(parts)


class Res:
    def __init__(self, rc, stdout, stderr, seconds, timed_out, args):
        self.rc, self.stdout, self.stderr, self.seconds, self.timed_out, self.args = \
            rc, stdout, stderr, seconds, timed_out, args

    @property
    def warnings(self) -> int:
        return sum(1 for l in self.stderr.splitlines() if re.search(r": (warning|cảnh báo): ", l))

    def head(self, n=3) -> str:
        lines = [l for l in self.stderr.splitlines() if l.strip()]
        s = " | ".join(lines[:n])
        if len(s) > 600:
            s = s[:600] + "…"
        return f"exit {self.rc}{' (timeout)' if self.timed_out else ''}, {self.seconds:.1f}s; stderr: {s or '(empty)'}"


class Ctx:
    def __init__(self, name: str):
        self.name = name
        self.dir = Path(tempfile.mkdtemp(prefix=name[:40] + "-", dir=ENV.work))
        self.root = self.dir / "site"
        shutil.copytree(ENV.base, self.root, symlinks=True)
        self.out = self.root / "Output"
        self.failures: list[str] = []
        self.expect_pages: list[tuple[str, list[str], bool]] = []
        self.expect_counts: list[tuple[str, int]] = []
        self.expect_failure = None
        self.expect_noisy = None
        self.extra_outputs: list[Path] = []
        self.builds: list[Res] = []
        self.allow_usage = False
        self.timeout = DEFAULT_TIMEOUT
        self.outside_before = manifest(ENV.outside)

    # --- mutations ---
    def p(self, rel: str) -> Path:
        return self.root / rel

    def write(self, rel: str, data, mode: str = "w"):
        path = self.p(rel)
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            with open(path, mode, encoding="utf-8", newline="") as f:
                f.write(data)
        return path

    def read(self, rel: str) -> str:
        return self.p(rel).read_text(encoding="utf-8")

    def replace(self, rel: str, old: str, new: str):
        text = self.read(rel)
        if old not in text:
            raise AssertionError(f"probe bug: `{old}` not in {rel}")
        self.write(rel, text.replace(old, new, 1))

    def remove(self, rel: str):
        p = self.p(rel)
        if p.is_dir() and not p.is_symlink():
            shutil.rmtree(p)
        else:
            p.unlink()

    def symlink(self, rel: str, target):
        path = self.p(rel)
        path.parent.mkdir(parents=True, exist_ok=True)
        if os.path.lexists(path):
            self.remove(rel)
        os.symlink(str(target), path)

    def outside_file(self, name: str, data: str) -> Path:
        """A file beside the site, outside it, holding the secret marker."""
        d = self.dir / "outside"
        d.mkdir(exist_ok=True)
        p = d / name
        p.write_text(data, encoding="utf-8")
        return p

    # --- expectations ---
    def expect(self, page: str, *texts: str, must: bool = False):
        """A file of the output (relative, e.g. `thu-tuc/x/index.html`) that must exist, holding `texts`.
        Checked when the build exits 0 without warnings, or whenever it exits 0 if `must`."""
        self.expect_pages.append((page, list(texts), must))

    def expect_count(self, pattern: str, n: int):
        self.expect_counts.append((pattern, n))

    def fail(self, msg: str):
        self.failures.append(msg)

    # --- running ---
    def run(self, *args: str, output=None, timeout=None, use_output=True) -> subprocess.Popen:
        cmd = [str(ENV.bin), "build", "--root", str(self.root)]
        if use_output:
            cmd += ["--output", str(output if output is not None else self.out)]
        cmd += list(args)
        return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=self.dir,
                                env=dict(os.environ, NO_COLOR="1", LC_ALL="C.UTF-8"),
                                preexec_fn=_limits, start_new_session=True)

    def build(self, *args: str, output=None, timeout=None, use_output=True) -> Res:
        out = Path(output) if output is not None else self.out
        if not out.is_absolute():
            out = self.dir / out  # the binary runs in the case's folder
        if out != self.out and out not in self.extra_outputs and not os.path.lexists(out):
            self.extra_outputs.append(out)  # a new output folder inside the site is not the site's own file
        before_out = manifest(out) if os.path.isdir(out) and not os.path.islink(out) else None
        before_site = self.site_manifest()
        proc = self.run(*args, output=output, use_output=use_output)
        res = self.finish(proc, timeout or self.timeout, list(args) + (["--output", str(out)] if use_output else []))
        self.builds.append(res)
        self.check_build(res, out, before_out, before_site)
        return res

    def finish(self, proc: subprocess.Popen, timeout: float, args) -> Res:
        t0 = time.monotonic()
        timed_out = False
        try:
            so, se = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            timed_out = True
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            so, se = proc.communicate()
        return Res(proc.returncode, so.decode("utf-8", "replace"), se.decode("utf-8", "replace"),
                   time.monotonic() - t0, timed_out, args)

    def site_manifest(self):
        skip = (self.out, *self.extra_outputs)
        return manifest(self.root, skip)

    # --- invariants ---
    def check_build(self, res: Res, out: Path, before_out, before_site):
        tag = f"[build {len(self.builds)}] " if len(self.builds) > 1 else ""
        # 1. no crash
        if res.timed_out:
            self.fail(f"{tag}inv1 timeout: no result after {res.seconds:.0f}s")
        elif res.rc < 0:
            self.fail(f"{tag}inv1 crash: killed by signal {-res.rc}")
        elif res.rc not in (0, 1) and not (self.allow_usage and res.rc == 2):
            self.fail(f"{tag}inv1 crash: exit code {res.rc}")
        for m in CRASH_MARKERS:
            if m in res.stderr:
                self.fail(f"{tag}inv1 crash: stderr contains {m!r}")
                break
        # 2. located, Vietnamese diagnostics
        self.check_lines(res, tag)
        # 4. nothing from outside, nothing else changed
        for o in [out]:
            self.scan_output(o, tag)
        after_site = self.site_manifest()
        d = diff_manifest(before_site, after_site)
        if d:
            self.fail(f"{tag}inv4 the site's own files changed: {d}")
        after_outside = manifest(ENV.outside)
        if after_outside != self.outside_before:
            self.fail(f"{tag}inv4 files outside the site changed: {diff_manifest(self.outside_before, after_outside)}")
        parent = out.parent if out.name not in ("", ".", "..") else out
        if not res.timed_out and parent.is_dir():
            try:
                left = [n for n in os.listdir(parent) if ".motcua-" in n and n != ".motcua-output"
                        and not n.endswith(".motcua-lock")]
            except OSError:
                left = []
            if left:
                self.fail(f"{tag}inv4 leftovers beside the output after the build: {', '.join(sorted(left)[:3])}")
        # 5. failed build leaves the previous output whole
        if res.rc != 0 and before_out is not None:
            after = manifest(out) if os.path.isdir(out) else {}
            if after != before_out:
                self.fail(f"{tag}inv5 failed build changed the previous output: {diff_manifest(before_out, after) or 'gone'}")
        if res.rc == 0 and not res.timed_out:
            if not (out / ".motcua-output").exists() or not (out / "index.html").is_file():
                self.fail(f"{tag}inv3 exit 0 but {out} has no marker or no index.html")

    def check_lines(self, res: Res, tag: str):
        bad: list[str] = []
        for line in res.stderr.split("\n"):
            if line == "":
                continue
            if re.search(r"[\x00-\x08\x0b-\x1f\x7f]", line):
                bad.append(f"raw control character in: {line[:160]!r}")
                continue
            msg = None
            if SUMMARY_RE.match(line):
                continue
            m = COMMAND_RE.match(line)
            if m:
                msg = m.group("msg")
            else:
                m = LOCATED_RE.match(line)
                if m:
                    # the path may itself hold `:N:N: error: ` (a file name): accept any split naming a real file
                    splits = _splits(line)
                    real = [x for x in splits if self.names_site_path(x[0], must_exist=True)]
                    msg = (real[0] if real else splits[0])[1]
                    if not real:
                        bad.append(f"located at a path that does not exist: {line[:160]}")
                else:
                    if LINE_ONLY_RE.match(line):
                        bad.append(f"no column: {line[:200]}")
                        continue
                    if STATUS_RE.match(line):
                        continue
                    m = FILE_LEVEL_RE.match(line)
                    if m and self.names_site_path(m.group("path"), must_exist=False):
                        bad.append(f"whole-file problem without `:1:1`: {line[:200]}")
                    else:
                        bad.append(f"unlocated: {line[:200]}")
                    continue
            # English outside `quoted` user text
            stripped = re.sub(r"`[^`]*`", "", msg)
            stripped = re.sub(r"\((?:byte|đang là)[^)]*\)", "", stripped)
            e = ENGLISH.search(stripped)
            if e:
                bad.append(f"English ({e.group(0)!r}): {line[:200]}")
        for b in bad[:3]:
            self.fail(f"{tag}inv2 {b}")
        if len(bad) > 3:
            self.fail(f"{tag}inv2 … and {len(bad) - 3} more such lines")

    def names_site_path(self, path: str, must_exist: bool) -> bool:
        """A path printed in a diagnostic (line breaks and tabs written as \\n, \\r, \\t) names a file of the site;
        a whole-file problem may name a missing Content/ or Theme/ file (the one to create)."""
        raw = path.replace("\\n", "\n").replace("\\r", "\r").replace("\\t", "\t")
        for cand in {path, raw}:
            if os.path.lexists(self.root / cand) or os.path.lexists(cand):
                return True
            if not must_exist and re.match(r"^(Content|Theme)(/|$)", cand):
                return True
        return False

    def scan_output(self, out: Path, tag: str):
        if not os.path.isdir(out):
            return
        secret = ENV.secret.encode()
        for dirpath, dirnames, filenames in os.walk(out, followlinks=False):
            for name in filenames + dirnames:
                p = os.path.join(dirpath, name)
                if os.path.islink(p):
                    self.fail(f"{tag}inv4 symbolic link in the output: {os.path.relpath(p, out)} → {os.readlink(p)}")
                    continue
                if name in filenames and os.path.isfile(p):
                    if os.path.getsize(p) > 256 * 1024 * 1024:
                        continue
                    with open(p, "rb") as f:
                        data = f.read()
                    if secret in data:
                        self.fail(f"{tag}inv4 secret from outside the site in output file {os.path.relpath(p, out)}")
                    if PASSWD_MARK in data:
                        self.fail(f"{tag}inv4 /etc/passwd content in output file {os.path.relpath(p, out)}")

    def check_expectations(self):
        if not self.builds:
            return
        res = self.builds[-1]
        if self.expect_failure is not None and res.rc == 0:
            self.fail(f"inv3 exit 0: {self.expect_failure} was accepted without an error")
        if res.rc != 0 or res.timed_out:
            return
        clean = res.warnings == 0
        if self.expect_noisy is not None and clean:
            self.fail(f"inv3 silent loss: exit 0 without a warning although {self.expect_noisy}")
        for page, texts, must in self.expect_pages:
            if not (clean or must):
                continue
            p = self.out / page
            if not p.is_file():
                self.fail(f"inv3 silent loss: exit 0{'' if res.warnings else ' without warnings'} but no {page}")
                continue
            data = p.read_text(encoding="utf-8", errors="replace")
            for t in texts:
                if t not in data:
                    self.fail(f"inv3 silent loss: {page} lacks {t[:60]!r}")
        if clean:
            for pattern, n in self.expect_counts:
                got = len(list(self.out.glob(pattern)))
                if got != n:
                    self.fail(f"inv3 silent loss: {n} expected for {pattern}, output has {got}")


def _limits():
    # A runaway build must not take the shared machine down: 8 GB of data, 2 GB files.
    try:
        resource.setrlimit(resource.RLIMIT_DATA, (8 << 30, 8 << 30))
        resource.setrlimit(resource.RLIMIT_FSIZE, (2 << 30, 2 << 30))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ValueError, OSError):
        pass


CASES: list[tuple[str, str, object]] = []


def case(category: str):
    def deco(fn):
        CASES.append((fn.__name__.replace("_", "-"), category, fn))
        return fn
    return deco


# ---------------------------------------------------------------------------------------------------------------
# Content helpers

CAT = "Content/thu-tuc/chung-thuc.yml"
GUIDE = "Content/huong-dan/nop-ho-so.md"
ANN = "Content/thong-bao/2026-01-05-khai-truong-trang.md"
PAGE = "Content/trang/lien-he.md"
SITE = "Content/site.yml"
FORM = "phieu-yeu-cau-chung-thuc.docx"
BASE_PROC_SLUG = "chung-thuc-giao-dich-lien-quan-den-tai-san-la-dong-san-quyen-su-dung-dat-nha-o"


def proc(ma: str, ten: str, body: str = "") -> str:
    s = f'  - ma: "{ma}"\n    ten: {ten}\n'
    return s + body


def catalog(field: str, *procs: str, head: str = "") -> str:
    return f"linh_vuc: {field}\n{head}thu_tuc:\n" + "".join(procs)


def md(front: str, body: str = "Nội dung kiểm tra.\n") -> str:
    return f"---\n{front}---\n\n{body}"


def add_catalog(c: Ctx, name: str, text, field_slug: str | None = None, procs: dict | None = None):
    c.write(f"Content/thu-tuc/{name}", text)
    for slug, texts in (procs or {}).items():
        c.expect(f"thu-tuc/{slug}/index.html", *texts)
    if field_slug:
        c.expect(f"linh-vuc/{field_slug}/index.html")


def add_guide(c: Ctx, name: str, text, slug: str | None = None, *texts: str):
    c.write(f"Content/huong-dan/{name}", text)
    if slug:
        c.expect(f"huong-dan/{slug}/index.html", *texts)


# ---------------------------------------------------------------------------------------------------------------
# YAML tricks


@case("yaml")
def yaml_anchor_alias_docs(c):
    add_catalog(c, "ho-tich.yml", catalog("Hộ tịch",
        proc("9.000001", "Thu tuc mot", "    ho_so: &giay\n      - Giấy tờ PROBE-ALIAS-A\n      - ten: Giấy tờ PROBE-ALIAS-B\n        ban_sao: 2\n"),
        proc("9.000002", "Thu tuc hai", "    ho_so: *giay\n")), "ho-tich",
        {"thu-tuc-mot": ["PROBE-ALIAS-A", "PROBE-ALIAS-B"], "thu-tuc-hai": ["PROBE-ALIAS-A", "PROBE-ALIAS-B"]})


@case("yaml")
def yaml_merge_override(c):
    add_catalog(c, "ho-tich.yml", "linh_vuc: Hộ tịch\nthu_tuc:\n"
        "  - &goc\n    ma: \"9.000001\"\n    ten: Thu tuc goc\n    co_quan: Cơ quan PROBE-MERGE\n    ket_qua: Kết quả PROBE-KQ\n"
        "  - <<: *goc\n    ma: \"9.000002\"\n    ten: Thu tuc gop\n    ket_qua: Kết quả PROBE-KQ2\n", "ho-tich",
        {"thu-tuc-goc": ["PROBE-MERGE", "PROBE-KQ"], "thu-tuc-gop": ["PROBE-MERGE", "PROBE-KQ2"]})


@case("yaml")
def yaml_merge_list_of_maps(c):
    add_catalog(c, "ho-tich.yml", "linh_vuc: Hộ tịch\nchung:\n  - &a {co_quan: CQ PROBE-A}\n  - &b {ket_qua: KQ PROBE-B}\n"
        "thu_tuc:\n  - <<: [*a, *b]\n    ma: \"9.000001\"\n    ten: Thu tuc gop nhieu\n")


@case("yaml")
def yaml_merge_scalar(c):
    add_catalog(c, "ho-tich.yml", "linh_vuc: Hộ tịch\nten_chung: &t Chữ thôi\nthu_tuc:\n  - <<: *t\n    ma: \"9.000001\"\n    ten: Thu tuc\n")
    c.expect_failure = "`<<: *t` pointing at a scalar (documented as an error)"


@case("yaml")
def yaml_merge_chain_blowup(c):
    lines = ["linh_vuc: Hộ tịch", "m0: &m0 {co_quan: X, a0: 1}"]
    for i in range(1, 26):
        lines.append(f"m{i}: &m{i} {{<<: [*m{i-1}, *m{i-1}], a{i}: {i}}}")
    lines.append("thu_tuc:\n  - <<: *m25\n    ma: \"9.000001\"\n    ten: Thu tuc")
    c.write("Content/thu-tuc/ho-tich.yml", "\n".join(lines) + "\n")


@case("yaml")
def yaml_undefined_alias(c):
    c.replace(CAT, "    ket_qua:", "    mien_le_phi: *khong-co\n    ket_qua:")


@case("yaml")
def yaml_self_alias(c):
    c.replace(CAT, "    ket_qua:", "    mien_le_phi: &vong [*vong]\n    ket_qua:")


@case("yaml")
def yaml_tag_binary(c):
    c.replace(CAT, "    ket_qua: Hợp", "    ket_qua: !!binary UFJPQkUtQklOQVJZ\n    ghi_chu_x: Hợp")


@case("yaml")
def yaml_tag_python_object(c):
    flag = c.dir / "outside" / "pwned"
    (c.dir / "outside").mkdir(exist_ok=True)
    c.replace(CAT, "    ket_qua: Hợp đồng, giao dịch được chứng thực",
              f"    ket_qua: !!python/object/apply:os.system [\"touch {flag}\"]")
    c.post = lambda: flag.exists() and c.fail("inv4 a !!python tag ran a command")


@case("yaml")
def yaml_tag_custom_local(c):
    c.replace(CAT, "linh_vuc: Chứng thực", "linh_vuc: !vi Chứng thực")
    c.expect("linh-vuc/chung-thuc/index.html")


@case("yaml")
def yaml_tag_str_on_count(c):
    c.replace(CAT, "        ban_chinh: 1\n        ban_sao: 0\n      - ten: Dự", "        ban_chinh: !!str 1\n        ban_sao: !!int \"0\"\n      - ten: Dự")


@case("yaml")
def yaml_tag_set_omap(c):
    c.replace(CAT, "doi_tuong: [Cá nhân, Tổ chức]", "doi_tuong: !!set {Cá nhân, Tổ chức}\n    mien_le_phi: !!omap [a: 1, b: 2]")


@case("yaml")
def yaml_multi_document(c):
    c.write(CAT, c.read(CAT) + "---\nlinh_vuc: Hộ tịch\nthu_tuc:\n  - ma: \"9.000009\"\n    ten: Thu tuc tai lieu hai\n")
    c.expect("thu-tuc/thu-tuc-tai-lieu-hai/index.html")


@case("yaml")
def yaml_document_end_then_text(c):
    c.write(CAT, c.read(CAT) + "...\nrác sau dấu kết thúc: 1\n")


@case("yaml")
def yaml_version_directive(c):
    c.write(CAT, "%YAML 1.1\n%TAG !e! tag:example.com,2000:\n---\n" + c.read(CAT))
    c.expect(f"thu-tuc/{BASE_PROC_SLUG}/index.html", "Dự thảo hợp đồng")


@case("yaml")
def yaml_flow_whole_file(c):
    add_catalog(c, "ho-tich.yml", '{linh_vuc: Hộ tịch, thu_tuc: [{ma: "9.000001", ten: Thu tuc dong, '
                "ho_so: [Giấy PROBE-FLOW, {ten: Giấy PROBE-FLOW2, ban_chinh: 1}]}]}\n", "ho-tich",
                {"thu-tuc-dong": ["PROBE-FLOW", "PROBE-FLOW2"]})


@case("yaml")
def yaml_complex_key(c):
    c.write(CAT, "? [a, b]\n: c\n" + c.read(CAT))


@case("yaml")
def yaml_null_and_int_keys(c):
    c.write(SITE, c.read(SITE) + "~: rỗng\n1: một\ntrue: đúng\n")


@case("yaml")
def yaml_duplicate_top_key(c):
    c.write(CAT, c.read(CAT) + "linh_vuc: Chứng thực lần hai\n")
    c.expect_failure = "a duplicated `linh_vuc`"


@case("yaml")
def yaml_duplicate_key_site(c):
    c.write(SITE, c.read(SITE) + "ten: UBND lần hai\n")
    c.expect_failure = "a duplicated `ten` in site.yml"


@case("yaml")
def yaml_tab_after_colon(c):
    c.replace(CAT, "linh_vuc: Chứng thực", "linh_vuc:\tChứng thực")
    c.expect("linh-vuc/chung-thuc/index.html")


@case("yaml")
def yaml_tab_inside_flow(c):
    c.replace(CAT, "doi_tuong: [Cá nhân, Tổ chức]", "doi_tuong: [Cá nhân,\tTổ chức]")


@case("yaml")
def yaml_bom_crlf_site(c):
    c.write(SITE, b"\xef\xbb\xbf" + c.read(SITE).replace("\n", "\r\n").encode())
    c.expect("index.html", "Ủy ban nhân dân")


@case("yaml")
def yaml_double_bom(c):
    c.write(SITE, b"\xef\xbb\xbf\xef\xbb\xbf" + c.read(SITE).encode())


@case("yaml")
def yaml_cr_only_newlines(c):
    c.write(CAT, c.read(CAT).replace("\n", "\r").encode())
    c.expect(f"thu-tuc/{BASE_PROC_SLUG}/index.html", "Dự thảo hợp đồng")


@case("yaml")
def yaml_nul_byte(c):
    c.write(CAT, c.read(CAT).replace("ket_qua: Hợp đồng", "ket_qua: Hợp\x00 đồng").encode())


@case("yaml")
def yaml_control_char(c):
    c.write(CAT, c.read(CAT).replace("ket_qua: Hợp đồng", "ket_qua: Hợp\x07 đồng").encode())


@case("yaml")
def yaml_escaped_nul_in_title(c):
    c.replace(CAT, "  - ma: \"2.001035\"\n    ten: Chứng thực giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất, nhà ở",
              "  - ma: \"2.001035\"\n    ten: \"Chứng thực\\0 hợp đồng\\x1b[31m đỏ\"")


@case("yaml")
def yaml_escape_in_unknown_key(c):
    c.replace(CAT, "    ket_qua:", "    \"khoa\\e[2J\\rCONTENT/fake.yml:1:1: error: gia\": 1\n    ket_qua:")


@case("yaml")
def yaml_missing_space_after_colon(c):
    c.replace(CAT, "    ket_qua: Hợp", "    ket_qua:Hợp")


@case("yaml")
def yaml_misindent(c):
    c.replace(CAT, "    ket_qua: Hợp", "     ket_qua: Hợp")


@case("yaml")
def yaml_nbsp_indent(c):
    c.replace(CAT, "    ket_qua: Hợp", "\u00a0\u00a0\u00a0\u00a0ket_qua: Hợp")


@case("yaml")
def yaml_long_value_2mb(c):
    big = "Mô tả dài " * 220_000
    c.replace(CAT, "linh_vuc: Chứng thực\n", f"linh_vuc: Chứng thực\nslug: chung-thuc\n")
    c.replace(CAT, "thu_tuc:\n", f"thu_tuc:\n")
    text = c.read(CAT).replace("    ket_qua: Hợp đồng, giao dịch được chứng thực", f"    ket_qua: \"PROBE-LONG {big}\"")
    c.write(CAT, text)
    c.expect(f"thu-tuc/{BASE_PROC_SLUG}/index.html", "PROBE-LONG")


@case("yaml")
def yaml_long_unknown_key(c):
    c.replace(CAT, "    ket_qua:", "    " + "k" * 200_000 + ": 1\n    ket_qua:")
    c.expect_failure = "a 200,000-character unknown key"


@case("yaml")
def yaml_deep_block_maps(c):
    text = "linh_vuc: Hộ tịch\nmo_ta:\n" + "".join("  " * (i + 1) + f"k{i}:\n" for i in range(3000)) + "  " * 3001 + "x: 1\n"
    c.write("Content/thu-tuc/ho-tich.yml", text)


@case("yaml")
def yaml_deep_flow_maps(c):
    c.write("Content/thu-tuc/ho-tich.yml", "linh_vuc: Hộ tịch\nmo_ta: " + "{a: " * 100_000 + "1" + "}" * 100_000 + "\n")


@case("yaml")
def yaml_line_separator_in_value(c):
    c.replace(CAT, "ket_qua: Hợp đồng", "ket_qua: Hợp\u2028đồng\u2029và\u0085tiếp")
    c.expect(f"thu-tuc/{BASE_PROC_SLUG}/index.html", "Dự thảo hợp đồng")


@case("yaml")
def yaml_top_level_list(c):
    c.write("Content/thu-tuc/ho-tich.yml", "- linh_vuc: Hộ tịch\n- thu_tuc: []\n")


@case("yaml")
def yaml_top_level_scalar_site(c):
    c.write(SITE, "Ủy ban nhân dân xã\n")


@case("yaml")
def yaml_comments_only(c):
    c.write("Content/thu-tuc/ho-tich.yml", "# chỉ có ghi chú\n# linh_vuc: Hộ tịch\n")
    c.expect_noisy = "the catalog file has no `linh_vuc` (required) — an empty file is an error"


@case("yaml")
def yaml_huge_count(c):
    c.replace(CAT, "        ban_chinh: 1\n        ban_sao: 0\n      - ten: Dự", "        ban_chinh: 1000000000000000000000000000000\n        ban_sao: 0\n      - ten: Dự")
    c.expect_failure = "ban_chinh: 10^30"


@case("yaml")
def yaml_hex_octal_counts(c):
    c.replace(CAT, "        ban_chinh: 1\n        ban_sao: 0\n      - ten: Dự", "        ban_chinh: 0x10\n        ban_sao: 0o17\n      - ten: Dự")


@case("yaml")
def yaml_float_count(c):
    c.replace(CAT, "        ban_chinh: 1\n        ban_sao: 0\n      - ten: Dự", "        ban_chinh: 1.5\n        ban_sao: 0\n      - ten: Dự")
    c.expect_failure = "ban_chinh: 1.5"


@case("yaml")
def yaml_fee_exponent(c):
    c.replace(CAT, "le_phi: 50000", "le_phi: 1e9")
    page = c.out / "thu-tuc" / BASE_PROC_SLUG / "index.html"
    c.post = lambda: c.builds[-1].rc == 0 and ">1e9<" in page.read_text(encoding="utf-8") and \
        c.fail("inv3 `le_phi: 1e9` accepted without a word and shown as the text `1e9`, not as 1.000.000.000 đồng")


@case("yaml")
def yaml_fee_infinity(c):
    c.replace(CAT, "le_phi: 50000", "le_phi: .inf")
    c.expect_failure = "le_phi: .inf"


@case("yaml")
def yaml_fee_nan(c):
    c.replace(CAT, "le_phi: 50000", "le_phi: .nan")
    c.expect_failure = "le_phi: .nan"


@case("yaml")
def yaml_fee_huge_integer(c):
    c.replace(CAT, "le_phi: 50000", "le_phi: 99999999999999999999999999")


@case("yaml")
def yaml_fee_dotted_overflow(c):
    c.replace(CAT, "le_phi: 50000", "le_phi: 9.999.999.999.999.999.999.999")


@case("yaml")
def yaml_block_scalar_indicators(c):
    c.replace(CAT, "    trinh_tu: |\n", "    yeu_cau: >+\n      Điều kiện PROBE-FOLD\n\n\n    trinh_tu: |2-\n")
    c.expect(f"thu-tuc/{BASE_PROC_SLUG}/index.html", "PROBE-FOLD", "ký trước mặt")


@case("yaml")
def yaml_alias_as_title_duplicate_slug(c):
    add_catalog(c, "ho-tich.yml", catalog("Hộ tịch", proc("9.000001", "&t Thu tuc trung"), proc("9.000002", "*t")))
    c.expect_failure = "two procedures with one title (one address)"


@case("yaml")
def yaml_timestamp_with_time(c):
    c.replace(CAT, "ngay: 2015-02-16", "ngay: 2015-02-16T10:20:30+07:00")


@case("yaml")
def yaml_quoted_escaped_key(c):
    c.replace(CAT, "    ket_qua: Hợp đồng, giao dịch được chứng thực", "    \"ket_q\\u0075a\": PROBE-ESCKEY")
    c.expect(f"thu-tuc/{BASE_PROC_SLUG}/index.html", "PROBE-ESCKEY")


# ---------------------------------------------------------------------------------------------------------------
# Front matter


@case("frontmatter")
def fm_crlf(c):
    add_guide(c, "crlf.md", md("tieu_de: Bai CRLF\nmo_ta: PROBE-CRLF\n", "Dòng một.\n\n## Mục\n").replace("\n", "\r\n"), "crlf", "Bai CRLF")


@case("frontmatter")
def fm_bom(c):
    add_guide(c, "bom.md", ("\ufeff" + md("tieu_de: Bai BOM\n")).encode(), "bom", "Bai BOM")


@case("frontmatter")
def fm_dots_close(c):
    add_guide(c, "cham.md", "---\ntieu_de: Bai dong bang cham\n...\n\nThân bài.\n", "cham")


@case("frontmatter")
def fm_trailing_space_dashes(c):
    add_guide(c, "dau-cach.md", "--- \ntieu_de: Bai dau cach\n---  \n\nThân bài.\n", "dau-cach", "Bai dau cach")


@case("frontmatter")
def fm_four_dashes(c):
    add_guide(c, "bon-gach.md", "----\ntieu_de: Bai bon gach\n----\n\nThân.\n")


@case("frontmatter")
def fm_empty_block(c):
    add_guide(c, "rong.md", "---\n---\n\nThân bài.\n")
    c.expect_failure = "a guide without `tieu_de`"


@case("frontmatter")
def fm_leading_blank_line(c):
    add_guide(c, "dong-trong.md", "\n" + md("tieu_de: Bai dong trong\n"))


@case("frontmatter")
def fm_block_scalar_with_dashes(c):
    add_guide(c, "khoi.md", "---\ntieu_de: Bai khoi\nmo_ta: |\n  dòng một\n---\n  dòng PROBE-SAU\n---\n\nThân bài.\n", "khoi")


@case("frontmatter")
def fm_list_not_map(c):
    add_guide(c, "danh-sach.md", "---\n- tieu_de\n- Bài\n---\n\nThân.\n")
    c.expect_failure = "a front matter that is a list"


@case("frontmatter")
def fm_title_is_map(c):
    add_guide(c, "bang.md", md("tieu_de: {a: b}\n"))
    c.expect_failure = "tieu_de written as a map"


@case("frontmatter")
def fm_huge_front_matter(c):
    add_guide(c, "lon.md", md("tieu_de: Bai lon\nmo_ta: PROBE-HUGE " + "dài " * 500_000 + "\n"), "lon", "Bai lon")


@case("frontmatter")
def fm_no_body_no_newline(c):
    add_guide(c, "khong-than.md", "---\ntieu_de: Bai khong than\n---", "khong-than", "Bai khong than")


@case("frontmatter")
def fm_only_dashes(c):
    add_guide(c, "chi-gach.md", "---")


@case("frontmatter")
def fm_nul_in_body(c):
    add_guide(c, "nul.md", md("tieu_de: Bai NUL\n", "Trước\x00sau PROBE-NUL.\n").encode())


@case("frontmatter")
def fm_announcement_date_types(c):
    c.write("Content/thong-bao/a.md", md("tieu_de: Thong bao A\nngay: 2026-01-05T08:00:00Z\n"))
    c.write("Content/thong-bao/b.md", md("tieu_de: Thong bao B\nngay: 20260105\n"))
    c.write("Content/thong-bao/c.md", md("tieu_de: Thong bao C\nngay: [2026, 1, 5]\n"))


# ---------------------------------------------------------------------------------------------------------------
# Unicode traps


@case("unicode")
def uni_zero_width_in_key(c):
    c.replace(CAT, "    ket_qua:", "    ket\u200b_qua2: x\n    ket_qua:")
    c.expect_failure = "a key with a zero-width space"


@case("unicode")
def uni_zero_width_in_slug(c):
    add_guide(c, "zw.md", md("tieu_de: Bai ZW\nslug: bai\u200b-zw\n"))


@case("unicode")
def uni_nfd_guide_filename(c):
    add_guide(c, unicodedata.normalize("NFD", "hướng-dẫn-mới.md"), md("tieu_de: Bài NFD\n"))
    c.expect("huong-dan/huong-dan-moi/index.html", "Bài NFD", must=True)


@case("unicode")
def uni_cyrillic_key(c):
    c.replace(CAT, "    ket_qua:", "    kеt_qua: x\n    ket_qua:")
    c.expect_failure = "a key with a Cyrillic е"


@case("unicode")
def uni_cyrillic_slug(c):
    add_guide(c, "kiril.md", md("tieu_de: Bai kiril\nslug: bаi-kiril\n"))
    c.expect_failure = "a slug with a Cyrillic а"


@case("unicode")
def uni_cyrillic_related_code(c):
    c.replace(GUIDE, 'lien_quan: ["2.001035"]', 'lien_quan: ["2.001０35", "2.00103З"]')
    c.expect_failure = "related codes with look-alike digits"


@case("unicode")
def uni_rtl_override_title(c):
    add_catalog(c, "ho-tich.yml", catalog("Hộ tịch", proc("9.000001", "Thu tuc \u202eRTL\u202c PROBE")))
    c.expect_count("thu-tuc/*/index.html", 2)


@case("unicode")
def uni_rtl_in_filename(c):
    add_guide(c, "bai\u202egpj.md", md("tieu_de: Bai RTL\n"))


@case("unicode")
def uni_newline_in_filename(c):
    add_guide(c, "bai\nmoi.md", md("mo_ta: thiếu tiêu đề\n"))
    c.expect_failure = "a guide without `tieu_de`"


@case("unicode")
def uni_colon_in_filename(c):
    add_guide(c, "a:1:2: error: x.md", md("mo_ta: thiếu tiêu đề\n"))
    c.expect_failure = "a guide without `tieu_de`"


@case("unicode")
def uni_emoji_only_title(c):
    add_catalog(c, "ho-tich.yml", catalog("Hộ tịch", proc("9.000001", "\"🏠📄\"")))


@case("unicode")
def uni_overlong_utf8(c):
    c.write(SITE, c.read(SITE).encode().replace(b"tinh:", b"tinh: \xc0\xae\ntinh2:", 1))


@case("unicode")
def uni_encoded_surrogate(c):
    c.write(CAT, c.read(CAT).encode().replace(b"ket_qua: H", b"ket_qua: \xed\xa0\x80H", 1))


@case("unicode")
def uni_control_chars_in_body(c):
    add_guide(c, "dieu-khien.md", md("tieu_de: Bai dieu khien\n", "Chữ\x01\x0b\x0c\x1b[31m đỏ \x7f PROBE-CTRL.\n").encode(), "dieu-khien")


@case("unicode")
def uni_bidi_key(c):
    c.replace(CAT, "    ket_qua:", "    \u202eket_qua: x\n    ket_qua:")
    c.expect_failure = "a key starting with U+202E"


@case("unicode")
def uni_fullwidth_digit_count(c):
    c.replace(CAT, "        ban_chinh: 1\n        ban_sao: 0\n      - ten: Dự", "        ban_chinh: １\n        ban_sao: 0\n      - ten: Dự")
    c.expect_failure = "a full-width digit as a count"


@case("unicode")
def uni_nbsp_in_choice(c):
    c.replace(CAT, "hinh_thuc: truc-tiep", "hinh_thuc: truc\u00a0tiep")


@case("unicode")
def uni_combining_flood(c):
    add_catalog(c, "ho-tich.yml", catalog("Hộ tịch", proc("9.000001", "A" + "\u0301" * 50_000 + " thu tuc")))


# ---------------------------------------------------------------------------------------------------------------
# File types and folders


@case("files")
def file_guide_symlink_outside(c):
    t = c.outside_file("guide.md", md("tieu_de: Bai ngoai\n", f"{ENV.secret}\n"))
    c.symlink("Content/huong-dan/ngoai.md", t)


@case("files")
def file_catalog_symlink_outside(c):
    t = c.outside_file("cat.yml", catalog("Ngoai", proc("9.000001", f"Thu tuc {ENV.secret}")))
    c.symlink("Content/thu-tuc/ngoai.yml", t)


@case("files")
def file_site_symlink_outside(c):
    t = c.outside_file("site.yml", f"ten: UBND {ENV.secret}\n")
    c.symlink(SITE, t)


@case("files")
def file_folder_symlink_outside(c):
    d = c.dir / "outside" / "hd"
    d.mkdir(parents=True)
    (d / "x.md").write_text(md("tieu_de: Bai ngoai\n", ENV.secret + "\n"), encoding="utf-8")
    c.remove("Content/huong-dan")
    c.symlink("Content/huong-dan", d)


@case("files")
def file_symlink_loop(c):
    c.symlink("Content/huong-dan/vong.md", "vong.md")


@case("files")
def file_symlink_dangling(c):
    c.symlink("Content/huong-dan/mat.md", "khong-co-tep.md")


@case("files")
def file_editor_lock_symlink(c):
    c.symlink("Content/huong-dan/.#nop-ho-so.md", "bientap@may.12345:1700000000")
    c.symlink("Content/thu-tuc/.#chung-thuc.yml", "bientap@may.12345:1700000000")
    c.write("Content/huong-dan/nop-ho-so.md~", c.read(GUIDE))
    c.expect("huong-dan/nop-ho-so/index.html")


@case("files")
def file_template_symlink_outside(c):
    t = c.outside_file("page.mustache", "{{> layout}}" + ENV.secret)
    c.symlink("Theme/templates/page.mustache", t)


@case("files")
def file_asset_folder_symlink_outside(c):
    d = c.dir / "outside" / "css"
    d.mkdir(parents=True)
    (d / "x.css").write_text(f"/* {ENV.secret} */", encoding="utf-8")
    c.symlink("Theme/assets/ngoai", d)
    c.expect_noisy = "Theme/assets/ngoai (a folder link) is not published (a real folder is; a file link is an error)"


@case("files")
def file_guide_symlink_devnull(c):
    c.symlink("Content/huong-dan/rong.md", "/dev/null")


@case("files")
def file_form_symlink_devzero(c):
    c.symlink(f"Content/bieu-mau/{FORM}", "/dev/zero")


@case("files")
def file_form_symlink_passwd(c):
    c.symlink("Content/bieu-mau/passwd.pdf", "/etc/passwd")
    c.replace(CAT, "      - ten: Dự thảo hợp đồng, giao dịch\n", "      - ten: Dự thảo hợp đồng, giao dịch\n        bieu_mau: passwd.pdf\n")


@case("files")
def file_fifo_form(c):
    os.mkfifo(c.p("Content/bieu-mau/fifo.pdf"))
    c.timeout = 30


@case("files")
def file_fifo_guide(c):
    os.mkfifo(c.p("Content/huong-dan/fifo.md"))
    c.timeout = 30


@case("files")
def file_fifo_catalog(c):
    os.mkfifo(c.p("Content/thu-tuc/fifo.yml"))
    c.timeout = 30


@case("files")
def file_socket_form(c):
    s = socket.socket(socket.AF_UNIX)
    s.bind(str(c.p("Content/bieu-mau/socket.docx")))
    c._sock = s


@case("files")
def file_empty_guide(c):
    add_guide(c, "rong.md", "")
    c.expect_failure = "an empty guide file"


@case("files")
def file_empty_site(c):
    c.write(SITE, "")
    c.expect_failure = "an empty site.yml"


@case("files")
def file_folder_named_md(c):
    c.p("Content/huong-dan/thu-muc.md").mkdir()
    c.p("Content/bieu-mau/thu-muc.docx").mkdir()


@case("files")
def file_uppercase_md_extension(c):
    add_guide(c, "viet-hoa.MD", md("tieu_de: Bai duoi hoa\n"))
    c.expect("huong-dan/viet-hoa/index.html", "Bai duoi hoa")


@case("files")
def file_markdown_extension(c):
    add_guide(c, "duoi-dai.markdown", md("tieu_de: Bai duoi markdown\n"))
    c.expect("huong-dan/duoi-dai/index.html", "Bai duoi markdown")


@case("files")
def file_yaml_extension_catalog(c):
    add_catalog(c, "ho-tich.yaml", catalog("Hộ tịch", proc("9.000001", "Thu tuc duoi yaml")), "ho-tich",
                {"thu-tuc-duoi-yaml": []})


@case("files")
def file_uppercase_yml_extension(c):
    add_catalog(c, "HO-TICH.YML", catalog("Hộ tịch", proc("9.000001", "Thu tuc duoi hoa")), "ho-tich",
                {"thu-tuc-duoi-hoa": []})


@case("files")
def file_guide_in_subfolder(c):
    add_guide(c, "nhom/con.md", md("tieu_de: Bai thu muc con\n"))
    c.expect("huong-dan/con/index.html", "Bai thu muc con")


@case("files")
def file_unknown_content_folder(c):
    c.write("Content/tin-tuc/a.md", md("tieu_de: Tin tức\n"))
    c.write("Content/gioi-thieu.md", md("tieu_de: Giới thiệu\n"))
    c.expect("tin-tuc/a/index.html")
    c.expect("gioi-thieu/index.html")


@case("files")
def file_form_uppercase_extension(c):
    shutil.copy(c.p(f"Content/bieu-mau/{FORM}"), c.p("Content/bieu-mau/MAU-HOA.DOCX"))
    c.replace(CAT, "      - ten: Dự thảo hợp đồng, giao dịch\n", "      - ten: Dự thảo hợp đồng, giao dịch\n        bieu_mau: MAU-HOA.DOCX\n")
    c.expect("bieu-mau/MAU-HOA.DOCX")


@case("files")
def file_form_odd_name(c):
    name = "Tờ khai (mới) #1 & 'x'.docx"
    shutil.copy(c.p(f"Content/bieu-mau/{FORM}"), c.p(f"Content/bieu-mau/{name}"))
    c.replace(CAT, "      - ten: Dự thảo hợp đồng, giao dịch\n", f"      - ten: Dự thảo hợp đồng, giao dịch\n        bieu_mau: \"{name}\"\n")
    c.expect(f"bieu-mau/{name}", must=True)


@case("files")
def file_form_dotfile_name(c):
    shutil.copy(c.p(f"Content/bieu-mau/{FORM}"), c.p("Content/bieu-mau/.docx"))
    c.replace(CAT, "      - ten: Dự thảo hợp đồng, giao dịch\n", "      - ten: Dự thảo hợp đồng, giao dịch\n        bieu_mau: .docx\n")


@case("files")
def file_big_sparse_forms_zip(c):
    for n in ("lon-1.pdf", "lon-2.pdf"):
        with open(c.p(f"Content/bieu-mau/{n}"), "wb") as f:
            f.truncate(96 * 1024 * 1024)
            f.seek(0)
            f.write(b"%PDF-1.4\n")
    c.replace(CAT, "      - ten: Dự thảo hợp đồng, giao dịch\n",
              "      - ten: Dự thảo hợp đồng, giao dịch\n        bieu_mau: lon-1.pdf\n      - ten: Bản vẽ\n        bieu_mau: lon-2.pdf\n")
    c.expect("bieu-mau/lon-1.pdf")
    c.expect("bieu-mau/lon-2.pdf")


@case("files")
def file_missing_site_yml(c):
    c.remove(SITE)
    c.expect_failure = "a site without site.yml"


@case("files")
def file_missing_content(c):
    c.remove("Content")
    c.expect_failure = "a root without Content/"


@case("files")
def file_site_yml_is_folder(c):
    c.remove(SITE)
    c.p(SITE).mkdir()
    c.expect_failure = "site.yml being a folder"


@case("files")
def file_section_is_a_file(c):
    c.remove("Content/huong-dan")
    c.write("Content/huong-dan", "không phải thư mục\n")
    c.expect_noisy = "Content/huong-dan is a file, not a folder, and is ignored"


# ---------------------------------------------------------------------------------------------------------------
# --output values


def _usr_file(c, rel="user/ghi-chu.txt"):
    c.write(rel, "tệp của người dùng PROBE-USER\n")
    return c.p(rel)


@case("output")
def out_is_content(c):
    c.build(output=c.p("Content"))


@case("output")
def out_is_root(c):
    c.build(output=c.root)


@case("output")
def out_inside_content(c):
    c.build(output=c.p("Content/thu-tuc"))


@case("output")
def out_is_theme_assets(c):
    c.build(output=c.p("Theme/assets"))


@case("output")
def out_user_folder(c):
    f = _usr_file(c)
    c.build(output=f.parent)
    if not f.exists():
        c.fail("inv4 the user's file in the output folder was deleted")


@case("output")
def out_regular_file(c):
    f = _usr_file(c, "user.txt")
    c.build(output=f)
    if not f.is_file():
        c.fail("inv4 the regular file given as --output was replaced")


@case("output")
def out_dev_null(c):
    c.build(output="/dev/null")
    import stat as _st
    if not _st.S_ISCHR(os.stat("/dev/null").st_mode):
        c.fail("inv4 /dev/null is no longer a character device")


@case("output")
def out_under_proc(c):
    c.build(output="/proc/motcua-probe-out")


@case("output")
def out_parent_is_file(c):
    f = _usr_file(c, "cha.txt")
    c.build(output=f / "Output")


@case("output")
def out_trailing_dot(c):
    c.build(output=str(c.out) + "/.")


@case("output")
def out_dotdot(c):
    c.build(output=str(c.out) + "/..")


@case("output")
def out_empty_string(c):
    c.allow_usage = True
    c.build(output="")


@case("output")
def out_symlink_to_output(c):
    link = c.dir / "lien-ket"
    os.symlink(c.out, link)
    c.build(output=link)
    if not os.path.islink(link) and not (link / ".motcua-output").exists():
        c.fail("inv4 the symlink given as --output was replaced by something else")


@case("output")
def out_symlink_to_content(c):
    link = c.dir / "lien-ket"
    os.symlink(c.p("Content"), link)
    c.build(output=link)


@case("output")
def out_newline_in_name(c):
    c.build(output=c.dir / "Out\nput")


@case("output")
def out_deep_new_path(c):
    r = c.build(output=c.dir / "a" / "b" / "c" / "Out")
    if r.rc == 0 and not (c.dir / "a/b/c/Out/index.html").exists():
        c.fail("inv3 exit 0 but the new output has no index.html")


@case("output")
def out_mount_point(c):
    mnt = c.dir / "mnt"
    mnt.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(mnt)],
                                            capture_output=True).returncode != 0:
        c.build()  # cannot mount here: an ordinary build instead
        return
    try:
        r1 = c.build(output=mnt)
        if r1.rc == 0:
            c.replace(CAT, "le_phi: 50000", "le_phi: 60000")
            c.build(output=mnt)
    finally:
        subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


# ---------------------------------------------------------------------------------------------------------------
# Concurrent and interrupted builds


def _parallel(c, n, outputs):
    procs = [c.run(output=o) for o in outputs]
    results = [c.finish(p, DEFAULT_TIMEOUT, ["--output", str(o)]) for p, o in zip(procs, outputs)]
    for r, o in zip(results, outputs):
        c.builds.append(r)
        c.check_build(r, Path(o), None, c.site_manifest())
        if r.rc != 0:
            c.fail(f"concurrent build into {Path(o).name} failed: {r.head()}")


@case("concurrency")
def conc_two_same_output(c):
    c.replace(CAT, "le_phi: 50000", "le_phi: 60000")
    _parallel(c, 2, [c.out, c.out])
    c.expect(f"thu-tuc/{BASE_PROC_SLUG}/index.html", "60.000")


@case("concurrency")
def conc_four_same_output(c):
    _parallel(c, 4, [c.out] * 4)


@case("concurrency")
def conc_outputs_same_parent(c):
    outs = [c.dir / "A", c.dir / "B", c.dir / "C"]
    c.extra_outputs += outs
    _parallel(c, 3, outs)


@case("concurrency")
def conc_killed_then_rebuild(c):
    c.write("Content/huong-dan/lon.md", md("tieu_de: Bai lon\n", ("Đoạn văn dài. " * 2000 + "\n\n") * 200))
    p = c.run()
    time.sleep(0.15)
    try:
        os.killpg(p.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    p.communicate()
    c.build()
    c.expect("huong-dan/lon/index.html")


@case("concurrency")
def conc_build_while_editing(c):
    p = c.run()
    for i in range(20):
        c.write(f"Content/huong-dan/moi-{i}.md", md(f"tieu_de: Bai moi {i}\n"))
        time.sleep(0.005)
    r = c.finish(p, DEFAULT_TIMEOUT, [])
    c.builds.append(r)
    c.check_lines(r, "[during edit] ")
    if r.rc not in (0, 1):
        c.fail(f"inv1 build during edits: exit {r.rc}")
    c.build()
    for i in range(20):
        c.expect(f"huong-dan/moi-{i}/index.html", f"Bai moi {i}")


# ---------------------------------------------------------------------------------------------------------------
# Theme templates


@case("theme")
def theme_partial_traversal(c):
    t = c.outside_file("lo.mustache", ENV.secret)
    rel = os.path.relpath(t.with_suffix(""), c.p("Theme/templates"))
    c.write("Theme/templates/page.mustache", c.read("Theme/templates/page.mustache") + "{{> " + rel + "}}")


@case("theme")
def theme_partial_absolute(c):
    t = c.outside_file("tuyet-doi.mustache", ENV.secret)
    c.write("Theme/templates/page.mustache", c.read("Theme/templates/page.mustache") + "{{> " + str(t.with_suffix("")) + "}}")


@case("theme")
def theme_deep_sections(c):
    n = 30_000
    c.write("Theme/templates/page.mustache", "{{#a}}" * n + "x" + "{{/a}}" * n + c.read("Theme/templates/page.mustache"))


@case("theme")
def theme_long_partial_chain(c):
    for i in range(400):
        c.write(f"Theme/templates/chuoi-{i}.mustache", f"{{{{> chuoi-{i + 1}}}}}")
    c.write("Theme/templates/chuoi-400.mustache", "PROBE-CHAIN")
    c.write("Theme/templates/page.mustache", c.read("Theme/templates/page.mustache") + "{{> chuoi-0}}")


@case("theme")
def theme_unused_self_partial(c):
    c.write("Theme/templates/tu-goi.mustache", "{{#muc}}{{> tu-goi}}{{/muc}}")


@case("theme")
def theme_set_delimiters(c):
    c.write("Theme/templates/page.mustache", "{{=<% %>=}}" + c.read("Theme/templates/page.mustache"))


@case("theme")
def theme_invalid_utf8(c):
    c.write("Theme/templates/page.mustache", c.read("Theme/templates/page.mustache").encode() + b"\xff\xfe")


@case("theme")
def theme_missing_required(c):
    c.remove("Theme/templates/procedure.mustache")
    c.expect_failure = "a theme without procedure.mustache"


@case("theme")
def theme_templates_is_file(c):
    c.remove("Theme/templates")
    c.write("Theme/templates", "không phải thư mục\n")
    c.expect_failure = "Theme/templates being a file"


@case("theme")
def theme_missing(c):
    c.remove("Theme")


@case("theme")
def theme_huge_template(c):
    c.write("Theme/templates/page.mustache", c.read("Theme/templates/page.mustache") + ("<p>{{tieu_de}}</p>\n" * 1_000_000))


@case("theme")
def theme_unclosed_section_eof(c):
    c.write("Theme/templates/page.mustache", c.read("Theme/templates/page.mustache") + "{{#khong_dong}}")
    c.expect_failure = "an unclosed section"


@case("theme")
def theme_unknown_variable_and_comment(c):
    c.write("Theme/templates/page.mustache", "{{! ghi chú {{ lồng }} }}{{khong_co}}{{{khong_co_2}}}{{&x}}" + c.read("Theme/templates/page.mustache"))


# ---------------------------------------------------------------------------------------------------------------
# site.yml


@case("site")
def site_http_base_url(c):
    c.write(SITE, c.read(SITE) + "base_url: http://xa.example.gov.vn/\n")


@case("site")
def site_javascript_urls(c):
    c.write(SITE, c.read(SITE) + "base_url: javascript:alert(1)//\ncong_tinh: \"javascript:alert('PROBE-XSS')\"\n")
    c.expect_failure = "javascript: as base_url / cong_tinh"


@case("site")
def site_file_url_portal(c):
    c.replace(SITE, "cong_dich_vu_cong: https://dichvucong.gov.vn", "cong_dich_vu_cong: file:///etc/passwd")


@case("site")
def site_lookup_odd(c):
    c.write(SITE, c.read(SITE) + "tra_cuu: \"https://x.gov.vn/tra?ma={ma_ho_so}&b={ma_ho_so}#{ma_ho_so}\"\n")


@case("site")
def site_speech_rate_extremes(c):
    c.write(SITE, c.read(SITE) + "phat_thanh:\n  toc_do: 99999999999999999999\n  ten_goi:\n    \"https://x.vn/a\": X\n    \"\": rỗng\n    a.vn: [danh, sach]\n")
    c.expect_failure = "toc_do out of 60–400"


@case("site")
def site_name_1mb(c):
    c.replace(SITE, "ten: ", "ten: PROBE-TEN " + "Ủy ban " * 150_000 + "#")
    c.expect("index.html", "PROBE-TEN")


@case("site")
def site_html_script_allowed(c):
    c.write(SITE, c.read(SITE).replace("muc_do: nd42", "muc_do: nd42\ncho_phep_html: true"))
    add_guide(c, "html.md", md("tieu_de: Bai HTML\n",
        "<script>alert('PROBE-XSS')</script>\n\n<img src=x onerror=\"alert('PROBE-XSS')\">\n\n"
        "<a href=\"javascript:alert('PROBE-XSS')\">a</a> <a href=\"JaVaScRiPt&#58;alert('PROBE-XSS')\">b</a>\n\n"
        "<svg><script>alert('PROBE-XSS')</script></svg><iframe src=\"data:text/html,PROBE-XSS\"></iframe>\n\n"
        "<scr<script>ipt>alert('PROBE-XSS')</scr</script>ipt>\n\n<div style=\"background:url(javascript:x)\">PROBE-OK</div>\n"),
        "html", "PROBE-OK")
    c.post = lambda: _no_script(c)


def _no_script(c):
    for p in c.out.rglob("*.html"):
        t = p.read_text(encoding="utf-8", errors="replace")
        for bad in ("alert('PROBE-XSS')</script", "onerror=", "javascript:alert", "JaVaScRiPt", "data:text/html"):
            if bad in t:
                c.fail(f"safety: {p.relative_to(c.out)} keeps {bad!r} with cho_phep_html: true")
                return


@case("site")
def site_html_outside_refs(c):
    c.write(SITE, c.read(SITE).replace("muc_do: nd42", "muc_do: nd42\ncho_phep_html: true"))
    t = c.outside_file("secret.txt", ENV.secret)
    add_guide(c, "html-ngoai.md", md("tieu_de: Bai HTML ngoai\n",
        f"<img src=\"{os.path.relpath(t, c.p('Content/huong-dan'))}\">\n\n<a href=\"file:///etc/passwd\">p</a>\n\n"
        f"<img src=\"/../../../../../../etc/passwd\"> <a href=\"{t}\">s</a>\n"))


@case("site")
def site_html_deep_nesting(c):
    c.write(SITE, c.read(SITE).replace("muc_do: nd42", "muc_do: nd42\ncho_phep_html: true"))
    add_guide(c, "sau.md", md("tieu_de: Bai sau\n", "<div>" * 100_000 + "PROBE-DEEP" + "</div>" * 100_000 + "\n"))


@case("site")
def site_html_unclosed_comment(c):
    c.write(SITE, c.read(SITE).replace("muc_do: nd42", "muc_do: nd42\ncho_phep_html: true"))
    add_guide(c, "chu-thich.md", md("tieu_de: Bai chu thich\n", "Trước PROBE-BEFORE\n\n<!-- không đóng\n\n<script>alert('PROBE-XSS')</script>\n"), "chu-thich", "PROBE-BEFORE")
    c.post = lambda: _no_script(c)


@case("site")
def site_legacy_levels(c):
    c.replace(SITE, "muc_do: nd42", "muc_do: legacy")
    add_catalog(c, "ho-tich.yml", catalog("Hộ tịch",
        *[proc(f"9.00000{i}", f"Thu tuc muc {i}", f"    muc_do: {i}\n") for i in (1, 2, 3, 4)]))


@case("site")
def site_bool_words(c):
    c.write(SITE, c.read(SITE) + "cho_phep_html: \"true; rm -rf /\"\n")
    c.expect_failure = "cho_phep_html: \"true; rm -rf /\""


# ---------------------------------------------------------------------------------------------------------------
# Markdown


@case("markdown")
def md_40000_links_one_line(c):
    add_guide(c, "lien-ket.md", md("tieu_de: Bai nhieu lien ket\n", " ".join(f"[l{i}](/thu-tuc/)" for i in range(40_000)) + "\n"), "lien-ket")


@case("markdown")
def md_2mb_one_line(c):
    add_guide(c, "dong-dai.md", md("tieu_de: Bai dong dai\n", "PROBE-LINE " + "chữ *nghiêng* `mã` " * 100_000 + "\n"), "dong-dai", "PROBE-LINE")


@case("markdown")
def md_deep_blockquote(c):
    add_guide(c, "trich.md", md("tieu_de: Bai trich dan\n", ">" * 50_000 + " sâu\n"))


@case("markdown")
def md_deep_list(c):
    add_guide(c, "danh-sach.md", md("tieu_de: Bai danh sach\n", "".join("  " * i + "- mục\n" for i in range(5000))))


@case("markdown")
def md_link_etc_passwd(c):
    add_guide(c, "passwd.md", md("tieu_de: Bai passwd\n", "[mật khẩu](../../../../../../../../etc/passwd) và ![ảnh](/etc/passwd)\n"))


@case("markdown")
def md_link_outside_secret(c):
    t = c.outside_file("secret.md", md("tieu_de: Bi mat\n", ENV.secret + "\n"))
    add_guide(c, "ngoai.md", md("tieu_de: Bai ngoai\n", f"[bí mật]({os.path.relpath(t, c.p('Content/huong-dan'))}) [tuyệt đối]({t})\n"))
    c.expect_failure = "links to a file outside the site"


@case("markdown")
def md_link_file_scheme(c):
    add_guide(c, "file.md", md("tieu_de: Bai file\n", "[a](file:///etc/passwd) <file:///etc/shadow>\n"))


@case("markdown")
def md_link_encoded_traversal(c):
    add_guide(c, "ma-hoa.md", md("tieu_de: Bai ma hoa\n",
        "[a](%2e%2e/%2e%2e/%2e%2e/etc/passwd) [b](..%2f..%2f..%2fetc%2fpasswd) [c](/bieu-mau/..%2F..%2F..%2Fetc%2Fpasswd)\n"))


@case("markdown")
def md_link_form_traversal(c):
    t = c.outside_file("secret.docx", ENV.secret)
    add_guide(c, "bm.md", md("tieu_de: Bai bieu mau\n", f"[mẫu](/bieu-mau/../../{t.parent.name}/{t.name}) [m2](../bieu-mau/../../../outside/secret.docx)\n"))


@case("markdown")
def md_link_to_yml_file(c):
    add_guide(c, "yml.md", md("tieu_de: Bai yml\n", "[danh mục](../thu-tuc/chung-thuc.yml) [site](../site.yml)\n"))


@case("markdown")
def md_link_to_draft(c):
    add_guide(c, "nhap.md", md("tieu_de: Bai nhap\nnhap: true\n"))
    add_guide(c, "tro-nhap.md", md("tieu_de: Bai tro nhap\n", "[nháp](nhap.md)\n"))
    c.expect_failure = "a link to a draft"


@case("markdown")
def md_link_javascript_entity(c):
    add_guide(c, "js.md", md("tieu_de: Bai js\n", "[a](jav&#x09;ascript:alert(1)) [b](JAVASCRIPT:alert(1)) [c](<javascript:alert(1)>)\n"))
    c.expect_failure = "javascript: links"


@case("markdown")
def md_many_reference_definitions(c):
    body = "".join(f"[r{i}]: /thu-tuc/\n" for i in range(20_000)) + "\n" + " ".join(f"[x][r{i}]" for i in range(0, 20_000, 7)) + "\n"
    add_guide(c, "tham-chieu.md", md("tieu_de: Bai tham chieu\n", body))


@case("markdown")
def md_wide_table(c):
    n = 3000
    body = "|" + "|".join(f"c{i}" for i in range(n)) + "|\n|" + "---|" * n + "\n|" + "x|" * n + "\n"
    add_guide(c, "bang.md", md("tieu_de: Bai bang rong\n", body), "bang")


@case("markdown")
def md_duplicate_headings_anchor(c):
    add_guide(c, "muc.md", md("tieu_de: Bai muc\n", "## Mục\n\n## Mục\n\n## Mục\n\n[ba](#muc-2) [bốn](#muc-3)\n"))


@case("markdown")
def md_footnotes_and_html_entities(c):
    add_guide(c, "chu-thich.md", md("tieu_de: Bai chu thich\n", "Câu[^1] &#0; &#x110000; &#xD800; &amp;\n\n[^1]: Ghi chú PROBE-FN.\n"), "chu-thich")


@case("markdown")
def md_huge_autolink(c):
    add_guide(c, "tu-dong.md", md("tieu_de: Bai tu dong\n", "<https://dichvucong.gov.vn/" + "a" * 300_000 + ">\n"))


@case("markdown")
def md_link_in_procedure_steps(c):
    c.replace(CAT, "      4. Ghi vào Sổ", "      4. Xem [mật khẩu](../../../../etc/passwd) và [x](/khong-co/), ghi vào Sổ")
    c.expect_failure = "broken links in trinh_tu"


# ---------------------------------------------------------------------------------------------------------------
# Dates and numbers


@case("numbers")
def date_extreme_years(c):
    c.write("Content/thong-bao/a.md", md("tieu_de: Thong bao a\nngay: 9999-12-31\n"))
    c.write("Content/thong-bao/b.md", md("tieu_de: Thong bao b\nngay: 0001-01-01\n"))
    c.write("Content/thong-bao/c.md", md("tieu_de: Thong bao c\nngay: 2000-02-29\n"))
    c.expect("thong-bao/a/index.html")
    c.expect("thong-bao/c/index.html")


@case("numbers")
def date_bad_years(c):
    c.write("Content/thong-bao/a.md", md("tieu_de: Thong bao a\nngay: 10000-01-01\n"))
    c.write("Content/thong-bao/b.md", md("tieu_de: Thong bao b\nngay: 0000-00-00\n"))
    c.write("Content/thong-bao/c.md", md("tieu_de: Thong bao c\nngay: 1900-02-29\n"))
    c.write("Content/thong-bao/d.md", md("tieu_de: Thong bao d\nngay: 99999999999999999999-01-01\n"))
    c.expect_failure = "impossible dates"


@case("numbers")
def date_cli_extremes(c):
    c.write("Content/thong-bao/a.md", md("tieu_de: Thong bao a\nngay: 9999-12-25\nphat_thanh:\n  so_tuan: 520\n  so_lan_moi_tuan: 70\n"))
    c.build("--date", "9999-12-31")
    c.build("--date", "0001-01-01")


@case("numbers")
def date_cli_invalid(c):
    c.allow_usage = True
    c.build("--date", "2026-02-30")
    c.build("--date", "99999999999999999999-01-01")


@case("numbers")
def num_order_overflow(c):
    c.replace(GUIDE, "thu_tu: 1", "thu_tu: 18446744073709551616")
    c.expect_failure = "thu_tu: 2^64"


@case("numbers")
def num_order_negative(c):
    c.replace(GUIDE, "thu_tu: 1", "thu_tu: -1")
    c.expect_failure = "thu_tu: -1"


@case("numbers")
def radio_max_schedule(c):
    body = "Kính thưa bà con! " + "UBND xã TT, CT, TB thông báo https://dichvucong.gov.vn/a số 1.234.567 ngày 05/01/2026. " * 2000
    c.write("Content/thong-bao/dai.md", md("tieu_de: Thong bao dai\nngay: 2026-01-01\nphat_thanh:\n  muc_uu_tien: khan-cap\n  so_tuan: 520\n  so_lan_moi_tuan: 70\n", body))
    c.build("--date", "2026-06-01")
    c.expect("thong-bao/dai/phat-thanh.txt", must=True)


@case("numbers")
def radio_start_before_epoch(c):
    c.write("Content/thong-bao/cu.md", md("tieu_de: Thong bao cu\nngay: 1900-01-01\nphat_thanh:\n  bat_dau: 1899-12-31\n  so_tuan: 0\n  so_lan_moi_tuan: 0\n"))


@case("numbers")
def abbrev_regex_keys(c):
    c.write("Content/viet-tat.yml", "\".*\": mọi thứ\n\"(\": mở ngoặc\n\"[\": ngoặc vuông\n\"\\\\\": gạch\n\"$1\": đô la\nUBND: ủy ban\n")
    c.write("Content/thong-bao/a.md", md("tieu_de: Thong bao a\nngay: 2026-01-05\nphat_thanh:\n  so_tuan: 1\n", "UBND (xã) [a] \\ $1 .* thông báo.\n"))
    c.expect("thong-bao/a/phat-thanh.txt", "y ban (xã)")


@case("numbers")
def abbrev_many_and_odd(c):
    c.write("Content/viet-tat.yml", "".join(f"VT{i}: viết tắt {i}\n" for i in range(20_000)) + "\"\": rỗng\n\" \": cách\n")


@case("numbers")
def abbrev_file_is_list(c):
    c.write("Content/viet-tat.yml", "- UBND: ủy ban\n")
    c.expect_failure = "viet-tat.yml as a list"


# ---------------------------------------------------------------------------------------------------------------
# Silent loss


@case("loss")
def loss_fifty_procedures(c):
    procs = [proc(f"9.{i:06d}", f"Thu tuc so {i}", f"    ho_so:\n      - Giấy PROBE-DOC-{i}-A\n      - ten: Giấy PROBE-DOC-{i}-B\n        ban_chinh: 2\n")
             for i in range(50)]
    add_catalog(c, "ho-tich.yml", catalog("Hộ tịch", *procs), "ho-tich",
                {f"thu-tuc-so-{i}": [f"PROBE-DOC-{i}-A", f"PROBE-DOC-{i}-B"] for i in range(50)})
    c.expect_count("thu-tuc/*/index.html", 51)


@case("loss")
def loss_document_groups(c):
    add_catalog(c, "ho-tich.yml", catalog("Hộ tịch", proc("9.000001", "Thu tuc nhom",
        "    ho_so:\n      - truong_hop: Trường hợp PROBE-TH1\n        giay_to:\n          - Giấy PROBE-G1\n          - ten: Giấy PROBE-G2\n"
        "      - truong_hop: Trường hợp PROBE-TH2\n        giay_to: [Giấy PROBE-G3]\n")), None,
        {"thu-tuc-nhom": ["PROBE-TH1", "PROBE-TH2", "PROBE-G1", "PROBE-G2", "PROBE-G3"]})


@case("loss")
def loss_short_forms(c):
    add_catalog(c, "ho-tich.yml", catalog("Hộ tịch", proc("9.000001", "Thu tuc gon",
        "    doi_tuong: Công dân PROBE-DT\n    mien_le_phi: Hộ nghèo PROBE-MLP\n    can_cu: [PROBE-CC/2015/NĐ-CP]\n"
        "    nhan_ket_qua: truc-tiep\n    ho_so: Giấy PROBE-HS\n")), None,
        {"thu-tuc-gon": ["PROBE-DT", "PROBE-MLP", "PROBE-CC", "PROBE-HS"]})


@case("loss")
def loss_same_field_two_files(c):
    add_catalog(c, "ct2.yml", catalog("Chứng thực", proc("9.000001", "Thu tuc file hai")), None,
                {"thu-tuc-file-hai": []})
    c.expect_count("thu-tuc/*/index.html", 2)


@case("loss")
def loss_punctuation_title(c):
    add_catalog(c, "ho-tich.yml", catalog("Hộ tịch", proc("9.000001", "\"!!! ??? ...\"")))


@case("loss")
def loss_guide_slug_collision(c):
    add_guide(c, "bai-a.md", md("tieu_de: Bai A\nslug: nop-ho-so\n"))
    c.expect_failure = "two guides at /huong-dan/nop-ho-so/"


@case("loss")
def loss_free_pages_special_names(c):
    c.write("Content/trang/404.md", md("tieu_de: Trang 404 PROBE\n"))
    c.write("Content/trang/index.md", md("tieu_de: Trang index PROBE\n"))
    c.write("Content/trang/sitemap.md", md("tieu_de: Trang sitemap PROBE\n"))
    c.expect("404/index.html", "Trang 404 PROBE")
    c.expect("index/index.html", "Trang index PROBE")
    c.expect("sitemap/index.html", "Trang sitemap PROBE")


@case("loss")
def loss_thirty_announcements(c):
    for i in range(30):
        c.write(f"Content/thong-bao/tb-{i}.md", md(f"tieu_de: Thong bao so {i}\nngay: 2026-01-{i % 28 + 1:02d}\n"))
        c.expect(f"thong-bao/tb-{i}/index.html", f"Thong bao so {i}")


@case("loss")
def loss_draft_words(c):
    add_guide(c, "co.md", md("tieu_de: Bai nhap co\nnhap: có\n"))
    add_guide(c, "khong.md", md("tieu_de: Bai nhap khong\nnhap: \"không\"\n"), "khong", "Bai nhap khong")
    c.post = lambda: (c.out / "huong-dan/co/index.html").exists() and c.fail("a draft (`nhap: có`) was published")


@case("loss")
def loss_drafts_flag(c):
    add_guide(c, "nhap.md", md("tieu_de: Bai nhap PROBE\nnhap: true\n"))
    c.build("--drafts")
    c.expect("huong-dan/nhap/index.html", "Bai nhap PROBE")


@case("loss")
def loss_strict_clean(c):
    add_catalog(c, "ho-tich.yml", catalog("Hộ tịch", proc("9.000001", "Thu tuc nghiem",
        "    muc_do: mot-phan\n    nop_truc_tuyen: https://dichvucong.gov.vn/nop\n")), None, {"thu-tuc-nghiem": []})
    c.build("--strict")


# ---------------------------------------------------------------------------------------------------------------
# Diagnostic format (the brief's form, separate from the invariants above)


@case("format")
def diag_severity_word_as_documented(c):
    # The editors' guide (and every tool that jumps to `path:line:col`) reads `error:` / `warning:`.
    c.replace(CAT, "    ket_qua:", "    tne: x\n    ket_qua:")
    r = c.build()
    lines = [l for l in r.stderr.splitlines() if not l.startswith("motcua:") and (LOCATED_RE.match(l) or FILE_LEVEL_RE.match(l))]
    if not lines:
        c.fail("format: the unknown key drew no located line")
    for l in lines:
        if not re.search(r":\d+:\d+: (error|warning): ", l):
            c.fail(f"format: not `path:line:col: error|warning: …`: {l[:160]}")
            break


@case("format")
def diag_file_level_has_position(c):
    shutil.copy(c.p(f"Content/bieu-mau/{FORM}"), c.p("Content/bieu-mau/khong-dung.docx"))
    c.write("Content/bieu-mau/anh.png", b"\x89PNG\r\n")
    r = c.build()
    for l in r.stderr.splitlines():
        if FILE_LEVEL_RE.match(l) and not LOCATED_RE.match(l) and not l.startswith("motcua:"):
            c.fail(f"format: file-level diagnostic without `:1:1`: {l[:160]}")
            break


# ---------------------------------------------------------------------------------------------------------------
# Runner


def prepare(keep: bool) -> None:
    ENV.work = Path(tempfile.mkdtemp(prefix="motcua-probe-"))
    ENV.outside = ENV.work / "outside-shared"
    ENV.outside.mkdir()
    ENV.secret = "PROBE-SECRET-" + hashlib.sha1(os.urandom(8)).hexdigest()[:12]
    (ENV.outside / "secret.txt").write_text(ENV.secret + "\n", encoding="utf-8")
    ENV.base = ENV.work / "base"
    r = subprocess.run([str(ENV.bin), "new", str(ENV.base)], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"motcua new failed: {r.stderr}")
    r = subprocess.run([str(ENV.bin), "build", "--root", str(ENV.base), "--quiet"], capture_output=True, text=True,
                       env=dict(os.environ, NO_COLOR="1"))
    if r.returncode != 0 or r.stderr.strip():
        sys.exit(f"the fresh sample site does not build cleanly: exit {r.returncode}\n{r.stderr}")
    if not (ENV.base / "Output" / "thu-tuc" / BASE_PROC_SLUG / "index.html").is_file():
        sys.exit("probe out of date: the sample procedure page is not where expected")


def run_case(name: str, category: str, fn) -> tuple[str, str, list[str], float]:
    t0 = time.monotonic()
    c = None
    try:
        c = Ctx(name)
        c.post = None
        fn(c)
        if not c.builds:
            c.build()
        c.check_expectations()
        if c.post:
            c.post()
        if getattr(c, "_sock", None):
            c._sock.close()
    except Exception as e:  # a bug in the probe is a failure too, never a pass
        (c.failures if c else []).append(f"probe error: {e!r}")
        if ENV.verbose:
            traceback.print_exc()
        if c is None:
            return name, category, [f"probe error: {e!r}"], time.monotonic() - t0
    fails = list(dict.fromkeys(c.failures))
    detail = [b.head(2) for b in c.builds[-1:]] if fails or ENV.verbose else []
    if not ENV.keep:
        shutil.rmtree(c.dir, ignore_errors=True)
    return name, category, fails + (["output: " + d for d in detail]), time.monotonic() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default=".build/release/motcua")
    ap.add_argument("--only", help="comma-separated case names")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--keep", action="store_true", help="keep the temporary folders")
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()
    if a.list:
        for name, cat, fn in CASES:
            print(f"{cat:12} {name}")
        print(f"{len(CASES)} cases")
        return 0
    ENV.bin = Path(a.bin).resolve()
    ENV.verbose = a.verbose
    ENV.keep = a.keep
    if not ENV.bin.is_file():
        sys.exit(f"no binary at {ENV.bin}; build it with `swift build -c release --product motcua`")
    cases = CASES
    if a.only:
        want = set(a.only.split(","))
        cases = [x for x in CASES if x[0] in want]
        missing = want - {x[0] for x in cases}
        if missing:
            sys.exit(f"unknown case(s): {', '.join(sorted(missing))}")
    t0 = time.monotonic()
    prepare(a.keep)
    results = []
    lock = threading.Lock()
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, a.jobs)) as ex:
        futs = {ex.submit(run_case, *x): x[0] for x in cases}
        for f in concurrent.futures.as_completed(futs):
            name, cat, fails, secs = f.result()
            with lock:
                results.append((name, cat, fails, secs))
                real = [x for x in fails if not x.startswith("output: ")]
                if real:
                    print(f"FAIL {name} [{cat}] ({secs:.1f}s): " + " ; ".join(fails), flush=True)
                else:
                    print(f"PASS {name} [{cat}] ({secs:.1f}s)" + (" ; " + " ; ".join(fails) if fails else ""), flush=True)
    if not a.keep:
        shutil.rmtree(ENV.work, ignore_errors=True)
    else:
        print(f"kept {ENV.work}")
    order = {n: i for i, (n, _, _) in enumerate(CASES)}
    results.sort(key=lambda r: order[r[0]])
    cats: dict[str, list[int]] = {}
    for name, cat, fails, _ in results:
        real = [x for x in fails if not x.startswith("output: ")]
        cats.setdefault(cat, [0, 0])[0 if not real else 1] += 1
    npass = sum(v[0] for v in cats.values())
    nfail = sum(v[1] for v in cats.values())
    print()
    print("by category: " + ", ".join(f"{k} {v[0]}/{v[0] + v[1]}" for k, v in cats.items()))
    print(f"summary: {len(results)} cases, {npass} pass, {nfail} fail, {time.monotonic() - t0:.0f} s")
    if nfail:
        print("failing: " + ", ".join(r[0] for r in results if [x for x in r[2] if not x.startswith('output: ')]))
    return 1 if nfail else 0


if __name__ == "__main__":
    sys.exit(main())
