import typing
from decimal import Decimal


def set_discount(order, percent):
    # ruleid: python.other.assert-used
    assert 0 <= percent <= 100, "invalid discount"
    order.total = order.total * (100 - Decimal(percent)) / 100


def parse_port(value):
    port = int(value)
    # ruleid: python.other.assert-used
    assert port > 0
    return port


def load_rows(cursor, expected):
    rows = cursor.fetchall()
    # ruleid: python.other.assert-used
    assert (
        len(rows) == expected
    ), f"expected {expected} rows, got {len(rows)}"
    return rows


class Cache:
    def __init__(self, backend):
        # ruleid: python.other.assert-used
        assert backend is not None; self.backend = backend

    def get(self, key):
        # ruleid: python.other.assert-used
        assert isinstance(key, str), key
        return self.backend.get(key)


def set_discount_checked(order, percent):
    if not 0 <= percent <= 100:
        # ok: python.other.assert-used
        raise ValueError("invalid discount")
    order.total = order.total * (100 - Decimal(percent)) / 100


def narrow(value: typing.Optional[str]) -> str:
    # ok: python.other.assert-used
    typing.assert_type(value, typing.Optional[str])
    if value is None:
        raise TypeError("value is required")
    return value


def describe_checks(checker):
    # ok: python.other.assert-used
    checker.assert_called_once()
    # ok: python.other.assert-used
    message = "assert statements are stripped by python -O"
    return message
