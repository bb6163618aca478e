import jwt
import jwt as pyjwt
from jwt import decode as jwt_decode

PUBLIC_KEY = open("/etc/app/jwt-public.pem").read()


def user_from_token(token):
    # ruleid: python.auth.jwt-decode-verify-false
    claims = jwt.decode(token, verify=False)
    return claims["sub"]


def tenant(token):
    # ruleid: python.auth.jwt-decode-verify-false
    return pyjwt.decode(token, None, False)["tenant"]


def scopes(token):
    claims = jwt_decode(
        token,
        PUBLIC_KEY,
        # ruleid: python.auth.jwt-decode-verify-false
        verify=False,
        algorithms=["RS256"],
    )
    return claims["scope"].split()


def user_from_token_safe(token):
    # ok: python.auth.jwt-decode-verify-false
    claims = jwt.decode(token, PUBLIC_KEY, algorithms=["RS256"])
    return claims["sub"]


def user_legacy_verified(token):
    # ok: python.auth.jwt-decode-verify-false
    return jwt.decode(token, PUBLIC_KEY, True, algorithms=["RS256"])


def check_signature(signer, message, signature):
    # ok: python.auth.jwt-decode-verify-false
    return signer.decode(message, signature, verify=False)
