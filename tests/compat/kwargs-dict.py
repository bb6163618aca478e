import subprocess


def run_explicit(cmd):
    # ruleid: compat-kwargs-dict
    return subprocess.run(cmd, shell=True)


def popen_with_extra(cmd, extra):
    # ruleid: compat-kwargs-dict
    return subprocess.Popen(cmd, shell=True, **extra)


def output_with_dict_too(cmd):
    # ruleid: compat-kwargs-dict
    return subprocess.check_output(cmd, shell=True, **{"text": True})


def run_dict_literal(cmd):
    # tripline: a dict literal unpacked into the call passes shell=True (Semgrep does not see it)
    # ruleid: compat-kwargs-dict
    return subprocess.run(cmd, **{"shell": True})


def run_dict_literal_many(cmd):
    # tripline: a dict literal unpacked into the call passes shell=True (Semgrep does not see it)
    # ruleid: compat-kwargs-dict
    return subprocess.run(cmd, **{"check": True, "shell": True})


def run_dict_call(cmd):
    # ok: compat-kwargs-dict
    return subprocess.run(cmd, **dict(shell=True))


def run_options(cmd):
    opts = {"shell": True}
    # ok: compat-kwargs-dict
    return subprocess.run(cmd, **opts)


def run_no_shell(cmd):
    # ok: compat-kwargs-dict
    return subprocess.run(cmd, shell=False)
