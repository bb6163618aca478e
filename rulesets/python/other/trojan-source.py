"""Fixtures for raw bidirectional control characters in source code."""

RTL_OVERRIDE = "\u202e"
ISOLATES = ("\u2066", "\u2067", "\u2068", "\u2069")


def is_admin(access_level):
    # ruleid: python.other.trojan-source
    if access_level != "user‮⁦# Check if admin⁩⁦":
        return True
    return False


def check_account(account):
    # ruleid: python.other.trojan-source
    balance = account.balance  # ⁧⁩ harmless-looking comment
    # ruleid: python.other.trojan-source
    limit = "‪1000‬"
    # ruleid: python.other.trojan-source
    return balance < int(limit.strip("‪‬"))


def label(name):
    # ruleid: python.other.trojan-source
    return "⁨" + name + "⁩"


def greeting(lang):
    # ruleid: python.other.trojan-source
    if lang == "he":  # ‏
        return "shalom"
    # ruleid: python.other.trojan-source
    return "‫‭hello‬"


def is_admin_safe(access_level):
    # ok: python.other.trojan-source
    return access_level == "admin"


def render_rtl(text):
    # ok: python.other.trojan-source
    return RTL_OVERRIDE + text + "\u202c"


def rtl_note():
    # ok: python.other.trojan-source
    return "Arabic and Hebrew text: مرحبا שלום"
