"""Where a long job stands, written so that a page polling it sees it while the job's own
all-or-nothing transaction is still open.

On PostgreSQL the values go through a database connection of the job's own, in autocommit:
each write is committed at once, whatever the job's connection holds uncommitted. Only columns
of the job's row are written this way, never a row the job's transaction has locked (the job's
connection must not update that row inside its transaction, or the two would wait for each
other). On SQLite (`make run`: one process, tasks in-process, one writer at a time) a second
connection would wait for the job's lock: the values are written by the job's own connection,
and seen once its transaction ends.
"""

from types import TracebackType
from typing import Any, Self

from django.db import DEFAULT_DB_ALIAS, connections, models
from django.utils import timezone


class RowProgress:
    """`with RowProgress(Model, pk) as progress: progress.write(done=3, ...)`."""

    def __init__(self, model: type[models.Model], pk: Any, *, stamp: str | None = "updated_at"):
        self.model, self.pk, self.stamp = model, pk, stamp
        self._own = None
        if connections[DEFAULT_DB_ALIAS].vendor == "postgresql":
            self._own = connections.create_connection(DEFAULT_DB_ALIAS)

    def write(self, **values: Any) -> None:
        if self.stamp:
            values[self.stamp] = timezone.now()
        if self._own is None:
            self.model._default_manager.filter(pk=self.pk).update(**values)
            return
        meta, quote = self.model._meta, self._own.ops.quote_name
        columns, params = [], []
        for name, value in values.items():
            field = meta.get_field(name)
            if not isinstance(field, models.Field):
                raise TypeError(name)
            columns.append(f"{quote(field.column)} = %s")
            params.append(field.get_db_prep_save(value, connection=self._own))
        # Names from the model's own definition, quoted; every value is a parameter.
        sql = (
            f"UPDATE {quote(meta.db_table)} SET {', '.join(columns)} "  # noqa: S608
            f"WHERE {quote(meta.pk.column)} = %s"
        )
        with self._own.cursor() as cursor:
            cursor.execute(sql, [*params, self.pk])

    def close(self) -> None:
        if self._own is not None:
            self._own.close()
            self._own = None

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()
