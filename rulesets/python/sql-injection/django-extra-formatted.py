from django.contrib.auth.models import User
from django.db.models import F

from shop.models import Order as ShopOrder

DEFAULT_SORT = "created_at"


def users_in_domain(domain):
    # ruleid: python.sql-injection.django-extra-formatted
    return User.objects.extra(where=["email LIKE '%%@%s'" % domain])


def orders_with_tax(rate):
    return ShopOrder.objects.extra(
        # ruleid: python.sql-injection.django-extra-formatted
        select={"gross": f"total * (1 + {rate})"},
    )


def orders_in(table, status):
    return ShopOrder.objects.filter(paid=True).extra(
        tables=["shop_payment"],
        where=[
            "shop_payment.order_id = shop_order.id",
            # ruleid: python.sql-injection.django-extra-formatted
            "shop_payment.status = '" + status + "'",
        ],
    )


def sorted_orders(column):
    # ruleid: python.sql-injection.django-extra-formatted
    return ShopOrder.objects.extra(order_by=["{}".format(column)])


def active_since(day):
    clause = f"last_login >= '{day}'"
    # ruleid: python.sql-injection.django-extra-formatted
    return User.objects.extra(where=[clause])


def users_in_domain_safe(domain):
    # ok: python.sql-injection.django-extra-formatted
    return User.objects.extra(where=["email LIKE %s"], params=["%@" + domain])


def orders_with_tax_safe(rate):
    # ok: python.sql-injection.django-extra-formatted
    return ShopOrder.objects.extra(select={"gross": "total * (1 + %s)"}, select_params=[rate])


def orders_with_tax_orm(rate):
    # ok: python.sql-injection.django-extra-formatted
    return ShopOrder.objects.annotate(gross=F("total") * (1 + rate))


def default_order():
    # Built only from constants: not injectable.
    # ok: python.sql-injection.django-extra-formatted
    return ShopOrder.objects.extra(order_by=["-%s" % DEFAULT_SORT])


def with_extra_context(context, name):
    # ok: python.sql-injection.django-extra-formatted
    return context.extras(where=["name = '%s'" % name])
