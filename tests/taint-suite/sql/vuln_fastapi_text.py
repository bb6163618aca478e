# taint-suite: cwe=89 vulnerable=yes
# FastAPI query parameter in sqlalchemy.text through a list of parts
from fastapi import FastAPI
from sqlalchemy import create_engine, text

app = FastAPI()
engine = create_engine("sqlite:///app.db")


@app.get("/report")
def report(region: str, year: int):
    parts = ["SELECT sum(total) FROM sales"]
    parts.append("WHERE region = '%s'" % region)
    parts.append("AND year = %d" % year)
    with engine.connect() as conn:
        return {"total": conn.execute(text(" ".join(parts))).scalar()}
