import os

import requests
from itsdangerous import URLSafeTimedSerializer as Serializer

# ruleid: python.secrets.generic-high-entropy-secret
SECRET_KEY = "k3Xq9vR2mT7wLp4ZsB8nY1cF6hJ0dG5a"


def signer():
    # ruleid: python.secrets.generic-high-entropy-secret
    return Serializer(secret_key="Vb7nQ2xK9mR4tW8pL1zC6yH3jF5dS0gA", salt="email-confirm")


def weather(city):
    params = {
        "q": city,
        # ruleid: python.secrets.generic-high-entropy-secret
        "apiKey": "9fA3kL7qZ2xW8mN4pR6tY1uB5vC0dE3h",
    }
    return requests.get("https://api.weather.example.com/v1", params=params, timeout=10)


class MapsClient:
    def __init__(self):
        # ruleid: python.secrets.generic-high-entropy-secret
        self.access_key: str = "Mq8Zr2Wt6Yb0Np4Lx7Kc1Vs5Hd9Gf3Ja_e-"


def configure(app):
    # ruleid: python.secrets.generic-high-entropy-secret
    app.config["JWT_SECRET"] = "h4Gt9Lq2Xw7Zk1Rm5Vp8Nb3Yc6Fs0Dj+A/e="
    return app


def configure_safe(app):
    # ok: python.secrets.generic-high-entropy-secret
    app.config["JWT_SECRET"] = os.environ["JWT_SECRET"]
    return app


# ok: python.secrets.generic-high-entropy-secret
API_KEY_ENV_VAR = "WEATHER_API_KEY_V2_PRODUCTION"

# ok: python.secrets.generic-high-entropy-secret
TOKEN_URL = "https://auth.example.com/oauth2/token"

# ok: python.secrets.generic-high-entropy-secret
SECRET_KEY_PLACEHOLDER = "Replace-with-YOUR-secret-key-2024"

# ok: python.secrets.generic-high-entropy-secret
CACHE_VERSION = "Vb7nQ2xK9mR4tW8pL1zC6yH3jF5dS0gA"

# ok: python.secrets.generic-high-entropy-secret
PASSWORD_HINT = "Use at least 12 characters"

# ok: python.secrets.generic-high-entropy-secret
SHORT_TOKEN = "aB3dE5"
