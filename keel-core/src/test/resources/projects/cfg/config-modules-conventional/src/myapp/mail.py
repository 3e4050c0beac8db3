import os

SMTP_HOST = os.getenv("SMTP_HOST", "localhost")
