import hashlib
import logging
import logging as log_module
import math
import os

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


def forward(request):
    # ruleid: python.logging.secret-in-log
    logger.debug("forwarding with auth %s", request.headers["Authorization"])


def signup(form):
    # ruleid: python.logging.secret-in-log
    log_module.info("signup payload: %s", form.get("password"))


def connect_db():
    # ruleid: python.logging.secret-in-log
    logger.info("db url: postgres://app:{}@db/app".format(os.environ["DB_PASSWORD"]))


def call_service(session):
    # ruleid: python.logging.secret-in-log
    logger.info("calling service", extra={"user": session.user_id, "token": session.token})


def bootstrap(settings):
    # ruleid: python.logging.secret-in-log
    logger.warning(f"using signing key {settings.signingKey!r}")


def verify(user, otp_secret):
    # ruleid: python.logging.secret-in-log
    logger.debug("checking %s", otp_secret.encode())


def set_cookie(response, session_id):
    # ruleid: python.logging.secret-in-log
    logger.info("new session " + session_id)


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


def rotate(api_key):
    # ok: python.logging.secret-in-log
    logger.info("rotating key ending in %s (%d chars)", api_key[-4:], len(api_key))


def check_config(settings):
    # ok: python.logging.secret-in-log
    logger.info("secret key configured: %s", "yes" if settings.SECRET_KEY else "no")


def audit_login(user, password):
    # ok: python.logging.secret-in-log
    logger.info("login for %s, password given: %s", user, password is not None)


def fingerprint(token):
    # ok: python.logging.secret-in-log
    logger.info("token fingerprint %s", hashlib.sha256(token.encode()).hexdigest()[:12])


def token_expiry(token):
    # ok: python.logging.secret-in-log
    logger.info("token expires at %s", token.expires_at)


def paginate(response):
    # ok: python.logging.secret-in-log
    logger.debug("next page: %s", response.next_page_token)


def flags(settings, is_secret):
    # ok: python.logging.secret-in-log
    logger.info("secret mode %s, %d tokens", is_secret, settings.max_tokens)


def redacted(payload):
    # ok: python.logging.secret-in-log
    logger.info("payload %s", mask_secrets(payload["password"]))


def extra_fields(user):
    # ok: python.logging.secret-in-log
    logger.info("password reset", extra={"user": user.id, "password": "<redacted>"})


def resume(paginator):
    # ok: python.logging.secret-in-log
    logger.debug("resuming from starting token %s", paginator.starting_token)


def game_logs(args):
    # ok: python.logging.secret-in-log
    logger.info("downloading logs for game session %s", args.game_session_id)
