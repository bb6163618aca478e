import os

import boto3

# ruleid: aws-hardcoded-credentials
AWS_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE"


def make_client():
    return boto3.client(
        "s3",
        # ruleid: aws-hardcoded-credentials
        aws_access_key_id='AKIAI44QH8DHBEXAMPLE',
        # ruleid: aws-hardcoded-credentials
        aws_secret_access_key="wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    )


SETTINGS = {
    "region": "eu-west-1",
    # ruleid: aws-hardcoded-credentials
    "aws_secret_access_key": "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY",
}

CREDENTIALS_TEMPLATE = """
[default]
# ruleid: aws-hardcoded-credentials
aws_secret_access_key = je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY
"""


def env_client():
    return boto3.client(
        "s3",
        # ok: aws-hardcoded-credentials
        aws_access_key_id=os.environ["AWS_ACCESS_KEY_ID"],
        # ok: aws-hardcoded-credentials
        aws_secret_access_key=os.environ["AWS_SECRET_ACCESS_KEY"],
    )


# ok: aws-hardcoded-credentials
# Example key id from the AWS docs: AKIAIOSFODNN7EXAMPLE
# ok: aws-hardcoded-credentials
KEY_HINT = "key id looks like AKIAIOSFODNN7EXAMPLE"
# ok: aws-hardcoded-credentials
LOWERCASE = "akiaiosfodnn7example"
# ok: aws-hardcoded-credentials
TOO_SHORT = "AKIAEXAMPLE"
# ok: aws-hardcoded-credentials
aws_secret_access_key = ""
