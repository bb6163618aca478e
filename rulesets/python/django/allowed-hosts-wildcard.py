import os

from django.conf import settings

# ruleid: python.django.allowed-hosts-wildcard
ALLOWED_HOSTS = ["*"]

if os.environ.get("DJANGO_ENV") == "staging":
    # ruleid: python.django.allowed-hosts-wildcard
    ALLOWED_HOSTS = ("staging.example.com", "*")

if os.environ.get("DJANGO_ENV") == "docker":
    # ruleid: python.django.allowed-hosts-wildcard
    ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", "*").split(",")

if os.environ.get("BEHIND_LOAD_BALANCER"):
    # ruleid: python.django.allowed-hosts-wildcard
    ALLOWED_HOSTS.append("*")


def configure_standalone():
    # ruleid: python.django.allowed-hosts-wildcard
    settings.configure(ALLOWED_HOSTS=["*"], INSTALLED_APPS=["reports"])


if os.environ.get("DJANGO_ENV") == "production":
    # ok: python.django.allowed-hosts-wildcard
    ALLOWED_HOSTS = ["shop.example.com", "www.shop.example.com"]

if os.environ.get("DJANGO_ENV") == "preview":
    # ok: python.django.allowed-hosts-wildcard
    ALLOWED_HOSTS = [".preview.example.com"]

if os.environ.get("DJANGO_ENV") == "kubernetes":
    # ok: python.django.allowed-hosts-wildcard
    ALLOWED_HOSTS = os.environ["DJANGO_ALLOWED_HOSTS"].split(",")

# ok: python.django.allowed-hosts-wildcard
CORS_ALLOWED_ORIGINS = ["*"]
