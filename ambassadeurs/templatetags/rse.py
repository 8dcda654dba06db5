from django import template

from ambassadeurs import permissions, sessions

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


@register.filter
def session_device(user_agent: str) -> str:
    """ "Firefox sur Windows" (ambassadeurs.sessions)."""
    return sessions.device(user_agent)


@register.filter
def session_place(address: str) -> str:
    """The group's network an address belongs to, or the address shortened."""
    return sessions.place(address)
