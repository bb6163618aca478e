import markupsafe
from flask import Markup as FlaskMarkup
from markupsafe import Markup, escape

BADGE_HTML = "<span class='badge'>new</span>"


def username_badge(user):
    # ruleid: python.templates.markup-non-literal
    return Markup(f"<span class='badge'>{user.name}</span>")


def comment_html(comment):
    # ruleid: python.templates.markup-non-literal
    return markupsafe.Markup("<p>%s</p>" % comment.body)


def rendered_bio(profile):
    # ruleid: python.templates.markup-non-literal
    return FlaskMarkup(profile.bio_html)


def new_badge():
    # Bandit does not follow BADGE_HTML to its literal value.
    # ruleid: python.templates.markup-non-literal
    return Markup(BADGE_HTML)


def username_badge_safe(user):
    # ok: python.templates.markup-non-literal
    return Markup("<span class='badge'>{}</span>").format(user.name)


def line_break():
    # ok: python.templates.markup-non-literal
    return Markup("<br>")


def comment_html_safe(comment):
    # ok: python.templates.markup-non-literal
    return Markup("<p>") + escape(comment.body) + Markup("</p>")


def empty():
    # ok: python.templates.markup-non-literal
    return Markup()
