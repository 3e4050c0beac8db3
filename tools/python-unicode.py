"""Writes the Unicode facts the parser needs exactly as a CPython version sees them.

Run with the CPython whose behaviour Keel mirrors (3.13):
  python3.13 tools/python-unicode.py
It writes python-syntax/src/main/resources/dev/keel/python/source/unicode-<X.Y>.txt with
  P START END       ranges of code points for which str.isprintable() is true (repr() keeps them)
  A CODEPOINT NAME  name aliases that \\N{...} accepts (NameAliases.txt), checked with
                    unicodedata.lookup; read from perl's unicore/Name.pl when present
  V UNIDATA_VERSION
Names that Java's Character.codePointOf knows and algorithmic names need no table.
"""
import os
import sys
import unicodedata

version = "%d.%d" % sys.version_info[:2]
here = os.path.dirname(os.path.abspath(__file__))
out_path = os.path.join(here, "..", "python-syntax", "src", "main", "resources", "dev", "keel",
                        "python", "source", "unicode-%s.txt" % version)
lines = ["V " + unicodedata.unidata_version]
start = None
for cp in range(0x110000 + 1):
    printable = cp < 0x110000 and chr(cp).isprintable()
    if printable and start is None:
        start = cp
    elif not printable and start is not None:
        lines.append("P %X %X" % (start, cp - 1))
        start = None

aliases = {}
for base in ("/usr/share/perl/5.36/unicore/Name.pl", "/usr/share/perl5/unicore/Name.pl"):
    if os.path.exists(base):
        text = open(base, encoding="utf-8").read()
        body = text.split("return <<'END';\n", 1)[-1].split("\nEND\n", 1)[0]
        entries = body.split("\n\n")
        for entry in entries:
            parts = entry.strip().split("\n")
            if len(parts) != 2 or " " in parts[0]:
                continue
            try:
                cp = int(parts[0], 16)
            except ValueError:
                continue
            name = parts[1].strip()
            try:
                found = unicodedata.lookup(name)
            except KeyError:
                continue
            if len(found) == 1 and ord(found) == cp and unicodedata.name(found, "") != name:
                aliases[name] = cp
        break
# Algorithmic names: PREFIX + hex code point, over ranges (Hangul syllables are computed).
prefixes = ["CJK UNIFIED IDEOGRAPH-", "CJK COMPATIBILITY IDEOGRAPH-", "TANGUT IDEOGRAPH-",
            "KHITAN SMALL SCRIPT CHARACTER-", "NUSHU CHARACTER-", "EGYPTIAN HIEROGLYPH-"]
for prefix in prefixes:
    start = None
    for cp in range(0x110000 + 1):
        hit = cp < 0x110000 and unicodedata.name(chr(cp), "") == "%s%04X" % (prefix, cp)
        if hit and start is None:
            start = cp
        elif not hit and start is not None:
            lines.append("R %X %X %s" % (start, cp - 1, prefix))
            start = None
for name, cp in sorted(aliases.items()):
    lines.append("A %X %s" % (cp, name))
os.makedirs(os.path.dirname(out_path), exist_ok=True)
with open(out_path, "w", encoding="utf-8") as f:
    f.write("\n".join(lines) + "\n")
print("wrote", out_path, len(lines), "lines,", len(aliases), "aliases")
