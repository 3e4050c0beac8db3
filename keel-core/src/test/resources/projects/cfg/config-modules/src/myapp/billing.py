from os import environ

STRIPE_KEY = environ["STRIPE_KEY"]
