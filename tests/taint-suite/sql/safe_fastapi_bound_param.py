# taint-suite: cwe=89 vulnerable=no
# FastAPI parameter bound through sqlalchemy.text parameters
from fastapi import FastAPI
from sqlalchemy import create_engine, text

app = FastAPI()
engine = create_engine("sqlite:///app.db")


@app.get("/report")
def report(region: str):
    stmt = text("SELECT sum(total) FROM sales WHERE region = :region")
    with engine.connect() as conn:
        return {"total": conn.execute(stmt, {"region": region}).scalar()}
