from django.db import models
from django.db.models.expressions import RawSQL

from blog.models import Entry

SCORE_TABLE = "blog_score"


def with_score(user_id):
    # ruleid: python.sql-injection.django-rawsql-formatted
    return Entry.objects.annotate(score=RawSQL("SELECT score FROM blog_score WHERE user_id = %s" % user_id, ()))


def ordered_by(column):
    # ruleid: python.sql-injection.django-rawsql-formatted
    return Entry.objects.order_by(models.RawSQL(f"data->>'{column}'", []))


def tagged(tag):
    sql = "SELECT entry_id FROM blog_tag WHERE name = '" + tag + "'"
    # ruleid: python.sql-injection.django-rawsql-formatted
    return Entry.objects.filter(id__in=RawSQL(sql, []))


def with_score_safe(user_id):
    # ok: python.sql-injection.django-rawsql-formatted
    return Entry.objects.annotate(score=RawSQL("SELECT score FROM blog_score WHERE user_id = %s", (user_id,)))


def ordered_by_safe(column):
    # ok: python.sql-injection.django-rawsql-formatted
    return Entry.objects.order_by(RawSQL("data->>%s", (column,)))


def with_any_score():
    # ok: python.sql-injection.django-rawsql-formatted
    return Entry.objects.annotate(score=RawSQL("SELECT MAX(score) FROM %s" % SCORE_TABLE, ()))


def with_label(label):
    # ok: python.sql-injection.django-rawsql-formatted
    return Entry.objects.annotate(label=models.Value("tag: %s" % label))
