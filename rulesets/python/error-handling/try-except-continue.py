import csv
import logging

logger = logging.getLogger(__name__)


def import_users(rows, store):
    for row in rows:
        try:
            store.add(row["email"], row["name"])
        # ruleid: python.error-handling.try-except-continue
        except Exception:
            continue


def read_configs(paths):
    configs = []
    for path in paths:
        try:
            with open(path) as fh:
                configs.append(fh.read())
        # ruleid: python.error-handling.try-except-continue
        except:
            # unreadable files are skipped
            continue
    return configs


def poll(queue):
    while True:
        message = queue.get()
        try:
            message.process()
        except TimeoutError:
            logger.warning("timeout on %s", message.id)
        # ruleid: python.error-handling.try-except-continue
        except Exception as err:
            continue
        finally:
            queue.task_done()


def sizes(files):
    for f in files:
        try: yield f.size()
        # ruleid: python.error-handling.try-except-continue
        except (Exception): continue


def import_users_logged(rows, store):
    for row in rows:
        try:
            store.add(row["email"], row["name"])
        # ok: python.error-handling.try-except-continue
        except Exception:
            logger.warning("skipping row %s", row.get("id"), exc_info=True)
            continue


def parse_rows(path):
    with open(path) as fh:
        for row in csv.reader(fh):
            try:
                yield int(row[0])
            # ok: python.error-handling.try-except-continue
            except (IndexError, ValueError):
                continue


def retry(task, attempts):
    for _ in range(attempts):
        try:
            return task()
        # ok: python.error-handling.try-except-continue
        except ConnectionError:
            continue
