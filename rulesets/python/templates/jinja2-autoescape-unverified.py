import jinja2
from jinja2 import Environment, FileSystemLoader, select_autoescape

from app import settings

ESCAPE_HTML = True


def configured_environment():
    # ruleid: python.templates.jinja2-autoescape-unverified
    return Environment(loader=FileSystemLoader("templates"), autoescape=settings.TEMPLATE_AUTOESCAPE)


def by_extension():
    # ruleid: python.templates.jinja2-autoescape-unverified
    return jinja2.Environment(autoescape=lambda name: name is not None and name.endswith(".html"))


def from_flag(escape):
    # ruleid: python.templates.jinja2-autoescape-unverified
    env = Environment(
        loader=FileSystemLoader("templates"),
        autoescape=escape,
    )
    return env


def from_constant():
    # Bandit does not follow ESCAPE_HTML to its value.
    # ruleid: python.templates.jinja2-autoescape-unverified
    return Environment(autoescape=ESCAPE_HTML)


def html_environment():
    # ok: python.templates.jinja2-autoescape-unverified
    return Environment(loader=FileSystemLoader("templates"), autoescape=select_autoescape(["html", "xml"]))


def default_select():
    # ok: python.templates.jinja2-autoescape-unverified
    return jinja2.Environment(autoescape=jinja2.select_autoescape(default_for_string=True))


def always_escape():
    # ok: python.templates.jinja2-autoescape-unverified
    return Environment(autoescape=True)


def loader(path):
    # ok: python.templates.jinja2-autoescape-unverified
    return FileSystemLoader(path, followlinks=False)
