import hmac
import os

import settings as app_settings

# ruleid: python.secrets.hardcoded-password-string
DB_PASSWORD = "s3cr3t-Pa55"

# ruleid: python.secrets.hardcoded-password-string
API_TOKEN: str = "tok_3f9a77c2b1d0"

SMTP_CONFIG = {
    "host": "smtp.example.com",
    "user": "mailer",
    # ruleid: python.secrets.hardcoded-password-string
    "smtp_password": "hunter2",
}


class AdminAccount:
    def __init__(self):
        self.username = "admin"
        # ruleid: python.secrets.hardcoded-password-string
        self.password = ""


def configure(cfg):
    # ruleid: python.secrets.hardcoded-password-string
    cfg["webhook_secret"] = "whsec_8d1f2a"
    return cfg


def login(username, password):
    # ruleid: python.secrets.hardcoded-password-string
    if username == "root" and password == "toor":
        return True
    return False


def check_reset(user):
    # ruleid: python.secrets.hardcoded-password-string
    return user.reset_token != "unused"


def wire_up(settings):
    # ruleid: python.secrets.hardcoded-password-string
    settings.mail_pass = app_settings.mail_pass = "mail-pass-123"
    return settings


def load_credentials():
    # ok: python.secrets.hardcoded-password-string
    return os.environ["DB_PASSWORD"]


# ok: python.secrets.hardcoded-password-string
PASSWORD_MIN_LENGTH = 12

# ok: python.secrets.hardcoded-password-string
passwords = "see the vault"


def verify(password, expected_hash, hasher):
    # ok: python.secrets.hardcoded-password-string
    return hmac.compare_digest(hasher(password), expected_hash)


def form_labels():
    # ok: python.secrets.hardcoded-password-string
    return {"password_label": f"Password for {os.getlogin()}"}


def token_type(header):
    # ok: python.secrets.hardcoded-password-string
    return header.split(" ")[0] == "Bearer"
