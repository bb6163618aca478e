import json
import marshal
import pickle
import pickle as pk

import cPickle
import yaml
from marshal import loads


def restore_session(blob):
    # ruleid: compat-metavariable-regex-nonstring
    return pickle.loads(blob)


def restore_file(fh):
    # ruleid: compat-metavariable-regex-nonstring
    return marshal.load(fh)


def restore_aliased(blob):
    # `pk` is matched by ^(pickle|...)$ because it is an alias of pickle;
    # the message still shows `pk`.
    # ruleid: compat-metavariable-regex-nonstring
    return pk.loads(blob)


def read_config(text):
    # ruleid: compat-metavariable-regex-nonstring
    return yaml.unsafe_load(text)


def read_all(text):
    # ruleid: compat-metavariable-regex-nonstring
    return list(yaml.load_all(text, Loader=yaml.Loader))


def restore_imported(blob):
    # `from marshal import loads`: $MOD.$FN(...) matches `loads(blob)` with
    # both $MOD and $FN bound to `loads`.
    # tripline: $MOD.$FN(...) does not match a from-imported name yet (Semgrep binds both to it)
    # todoruleid: compat-metavariable-regex-nonstring
    return loads(blob)


def read_config_safe(text):
    # ok: compat-metavariable-regex-nonstring
    return yaml.safe_load(text)


def parse(text):
    # ok: compat-metavariable-regex-nonstring
    return json.loads(text)


def save_session(obj):
    # ok: compat-metavariable-regex-nonstring
    return pickle.dumps(obj)


def restore_legacy(blob):
    # ok: compat-metavariable-regex-nonstring
    return cPickle.loads(blob)


def restore_custom(fh):
    # $MOD is bound to the call pickle.Unpickler(fh), whose text does not match.
    # ok: compat-metavariable-regex-nonstring
    return pickle.Unpickler(fh).load()
