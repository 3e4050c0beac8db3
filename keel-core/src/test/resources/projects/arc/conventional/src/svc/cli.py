from svc.api import API

print(API)
