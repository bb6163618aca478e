import jwt
from jose import jwt as jose_jwt
from jwt import encode as jwt_encode

SECRET = open("/run/secrets/jwt-hmac").read()
TEST_ALGORITHM = "none"


def load_claims(token):
    # ruleid: python.auth.jwt-none-algorithm
    return jwt.decode(token, SECRET, algorithms=["HS256", "none"])


def load_claims_jose(token):
    return jose_jwt.decode(
        token,
        SECRET,
        # ruleid: python.auth.jwt-none-algorithm
        algorithms=["None"],
    )


def unsigned_token(user_id):
    # ruleid: python.auth.jwt-none-algorithm
    return jwt_encode({"sub": user_id}, None, algorithm="none")


def test_token(user_id):
    # ruleid: python.auth.jwt-none-algorithm
    return jwt.encode({"sub": user_id}, None, algorithm=TEST_ALGORITHM)


def load_claims_safe(token):
    # ok: python.auth.jwt-none-algorithm
    return jwt.decode(token, SECRET, algorithms=["HS256"])


def signed_token(user_id):
    # ok: python.auth.jwt-none-algorithm
    return jwt.encode({"sub": user_id}, SECRET, algorithm="HS256")


def describe(token):
    header = jwt.get_unverified_header(token)
    # ok: python.auth.jwt-none-algorithm
    return header.get("alg", "none")
