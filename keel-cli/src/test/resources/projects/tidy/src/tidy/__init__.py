"""Counts words, tidily."""

from tidy.core import count_words

__all__ = ["count_words"]
