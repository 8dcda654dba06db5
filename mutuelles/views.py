from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods

from ambassadeurs import selectors as people


@require_http_methods(["GET"])
def mutuelle_list(request):
    return TemplateResponse(
        request, "mutuelles/list.html", {"mutuelles": people.mutuelles_overview()}
    )


@require_http_methods(["GET"])
def mutuelle_detail(request, slug):
    mutuelle = get_object_or_404(people.mutuelles_overview(), slug=slug)
    context = {"mutuelle": mutuelle, "ambassadors": mutuelle.ambassadors}
    return TemplateResponse(request, "mutuelles/detail.html", context)
