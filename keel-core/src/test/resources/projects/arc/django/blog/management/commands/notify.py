from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "notify the posts"

    def handle(self, *args, **options):
        print("notify: done")
