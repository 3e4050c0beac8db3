from svc import services

API = services
