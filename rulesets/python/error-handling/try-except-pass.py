import json
import logging
import os

logger = logging.getLogger(__name__)


def send_audit(event, client):
    try:
        client.send(event)
    # ruleid: python.error-handling.try-except-pass
    except Exception:
        pass


def load_settings(path):
    settings = {}
    try:
        with open(path) as fh:
            settings = json.load(fh)
    # ruleid: python.error-handling.try-except-pass
    except:
        # settings are optional
        pass
    return settings


def parse_port(value):
    try:
        return int(value)
    except ValueError:
        logger.warning("bad port %r", value)
    # ruleid: python.error-handling.try-except-pass
    except Exception as exc:  # noqa: BLE001
        pass
    finally:
        logger.debug("parsed port")
    return 8080


def cleanup(path):
    try: os.remove(path)
    # ruleid: python.error-handling.try-except-pass
    except (Exception): pass


def send_audit_logged(event, client):
    try:
        client.send(event)
    # ok: python.error-handling.try-except-pass
    except ConnectionError:
        pass


def send_audit_reported(event, client):
    try:
        client.send(event)
    # ok: python.error-handling.try-except-pass
    except Exception:
        logger.warning("audit event not sent", exc_info=True)


def parse_optional(value):
    try:
        return int(value)
    # ok: python.error-handling.try-except-pass
    except Exception:
        pass
        logger.info("not a number: %r", value)
    return None


HELP = """
Do not write:
    try:
        work()
    except: pass
"""


def tuple_handler(value):
    try:
        return float(value)
    # ok: python.error-handling.try-except-pass
    except (TypeError, ValueError):
        pass


def reraise(value):
    try:
        return int(value)
    # ok: python.error-handling.try-except-pass
    except Exception:
        pass
        raise
