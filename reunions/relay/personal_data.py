"""What the relay kits hold about a member (core.personal_data): the local parts they last
wrote and the relay sessions they presented."""

from core import personal_data
from core.personal_data import rows

from ..models import RelayLocalPart, RelaySession


def _export(member) -> dict[str, personal_data.Rows]:
    return {
        "parties_locales_des_kits_de_relais": rows(
            RelayLocalPart.objects.filter(updated_by=member).order_by("updated_at"),
            "edition__title",
            "guide__title",
            "mutuelle__name",
            "title",
            "text",
            "updated_at",
        ),
        "séances_de_relais": rows(
            RelaySession.objects.filter(presenter=member).order_by("held_on"),
            "edition__title",
            "guide__title",
            "held_on",
            "attendance",
            "reactions",
            "questions",
            "sentiment",
        ),
    }


def _erase(member, remove_content: bool) -> None:
    # Like the field feedback they became (actionplan.personal_data): their writing goes with
    # the member's content; a local part is the mutuelle's page and stays.
    if remove_content:
        RelaySession.objects.filter(presenter=member).delete()


def register() -> None:
    personal_data.register(
        personal_data.Holder(
            name="relais",
            covers=[(RelayLocalPart, "updated_by"), (RelaySession, "presenter")],
            export=_export,
            erase=_erase,
        )
    )
