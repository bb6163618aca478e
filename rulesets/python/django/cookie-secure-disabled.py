import os

from django.conf import settings as django_settings

# ruleid: python.django.cookie-secure-disabled
SESSION_COOKIE_SECURE = False

# ruleid: python.django.cookie-secure-disabled
CSRF_COOKIE_SECURE = False


class StagingConfig:
    # ruleid: python.django.cookie-secure-disabled
    SESSION_COOKIE_SECURE = False


def configure_standalone():
    # ruleid: python.django.cookie-secure-disabled
    django_settings.configure(CSRF_COOKIE_SECURE=False, INSTALLED_APPS=["reports"])


if os.environ.get("DJANGO_ENV") == "production":
    # ok: python.django.cookie-secure-disabled
    SESSION_COOKIE_SECURE = True
    # ok: python.django.cookie-secure-disabled
    CSRF_COOKIE_SECURE = True

# ok: python.django.cookie-secure-disabled
SESSION_COOKIE_SECURE = os.environ.get("HTTPS", "1") == "1"

# ok: python.django.cookie-secure-disabled
CSRF_COOKIE_HTTPONLY = False

# ok: python.django.cookie-secure-disabled
SECURE_SSL_REDIRECT = False
