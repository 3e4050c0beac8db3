import random as _r

SEED = 1
