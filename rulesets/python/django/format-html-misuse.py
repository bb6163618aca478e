from django.utils import html
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

BADGE = "<span class='badge badge-{}'>{}</span>"


def user_link(user):
    # ruleid: python.django.format-html-misuse
    return format_html(f"<a href='{user.profile_url}'>{user.name}</a>")


def greeting(name):
    # ruleid: python.django.format-html-misuse
    return format_html("<p>Hello %s</p>" % name)


def status(label, css):
    # ruleid: python.django.format-html-misuse
    return html.format_html("<span class='" + css + "'>{}</span>", label)


def comment_body(comment):
    # ruleid: python.django.format-html-misuse
    return format_html(comment.rendered_html)


def alert(kind, text):
    template = "<div class='alert alert-{}'>{{}}</div>".format(kind)
    # ruleid: python.django.format-html-misuse
    return format_html(template, text)


def user_link_safe(user):
    # ok: python.django.format-html-misuse
    return format_html("<a href='{}'>{}</a>", user.profile_url, user.name)


def badge(kind, count):
    # ok: python.django.format-html-misuse
    return format_html(BADGE, kind, count)


def welcome(name):
    # ok: python.django.format-html-misuse
    return format_html("<p>{}</p>", _("Welcome, %(name)s") % {"name": name})


def tags(items):
    # ok: python.django.format-html-misuse
    return format_html_join(", ", "<b>{}</b>", ((item,) for item in items))
