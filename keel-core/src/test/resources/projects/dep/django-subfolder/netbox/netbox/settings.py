DEBUG = False

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "compressor",
    "sorl.thumbnail",
    "dcim",
]
