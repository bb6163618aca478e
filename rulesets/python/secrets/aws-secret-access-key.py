import os

import boto3
from boto3.session import Session as AwsSession

# ruleid: python.secrets.aws-secret-access-key
AWS_SECRET_ACCESS_KEY = "q8Vd2dN1aJ3ExT0sRw5Lk7Yb9Cz4Hm6Gp2Fu8Xn0"


def reporting_session(key_id):
    return AwsSession(
        aws_access_key_id=key_id,
        # ruleid: python.secrets.aws-secret-access-key
        aws_secret_access_key="Zt5+Kq9mWb3Rf7Hs1Nd4Vx8Lc2Pj6Gy0Ea/Uo3Ti",
    )


class Settings:
    def __init__(self):
        # ruleid: python.secrets.aws-secret-access-key
        self.aws_secret_key = "Hn4Jx7Qw2Ep9Lt5Rz8Vb3Mk6Cs1Yf0Gd/Ua2Wo4P"


CREDENTIALS = {
    "AccessKeyId": os.environ.get("AWS_ACCESS_KEY_ID"),
    # ruleid: python.secrets.aws-secret-access-key
    "SecretAccessKey": "b7Tq2Wz9Lm4Xc8Rv1Np5Hs3Jk6Dg0Fy/Ea+Ui2Oo",
}


def reporting_session_safe():
    # ok: python.secrets.aws-secret-access-key
    return boto3.Session(profile_name="reporting")


def secret_from_env():
    # ok: python.secrets.aws-secret-access-key
    return boto3.client("s3", aws_secret_access_key=os.environ["AWS_SECRET_ACCESS_KEY"])


# ok: python.secrets.aws-secret-access-key
DOCS_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"

# ok: python.secrets.aws-secret-access-key
AWS_SECRET_ACCESS_KEY_PARAMETER = "/prod/reporting/aws_secret_access_key01"

# ok: python.secrets.aws-secret-access-key
CHECKSUM = "q8Vd2dN1aJ3ExT0sRw5Lk7Yb9Cz4Hm6Gp2Fu8Xn0"
