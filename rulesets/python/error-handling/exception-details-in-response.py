import logging
import traceback

from django.http import HttpResponseServerError, JsonResponse
from flask import Blueprint, Flask, abort, jsonify, make_response, request

app = Flask(__name__)
api = Blueprint("api", __name__)
logger = logging.getLogger(__name__)


@app.post("/orders")
def create_order():
    try:
        order = orders.create(request.get_json())
    except Exception as e:
        # ruleid: python.error-handling.exception-details-in-response
        return jsonify({"error": str(e)}), 500
    return jsonify(order.to_dict()), 201


@api.route("/reports/<int:report_id>")
def report(report_id):
    try:
        return reports.render(report_id)
    except Exception:
        # ruleid: python.error-handling.exception-details-in-response
        return traceback.format_exc(), 500


@app.get("/sync")
def sync():
    try:
        remote.sync()
    except (TimeoutError, Exception) as err:
        message = f"sync failed: {err}"
        # ruleid: python.error-handling.exception-details-in-response
        return make_response(message, 502)
    return "ok"


def django_export(request):
    try:
        data = exporter.run(request.GET)
    except BaseException as exc:
        details = traceback.format_exc()
        logger.error("export failed: %s", details)
        # ruleid: python.error-handling.exception-details-in-response
        return HttpResponseServerError(details)
    return JsonResponse(data)


def django_import(request):
    try:
        importer.run(request.FILES["file"])
    except Exception as error:
        return JsonResponse(
            # ruleid: python.error-handling.exception-details-in-response
            {"ok": False, "detail": repr(error)},
            status=500,
        )
    return JsonResponse({"ok": True})


@app.delete("/items/<item_id>")
def delete_item(item_id):
    try:
        items.delete(item_id)
    except Exception as e:
        # ruleid: python.error-handling.exception-details-in-response
        abort(500, description="delete failed: %s" % e)
    return "", 204


@app.post("/orders-safe")
def create_order_safe():
    try:
        order = orders.create(request.get_json())
    except Exception:
        logger.exception("order creation failed")
        # ok: python.error-handling.exception-details-in-response
        return jsonify({"error": "internal error"}), 500
    return jsonify(order.to_dict()), 201


@app.post("/signup")
def signup():
    try:
        user = accounts.register(request.form)
    except ValidationError as e:
        # ok: python.error-handling.exception-details-in-response
        return jsonify({"error": str(e)}), 400
    return jsonify({"id": user.id}), 201


def worker(job):
    try:
        job.run()
    except Exception as e:
        # ok: python.error-handling.exception-details-in-response
        logger.error("job %s failed: %s\n%s", job.id, e, traceback.format_exc())
        return str(e)


@app.get("/status")
def status():
    # ok: python.error-handling.exception-details-in-response
    return jsonify({"status": str(health.state())})
