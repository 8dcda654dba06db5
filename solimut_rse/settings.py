"""The one settings module: every value comes from the environment, with defaults for local work.

`.env.example` and the README list every variable. Nothing here is specific to an environment:
production differs only by the values it sets.
"""

import ipaddress
import os
import re
from datetime import timedelta
from email.utils import parseaddr
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import environ
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("RSE_VAR_DIR", BASE_DIR / "var"))

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    if value.strip().lower() in _TRUE:
        return True
    if value.strip().lower() in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), not {value!r}")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from exc


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_addresses(name: str) -> list[tuple[str, str]]:
    """`Name <a@b.example>, c@d.example` -> [("Name", "a@b.example"), ("", "c@d.example")]."""
    value = os.environ.get(name, "")
    # Commas inside quotes belong to a name ("Martin, Alice" <a@b.example>); empty items are
    # a stray comma.
    items = [item.strip() for item in re.split(r',(?=(?:[^"]*"[^"]*")*[^"]*$)', value)]
    addresses = [parseaddr(item) for item in items if item]
    for _name, address in addresses:
        local, _at, domain = address.rpartition("@")
        if not local or "." not in domain:
            raise ImproperlyConfigured(
                f"{name} must be e-mail addresses separated by commas "
                f'("Name <a@b.example>, c@d.example"), not {value!r}'
            )
    return addresses


DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "local-development-only-never-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "allauth.usersessions",
    "django_filters",
    "django_htmx",
    "template_partials",
    "csp",
    "simple_history",
    "core",
    "solimut_rse",
    "mutuelles",
    "ambassadeurs",
    "actionplan",
    "initiatives",
    "guides",
    "newsletter",
    "reunions",
    "rapports",
]

MIDDLEWARE = [
    "core.requestid.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "core.middleware.ForbiddenCharactersMiddleware",  # before anything reads cookies or GET
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    # the record of who changed what: the request's member, the admin included (core.history)
    "simple_history.middleware.HistoryRequestMiddleware",
    "ambassadeurs.sessions.SessionActivityMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "solimut_rse.errors.ErrorPageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "ambassadeurs.middleware.StaffMFAMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "solimut_rse.urls"
# Form widgets come from templates/ too: select.html renders its options without one template
# per option, which counts on lists of hundreds of choices.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
WSGI_APPLICATION = "solimut_rse.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "ambassadeurs.context_processors.navigation",
                "solimut_rse.context_processors.navigation_section",
                "solimut_rse.accessibility.footer",
            ],
            "builtins": ["ambassadeurs.templatetags.rse"],
        },
    },
]

# --- Database -------------------------------------------------------------------------------

DATABASES = {
    "default": environ.Env.db_url_config(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
    )
}
if DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
    # Measured: persistent connections serve 7.5x more requests than one per request.
    DATABASES["default"]["CONN_MAX_AGE"] = env_int("CONN_MAX_AGE", 60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # No JIT compilation: it pays off on long reports, not on a page's queries, where one that
    # the planner over-estimates (the search's EXISTS probes) spends 700 ms compiling.
    options = DATABASES["default"].setdefault("OPTIONS", {})
    options["options"] = f"{options.get('options', '')} -c jit=off".strip()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache, Celery --------------------------------------------------------------------------


def redis_database(url: str, offset: int) -> str:
    """`url` with its database number moved by `offset` (redis://host:6379/0 -> .../1)."""
    parts = urlsplit(url)
    number = int(parts.path.strip("/") or 0) + offset
    return urlunsplit(parts._replace(path=f"/{number}"))


# The broker (Celery's queues) and the cache live in separate Redis databases: clearing the
# cache never drops a queued task.
REDIS_URL = os.environ.get("REDIS_URL", "")
# Without a broker, tasks (e-mails, PDF renders, newsletter sendings) run inside the request
# that queues them: right for `make run` and the test suite, never for production.
if not REDIS_URL and not env_bool("RSE_TASKS_IN_PROCESS", DEBUG):
    raise ImproperlyConfigured(
        "REDIS_URL must be set when DEBUG is off (e.g. REDIS_URL=redis://redis:6379/0): "
        "without a broker, e-mails, PDF renders and newsletter sendings would run inside "
        "web requests."
    )
REDIS_CACHE_URL = os.environ.get("REDIS_CACHE_URL") or (
    redis_database(REDIS_URL, 1) if REDIS_URL else ""
)

if REDIS_URL:
    CACHES = {
        "default": {
            # Redis down: misses and dropped writes, never a 500 (core/cache.py).
            "BACKEND": "core.cache.ForgivingRedisCache",
            "LOCATION": REDIS_CACHE_URL,
            "KEY_PREFIX": "rse",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
elif DEBUG:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
else:
    # Several processes without Redis still share one cache (rate limits, cached dashboard).
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
        }
    }

# Off: every page computes what core/fragments.py would have kept (`make bench` measures the
# pages both ways). The cache itself stays on: the rate limits and PDF claims need it.
RSE_FRAGMENT_CACHE = env_bool("RSE_FRAGMENT_CACHE", True)

CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
# The default queue, and the name the queues of each kind of work start with (rse.pdf...:
# solimut_rse/celery.py). Tests give the workers they start queues of their own.
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("CELERY_TASK_DEFAULT_QUEUE", "rse")
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", 300)
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 360)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = "Europe/Paris"
# Workers log through LOGGING below, as the web processes do (request ids included).
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
# Side effects of writes wait in the outbox (core.outbox) until a task has run: one handed to
# the broker but not run after this long is taken as lost and handed over again, at most
# RSE_OUTBOX_MAX_ATTEMPTS times.
RSE_OUTBOX_LOST_AFTER_SECONDS = env_int("RSE_OUTBOX_LOST_AFTER_SECONDS", 900)
RSE_OUTBOX_MAX_ATTEMPTS = env_int("RSE_OUTBOX_MAX_ATTEMPTS", 5)
# How often celery beat runs the housekeeping that makes work resume by itself after a fault:
# the outbox, the newsletter's sweep and schedule.
RSE_SWEEP_SECONDS = float(env_int("RSE_SWEEP_SECONDS", 60))
# A plan's spreadsheet of more lines than this is imported in the background (a worker, its
# progress shown live, an e-mail at the end); a smaller one at once, in the request.
RSE_IMPORT_INLINE_LINES = env_int("RSE_IMPORT_INLINE_LINES", 200)

# --- Authentication -------------------------------------------------------------------------

AUTH_USER_MODEL = "ambassadeurs.User"
AUTHENTICATION_BACKENDS = [
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"

ACCOUNT_ADAPTER = "ambassadeurs.adapters.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_FORMS = {
    "login": "ambassadeurs.forms.LoginForm",
    "reset_password": "ambassadeurs.forms.ResetPasswordForm",
}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Solimut RSE] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = SITE_URL.split("://", 1)[0]
# Behind a reverse proxy every request comes from the proxy's address: the sign-in rate limits
# take the client's from X-Forwarded-For, counting this many trusted proxies from the right (the
# entries a client wrote itself stay on the left, ignored). 0: no proxy, REMOTE_ADDR is the client.
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
# allauth's default limits apply (5 failed logins per address in 5 minutes, 10 a minute per
# IP, password resets...); they live in the cache, Redis in production, so they hold across
# every web process.

MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Solimut RSE"
# Coordinators and administrators must turn on TOTP before going further; `make run` turns
# this off for the local demo.
RSE_REQUIRE_STAFF_MFA = env_bool("RSE_REQUIRE_STAFF_MFA", True)

INVITATION_MAX_AGE = timedelta(days=7)

# --- Single sign-on (OpenID Connect: the group's directory, Microsoft Entra ID) ---------------

# Without RSE_OIDC_SERVER_URL nothing changes: no button, password sign-in only. The redirect
# URI to register at the provider: SITE_URL + /accounts/oidc/solimut/login/callback/.
RSE_OIDC_SERVER_URL = os.environ.get("RSE_OIDC_SERVER_URL", "").rstrip("/")
RSE_OIDC_CLIENT_ID = os.environ.get("RSE_OIDC_CLIENT_ID", "")
RSE_OIDC_CLIENT_SECRET = os.environ.get("RSE_OIDC_CLIENT_SECRET", "")
RSE_OIDC_NAME = os.environ.get("RSE_OIDC_NAME", "Compte Solimut")
# Someone the intranet does not know (no member, no pending invitation) gets an account as a
# reader of the mutuelle named by this claim; off: refused.
RSE_OIDC_CREATE_ACCOUNTS = env_bool("RSE_OIDC_CREATE_ACCOUNTS", False)
RSE_OIDC_MUTUELLE_CLAIM = os.environ.get("RSE_OIDC_MUTUELLE_CLAIM", "mutuelle")
# Domains the provider is authoritative for (Entra ID: the tenant's verified domains): an
# address there counts as verified even when the provider sends no `email_verified`.
RSE_OIDC_TRUSTED_DOMAINS = [domain.lower() for domain in env_list("RSE_OIDC_TRUSTED_DOMAINS")]
# `amr` values (RFC 8176) that satisfy the two-factor requirement of coordinators.
RSE_OIDC_MFA_AMR = set(env_list("RSE_OIDC_MFA_AMR", "mfa,hwk,otp"))
# /accounts/login/ goes straight to the provider (?local=1 shows the password form, when on).
RSE_OIDC_AUTO_REDIRECT = env_bool("RSE_OIDC_AUTO_REDIRECT", False)
RSE_PASSWORD_LOGIN = env_bool("RSE_PASSWORD_LOGIN", True)
if RSE_OIDC_SERVER_URL and not (RSE_OIDC_CLIENT_ID and RSE_OIDC_CLIENT_SECRET):
    raise ImproperlyConfigured(
        "RSE_OIDC_SERVER_URL needs RSE_OIDC_CLIENT_ID and RSE_OIDC_CLIENT_SECRET."
    )
if not RSE_PASSWORD_LOGIN and not RSE_OIDC_SERVER_URL:
    raise ImproperlyConfigured(
        "RSE_PASSWORD_LOGIN=0 needs single sign-on (RSE_OIDC_SERVER_URL): nobody could sign in."
    )


def oidc_providers(server_url: str, client_id: str, secret: str, name: str) -> dict:
    """allauth's provider settings: one app, from the environment (no database row)."""
    apps = []
    if server_url:
        apps.append(
            {
                "provider_id": "solimut",
                "name": name,
                "client_id": client_id,
                "secret": secret,
                "settings": {"server_url": server_url, "oauth_pkce_enabled": True},
            }
        )
    return {
        "openid_connect": {
            "APPS": apps,
            # allauth's provider, plus a nonce and the ID token's signature always checked.
            "provider_class": "ambassadeurs.oidc.provider.SolimutProvider",
        }
    }


def oidc_origin(server_url: str) -> list[str]:
    """The provider's origin, where the sign-in page's form leads (CSP form-action)."""
    parts = urlsplit(server_url)
    return [f"{parts.scheme}://{parts.netloc}"] if server_url else []


SOCIALACCOUNT_PROVIDERS = oidc_providers(
    RSE_OIDC_SERVER_URL, RSE_OIDC_CLIENT_ID, RSE_OIDC_CLIENT_SECRET, RSE_OIDC_NAME
)
SOCIALACCOUNT_ADAPTER = "ambassadeurs.adapters.SocialAccountAdapter"
# The adapter decides who may come in (ambassadeurs.services.member_for_sign_in); allauth's own
# matching by e-mail and its sign-up form stay off.
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_AUTO_SIGNUP = False
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_REQUESTS_TIMEOUT = env_int("RSE_OIDC_TIMEOUT", 10)

# --- Action plan ----------------------------------------------------------------------------

# A deployment nobody updated or reviewed for this long is "stale": highlighted, and in the
# reminders; "Ma mutuelle" puts it first.
RSE_STALE_AFTER = timedelta(days=env_int("RSE_STALE_AFTER_DAYS", 30))
# The weekly digest of overdue and stale deployments sent to each ambassador (crontab fields).
RSE_DIGEST_DAY_OF_WEEK = os.environ.get("RSE_DIGEST_DAY_OF_WEEK", "mon")
RSE_DIGEST_HOUR = env_int("RSE_DIGEST_HOUR", 8)
CELERY_BEAT_SCHEDULE = {
    "outbox-flush": {"task": "core.tasks.outbox_flush", "schedule": RSE_SWEEP_SECONDS},
    "uploads-sweep": {"task": "core.tasks.uploads_sweep", "schedule": crontab(minute=17)},
    "deployment-digests": {
        "task": "actionplan.tasks.send_deployment_digests",
        "schedule": crontab(minute=0, hour=RSE_DIGEST_HOUR, day_of_week=RSE_DIGEST_DAY_OF_WEEK),
    },
}

# --- Guides ---------------------------------------------------------------------------------

# A guide's PDF is rendered once per version by the worker, within this many seconds: a
# pathological document fails with a message to its authors instead of holding the worker.
RSE_PDF_TIME_LIMIT = env_int("RSE_PDF_TIME_LIMIT", 120)
# A request for a PDF being rendered waits this long for it, then shows "en préparation".
RSE_PDF_WAIT_SECONDS = env_int("RSE_PDF_WAIT_SECONDS", 3)
# An AG report (rapports) gathers the whole plan and lays out hundreds of pages at 50
# mutuelles: its render may take this long before it is stopped and marked failed.
RSE_REPORT_TIME_LIMIT = env_int("RSE_REPORT_TIME_LIMIT", 600)

# --- Newsletter -----------------------------------------------------------------------------

# A worker holds the deliveries it sends this long; if it dies, `sweep` hands them to another.
RSE_NEWSLETTER_LEASE_SECONDS = env_int("RSE_NEWSLETTER_LEASE_SECONDS", 120)
# Temporary SMTP failures are retried after this, doubled at each attempt.
RSE_NEWSLETTER_RETRY_SECONDS = env_int("RSE_NEWSLETTER_RETRY_SECONDS", 60)
# The sending pauses itself after this many failures in a row (the server is refusing).
RSE_NEWSLETTER_PAUSE_AFTER = env_int("RSE_NEWSLETTER_PAUSE_AFTER", 20)
CELERY_BEAT_SCHEDULE |= {
    # Meetings: tomorrow's, reminded once (reunions.services.reminders_send claims each one).
    "meeting-reminders": {
        "task": "reunions.tasks.send_reminders",
        "schedule": crontab(minute=0, hour=env_int("RSE_MEETING_REMINDER_HOUR", 8)),
    },
    "newsletter-due": {"task": "newsletter.tasks.send_due", "schedule": RSE_SWEEP_SECONDS},
    "newsletter-sweep": {"task": "newsletter.tasks.sweep", "schedule": RSE_SWEEP_SECONDS},
    "newsletter-monthly": {
        "task": "newsletter.tasks.assemble_monthly",
        "schedule": crontab(minute=0, hour=7, day_of_month=1),
    },
}

# --- E-mail ---------------------------------------------------------------------------------

DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Solimut RSE <rse@solimut.example>")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL") or DEFAULT_FROM_EMAIL
# Where members write about an accessibility problem (the statement, /accessibilite/, gives it).
RSE_ACCESSIBILITY_CONTACT = os.environ.get("RSE_ACCESSIBILITY_CONTACT", "rse@solimut.example")
# Who gets the details of each server error by e-mail (with DEBUG off).
ADMINS = env_addresses("ADMINS")
if os.environ.get("EMAIL_URL"):
    globals().update(environ.Env.email_url_config(os.environ["EMAIL_URL"]))
elif os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = env_int("EMAIL_PORT", 25)
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
    EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(VAR_DIR / "mail"))
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)

# --- Internationalisation -------------------------------------------------------------------

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("Français")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

# --- Static and media files -----------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Where `make backup` writes its archives (solimut_rse/backups.py).
RSE_BACKUP_DIR = Path(os.environ.get("RSE_BACKUP_DIR", VAR_DIR / "backups"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Whatever DEBUG says: the image collects with DEBUG=1 and serves with DEBUG=0, and
        # both must mean the same storage (with DEBUG on, URLs keep their plain names).
        "BACKEND": "core.staticfiles.ManifestStaticFilesStorage"
        if env_bool("RSE_MANIFEST_STATIC", True)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
PHOTO_MAX_BYTES = 5 * 1024 * 1024

# --- Security -------------------------------------------------------------------------------

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 60 * 60 * 24 * 14)
# Each member sees their open sessions (allauth.usersessions, /accounts/sessions/): when one was
# last used is written at most this often (seconds), and "from where" names the group's networks:
# RSE_NETWORKS="10.1.0.0/16=Siège, Rennes; 10.2.0.0/16=Agence de Brest".
RSE_SESSION_SEEN_EVERY = env_int("RSE_SESSION_SEEN_EVERY", 300)


def networks(value: str) -> list[tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, str]]:
    named = []
    for item in filter(str.strip, value.split(";")):
        network, _sep, name = item.partition("=")
        try:
            named.append((ipaddress.ip_network(network.strip(), strict=False), name.strip()))
        except ValueError as error:
            raise ImproperlyConfigured(f"RSE_NETWORKS: {item.strip()!r}: {error}") from error
        if not name.strip():
            raise ImproperlyConfigured(f"RSE_NETWORKS: {item.strip()!r} has no name after '='")
    return named


RSE_NETWORKS = networks(os.environ.get("RSE_NETWORKS", ""))
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
if env_bool("SECURE_PROXY_SSL", False):
    # Behind a reverse proxy that terminates TLS and sets this header.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
CSRF_FAILURE_VIEW = "solimut_rse.errors.csrf_failure"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # The TOTP set-up page shows its QR code as a data: image.
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        # The sign-in form's answer sends the browser on to the provider.
        "form-action": [SELF, *oidc_origin(RSE_OIDC_SERVER_URL)],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
    },
}

# --- Logging and error reports -------------------------------------------------------------

LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "core.requestid.RequestIdFilter"},
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
    },
    "formatters": {
        "line": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "line",
            "filters": ["request_id"],
        },
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false"],
        },
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django": {"handlers": ["mail_admins"], "level": LOG_LEVEL},
        # Scanners asking for other hosts: logged, but neither mailed nor sent to Sentry.
        "django.security.DisallowedHost": {"handlers": ["console"], "propagate": False},
        # core.access writes the one line per request; runserver's own would repeat it.
        "django.server": {"level": "WARNING"},
        # fontTools reports every table it prunes while WeasyPrint subsets the fonts of a PDF.
        "fontTools": {"level": "WARNING"},
        "weasyprint.progress": {"level": "WARNING"},
    },
}

# Errors (with their request id as a tag) go to Sentry when a DSN is given; nothing personal
# (cookies, addresses, users' names) is sent. SENTRY_ENVIRONMENT and SENTRY_RELEASE are read by
# the SDK itself.
SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
if SENTRY_DSN:
    import sentry_sdk
    from sentry_sdk.integrations.celery import CeleryIntegration
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        integrations=[DjangoIntegration(), CeleryIntegration()],
        send_default_pii=False,
    )

# Tests assert that a missing service fails instead of skipping when this is set (CI).
RSE_REQUIRE_SERVICES = env_bool("RSE_REQUIRE_SERVICES", False)
