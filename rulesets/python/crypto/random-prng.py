import random
import random as rnd
import secrets
import string
from random import choice, sample as pick

import numpy as np


def reset_code():
    # ruleid: python.crypto.random-prng
    return "".join(random.choice(string.digits) for _ in range(6))


def retry_delay(attempt):
    # ruleid: python.crypto.random-prng
    return min(30.0, 2 ** attempt) * rnd.uniform(0.5, 1.5)


def pick_server(servers):
    # ruleid: python.crypto.random-prng
    return choice(servers)


def canary_users(users):
    # ruleid: python.crypto.random-prng
    return pick(users, k=10)


def request_id():
    # ruleid: python.crypto.random-prng
    return "%032x" % random.getrandbits(128)


def seeded(seed):
    # ruleid: python.crypto.random-prng
    rng = random.Random(seed)
    return rng


def jitter_ms():
    # ruleid: python.crypto.random-prng
    return random.randint(0, 250)


def noise(n):
    # ruleid: python.crypto.random-prng
    return random.randbytes(n)


def shard(keys):
    # ruleid: python.crypto.random-prng
    return random.choices(
        keys,
        k=3,
    )


def reset_code_secure():
    # ok: python.crypto.random-prng
    return "".join(secrets.choice(string.digits) for _ in range(6))


def session_token():
    # ok: python.crypto.random-prng
    return secrets.token_urlsafe(32)


def system_random_pick(items):
    # ok: python.crypto.random-prng
    return random.SystemRandom().choice(items)


def shuffle_in_place(items):
    # ok: python.crypto.random-prng
    random.shuffle(items)
    return items


def numpy_sample(values):
    # ok: python.crypto.random-prng
    return np.random.choice(values, size=5)
