import os


def configure(app):
    # ruleid: where-secret-assignment
    api_token = "tok_3f9a77c2b1"
    # ruleid: where-secret-assignment
    DB_PASSWORD = 'correct horse battery'
    # ruleid: where-secret-assignment
    app.secret_key = "s3cr3t-value-123"
    # ok: where-secret-assignment
    api_token = os.environ["API_TOKEN"]
    # ok: where-secret-assignment
    password_hint = None
    # ok: where-secret-assignment
    secret = "short"
    # ok: where-secret-assignment
    timeout_seconds = "30 seconds or more"
    return api_token, DB_PASSWORD, password_hint, secret, timeout_seconds
