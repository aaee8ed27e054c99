#!/usr/bin/python3
"""Regenerates docs/review-page.png: the review page of a seed document
(samples/allies-kursk-silence.txt) in headless Chromium, one finding focused
so its tooltip shows.

  /usr/bin/python3 tools/review-screenshot.py [RETOUCHE_BIN]   (default build/release/retouche)

Needs Debian's chromium, chromium-driver and python3-selenium (tools/setup.sh test installs them).
"""
import os
import subprocess
import sys
import tempfile

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "build/release/retouche")
seed = "samples/allies-kursk-silence.txt"  # relative: the page shows the name as given
out = os.path.join(root, "docs/review-page.png")

with tempfile.TemporaryDirectory() as tmp:
    page = os.path.join(tmp, "review.html")
    subprocess.run([os.path.abspath(binary), "review", seed, "-o", page, "-q"], check=True, cwd=root)
    o = webdriver.ChromeOptions()
    for a in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
              "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
              "--user-data-dir=" + os.path.join(tmp, "profile"), "--window-size=1280,900"):
        o.add_argument(a)
    d = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)
    try:
        d.get("file://" + page)
        body = d.find_element(By.TAG_NAME, "body")
        for _ in range(8):
            body.send_keys("j")
        body.send_keys("r")
        d.execute_script("window.scrollTo(0, 0)")
        # Hover a name fix so its tooltip (rule, message, confidence) shows.
        target = d.execute_script("return document.querySelector('#docs .f.fam-names')")
        ActionChains(d).move_to_element(target).perform()
        d.save_screenshot(out)
    finally:
        d.quit()
print("wrote", os.path.relpath(out, root))
