import os

import environ
from django.conf import settings as django_settings
from django.core.management.utils import get_random_secret_key

env = environ.Env()

# ruleid: python.django.hardcoded-secret-key
SECRET_KEY = "django-insecure-9x#k2l!v0z@c4m7q1w8e5r3t6y-0p"

if os.environ.get("DJANGO_ENV") == "staging":
    # ruleid: python.django.hardcoded-secret-key
    SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "staging-secret-key-do-not-use")

if os.environ.get("DJANGO_ENV") == "docker":
    # ruleid: python.django.hardcoded-secret-key
    SECRET_KEY = env("DJANGO_SECRET_KEY", default="docker-compose-secret")


class BaseConfig:
    # ruleid: python.django.hardcoded-secret-key
    SECRET_KEY = "a3f1c9e0b7d24e6f8a1b2c3d4e5f6a7b"


def configure_worker():
    # ruleid: python.django.hardcoded-secret-key
    django_settings.configure(SECRET_KEY="worker-key-123", INSTALLED_APPS=["jobs"])


if os.environ.get("DJANGO_ENV") == "production":
    # ok: python.django.hardcoded-secret-key
    SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]

if os.environ.get("DJANGO_ENV") == "ephemeral":
    # ok: python.django.hardcoded-secret-key
    SECRET_KEY = get_random_secret_key()

if os.environ.get("DJANGO_ENV") == "build":
    # ok: python.django.hardcoded-secret-key
    SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")

# ok: python.django.hardcoded-secret-key
SECRET_KEY_FALLBACKS = env.list("DJANGO_OLD_SECRET_KEYS", default=[])

# ok: python.django.hardcoded-secret-key
SECRET_KEY_NAME = "DJANGO_SECRET_KEY"
