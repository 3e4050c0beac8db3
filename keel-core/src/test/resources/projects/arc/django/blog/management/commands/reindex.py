from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "reindex the posts"

    def handle(self, *args, **options):
        print("reindex: done")
