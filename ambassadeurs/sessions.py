"""A member's active sessions, as allauth's `usersessions` records them (one row per signed-in
browser: its address, its browser's user agent, when it was last used), described for people:
which device, from where.

"From where" is the group's own networks, by address range (`RSE_NETWORKS`: "10.1.0.0/16=Siège,
Rennes; 10.2.0.0/16=Agence de Brest"): no address is sent to a geolocation service. An address
outside them is shown shortened (its last part hidden), enough to recognise one's home box.
"""

import ipaddress
import re

from allauth.usersessions.models import UserSession
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

# The first match wins: Edge and Opera say "Chrome" too, Chrome says "Safari".
_BROWSERS = [
    (r"Edg(e|A|iOS)?/", "Edge"),
    (r"OPR/|Opera", "Opera"),
    (r"Firefox/|FxiOS/", "Firefox"),
    (r"Chrome/|CriOS/|Chromium/", "Chrome"),
    (r"Safari/", "Safari"),
]
_SYSTEMS = [
    (r"iPhone", "iPhone"),
    (r"iPad", "iPad"),
    (r"Android", "Android"),
    (r"Windows", "Windows"),
    (r"Mac OS X|Macintosh", "macOS"),
    (r"CrOS", "ChromeOS"),
    (r"Linux", "Linux"),
]


def device(user_agent: str) -> str:
    """ "Firefox sur Windows", from what the browser says of itself."""
    browser = next((name for rule, name in _BROWSERS if re.search(rule, user_agent)), None)
    system = next((name for rule, name in _SYSTEMS if re.search(rule, user_agent)), None)
    if browser and system:
        return _("%(browser)s sur %(system)s") % {"browser": browser, "system": system}
    return browser or system or _("Appareil inconnu")


def place(address: str) -> str:
    """The group's network an address belongs to, or the address shortened."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return _("Lieu inconnu")
    for network, name in settings.RSE_NETWORKS:
        if ip in network:
            return name
    if ip.is_loopback:
        return _("Cet ordinateur")
    if ip.version == 4:
        return _("Hors des réseaux du groupe (%(address)s)") % {
            "address": ".".join(str(ip).split(".")[:3]) + ".…"
        }
    return _("Hors des réseaux du groupe (%(address)s)") % {
        "address": str(ipaddress.ip_network(f"{ip}/48", strict=False).network_address) + "…"
    }


class SessionActivityMiddleware:
    """Records when each signed-in session was last used, and from where, at most once every
    `RSE_SESSION_SEEN_EVERY` seconds (allauth's own tracking writes on every request)."""

    KEY = "_rse_seen"

    def __init__(self, get_response):
        self.get_response = get_response

    @classmethod
    def signed_in(cls, sender, request, user, **kwargs) -> None:
        session = getattr(request, "session", None)
        if session is not None:
            session[cls.KEY] = int(timezone.now().timestamp())

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        session = getattr(request, "session", None)
        if user is None or session is None or not user.is_authenticated:
            return response
        now = int(timezone.now().timestamp())
        if now - session.get(self.KEY, 0) >= settings.RSE_SESSION_SEEN_EVERY:
            session[self.KEY] = now  # saved by SessionMiddleware, after this one
            UserSession.objects.create_from_request(request)
        return response
