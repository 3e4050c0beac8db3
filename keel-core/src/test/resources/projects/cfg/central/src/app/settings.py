import os

DATABASE_URL = os.environ["DATABASE_URL"]
SMTP_HOST = os.getenv("SMTP_HOST", "localhost")
