# taint-suite: cwe=918 vulnerable=no
# a numeric id in the path of a fixed host
import requests
from django.http import JsonResponse

API = "https://api.example.org"


def user(request, user_id):
    uid = int(user_id)
    resp = requests.get(f"{API}/users/{uid}", timeout=5)
    return JsonResponse(resp.json())
