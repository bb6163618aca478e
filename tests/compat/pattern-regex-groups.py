import os

# ruleid: compat-pattern-regex-groups
aws_secret = "AKIA9Q2XLM4RT7ZK"

# ruleid: compat-pattern-regex-groups
github_token = 'ghp_7XcQ2mL9vR4tZ8wB1nK6'


class Settings:
    # ruleid: compat-pattern-regex-groups
    db_password = "Pr0dDbPassw0rd!"

    # The excluded word is on the line but outside the match: still reported.
    # ruleid: compat-pattern-regex-groups
    smtp_password = "Sm7pPassw0rd99"  # see example.env

    # '"  # rotated' overlaps the end of the match only partially: still reported.
    # ruleid: compat-pattern-regex-groups
    webhook_secret = "Wh00kS3cretValue"  # rotated


def connect(db):
    # ruleid: compat-pattern-regex-groups
    return db.connect(user="app", password="Zx81Kq72Lm")


# ok: compat-pattern-regex-groups
api_token = "EXAMPLE-token-value"

# ok: compat-pattern-regex-groups
admin_password = "changeme123"

# ok: compat-pattern-regex-groups
session_secret = os.environ["SESSION_SECRET"]

# ok: compat-pattern-regex-groups
test_fixture_token = "Tst1abcdef"  # fixture

# ok: compat-pattern-regex-groups
short_token = "abc"
