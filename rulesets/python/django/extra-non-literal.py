from django.contrib.auth.models import User
from django.db.models import Q

from shop.models import Order

PAID_CLAUSE = "shop_order.paid = true"


def with_clause(clause):
    # ruleid: python.django.extra-non-literal
    return Order.objects.extra(where=[clause])


def recent(days):
    # ruleid: python.django.extra-non-literal
    return Order.objects.extra(where=["created > now() - interval '%d days'" % days])


def with_score(expression):
    # ruleid: python.django.extra-non-literal
    return Order.objects.extra(select={"score": expression})


def joined(table_name):
    # ruleid: python.django.extra-non-literal
    return Order.objects.all().extra(tables=[table_name], where=["shop_order.id = %s.order_id" % table_name])


def filtered(conditions):
    return (
        # ruleid: python.django.extra-non-literal
        Order.objects.filter(paid=True)
        .extra(where=conditions)
        .distinct()
    )


def paid_orders():
    # Bandit does not follow PAID_CLAUSE to its literal value.
    # ruleid: python.django.extra-non-literal
    return Order.objects.extra(where=[PAID_CLAUSE])


def positional(select):
    # ruleid: python.django.extra-non-literal
    return User.objects.extra(select, ["is_active = true"])


def with_owner(owner_id):
    # ok: python.django.extra-non-literal
    return Order.objects.extra(where=["owner_id = %s"], params=[owner_id])


def with_lower_name():
    # ok: python.django.extra-non-literal
    return User.objects.extra(select={"lower_name": "lower(username)"}, order_by=["lower_name"])


def with_bonus(bonus):
    # ok: python.django.extra-non-literal
    return Order.objects.extra(select={"gross": "total + %s"}, select_params=[bonus])


def orm_filter(owner_id):
    # ok: python.django.extra-non-literal
    return Order.objects.filter(Q(owner_id=owner_id) | Q(shared=True))
