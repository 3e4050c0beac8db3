import importlib

INSTALLED_APPS = [
    'django_extensions',
    "django_celery_beat.apps.BeatConfig",
]

# humanize is named here, but not in quotes
PLUGINS = ["six_extra", 'arrowhead']


def load():
    return importlib.import_module("sentry_sdk")
