"""What a planner feels, measured in a real headless Chromium (selenium).

Starts the app on a free port (a cold server process each round), waits for
``/_stcore/health``, then times from that moment:

* first board text (the page title), the headline cards, the board complete (the target
  table drawn and the script finished);
* slider moves on 情景设置: the time from a key press to the headline metric showing the new
  value (the first move and the following ones);
* a shared link opened in a fresh page load: the time until its board is complete.

Usage: ``python bench/bench_browser.py [--rounds N] [--moves M]``. Needs Debian's chromium,
chromium-driver and selenium (see tests/app/test_browser.py). Prints a Markdown table with the
load average, since timings on a shared machine move with its load.
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


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


#: How the server is started: as ``make app`` does (the warming launcher) or plain ``streamlit run``.
LAUNCHERS = {"serve": ["-m", "ui.serve"], "plain": ["-m", "streamlit", "run", "streamlit_app.py"]}


def start_server(port: int, log: Path, launcher: str = "serve") -> tuple[subprocess.Popen, float]:
    """The app on ``port``; returns the process and the monotonic time it answered healthy."""
    env = {**os.environ, "FYP_APP_SAVE": "0", "PYTHONPATH": str(ROOT)}
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, *LAUNCHERS[launcher], "--server.headless", "true",
             "--server.port", str(port), "--browser.gatherUsageStats", "false"],
            cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, env=env)
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(log.read_text(errors="replace")[-2000:])
        try:
            if urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2).read() == b"ok":
                return proc, time.monotonic()
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


def until(driver, check, poll: float = 0.02) -> float:
    """Poll ``check(driver)`` until true; the monotonic time it became true."""
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        try:
            if check(driver):
                return time.monotonic()
        except Exception:  # noqa: BLE001 - elements come and go while the page is drawn
            pass
        time.sleep(poll)
    raise TimeoutError("condition not met")


def _css(driver, css: str):
    from selenium.webdriver.common.by import By

    return driver.find_elements(By.CSS_SELECTOR, css)


def title_is(text: str):
    return lambda d: any(text in h.text for h in _css(d, "h1"))


def cards(d) -> bool:
    values = _css(d, "[data-testid='stMetricValue']")
    return len(values) >= 6 and all(v.text.strip() for v in values)


def board_done(d) -> bool:
    rows = _css(d, "[data-testid='stTable'] tr")
    app = _css(d, "[data-testid='stApp']")
    return (any("地区生产总值" in r.text for r in rows)
            and app and app[0].get_attribute("data-test-script-state") == "notRunning"
            and not _css(d, "[data-stale='true']"))


def one_round(moves: int, launcher: str) -> dict:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    port = _free_port()
    tmp = Path(tempfile.mkdtemp(prefix="fyp-bench-"))
    proc, healthy = start_server(port, tmp / "server.log", launcher)
    driver = browser(str(tmp / "profile"))
    out: dict = {}
    try:
        url = f"http://127.0.0.1:{port}"
        driver.get(url + "/")
        out["first board text"] = until(driver, title_is("目标总览")) - healthy
        out["cards"] = until(driver, cards) - healthy
        out["board complete"] = until(driver, board_done) - healthy
        # Slider moves: the one-step GDP slider on the assumptions page, one key press each.
        link = [a for a in _css(driver, "[data-testid='stSidebarNavLink']") if a.text.strip().endswith("情景设置")]
        link[0].click()
        until(driver, title_is("情景设置"))
        until(driver, lambda d: _css(d, "[class*='st-key-w_gdp_all'] input[type='range']"))
        time.sleep(1.0)
        times = []
        for k in range(moves):
            # the slider is drawn anew after each change (its key gains a revision): find and focus it
            slider = _css(driver, "[class*='st-key-w_gdp_all'] input[type='range']")[0]
            driver.execute_script("arguments[0].focus()", slider)
            shown = f"{6.5 - 0.1 * (k + 1):.1f}%"
            pressed = time.monotonic()
            ActionChains(driver).send_keys(Keys.ARROW_LEFT).perform()
            done = until(driver, lambda d, s=shown: any(v.text.strip() == s
                                                         for v in _css(d, "[data-testid='stMetricValue']")))
            times.append(done - pressed)
            time.sleep(0.3)
        out["slider moves"] = times
        # A shared link in a fresh page load.
        shared = driver.current_url.replace("/assumptions", "/")
        driver.get("about:blank")
        opened = time.monotonic()
        driver.get(shared)
        out["shared link complete"] = until(driver, board_done) - opened
    finally:
        driver.quit()
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3, help="cold server starts (default 3)")
    ap.add_argument("--moves", type=int, default=6, help="slider moves per round (default 6)")
    ap.add_argument("--launcher", choices=sorted(LAUNCHERS), default="serve",
                    help="serve: `python -m ui.serve` as `make app` runs it (default); plain: `streamlit run`")
    args = ap.parse_args(argv)
    load_before = os.getloadavg()
    rounds = [one_round(args.moves, args.launcher) for _ in range(args.rounds)]
    load_after = os.getloadavg()
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
          f"load average (1 min) {load_before[0]:.1f} before, {load_after[0]:.1f} after; "
          f"{args.rounds} cold starts ({args.launcher} launcher), {args.moves} slider moves each\n")
    print("| measurement (from the server answering healthy) | median | min | max |")
    print("|---|---:|---:|---:|")
    for key in ("first board text", "cards", "board complete", "shared link complete"):
        values = [r[key] for r in rounds]
        print(f"| {key} | {statistics.median(values):.2f} s | {min(values):.2f} s | {max(values):.2f} s |")
    first = [r["slider moves"][0] for r in rounds]
    later = [t for r in rounds for t in r["slider moves"][1:]]
    print(f"| first slider move | {statistics.median(first):.2f} s | {min(first):.2f} s | {max(first):.2f} s |")
    if later:
        print(f"| later slider moves | {statistics.median(later):.2f} s | {min(later):.2f} s | "
              f"{max(later):.2f} s |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
