import math
import logging

logger = logging.getLogger(__name__)


def login(username, password):
    # ruleid: python.logging.secret-in-log
    logger.debug("login attempt for %s with %s", username, password)
    return authenticate(username, password)


def refresh(session, client_secret):
    # ruleid: python.logging.secret-in-log
    logging.info(f"refreshing session {session.id} using {client_secret}")


def call_api(api_key, endpoint):
    # ruleid: python.logging.secret-in-log
    logger.warning("calling %s with key %s" % (endpoint, api_key))


def reset_password(user):
    # ruleid: python.logging.secret-in-log
    logger.info("new credentials for %s: %s", user.name, user.password)


def store_token(self, access_token):
    # ruleid: python.logging.secret-in-log
    self.log.error("could not store token %r", access_token)


def connect(config):
    # ruleid: python.logging.secret-in-log
    logging.log(logging.DEBUG, "connecting with %s", config["db"].PASSWORD)


def handle_webhook(payload, apikey):
    try:
        process(payload)
    except ValueError:
        # ruleid: python.logging.secret-in-log
        logger.exception(
            "webhook rejected for key %s",
            apikey,
        )


def login_ok(username):
    # ok: python.logging.secret-in-log
    logger.debug("login attempt for %s", username)


def refresh_ok(session):
    # ok: python.logging.secret-in-log
    logging.info(f"refreshing session {session.id}")


def password_changed(user):
    # ok: python.logging.secret-in-log
    logger.info("password changed for user %s", user.name)


def save(cache, token):
    # ok: python.logging.secret-in-log
    cache.set("token", token)


def audit(logger, user_id):
    # ok: python.logging.secret-in-log
    logger.info("audited %s", user_id)


def configure(handler, secret_level):
    # ok: python.logging.secret-in-log
    logger.setLevel(secret_level)


def counting(stats, token_count):
    # ok: python.logging.secret-in-log
    stats.increment("tokens", token_count)


def token_entropy(token_counts, total):
    # ok: python.logging.secret-in-log
    return -sum(c / total * math.log(c / total) for c in token_counts.values())


def render_catalog(catalog, token):
    # ok: python.logging.secret-in-log
    catalog.info(token)


def reset_notice(user):
    # ok: python.logging.secret-in-log
    logger.info("user reset password")
