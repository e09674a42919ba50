"""What a planner feels, measured in a real headless Chromium (selenium).

Opens a headless Chromium on an empty page with a fresh profile (a planner's browser is already
running: its start-up is reported on its own line, not counted), starts the app on a free port (a
cold server process each round), waits for ``/_stcore/health``, asks for the page at once and
times from that moment:

* first board text (the page title), the headline cards, the board complete (the target
  table drawn and the script finished);
* slider moves on 情景设置: the time from a key press to the headline metric showing the new
  value (the first move and the following ones);
* a shared link opened in a fresh page load: the time until its board is complete;
* the server start itself (launch to healthy), since ``--launcher serve`` does the first
  visitor's work before it listens.

Next to each wall time it reads the server process's CPU time over the same span (from
``/proc``), which moves far less with the machine's load than the wall time does.

``--app DIR`` (repeatable) serves another checkout of the project as well, for a before/after
comparison: the rounds alternate between the checkouts, so both see the same load.
``--server-side`` adds the script's own time per run, without a browser: Streamlit's AppTest
runs the app in this process and a timer takes the wall and CPU time of the first run, of a
board rerun and of a slider move (median of ``--runs``).

Usage: ``python bench/bench_browser.py [--rounds N] [--moves M] [--app DIR] [--server-side]``.
Needs Debian's chromium, chromium-driver and selenium (see tests/app/test_browser.py). Prints
Markdown tables with the load average, since timings on a shared machine move with its load.
"""

from __future__ import annotations

import argparse
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WAIT = 90
#: A slider move not shown by then counts as lost (its key press missed the redrawn slider).
MOVE_WAIT = 30


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


#: How the server is started: as ``make app`` does (the warming launcher) or plain ``streamlit run``.
LAUNCHERS = {"serve": ["-m", "ui.serve"], "plain": ["-m", "streamlit", "run", "streamlit_app.py"]}


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of process ``pid`` so far [s] (Linux ``/proc``; 0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def tree_cpu_seconds(pid: int) -> float:
    """CPU time of process ``pid`` and all its descendants, living or reaped [s] (the browser:
    chromedriver and every Chromium process under it)."""
    parents: dict[int, int] = {}
    times: dict[int, float] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        child = int(stat.parent.name)
        parents[child] = int(fields[1])
        times[child] = sum(int(f) for f in fields[11:15]) / os.sysconf("SC_CLK_TCK")
    tree, grew = {pid}, True
    while grew:
        more = {c for c, p in parents.items() if p in tree} - tree
        tree |= more
        grew = bool(more)
    return sum(times.get(p, 0.0) for p in tree)


def start_server(port: int, log: Path, launcher: str = "serve",
                 app: Path = ROOT) -> tuple[subprocess.Popen, float, float]:
    """The app in checkout ``app`` on ``port``; returns the process, the wall-clock time it
    answered healthy [s since the epoch] and the seconds from launch to that moment."""
    launched = time.monotonic()
    env = {**os.environ, "FYP_APP_SAVE": "0", "PYTHONPATH": str(app)}
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, *LAUNCHERS[launcher], "--server.headless", "true",
             "--server.port", str(port), "--browser.gatherUsageStats", "false"],
            cwd=app, stdout=out, stderr=subprocess.STDOUT, env=env)
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(log.read_text(errors="replace")[-2000:])
        try:
            if urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2).read() == b"ok":
                return proc, time.time(), time.monotonic() - launched
        except OSError:
            pass
        time.sleep(0.05)
    proc.kill()
    raise RuntimeError("the app did not start")


def browser(profile: str):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                f"--user-data-dir={profile}", "--window-size=1440,2200", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"):
        options.add_argument(arg)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


#: Waits inside the page for a condition (JavaScript) and answers the wall-clock moment it became
#: true [ms since the epoch], or null after ``wait`` seconds. The page checks on every change of
#: the document and every 50 ms by itself, so waiting costs no WebDriver round trips: polling
#: from outside cost the browser more CPU than drawing the page, and slowed what it measured.
WAIT_IN_PAGE = """
const [condition, wait, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
const test = new Function('return Boolean(' + condition + ');');
const check = () => { try { return test(); } catch (e) { return false; } };
if (check()) { done(Date.now()); return; }
let timer, limit;
const observer = new MutationObserver(() => { if (check()) stop(Date.now()); });
const stop = at => { observer.disconnect(); clearInterval(timer); clearTimeout(limit); done(at); };
observer.observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
timer = setInterval(() => { if (check()) stop(Date.now()); }, 50);
limit = setTimeout(() => stop(null), wait * 1000);
"""


def until(driver, condition: str, wait: float = WAIT) -> float:
    """Wait until the JavaScript ``condition`` holds in the page; the wall-clock time it became
    true [s since the epoch, as ``time.time()``]."""
    driver.set_script_timeout(wait + 10)
    while True:  # a page load replaces the document under a waiting script: wait again in the new one
        try:
            at = driver.execute_async_script(WAIT_IN_PAGE, condition, wait)
            break
        except Exception as exc:  # noqa: BLE001 - selenium's error for a script cut off by navigation
            if "unload" not in str(exc) and "navigat" not in str(exc) and "context" not in str(exc):
                raise
    if at is None:
        raise TimeoutError(f"not true within {wait} s: {condition}")
    return at / 1000


def _css(driver, css: str):
    from selenium.webdriver.common.by import By

    return driver.find_elements(By.CSS_SELECTOR, css)


def title_is(text: str) -> str:
    return f"[...document.querySelectorAll('h1')].some(h => h.textContent.includes({text!r}))"


#: Every headline card shows its value (not a grey placeholder).
CARDS = ("(v => v.length >= 6 && v.every(e => e.innerText.trim()))"
         "([...document.querySelectorAll('[data-testid=stMetricValue]')])")

#: The target table is drawn (an HTML table; st.table in checkouts before it), the script has finished,
#: nothing is stale or a placeholder.
BOARD_DONE = (
    "[...document.querySelectorAll('.fyp-table tr, [data-testid=stTable] tr')].some(r => r.textContent.includes('地区生产总值'))"
    " && document.querySelector('[data-testid=stApp]').getAttribute('data-test-script-state') === 'notRunning'"
    " && !document.querySelector('[data-stale=true], [data-testid=stSkeleton]')")

SLIDER = "document.querySelector(\"[class*='st-key-w_gdp_all'] input[type='range']\")"


def metric_shows(text: str) -> str:
    return ("[...document.querySelectorAll('[data-testid=stMetricValue]')]"
            f".some(v => v.innerText.trim() === {text!r})")


def one_round(moves: int, launcher: str, app: Path = ROOT) -> dict:
    """One cold server: each measurement as (wall, server CPU, browser CPU) [s] from its start."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    port = _free_port()
    tmp = Path(tempfile.mkdtemp(prefix="fyp-bench-"))
    # The planner's browser is already open: it is started (fresh profile, empty page) before the
    # server, so its own start-up is neither timed nor competing with the first board.
    launched = time.monotonic()
    driver = browser(str(tmp / "profile"))
    chrome = driver.service.process.pid
    driver.get("about:blank")
    out: dict = {"browser start (not in the figures below)": (time.monotonic() - launched, 0.0,
                                                               tree_cpu_seconds(chrome))}
    try:
        proc, healthy, started = start_server(port, tmp / "server.log", launcher, app)
    except BaseException:
        driver.quit()
        raise
    cpu0 = cpu_seconds(proc.pid)
    out["server start (launch to healthy)"] = (started, cpu0, 0.0)

    def since(t0: float, c0: tuple[float, float], check: str, wait: float = WAIT) -> tuple[float, float, float]:
        wall = until(driver, check, wait=wait) - t0
        return wall, cpu_seconds(proc.pid) - c0[0], tree_cpu_seconds(chrome) - c0[1]

    def cpu_now() -> tuple[float, float]:
        return cpu_seconds(proc.pid), tree_cpu_seconds(chrome)

    try:
        url = f"http://127.0.0.1:{port}"
        cpu0 = (cpu0, tree_cpu_seconds(chrome))
        driver.get(url + "/")
        out["first board text"] = since(healthy, cpu0, title_is("目标总览"))
        out["cards"] = since(healthy, cpu0, CARDS)
        out["board complete"] = since(healthy, cpu0, BOARD_DONE)
        # Slider moves: the one-step GDP slider on the assumptions page, one key press each.
        link = [a for a in _css(driver, "[data-testid='stSidebarNavLink']") if a.text.strip().endswith("情景设置")]
        link[0].click()
        until(driver, title_is("情景设置"))
        until(driver, SLIDER)
        time.sleep(1.0)
        times = []
        for k in range(moves):
            # find and focus the slider (a refused move would redraw it under a new key)
            slider = _css(driver, "[class*='st-key-w_gdp_all'] input[type='range']")[0]
            driver.execute_script("arguments[0].focus()", slider)
            shown = f"{6.5 - 0.1 * (k + 1):.1f}%"
            pressed, c0 = time.time(), cpu_now()
            ActionChains(driver).send_keys(Keys.ARROW_LEFT).perform()
            try:
                times.append(since(pressed, c0, metric_shows(shown), wait=MOVE_WAIT))
            except TimeoutError:  # the key press was lost (the slider was being redrawn): stop moving
                out["lost moves"] = moves - k
                break
            time.sleep(0.3)
        out["slider moves"] = times
        # A shared link in a fresh page load.
        shared = driver.current_url.replace("/assumptions", "/")
        driver.get("about:blank")
        opened, c0 = time.time(), cpu_now()
        driver.get(shared)
        out["shared link complete"] = since(opened, c0, BOARD_DONE)
    finally:
        driver.quit()
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
    return out


#: Rows of the browser table, in order.
ROWS = ("browser start (not in the figures below)", "server start (launch to healthy)", "first board text", "cards",
        "board complete",
        "shared link complete", "first slider move", "later slider moves")


def _values(rounds: list[dict], row: str) -> list[tuple[float, float, float]]:
    if row == "first slider move":
        return [r["slider moves"][0] for r in rounds if r["slider moves"]]
    if row == "later slider moves":
        return [m for r in rounds for m in r["slider moves"][1:]]
    return [r[row] for r in rounds]


def report(results: dict[str, list[dict]]) -> None:
    """One Markdown table: per checkout, the median wall time (range) and the CPU time the server
    and the browser spent over it (medians)."""
    names = list(results)
    print("| measurement | " + " | ".join(f"{n}: wall, median (min–max) | {n}: CPU server + browser"
                                         for n in names) + " |")
    print("|---|" + "---:|---:|" * len(names))
    for row in ROWS:
        cells = []
        for name in names:
            values = _values(results[name], row)
            if not values:
                cells += ["", ""]
                continue
            walls = [v[0] for v in values]
            cells += [f"{statistics.median(walls):.2f} s ({min(walls):.2f}–{max(walls):.2f})",
                      f"{statistics.median(v[1] for v in values):.2f} + {statistics.median(v[2] for v in values):.2f} s"]
        print(f"| {row} | " + " | ".join(cells) + " |")


def _timed(fn) -> tuple[float, float]:
    """Wall and CPU seconds of ``fn()`` (CPU of the whole process: AppTest runs the script in a thread)."""
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def server_side(runs: int, warmed: bool, app: Path = ROOT) -> None:
    """The script's own time per run of checkout ``app`` (AppTest, no browser; call it in a
    fresh process): first run, board rerun, slider move."""
    import logging

    logging.disable(logging.WARNING)  # AppTest's bare-mode notices
    sys.path.insert(0, str(app))
    os.chdir(app)
    from streamlit.testing.v1 import AppTest

    if warmed:
        from ui import serve

        serve.warm()
    at = AppTest.from_file(str(app / "streamlit_app.py"), default_timeout=120)
    first = _timed(at.run)
    board = [_timed(at.run) for _ in range(runs)]
    at.switch_page("pages/assumptions.py").run()
    moves = []
    for k in range(runs):
        slider = next(w for w in at.slider if str(w.key).split("__")[0] == "w_gdp_all")
        value = round(6.5 - 0.1 * (k + 1), 1)
        moves.append(_timed(lambda s=slider, v=value: s.set_value(v).run()))
    print(f"Server side of {app} (AppTest, {'after ui.serve.warm()' if warmed else 'cold'}; load average "
          f"{os.getloadavg()[0]:.1f}), median of {runs}:\n")
    print("| script run | wall | CPU |")
    print("|---|---:|---:|")
    print(f"| first run of a session | {first[0] * 1000:.0f} ms | {first[1] * 1000:.0f} ms |")
    for name, values in (("board rerun", board), ("slider move (assumptions page)", moves)):
        print(f"| {name} | {statistics.median(v[0] for v in values) * 1000:.0f} ms | "
              f"{statistics.median(v[1] for v in values) * 1000:.0f} ms |")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3, help="cold server starts (default 3)")
    ap.add_argument("--moves", type=int, default=6, help="slider moves per round (default 6)")
    ap.add_argument("--launcher", choices=sorted(LAUNCHERS), default="serve",
                    help="serve: `python -m ui.serve` as `make app` runs it (default); plain: `streamlit run`")
    ap.add_argument("--app", action="append", default=[], metavar="DIR",
                    help="another checkout to serve in alternate rounds (before/after)")
    ap.add_argument("--server-side", action="store_true", help="also time the script's runs in AppTest")
    ap.add_argument("--runs", type=int, default=7, help="timed runs of each kind with --server-side (default 7)")
    ap.add_argument("--server-side-of", metavar="DIR", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.server_side_of:
        server_side(args.runs, args.launcher == "serve", Path(args.server_side_of))
        return 0
    apps = {"this": ROOT, **{Path(a).name: Path(a).resolve() for a in args.app}}
    load_before = os.getloadavg()
    results: dict[str, list[dict]] = {name: [] for name in apps}
    for _ in range(args.rounds):  # alternate, so every checkout sees the same load
        for name, path in apps.items():
            results[name].append(one_round(args.moves, args.launcher, path))
    load_after = os.getloadavg()
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
          f"load average (1 min) {load_before[0]:.1f} before, {load_after[0]:.1f} after; "
          f"{args.rounds} cold starts per checkout ({args.launcher} launcher), {args.moves} slider moves each; "
          "checkouts: " + ", ".join(f"{n} = {p}" for n, p in apps.items()) + "\n")
    print("Times from the server answering healthy, when the open browser asks for the page (a slider move: "
          "from the key press; a shared link: "
          "from its page load); CPU time of the server process and of the browser (Chromium and its driver) "
          "over the same span.\n")
    report(results)
    lost = {name: sum(r.get("lost moves", 0) for r in rounds) for name, rounds in results.items()}
    if any(lost.values()):
        print("\nSlider moves lost (key press not shown within "
              f"{MOVE_WAIT} s; the round's remaining moves skipped): " + ", ".join(f"{n} {k}" for n, k in lost.items()))
    for path in apps.values() if args.server_side else ():
        print(flush=True)  # each checkout in a fresh process: imports and caches are per process
        subprocess.run([sys.executable, __file__, "--server-side-of", str(path), "--runs", str(args.runs),
                        "--launcher", args.launcher], env={**os.environ, "PYTHONPATH": str(path)}, check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
