from django.http import FileResponse, Http404, HttpRequest
from django.views.decorators.http import require_http_methods

from . import files


@require_http_methods(["GET", "HEAD"])
def media(request: HttpRequest, name: str) -> FileResponse:
    """`/media/<name>`: a stored file, for whoever may read the object it belongs to."""
    found = files.find(request.user, name)
    if found is None:
        raise Http404
    return files.response(found)
