"""The code the workflows build and test."""
