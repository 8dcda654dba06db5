"""Backups: one dated archive of the database and the stored files, and its restoration into an
empty installation (`make backup`, `make restore FILE=...`; `manage.py backup` / `restore`).

The archive is a tar file, `solimut-rse-<YYYYmmdd-HHMMSS>.tar`:

- `manifest.json`: the format, when, the database engine, the migrations applied (to refuse a
  backup made by a newer version of the intranet), the number of files;
- `database.dump` (PostgreSQL: `pg_dump --format=custom`) or `database.sqlite3` (SQLite: a
  consistent copy made by SQLite's online backup);
- `media/...`: every stored file (photos, pictures, tools, attachments, PDFs).

PostgreSQL's tools must be at least as new as the server: `pg_dump` and `pg_restore` are taken
from `RSE_PG_BIN` when set (the image sets it to the client of the compose file's server),
else from the PATH, and checked before anything is written.
"""

import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from django.utils.translation import gettext as _

FORMAT = 1
MANIFEST = "manifest.json"
MEDIA = "media"


class BackupError(Exception):
    """A backup or a restoration that cannot be done; the message says why, in French."""


@dataclass(frozen=True)
class Summary:
    path: Path
    engine: str
    files: int


# --- PostgreSQL's tools ------------------------------------------------------------------------


def _tool(name: str) -> str:
    folder = os.environ.get("RSE_PG_BIN", "")
    path = str(Path(folder) / name) if folder else shutil.which(name)
    if not path or not Path(path).exists():
        raise BackupError(
            _(
                "%(tool)s est introuvable : installez le client PostgreSQL (ou indiquez son "
                "dossier dans RSE_PG_BIN)."
            )
            % {"tool": name}
        )
    return path


def _tool_major(path: str) -> int:
    # Here and below: PostgreSQL's own tool, no shell, arguments of ours.
    output = subprocess.run(  # noqa: S603
        [path, "--version"], capture_output=True, text=True, check=True
    )
    found = re.search(r"\(PostgreSQL\)\s+(\d+)", output.stdout)  # "pg_dump (PostgreSQL) 16.4 …"
    if found is None:
        raise BackupError(_("Version de %(tool)s illisible.") % {"tool": path})
    return int(found.group(1))


def _server_major() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version_num")
        return int(cursor.fetchone()[0]) // 10000


def _checked_tool(name: str) -> str:
    path = _tool(name)
    tool, server = _tool_major(path), _server_major()
    if tool < server:
        raise BackupError(
            _(
                "%(tool)s %(version)s ne sait pas lire un serveur PostgreSQL %(server)s : "
                "installez le client PostgreSQL %(server)s (ou indiquez son dossier dans "
                "RSE_PG_BIN)."
            )
            % {"tool": name, "version": tool, "server": server}
        )
    return path


def _pg_environment() -> dict[str, str]:
    db = settings.DATABASES["default"]
    env = {**os.environ, "PGDATABASE": db["NAME"]}
    for key, variable in [
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
    ]:
        if db.get(key):
            env[variable] = str(db[key])
    return env


# --- Backup ---------------------------------------------------------------------------------------


def _media_files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def backup(folder: Path | None = None) -> Summary:
    """Write a dated archive of the database and the stored files into `folder`."""
    folder = Path(folder or settings.RSE_BACKUP_DIR)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    target = folder / f"solimut-rse-{stamp}.tar"
    engine = connection.vendor
    files = _media_files()
    with tempfile.TemporaryDirectory() as work:
        if engine == "postgresql":
            database = Path(work) / "database.dump"
            result = subprocess.run(  # noqa: S603
                [
                    _checked_tool("pg_dump"),
                    "--format=custom",
                    "--no-owner",
                    "--no-privileges",
                    f"--file={database}",
                ],
                env=_pg_environment(),
                capture_output=True,
                text=True,
            )
            if result.returncode:
                raise BackupError(_("pg_dump a échoué : %(error)s") % {"error": result.stderr})
        elif engine == "sqlite":
            database = Path(work) / "database.sqlite3"
            source = sqlite3.connect(settings.DATABASES["default"]["NAME"])
            copy = sqlite3.connect(database)
            with copy:
                source.backup(copy)
            source.close()
            copy.close()
        else:
            raise BackupError(
                _("Base de données %(engine)s non prise en charge.") % {"engine": engine}
            )
        manifest = {
            "format": FORMAT,
            "created_at": timezone.now().isoformat(),
            "engine": engine,
            "database": database.name,
            "migrations": sorted(
                f"{app}.{name}" for app, name in MigrationRecorder(connection).applied_migrations()
            ),
            "files": len(files),
        }
        partial = target.with_suffix(".tar.partial")
        with tarfile.open(partial, "w") as archive:
            data = json.dumps(manifest, indent=2).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mtime = len(data), int(timezone.now().timestamp())
            archive.addfile(info, fileobj=io.BytesIO(data))
            archive.add(database, arcname=database.name)
            root = Path(settings.MEDIA_ROOT)
            for path in files:
                archive.add(path, arcname=f"{MEDIA}/{path.relative_to(root).as_posix()}")
        partial.rename(target)
    return Summary(target, engine, len(files))


# --- Restore --------------------------------------------------------------------------------------


def _manifest(archive: tarfile.TarFile) -> dict:
    try:
        manifest = json.load(archive.extractfile(MANIFEST))
    except (KeyError, ValueError, TypeError) as error:
        raise BackupError(_("Ce fichier n'est pas une sauvegarde de l'intranet.")) from error
    if manifest.get("format") != FORMAT:
        raise BackupError(
            _("Format de sauvegarde inconnu : %(format)s.") % {"format": manifest.get("format")}
        )
    return manifest


def _refuse_newer(manifest: dict) -> None:
    known = {
        f"{app}.{name}"
        for app, name in MigrationLoader(None, ignore_no_migrations=True).disk_migrations
    }
    unknown = sorted(set(manifest["migrations"]) - known)
    if unknown:
        raise BackupError(
            _(
                "Cette sauvegarde vient d'une version plus récente de l'intranet (migrations "
                "inconnues ici : %(names)s) : installez d'abord cette version, puis restaurez."
            )
            % {"names": ", ".join(unknown[:5]) + (" …" if len(unknown) > 5 else "")}
        )


def _refuse_not_empty(manifest: dict) -> None:
    if manifest["engine"] != connection.vendor:
        raise BackupError(
            _(
                "Cette sauvegarde est celle d'une base %(theirs)s ; cette installation utilise "
                "%(ours)s."
            )
            % {"theirs": manifest["engine"], "ours": connection.vendor}
        )
    if connection.introspection.table_names():
        raise BackupError(
            _(
                "La base de données n'est pas vide : une sauvegarde se restaure dans une "
                "installation neuve (base vide, aucun fichier)."
            )
        )
    if _media_files():
        raise BackupError(
            _(
                "Le dossier des fichiers (%(folder)s) n'est pas vide : une sauvegarde se restaure "
                "dans une installation neuve."
            )
            % {"folder": settings.MEDIA_ROOT}
        )


def _safe_members(archive: tarfile.TarFile) -> list[tarfile.TarInfo]:
    members = []
    for member in archive.getmembers():
        name = Path(member.name)
        if name.is_absolute() or ".." in name.parts or not (member.isfile() or member.isdir()):
            raise BackupError(
                _("Cette sauvegarde contient un chemin refusé : %(name)s.") % {"name": member.name}
            )
        if name.parts[:1] == (MEDIA,) and member.isfile():
            members.append(member)
    return members


def _open(path: Path) -> tarfile.TarFile:
    try:
        return tarfile.open(path, "r")
    except (OSError, tarfile.TarError) as error:
        raise BackupError(
            _("Impossible de lire %(path)s : %(error)s") % {"path": path, "error": error}
        ) from error


def restore(path: Path) -> Summary:
    """Bring the archive at `path` back into this empty installation, then migrate it to this
    version's schema. Refused, with nothing changed, for a backup of a newer version, a
    database that is not empty, a folder of files that is not empty."""
    with _open(path) as archive:
        manifest = _manifest(archive)
        _refuse_newer(manifest)
        _refuse_not_empty(manifest)
        media = _safe_members(archive)
        with tempfile.TemporaryDirectory() as work:
            archive.extract(manifest["database"], work, filter="data")
            database = Path(work) / manifest["database"]
            if manifest["engine"] == "postgresql":
                result = subprocess.run(  # noqa: S603
                    [
                        _checked_tool("pg_restore"),
                        "--no-owner",
                        "--no-privileges",
                        "--exit-on-error",
                        "--single-transaction",
                        f"--dbname={settings.DATABASES['default']['NAME']}",
                        str(database),
                    ],
                    env=_pg_environment(),
                    capture_output=True,
                    text=True,
                )
                if result.returncode:
                    raise BackupError(
                        _("pg_restore a échoué : %(error)s") % {"error": result.stderr}
                    )
            else:
                connection.close()
                shutil.copyfile(database, settings.DATABASES["default"]["NAME"])
        root = Path(settings.MEDIA_ROOT)
        root.mkdir(parents=True, exist_ok=True)
        for member in media:
            member_path = Path(member.name).relative_to(MEDIA)
            target = root / member_path
            target.parent.mkdir(parents=True, exist_ok=True)
            with archive.extractfile(member) as source, open(target, "wb") as copy:
                shutil.copyfileobj(source, copy)
    connection.close()
    call_command("migrate", interactive=False, verbosity=0)
    return Summary(Path(path), manifest["engine"], len(media))
