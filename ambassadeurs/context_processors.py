from .permissions import Action, can


def navigation(request):
    """What the navigation shows depends on the role: decided by the permissions module."""
    user = getattr(request, "user", None)
    return {
        "nav_can_coordinate": can(user, Action.COORDINATE),
    }
