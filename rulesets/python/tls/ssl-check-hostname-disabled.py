import socket
import ssl
import ssl as tls

SKIP_HOSTNAME_CHECK = False


def connect_db(host, port):
    ctx = ssl.create_default_context(cafile="/etc/ssl/certs/db-ca.pem")
    # ruleid: python.tls.ssl-check-hostname-disabled
    ctx.check_hostname = False
    return ctx.wrap_socket(socket.create_connection((host, port)))


class Client:
    def __init__(self):
        self.ssl_context = tls.create_default_context()
        # ruleid: python.tls.ssl-check-hostname-disabled
        self.ssl_context.check_hostname = SKIP_HOSTNAME_CHECK


def relaxed_context():
    context = tls.SSLContext(tls.PROTOCOL_TLS_CLIENT)
    # ruleid: python.tls.ssl-check-hostname-disabled
    context.check_hostname = False
    context.load_default_certs()
    return context


def connect_db_safe(host, port):
    ctx = ssl.create_default_context(cafile="/etc/ssl/certs/db-ca.pem")
    # ok: python.tls.ssl-check-hostname-disabled
    ctx.check_hostname = True
    return ctx.wrap_socket(socket.create_connection((host, port)), server_hostname=host)


def configured_context(settings):
    ctx = ssl.create_default_context()
    # ok: python.tls.ssl-check-hostname-disabled
    ctx.check_hostname = settings.VERIFY_HOSTNAMES
    return ctx


def report(ctx):
    # ok: python.tls.ssl-check-hostname-disabled
    return {"check_hostname": ctx.check_hostname is False}
