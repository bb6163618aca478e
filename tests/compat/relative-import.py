import myapp.db as database
from myapp import db
from myapp.db import run_sql
from myapp.models import User

from . import db as local_db
from .db import run_sql as local_run_sql
from ..db import run_sql as parent_run_sql
from .models import User as LocalUser


def find_user(name):
    # ruleid: compat-relative-import
    return run_sql("SELECT * FROM users WHERE name = '%s'" % name)


def delete_user(user_id):
    # ruleid: compat-relative-import
    return db.run_sql("DELETE FROM users WHERE id = " + user_id)


def count_users(table):
    # ruleid: compat-relative-import
    return database.run_sql("SELECT count(*) FROM " + table)


def search(term):
    # ruleid: compat-relative-import
    return User.objects.raw("SELECT * FROM users WHERE bio LIKE '%" + term + "%'")


def local_find_user(name):
    # ok: compat-relative-import
    return local_run_sql("SELECT * FROM users WHERE name = '%s'" % name)


def local_delete_user(user_id):
    # ok: compat-relative-import
    return local_db.run_sql("DELETE FROM users WHERE id = " + user_id)


def parent_count(table):
    # ok: compat-relative-import
    return parent_run_sql("SELECT count(*) FROM " + table)


def local_search(term):
    # ok: compat-relative-import
    return LocalUser.objects.raw("SELECT * FROM users WHERE bio LIKE '%" + term + "%'")
