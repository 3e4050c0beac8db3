# The same names as the standard library, but inside a package: no shadowing.
import logging

log = logging.getLogger(__name__)
