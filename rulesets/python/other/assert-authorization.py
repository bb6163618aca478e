from flask import abort
from flask_login import current_user
from django.core.exceptions import PermissionDenied


def delete_project(request, project):
    # ruleid: python.other.assert-authorization
    assert request.user.has_perm("projects.delete_project")
    project.delete()


def admin_dashboard():
    # ruleid: python.other.assert-authorization
    assert current_user.is_authenticated and current_user.is_admin, "admins only"
    return render_dashboard()


def update_invoice(user, invoice, data):
    # ruleid: python.other.assert-authorization
    assert invoice.owner_id == user.id
    invoice.update(**data)


def publish(user, post):
    # ruleid: python.other.assert-authorization
    assert "editor" in user.roles
    post.publish()


def export_report(session, report):
    # ruleid: python.other.assert-authorization
    assert session.can_export(report), f"{session.user} may not export"
    return report.to_csv()


def delete_project_checked(request, project):
    if not request.user.has_perm("projects.delete_project"):
        # ok: python.other.assert-authorization
        raise PermissionDenied
    project.delete()


def admin_dashboard_checked():
    if not (current_user.is_authenticated and current_user.is_admin):
        # ok: python.other.assert-authorization
        abort(403)
    return render_dashboard()


def paginate(items, page_size):
    # ok: python.other.assert-authorization
    assert page_size > 0, "permission to use page size 0 is not granted"
    return [items[i:i + page_size] for i in range(0, len(items), page_size)]


def load_user(user_id, users):
    user = users.get(user_id)
    # ok: python.other.assert-authorization
    assert user is not None
    return user


def normalise_role_name(name):
    # ok: python.other.assert-authorization
    assert isinstance(name, str)
    return name.strip().lower()
