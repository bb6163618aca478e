import os

from django.conf import settings as django_settings

# ruleid: python.django.session-cookie-httponly-disabled
SESSION_COOKIE_HTTPONLY = True


class LegacyFrontendConfig:
    # The single-page app reads the session id from JavaScript.
    # ruleid: python.django.session-cookie-httponly-disabled
    SESSION_COOKIE_HTTPONLY = True


def configure_standalone():
    # ruleid: python.django.session-cookie-httponly-disabled
    django_settings.configure(SESSION_COOKIE_HTTPONLY=True, INSTALLED_APPS=["reports"])


if os.environ.get("DJANGO_ENV") == "production":
    # ok: python.django.session-cookie-httponly-disabled
    SESSION_COOKIE_HTTPONLY = True

# ok: python.django.session-cookie-httponly-disabled
CSRF_COOKIE_HTTPONLY = False

# ok: python.django.session-cookie-httponly-disabled
LANGUAGE_COOKIE_HTTPONLY = False
