from django import template
from django.utils import safestring
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

register = template.Library()

ICON = "<i class='icon-star'></i>"


@register.filter
def highlight(text, term):
    # ruleid: python.django.mark-safe-non-literal
    return mark_safe(text.replace(term, "<mark>%s</mark>" % term))


def greeting(name):
    # ruleid: python.django.mark-safe-non-literal
    return mark_safe(f"<b>Hello {name}</b>")


def badge(user):
    # ruleid: python.django.mark-safe-non-literal
    return safestring.mark_safe("<span class='badge'>" + user.nickname + "</span>")


def bio(profile):
    # ruleid: python.django.mark-safe-non-literal
    return mark_safe(profile.bio_html)


def link(url, label):
    html = "<a href='#'>%s</a>" % label
    # ruleid: python.django.mark-safe-non-literal
    return mark_safe(html)


def status(user, flagged):
    html = "<span>ok</span>"
    if flagged:
        html = user.flag_reason
    # ruleid: python.django.mark-safe-non-literal
    return mark_safe(html)


def starred():
    # Bandit does not look outside the function for the value of ICON.
    # ruleid: python.django.mark-safe-non-literal
    return mark_safe(ICON)


def divider():
    # ok: python.django.mark-safe-non-literal
    return mark_safe("<hr class='divider'>")


def separator():
    html = "<span class='sep'>/</span>"
    # ok: python.django.mark-safe-non-literal
    return mark_safe(html)


def greeting_safe(name):
    # ok: python.django.mark-safe-non-literal
    return format_html("<b>Hello {}</b>", name)


def translated_title():
    # ok: python.django.mark-safe-non-literal
    return format_html("<h1>{}</h1>", _("Welcome"))
