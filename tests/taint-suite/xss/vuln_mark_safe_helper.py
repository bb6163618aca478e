# taint-suite: cwe=79 vulnerable=yes
# a helper marks the formatted HTML safe
from django.shortcuts import render
from django.utils.safestring import mark_safe


def badge(text):
    return mark_safe('<span class="badge">%s</span>' % text)


def team(request, name):
    return render(request, "team.html", {"badge": badge(name)})
