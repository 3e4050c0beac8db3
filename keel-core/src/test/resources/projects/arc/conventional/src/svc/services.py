from svc import models

SERVICE = models
