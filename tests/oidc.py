"""A real OpenID Connect provider for the tests (tests/tools/oidc-provider.mjs, npm's
oidc-provider) and the part of a sign-in a browser plays at it."""

import contextlib
import copy
import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import requests

from ambassadeurs import oidc
from solimut_rse.settings import oidc_origin, oidc_providers

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "tests" / "tools" / "oidc-provider.mjs"
CLIENT_ID, CLIENT_SECRET = "intranet-rse", "secret-de-test"
CALLBACK = f"/accounts/oidc/{oidc.PROVIDER_ID}/login/callback/"


def missing() -> str:
    """Why the provider cannot start here, or ''."""
    if not shutil.which("node"):
        return "node is not installed"
    if not (SCRIPT.parent / "node_modules" / "oidc-provider").is_dir():
        return "oidc-provider is not installed (make tools)"
    return ""


@contextlib.contextmanager
def running(directory: Path, sites: list[str]):
    """A provider for `sites` while the block runs (skipped, or failed in CI, without node)."""
    from .conftest import require_service

    if reason := missing():
        require_service("OpenID Connect provider", reason)
    provider = Provider(directory, sites)
    try:
        yield provider
    finally:
        provider.stop()


class Provider:
    """The provider in its own process, on a free port of 127.0.0.1; clients redirect to
    `CALLBACK` on each of `sites`."""

    def __init__(self, directory: Path, sites: list[str]):
        config = directory / "oidc-provider.json"
        config.write_text(
            json.dumps(
                {
                    "clients": [
                        {
                            "client_id": CLIENT_ID,
                            "client_secret": CLIENT_SECRET,
                            "redirect_uris": [site + CALLBACK for site in sites],
                        }
                    ],
                    "extra_claims": ["mutuelle"],
                    "accounts": {},
                }
            )
        )
        self.process = subprocess.Popen(
            ["node", str(SCRIPT), str(config)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert self.process.stdout is not None
        line = self.process.stdout.readline()  # printed once it answers
        if not line.startswith("listening on "):
            self.process.kill()
            raise RuntimeError(f"the OpenID provider did not start: {line!r}")
        self.url = line.removeprefix("listening on ").strip()

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)

    def settings(self, settings, **overrides) -> None:
        """Point the intranet at this provider (pytest-django's `settings`)."""
        settings.RSE_OIDC_SERVER_URL = self.url
        settings.SOCIALACCOUNT_PROVIDERS = oidc_providers(
            self.url, CLIENT_ID, CLIENT_SECRET, "Compte Solimut"
        )
        policy = copy.deepcopy(settings.CONTENT_SECURITY_POLICY)
        policy["DIRECTIVES"]["form-action"] += oidc_origin(self.url)
        settings.CONTENT_SECURITY_POLICY = policy
        for name, value in overrides.items():
            setattr(settings, name, value)

    def account(self, sub: str, **claims) -> str:
        """Create or replace the directory account `sub` (its claims; `amr` for how it signs in)."""
        requests.post(
            f"{self.url}/_test/account", json={"sub": sub, **claims}, timeout=5
        ).raise_for_status()
        return claims["email"]

    def fault(self, **fault) -> None:
        """The next ID tokens: `claims={...}` rewritten (signed again), `key="other"` signed with
        a key the provider does not publish; nothing: as they should be."""
        requests.post(f"{self.url}/_test/fault", json=fault, timeout=5).raise_for_status()

    def sign_in(self, authorize_url: str, email: str, site: str = "http://testserver") -> str:
        """Play the browser at the provider: sign in as `email`, consent; the URL it sends the
        browser back to on `site` (the callback, with the code and the state)."""
        browser = requests.Session()
        url = authorize_url
        for _step in range(10):
            response = browser.get(url, allow_redirects=False, timeout=10)
            if response.is_redirect:
                url = urljoin(url, response.headers["Location"])
                if url.startswith(site):
                    return url
                continue
            assert response.status_code == 200, response.text
            # A sign-in or consent page: one form, posted back where it came from.
            response = browser.post(
                url, data={"login": email, "password": "x"}, allow_redirects=False, timeout=10
            )
            assert response.status_code in (302, 303), response.text
            url = urljoin(url, response.headers["Location"])
        raise AssertionError(f"the provider never sent the browser back: {url}")


def path(url: str) -> str:
    """`url` without its scheme and host, for Django's test client."""
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"
