import os

import boto3
from boto3 import client as aws_client

# ruleid: python.secrets.aws-access-key-id
AWS_ACCESS_KEY_ID = "AKIA2E0A8F3B244C9986"


def s3_client():
    return boto3.client(
        "s3",
        # ruleid: python.secrets.aws-access-key-id
        aws_access_key_id="AKIAQ4NSBIGC7WZ2K5PM",
        aws_secret_access_key=os.environ["AWS_SECRET_ACCESS_KEY"],
    )


def assumed_role_client():
    # ruleid: python.secrets.aws-access-key-id
    return aws_client("sts", aws_access_key_id="ASIAY34FZKBOKMUTVV7A", aws_session_token=os.environ["TOKEN"])


# Old deploy key, rotate me:
# ruleid: python.secrets.aws-access-key-id
# AKIAJ7QWERTY3ZXCVB9N


def s3_client_safe():
    # ok: python.secrets.aws-access-key-id
    return boto3.client("s3")


def documented_example():
    # ok: python.secrets.aws-access-key-id
    return {"AccessKeyId": "AKIAIOSFODNN7EXAMPLE"}


def too_short():
    # ok: python.secrets.aws-access-key-id
    return "AKIA1234"


def key_from_env():
    # ok: python.secrets.aws-access-key-id
    return os.environ["AWS_ACCESS_KEY_ID"]
