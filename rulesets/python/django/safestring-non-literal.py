from django.utils import safestring
from django.utils.html import format_html
from django.utils.safestring import SafeString, SafeText


def caption(photo):
    # ruleid: python.django.safestring-non-literal
    return SafeString("<figcaption>" + photo.caption + "</figcaption>")


def signature(user):
    # ruleid: python.django.safestring-non-literal
    return SafeText(user.profile.signature_html)


def embed(video_id):
    # ruleid: python.django.safestring-non-literal
    return safestring.SafeString(f"<iframe src='https://player.example.com/{video_id}'></iframe>")


def rendered(markdown, source):
    html = markdown.render(source)
    # ruleid: python.django.safestring-non-literal
    return SafeString(html)


def divider():
    # ok: python.django.safestring-non-literal
    return SafeString("<hr>")


def spacer():
    html = "<div class='spacer'></div>"
    # ok: python.django.safestring-non-literal
    return SafeString(html)


def caption_safe(photo):
    # ok: python.django.safestring-non-literal
    return format_html("<figcaption>{}</figcaption>", photo.caption)


def plain(text):
    # ok: python.django.safestring-non-literal
    return str(text)
