"""Editing: the coordinator's changes to an edition before it leaves (its title and editorial,
its blocks added, changed, moved and removed). Once sending starts, it no longer changes."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from ambassadeurs.models import User
from ambassadeurs.permissions import Action as Can
from ambassadeurs.permissions import check
from core.richtext import sanitize

from ..models import Block, Edition


def edition_update(*, by: User, edition: Edition, title: str, editorial: str) -> Edition:
    check(by, Can.COORDINATE)
    _require_editable(edition)
    edition.title = title.strip()
    edition.editorial = sanitize(editorial)
    edition.full_clean()
    edition.save(update_fields=["title", "editorial"])
    return edition


def _require_editable(edition: Edition) -> None:
    if not edition.is_editable:
        raise ValidationError(_("Cette édition est partie : elle ne se modifie plus."))


def block_save(*, by: User, edition: Edition, block: Block | None = None, **fields: Any) -> Block:
    check(by, Can.COORDINATE)
    _require_editable(edition)
    if block is None:
        mutuelle = fields.get("mutuelle")
        last = edition.blocks.filter(mutuelle=mutuelle).aggregate(p=Max("position"))["p"]
        block = Block(edition=edition, kind=Block.Kind.TEXT, position=(last or 0) + 1)
    for name, value in fields.items():
        setattr(block, name, value)
    block.body = sanitize(block.body)
    block.full_clean()
    block.save()
    return block


def block_delete(*, by: User, block: Block) -> None:
    check(by, Can.COORDINATE)
    _require_editable(block.edition)
    block.delete()


def block_move(*, by: User, block: Block, offset: int) -> None:
    """Up (-1) or down (+1) within its part: positions are renumbered 0..n-1."""
    check(by, Can.COORDINATE)
    _require_editable(block.edition)
    with transaction.atomic():
        part = list(
            Block.objects.select_for_update()
            .filter(edition=block.edition_id, mutuelle=block.mutuelle_id)
            .order_by("position", "pk")
        )
        index = next(i for i, b in enumerate(part) if b.pk == block.pk)
        target = max(0, min(len(part) - 1, index + offset))
        part.insert(target, part.pop(index))
        for position, item in enumerate(part):
            item.position = position
        Block.objects.bulk_update(part, ["position"])
