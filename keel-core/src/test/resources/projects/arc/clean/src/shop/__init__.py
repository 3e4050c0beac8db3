"""The shop."""

from .dates import format_date, parse_date

__all__ = ["parse_date", "format_date"]
__version__ = "1.0"
