"""The record of who changed what: django-simple-history, one historical table per model.

Why django-simple-history: the project runs on SQLite (`make run`) as well as PostgreSQL
(production, CI); django-pghistory's triggers exist on PostgreSQL only. simple-history writes its
rows from Django's `post_save`/`post_delete`, in the write's transaction, with the request's
member (`HistoryRequestMiddleware`, the admin included).

A model is recorded with a `Record()` field:

    history = Record(only=["role", "mutuelle", "is_active"])   # or excluded_fields=[...]

and its app registers how the journal names and links it (`register(Kind(...))` from its
`AppConfig.ready()`). On top of the library, `Record`:

- skips a save that changed nothing recorded (a sign-in's `last_login`, a profile's phone);
- stores with each row what changed, `history_changes` = [[field, before, after], ...], so the
  journal shows before -> after without reading the previous row (dates as ISO text, a foreign
  key as the name of what it pointed to, a long text cut around what changed, members as ids
  only: their names stay in their own row, which an erasure empties);
- names the source when no member is signed in: `with history.reason("commande seed_demo")`
  (manage.py runs every command that way, Celery every task).

What simple-history does not see: `QuerySet.update()` and `bulk_create()`. A service that
writes that way (a conditional update for optimistic locking, a one-winner status change)
calls `history.saved(Model, pk, by=...)` in the same transaction; an import calls
`history.created(objs)` (or nothing: `seed_demo --scale` loads without history).

An import is one more entry: `history.import_recorded(...)` (`core.models.ImportRun`: who, when,
the file's name, its counts), and the rows it writes carry the reason "import <file>".
"""

import contextvars
import datetime
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, suppress
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist
from django.db import models
from django.db.models import F, Q, Value
from django.db.models.functions import Cast
from django.db.models.signals import m2m_changed
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from simple_history.signals import pre_create_historical_record

TEXT_SHOWN = 160  # characters of a long text kept in a change: the row holds the whole text

_reason: contextvars.ContextVar[str | None] = contextvars.ContextVar("history_reason", default=None)


def reason_set(text: str) -> contextvars.Token:
    return _reason.set(text[:100])


def reason_reset(token: contextvars.Token) -> None:
    _reason.reset(token)


@contextmanager
def reason(text: str) -> Iterator[None]:
    """Rows written inside carry `text` as their source (a command, a task, an import)."""
    token = reason_set(text)
    try:
        yield
    finally:
        reason_reset(token)


def command(name: str) -> AbstractContextManager[None]:
    return reason(f"commande {name}")


def _is_member_relation(model_field: Any) -> bool:
    related = model_field.related_model
    return (
        bool(model_field.is_relation)
        and isinstance(related, type)
        and (
            related._meta.label == settings.AUTH_USER_MODEL  # type: ignore[attr-defined]
        )
    )


def _shown(model_field: models.Field, value: Any, related: Any = None) -> Any:
    """A value as a change keeps it: JSON, nothing personal of another member (a long text is
    cut by `_cut`)."""
    if value is None:
        return None
    if model_field.is_relation:
        return str(related) if related is not None else value
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value.normalize()) if value == value.to_integral() else str(value)
    if isinstance(value, str) and isinstance(model_field, models.TextField):
        return " ".join(strip_tags(value).split())
    if isinstance(value, bool | int | float | str):
        return value
    return str(value)


def _cut(before: Any, after: Any) -> tuple[Any, Any]:
    """Long texts, cut to `TEXT_SHOWN` characters around where they start to differ."""
    texts = [v for v in (before, after) if isinstance(v, str)]
    if not any(len(text) > TEXT_SHOWN for text in texts):
        return before, after
    start = 0
    if len(texts) == 2:
        while start < min(map(len, texts)) and texts[0][start] == texts[1][start]:
            start += 1
        start = max(0, start - TEXT_SHOWN // 4)

    def cut(value: Any) -> Any:
        if not isinstance(value, str) or len(value) <= TEXT_SHOWN:
            return value
        piece = value[start : start + TEXT_SHOWN]
        return ("…" if start else "") + piece + ("…" if start + TEXT_SHOWN < len(value) else "")

    return cut(before), cut(after)


def _related(obj: Any, model_field: Any) -> Any:
    """The object a foreign key points to, or None when it is gone (deleted in the same
    cascade: its id is kept then)."""
    try:
        return getattr(obj, model_field.name)
    except ObjectDoesNotExist:
        return None


_records: dict[type[models.Model], "Record"] = {}


class Record(HistoricalRecords):
    """simple-history's `HistoricalRecords`, with `only` (the fields kept, all others left out),
    the changes stored with each row, saves that change nothing left out, and the source."""

    def __init__(self, *, only: Sequence[str] | None = None, **kwargs: Any) -> None:
        from .models import HistoryBase  # this module is imported before the models load

        kwargs.setdefault("bases", [HistoryBase])
        kwargs.setdefault("cascade_delete_history", False)
        super().__init__(**kwargs)
        self.only = list(only) if only is not None else None

    def finalize(self, sender: Any, **kwargs: Any) -> None:
        if sender is self.cls and self.only is not None:
            self.excluded_fields = [
                f.name for f in sender._meta.fields if f.name not in self.only and not f.primary_key
            ]
        if sender is self.cls:
            _records[sender] = self
        super().finalize(sender, **kwargs)

    def _diffed(self, model: type[models.Model]) -> list[models.Field]:
        return [
            f
            for f in self.fields_included(model)
            if not f.primary_key and not _is_member_relation(f)
        ]

    def post_save(self, instance: Any, created: bool, using: Any = None, **kwargs: Any) -> None:
        update_fields = kwargs.get("update_fields")
        if not created and update_fields is not None:
            kept = {f.name for f in self.fields_included(instance)}
            if not kept & set(update_fields):
                return  # e.g. a sign-in's last_login
        super().post_save(instance, created, using=using, **kwargs)

    def get_change_reason_for_object(self, instance: Any, history_type: str, using: Any) -> Any:
        return super().get_change_reason_for_object(instance, history_type, using) or _reason.get()

    def create_historical_record(self, instance: Any, history_type: str, using: Any = None) -> None:
        previous = (
            getattr(instance, self.manager_name).order_by("-history_date", "-history_id").first()
            if history_type != "+"
            else None
        )
        changes = []
        for model_field in self._diffed(type(instance)):
            after = getattr(instance, model_field.attname)
            before = getattr(previous, model_field.attname) if previous is not None else None
            if history_type == "~" and previous is not None and before == after:
                continue
            if history_type == "-":
                before, after = after, None
            elif history_type == "+" or previous is None:
                before = None
            if before in (None, "") and after in (None, ""):
                continue
            related_after = (
                _related(instance, model_field)
                if (model_field.is_relation and after is not None and history_type != "-")
                else None
            )
            related_before = None
            if model_field.is_relation and before is not None:
                related_before = _related(
                    previous if previous is not None and history_type != "-" else instance,
                    model_field,
                )
            changes.append(
                [
                    model_field.name,
                    *_cut(
                        _shown(model_field, before, related_before),
                        _shown(model_field, after, related_after),
                    ),
                ]
            )
        if history_type == "~" and previous is not None and not changes:
            return  # nothing recorded changed
        instance._history_changes = changes
        try:
            super().create_historical_record(instance, history_type, using=using)
        finally:
            del instance._history_changes


def watch_many_to_many() -> None:
    """Record the changes of the recorded models' many-to-many relations (but those to members):
    connected once every model is loaded (core's `ready()`)."""
    for model, record in _records.items():
        for relation in model._meta.many_to_many:
            if (
                (record.only is None or relation.name in record.only)
                and not _is_member_relation(relation)
                and relation.name not in record.excluded_fields
            ):
                m2m_changed.connect(
                    _m2m_changed(record, relation),
                    sender=relation.remote_field.through,
                    weak=False,
                    dispatch_uid=f"core.history.m2m:{model._meta.label}.{relation.name}",
                )


def _m2m_changed(record: Record, relation: Any) -> Callable[..., None]:
    """A change of a many-to-many relation (an initiative's themes, an action's resolutions) is
    a change of its object: one row, the related objects' names before -> after."""
    before: dict[tuple[str, Any], list[str]] = {}  # what a clear() is about to remove

    def names(instance: Any) -> list[str]:
        return sorted(str(related) for related in getattr(instance, relation.name).all())

    def handler(sender: Any, instance: Any, action: str, reverse: bool, **kwargs: Any) -> None:
        if reverse or not isinstance(instance, record.cls):
            return  # changed from the other side (theme.initiatives): rare, left out
        key = (instance._meta.label, instance.pk)
        if action == "pre_clear":
            before[key] = names(instance)
            return
        if action not in ("post_add", "post_remove", "post_clear"):
            return
        after = names(instance)
        if action == "post_clear":
            previous = before.pop(key, [])
        else:
            touched = {
                str(obj)
                for obj in relation.related_model._default_manager.filter(pk__in=kwargs["pk_set"])
            }
            previous = (
                sorted(set(after) - touched)
                if action == "post_add"
                else sorted(set(after) | touched)
            )
        if previous == after:
            return
        instance._history_changes = [
            [relation.name, ", ".join(previous) or None, ", ".join(after) or None]
        ]
        try:
            HistoricalRecords.create_historical_record(record, instance, "~")
        finally:
            del instance._history_changes

    return handler


def _attach_changes(sender: Any, instance: Any, history_instance: Any, **kwargs: Any) -> None:
    history_instance.history_changes = getattr(instance, "_history_changes", [])


pre_create_historical_record.connect(_attach_changes, dispatch_uid="core.history.changes")


def saved(model: type[models.Model], pk: Any, *, by: Any = None) -> None:
    """Record a change written with `QuerySet.update()` (which simple-history cannot see): the
    row is read again and recorded as if saved, by `by` (else the request's member). Call it
    in the write's transaction."""
    obj = model._default_manager.get(pk=pk)
    if by is not None:
        obj._history_user = by  # type: ignore[attr-defined]
    _records[model].create_historical_record(obj, "~")


def created(objs: Sequence[models.Model], *, by: Any = None) -> None:
    """Record objects made by `bulk_create` (which simple-history cannot see): one history row
    each, written in bulk too."""
    if not objs:
        return
    model = type(objs[0])
    record, table = _records[model], model.history.model  # type: ignore[attr-defined]
    now, source = timezone.now(), _reason.get()
    rows = []
    for obj in objs:
        changes = []
        for model_field in record._diffed(model):
            value = getattr(obj, model_field.attname)
            if value not in (None, ""):
                related = getattr(obj, model_field.name) if model_field.is_relation else None
                changes.append([model_field.name, *_cut(None, _shown(model_field, value, related))])
        kept = {f.attname: getattr(obj, f.attname) for f in record.fields_included(model)}
        rows.append(
            table(
                history_date=now,
                history_type="+",
                history_user=by,
                history_change_reason=source,
                history_changes=changes,
                **kept,
            )
        )
    table.objects.bulk_create(rows, batch_size=1000)


def import_recorded(*, kind: str, file_name: str, counts: dict[str, int], by: Any) -> None:
    from .models import ImportRun

    ImportRun.objects.create(
        kind=kind,
        file_name=file_name[:255],
        counts=counts,
        created_by=by,
        reason=_reason.get() or "",
    )


# --- Members' data (core.personal_data) -------------------------------------------------------


def member_relations() -> list[tuple[type[models.Model], str]]:
    """Every relation of the record to members: who made each change, and the recorded
    models' own relations to members (kept as ids only)."""
    from .models import ImportRun

    pairs: list[tuple[type[models.Model], str]] = [(ImportRun, "created_by")]
    for model in _records:
        table = model.history.model  # type: ignore[attr-defined]
        pairs += [(table, f.name) for f in table._meta.fields if _is_member_relation(f)]
    return pairs


def member_export(member: Any) -> dict[str, list[dict[str, Any]]]:
    """What the member changed (the object, when, which fields: not the values, which may be
    other people's), their own access over time, the imports they ran."""
    from .models import ImportRun

    changed = []
    for model in _records:
        table = model.history.model  # type: ignore[attr-defined]
        for row in table.objects.filter(history_user=member).order_by("history_date"):
            changed.append(
                {
                    "objet": model._meta.verbose_name,
                    "identifiant": getattr(row, model._meta.pk.attname),
                    "le": row.history_date,
                    "nature": str(TYPES[row.history_type]),
                    "champs": [name for name, *_values in row.history_changes],
                }
            )
    user_model = next((m for m in _records if m._meta.label == settings.AUTH_USER_MODEL), None)
    access = []
    if user_model is not None:
        table = user_model.history.model  # type: ignore[attr-defined]
        for row in table.objects.filter(id=member.pk).order_by("history_date"):
            access.append(
                {
                    "le": row.history_date,
                    "changements": row.history_changes,
                    "par": row.history_user_id,
                }
            )
    imports: list[dict[str, Any]] = [
        dict(row)
        for row in ImportRun.objects.filter(created_by=member).values(
            "kind", "file_name", "counts", "created_at"
        )
    ]
    return {"modifications_faites": changed, "historique_des_accès": access, "imports": imports}


# --- The journal: every kind of recorded object, one list -------------------------------------


@dataclass(frozen=True)
class Kind:
    """How the journal lists one kind of object, registered by its app (`<app>/journal.py`).

    `model`'s historical table is read, or `source` for a history of its own (the deployments'
    DeploymentChange, the imports), whose `columns` name the object, the date and the member
    ("object", "at", "by") and whose rows are all changes of `fixed_type`. `label(row)` names
    the object from one of its rows, `url(obj)` links to the object as it is now (no link once
    deleted; None: it has no page of its own); `mutuelle` is the lookup of the
    object's mutuelle (none: the group's); `related` are read with each row; `changes(row)`
    gives [[field, before, after], ...] for a history of its own."""

    key: str
    name: Any  # lazy French
    model: type[models.Model]
    label: Callable[[Any], str]
    url: Callable[[Any], str | None] | None = None
    mutuelle: str | None = None
    source: type[models.Model] | None = None
    columns: dict[str, str] = field(default_factory=dict)
    fixed_type: str = "~"
    related: tuple[str, ...] = ()
    changes: Callable[[Any], list] | None = None
    members_named: bool = False  # the objects are members: their names are read with the page

    def table(self) -> type[models.Model]:
        return self.source or self.model.history.model  # type: ignore[attr-defined]

    def column(self, name: str) -> str:
        defaults = {
            "object": self.model._meta.pk.attname,
            "at": "history_date",
            "by": "history_user_id",
        }
        return self.columns.get(name, defaults[name])

    def field_name(self, name: str) -> str:
        try:
            return str(getattr(self.model._meta.get_field(name), "verbose_name", name))
        except FieldDoesNotExist:
            return name


_kinds: dict[str, Kind] = {}


def register(kind: Kind) -> None:
    if kind.key in _kinds:
        raise ValueError(f"a history kind named {kind.key!r} is already registered")
    _kinds[kind.key] = kind


def kinds() -> dict[str, Kind]:
    return dict(_kinds)


TYPES = {"+": _("création"), "~": _("modification"), "-": _("suppression")}


@dataclass
class Filters:
    kind: str = ""
    by: Any = None  # a member
    mutuelle: Any = None  # the object's, or the member's who changed it
    since: datetime.date | None = None
    until: datetime.date | None = None
    type: str = ""
    object_id: int | None = None


def _local_midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def _source(kind: Kind, filters: Filters) -> models.QuerySet:
    rows = kind.table()._default_manager.order_by()  # a compound query is ordered once, at its end
    at, by, obj = kind.column("at"), kind.column("by"), kind.column("object")
    if filters.by is not None:
        rows = rows.filter(**{by: filters.by.pk})
    if filters.type and kind.source is None:
        rows = rows.filter(history_type=filters.type)
    elif filters.type and filters.type != kind.fixed_type:
        rows = rows.none()
    if filters.since:
        rows = rows.filter(**{f"{at}__gte": _local_midnight(filters.since)})
    if filters.until:
        rows = rows.filter(
            **{f"{at}__lt": _local_midnight(filters.until + datetime.timedelta(days=1))}
        )
    if filters.object_id is not None:
        rows = rows.filter(**{obj: filters.object_id})
    if filters.mutuelle is not None:
        concerns = Q(**{f"{by.removesuffix('_id')}__mutuelle": filters.mutuelle.pk})
        if kind.mutuelle:
            concerns |= Q(**{kind.mutuelle: filters.mutuelle.pk})
        rows = rows.filter(concerns)
    selected: models.QuerySet = rows.annotate(
        j_kind=Value(kind.key, output_field=models.CharField()),
        j_row=Cast("pk", models.BigIntegerField()),
        j_object=Cast(obj, models.BigIntegerField()),
        j_at=F(at),
        j_by=Cast(by, models.BigIntegerField()),
        j_type=Value(kind.fixed_type, output_field=models.CharField())
        if kind.source
        else Cast("history_type", models.CharField()),
    ).values_list("j_kind", "j_row", "j_object", "j_at", "j_by", "j_type")
    return selected


def entries(filters: Filters) -> models.QuerySet:
    """The journal's entries, newest first, as (kind, row id, object id, at, member id, type)
    tuples: one query over every kind (UNION ALL) to count and page; `hydrate` reads a page."""
    chosen = [kind for key, kind in _kinds.items() if not filters.kind or key == filters.kind]
    first, *others = (_source(kind, filters) for kind in chosen)
    union = first.union(*others, all=True) if others else first
    ordered: models.QuerySet = union.order_by("-j_at", "-j_row")
    return ordered


@dataclass
class Entry:
    kind: Kind
    at: datetime.datetime
    type: str
    by: Any
    label: str
    url: str | None
    changes: list[tuple[str, Any, Any]]
    reason: str
    object_id: int

    @property
    def type_label(self) -> str:
        return str(TYPES.get(self.type, self.type))

    @property
    def who(self) -> str:
        if self.by is not None:
            return str(self.by)
        return self.reason or str(_("inconnu"))


def _format(kind: Kind, name: str, value: Any) -> Any:
    if value is None or value == "":
        return "—"
    try:
        model_field = kind.model._meta.get_field(name)
    except FieldDoesNotExist:
        return value
    choices = getattr(model_field, "flatchoices", None)
    if choices:
        return str(dict(choices).get(value, value))
    if isinstance(value, bool):
        return str(_("oui")) if value else str(_("non"))
    if isinstance(model_field, models.DateTimeField) and isinstance(value, str):
        with suppress(ValueError):
            moment = timezone.localtime(datetime.datetime.fromisoformat(value))
            return date_format(moment, "SHORT_DATETIME_FORMAT")
    elif isinstance(model_field, models.DateField) and isinstance(value, str):
        with suppress(ValueError):
            return date_format(datetime.date.fromisoformat(value), "SHORT_DATE_FORMAT")
    return value


def hydrate(page: Iterable[tuple]) -> list[Entry]:
    """The entries of a page with their rows, members and labels: one query per kind shown,
    one for the members."""
    from django.contrib.auth import get_user_model

    page = list(page)
    by_kind: dict[str, list[int]] = {}
    for key, row_id, *_rest in page:
        by_kind.setdefault(key, []).append(row_id)
    rows: dict[tuple[str, int], Any] = {}
    for key, ids in by_kind.items():
        kind = _kinds[key]
        table = kind.table()._default_manager
        for found in table.filter(pk__in=ids).select_related(*kind.related):
            rows[key, found.pk] = found
    member_ids = {by for *_rest, by, _type in page if by is not None}
    member_ids |= {obj for key, _row, obj, *_rest in page if _kinds[key].members_named}
    members = get_user_model().objects.select_related(None).in_bulk(member_ids)
    # Links go to the objects as they are now (a guide's slug may have changed since).
    current: dict[str, dict[Any, Any]] = {
        key: _kinds[key].model._default_manager.in_bulk(
            {obj for kind_key, _row, obj, *_rest in page if kind_key == key}
        )
        for key in by_kind
        if _kinds[key].url is not None
    }
    result = []
    for key, row_id, object_id, at, by, typ in page:
        kind, row = _kinds[key], rows.get((key, row_id))
        if row is None:
            continue
        row._members = members
        raw = kind.changes(row) if kind.changes else row.history_changes
        result.append(
            Entry(
                kind=kind,
                at=at,
                type=typ,
                by=members.get(by),
                label=kind.label(row),
                url=_url(kind, current.get(key, {}).get(object_id)),
                changes=[
                    (kind.field_name(name), _format(kind, name, before), _format(kind, name, after))
                    for name, before, after in raw
                ],
                reason=getattr(row, "history_change_reason", None)
                or getattr(row, "reason", "")
                or "",
                object_id=object_id,
            )
        )
    return result


def _url(kind: Kind, obj: Any) -> str | None:
    return kind.url(obj) if kind.url is not None and obj is not None else None


def plain(entries: Iterable[Entry]) -> list[list[Any]]:
    """The rows of the export, the header first; changes as "field : before → after" lines."""
    header = [
        _("Date"),
        _("Par"),
        _("Source"),
        _("Objet"),
        _("Nature"),
        _("Changement"),
        _("Modifications"),
    ]
    rows: list[list[Any]] = [[str(title) for title in header]]
    for entry in entries:
        rows.append(
            [
                timezone.localtime(entry.at).strftime("%d/%m/%Y %H:%M"),
                str(entry.by) if entry.by is not None else "",
                entry.reason,
                entry.label,
                str(entry.kind.name),
                entry.type_label,
                "\n".join(f"{name} : {before} → {after}" for name, before, after in entry.changes),
            ]
        )
    return rows
