import os
import smtplib

import psycopg
import redis
from boto3 import client as aws_client
from hvac import Client as VaultClient


def connect_db():
    # ruleid: python.secrets.hardcoded-password-funcarg
    return psycopg.connect(host="db", user="app", password="s3cr3t-Pa55")


def cache():
    return redis.Redis(
        host="cache.internal",
        port=6379,
        # ruleid: python.secrets.hardcoded-password-funcarg
        password="r3d1s",
    )


def vault():
    # ruleid: python.secrets.hardcoded-password-funcarg
    return VaultClient(url="https://vault.internal:8200", token="hvs.CAESIJ9x")


def sqs():
    # ruleid: python.secrets.hardcoded-password-funcarg
    return aws_client("sqs", region_name="eu-west-1", aws_session_token="FwoGZXIvYXdzEJr")


def send_report(body):
    with smtplib.SMTP_SSL("smtp.example.com") as smtp:
        # ruleid: python.secrets.hardcoded-password-funcarg
        smtp.login(user="reports", passwd="mail-pass-123")
        smtp.sendmail("reports@example.com", ["team@example.com"], body)


def connect_db_safe():
    # ok: python.secrets.hardcoded-password-funcarg
    return psycopg.connect(host="db", user="app", password=os.environ["DB_PASSWORD"])


def cache_safe(settings):
    # ok: python.secrets.hardcoded-password-funcarg
    return redis.Redis(host="cache.internal", password=settings.REDIS_PASSWORD)


def render(template):
    # ok: python.secrets.hardcoded-password-funcarg
    return template.render(title="Change your password", hint="Use a passphrase")


def no_password():
    # ok: python.secrets.hardcoded-password-funcarg
    return psycopg.connect(host="db", user="app", password=None)
