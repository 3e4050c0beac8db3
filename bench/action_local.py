#!/usr/bin/env python3
"""Runs Keel's composite action (action.yml) on this machine the way a GitHub runner does: each
step in order, its `if:` and `${{ }}` expressions evaluated, `run:` steps executed verbatim with
bash (-eo pipefail, as the runner's `shell: bash`), GITHUB_OUTPUT read back into step outputs.
The three actions it uses are stood in for: actions/setup-java sets JAVA_HOME to a local JDK of at
least that version; actions/cache/restore and /save keep their paths in a local folder (not ~/.m2);
github/codeql-action/upload-sarif checks the file with bench/sarif_github_check.py (schema and
GitHub's fields), which is what the upload rejects. Usage:
  action_local.py WORKSPACE --event push|pull_request [--base SHA] [--input k=v ...] --store DIR
Prints each step and its outcome; exits with the job's result (0 success, 1 failure)."""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

import yaml

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

ap = argparse.ArgumentParser()
ap.add_argument("workspace")
ap.add_argument("--event", default="push")
ap.add_argument("--base", default="")
ap.add_argument("--input", action="append", default=[])
ap.add_argument("--store", required=True)
ap.add_argument("--jdk", default=os.environ.get("JAVA_HOME", ""))
args = ap.parse_args()

action = yaml.safe_load(open(os.path.join(HERE, "action.yml"), encoding="utf-8"))
assert action["runs"]["using"] == "composite", "a composite action"
inputs = {k: str(v.get("default", "")) for k, v in action.get("inputs", {}).items()}
for kv in args.input:
    k, _, v = kv.partition("=")
    if k not in inputs:
        sys.exit(f"unknown input {k}")
    inputs[k] = v
head = subprocess.run(["git", "-C", args.workspace, "rev-parse", "HEAD"], capture_output=True,
                      text=True, check=True).stdout.strip()
event = {"pull_request": {"base": {"sha": args.base}}} if args.event == "pull_request" else {}
ctx = {
    "inputs": inputs,
    "github": {"action_path": HERE, "sha": head, "workspace": args.workspace,
               "event_name": args.event, "event": event, "action_ref": "", "ref": ""},
    "runner": {"os": "Linux", "temp": tempfile.mkdtemp()},
    "steps": {},
    "env": {},
}
failed = False


def lookup(path):
    v = ctx
    for part in path.split("."):
        if isinstance(v, dict) and part in v:
            v = v[part]
        else:
            return None
    return v


TOKEN = re.compile(r"\s*(?:(?P<str>'(?:[^']|'')*')|(?P<op>&&|\|\||==|!=|!|\(|\)|,)|(?P<name>[A-Za-z_][\w.\-]*))")


def evaluate(expr):
    """GitHub's expression language, the part action.yml uses: contexts, strings, ! && || == !=,
    cancelled() always() success() failure()."""
    out, pos = [], 0
    while pos < len(expr.strip()):
        m = TOKEN.match(expr, pos)
        if not m or m.end() == pos:
            raise SystemExit(f"cannot evaluate {expr!r} at {pos}")
        pos = m.end()
        if m.group("str"):
            out.append(repr(m.group("str")[1:-1].replace("''", "'")))
        elif m.group("op"):
            out.append({"&&": " and ", "||": " or ", "!": " not "}.get(m.group("op"), m.group("op")))
        else:
            name = m.group("name")
            funcs = {"cancelled": "False", "always": "True", "success": str(not failed),
                     "failure": str(failed), "true": "True", "false": "False", "null": "None"}
            if name in funcs:
                out.append(funcs[name])
                if name in ("cancelled", "always", "success", "failure"):
                    m2 = re.compile(r"\s*\(\s*\)").match(expr, pos)
                    pos = m2.end()
            else:
                out.append(repr(lookup(name)))
    return eval("".join(out), {"__builtins__": {}})


def substitute(text):
    def one(m):
        v = evaluate(m.group(1))
        return "" if v is None else str(v).lower() if isinstance(v, bool) else str(v)
    return re.sub(r"\$\{\{(.*?)\}\}", one, str(text))


def cache_dir(key):
    return os.path.join(args.store, re.sub(r"[^\w.-]", "_", key))


java_home = None
for i, step in enumerate(action["runs"]["steps"]):
    name = step.get("name", step.get("uses", f"step {i}"))
    cond = step.get("if")
    if cond is not None:
        c = cond.strip()
        c = c[3:-2] if c.startswith("${{") else c
        run_it = bool(evaluate(c))
    else:
        run_it = not failed
    if not run_it:
        print(f"-- {name}: skipped")
        continue
    sid = step.get("id", f"_{i}")
    ctx["steps"][sid] = {"outputs": {}, "outcome": "success"}
    with_ = {k: substitute(v) for k, v in step.get("with", {}).items()}
    uses = step.get("uses")
    ok = True
    if uses and uses.startswith("actions/setup-java@"):
        java_home = args.jdk
        major = subprocess.run([os.path.join(java_home, "bin", "java"), "-version"],
                               capture_output=True, text=True).stderr
        got = int(re.search(r'version "(\d+)', major).group(1))
        ok = got >= int(with_["java-version"])
        print(f"-- {name}: JAVA_HOME={java_home} (JDK {got}, asked {with_['java-version']})")
    elif uses and (uses.startswith("actions/cache/restore@") or uses.startswith("actions/cache/save@")):
        paths = [p.strip() for p in with_["path"].splitlines() if p.strip()]
        # ~/.m2 stays this machine's own: copying the Maven repository would measure the copy.
        paths = [p if os.path.isabs(p) else os.path.join(args.workspace, p) for p in paths if not p.startswith("~")]
        key = with_["key"]
        if "/restore@" in uses:
            hit = key if os.path.isdir(cache_dir(key)) else None
            for prefix in [r.strip() for r in with_.get("restore-keys", "").splitlines() if r.strip()]:
                if hit:
                    break
                cands = [os.path.join(args.store, d) for d in os.listdir(args.store)
                         if d.startswith(os.path.basename(cache_dir(prefix)))]
                hit = os.path.basename(max(cands, key=os.path.getmtime)) if cands else None
            if hit:
                for j, p in enumerate(paths):
                    src = os.path.join(args.store, os.path.basename(cache_dir(hit)), str(j))
                    if os.path.isdir(src):
                        shutil.copytree(src, p, dirs_exist_ok=True)
                    elif os.path.isfile(src):
                        os.makedirs(os.path.dirname(p), exist_ok=True)
                        shutil.copy2(src, p)
            print(f"-- {name}: key {key}: {'restored ' + hit if hit else 'miss'}")
            ctx["steps"][sid]["outputs"]["cache-hit"] = str(hit == key).lower()
        else:
            d = cache_dir(key)
            if os.path.isdir(d):
                print(f"-- {name}: {key} exists, not saved again")
            else:
                for j, p in enumerate(paths):
                    if os.path.isdir(p):
                        shutil.copytree(p, os.path.join(d, str(j)))
                    elif os.path.isfile(p):
                        os.makedirs(d, exist_ok=True)
                        shutil.copy2(p, os.path.join(d, str(j)))
                print(f"-- {name}: saved {key}")
    elif uses and uses.startswith("github/codeql-action/upload-sarif@"):
        sarif = with_["sarif_file"]
        sarif = sarif if os.path.isabs(sarif) else os.path.join(args.workspace, sarif)
        r = subprocess.run([sys.executable, os.path.join(HERE, "bench", "sarif_github_check.py"),
                            os.path.join(HERE, "keel-cli/src/test/resources/sarif/sarif-schema-2.1.0.json"),
                            sarif, os.path.join(args.workspace, inputs["path"])])
        ok = r.returncode == 0
        print(f"-- {name}: {sarif} category {with_['category']}: {'accepted' if ok else 'rejected'}")
    elif uses:
        raise SystemExit(f"no stand-in for {uses}")
    else:
        env = dict(os.environ)
        env.update({k: substitute(v) for k, v in step.get("env", {}).items()})
        out = os.path.join(ctx["runner"]["temp"], f"output-{i}")
        open(out, "w").close()
        env.update({"GITHUB_ACTION_PATH": HERE, "GITHUB_WORKSPACE": args.workspace,
                    "GITHUB_OUTPUT": out, "CI": "true", "GITHUB_ACTIONS": "true"})
        if java_home:
            env["JAVA_HOME"] = java_home
            env["PATH"] = os.path.join(java_home, "bin") + os.pathsep + env["PATH"]
        assert step.get("shell") == "bash", "composite run steps name their shell"
        script = os.path.join(ctx["runner"]["temp"], f"step-{i}.sh")
        open(script, "w").write(substitute(step["run"]))
        print(f"-- {name}: {substitute(step['run'])}", flush=True)
        r = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", script],
                           env=env, cwd=args.workspace)
        ok = r.returncode == 0
        for line in open(out):
            k, _, v = line.rstrip("\n").partition("=")
            ctx["steps"][sid]["outputs"][k] = v
        print(f"   exit {r.returncode}, outputs {ctx['steps'][sid]['outputs']}")
    if not ok:
        ctx["steps"][sid]["outcome"] = "failure"
        failed = True

print("job:", "failure" if failed else "success")
sys.exit(1 if failed else 0)
