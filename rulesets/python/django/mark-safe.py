from django import template
from django.utils import safestring
from django.utils.html import conditional_escape, escape, format_html
from django.utils.safestring import mark_safe
from django.utils.safestring import mark_safe as safe

register = template.Library()

SEPARATOR = "<span class='sep'>/</span>"


@register.simple_tag
def separator():
    # ruleid: python.django.mark-safe
    return mark_safe(SEPARATOR)


@register.filter
def linebreaks_safe(value):
    # ruleid: python.django.mark-safe
    return mark_safe(value.replace("\n", "<br>"))


def badge(user):
    # ruleid: python.django.mark-safe
    return safestring.mark_safe("<span class='badge'>%s</span>" % user.nickname)


def divider():
    # ruleid: python.django.mark-safe
    return safe("<hr>")


def badge_escaped(user):
    # ok: python.django.mark-safe
    return format_html("<span class='badge'>{}</span>", user.nickname)


def linebreaks_escaped(value):
    # ok: python.django.mark-safe
    return escape(value).replace("\n", "<br>")


def title(value):
    # ok: python.django.mark-safe
    return conditional_escape(value)


def render(widget, value):
    # ok: python.django.mark-safe
    return widget.mark_safe_html(value)
