import json
from typing import TYPE_CHECKING

import requests
import yaml
from rich import print

from app import models

try:
    import ujson
except ImportError:
    ujson = None

if TYPE_CHECKING:
    import mypy_extensions


def fetch(url):
    import httpx

    print(json.dumps(models.NAMES), ujson, yaml)
    return requests.get(url, timeout=5), httpx
