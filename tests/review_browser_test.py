#!/usr/bin/python3
"""The review page in a real browser (headless Chromium through Selenium).

  review_browser_test.py RETOUCHE_BIN [--many]

Default: the page of samples/ holds every finding of the samples; a reviewer
rejects some with the keyboard (j, r) and toggles others with the mouse;
the page's export replayed by `retouche apply` gives exactly the text that
`retouche apply --accept/--reject` gives for the same choices, and the
untouched export gives the reviewed expected outputs. The Export button's
download is the same file as the page's export.
--many: 200 generated documents in one page load, are paged, and count right.
Exit 77 (skipped) without Chromium, chromedriver or python3-selenium.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
except ImportError:
    print("skipped: python3-selenium is not installed")
    sys.exit(77)

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
if not (os.path.exists(CHROMIUM) and os.path.exists(DRIVER)):
    print("skipped: chromium or chromedriver is not installed")
    sys.exit(77)

BIN = os.path.abspath(sys.argv[1])
MANY = "--many" in sys.argv[2:]
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLES = os.path.join(ROOT, "samples")
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def run(*args, ok=(0,)):
    p = subprocess.run([BIN, *args], capture_output=True)
    if p.returncode not in ok:
        raise SystemExit("retouche %s failed (%d): %s" % (" ".join(args), p.returncode, p.stderr.decode()))
    return p


def browser(tmp):
    profile = tempfile.mkdtemp(dir=tmp, prefix="chromium-profile-")
    o = webdriver.ChromeOptions()
    o.binary_location = CHROMIUM
    for a in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
              "--disable-component-update", "--disable-sync", "--no-first-run",
              "--user-data-dir=" + profile, "--window-size=1400,1000"):
        o.add_argument(a)
    return webdriver.Chrome(service=Service(DRIVER), options=o)


def sample_names():
    return sorted(n[:-4] for n in os.listdir(SAMPLES) if n.endswith(".txt") and not n.endswith(".expected.txt"))


def dom_ids(d):
    d.execute_script("window.retoucheReview.renderPage()")
    return d.execute_script(
        "return Array.from(document.querySelectorAll('#docs .f[id]'), e => e.querySelector('input')"
        ".getAttribute('aria-label').split(' ').pop())")


def apply_export(tmp, export_path, name):
    out = os.path.join(tmp, name + "." + os.path.basename(export_path) + ".applied.txt")
    run("apply", os.path.join(SAMPLES, name + ".txt"), "--findings", export_path, "-o", out, "-q")
    with open(out, encoding="utf-8") as f:
        return f.read()


def samples_test(tmp):
    page = os.path.join(tmp, "review.html")
    run("review", SAMPLES, "-o", page, "-q")
    # What the page must show: every finding of every sample.
    found = run("check", "--format", "jsonl", SAMPLES, ok=(0, 1)).stdout.decode().splitlines()
    want = [json.loads(line) for line in found]
    d = browser(tmp)
    try:
        downloads = os.path.join(tmp, "downloads")
        os.mkdir(downloads)
        d.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
        d.get("file://" + page)
        errors = [e for e in d.get_log("browser") if e.get("level") == "SEVERE"]
        check(not errors, "no JavaScript errors: %s" % errors)
        ids = dom_ids(d)
        check(sorted(ids) == sorted(f["id"] for f in want),
              "every finding of the samples is on the page (%d on the page, %d found)" % (len(ids), len(want)))
        check(d.execute_script("return window.retoucheReview.findings()") == len(want), "page counts every finding")
        applied = sum(f["status"] == "applied" for f in want)
        check(d.find_element(By.ID, "n-accepted").text == str(applied), "counter starts at the run's choices")

        # The untouched export replays the run: the reviewed expected outputs.
        untouched = os.path.join(tmp, "untouched.jsonl")
        with open(untouched, "w", encoding="utf-8") as f:
            f.write(d.execute_script("return window.retoucheReview.exportText()"))
        for name in sample_names():
            with open(os.path.join(SAMPLES, name + ".expected.txt"), encoding="utf-8") as f:
                check(apply_export(tmp, untouched, name) == f.read(), "untouched export of %s gives its expected text" % name)

        # Keyboard: j moves to the next finding, r rejects it, a accepts.
        body = d.find_element(By.TAG_NAME, "body")
        by_id = {f["id"]: f for f in want}
        rejected, accepted = [], []
        body.send_keys("j")
        first = d.execute_script("return document.activeElement.id")
        check(first.startswith("f-"), "j focuses a finding (got %r)" % first)
        for _ in range(3):
            fid = d.execute_script("return document.activeElement.querySelector('input').getAttribute('aria-label').split(' ').pop()")
            body.send_keys("r")
            rejected.append(fid)
            body.send_keys("j")
            body.send_keys("j")
        check(len(set(rejected)) == 3, "j moved to three different findings: %s" % rejected)
        before = d.execute_script("return document.activeElement.id")
        body.send_keys("k")
        after = d.execute_script("return document.activeElement.id")
        check(after.startswith("f-") and int(after[2:]) < int(before[2:]), "k moves back (%s -> %s)" % (before, after))
        # Mouse: click a proposed (unticked) finding to accept it, and the box of an applied one to reject it.
        proposed = [f for f in want if f["status"] != "applied" and f["applicability"] != "report"
                    and f["id"] not in rejected]
        if proposed:
            target = proposed[0]
            el = d.execute_script(
                "return Array.from(document.querySelectorAll('#docs .f[id]')).find(e => e.querySelector('input').getAttribute('aria-label').endsWith(arguments[0]))",
                target["id"])
            d.execute_script("arguments[0].scrollIntoView({block:'center'})", el)
            el.find_element(By.TAG_NAME, "input").click()
            accepted.append(target["id"])
        applied_ids = [f["id"] for f in want if f["status"] == "applied" and f["id"] not in rejected
                       and f["rule"].startswith("names.")]
        if applied_ids:
            el = d.execute_script(
                "return Array.from(document.querySelectorAll('#docs .f[id]')).find(e => e.querySelector('input').getAttribute('aria-label').endsWith(arguments[0]))",
                applied_ids[0])
            d.execute_script("arguments[0].scrollIntoView({block:'center'})", el)
            el.find_element(By.TAG_NAME, "input").click()
            rejected.append(applied_ids[0])
        # An accepted finding may untick one it overlaps: read back the page's own state.
        state = d.execute_script(
            "return JSON.parse('[' + window.retoucheReview.exportText().trim().split('\\n').slice(1).join(',') + ']')"
            ".map(f => [f.id, f.status])")
        state = dict(state)
        for fid in rejected:
            check(state[fid] != "applied", "rejected %s is not applied in the export" % fid)
        for fid in accepted:
            check(state[fid] == "applied", "accepted %s is applied in the export" % fid)
        n_on = sum(s == "applied" for s in state.values())
        check(d.find_element(By.ID, "n-accepted").text == str(n_on), "counter follows the choices")

        # Export through the button: the download is the page's export.
        d.find_element(By.ID, "export").click()
        path = os.path.join(downloads, "review.findings.jsonl")
        for _ in range(100):
            if os.path.exists(path):
                break
            time.sleep(0.1)
        check(os.path.exists(path), "the Export button downloads review.findings.jsonl")
        export = d.execute_script("return window.retoucheReview.exportText()")
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                check(f.read() == export, "the download is the page's export")
        reviewed = os.path.join(tmp, "reviewed.jsonl")
        with open(reviewed, "w", encoding="utf-8") as f:
            f.write(export)
        # The same choices through the command line, from the run's own findings.
        outdir = os.path.join(tmp, "out")
        run("clean", SAMPLES, "-o", outdir, "-q")
        changed = {fid for fid in by_id if (state[fid] == "applied") != (by_id[fid]["status"] == "applied")}
        for name in sample_names():
            mine = [fid for fid in changed if by_id[fid]["file"].endswith("/" + name + ".txt")]
            acc = [fid for fid in mine if state[fid] == "applied"]
            rej = [fid for fid in mine if state[fid] != "applied"]
            args = ["apply", os.path.join(SAMPLES, name + ".txt"), "--findings",
                    os.path.join(outdir, name + ".findings.jsonl"), "-q"]
            if acc:
                args += ["--accept", ",".join(acc)]
            if rej:
                args += ["--reject", ",".join(rej)]
            want_text = run(*args).stdout.decode()
            check(apply_export(tmp, reviewed, name) == want_text,
                  "%s: the page's export replays to the same text as apply --accept/--reject" % name)
        check(len(changed) >= 4, "the review changed at least four findings (%d)" % len(changed))
        print("samples: %d findings on the page; %d changed by keyboard and mouse; export replayed on %d documents"
              % (len(want), len(changed), len(sample_names())))
        # Filters hide findings (they keep their choice); reject-all and accept-all of a rule.
        fam = "case"
        n_fam = sum(f["rule"].startswith(fam + ".") for f in want)
        d.find_element(By.CSS_SELECTOR, '#families input[data-family="%s"]' % fam).click()
        hidden = d.execute_script("return document.querySelectorAll('#docs .f.hidden[id]').length")
        check(hidden == n_fam and n_fam > 0, "unticking family %s hides its %d findings (%d hidden)" % (fam, n_fam, hidden))
        d.find_element(By.CSS_SELECTOR, '#families input[data-family="%s"]' % fam).click()
        rule = "names.variant"
        n_rule = sum(f["rule"] == rule for f in want)
        d.execute_script("const s = document.getElementById('rule-filter'); s.value = arguments[0];"
                         "s.dispatchEvent(new Event('change', {bubbles: true}))", rule)
        shown = d.execute_script("return document.querySelectorAll('#docs .f[id]:not(.hidden)').length")
        check(shown == n_rule, "the rule filter shows only %s (%d of %d)" % (rule, shown, n_rule))
        d.execute_script("const s = document.getElementById('rule-filter'); s.value = '';"
                         "s.dispatchEvent(new Event('change', {bubbles: true}))")
        d.find_element(By.CSS_SELECTOR, '#rules button[data-rule="%s"][data-act="reject"]' % rule).click()
        after = dict(d.execute_script(
            "return window.retoucheReview.exportText().trim().split('\\n').slice(1).map(l => JSON.parse(l)).map(f => [f.id, f.status])"))
        check(all(after[f["id"]] != "applied" for f in want if f["rule"] == rule), "✗ all rejects every %s" % rule)
        d.find_element(By.CSS_SELECTOR, '#rules button[data-rule="%s"][data-act="accept"]' % rule).click()
        after = dict(d.execute_script(
            "return window.retoucheReview.exportText().trim().split('\\n').slice(1).map(l => JSON.parse(l)).map(f => [f.id, f.status])"))
        check(all(after[f["id"]] == "applied" for f in want if f["rule"] == rule), "✓ all accepts every %s" % rule)
        d.find_element(By.ID, "conf").send_keys("\ue014" * 20)  # arrow right: the confidence filter to 1.0
        shown = d.execute_script("return document.querySelectorAll('#docs .f[id]:not(.hidden)').length")
        check(shown == sum(f["confidence"] >= 1.0 for f in want), "confidence 1.0 shows only sure findings (%d)" % shown)
        # The side-by-side view shows the same findings, twice.
        d.find_element(By.ID, "view-toggle").click()
        check(sorted(dom_ids(d)) == sorted(by_id), "side-by-side view: every finding on the page")
    finally:
        d.quit()


def rows_test(tmp):
    """review --jsonl: the page of corpus rows; its export replays with apply --jsonl."""
    rows = os.path.join(tmp, "rows.jsonl")
    with open(rows, "w", encoding="utf-8") as f:
        for i, name in enumerate(sample_names()):
            with open(os.path.join(SAMPLES, name + ".txt"), encoding="utf-8") as t:
                f.write(json.dumps({"id": name, "n": i, "text": t.read()}, ensure_ascii=False) + "\n")
            f.write(json.dumps({"id": "clean-%d" % i, "text": "Une phrase correcte.\n"}) + "\n")
    page = os.path.join(tmp, "rows.html")
    run("review", "--jsonl", rows, "-o", page, "-q")
    cleaned = os.path.join(tmp, "rows.clean.jsonl")
    run("clean", "--jsonl", rows, "-o", cleaned, "--no-doc-stats", "-q")
    d = browser(tmp)
    try:
        d.get("file://" + page)
        export = d.execute_script("return window.retoucheReview.exportText()")
        # Reject the first finding of the first row with the keyboard, then export again.
        d.find_element(By.TAG_NAME, "body").send_keys("j")
        d.find_element(By.TAG_NAME, "body").send_keys("r")
        changed = d.execute_script("return window.retoucheReview.exportText()")
    finally:
        d.quit()
    sidecar = os.path.join(tmp, "rows.sidecar.jsonl")
    with open(sidecar, "w", encoding="utf-8") as f:
        f.write(export)
    out = os.path.join(tmp, "rows.applied.jsonl")
    run("apply", "--jsonl", rows, "--findings", sidecar, "-o", out, "-q")
    with open(out, encoding="utf-8") as a, open(cleaned, encoding="utf-8") as b:
        check(a.read() == b.read(), "rows: the untouched export replays to clean --jsonl's rows")
    with open(sidecar, "w", encoding="utf-8") as f:
        f.write(changed)
    out = os.path.join(tmp, "rows.applied-2.jsonl")
    run("apply", "--jsonl", rows, "--findings", sidecar, "-o", out, "-q")
    with open(out, encoding="utf-8") as a, open(cleaned, encoding="utf-8") as b:
        got, want = a.read().splitlines(), b.read().splitlines()
    check(len(got) == len(want) and got[0] != want[0] and got[1:] == want[1:],
          "rows: one rejected finding changes the first row only")


def many_test(tmp):
    src = os.path.join(tmp, "corpus")
    os.mkdir(src)
    texts = []
    for name in sample_names():
        with open(os.path.join(SAMPLES, name + ".txt"), encoding="utf-8") as f:
            texts.append(f.read())
    for i in range(200):
        with open(os.path.join(src, "doc-%03d.txt" % i), "w", encoding="utf-8") as f:
            f.write("Document %d\n\n" % i + texts[i % len(texts)])
    page = os.path.join(tmp, "many.html")
    run("review", src, "-o", page, "-q")
    total = len(run("check", "--format", "jsonl", src, ok=(0, 1)).stdout.splitlines())
    d = browser(tmp)
    try:
        start = time.time()
        d.get("file://" + page)
        check(d.execute_script("return window.retoucheReview.findings()") == total, "200 documents: every finding counted")
        check(d.find_element(By.ID, "n-total").text == str(total), "200 documents: counter shows them all")
        pages = d.execute_script("return window.retoucheReview.pages()")
        check(pages == 4, "200 documents are 4 pages of 50 (%d)" % pages)
        # Lazy: far-away documents are not rendered before they are needed.
        lazy = d.execute_script("return document.querySelectorAll('#docs .placeholder').length")
        check(lazy > 0, "documents out of view are rendered lazily (%d placeholders)" % lazy)
        seen = 0
        body = d.find_element(By.TAG_NAME, "body")
        for p in range(pages):
            check(d.execute_script("return window.retoucheReview.page()") == p, "on page %d" % (p + 1))
            seen += len(dom_ids(d))
            body.send_keys("n")
        check(seen == total, "200 documents: every finding rendered across the pages (%d of %d)" % (seen, total))
        print("200 documents, %d findings: loaded and rendered in %.1f s" % (total, time.time() - start))
    finally:
        d.quit()


def main():
    with tempfile.TemporaryDirectory(prefix="retouche-review-") as tmp:
        if MANY:
            many_test(tmp)
        else:
            samples_test(tmp)
            rows_test(tmp)
    if failures:
        print("%d check(s) failed" % len(failures))
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
