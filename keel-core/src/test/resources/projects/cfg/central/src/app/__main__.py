import os

from app.db import connect

if __name__ == "__main__":
    connect()
    print(os.environ.get("DEBUG"))
