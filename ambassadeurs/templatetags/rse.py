from django import template

from ambassadeurs import permissions

register = template.Library()


@register.simple_tag(takes_context=True)
def can(context, action, obj=None):
    """`{% can "edit_mutuelle" mutuelle as allowed %}`: asks the permissions module."""
    return permissions.can(context["request"].user, action, obj)


@register.simple_tag(takes_context=True)
def query_replace(context, **kwargs):
    """The current query string with some parameters replaced (pagination keeps filters)."""
    query = context["request"].GET.copy()
    for key, value in kwargs.items():
        query[key] = value
    return query.urlencode()
