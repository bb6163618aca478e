import os
import sys
from pprint import pprint


def deploy(api_token):
    # ruleid: python.logging.secret-in-print
    print(f"deploying with token {api_token}")


def show_config(config):
    # ruleid: python.logging.secret-in-print
    pprint({"host": config.host, "password": config.db_password})


def debug_env():
    # ruleid: python.logging.secret-in-print
    sys.stderr.write("AWS key: " + os.environ["AWS_SECRET_ACCESS_KEY"] + "\n")


def connect(user, password):
    # ruleid: python.logging.secret-in-print
    print("connecting as", user, "with", password, file=sys.stderr)


def deploy_masked(api_token):
    # ok: python.logging.secret-in-print
    print(f"deploying with token ...{api_token[-4:]}")


def show_config_safe(config):
    # ok: python.logging.secret-in-print
    pprint({"host": config.host, "password": "***"})


def report(tokens_used, password_changed):
    # ok: python.logging.secret-in-print
    print("used", tokens_used, "tokens; password changed:", password_changed)


def status(session_id):
    # ok: python.logging.secret-in-print
    print("session active:", session_id is not None)


def print_tokens(tokenizer, text):
    # ok: python.logging.secret-in-print
    print(tokenizer.tokenize(text))
