#!/usr/bin/env python3
"""End-to-end checks of `motcua serve`, as an editor meets it: a real server on 127.0.0.1 and a real
headless Chromium.

  * the server prints its URL, serves pages with the right types, refuses traversal, and a second
    server on the same port fails with one line and exit code 1;
  * in the browser: a page open on a guide shows an edited guide's new text within 2 s, without the
    test reloading it; a broken catalog file brings up the overlay naming its file and line; fixing
    the file removes the overlay;
  * under load: 1,000 concurrent connections from wrk for a bounded time, every response a 200 and
    no socket error, and the traversal attempts still a 404 afterwards;
  * Ctrl-C (SIGINT) stops the server cleanly, also while new connections keep arriving.

Called from run_quality.py (PASS/FAIL lines counted into its totals), or alone:

    python3 Tests/quality/test_preview.py            # the checks
    python3 Tests/quality/test_preview.py --bench    # save → reload-event times (use a release binary)
    python3 Tests/quality/test_preview.py --bench --site DIR   # the same on another site (first guide edited)

The binary is MOTCUA_BIN, else the first motcua found under .build*/debug or .build*/release.
"""
from __future__ import annotations

import http.client
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
GUIDE = "Content/huong-dan/tra-cuu-ho-so.md"
GUIDE_URL = "huong-dan/tra-cuu-ho-so/"
CATALOG = "Content/thu-tuc/ho-tich.yml"
START_TIMEOUT = 60
RELOAD_LIMIT = 2.0


class Results:
    """The same interface as run_quality.Results, for running this file alone."""

    def __init__(self) -> None:
        self.passed = 0
        self.failed = 0

    def record(self, name: str, problems: list[str]) -> None:
        if problems:
            self.failed += 1
            print(f"FAIL {name}: " + "\n  ".join(problems), flush=True)
        else:
            self.passed += 1
            print(f"PASS {name}", flush=True)


def find_binary() -> Path:
    env = os.environ.get("MOTCUA_BIN")
    candidates = [Path(env)] if env else []
    for kind in ("debug", "release"):
        candidates += [REPO / f".build/{kind}/motcua"] + sorted(REPO.glob(f".build-*/{kind}/motcua"))
    for path in candidates:
        if path.is_file() and os.access(path, os.X_OK):
            return path
    sys.exit("test_preview: motcua binary not found (set MOTCUA_BIN or run `swift build --product motcua`)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def copy_site(workdir: Path) -> None:
    for folder in ("Content", "Theme"):
        shutil.copytree(REPO / folder, workdir / folder)


COMMUNES = {"an-phu": "An Phú", "an-hung": "An Hưng", "tien-lang": "Tiên Lãng"}


def make_province(workdir: Path) -> None:
    """The sample as a province: its catalog, guides and forms shared by three communes; an-phu keeps the
    sample's site.yml, announcements and pages, the two others have a site.yml of their own."""
    copy_site(workdir)
    content = workdir / "Content"
    for slug, name in COMMUNES.items():
        (content / "xa" / slug).mkdir(parents=True)
        if slug != "an-phu":
            (content / "xa" / slug / "site.yml").write_text(f"ten: Ủy ban nhân dân xã {name}\n", "utf-8")
    for entry in ("site.yml", "thong-bao", "trang"):
        shutil.move(str(content / entry), str(content / "xa" / "an-phu" / entry))
    (content / "tinh.yml").write_text("ten: Thành phố Hải Phòng\ncong_dich_vu_cong: https://dichvucong.gov.vn\n", "utf-8")


def save(path: Path, text: str) -> None:
    """Writes as editors do: a temporary file renamed over the original."""
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, "utf-8")
    os.replace(temporary, path)


class Server:
    """`motcua serve` on a free port of 127.0.0.1, with its output collected."""

    def __init__(self, binary: Path, root: Path, port: int | None = None) -> None:
        self.port = port or free_port()
        self.process = subprocess.Popen(
            [str(binary), "serve", "--root", str(root), "--port", str(self.port), "--host", "127.0.0.1"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
        )
        self.lines: list[str] = []
        self.ready = threading.Event()
        threading.Thread(target=self._read, args=(self.process.stdout,), daemon=True).start()
        threading.Thread(target=self._read, args=(self.process.stderr,), daemon=True).start()

    def _read(self, stream) -> None:
        for line in stream:
            self.lines.append(line.rstrip("\n"))
            if f"http://127.0.0.1:{self.port}/" in line:
                self.ready.set()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def wait_ready(self) -> bool:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline and self.process.poll() is None:
            if self.ready.wait(0.1):
                return True
        return False

    def stop(self) -> int | None:
        """SIGINT, as Ctrl-C; the exit code, or None if it had to be killed."""
        if self.process.poll() is not None:
            return self.process.returncode
        self.process.send_signal(signal.SIGINT)
        try:
            return self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            return None


def get(port: int, path: str, method: str = "GET") -> tuple[int, dict[str, str], bytes]:
    """A raw request: http.client sends the path as given, so `..` reaches the server undecoded."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request(method, path)
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        conn.close()


# ---------------------------------------------------------------- HTTP


def check_http(server: Server, results: Results, when: str = "") -> None:
    problems = []
    for path, status, ctype in (
        ("/", 200, "text/html; charset=utf-8"),
        (f"/{GUIDE_URL}", 200, "text/html; charset=utf-8"),
        ("/assets/style.css", 200, "text/css; charset=utf-8"),
        ("/robots.txt", 200, "text/plain; charset=utf-8"),
        ("/bieu-mau/to-khai-dang-ky-khai-sinh.docx", 200,
         "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("/bieu-mau/danh-sach-khai-bao-luu-tru.xlsx", 200,
         "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("/khong-co-trang-nay/", 404, "text/html; charset=utf-8"),
    ):
        got, headers, _ = get(server.port, path)
        if got != status or headers.get("content-type") != ctype:
            problems.append(f"{path}: {got} {headers.get('content-type')} (expected {status} {ctype})")
    results.record(f"serve: pages, assets, forms and 404 with their content types{when}", problems)

    problems = []
    for path in ("/../Content/site.yml", "/%2e%2e/Content/site.yml", "/%2e%2e%2fContent%2fsite.yml",
                 "/assets/../../Content/site.yml", "/assets/%2e%2e/%2e%2e/Content/site.yml", "//etc/passwd",
                 "/%2Fetc%2Fpasswd", "/../../../../../../etc/passwd", "/assets/..%5c..%5cContent%5csite.yml"):
        got, _, body = get(server.port, path)
        if got != 404 or b"muc_do:" in body or b"root:x:" in body:
            problems.append(f"{path}: status {got}")
    results.record(f"serve: traversal attempts are a 404{when}", problems)


def check_port_in_use(binary: Path, root: Path, server: Server, results: Results) -> None:
    proc = subprocess.run([str(binary), "serve", "--root", str(root), "--port", str(server.port)],
                          capture_output=True, text=True, timeout=60)
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    problems = []
    if proc.returncode != 1:
        problems.append(f"exit code {proc.returncode}, expected 1")
    if len(lines) != 1 or str(server.port) not in lines[0]:
        problems.append("stderr should be one line naming the port: " + " | ".join(lines))
    results.record("serve: a port in use is a one-line error, exit code 1", problems)


STOP_ROUNDS = 3


def check_stop_while_connecting(binary: Path, root: Path, results: Results) -> None:
    """Ctrl-C while new connections keep arriving. A connection accepted but not yet served when the
    server stops must be closed, not dropped: NIO traps on a dropped one (before the fix, 23 of 25 rounds)."""
    problems = []
    for round_number in range(STOP_ROUNDS):
        server = Server(binary, root)
        if not server.wait_ready():
            problems.append(f"round {round_number + 1}: no URL printed")
            server.stop()
            continue
        done = threading.Event()

        def connect() -> None:
            held: list[socket.socket] = []
            while not done.is_set():
                sock = socket.socket()
                sock.setblocking(False)
                sock.connect_ex(("127.0.0.1", server.port))
                held.append(sock)
                if len(held) > 200:
                    for each in held:
                        each.close()
                    held.clear()
            for each in held:
                each.close()

        threads = [threading.Thread(target=connect) for _ in range(6)]
        for thread in threads:
            thread.start()
        time.sleep(0.2 + 0.15 * round_number)
        started = time.monotonic()
        code = server.stop()
        took = time.monotonic() - started
        done.set()
        for thread in threads:
            thread.join()
        if code != 0:
            problems.append(f"round {round_number + 1}: exit code {code}: " + " | ".join(crash_lines(server.lines)))
        elif took > 3:
            problems.append(f"round {round_number + 1}: took {took:.1f} s to stop")
    results.record(f"serve: Ctrl-C while connections keep arriving stops cleanly ({STOP_ROUNDS} rounds)", problems)


# ---------------------------------------------------------------- load

LOAD_CONNECTIONS = 1000
LOAD_SECONDS = 5
LOAD_PATHS = ("/", f"/{GUIDE_URL}", "/assets/style.css", "/thu-tuc/", "/bieu-mau/to-khai-dang-ky-khai-sinh.docx")


def run_wrk(port: int) -> tuple[int, dict[str, int], int]:
    """(requests, socket errors by kind, non-2xx responses) from wrk, whose connections cycle over
    LOAD_PATHS. wrk holds LOAD_CONNECTIONS open at once, for LOAD_SECONDS."""
    script = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False)
    paths = ", ".join(f'"{p}"' for p in LOAD_PATHS)
    script.write(f"local paths = {{{paths}}}\nlocal i = 0\n"
                 "request = function()\n  i = i % #paths + 1\n  return wrk.format(nil, paths[i])\nend\n")
    script.close()
    try:
        proc = subprocess.run(
            ["wrk", "-t2", f"-c{LOAD_CONNECTIONS}", f"-d{LOAD_SECONDS}s", "--timeout", "5s", "-s", script.name,
             f"http://127.0.0.1:{port}/"],
            capture_output=True, text=True, timeout=LOAD_SECONDS + 60)
    finally:
        os.unlink(script.name)
    out = proc.stdout
    requests = int(m.group(1)) if (m := re.search(r"(\d+) requests in", out)) else 0
    errors = {}
    if m := re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out):
        errors = {k: int(v) for k, v in zip(("connect", "read", "write", "timeout"), m.groups()) if int(v)}
    non2xx = int(m.group(1)) if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", out)) else 0
    if proc.returncode != 0 or not requests:
        errors["wrk"] = proc.returncode or 1
        print(out, proc.stderr, sep="\n", flush=True)
    return requests, errors, non2xx


def check_load(server: Server, results: Results) -> None:
    if shutil.which("wrk") is None:
        results.record("serve: 1,000 concurrent connections", ["wrk is not installed (make test installs it)"])
        return
    requests, errors, non2xx = run_wrk(server.port)
    problems = []
    if errors:
        problems.append(f"socket errors: {errors}")
    if non2xx:
        problems.append(f"{non2xx} responses were not 200")
    if requests < LOAD_CONNECTIONS:
        problems.append(f"only {requests} requests answered")
    if server.process.poll() is not None:
        problems.append(f"the server stopped (exit code {server.process.returncode})")
    results.record(f"serve: {LOAD_CONNECTIONS:,} concurrent connections for {LOAD_SECONDS} s, "
                   f"{requests:,} requests, every one a 200", problems)


# ---------------------------------------------------------------- browser


def start_browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
    driver.set_page_load_timeout(20)
    return driver


def wait_for(condition, timeout: float) -> tuple[bool, float]:
    """Polls every 20 ms; (met, seconds waited)."""
    start = time.monotonic()
    while True:
        try:
            if condition():
                return True, time.monotonic() - start
        except Exception:  # noqa: BLE001 - the page may be between two loads
            pass
        if time.monotonic() - start > timeout:
            return False, time.monotonic() - start
        time.sleep(0.02)


def overlay_violations(driver) -> list[str]:
    """Serious or critical axe-core violations inside the error overlay."""
    from selenium_axe_python import Axe

    axe = Axe(driver)
    axe.inject()
    # Both are pasted into JavaScript as they are: the selector needs its quotes.
    found = axe.run(context="'#motcua-overlay'", options=(
        "{runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'best-practice']}, resultTypes: ['violations']}"))
    return [f"{v['id']} ({v['impact']}): {v['help']}" for v in found["violations"]
            if v.get("impact") in ("serious", "critical")]


def check_browser(server: Server, root: Path, results: Results) -> None:
    from selenium.webdriver.common.by import By

    try:
        driver = start_browser()
    except Exception as error:  # noqa: BLE001 - report any start-up failure as a failed check
        results.record("preview: browser starts", [str(error).splitlines()[0]])
        return
    guide = root / GUIDE
    catalog = root / CATALOG
    try:
        driver.get(server.url + GUIDE_URL)
        driver.execute_script("window.__motcuaTestMarker = 1")
        new_title = "Tra cứu hồ sơ — bản sửa để thử"
        original = guide.read_text("utf-8")
        # Let the page's event stream connect before the change.
        wait_for(lambda: driver.execute_script("return document.readyState") == "complete", 5)
        time.sleep(0.3)
        save(guide, original.replace("tieu_de: Tra cứu tình trạng hồ sơ", f"tieu_de: {new_title}"))
        met, took = wait_for(lambda: new_title in driver.find_element(By.TAG_NAME, "h1").text, RELOAD_LIMIT)
        reloaded_itself = met and driver.execute_script("return window.__motcuaTestMarker === undefined")
        results.record(f"preview: an edited guide shows its new text within {RELOAD_LIMIT:.0f} s ({took:.2f} s)",
                       [] if met and reloaded_itself else ["the page did not show the new title in time"])

        text = catalog.read_text("utf-8")
        lines = text.splitlines()
        line = next(i for i, l in enumerate(lines, 1) if l.strip() == "muc_do: toan-trinh")
        save(catalog, text.replace("    muc_do: toan-trinh", "    muc_do: sai-muc-do", 1))
        expected = f"{CATALOG}:{line}:"
        met, took = wait_for(lambda: expected in driver.find_element(By.ID, "motcua-overlay").text, RELOAD_LIMIT)
        problems = [] if met else [f"no overlay naming {expected}"]
        if met:
            overlay = driver.find_element(By.ID, "motcua-overlay")
            if overlay.get_attribute("role") not in ("alertdialog", "alert"):
                problems.append(f"overlay role is {overlay.get_attribute('role')}")
            if "Nội dung có lỗi" not in overlay.text:
                problems.append("overlay heading missing")
            if driver.execute_script("return getComputedStyle(arguments[0]).position", overlay) != "fixed":
                problems.append("overlay is not fixed")
            if new_title not in driver.find_element(By.TAG_NAME, "h1").text:
                problems.append("the last good page is no longer shown")
        results.record(f"preview: a broken catalog file shows the overlay with its file and line ({took:.2f} s)", problems)
        if met:
            try:
                violations = overlay_violations(driver)
            except Exception as error:  # noqa: BLE001 - a failing check, not a crash of the whole run
                violations = [f"axe did not run: {str(error).splitlines()[0]}"]
            results.record("preview: axe finds no serious problem in the overlay", violations)

        # A page opened while the content is broken shows the overlay at once.
        driver.get(server.url)
        met, _ = wait_for(lambda: expected in driver.find_element(By.ID, "motcua-overlay").text, RELOAD_LIMIT)
        results.record("preview: a page opened while content is broken shows the overlay", [] if met else ["no overlay"])

        save(catalog, text)
        met, took = wait_for(lambda: not driver.find_elements(By.ID, "motcua-overlay")
                             and driver.execute_script("return document.readyState") == "complete", RELOAD_LIMIT)
        results.record(f"preview: fixing the file removes the overlay ({took:.2f} s)", [] if met else ["overlay still shown"])
    finally:
        driver.quit()


def check_province_browser(binary: Path, results: Results) -> None:
    """`serve --root PROVINCE`: a shared procedure edited once reaches every commune's open page, each
    reloading by itself; the province page's search finds a commune typed without diacritics."""
    from selenium.webdriver.common.by import By

    with tempfile.TemporaryDirectory(prefix="motcua-province-") as tmp:
        root = Path(tmp)
        make_province(root)
        server = Server(binary, root)
        driver = None
        try:
            if not server.wait_ready():
                results.record("province serve: starts", ["no URL printed: " + " | ".join(server.lines[-5:])])
                return
            try:
                driver = start_browser()
            except Exception as error:  # noqa: BLE001 - report any start-up failure as a failed check
                results.record("province serve: browser starts", [str(error).splitlines()[0]])
                return
            driver.get(server.url)
            box = driver.find_element(By.ID, "tim-xa")
            box.send_keys("an hung")
            met, _ = wait_for(lambda: [e.text for e in driver.find_elements(By.CSS_SELECTOR, "#cac-xa > li h3") if e.is_displayed()]
                              == ["Ủy ban nhân dân xã An Hưng"], RELOAD_LIMIT)
            results.record("province page: typing `an hung` leaves only xã An Hưng", [] if met else ["the list was not filtered"])
            windows = {}
            for slug in COMMUNES:
                driver.switch_to.new_window("tab")
                driver.get(server.url + f"{slug}/thu-tuc/dang-ky-khai-sinh/")
                wait_for(lambda: driver.execute_script("return document.readyState") == "complete", 10)
                driver.execute_script("window.__motcuaTestMarker = 1")
                windows[slug] = driver.current_window_handle
            time.sleep(0.5)
            catalog = root / CATALOG
            new_name = "Đăng ký khai sinh — bản sửa chung"
            save(catalog, catalog.read_text("utf-8").replace("ten: Đăng ký khai sinh\n", f"ten: {new_name}\n", 1))
            late = []
            start = time.monotonic()
            for slug, handle in windows.items():
                driver.switch_to.window(handle)
                met, _ = wait_for(lambda: new_name in driver.find_element(By.TAG_NAME, "h1").text
                                  and driver.execute_script("return window.__motcuaTestMarker === undefined"), RELOAD_LIMIT * 3)
                if not met:
                    late.append(f"{slug}: the open page did not reload with the new name")
            took = time.monotonic() - start
            results.record(f"province serve: one shared edit reloads every open commune page ({took:.2f} s for 3)", late)
            # A commune's own edit reloads its open page; another commune's page keeps what it shows.
            for handle in windows.values():
                driver.switch_to.window(handle)
                driver.execute_script("window.__motcuaTestMarker = 2")
            site_yml = root / "Content/xa/an-hung/site.yml"
            save(site_yml, site_yml.read_text("utf-8").replace("xã An Hưng", "xã An Hưng mới"))
            driver.switch_to.window(windows["an-hung"])
            reloaded, _ = wait_for(lambda: "An Hưng mới" in driver.page_source
                                   and driver.execute_script("return window.__motcuaTestMarker === undefined"), RELOAD_LIMIT * 3)
            time.sleep(1.0)
            driver.switch_to.window(windows["tien-lang"])
            kept = driver.execute_script("return window.__motcuaTestMarker === 2")
            results.record("province serve: a commune's own edit reloads its page and leaves another commune's alone",
                           ([] if reloaded else ["an-hung's open page did not reload"])
                           + ([] if kept else ["tien-lang's open page reloaded for an edit of an-hung"]))
        finally:
            if driver is not None:
                driver.quit()
            code = server.stop()
            results.record("province serve: Ctrl-C stops it cleanly (exit code 0)",
                           [] if code == 0 else [f"exit code {code}: " + " | ".join(crash_lines(server.lines))])


# ---------------------------------------------------------------- entry points


def run_preview_checks(binary: Path, results: Results) -> None:
    """All checks; called from run_quality.py."""
    with tempfile.TemporaryDirectory(prefix="motcua-preview-") as tmp:
        root = Path(tmp)
        copy_site(root)
        server = Server(binary, root)
        try:
            ready = server.wait_ready()
            results.record("serve: starts and prints its URL",
                           [] if ready else ["no URL printed: " + " | ".join(server.lines[-5:])])
            if not ready:
                return
            check_http(server, results)
            check_load(server, results)
            check_http(server, results, " (after the load)")
            check_port_in_use(binary, root, server, results)
            check_stop_while_connecting(binary, root, results)
            check_browser(server, root, results)
        finally:
            code = server.stop()
            results.record("serve: Ctrl-C stops it cleanly (exit code 0)",
                           [] if code == 0 else [f"exit code {code}: " + " | ".join(crash_lines(server.lines))])
    check_province_browser(binary, results)


def crash_lines(lines: list[str]) -> list[str]:
    """What says why a process died (Swift's backtracer prints the reason first, then long image lists)."""
    reasons = [l for l in lines if re.search(r"Fatal error|Crash|BUG IN|Thread \d+ crashed|^\d+ .* in ", l)]
    return (reasons[:12] or []) + lines[-3:]


def measure(binary: Path, runs: int = 15, site: Path | None = None) -> tuple[list[float], list[float]]:
    """Milliseconds from a guide's save to the reload event on an open event stream, and the
    rebuild times the server printed for the same saves. `site` (a folder with Content/ and Theme/)
    defaults to the repository's sample; its first guide is the one edited."""
    global START_TIMEOUT
    with tempfile.TemporaryDirectory(prefix="motcua-bench-") as tmp:
        root = Path(tmp)
        if site is None:
            copy_site(root)
            guide = root / GUIDE
        else:
            for folder in ("Content", "Theme"):
                shutil.copytree(site / folder, root / folder)
            guide = sorted((root / "Content/huong-dan").glob("*.md"))[0]
            START_TIMEOUT = 600
        server = Server(binary, root)
        times = []
        try:
            if not server.wait_ready():
                sys.exit("test_preview: server did not start: " + " | ".join(server.lines[-5:]))
            sock = socket.create_connection(("127.0.0.1", server.port), timeout=10)
            sock.sendall(f"GET /__motcua/events HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\n\r\n".encode())
            buffer = b""
            while b"event: state" not in buffer:
                buffer += sock.recv(65536)
            original = guide.read_text("utf-8")
            for i in range(runs):
                buffer = b""
                time.sleep(0.3)
                start = time.perf_counter()
                save(guide, original + f"\nĐoạn sửa thử số {i}.\n")
                while b"event: reload" not in buffer:
                    buffer += sock.recv(65536)
                times.append((time.perf_counter() - start) * 1000)
            sock.close()
        finally:
            server.stop()
        rebuilds = [float(m.group(1)) for line in server.lines if (m := re.search(r"trong (\d+) ms sau khi sửa", line))]
        return times, rebuilds


def measure_province(binary: Path, site: Path, runs: int = 5, open_pages: int | None = None) -> dict[str, list[float]]:
    """A province in serve mode, every commune opened first (each is built when first asked for), and a
    page of `open_pages` communes (all when None) listening for reloads, as browser tabs do: the server's
    rebuild milliseconds for a commune's edited announcement, and for an edited shared procedure, which
    every commune shows (the communes with an open page are built again at once, the others when next
    asked for); with the milliseconds from each save to the reload event."""
    global START_TIMEOUT
    with tempfile.TemporaryDirectory(prefix="motcua-bench-province-") as tmp:
        root = Path(tmp)
        for folder in ("Content", "Theme"):
            shutil.copytree(site / folder, root / folder)
        communes = sorted(p.name for p in (root / "Content/xa").iterdir() if (p / "site.yml").exists())
        announcement = sorted((root / "Content/xa" / communes[0] / "thong-bao").glob("*.md"))[0]
        catalog = sorted((root / "Content/thu-tuc").glob("*.yml"))[0]
        START_TIMEOUT = 600
        server = Server(binary, root)
        figures: dict[str, list[float]] = {"announcement": [], "announcement reload": [], "procedure": [], "procedure reload": []}
        try:
            if not server.wait_ready():
                sys.exit("test_preview: server did not start: " + " | ".join(server.lines[-5:]))
            for slug in communes:
                get(server.port, f"/{slug}/")
            listeners = []
            for slug in communes[:len(communes) if open_pages is None else open_pages]:
                listener = socket.create_connection(("127.0.0.1", server.port), timeout=120)
                listener.sendall(f"GET /__motcua/events?page=%2F{slug}%2F HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\n\r\n".encode())
                listeners.append(listener)
            sock = listeners[0]
            buffer = b""
            while b"event: state" not in buffer:
                buffer += sock.recv(65536)
            for kind, path, edit in (
                ("announcement", announcement, lambda text, i: text + f"\nĐoạn sửa thử số {i}.\n"),
                # A procedure's name: on its page, its field's page and the lists of every commune.
                ("procedure", catalog, lambda text, i: re.sub(r"(\n    ten: )", rf"\1Sửa {i} ", text, count=1)),
            ):
                original = path.read_text("utf-8")
                for i in range(runs):
                    before = len(server.lines)
                    time.sleep(0.5)
                    # Events of the last rebuild (the restored file's) may still wait in the socket.
                    sock.settimeout(0.2)
                    try:
                        while sock.recv(65536):
                            pass
                    except (socket.timeout, BlockingIOError):
                        pass
                    sock.settimeout(120)
                    buffer = b""
                    start = time.perf_counter()
                    save(path, edit(original, i))
                    while b"event: reload" not in buffer:
                        buffer += sock.recv(65536)
                    figures[kind + " reload"].append((time.perf_counter() - start) * 1000)
                    deadline = time.monotonic() + 60
                    while time.monotonic() < deadline:
                        found = [float(m.group(1)) for line in server.lines[before:] if (m := re.search(r"trong (\d+) ms sau khi sửa", line))]
                        if found:
                            figures[kind].append(found[0])
                            break
                        time.sleep(0.01)
                save(path, original)
                time.sleep(3.0)
            for listener in listeners:
                listener.close()
        finally:
            server.stop()
        return figures


def main() -> int:
    binary = find_binary()
    if "--bench" in sys.argv:
        site = Path(sys.argv[sys.argv.index("--site") + 1]) if "--site" in sys.argv else None
        times, rebuilds = measure(binary, site=site)
        print(f"{binary}: save → reload event, {len(times)} saves: median {statistics.median(times):.0f} ms, "
              f"min {min(times):.0f} ms, max {max(times):.0f} ms; of which rebuild (server's count): "
              f"median {statistics.median(rebuilds or [0]):.0f} ms; load average {os.getloadavg()[0]:.1f}")
        return 0
    results = Results()
    run_preview_checks(binary, results)
    print(f"{results.passed} passed, {results.failed} failed")
    return 1 if results.failed else 0


if __name__ == "__main__":
    sys.exit(main())
