"""What the meetings hold about a member (core.personal_data): their invitations, answers and
attendance, the agenda items and remarks they wrote, the meetings they organised or wrote the
minutes of, the tasks given to them, their agenda feed."""

from core import personal_data
from core.personal_data import rows

from .models import (
    ActionProposal,
    AgendaItem,
    Decision,
    FeedToken,
    FileVersion,
    GroupFile,
    Invitee,
    Meeting,
    Remark,
)


def _export(member) -> dict[str, personal_data.Rows]:
    return {
        "invitations_aux_réunions": rows(
            Invitee.objects.filter(user=member).order_by("meeting__starts_at"),
            "meeting__title",
            "meeting__starts_at",
            "answer",
            "answered_at",
            "attended",
        ),
        "points_proposés": rows(
            AgendaItem.objects.filter(proposed_by=member), "meeting__title", "title", "created_at"
        ),
        "remarques_sur_les_comptes_rendus": rows(
            Remark.objects.filter(author=member), "meeting__title", "text", "created_at"
        ),
        "réunions_organisées": rows(
            Meeting.objects.filter(organizer=member), "title", "starts_at", "created_at"
        ),
        "comptes_rendus_confiés": rows(
            Meeting.objects.filter(minutes_writer=member), "title", "starts_at", "minutes_state"
        ),
        "tâches_confiées": rows(
            Decision.objects.filter(assignee=member),
            "meeting__title",
            "text",
            "due_on",
            "done_at",
        ),
        "tâches_marquées_faites": rows(
            Decision.objects.filter(done_by=member), "meeting__title", "text", "done_at"
        ),
        "propositions_d_action_examinées": rows(
            ActionProposal.objects.filter(reviewed_by=member),
            "decision__text",
            "status",
            "reviewed_at",
        ),
        "flux_agenda": rows(FeedToken.objects.filter(user=member), "created_at"),
    }


def _erase(member, remove_content: bool) -> None:
    Invitee.objects.filter(user=member).delete()
    FeedToken.objects.filter(user=member).delete()
    if remove_content:
        AgendaItem.objects.filter(proposed_by=member).delete()
        Remark.objects.filter(author=member).delete()
    # Meetings, minutes and decisions are the group's: they stay, by "ancien membre".


def register() -> None:
    personal_data.register(
        personal_data.Holder(
            name="reunions",
            covers=[
                (Meeting, "organizer"),
                (Meeting, "minutes_writer"),
                (Meeting, "approved_by"),
                (AgendaItem, "proposed_by"),
                (Invitee, "user"),
                (Remark, "author"),
                (Decision, "assignee"),
                (Decision, "done_by"),
                (ActionProposal, "reviewed_by"),
                (FeedToken, "user"),
            ],
            export=_export,
            erase=_erase,
        )
    )


# --- Files of the working groups ------------------------------------------------------------------


def _files_export(member) -> dict[str, personal_data.Rows]:
    return {
        "fichiers_de_groupe_ajoutés": rows(
            GroupFile.objects.filter(added_by=member).order_by("created_at"),
            "group__name",
            "title",
            "meeting__title",
            "created_at",
        ),
        "versions_de_fichiers_déposées": rows(
            FileVersion.objects.filter(added_by=member).order_by("created_at"),
            "document__group__name",
            "document__title",
            "number",
            "name",
            "size",
            "created_at",
        ),
    }


def _files_files(member):
    for version in FileVersion.objects.filter(added_by=member).select_related("document"):
        yield f"reunions/{version.document_id}-v{version.number}-{version.name}", version.file


def _files_erase(member, remove_content: bool) -> None:
    # A group's files are its work: kept under "Ancien membre" (the member's row stays,
    # emptied); removing the content removes the files they added, with all their versions.
    # Versions they gave of a colleague's file stay: they are that file's history.
    if remove_content:
        added = GroupFile.objects.filter(added_by=member)
        personal_data.delete_files_on_commit(
            version.file for version in FileVersion.objects.filter(document__in=added)
        )
        added.delete()


def register_files() -> None:
    personal_data.register(
        personal_data.Holder(
            name="reunions_fichiers",
            covers=[(GroupFile, "added_by"), (FileVersion, "added_by")],
            export=_files_export,
            erase=_files_erase,
            files=_files_files,
        )
    )
