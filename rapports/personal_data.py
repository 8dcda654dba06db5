"""What the AG reports hold about a member: the versions they asked for. The reports
themselves name mutuelles, never members."""

from core import personal_data
from core.personal_data import rows

from .models import ReportVersion


def _export(member) -> dict[str, personal_data.Rows]:
    return {
        "rapports_demandés": rows(
            ReportVersion.objects.filter(created_by=member).order_by("created_at"),
            "report__assembly__name",
            "number",
            "cut_off",
            "created_at",
        )
    }


def _erase(member, remove_content: bool) -> None:
    # A published report is the network's record: it stays, asked by the emptied member row
    # ("ancien membre"), like the plan's history.
    return


def register() -> None:
    personal_data.register(
        personal_data.Holder(
            name="rapports",
            covers=[(ReportVersion, "created_by")],
            export=_export,
            erase=_erase,
        )
    )
