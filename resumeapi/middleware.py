"""Site-wide HTTP rules that no single view owns: TRACE is never served, and API answers are never cached."""

from django.http import HttpResponseNotAllowed
from django.urls import Resolver404, resolve

# Django's admin pages are plain functions that treat every method alike; they are forms, so this is what they serve.
FUNCTION_VIEW_METHODS = ["GET", "HEAD", "POST"]


def refuse_trace(get_response):
    """TRACE echoes a request back and no view here serves it, but plain function views (the admin's, and the
    admin's redirects wrapped in them) would answer it like a GET: refuse it before any view, with the methods the
    view does serve in Allow."""

    def middleware(request):
        if request.method == "TRACE":
            try:
                view = resolve(request.path_info).func
            except Resolver404:
                return get_response(request)  # the JSON 404
            return HttpResponseNotAllowed(_served_methods(view))
        return get_response(request)

    return middleware


def api_no_store(get_response):
    """Status, results and errors are one person's data and change from poll to poll: no cache may keep them."""

    def middleware(request):
        response = get_response(request)
        if request.path_info.startswith("/api/") and "Cache-Control" not in response:
            response["Cache-Control"] = "no-store"
        return response

    return middleware


def _served_methods(view):
    actions = getattr(view, "actions", None)  # a DRF ViewSet routed as {"get": "status"}
    if actions:
        methods = {method.upper() for method in actions} | {"OPTIONS"}
    else:
        view_class = getattr(view, "view_class", None) or getattr(view, "cls", None)
        if view_class is None:
            return FUNCTION_VIEW_METHODS
        methods = {m.upper() for m in view_class.http_method_names if hasattr(view_class, m)}
    if "GET" in methods:
        methods.add("HEAD")
    methods.discard("TRACE")
    return sorted(methods)
