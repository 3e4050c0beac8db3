#!/usr/bin/env python3
"""Checks a SARIF file against the SARIF 2.1.0 JSON schema (python jsonschema, independent of the
Java validator the tests use) and against what GitHub code scanning reads and limits ("SARIF
support for code scanning", docs.github.com). Usage: sarif_github_check.py SCHEMA SARIF ROOT
Prints one line of counts; exits 1 with the problems listed when any."""
import json
import os
import re
import sys

import jsonschema

schema_path, sarif_path, root = sys.argv[1:4]
schema = json.load(open(schema_path, encoding="utf-8"))
doc = json.load(open(sarif_path, encoding="utf-8"))
problems = [f"schema: {e.message} at {list(e.absolute_path)}"
            for e in jsonschema.Draft4Validator(schema).iter_errors(doc)][:20]

if doc.get("version") != "2.1.0":
    problems.append("version is not 2.1.0")
runs = doc.get("runs", [])
if not 1 <= len(runs) <= 20:
    problems.append(f"{len(runs)} runs (GitHub: at most 20)")
counts = {"rules": 0, "results": 0, "security": 0, "moved": 0}
for run in runs:
    if not run.get("automationDetails", {}).get("id"):
        problems.append("no runAutomationDetails.id")
    driver = run["tool"]["driver"]
    if not driver.get("name"):
        problems.append("no tool.driver.name")
    rules = driver.get("rules", [])
    if len(rules) > 25000:
        problems.append("more than 25,000 rules")
    ids = {}
    for i, r in enumerate(rules):
        rid = r.get("id", "")
        ids[rid] = i
        family = re.match(r"[A-Z]*", rid).group(0)
        for field in ("shortDescription", "fullDescription"):
            if not r.get(field, {}).get("text", "").strip():
                problems.append(f"{rid}: no {field}.text")
        for field in ("text", "markdown"):
            if not r.get("help", {}).get(field, "").strip():
                problems.append(f"{rid}: no help.{field}")
        p = r.get("properties", {})
        tags = p.get("tags", [])
        if family not in tags or len(tags) > 20:
            problems.append(f"{rid}: tags {tags}")
        if p.get("precision") not in ("very-high", "high", "medium", "low"):
            problems.append(f"{rid}: precision {p.get('precision')}")
        if p.get("problem.severity") not in ("error", "warning", "recommendation"):
            problems.append(f"{rid}: problem.severity {p.get('problem.severity')}")
        if family == "SEC":
            counts["security"] += 1
            s = p.get("security-severity")
            if not (isinstance(s, str) and 0.0 < float(s) <= 10.0) or "security" not in tags:
                problems.append(f"{rid}: security-severity {s}, tags {tags}")
        elif "security-severity" in p:
            problems.append(f"{rid}: security-severity on a non-security rule")
    counts["rules"] += len(rules)
    results = run.get("results", [])
    if len(results) > 25000:
        problems.append(f"{len(results)} results (GitHub: at most 25,000 per run)")
    counts["results"] += len(results)
    for res in results:
        where = f"{res.get('ruleId')} {json.dumps(res.get('locations'))[:160]}"
        if res.get("ruleId") not in ids or ids[res["ruleId"]] != res.get("ruleIndex"):
            problems.append(f"unknown rule or wrong ruleIndex: {where}")
        if not res.get("message", {}).get("text"):
            problems.append(f"no message: {where}")
        locs = res.get("locations", [])
        if not 1 <= len(locs) <= 1000:
            problems.append(f"{len(locs)} locations: {where}")
            continue
        phys = locs[0]["physicalLocation"]
        uri = phys["artifactLocation"]["uri"]
        from urllib.parse import unquote
        if not os.path.isfile(os.path.join(root, unquote(uri))):
            problems.append(f"not a file of the project: {where}")
        region = phys.get("region", {})
        if not all(isinstance(region.get(k), int) and region[k] >= 1
                   for k in ("startLine", "startColumn", "endLine", "endColumn")):
            problems.append(f"region without start and end: {where}")
        elif (region["endLine"], region["endColumn"]) < (region["startLine"], region["startColumn"]):
            problems.append(f"region ends before it starts: {where}")
        h = res.get("partialFingerprints", {}).get("primaryLocationLineHash", "")
        if not re.fullmatch(r"[0-9a-f]{1,16}:[0-9]+", h):
            problems.append(f"primaryLocationLineHash {h!r}: {where}")
        if "keelPath" in res.get("properties", {}):
            counts["moved"] += 1

size = os.path.getsize(sarif_path)
print(f"{sarif_path}: {size} bytes, {counts['rules']} rules ({counts['security']} with security-severity), "
      f"{counts['results']} results ({counts['moved']} about a missing file or a folder), "
      f"{len(problems)} problems")
for p in problems[:50]:
    print("  " + p)
sys.exit(1 if problems else 0)
