# taint-suite: cwe=918 vulnerable=no
# the value is a query parameter of a fixed URL (params=)
import httpx
from fastapi import FastAPI

app = FastAPI()


@app.get("/weather")
def weather(city: str):
    r = httpx.get("https://api.weather.example/v1/current", params={"q": city}, timeout=5.0)
    return r.json()
