import requests
from dateutil import parser
from PIL import Image


def load(url):
    return Image.open(requests.get(url, timeout=5).raw), parser
