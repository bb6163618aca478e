# taint-suite: cwe=95 vulnerable=yes
# a REPL-like script evaluating input()
def repl():
    env = {}
    while True:
        line = input(">>> ")
        if line in ("quit", "exit"):
            break
        exec(line, env)


if __name__ == "__main__":
    repl()
