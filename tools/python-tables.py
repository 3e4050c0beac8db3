"""Writes the per-version tables of Python facts that Keel embeds.

Run it with each interpreter to include, e.g.
  for v in 3.8 3.9 3.10 3.11 3.12 3.13; do python$v tools/python-tables.py; done
It appends one line per table to keel-core/src/main/resources/dev/keel/semantic/python-tables.txt:
  VERSION stdlib NAME NAME ...     top-level standard-library modules
  VERSION builtins NAME NAME ...   names of the builtins module
Before 3.10 (no sys.stdlib_module_names) the module list is read from the library folder.
"""
import builtins
import os
import pkgutil
import sys
import sysconfig

version = "%d.%d" % sys.version_info[:2]
if hasattr(sys, "stdlib_module_names"):
    mods = set(sys.stdlib_module_names)
else:
    mods = set(sys.builtin_module_names)
    stdlib = sysconfig.get_paths()["stdlib"]
    for info in pkgutil.iter_modules([stdlib, os.path.join(stdlib, "lib-dynload")]):
        mods.add(info.name.split(".")[0])
    mods.discard("site-packages")
    mods.discard("test")
    mods.add("test")
mods = sorted(m for m in mods if m.isidentifier())
names = sorted(n for n in dir(builtins))
out = os.path.join(os.path.dirname(__file__), "..", "keel-core", "src", "main", "resources",
                   "dev", "keel", "semantic", "python-tables.txt")
os.makedirs(os.path.dirname(out), exist_ok=True)
with open(out, "a") as f:
    f.write(version + " stdlib " + " ".join(mods) + "\n")
    f.write(version + " builtins " + " ".join(names) + "\n")
