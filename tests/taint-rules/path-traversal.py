import os

from flask import request


def download():
    name = request.args.get("file")
    path = os.path.join("/srv/files", name)
    # ruleid: taint.path-traversal
    return open(path).read()


def checked():
    name = request.args.get("file")
    if ".." in name:
        return "no"
    # ok: taint.path-traversal
    return open(os.path.join("/srv/files", name)).read()


def checked_the_wrong_way():
    name = request.args.get("file")
    if ".." in name:
        print("suspicious")
    # ruleid: taint.path-traversal
    return open(os.path.join("/srv/files", name)).read()


def flattened():
    name = os.path.basename(request.args.get("file"))
    # ok: taint.path-traversal
    return open(os.path.join("/srv/files", name)).read()


class Storage:
    def __init__(self, root):
        self.root = root

    def read(self, name):
        # ruleid: taint.path-traversal
        with open(os.path.join(self.root, name)) as handle:
            return handle.read()


def through_a_helper_class():
    storage = Storage("/srv/files")
    return storage.read(request.args.get("file"))


def constant_name():
    storage = Storage("/srv/files")
    return storage.read("index.html")
