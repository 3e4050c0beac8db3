#!/usr/bin/env bash
# Assembles real projects from an installed site-packages (the package's code as src/<pkg>, a
# pyproject.toml rebuilt from its dist-info METADATA: name, version, requires-python,
# Requires-Dist with extras as optional-dependencies) and runs `keel check --format json` on each
# and on a copy of the standard library, printing the count of findings per rule.
# Usage: bench/real-projects.sh [SITE_PACKAGES] [OUT_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
site=${1:-$(python3 -c "import sysconfig; print(sysconfig.get_paths()['purelib'])")}
out=${2:-/tmp/keel-real}
rm -rf "$out" && mkdir -p "$out"
python3 - "$site" "$out" <<'PY'
import email, os, re, shutil, sys
site, out = sys.argv[1], sys.argv[2]
for pkg in ["requests", "flask", "jinja2", "click", "werkzeug"]:
    info = next(d for d in os.listdir(site) if d.lower().startswith(pkg + "-") and d.endswith(".dist-info"))
    meta = email.message_from_string(open(os.path.join(site, info, "METADATA"), encoding="utf-8").read())
    root = os.path.join(out, pkg)
    shutil.copytree(os.path.join(site, pkg), os.path.join(root, "src", pkg),
                    ignore=shutil.ignore_patterns("__pycache__"))
    os.makedirs(os.path.join(root, ".git"))
    deps, extras = [], {}
    for req in meta.get_all("Requires-Dist") or []:
        m = re.search(r"extra\s*==\s*['\"]([^'\"]+)['\"]", req)
        base = req.split(";")[0].strip()
        (extras.setdefault(m.group(1), []) if m else deps).append(base)
    q = lambda xs: "[" + ", ".join('"%s"' % x.replace('"', "'") for x in xs) + "]"
    lines = ["[project]", 'name = "%s"' % meta["Name"], 'version = "%s"' % meta["Version"]]
    if meta["Requires-Python"]:
        lines.append('requires-python = "%s"' % meta["Requires-Python"])
    lines.append("dependencies = " + q(deps))
    if extras:
        lines.append("\n[project.optional-dependencies]")
        lines += ['%s = %s' % (k, q(v)) for k, v in sorted(extras.items())]
    open(os.path.join(root, "pyproject.toml"), "w").write("\n".join(lines) + "\n")
PY
stdlib=$(python3 -c "import sysconfig; print(sysconfig.get_paths()['stdlib'])")
mkdir -p "$out/stdlib/.git"
(cd "$stdlib" && find . -name '*.py' -not -path './site-packages/*' -print0 | cpio -0pdm --quiet "$out/stdlib")
"$here/keel" version >/dev/null
for p in "$out"/*/; do
  name=$(basename "$p")
  "$here/keel" check --format json --fail-on error "$p" >"$out/$name.json" 2>"$out/$name.err" || true
  python3 - "$out/$name.json" "$name" <<'PY'
import collections, json, sys
r = json.load(open(sys.argv[1]))
c = collections.Counter(f["code"] for f in r["findings"])
print("%-9s %5d files %7d lines  " % (sys.argv[2], r["summary"]["files"], r["summary"]["lines"]) +
      "  ".join("%s=%d" % kv for kv in sorted(c.items())))
PY
done
