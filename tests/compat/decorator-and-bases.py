import pickle as pkl
from pickle import Unpickler as BaseUnpickler

import flask_cors
from django.views.decorators import csrf
from django.views.decorators.csrf import csrf_exempt as no_csrf
from django.views.decorators.csrf import csrf_protect
from flask import Flask
from flask_cors import cross_origin as cors

app = Flask(__name__)


# ruleid: compat-decorator-and-bases
@no_csrf
def payment_webhook(request):
    return handle(request.body)


# ruleid: compat-decorator-and-bases
@csrf.csrf_exempt
def legacy_form(request):
    return handle(request.POST)


# The finding starts at the first decorator, not at the matching one.
# ruleid: compat-decorator-and-bases
@app.route("/hook", methods=["POST"])
@no_csrf
def flask_hook(request):
    return handle(request.data)


# A bare decorator in the pattern also matches the decorator called with ().
# ruleid: compat-decorator-and-bases
@no_csrf()
def called_decorator(request):
    return handle(request.body)


# ruleid: compat-decorator-and-bases
@cors(origins="*", supports_credentials=True)
def account_info():
    return current_account()


# ruleid: compat-decorator-and-bases
class RestrictedUnpickler(BaseUnpickler):
    def find_class(self, module, name):
        return super().find_class(module, name)


# ruleid: compat-decorator-and-bases
class AuditingUnpickler(object, pkl.Unpickler):
    pass


def is_custom_unpickler(obj):
    # ruleid: compat-decorator-and-bases
    return isinstance(obj, BaseUnpickler)


# ok: compat-decorator-and-bases
@csrf_protect
def change_password(request):
    return handle(request.POST)


# ok: compat-decorator-and-bases
@flask_cors.cross_origin(origins="*")
def public_status():
    return "ok"


# ok: compat-decorator-and-bases
class CompactPickler(pkl.Pickler):
    pass


def is_any_unpickler(obj):
    # A tuple of classes is not the single class named in the pattern.
    # ok: compat-decorator-and-bases
    return isinstance(obj, (BaseUnpickler, CompactPickler))
