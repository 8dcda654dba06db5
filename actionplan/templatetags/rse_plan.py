from django import template

from actionplan.models import Deployment, Status

register = template.Library()


@register.filter
def field_label(name: str) -> str:
    """The French label of a deployment field kept in the history."""
    return Deployment._meta.get_field(name).verbose_name


@register.filter
def field_value(value, name: str):
    if name == "status":
        return Status(value).label if value in Status.values else value
    if name == "progress":
        return f"{value} %"
    return value or "—"
