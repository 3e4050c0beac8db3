import os

from myapp import runtime_env

if __name__ == "__main__":
    print(runtime_env.database_url(), os.environ.get("PORT"))
