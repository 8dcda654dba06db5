"""Take screenshots of the main pages of a running intranet, to look at them.

Usage: python scripts/screenshots.py [BASE_URL] [OUT_DIR] [EMAIL]
(defaults: http://127.0.0.1:8000, screenshots/, the demo ambassador of Armor)
Signs in with the demo password (seed_demo) in Debian's Chromium, desktop and phone widths.
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
OUT = Path(sys.argv[2] if len(sys.argv) > 2 else "screenshots")
PAGES = [
    "/",
    "/annuaire/",
    "/mutuelles/",
    "/mutuelles/armor/",
    "/groupes/",
    "/groupes/achats-responsables/",
    "/profil/",
    "/invitations/",
    "/annuaire/3/",
    "/guides/",
    "/guides/eco-gestes/",
    "/guides/eco-gestes/versions/",
    "/guides/egalite-professionnelle/brouillon/",
    "/guides/semaine-qvt/modifier/",
]
ACCOUNT = sys.argv[3] if len(sys.argv) > 3 else "ambassadeur@armor.solimut-demo.example"


def main():
    OUT.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        for width, suffix in [(1280, "desktop"), (390, "phone")]:
            page = browser.new_page(viewport={"width": width, "height": 900}, locale="fr-FR")
            page.goto(f"{BASE}/accounts/login/")
            page.screenshot(path=OUT / f"login-{suffix}.png", full_page=True)
            page.fill("input[name=login]", ACCOUNT)
            page.fill("input[name=password]", "solimut-demo")
            page.click("main button[type=submit]")
            page.wait_for_load_state()
            for path in PAGES:
                page.goto(BASE + path)
                name = path.strip("/").replace("/", "-") or "home"
                page.screenshot(path=OUT / f"{name}-{suffix}.png", full_page=True)
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
