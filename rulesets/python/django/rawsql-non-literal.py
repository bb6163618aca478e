from django.db import models
from django.db.models.expressions import RawSQL

from blog.models import Entry

RANK_SQL = "SELECT rank FROM blog_rank WHERE blog_rank.entry_id = blog_entry.id"


def ranked(order_sql):
    # ruleid: python.django.rawsql-non-literal
    return Entry.objects.annotate(rank=RawSQL(order_sql, ()))


def scored(user_id):
    # ruleid: python.django.rawsql-non-literal
    return Entry.objects.annotate(score=models.RawSQL("SELECT score FROM blog_score WHERE user_id = %s" % user_id, ()))


def by_json_key(key):
    # ruleid: python.django.rawsql-non-literal
    return Entry.objects.order_by(RawSQL(sql=f"data->>'{key}'", params=[]))


def ranked_default():
    # Bandit does not follow RANK_SQL to its literal value.
    # ruleid: python.django.rawsql-non-literal
    return Entry.objects.annotate(rank=RawSQL(RANK_SQL, ()))


def scored_safe(user_id):
    # ok: python.django.rawsql-non-literal
    return Entry.objects.annotate(score=RawSQL("SELECT score FROM blog_score WHERE user_id = %s", (user_id,)))


def by_json_key_safe(key):
    # ok: python.django.rawsql-non-literal
    return Entry.objects.order_by(models.RawSQL(sql="data->>%s", params=[key]))


def with_label(label):
    # ok: python.django.rawsql-non-literal
    return Entry.objects.annotate(label=models.Value(label))
