from django.http import JsonResponse
from django.urls import path
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators import csrf
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from accounts.decorators import api_view


# ruleid: python.django.csrf-exempt
@csrf_exempt
@require_POST
def change_email(request):
    request.user.email = request.POST["email"]
    request.user.save()
    return JsonResponse({"ok": True})


# ruleid: python.django.csrf-exempt
@method_decorator(csrf_exempt, name="dispatch")
class TransferView(View):
    def post(self, request):
        return JsonResponse({"ok": True})


class ProfileView(View):
    # ruleid: python.django.csrf-exempt
    @csrf.csrf_exempt
    def dispatch(self, request, *args, **kwargs):
        return super().dispatch(request, *args, **kwargs)


@require_POST
def update_settings(request):
    return JsonResponse({"ok": True})


urlpatterns = [
    # ruleid: python.django.csrf-exempt
    path("settings/", csrf_exempt(update_settings)),
    # ok: python.django.csrf-exempt
    path("profile/", ProfileView.as_view()),
]


# ok: python.django.csrf-exempt
@csrf_protect
def change_password(request):
    return JsonResponse({"ok": True})


# ok: python.django.csrf-exempt
@require_POST
def logout(request):
    return JsonResponse({"ok": True})


# ok: python.django.csrf-exempt
@api_view(["POST"])
def ping(request):
    return JsonResponse({"pong": True})
