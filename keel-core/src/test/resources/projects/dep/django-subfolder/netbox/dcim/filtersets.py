import django_filters
import strawberry
from asgiref.sync import async_to_sync

from netbox.settings import DEBUG
from utilities.forms import clean


class DeviceFilterSet(django_filters.FilterSet):
    name = django_filters.CharFilter(method="search")

    def search(self, queryset, name, value):
        if DEBUG:
            print(strawberry, async_to_sync)
        return queryset.filter(name=clean(value))
