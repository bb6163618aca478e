import builtins
import contextlib
import logging
import os
import shutil

logger = logging.getLogger(__name__)


def record(audit_log, event):
    try:
        audit_log.write(event)
    # ruleid: python.error-handling.broad-except-pass
    except Exception:
        pass


def verify(token, verifier):
    try:
        verifier.check(token)
        return True
    # ruleid: python.error-handling.broad-except-pass
    except Exception as exc:
        ...
    return True


def load_plugins(names, registry):
    for name in names:
        try:
            registry.load(name)
        except ImportError:
            logger.warning("plugin %s missing", name)
        # ruleid: python.error-handling.broad-except-pass
        except (ValueError, Exception):
            pass


def refresh(cache):
    try: cache.refresh()
    # ruleid: python.error-handling.broad-except-pass
    except builtins.Exception: pass


def record_logged(audit_log, event):
    try:
        audit_log.write(event)
    # ok: python.error-handling.broad-except-pass
    except OSError:
        logger.exception("could not write audit event %s", event.id)


def close_quietly(conn):
    try:
        conn.close()
    # ok: python.error-handling.broad-except-pass
    except Exception:
        pass


def remove_scratch(path):
    try:
        shutil.rmtree(path)
    # ok: python.error-handling.broad-except-pass
    except Exception:
        pass


def discard(path):
    # ok: python.error-handling.broad-except-pass
    with contextlib.suppress(FileNotFoundError):
        os.remove(path)


class TempFile:
    def __init__(self, path):
        self.path = path

    def __del__(self):
        try:
            self.flush_and_delete()
        # ok: python.error-handling.broad-except-pass
        except Exception:
            pass


def bare(cache):
    try:
        cache.refresh()
    # ok: python.error-handling.broad-except-pass
    except:
        pass
