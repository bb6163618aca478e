import jinja2
from jinja2 import Environment, FileSystemLoader, PackageLoader, select_autoescape
from jinja2 import sandbox
from webassets import Environment as AssetsEnvironment

TEMPLATE_DIR = "templates"


def email_environment():
    # ruleid: python.templates.jinja2-autoescape-disabled
    return jinja2.Environment(loader=jinja2.FileSystemLoader("emails"))


def report_environment():
    # ruleid: python.templates.jinja2-autoescape-disabled
    return Environment(loader=PackageLoader("reports"), autoescape=False, trim_blocks=True)


def site_environment():
    # ruleid: python.templates.jinja2-autoescape-disabled
    env = Environment(
        loader=FileSystemLoader(TEMPLATE_DIR),
        lstrip_blocks=True,
    )
    env.globals["site_name"] = "Example"
    return env


def configured_environment(options):
    # The options might set autoescape, but nothing here shows it.
    # ruleid: python.templates.jinja2-autoescape-disabled
    return jinja2.Environment(**options)


def safe_environment():
    # ok: python.templates.jinja2-autoescape-disabled
    return Environment(loader=FileSystemLoader(TEMPLATE_DIR), autoescape=select_autoescape(["html", "xml"]))


def escaped_environment():
    # ok: python.templates.jinja2-autoescape-disabled
    return jinja2.Environment(loader=jinja2.FileSystemLoader("emails"), autoescape=True)


def asset_environment():
    # ok: python.templates.jinja2-autoescape-disabled
    return AssetsEnvironment("static", "/static")


def sandboxed(source):
    # ok: python.templates.jinja2-autoescape-disabled
    return sandbox.SandboxedEnvironment(autoescape=True).from_string(source)
