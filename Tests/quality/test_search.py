"""Search as a citizen meets it: typed into the page in headless Chromium, from file:// and over HTTP.

Called by run_quality.py; records PASS/FAIL lines into the same totals.
"""
from __future__ import annotations

import functools
import json
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote

REPO = Path(__file__).resolve().parents[2]
FOLD_CASES = REPO / "Tests" / "MotCuaKitTests" / "Search" / "fold-cases.json"

# (what a citizen types, text the first result's title must contain)
QUERIES = [
    ("dang ky khai sinh", "Đăng ký khai sinh"),   # no diacritics, đ typed as d
    ("Đăng ký khai sinh", "Đăng ký khai sinh"),   # with diacritics
    ("1.001193", "Đăng ký khai sinh"),            # a procedure code
    ("khai si", "khai sinh"),                     # a partial syllable
    ("hoà giải", "Hòa giải"),                     # old tone placement
    ("thuong tru", "thường trú"),
    ("tam tru toi da 2 nam", "tạm trú"),          # the record writes "tối đa 02 năm": 02 = 2
]

# (text, its search words): numbers lose their leading zeros, codes keep their inner ones; the same cases as
# SearchFoldTests.tokensDropLeadingZerosOfNumbers on the Swift side.
TOKEN_CASES = [
    ("mức độ 02", ["muc", "do", "2"]),
    ("0 00 007 0.5 00.5 000.001 02a a02", ["0", "0", "7", "0.5", "0.5", "0.001", "2a", "a02"]),
    ("Mẫu số 01, ngày 01/07/2025", ["mau", "so", "1", "ngay", "1", "7", "2025"]),
    ("1.001193 2.000815.000.00.00.H38", ["1.001193", "2.000815.000.00.00", "h38"]),
]


def first_result(driver, query: str, timeout: float = 3.0) -> tuple[str | None, str]:
    """Types the query into the page's search box; returns the first result's title and the status text."""
    from selenium.webdriver.common.by import By

    box = driver.find_element(By.ID, "q")
    box.clear()
    box.send_keys(query)
    # Results follow typing after a short debounce; let the last keystroke's results replace the previous ones.
    time.sleep(0.5)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        titles = driver.find_elements(By.CSS_SELECTOR, "#search-results .search-title")
        status = driver.find_elements(By.CSS_SELECTOR, "#search-results .search-status")
        if titles and status and status[0].text.strip():
            return titles[0].text, status[0].text
        time.sleep(0.05)
    return None, ""


def check_queries(driver, results, url: str, label: str) -> None:
    driver.get(url)
    for query, expected in QUERIES:
        title, status = first_result(driver, query)
        problems = []
        if title is None:
            problems.append("no result appeared within 3 s")
        elif expected.lower() not in title.lower():
            problems.append(f"first result is {title!r}, expected one containing {expected!r}")
        if title is not None and "Tìm thấy" not in status:
            problems.append(f"result count not announced (status {status!r})")
        results.record(f"search {label}: {query!r}", problems)


def check_fold_cases(driver, results) -> None:
    cases = json.loads(FOLD_CASES.read_text(encoding="utf-8"))
    got = driver.execute_script(
        "return arguments[0].map(function (c) { return window.MotCuaSearch.fold(c[0]); });", cases)
    problems = [f"fold({c[0]!r}) = {g!r}, Swift says {c[1]!r}" for c, g in zip(cases, got) if g != c[1]]
    results.record(f"search: browser folding matches Swift on {len(cases)} shared cases", problems)


def check_token_cases(driver, results) -> None:
    got = driver.execute_script(
        "return arguments[0].map(function (c) { var s = window.MotCuaSearch; return s.tokens(s.fold(c[0])); });",
        TOKEN_CASES)
    problems = [f"tokens({c[0]!r}) = {g!r}, expected {c[1]!r}" for c, g in zip(TOKEN_CASES, got) if g != c[1]]
    results.record(f"search: browser words match Swift on {len(TOKEN_CASES)} number cases", problems)


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep the test output readable
        pass


def run_search_checks(output: Path, results, start_browser) -> None:
    try:
        driver = start_browser()
    except Exception as error:  # noqa: BLE001
        results.record("search: browser starts", [str(error).splitlines()[0]])
        return
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(output)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        page = output / "tim-kiem" / "index.html"
        check_queries(driver, results, page.as_uri(), "from file://")
        check_fold_cases(driver, results)
        check_token_cases(driver, results)
        port = server.server_address[1]
        check_queries(driver, results, f"http://127.0.0.1:{port}/tim-kiem/index.html", "over http")
        # A query in the address (the header form on every page submits here) shows results at once.
        driver.get(f"http://127.0.0.1:{port}/tim-kiem/index.html?q={quote('dang ky ket hon')}")
        from selenium.webdriver.common.by import By
        deadline = time.monotonic() + 3
        titles = []
        while time.monotonic() < deadline and not titles:
            titles = driver.find_elements(By.CSS_SELECTOR, "#search-results .search-title")
            time.sleep(0.05)
        fallback_hidden = driver.execute_script(
            "var f = document.getElementById('search-fallback'); return !f || f.hidden;")
        problems = []
        if not titles or "kết hôn" not in titles[0].text.lower():
            problems.append(f"first result {titles[0].text if titles else None!r}")
        if not fallback_hidden:
            problems.append("the no-JavaScript catalog list stays visible under the results")
        results.record("search: ?q= in the address shows results", problems)
    finally:
        server.shutdown()
        driver.quit()
