#!/usr/bin/python3
"""`retouche check --format sarif|rdjson|languagetool` against the formats.

  report_formats_test.py RETOUCHE_BIN

Each output is checked against the required fields, types and enums of the
published schema (SARIF 2.1.0: the OASIS sarif-schema-2.1.0.json; reviewdog:
the Diagnostic Format, proto/rdf/reviewdog.proto; LanguageTool: the /v2/check
response of its HTTP API), then every position is checked against the text in
the format's own unit: SARIF columns in code points (run.columnKind), rdjson
columns in UTF-8 bytes, LanguageTool offsets in UTF-16 code units. The inputs
hold accented letters and a character outside the BMP before findings, so a
wrong unit shows.
"""
import json
import os
import subprocess
import sys
import tempfile

BIN = sys.argv[1]
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def need(obj, keys, where):
    for k in keys:
        check(isinstance(obj, dict) and k in obj, "%s: required %r" % (where, k))


def typed(obj, key, kind, where):
    if isinstance(obj, dict) and key in obj:
        check(isinstance(obj[key], kind) and not (kind is int and isinstance(obj[key], bool)),
              "%s.%s must be %s" % (where, key, kind.__name__))


def run(*args):
    p = subprocess.run([BIN, *args], capture_output=True)
    check(p.returncode == 1, "check exits 1 on findings (%s: %d, %s)" % (args[1], p.returncode, p.stderr.decode()))
    return p.stdout.decode("utf-8")


def sarif_test(paths, texts, by_file):
    log = json.loads(run("check", "--format", "sarif", *paths))
    need(log, ["version", "runs"], "sarifLog")
    check(log.get("version") == "2.1.0", "sarifLog.version is 2.1.0")
    check(set(log) <= {"$schema", "version", "runs", "inlineExternalProperties", "properties"},
          "sarifLog has no other properties (additionalProperties: false)")
    check(len(log["runs"]) == 1, "one run")
    run0 = log["runs"][0]
    need(run0, ["tool"], "run")
    need(run0["tool"], ["driver"], "tool")
    driver = run0["tool"]["driver"]
    need(driver, ["name"], "toolComponent")
    check(run0.get("columnKind") in ("utf16CodeUnits", "unicodeCodePoints"), "run.columnKind enum")
    rules = driver.get("rules", [])
    check(len(rules) > 10, "driver.rules lists the rules")
    ids = [r.get("id") for r in rules]
    for r in rules:
        need(r, ["id"], "reportingDescriptor")
        for k in ("shortDescription", "fullDescription"):
            need(r.get(k, {}), ["text"], "reportingDescriptor.%s (multiformatMessageString)" % k)
            check(bool(r.get(k, {}).get("text")), "rule %s has a %s" % (r.get("id"), k))
        check(r.get("defaultConfiguration", {}).get("level") in ("none", "note", "warning", "error"),
              "reportingConfiguration.level enum")
    results = run0.get("results", [])
    check(len(results) == sum(len(v) for v in by_file.values()), "one result per finding")
    fixes = 0
    for res in results:
        need(res, ["message"], "result")
        check("text" in res["message"] or "id" in res["message"], "result.message has text or id")
        check(res.get("level") in ("none", "note", "warning", "error"), "result.level enum")
        typed(res, "ruleIndex", int, "result")
        check(ids[res["ruleIndex"]] == res["ruleId"], "ruleIndex points at ruleId")
        loc = res["locations"][0]["physicalLocation"]
        uri = loc["artifactLocation"]["uri"]
        reg = loc["region"]
        for k in ("startLine", "startColumn", "endLine", "endColumn"):
            typed(reg, k, int, "region")
            check(reg.get(k, 0) >= 1, "region.%s >= 1" % k)
        text = texts[uri]
        lines = text.split("\n")
        # Code points: Python str indexes code points.
        start = sum(len(l) + 1 for l in lines[: reg["startLine"] - 1]) + reg["startColumn"] - 1
        end = sum(len(l) + 1 for l in lines[: reg["endLine"] - 1]) + reg["endColumn"] - 1
        f = by_file[uri][res["properties"]["id"]]
        check(text[start:end] == f["original"], "SARIF region (code points) covers %r" % f["original"])
        b = text.encode("utf-8")
        check(b[reg["byteOffset"]: reg["byteOffset"] + reg["byteLength"]].decode("utf-8") == f["original"],
              "SARIF byteOffset/byteLength cover the finding")
        for fix in res.get("fixes", []):
            fixes += 1
            need(fix, ["artifactChanges"], "fix")
            check(len(fix["artifactChanges"]) >= 1, "fix.artifactChanges minItems 1")
            for ch in fix["artifactChanges"]:
                need(ch, ["artifactLocation", "replacements"], "artifactChange")
                for rep in ch["replacements"]:
                    need(rep, ["deletedRegion"], "replacement")
                    check(rep.get("insertedContent", {}).get("text") == f["replacement"], "fix inserts the replacement")
    check(fixes > 0, "results carry fixes")
    return len(results)


def rdjson_test(paths, texts, by_file):
    out = json.loads(run("check", "--format", "rdjson", *paths))
    need(out, ["diagnostics"], "DiagnosticResult")
    n = 0
    for dg in out["diagnostics"]:
        need(dg, ["message", "location"], "Diagnostic")
        need(dg["location"], ["path"], "Location")
        check(dg.get("severity") in ("UNKNOWN_SEVERITY", "ERROR", "WARNING", "INFO"), "Diagnostic.severity enum")
        rng = dg["location"]["range"]
        text = texts[dg["location"]["path"]].encode("utf-8")
        lines = text.split(b"\n")
        # reviewdog: column is 1-based, in UTF-8 bytes; end exclusive.
        s = sum(len(l) + 1 for l in lines[: rng["start"]["line"] - 1]) + rng["start"]["column"] - 1
        e = sum(len(l) + 1 for l in lines[: rng["end"]["line"] - 1]) + rng["end"]["column"] - 1
        fid = dg["original_output"].split(" ")[0]
        f = by_file[dg["location"]["path"]][fid]
        check(text[s:e].decode("utf-8") == f["original"], "rdjson range (UTF-8 bytes) covers %r" % f["original"])
        check(dg["code"]["value"] == f["rule"], "rdjson code is the rule id")
        for sg in dg.get("suggestions", []):
            need(sg, ["range", "text"], "Suggestion")
            check(sg["text"] == f["replacement"], "suggestion is the replacement")
        n += 1
    return n


def languagetool_test(paths, texts, by_file):
    lines = run("check", "--format", "languagetool", *paths).splitlines()
    check(len(lines) == len(paths), "one LanguageTool response per document")
    n = 0
    for line in lines:
        resp = json.loads(line)
        need(resp, ["software", "language", "matches"], "CheckResponse")
        need(resp["software"], ["name", "version", "apiVersion"], "software")
        need(resp["language"], ["name", "code"], "language")
        text = texts[resp["file"]]
        units = text.encode("utf-16-le")
        for m in resp["matches"]:
            need(m, ["message", "offset", "length", "replacements", "context", "sentence", "rule"], "match")
            need(m["context"], ["text", "offset", "length"], "context")
            need(m["rule"], ["id", "description", "category"], "rule")
            need(m["rule"]["category"], ["id", "name"], "category")
            for r in m["replacements"]:
                need(r, ["value"], "replacement")
            f = by_file[resp["file"]][m["rule"]["subId"]]
            got = units[2 * m["offset"]: 2 * (m["offset"] + m["length"])].decode("utf-16-le")
            check(got == f["original"], "LanguageTool offset/length (UTF-16) cover %r (got %r)" % (f["original"], got))
            c = m["context"]
            cu = c["text"].encode("utf-16-le")
            check(cu[2 * c["offset"]: 2 * (c["offset"] + c["length"])].decode("utf-16-le") == f["original"],
                  "LanguageTool context offset covers the finding")
            check([r["value"] for r in m["replacements"]] == ([f["replacement"]] if f["applicability"] != "report" else []),
                  "LanguageTool replacements")
            n += 1
    return n


def main():
    with tempfile.TemporaryDirectory(prefix="retouche-formats-") as tmp:
        os.chdir(tmp)
        docs = {
            "a.txt": "Titre : Un Titre\nShare\n\nL\u2019été 😀 à Jarevan. .Le groupeEt la ville\n",
            "sous dossier/b é.txt": "Écrit 𝔘𝔫 texte à Washington.Il pleut. .\n24 Commentaires\n",
        }
        for name, text in docs.items():
            os.makedirs(os.path.dirname(name) or ".", exist_ok=True)
            with open(name, "w", encoding="utf-8") as f:
                f.write(text)
        paths = list(docs)
        by_file = {}
        for line in run("check", "--format", "jsonl", *paths).splitlines():
            f = json.loads(line)
            by_file.setdefault(f["file"], {})[f["id"]] = f
        check(all(by_file.get(p) for p in paths), "both documents have findings")
        uri_texts = {p.replace(" ", "%20").replace("é", "%C3%A9"): t for p, t in docs.items()}
        uri_by_file = {p.replace(" ", "%20").replace("é", "%C3%A9"): v for p, v in by_file.items()}
        n = sarif_test(paths, uri_texts, uri_by_file)
        r = rdjson_test(paths, docs, by_file)
        l = languagetool_test(paths, docs, by_file)
    print("sarif %d results, rdjson %d diagnostics, languagetool %d matches" % (n, r, l))
    if failures:
        print("%d check(s) failed" % len(failures))
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
