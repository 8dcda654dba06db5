# The intranet's image: web (gunicorn + WhiteNoise), worker and beat (Celery) run from it.
# tests/test_image.py runs the build steps that follow `COPY . .` and the CMD as written here.

# `make backup` needs a pg_dump at least as new as the server (docker-compose.yml: postgres:16);
# Debian 12's is 15. This stage takes the server image's own, with its libraries
# (scripts/pg-client.sh, tested on this machine's PostgreSQL by tests/test_backups.py).
FROM postgres:16-bookworm AS pg-client
COPY scripts/pg-client.sh /tmp/pg-client.sh
RUN sh /tmp/pg-client.sh /usr/lib/postgresql/16/bin /opt/pg-client

FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1

# Pango and fonts for WeasyPrint (guides as PDF), gettext for the translations; the user the
# processes run as owns var/ (uploads, e-mails written to files) but not the code.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-liberation \
        gettext \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 1000 --home /app rse \
    && mkdir -p /app/var/media /app/var/backups \
    && chown -R rse /app/var

COPY --from=pg-client /opt/pg-client /opt/pg-client
ENV RSE_PG_BIN=/opt/pg-client/bin

WORKDIR /app
# The runtime dependencies only: requirements-dev.lock adds the test tools.
COPY requirements.lock .
RUN pip install --require-hashes -r requirements.lock

COPY . .
# DEBUG=1 only spares the build a secret key and a broker; the static files storage does not
# depend on it (RSE_MANIFEST_STATIC is on by default), so the manifest the web process reads is
# written here, and a vendored file referring to a missing one stops the build.
RUN DEBUG=1 python manage.py compilemessages --ignore=.venv -v0 \
    && DEBUG=1 python manage.py collectstatic --noinput -v0

USER rse
EXPOSE 8000
# No gunicorn access log: the app writes one line per request, with its request id. No control
# socket either: nothing uses it, and it would want a writable home.
CMD ["gunicorn", "solimut_rse.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--worker-class", "sync", "--no-control-socket"]
