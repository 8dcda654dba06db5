# The intranet's image: web (gunicorn + WhiteNoise), worker and beat (Celery) run from it.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1

# Pango and fonts for WeasyPrint (guides as PDF), gettext for the translations.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-liberation \
        gettext curl \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY requirements.lock .
RUN pip install --require-hashes -r requirements.lock

COPY . .
RUN DEBUG=1 python manage.py compilemessages --ignore=.venv -v0 \
    && DEBUG=1 python manage.py collectstatic --noinput -v0 \
    && useradd --system --uid 1000 --home /app rse \
    && mkdir -p /app/var/media \
    && chown -R rse /app/var

USER rse
EXPOSE 8000
CMD ["gunicorn", "solimut_rse.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--worker-class", "sync", "--access-logfile", "-"]
