import hmac
import logging.config
import logging.config as log_config
from logging.config import listen

LOG_CONFIG_KEY = b"loaded-from-the-secret-store"


def start_config_listener():
    # ruleid: python.network.logging-config-listen
    thread = logging.config.listen(9999)
    thread.start()
    return thread


def start_default_port():
    # ruleid: python.network.logging-config-listen
    return listen()


def start_with_options(port):
    # ruleid: python.network.logging-config-listen
    return log_config.listen(port, verify=None)


def verify_signed(data):
    signature, payload = data[:32], data[32:]
    expected = hmac.digest(LOG_CONFIG_KEY, payload, "sha256")
    return payload if hmac.compare_digest(signature, expected) else None


def start_verified_listener(port):
    # ok: python.network.logging-config-listen
    thread = logging.config.listen(port, verify=verify_signed)
    thread.start()
    return thread


def stop_listener():
    # ok: python.network.logging-config-listen
    logging.config.stopListening()


def configure(settings):
    # ok: python.network.logging-config-listen
    logging.config.dictConfig(settings)
