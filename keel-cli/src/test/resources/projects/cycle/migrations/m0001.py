import os

URL = os.environ["URL"]
