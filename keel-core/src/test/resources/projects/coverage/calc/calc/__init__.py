"""A small calculator, measured by coverage.py in CoverageDifferentialTest."""
