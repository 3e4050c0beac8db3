"""Runs the tests without pytest, so coverage.py alone can measure them."""
import tests.test_pricing as t

for name in sorted(dir(t)):
    if name.startswith("test_"):
        getattr(t, name)()
