from .permissions import Action, can


def navigation(request):
    """What the navigation shows depends on the role: decided by the permissions module."""
    user = getattr(request, "user", None)
    return {
        "nav_can_coordinate": can(user, Action.COORDINATE),
        "nav_can_read_reports": can(user, Action.READ_REPORTS),
    }
