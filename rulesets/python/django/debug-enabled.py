import os
from pathlib import Path

from django.conf import settings as django_settings

BASE_DIR = Path(__file__).resolve().parent.parent

# ruleid: python.django.debug-enabled
DEBUG = True

if os.environ.get("DJANGO_ENV") == "staging":
    # ruleid: python.django.debug-enabled
    DEBUG = os.environ.get("DJANGO_DEBUG", "True") == "True"

if os.environ.get("DJANGO_ENV") == "preview":
    # ruleid: python.django.debug-enabled
    DEBUG = os.getenv("DJANGO_DEBUG", "1") == "1"


def configure_standalone():
    if not django_settings.configured:
        # ruleid: python.django.debug-enabled
        django_settings.configure(DEBUG=True, INSTALLED_APPS=["reports"])


if os.environ.get("DJANGO_ENV") == "production":
    # ok: python.django.debug-enabled
    DEBUG = False

if os.environ.get("DJANGO_ENV") == "ci":
    # ok: python.django.debug-enabled
    DEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"

# ok: python.django.debug-enabled
TEMPLATE_DEBUG_TOOLBAR = True

# ok: python.django.debug-enabled
DEBUG_PROPAGATE_EXCEPTIONS = True


def configure_quiet():
    # ok: python.django.debug-enabled
    django_settings.configure(DEBUG=False, INSTALLED_APPS=["reports"])
