from svc import db

MODEL = db
