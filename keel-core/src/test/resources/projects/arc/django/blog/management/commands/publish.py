from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "publish the posts"

    def handle(self, *args, **options):
        print("publish: done")
