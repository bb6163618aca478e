import jwt
from jose import jwt as jose_jwt

PUBLIC_KEY = open("/etc/app/jwt-public.pem").read()

# ruleid: python.auth.jwt-signature-verification-disabled
UNVERIFIED = {"verify_signature": False}


def current_user(token):
    # ruleid: python.auth.jwt-signature-verification-disabled
    claims = jwt.decode(token, options={"verify_signature": False})
    return claims["sub"]


def tenant_of(token):
    claims = jose_jwt.decode(
        token,
        PUBLIC_KEY,
        # ruleid: python.auth.jwt-signature-verification-disabled
        options=dict(verify_aud=False, verify_signature=False),
    )
    return claims["tenant"]


def peek(token):
    return jwt.decode(token, options=UNVERIFIED)


def current_user_safe(token):
    # ok: python.auth.jwt-signature-verification-disabled
    claims = jwt.decode(token, PUBLIC_KEY, algorithms=["RS256"], audience="api")
    return claims["sub"]


def key_id(token):
    # ok: python.auth.jwt-signature-verification-disabled
    return jwt.get_unverified_header(token)["kid"]


def lenient_expiry(token):
    # ok: python.auth.jwt-signature-verification-disabled
    return jwt.decode(token, PUBLIC_KEY, algorithms=["RS256"], options={"verify_exp": False})
