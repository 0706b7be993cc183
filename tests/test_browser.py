"""The seeds brief in headless Chromium (Debian's chromium and chromium-driver, driven by selenium)
at a phone width and a desktop width: the three section titles are visible, nothing overflows
sideways, and full-page screenshots are written to out/screenshots/ for a person to look at."""

from __future__ import annotations

import base64
import shutil

import pytest

from briefing.renderers import render
from tests.conftest import ROOT
from tests.test_render_golden import normalised

pytestmark = pytest.mark.slow
SCREENSHOTS = ROOT / "out" / "screenshots"
CHROMIUM, CHROMEDRIVER = shutil.which("chromium"), shutil.which("chromedriver")
selenium = pytest.importorskip("selenium", reason="selenium is in the test extra")
if not (CHROMIUM and CHROMEDRIVER):
    pytest.skip("chromium and chromium-driver: make system-deps installs them", allow_module_level=True)


@pytest.fixture(scope="module")
def seeds_page(seeds_brief, tmp_path_factory):
    page = tmp_path_factory.mktemp("page") / "brief.html"
    page.write_text(render(normalised(seeds_brief), "html"), encoding="utf-8")
    return page


@pytest.fixture
def browser(tmp_path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
                 f"--user-data-dir={tmp_path / 'profile'}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    yield driver
    driver.quit()


@pytest.mark.parametrize("width", [360, 1280])
def test_section_titles_are_visible(browser, seeds_page, seeds_brief, width):
    from selenium.webdriver.common.by import By

    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": width < 600})
    browser.get(seeds_page.as_uri())
    assert browser.title == seeds_brief.title
    titles = {element.text: element for element in browser.find_elements(By.CSS_SELECTOR, ".topic h2")}
    labels = [section.label for section in seeds_brief.sections]
    assert len(labels) == 3 and list(titles) == labels
    for label, element in titles.items():
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
        assert element.is_displayed(), label
        box = element.rect
        assert box["x"] >= 0 and box["x"] + box["width"] <= width and box["height"] > 0, (label, box)
        # the title is on top where it stands: nothing covers it
        on_top = browser.execute_script(
            "const r = arguments[0].getBoundingClientRect();"
            "const hit = document.elementFromPoint(r.left + 4, r.top + r.height / 2);"
            "return hit === arguments[0] || arguments[0].contains(hit);", element)
        assert on_top, label
        size = browser.execute_script("return parseFloat(getComputedStyle(arguments[0]).fontSize)", element)
        assert size >= 16, (label, size)  # readable without zooming
    assert browser.execute_script("return document.documentElement.scrollWidth") <= width  # no sideways scroll
    assert not browser.find_elements(By.TAG_NAME, "script")

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
    shot = browser.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
    path = SCREENSHOTS / f"seeds-{width}.png"
    path.write_bytes(base64.b64decode(shot["data"]))
    assert path.stat().st_size > 10_000
