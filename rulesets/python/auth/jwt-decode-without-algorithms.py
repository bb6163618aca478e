import jwt
from jose import jwt as jose_jwt
from jwt import decode as jwt_decode

PUBLIC_KEY = open("/etc/app/jwt-public.pem").read()
ALLOWED_ALGORITHMS = ["RS256"]


def current_user(token):
    # ruleid: python.auth.jwt-decode-without-algorithms
    claims = jwt.decode(token, PUBLIC_KEY)
    return claims["sub"]


def service_claims(token):
    # ruleid: python.auth.jwt-decode-without-algorithms
    return jose_jwt.decode(token, PUBLIC_KEY, audience="billing")


def refresh(token):
    # ruleid: python.auth.jwt-decode-without-algorithms
    claims = jwt_decode(
        token,
        key=PUBLIC_KEY,
        leeway=30,
    )
    return claims["jti"]


def current_user_safe(token):
    # ok: python.auth.jwt-decode-without-algorithms
    claims = jwt.decode(token, PUBLIC_KEY, algorithms=["RS256"])
    return claims["sub"]


def service_claims_safe(token):
    # ok: python.auth.jwt-decode-without-algorithms
    return jose_jwt.decode(token, PUBLIC_KEY, algorithms=ALLOWED_ALGORITHMS, audience="billing")


def positional_algorithms(token):
    # ok: python.auth.jwt-decode-without-algorithms
    return jwt.decode(token, PUBLIC_KEY, ["RS256"])


def unverified_header_claims(token):
    # ok: python.auth.jwt-decode-without-algorithms
    return jwt.decode(token, options={"verify_signature": False})


def parse_payload(raw):
    # ok: python.auth.jwt-decode-without-algorithms
    return raw.decode("utf-8")
