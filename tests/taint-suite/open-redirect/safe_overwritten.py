# taint-suite: cwe=601 vulnerable=no
# the target is replaced by a constant before redirecting
from fastapi import FastAPI
from fastapi.responses import RedirectResponse

app = FastAPI()


@app.get("/logout")
def logout(next: str = "/"):
    target = next
    target = "/login"
    return RedirectResponse(target)
