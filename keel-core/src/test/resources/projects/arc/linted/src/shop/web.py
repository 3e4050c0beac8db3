from shop import domain

VIEW = domain
