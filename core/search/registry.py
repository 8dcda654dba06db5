"""What the apps put in the index, and how the index stays current."""

import contextvars
import datetime
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, transaction
from django.db.models import Model, QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.functional import Promise

from core import revisions
from core.richtext import plain_text

from . import text
from .backends import backend


@dataclass
class Document:
    """An object as the search reads it. Texts are plain text: a rich text (HTML) goes through
    `search.plain()` (and its headings through `search.headings_of()`) first."""

    title: str
    headings: str = ""  # ranked below the title, above the body
    body: str = ""
    url: str = ""
    mutuelle_id: int | None = None
    theme_ids: Sequence[int] = ()
    date: datetime.date | datetime.datetime | None = None  # recent first; the year facet


@dataclass
class Kind:
    """A kind of object the search finds.

    `document(obj)` says what is indexed of `obj` (None: nothing, e.g. a guide never
    published); `visible(user)` is the app's own queryset of what `user` may read, through
    which every result, count and excerpt is filtered; `load()` (optional) is the queryset the
    objects are read with (its `select_related`/`prefetch_related` keep re-indexing cheap);
    `watch` lists other models whose saves and deletions re-index objects of this kind, each
    with the function that names them: `(Tool, lambda tool: [tool.guide_id])`;
    `ignored_fields` the fields whose saves alone change nothing the search shows.
    """

    name: str
    label: str | Promise
    plural: str | Promise
    model: type[Model]
    document: Callable[[Any], Document | None]
    visible: Callable[[Any], QuerySet]
    load: Callable[[], QuerySet] | None = None
    # Fields neither the document nor who may read it depends on: a save of only these (a
    # member's last sign-in) leaves the index and the cached searches alone.
    ignored_fields: frozenset[str] = frozenset()
    watch: Sequence[tuple[type[Model], Callable[[Any], Iterable[int]]]] = field(
        default_factory=list
    )

    def queryset(self) -> QuerySet:
        return self.load() if self.load else self.model._default_manager.all()


_kinds: dict[str, Kind] = {}
# Bumped by every write of the index: the searches kept in the cache are done again.
REVISION = "search"
_paused = contextvars.ContextVar("search_paused", default=False)


def kinds() -> dict[str, Kind]:
    """The registered kinds by name, in the order of INSTALLED_APPS."""
    return dict(_kinds)


def kind_of(model: type[Model]) -> Kind:
    for kind in _kinds.values():
        if issubclass(model, kind.model):
            return kind
    raise LookupError(f"{model.__name__} is not searched")


def register(kind: Kind) -> None:
    """Index `kind` and keep it current: every save, deletion and change of a many-to-many
    relation of its model (and of the models it watches) re-indexes the objects concerned, in
    the same transaction, whatever the path (views, admin, commands, imports)."""
    _kinds[kind.name] = kind
    uid = f"search:{kind.name}"
    post_save.connect(_saved(kind), sender=kind.model, weak=False, dispatch_uid=uid)
    post_delete.connect(_deleted(kind), sender=kind.model, weak=False, dispatch_uid=uid)
    for relation in kind.model._meta.many_to_many:
        m2m_changed.connect(
            _m2m_changed(kind),
            sender=relation.remote_field.through,
            weak=False,
            dispatch_uid=f"{uid}:{relation.name}",
        )
    for position, (model, names) in enumerate(kind.watch):
        handler = _watched(kind, names)
        watch_uid = f"{uid}:watch:{position}"
        post_save.connect(handler, sender=model, weak=False, dispatch_uid=watch_uid)
        post_delete.connect(handler, sender=model, weak=False, dispatch_uid=watch_uid)


@contextmanager
def paused() -> Iterator[None]:
    """Keep the index as it is while a bulk load runs (call `rebuild()` after it)."""
    token = _paused.set(True)
    try:
        yield
    finally:
        _paused.reset(token)


Handler = Callable[..., None]


def _saved(kind: Kind) -> Handler:
    def handler(
        sender: Any, instance: Any, created: bool = False, raw: bool = False, **kwargs: Any
    ) -> None:
        # The saved instance itself: no query to read it again, none at all for an object
        # that is not indexed (a draft edition).
        update_fields = kwargs.get("update_fields")
        if raw or _paused.get() or (update_fields and update_fields <= kind.ignored_fields):
            return
        document = kind.document(instance)
        if not created and _unchanged(kind, instance.pk, document):
            # A member's last sign-in, an edition's counters: nothing to write. But who may
            # read it may have changed (an initiative published): the cached searches go.
            revisions.bump(REVISION)
            return
        if document is None:
            if not created:
                remove(kind, [instance.pk])
            return
        with transaction.atomic(savepoint=False):
            _write(kind, [(instance.pk, document)])

    return handler


_COMPARED = ("title", "headings", "body", "url", "mutuelle_id", "date", "year", "theme_ids")


def _unchanged(kind: Kind, pk: int, document: Document | None) -> bool:
    """The index already holds exactly this document (or rightly holds nothing)."""
    from core.models import SearchEntry

    stored = SearchEntry.objects.filter(kind=kind.name, object_id=pk).values(*_COMPARED).first()
    if document is None or stored is None:
        return document is None and stored is None
    entry = _entry(kind, pk, document)
    return all(getattr(entry, name) == stored[name] for name in _COMPARED)


def _deleted(kind: Kind) -> Handler:
    def handler(sender: Any, instance: Any, **kwargs: Any) -> None:
        remove(kind, [instance.pk])

    return handler


def _m2m_changed(kind: Kind) -> Handler:
    def handler(
        sender: Any, instance: Any, action: str, reverse: bool, pk_set: Any, **kwargs: Any
    ) -> None:
        if action not in ("post_add", "post_remove", "post_clear"):
            return
        if isinstance(instance, kind.model):
            index(kind, [instance.pk])
        elif pk_set:  # changed from the other side: theme.initiatives.add(...)
            index(kind, pk_set)

    return handler


def _watched(kind: Kind, names: Callable[[Any], Iterable[int]]) -> Handler:
    def handler(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
        if not raw:
            index(kind, [pk for pk in names(instance) if pk is not None])

    return handler


_HEADING = re.compile(r"<h[1-6][^>]*>(.*?)</h[1-6]>", re.IGNORECASE | re.DOTALL)


def plain(value: str) -> str:
    """The words of a rich text (HTML), or the text itself when it has no markup."""
    value = value or ""
    return plain_text(value) if "<" in value or "&" in value else value


def headings_of(value: str) -> str:
    """The headings of a rich text, one a line."""
    return "\n".join(plain(heading).strip() for heading in _HEADING.findall(value or ""))


def _entry(kind: Kind, pk: int, document: Document) -> Any:
    from core.models import SearchEntry

    date = document.date
    if isinstance(date, datetime.datetime):
        date = date.date()
    title = (document.title or "").strip()[:300]
    return SearchEntry(
        kind=kind.name,
        object_id=pk,
        title=title,
        headings=document.headings,
        body=document.body,
        url=document.url[:300],
        mutuelle_id=document.mutuelle_id,
        date=date,
        year=date.year if date else None,
        title_folded=text.fold(title)[:300],
        theme_ids=sorted(set(document.theme_ids)),
    )


def index(kind: Kind, pks: Iterable[int], *, fresh: bool = False) -> int:
    """(Re-)index the objects of `kind` with these primary keys: an object gone or whose
    `document()` is None leaves the index. `fresh`: none of them is indexed yet. Returns the
    number of entries written."""
    pks = set(pks)
    if not pks or _paused.get():
        return 0
    with transaction.atomic(savepoint=False):
        documents = {obj.pk: kind.document(obj) for obj in kind.queryset().filter(pk__in=pks)}
        if not fresh:  # gone, or no longer indexed
            remove(kind, [pk for pk in pks if documents.get(pk) is None])
        return _write(kind, documents.items())


def _write(kind: Kind, documents: Iterable[tuple[int, Document | None]]) -> int:
    from core.models import SearchEntry

    entries = [_entry(kind, pk, document) for pk, document in documents if document is not None]
    if not entries:
        return 0
    # Written over the entry already there: two requests saving the same object at once (or
    # the same member signing in twice) wait for each other instead of one failing.
    SearchEntry.objects.bulk_create(
        entries,
        update_conflicts=True,
        unique_fields=["kind", "object_id"],
        update_fields=[*_COMPARED, "title_folded"],
    )
    revisions.bump(REVISION)
    backend().write([entry.pk for entry in entries])
    return len(entries)


def refresh(model: type[Model], pks: Iterable[int]) -> None:
    """Re-index objects changed without a signal, by a conditional `QuerySet.update()`."""
    index(kind_of(model), pks)


def remove(kind: Kind, pks: Iterable[int]) -> None:
    from core.models import SearchEntry

    if not _paused.get():
        _drop(SearchEntry.objects.filter(kind=kind.name, object_id__in=list(pks)))


def _drop(entries: QuerySet) -> None:
    from core.models import SearchEntry

    pks = list(entries.values_list("pk", flat=True))
    if pks:
        backend().forget(pks)
        SearchEntry.objects.filter(pk__in=pks).delete()
        revisions.bump(REVISION)


def rebuild(names: Iterable[str] | None = None, *, chunk: int = 500) -> dict[str, int]:
    """Index every object of every kind (or of the kinds named) from scratch. Returns the
    number of entries of each kind."""
    from core.models import SearchEntry

    chosen = [_kinds[name] for name in names] if names is not None else list(_kinds.values())
    counts = {}
    with transaction.atomic():
        if names is None:
            backend().forget_all()
            with connection.cursor() as cursor:
                cursor.execute(f"DELETE FROM {SearchEntry._meta.db_table}")  # noqa: S608
        for kind in chosen:
            if names is not None:
                _drop(SearchEntry.objects.filter(kind=kind.name))
            pks = list(kind.model._default_manager.order_by("pk").values_list("pk", flat=True))
            counts[kind.name] = sum(
                index(kind, pks[start : start + chunk], fresh=True)
                for start in range(0, len(pks), chunk)
            )
    if connection.vendor == "postgresql":  # the planner learns the new entries' words
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {SearchEntry._meta.db_table}")
    revisions.bump(REVISION)
    return counts
