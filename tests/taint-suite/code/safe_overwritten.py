# taint-suite: cwe=95 vulnerable=no
# the code variable is overwritten by a constant
from fastapi import FastAPI

app = FastAPI()


@app.get("/version")
def version(expr: str = "1"):
    code = expr
    code = "__import__('platform').python_version()"
    return {"version": eval(code)}
