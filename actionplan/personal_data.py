"""What the action plan holds about a member (core.personal_data): the field feedback they
wrote, the measurements they entered (each value, dated) and the evidence they joined, the
updates of deployments they made."""

from core import personal_data
from core.personal_data import rows

from .models import (
    Deployment,
    DeploymentChange,
    Evidence,
    FieldFeedback,
    Measurement,
    MeasurementEntry,
    PlanImport,
)


def _export(member) -> dict[str, personal_data.Rows]:
    return {
        "retours_du_terrain": rows(
            FieldFeedback.objects.filter(author=member).order_by("created_at"),
            "mutuelle__name",
            "subject",
            "action__title",
            "theme__name",
            "sentiment",
            "text",
            "created_at",
            "answer",
            "handled_at",
        ),
        "mesures_saisies": rows(
            Measurement.objects.filter(entered_by=member).order_by("entered_at"),
            "indicator__name",
            "mutuelle__name",
            "period",
            "value",
            "comment",
            "entered_at",
        ),
        "valeurs_saisies": rows(
            MeasurementEntry.objects.filter(entered_by=member).order_by("entered_at"),
            "measurement__indicator__name",
            "measurement__mutuelle__name",
            "measurement__period",
            "value",
            "entered_at",
        ),
        "justificatifs_joints": rows(
            Evidence.objects.filter(added_by=member).order_by("added_at"),
            "measurement__indicator__name",
            "measurement__mutuelle__name",
            "title",
            "added_at",
        ),
        "mises_à_jour_du_plan": rows(
            DeploymentChange.objects.filter(changed_by=member).order_by("changed_at"),
            "deployment__action__title",
            "deployment__mutuelle__name",
            "changed_at",
            "before",
            "after",
            "progress_before",
            "progress",
            "is_review",
        ),
        "imports_du_plan": rows(
            PlanImport.objects.filter(created_by=member).order_by("created_at"),
            "file_name",
            "created_at",
            "state",
            "counts",
        ),
    }


def _erase(member, remove_content: bool) -> None:
    # The plan's history (who updated a deployment, entered a measure, answered a feedback)
    # stays, by "ancien membre": it is the network's record, not the member's writing.
    if remove_content:
        FieldFeedback.objects.filter(author=member).delete()


def register() -> None:
    personal_data.register(
        personal_data.Holder(
            name="actionplan",
            covers=[
                (Deployment, "updated_by"),
                (Deployment, "reviewed_by"),
                (DeploymentChange, "changed_by"),
                (Measurement, "entered_by"),
                (MeasurementEntry, "entered_by"),
                (Evidence, "added_by"),
                (FieldFeedback, "author"),
                (FieldFeedback, "handled_by"),
                (PlanImport, "created_by"),
            ],
            export=_export,
            erase=_erase,
        )
    )
