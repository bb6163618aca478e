import os

from django.conf import settings as django_settings

PASSWORD_HASHERS = [
    # ruleid: python.django.weak-password-hashers
    "django.contrib.auth.hashers.MD5PasswordHasher",
    # ok: python.django.weak-password-hashers
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]

if os.environ.get("LEGACY_IMPORT"):
    PASSWORD_HASHERS = (
        # ok: python.django.weak-password-hashers
        "django.contrib.auth.hashers.Argon2PasswordHasher",
        # ruleid: python.django.weak-password-hashers
        "django.contrib.auth.hashers.UnsaltedSHA1PasswordHasher",
        # ruleid: python.django.weak-password-hashers
        'django.contrib.auth.hashers.SHA1PasswordHasher',
    )


def configure_standalone():
    django_settings.configure(
        INSTALLED_APPS=["accounts"],
        # ruleid: python.django.weak-password-hashers
        PASSWORD_HASHERS=["django.contrib.auth.hashers.UnsaltedMD5PasswordHasher"],
    )


if os.environ.get("DJANGO_ENV") == "production":
    PASSWORD_HASHERS = [
        # ok: python.django.weak-password-hashers
        "django.contrib.auth.hashers.ScryptPasswordHasher",
        # ok: python.django.weak-password-hashers
        "django.contrib.auth.hashers.BCryptSHA256PasswordHasher",
    ]

# ok: python.django.weak-password-hashers
CACHE_KEY_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
