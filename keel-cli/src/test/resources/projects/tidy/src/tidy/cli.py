"""The tidy command."""

import sys

from tidy.core import count_words


def main() -> int:
    """Print the word count of each file named on the command line."""
    for name in sys.argv[1:]:
        with open(name, encoding="utf-8") as f:
            sys.stdout.write(f"{name}: {count_words(f.read())}\n")
    return 0
