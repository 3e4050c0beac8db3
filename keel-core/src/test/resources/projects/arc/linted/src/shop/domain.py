import json

import requests

DATA = (json, requests)
