import contextlib
import logging
import signal

logger = logging.getLogger(__name__)


def cache_put(cache, key, value):
    try:
        cache.set(key, value)
    # ruleid: python.error-handling.bare-except-pass
    except:
        pass


def worker_loop(queue):
    while True:
        try:
            queue.get().run()
        # ruleid: python.error-handling.bare-except-pass
        except BaseException:
            ...


def notify(hooks, event):
    for hook in hooks:
        try:
            hook(event)
        except ValueError:
            logger.info("hook rejected %s", event)
        # ruleid: python.error-handling.bare-except-pass
        except (RuntimeError, BaseException) as exc:  # keep going
            pass


def reset_alarm():
    try: signal.alarm(0)
    # ruleid: python.error-handling.bare-except-pass
    except: pass


def cache_put_logged(cache, key, value):
    try:
        cache.set(key, value)
    # ok: python.error-handling.bare-except-pass
    except:
        logger.exception("cache write failed for %s", key)
        raise


def cache_put_narrow(cache, key, value):
    # ok: python.error-handling.bare-except-pass
    with contextlib.suppress(ConnectionError):
        cache.set(key, value)


def cache_put_exception(cache, key, value):
    try:
        cache.set(key, value)
    # ok: python.error-handling.bare-except-pass
    except Exception:
        pass


def stop(server):
    try:
        server.stop()
    # ok: python.error-handling.bare-except-pass
    except BaseException:
        pass
        raise
