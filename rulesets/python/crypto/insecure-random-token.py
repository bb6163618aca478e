import random
import secrets
import string
import uuid
from random import choice as pick_char, randint

ALPHABET = string.ascii_letters + string.digits


def generate_token(length=32):
    # ruleid: python.crypto.insecure-random-token
    return "".join(random.choice(ALPHABET) for _ in range(length))


def newApiKey():
    # ruleid: python.crypto.insecure-random-token
    return "%032x" % random.getrandbits(128)


def reset_password(user, mailer):
    # ruleid: python.crypto.insecure-random-token
    reset_code = str(randint(100000, 999999))
    user.reset_code = reset_code
    mailer.send(user.email, f"Your reset code is {reset_code}")


def invite(user):
    # ruleid: python.crypto.insecure-random-token
    user.invite_token = uuid.uuid1().hex
    return user


def login(session, user):
    session["user_id"] = user.id
    # ruleid: python.crypto.insecure-random-token
    session["csrf_token"] = "".join(random.choices(ALPHABET, k=40))


def temporary_password(length=12):
    password = ""
    for _ in range(length):
        # ruleid: python.crypto.insecure-random-token
        password += pick_char(ALPHABET)
    return password


class Session:
    def __init__(self):
        # ruleid: python.crypto.insecure-random-token
        self.session_id: str = str(uuid.uuid1())


def password_for_user(user):
    # ruleid: python.crypto.insecure-random-token
    return user.name[:3] + str(random.randint(1000, 9999))


def sign_up_otp():
    # ruleid: python.crypto.insecure-random-token
    otp = random.randrange(10**5, 10**6)
    return otp


def generate_token_secure(nbytes=32):
    # ok: python.crypto.insecure-random-token
    return secrets.token_urlsafe(nbytes)


def temporary_password_secure(length=12):
    # ok: python.crypto.insecure-random-token
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def retry_delay(attempt):
    # ok: python.crypto.insecure-random-token
    delay = min(30.0, 2 ** attempt) * random.uniform(0.5, 1.5)
    return delay


def sample_prompt(prompts):
    # ok: python.crypto.insecure-random-token
    max_tokens = random.randint(64, 256)
    return random.choice(prompts), max_tokens


def request_correlation_id():
    # ok: python.crypto.insecure-random-token
    return uuid.uuid4().hex


def spin_wheel(segments):
    # ok: python.crypto.insecure-random-token
    spin = random.choice(segments)
    return spin


def token_count(text):
    # ok: python.crypto.insecure-random-token
    return len(text.split()) + random.randint(0, 1)
