import mako.template
from mako import template as mako_template
from mako.lookup import TemplateLookup
from mako.template import Template
from string import Template as StringTemplate

lookup = TemplateLookup(directories=["templates"])


def comment_block(comment):
    # ruleid: python.templates.mako-templates
    return Template("<p>${comment}</p>").render(comment=comment)


def profile_page(path):
    # ruleid: python.templates.mako-templates
    return mako.template.Template(filename=path, module_directory="cache/mako")


def escaped_block(text):
    # Escapes, but Bandit still asks for a review.
    # ruleid: python.templates.mako-templates
    page = mako_template.Template("<div>${text}</div>", default_filters=["h"])
    return page.render(text=text)


def from_lookup(name, **context):
    # ok: python.templates.mako-templates
    return lookup.get_template(name).render(**context)


def shell_greeting(name):
    # ok: python.templates.mako-templates
    return StringTemplate("Hello $name").substitute(name=name)


def plain_text(body):
    # ok: python.templates.mako-templates
    return "<p>{}</p>".format(body)
