#!/usr/bin/python3
"""Opens every generated HTML docs page in headless Chromium over file:// and checks what the issue asks.

Usage: scripts/browser-check/check_pages.py [DOCS_DIR] [--screenshots DIR]
(DOCS_DIR defaults to Generated/Docs; --screenshots writes the first operation page, light and dark.)

Needs Debian's chromium, chromium-driver and python3-selenium (scripts/install-browser-check). Every check
prints one line; the run ends with 'N passed, N failed' and exits 1 on any failure.
"""
import glob, json, os, sys, time
from urllib.parse import urljoin
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

PASSED, FAILED = [], []


def check(name, condition, detail=""):
    (PASSED if condition else FAILED).append(name)
    print(("ok   " if condition else "FAIL ") + name + ("" if condition else ": " + str(detail)[:600]), flush=True)


def make_driver(javascript=True, width=1280, height=1000):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--allow-file-access-from-files",
                     "--no-first-run", "--disable-extensions", "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--disable-default-apps", "--hide-scrollbars", "--window-size=%d,%d" % (width, height)]:
        options.add_argument(argument)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def page_url(path, query=""):
    return "file://" + os.path.abspath(path) + query


def drain_logs(driver):
    driver.get_log("performance")
    driver.get_log("browser")


def requests_made(driver):
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def console_errors(driver):
    return [entry for entry in driver.get_log("browser") if entry["level"] in ("SEVERE", "WARNING")]


def expected_files(driver, path):
    """(code element id, snippet file bytes decoded) for every code block that names its snippet file."""
    pairs = []
    for code in driver.find_elements(By.CSS_SELECTOR, "code[data-file]"):
        file = os.path.normpath(os.path.join(os.path.dirname(path), code.get_attribute("data-file")))
        with open(file, "rb") as handle:
            pairs.append((code.get_attribute("id"), file, handle.read().decode("utf-8")))
    return pairs


def text_of(driver, element_id):
    return driver.execute_script("return document.getElementById(arguments[0]).textContent", element_id)


def selected_clients(driver):
    return driver.execute_script("""return Array.prototype.map.call(document.querySelectorAll('[data-tabs]'), function (group) {
        var tab = group.querySelector('[role=tab][aria-selected=true]'); return tab ? tab.getAttribute('data-client') : null; });""")


def visible_panels(driver):
    return [panel.get_attribute("id") for panel in driver.find_elements(By.CSS_SELECTOR, "[role=tabpanel]") if panel.is_displayed()]


def check_aria(driver, name):
    problems = driver.execute_script("""var problems = [];
        document.querySelectorAll('[data-tabs]').forEach(function (group) {
          if (!group.querySelector('[role=tablist]')) problems.push('no tablist');
          var selected = group.querySelectorAll('[role=tab][aria-selected=true]').length;
          if (selected !== 1) problems.push(selected + ' tabs selected');
          group.querySelectorAll('[role=tab]').forEach(function (tab) {
            var panel = document.getElementById(tab.getAttribute('aria-controls'));
            if (!panel || panel.getAttribute('role') !== 'tabpanel') problems.push('tab ' + tab.id + ' controls no tabpanel');
            else if (panel.getAttribute('aria-labelledby') !== tab.id) problems.push('panel ' + panel.id + ' not labelled by its tab');
            var on = tab.getAttribute('aria-selected') === 'true';
            if (on !== !panel.hidden) problems.push('panel ' + panel.id + ' visibility does not follow its tab');
            if ((on ? '0' : '-1') !== tab.getAttribute('tabindex')) problems.push('tab ' + tab.id + ' tabindex');
          });
        });
        return problems;""")
    check(name + ": ARIA tabs (tablist/tab/tabpanel, aria-selected, aria-controls, labelledby, roving tabindex)", not problems, problems)


def check_operation_page(driver, path, name):
    tabs = driver.find_elements(By.CSS_SELECTOR, "[role=tab]")
    check(name + ": has code sample tabs", len(tabs) >= 2, len(tabs))
    if len(tabs) < 2:
        return
    check_aria(driver, name)
    mismatched = [file for element, file, text in expected_files(driver, path) if text_of(driver, element) != text]
    check(name + ": every tab's text equals its snippet file (%d files)" % len(expected_files(driver, path)), not mismatched, mismatched)
    # Click: choose the third tab; every group follows, only its panel shows.
    target = tabs[2]
    client = target.get_attribute("data-client")
    target.click()
    check(name + ": click selects the tab in every group", set(selected_clients(driver)) == {client}, selected_clients(driver))
    check(name + ": only the selected panel is shown", visible_panels(driver) == [target.get_attribute("aria-controls")], visible_panels(driver))
    # Keyboard: arrows move and select, Home/End jump.
    target.send_keys(Keys.ARROW_RIGHT)
    after_right = driver.switch_to.active_element
    check(name + ": ArrowRight moves focus and selection to the next tab",
          after_right.get_attribute("id") == tabs[3].get_attribute("id") and selected_clients(driver)[0] == tabs[3].get_attribute("data-client"),
          (after_right.get_attribute("id"), selected_clients(driver)))
    after_right.send_keys(Keys.ARROW_LEFT)
    check(name + ": ArrowLeft moves back", selected_clients(driver)[0] == client, selected_clients(driver))
    driver.switch_to.active_element.send_keys(Keys.END)
    check(name + ": End selects the last tab", selected_clients(driver)[0] == tabs[-1].get_attribute("data-client"), selected_clients(driver))
    driver.switch_to.active_element.send_keys(Keys.HOME)
    check(name + ": Home selects the first tab", selected_clients(driver)[0] == tabs[0].get_attribute("data-client"), selected_clients(driver))
    driver.switch_to.active_element.send_keys(Keys.ARROW_LEFT)
    check(name + ": ArrowLeft on the first tab wraps to the last", selected_clients(driver)[0] == tabs[-1].get_attribute("data-client"), selected_clients(driver))
    # Remembered across a reload and across pages; ?lang= wins and is remembered.
    tabs[2].click()
    driver.refresh()
    check(name + ": the choice survives a reload", selected_clients(driver) == [client], selected_clients(driver))
    driver.get(page_url(path, "?lang=go"))
    go_clients = [tab.get_attribute("data-client") for tab in driver.find_elements(By.CSS_SELECTOR, "[role=tab][data-language=go]")]
    check(name + ": ?lang=go selects the Go tab", go_clients and selected_clients(driver) == [go_clients[0]], (go_clients, selected_clients(driver)))
    driver.get(page_url(path))
    check(name + ": ?lang=go is remembered for the next visit", go_clients and selected_clients(driver) == [go_clients[0]], selected_clients(driver))
    check_copy(driver, path, name)


def check_copy(driver, path, name):
    driver.execute_cdp_cmd("Browser.grantPermissions", {"permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
    files = {element: text for element, _, text in expected_files(driver, path)}
    failures = []
    clicked = set()

    def copy_visible_buttons():
        for button in driver.find_elements(By.CSS_SELECTOR, "button.copy"):
            target = button.get_attribute("data-copies")
            if target in clicked or not button.is_displayed():
                continue
            clicked.add(target)
            button.click()
            copied = driver.execute_async_script("var done = arguments[arguments.length - 1];"
                                                 "setTimeout(function () { navigator.clipboard.readText().then(done, function (e) { done('ERROR ' + e); }); }, 100);")
            if copied != files.get(target) or button.get_attribute("data-copied") != "true":
                failures.append((target, (copied or "")[:80], button.get_attribute("data-copied")))

    for tab in driver.find_elements(By.CSS_SELECTOR, "[role=tab]"):
        tab.click()
        copy_visible_buttons()
    buttons = clicked
    everyone = len(driver.find_elements(By.CSS_SELECTOR, "button.copy"))
    check(name + ": every copy button (%d of %d) puts its exact snippet text on the clipboard" % (len(buttons), everyone),
          len(buttons) == everyone and not failures, failures)


def check_index(driver, path, name):
    links = driver.find_elements(By.CSS_SELECTOR, "ul.operations a")
    missing = [link.get_attribute("href") for link in links if not os.path.exists(link.get_attribute("href")[len("file://"):])]
    check(name + ": lists operations, every link names a generated page", links and not missing, missing or "no links")
    search = driver.find_element(By.ID, "search")
    first = driver.find_element(By.CSS_SELECTOR, "ul.operations li").get_attribute("data-search")
    search.send_keys(first.split(" ")[1])
    shown = [item for item in driver.find_elements(By.CSS_SELECTOR, "ul.operations li") if item.is_displayed()]
    check(name + ": searching by path keeps the matching operation", len(shown) >= 1, len(shown))
    search.clear()
    search.send_keys("no-such-operation-zz")
    shown = [item for item in driver.find_elements(By.CSS_SELECTOR, "ul.operations li") if item.is_displayed()]
    check(name + ": a search that matches nothing hides every operation", not shown, len(shown))


def check_narrow(driver, pages):
    # Headless windows are at least 500 px wide: emulate a 375 px phone viewport instead.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 375, "height": 800, "deviceScaleFactor": 2, "mobile": True})
    for path in pages:
        driver.get(page_url(path))
        widths = driver.execute_script("return [document.documentElement.scrollWidth, document.documentElement.clientWidth, window.innerWidth]")
        check(os.path.basename(path) + ": no horizontal scrolling at 375 px", widths[0] <= widths[1] and widths[2] == 375, widths)


def check_without_javascript(driver, pages):
    for path in pages:
        name = os.path.basename(path) + " (no JavaScript)"
        driver.get(page_url(path))
        panels = driver.find_elements(By.CSS_SELECTOR, "[role=tabpanel]")
        hidden = [panel.get_attribute("id") for panel in panels if not panel.is_displayed()]
        check(name + ": every sample is shown (%d panels)" % len(panels), not hidden, hidden)
        titles = [panel.find_element(By.CSS_SELECTOR, ".panel-title").is_displayed() for panel in panels]
        check(name + ": every sample is labelled", all(titles), titles.count(False))
        controls = [element for element in driver.find_elements(By.CSS_SELECTOR, "[role=tablist], button.copy, #search") if element.is_displayed()]
        check(name + ": controls that need JavaScript are not shown", not controls, len(controls))
        mismatched = [file for element, file, text in expected_files(driver, path) if text_of(driver, element) != text]
        check(name + ": sample texts equal their snippet files", not mismatched, mismatched)


def screenshots(driver, path, directory):
    os.makedirs(directory, exist_ok=True)
    for scheme in ("light", "dark"):
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
        driver.get(page_url(path, "?lang=swift-sdk"))
        background = driver.execute_script("return getComputedStyle(document.body).backgroundColor")
        check(os.path.basename(path) + ": %s scheme background %s" % (scheme, background),
              (background == "rgb(255, 255, 255)") == (scheme == "light"), background)
        driver.execute_script("document.getElementById('examples').scrollIntoView()")
        time.sleep(0.2)
        driver.save_screenshot(os.path.join(directory, "auth0-update-user-%s.png" % scheme))
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})


def main():
    arguments = sys.argv[1:]
    shots = None
    if "--screenshots" in arguments:
        at = arguments.index("--screenshots")
        shots = arguments[at + 1]
        del arguments[at:at + 2]
    docs = arguments[0] if arguments else "Generated/Docs"
    pages = sorted(glob.glob(os.path.join(docs, "*.html")))
    check("pages found in " + docs, len(pages) >= 2, pages)
    driver = make_driver()
    try:
        for path in pages:
            name = os.path.basename(path)
            driver.get("about:blank")
            drain_logs(driver)
            driver.get(page_url(path))
            requests = [url for url in requests_made(driver) if url != page_url(path)]
            errors = console_errors(driver)
            check(name + ": no network request besides the page itself", not requests, requests)
            check(name + ": no console errors or warnings", not errors, errors)
            injected = driver.execute_script("""return [typeof window.__pwned, document.scripts.length,
                document.querySelectorAll('img, iframe, object, embed, link, [onerror], [onclick], [onload], a[href^="javascript:" i]').length]""")
            check(name + ": spec text ran no script and added no element (only the page's 2 scripts)", injected == ["undefined", 2, 0], injected)
            if name == "index.html":
                check_index(driver, path, name)
            else:
                check_operation_page(driver, path, name)
                errors = console_errors(driver)
                check(name + ": no console errors or warnings after interaction", not errors, errors)
        operation_pages = [path for path in pages if not path.endswith("index.html")]
        if shots and operation_pages:
            driver.set_window_size(1280, 1000)
            screenshots(driver, operation_pages[0], shots)
    finally:
        driver.quit()
    narrow = make_driver()
    try:
        check_narrow(narrow, pages)
    finally:
        narrow.quit()
    plain = make_driver(javascript=False)
    try:
        check_without_javascript(plain, pages)
    finally:
        plain.quit()
    print("%d passed, %d failed" % (len(PASSED), len(FAILED)))
    sys.exit(1 if FAILED else 0)


if __name__ == "__main__":
    main()
