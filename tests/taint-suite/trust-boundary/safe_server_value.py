# taint-suite: cwe=501 vulnerable=no
# the session gets the authenticated user's id from the database
from flask import Flask, abort, request, session

from myapp.models import User

app = Flask(__name__)


@app.route("/login", methods=["POST"])
def login():
    user = User.query.filter_by(email=request.form["email"]).first()
    if user is None or not user.check_password(request.form["password"]):
        abort(401)
    session["user_id"] = user.id
    return "welcome"
