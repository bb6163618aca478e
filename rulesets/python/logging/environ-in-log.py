import json
import logging
import os
import sys
from os import environ
from pprint import pprint

logger = logging.getLogger(__name__)


def start():
    # ruleid: python.logging.environ-in-log
    logger.debug("starting with environment %s", dict(os.environ))


def debug_deploy():
    # ruleid: python.logging.environ-in-log
    print(f"env: {environ}")


def dump_env():
    # ruleid: python.logging.environ-in-log
    logging.info("environment: " + json.dumps(os.environ.copy(), indent=2))


def show_env():
    # ruleid: python.logging.environ-in-log
    pprint(sorted(os.environ.items()))


def crash_report(exc):
    # ruleid: python.logging.environ-in-log
    logger.error("crash: %s", exc, extra={"env": dict(os.environ)})


def start_safe():
    # ok: python.logging.environ-in-log
    logger.debug("starting with PORT=%s ENV=%s", os.environ.get("PORT"), os.environ["APP_ENV"])


def list_names():
    # ok: python.logging.environ-in-log
    logger.debug("variables set: %s", sorted(os.environ.keys()))


def check():
    # ok: python.logging.environ-in-log
    print("DEBUG set:", "DEBUG" in os.environ, file=sys.stderr)


def count():
    # ok: python.logging.environ-in-log
    logger.info("%d variables", len(os.environ))
