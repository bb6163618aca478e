import os

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware as StarletteCORS

app = FastAPI()
ALLOWED_ORIGINS = ["https://app.example.com", "https://admin.example.com"]

# ruleid: python.fastapi.cors-wildcard-credentials
app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True, allow_methods=["*"])


def create_api():
    api = FastAPI()
    origins = ["*"]
    # ruleid: python.fastapi.cors-wildcard-credentials
    api.add_middleware(
        CORSMiddleware,
        allow_origins=origins,
        allow_credentials=True,
        allow_headers=["*"],
    )
    return api


def create_starlette_app(routes):
    middleware = [
        # ruleid: python.fastapi.cors-wildcard-credentials
        Middleware(StarletteCORS, allow_origin_regex=".*", allow_credentials=True),
    ]
    return Starlette(routes=routes, middleware=middleware)


def wrap(asgi_app):
    # ruleid: python.fastapi.cors-wildcard-credentials
    return StarletteCORS(asgi_app, allow_origins=("https://app.example.com", "*"), allow_credentials=True)


def create_public_api():
    api = FastAPI()
    # ok: python.fastapi.cors-wildcard-credentials
    api.add_middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET"])
    return api


def create_private_api():
    api = FastAPI()
    # ok: python.fastapi.cors-wildcard-credentials
    api.add_middleware(CORSMiddleware, allow_origins=ALLOWED_ORIGINS, allow_credentials=True, allow_methods=["*"])
    return api


def create_env_api():
    api = FastAPI()
    # ok: python.fastapi.cors-wildcard-credentials
    api.add_middleware(
        CORSMiddleware,
        allow_origins=os.environ["CORS_ORIGINS"].split(","),
        allow_credentials=True,
        allow_origin_regex=r"https://.*\.example\.com",
    )
    return api


def create_headers_api(routes):
    # ok: python.fastapi.cors-wildcard-credentials
    return Starlette(routes=routes, middleware=[Middleware(StarletteCORS, allow_origins=ALLOWED_ORIGINS, allow_headers=["*"], allow_credentials=True)])
