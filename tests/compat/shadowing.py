from subprocess import call


def sandboxed_call(cmd):
    return None


def backup(target):
    # ruleid: compat-shadowing
    return call(["rsync", "-a", target, "/backup"])


def run_sandboxed(cmd):
    # A plain assignment does not make `call` a new local name for Semgrep.
    call = sandboxed_call
    # tripline: the assignment rebinds `call`, so it is no longer subprocess.call (Semgrep ignores the rebinding)
    # ok: compat-shadowing
    return call(cmd)


def run_maybe_sandboxed(cmd, sandbox):
    if sandbox:
        call = sandboxed_call
    # tripline: a rebinding in a branch may replace the import, so it is not treated as subprocess.call (Semgrep ignores it)
    # ok: compat-shadowing
    return call(cmd)


def run_with_wrapper(cmd):
    def call(args):
        return sandboxed_call(args)

    # tripline: the nested `def call` rebinds the name (Semgrep ignores it)
    # ok: compat-shadowing
    return call(cmd)


def run_picked(cmd, pick_runner):
    if (call := pick_runner()) is not None:
        # tripline: the walrus rebinds `call` (Semgrep ignores it)
        # ok: compat-shadowing
        return call(cmd)
    return None


def run_injected(call, cmd):
    # ok: compat-shadowing
    return call(cmd)


def run_with_default(cmd, call=sandboxed_call):
    # ok: compat-shadowing
    return call(cmd)


def run_all(cmd, runners):
    for call in runners:
        # ok: compat-shadowing
        call(cmd)


def run_typed(cmd):
    call: object = sandboxed_call
    # ok: compat-shadowing
    return call(cmd)


def run_in_context(cmd, make_runner):
    with make_runner() as call:
        # ok: compat-shadowing
        return call(cmd)


def run_each(cmds, runners):
    # ok: compat-shadowing
    return [call(cmd) for call, cmd in zip(runners, cmds)]


def run_lazy(cmd):
    # ok: compat-shadowing
    return (lambda call: call(cmd))(sandboxed_call)


def quote_arg(arg):
    # This import is local to quote_arg, but Semgrep applies it to every
    # later use of `call` in the file.
    from shlex import quote as call

    # ok: compat-shadowing
    return call(arg)


def restore(target):
    # tripline: quote_arg's local import only binds `call` inside quote_arg, as in Python (Semgrep applies it to the rest of the file)
    # ruleid: compat-shadowing
    return call(["rsync", "-a", "/backup", target])
