"""End to end in a real headless Chromium: the board, a slider, a shared link, a screenshot, and
every page read in both languages (the rule of :mod:`tests.app.language_rules`, applied to the
text the browser draws: sidebar, tables, captions and chart labels).

Needs Debian's ``chromium`` and ``chromium-driver`` (and ``fonts-noto-cjk`` so Chinese is
drawn, not boxes). Without them the test is skipped with the reason, unless
``FYP_REQUIRE_BROWSER=1`` (set by ``.ci/run``), in which case it fails.
Screenshots go to ``artifacts/`` (git-ignored).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from .conftest import PAGES

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
WAIT = 60


def _unavailable() -> str | None:
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.is_file()]
    if missing:
        return (f"Chromium is not installed ({', '.join(missing)} missing); "
                "install it with `apt-get install chromium chromium-driver fonts-noto-cjk`")
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[dev]')"
    return None


@pytest.fixture(scope="module")
def browser_ready() -> None:
    reason = _unavailable()
    if reason:
        if os.environ.get("FYP_REQUIRE_BROWSER") == "1":
            pytest.fail(f"FYP_REQUIRE_BROWSER=1 but the browser test cannot run: {reason}")
        pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(browser_ready, tmp_path_factory):
    """The app on a free port, started as ``make app`` starts it (``python -m ui.serve``, which
    warms the caches before it listens); always stopped at the end."""
    port = _free_port()
    log = tmp_path_factory.mktemp("server") / "streamlit.log"
    env = {**os.environ, "FYP_APP_SAVE": "0"}
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "ui.serve", "--server.headless", "true",
             "--server.port", str(port), "--browser.gatherUsageStats", "false"],
            cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, env=env)
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + WAIT
        while True:
            if proc.poll() is not None:
                pytest.fail(f"the app stopped at start-up:\n{log.read_text(errors='replace')[-3000:]}")
            try:
                if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"the app did not answer within {WAIT} s:\n{log.read_text(errors='replace')[-3000:]}")
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def driver(browser_ready, tmp_path_factory):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                f"--user-data-dir={tmp_path_factory.mktemp('chromium')}", "--window-size=1440,2200",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--disable-sync", "--lang=zh-CN"):
        options.add_argument(arg)
    browser = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        yield browser
    finally:
        browser.quit()


# --------------------------------------------------------------------------- helpers

def _wait_text(driver, css: str, text: str):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, WAIT).until(ec.text_to_be_present_in_element((By.CSS_SELECTOR, css), text))


def _gdp_row(driver) -> str:
    from selenium.webdriver.common.by import By

    rows = driver.find_elements(By.CSS_SELECTOR, ".fyp-table tr")
    return next((r.text for r in rows if "地区生产总值" in r.text), "")


def _wait_gdp_status(driver, word: str) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, WAIT).until(lambda d: word in _gdp_row(d))


def _open_page(driver, title: str, heading: str) -> None:
    from selenium.webdriver.common.by import By

    links = driver.find_elements(By.CSS_SELECTOR, "[data-testid='stSidebarNavLink']")
    next(a for a in links if a.text.strip().endswith(title)).click()
    _wait_text(driver, "h1", heading)


def _slider(driver, key: str):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, WAIT).until(
        lambda d: d.find_element(By.CSS_SELECTOR, f"[class*='st-key-{key}'] input[type='range']"))


def _shot(driver, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    time.sleep(1.0)  # let charts and fonts settle before the picture
    path = ARTIFACTS / name
    driver.save_screenshot(str(path))
    return path


# --------------------------------------------------------------------------- the test

def test_slider_moves_a_status_and_a_shared_link_reopens_it(server, driver):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    driver.get(server + "/")
    _wait_text(driver, "h1", "目标总览")
    _wait_gdp_status(driver, "达标")
    assert "未达标" not in _gdp_row(driver)
    assert _shot(driver, "board_plan.png").stat().st_size > 10_000

    # Move the one-step GDP slider from 6.5% down to 5.0% with the keyboard.
    _open_page(driver, "情景设置", "情景设置")
    slider = _slider(driver, "w_gdp_all")
    assert float(slider.get_property("value")) == 6.5
    driver.execute_script("arguments[0].focus()", slider)
    ActionChains(driver).send_keys(Keys.ARROW_LEFT * 15).perform()
    _wait_text(driver, "[class*='st-key-w_gdp_all']", "5.0")
    _wait_text(driver, "[data-testid='stMetricValue']", "5.0%")

    _open_page(driver, "总览", "目标总览")
    _wait_gdp_status(driver, "未达标")
    _wait_text(driver, "h3", "未达标 3")      # GDP, and through their links 规上工业 and 农村收入
    _shot(driver, "board_gdp_5.png")
    link = driver.current_url
    assert "primary_va=5" in link and "secondary_va=5" in link

    # A colleague opens the copied link in a fresh page load: same assumptions, same verdict.
    driver.delete_all_cookies()
    driver.get("about:blank")
    driver.get(link)
    _wait_text(driver, "h1", "目标总览")
    _wait_gdp_status(driver, "未达标")
    _open_page(driver, "情景设置", "情景设置")
    assert float(_slider(driver, "w_sl_primary_va").get_property("value")) == 5.0
    from selenium.webdriver.support.ui import WebDriverWait

    css = "[class*='st-key-w_nu_tertiary_va'] input"     # the page draws its boxes after the sliders
    number = WebDriverWait(driver, WAIT).until(lambda d: d.find_elements(By.CSS_SELECTOR, css))[0]
    assert float(number.get_attribute("value")) == 5.0
    assert "已调整" in driver.find_element(By.CSS_SELECTOR, "[data-testid='stMain']").text


def _choose_language(driver, label: str, heading: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    css = "[data-testid='stSidebar'] [data-testid='stRadioOption']"
    WebDriverWait(driver, WAIT).until(lambda d: any(r.text.strip() == label for r in d.find_elements(By.CSS_SELECTOR, css)))
    next(r for r in driver.find_elements(By.CSS_SELECTOR, css) if r.text.strip() == label).click()
    _wait_text(driver, "h1", heading)


def _wait_url(driver, part: str) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, WAIT).until(lambda d: part in d.current_url)


def _sidebar_text(driver) -> str:
    from selenium.webdriver.common.by import By

    return driver.find_element(By.CSS_SELECTOR, "[data-testid='stSidebar']").text


def test_switching_language_keeps_the_scenario_and_the_link(server, driver):
    """The browser sends a picker's *label* back to the server; a language switch must not turn
    惯性趋势 into a scenario name, on any page, in either direction."""
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(server + "/?scenario=momentum")
    _wait_text(driver, "[data-testid='stSidebar']", "惯性趋势")
    _choose_language(driver, "English", "Target board")
    _wait_url(driver, "lang=en")
    WebDriverWait(driver, WAIT).until(lambda d: "Current scenario: Momentum" in _sidebar_text(d))
    assert "scenario=momentum" in driver.current_url
    _open_page(driver, "Assumptions", "Assumptions")
    _wait_text(driver, "[data-testid='stSidebar']", "Momentum")
    assert "scenario=momentum" in driver.current_url and "惯性趋势" not in _sidebar_text(driver)
    _shot(driver, "assumptions_en_momentum.png")
    _choose_language(driver, "中文", "情景设置")
    WebDriverWait(driver, WAIT).until(lambda d: "当前情景: 惯性趋势" in _sidebar_text(d))
    assert "scenario=momentum" in driver.current_url and "lang=" not in driver.current_url
    _open_page(driver, "对比", "情景对比")
    _wait_text(driver, "[data-testid='stMain']", "规划目标")
    _choose_language(driver, "English", "Compare scenarios")
    _wait_text(driver, "[data-testid='stMain']", "Plan targets")
    main = driver.find_element("css selector", "[data-testid='stMain']").text
    assert "Choose at least two" not in main and "规划目标" not in main
    _shot(driver, "compare_en_momentum.png")
    driver.get(driver.current_url)  # reload the link as it now stands
    _wait_text(driver, "[data-testid='stSidebar']", "Momentum")
    assert "ignored" not in driver.find_element("css selector", "[data-testid='stMain']").text


def _settled(driver) -> None:
    """Wait until the app has finished its run (Streamlit's running indicator is gone)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    time.sleep(1.0)
    WebDriverWait(driver, WAIT).until(
        lambda d: not d.find_elements(By.CSS_SELECTOR, "[data-testid='stStatusWidget']"))
    time.sleep(0.5)


def test_the_year_by_year_editor_stays_open_while_typing_year_after_year(server, driver):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    def box(year: int):
        return WebDriverWait(driver, WAIT).until(
            lambda d: d.find_element(By.CSS_SELECTOR, f"[class*='st-key-w_yr_primary_va_{year}'] input"))

    def type_into(year: int, text: str) -> None:
        """Select the box's text and type; if a rerun replaced the box meanwhile, find it again."""
        from selenium.common.exceptions import StaleElementReferenceException

        for attempt in range(3):
            try:
                field = box(year)
                field.send_keys(Keys.CONTROL, "a")
                field.send_keys(text, Keys.TAB)
                return
            except StaleElementReferenceException:
                if attempt == 2:
                    raise
                _settled(driver)

    driver.get(server + "/assumptions?scenario=momentum")
    WebDriverWait(driver, WAIT).until(
        lambda d: d.find_element(By.CSS_SELECTOR, "[class*='st-key-asm_peryear_open_economy'] summary")).click()
    _settled(driver)  # opening the editor reruns the page: type into the boxes that run drew
    type_into(2026, "3,5")  # a decimal comma: 3.5, not 35
    _wait_url(driver, "primary_va=3.5%2C5.9")
    _settled(driver)
    assert box(2027).is_displayed()  # still there: the editor did not close after the first edit
    type_into(2027, "4")
    _wait_url(driver, "primary_va=3.5%2C4%2C5.9")
    assert box(2028).is_displayed()
    _shot(driver, "assumptions_per_year.png")


# --------------------------------------------------------------------------- the language walk

#: What a reader sees of a page: the sidebar and the main area as drawn (``innerText`` skips what
#: is hidden: collapsed expanders, other tabs), and the text of every drawn chart (SVG). Icons
#: are Material Symbols ligatures whose text is the icon's name (``flag``, ``error``), and the
#: element toolbars are Streamlit's: both are hidden while the text is read, then shown again.
READ_TEXT = """
const hidden = [];
const hide = el => { hidden.push([el, el.style.display]); el.style.display = 'none'; };
const parts = ['[data-testid="stSidebar"]', '[data-testid="stMain"]'].map(css => document.querySelector(css));
for (const part of parts.filter(p => p)) {
  for (const el of part.querySelectorAll('*')) {
    if (el.matches('[data-testid="stElementToolbar"], [data-testid="stToolbar"]')
        || (el.childElementCount === 0 && getComputedStyle(el).fontFamily.includes('Material'))) hide(el);
  }
}
const lines = [];
for (const part of parts.filter(p => p)) lines.push(...part.innerText.split(/[\\n\\t]/));  // a table row: cells by tabs
for (const text of document.querySelectorAll('svg text')) {
  if (text.getClientRects().length) lines.push(text.textContent);
}
for (const [el, display] of hidden) el.style.display = display;
return lines.map(s => s.trim()).filter(s => s);
"""


def _page_done(driver) -> bool:
    """The script has finished its run and nothing on the page is waiting to be redrawn."""
    from selenium.webdriver.common.by import By

    app = driver.find_elements(By.CSS_SELECTOR, "[data-testid='stApp']")
    return bool(app) and app[0].get_attribute("data-test-script-state") == "notRunning" \
        and not driver.find_elements(By.CSS_SELECTOR, "[data-stale='true'], [data-testid='stSkeleton']")


#: The app's tables (ui.tables) wider than the room they are given: their last columns hide behind
#: a scroll bar. Each as its container's key and how many pixels it overflows.
WIDE_TABLES = """
return Array.from(document.querySelectorAll('.fyp-table'))
  .filter(t => t.scrollWidth > t.clientWidth + 1)
  .map(t => (t.closest('[class*="st-key-"]')?.className.match(/st-key-(\\S+)/) || [, '?'])[1]
            + ' +' + (t.scrollWidth - t.clientWidth) + 'px');
"""


def _walk(server, driver, lang: str, wide: dict | None = None) -> dict[str, list[str]]:
    """Every page in ``lang``, reached through the sidebar in one session; its drawn text (the
    uncertainty page's after a simulation run). Tables wider than the page go into ``wide``, by page."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    from ui.texts import TEXT

    column = 0 if lang == "zh" else 1
    driver.get(server + ("/" if lang == "zh" else "/?lang=en"))
    seen = {}
    for path, titles in PAGES.items():
        stem = Path(path).stem
        if stem != "board":
            _open_page(driver, TEXT[f"nav.{stem}"][column], titles[column])
        else:
            _wait_text(driver, "h1", titles[column])
        time.sleep(0.5)  # a run the click started may not have marked the app as running yet
        WebDriverWait(driver, WAIT).until(_page_done)
        if stem == "uncertainty":  # its results too: the probability table's caption and the fan chart
            driver.find_element(By.CSS_SELECTOR, "[class*='st-key-unc_run'] button").click()
            _wait_text(driver, "[data-testid='stMain']", TEXT["unc.prob_title"][column])
            time.sleep(0.5)
            WebDriverWait(driver, WAIT).until(_page_done)
        seen[stem] = driver.execute_script(READ_TEXT)
        if wide is not None:
            wide[stem] = driver.execute_script(WIDE_TABLES)
        if stem == "assumptions":  # each part shown under the sliders, one at a time
            count = len(driver.find_elements(By.CSS_SELECTOR, "[class*='st-key-asm_section'] button"))
            for k in range(1, count):
                driver.find_elements(By.CSS_SELECTOR, "[class*='st-key-asm_section'] button")[k].click()
                time.sleep(0.5)
                WebDriverWait(driver, WAIT).until(_page_done)
                seen[stem] += driver.execute_script(READ_TEXT)
            assert count == 4 and TEXT["file.title"][column] in seen[stem], count
            driver.find_elements(By.CSS_SELECTOR, "[class*='st-key-asm_section'] button")[0].click()
            WebDriverWait(driver, WAIT).until(_page_done)
    return seen


@pytest.fixture(scope="module")
def walked(server, driver) -> dict[str, dict[str, list[str]]]:
    """Both languages' walks (the English one last, so the other tests start in Chinese), in a
    window 1280 px wide, the narrowest a bureau's desktop is likely to have."""
    driver.set_window_size(1280, 2200)
    wide: dict[str, dict[str, list[str]]] = {"zh": {}, "en": {}}
    try:
        out = {lang: _walk(server, driver, lang, wide[lang]) for lang in ("zh", "en")}
    finally:
        driver.set_window_size(1440, 2200)
    driver.get("about:blank")
    return out | {"wide": wide}


PAGE_STEMS = [Path(p).stem for p in PAGES]


def _read_it(lines: list[str], stem: str, lang: str) -> None:
    """The walk read the page itself, not only the sidebar: its title, and on the board the table."""
    from .language_rules import PLAN

    column = 0 if lang == "zh" else 1
    assert PAGES[f"pages/{stem}.py"][column] in lines, lines
    if stem == "board":
        gdp = PLAN.by_id["gdp"]
        name = gdp.name_zh if lang == "zh" else gdp.name_en
        assert name in lines, lines  # a cell of the target table (the card reads 地区生产总值增速)


@pytest.mark.parametrize("stem", PAGE_STEMS)
def test_a_chinese_page_in_the_browser_shows_no_english_of_our_own(walked, stem):
    from .language_rules import stray_english

    _read_it(walked["zh"][stem], stem, "zh")
    assert stray_english(walked["zh"][stem]) == set()


@pytest.mark.parametrize("stem", PAGE_STEMS)
def test_an_english_page_in_the_browser_shows_no_chinese_outside_quotes_and_names(walked, stem):
    from .language_rules import stray_chinese

    _read_it(walked["en"][stem], stem, "en")
    assert stray_chinese(walked["en"][stem]) == set()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_table_is_wider_than_the_page_at_1280_px(walked, lang):
    """A table's last columns behind a scroll bar are columns a planner does not see (the
    uncertainty page's verdicts and P5–P95 in English, once)."""
    wide = {stem: keys for stem, keys in walked["wide"][lang].items() if keys}
    assert len(walked["wide"][lang]) == len(PAGE_STEMS) and wide == {}
