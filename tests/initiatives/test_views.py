"""Every role on every page of the initiatives."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from initiatives.models import Attachment, Comment, Image, Initiative, Replication
from tests.factories import MutuelleFactory, PlanFactory, ThemeFactory, UserFactory, attach

from .conftest import jpeg

ROLES = ["reader", "ambassador", "other_ambassador", "coordinator", "admin"]
WRITERS_OF_ARMOR = {"ambassador", "coordinator", "admin"}


def _form(theme, **overrides):
    return {
        "title": "Atelier vélo",
        "summary": "Réparer son vélo au travail.",
        "body": "<h2>Pourquoi</h2><p>Pour <strong>bouger</strong>.</p><script>alert(1)</script>",
        "themes": [theme.pk],
        "status": "ongoing",
        "transposability": "ready",
        "starts_on": "2026-09-01",
        "ends_on": "2026-09-30",
        "participants": "25",
        "budget": "1200,50",
        **overrides,
    }


@pytest.mark.parametrize("role", ROLES)
def test_everyone_reads_published_initiatives(client, members, published, role):
    client.force_login(members[role])
    assert "Défi vélo inter-agences" in client.get(reverse("initiatives:list")).text
    page = client.get(published.get_absolute_url())
    assert page.status_code == 200 and "Le récit" in page.text


@pytest.mark.parametrize("role", ROLES)
def test_drafts_are_seen_only_by_their_mutuelle_and_coordinators(client, members, draft, role):
    client.force_login(members[role])
    allowed = role in WRITERS_OF_ARMOR
    assert ("Potager partagé" in client.get(reverse("initiatives:list")).text) is allowed
    assert client.get(draft.get_absolute_url()).status_code == (200 if allowed else 404)


@pytest.mark.parametrize("role", ROLES)
def test_only_ambassadors_and_coordinators_create(client, members, mutuelle, theme, role):
    user = members[role]
    client.force_login(user)
    data = _form(theme)
    if role in {"coordinator", "admin"}:
        data["mutuelle"] = mutuelle.pk
    response = client.post(reverse("initiatives:create"), data)
    created = Initiative.objects.filter(title="Atelier vélo").first()
    if role == "reader":
        assert response.status_code == 403 and created is None
        return
    assert response.status_code == 302
    assert created.author == user and not created.is_published
    assert created.mutuelle == (user.mutuelle or mutuelle)
    assert "<script" not in created.body and "<strong>bouger</strong>" in created.body


@pytest.mark.parametrize("role", ROLES)
def test_only_writers_of_the_mutuelle_edit_publish_and_delete(client, members, draft, theme, role):
    client.force_login(members[role])
    allowed = role in WRITERS_OF_ARMOR
    expected = 200 if allowed else 404  # a draft of another mutuelle does not exist for them
    assert client.get(reverse("initiatives:edit", args=[draft.pk])).status_code == expected
    client.post(
        reverse("initiatives:edit", args=[draft.pk]),
        _form(theme, title="Changé", mutuelle=draft.mutuelle_id),
    )
    client.post(reverse("initiatives:publish", args=[draft.pk]))
    draft.refresh_from_db()
    assert (draft.title == "Changé") is allowed
    assert draft.is_published is allowed


def test_editing_a_published_initiative_of_another_mutuelle_is_forbidden(
    client, other_ambassador, published, theme
):
    client.force_login(other_ambassador)
    url = reverse("initiatives:edit", args=[published.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, _form(theme, title="Piraté")).status_code == 403
    assert client.post(reverse("initiatives:delete", args=[published.pk])).status_code == 403
    published.refresh_from_db()
    assert published.title == "Défi vélo inter-agences"


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"title": ""}, "title", "Ce champ est obligatoire"),
        ({"ends_on": "2026-08-01"}, "ends_on", "La fin ne peut pas précéder le début"),
        ({"budget": "-5"}, "budget", "supérieure ou égale à 0"),
        ({"participants": "-3"}, "participants", "supérieure ou égale à 0"),
    ],
)
def test_bad_input_is_explained_and_nothing_is_lost_or_saved(
    client, ambassador, theme, overrides, field, message
):
    client.force_login(ambassador)
    response = client.post(reverse("initiatives:create"), _form(theme, **overrides))
    assert response.status_code == 400
    assert message in response.text
    assert "Réparer son vélo au travail." in response.text  # what was typed is still there
    assert not Initiative.objects.exists()


def test_images_get_thumbnails_and_files_are_checked_by_content(client, ambassador, draft):
    attach(client, ambassador, draft, jpeg(), text="Des vélos devant l'agence")
    image = Image.objects.get()
    assert image.alt == "Des vélos devant l'agence"
    from PIL import Image as PILImage

    with PILImage.open(image.thumbnail.path) as thumb:
        assert thumb.size[0] <= 640 and thumb.size[1] <= 400

    fake_pdf = SimpleUploadedFile("rapport.pdf", b"MZ\x90\x00 this is an executable")
    response = attach(client, ambassador, draft, fake_pdf, kind="file", text="Rapport")
    assert response.status_code == 400 and "Type de fichier refusé" in response.text
    real_pdf = SimpleUploadedFile("bilan.bin", b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n")
    attach(client, ambassador, draft, real_pdf, kind="file", text="Bilan")
    assert list(Attachment.objects.values_list("title", "kind")) == [("Bilan", "pdf")]


def test_a_file_over_10_mb_is_refused(client, ambassador, draft):
    big = SimpleUploadedFile("gros.pdf", b"%PDF-1.7\n" + b"0" * (10 * 1024 * 1024 + 1))
    response = attach(client, ambassador, draft, big, kind="file", text="Gros")
    assert response.status_code == 400 and "le maximum est 10" in response.text
    assert not Attachment.objects.exists()


def test_an_image_that_is_not_one_is_refused(client, ambassador, draft):
    fake = SimpleUploadedFile("photo.jpg", b"<svg onload=alert(1)></svg>")
    response = attach(client, ambassador, draft, fake, text="Photo")
    assert response.status_code == 400 and "pas une image" in response.text
    assert not Image.objects.exists()


@pytest.mark.parametrize("role", ROLES)
def test_other_mutuelles_ambassadors_take_it_up_and_the_author_is_told(
    client, members, published, role, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(members[role])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("initiatives:replicate", args=[published.pk]),
            {"reprise-notes": "Nous le faisons à vélo électrique.", "reprise-status": "ongoing"},
        )
    allowed = role == "other_ambassador"  # readers may not; Armor's own cannot take up its own
    assert Replication.objects.exists() is allowed
    if allowed:
        assert [m.to for m in mailoutbox] == [[published.author.email]]
        assert "Arverne reprend votre initiative" in mailoutbox[0].subject
        page = client.get(published.get_absolute_url()).text
        assert "Nous le faisons à vélo électrique." in page


@pytest.mark.parametrize("role", ROLES)
def test_any_member_comments_and_the_ambassadors_are_told(
    client, members, published, role, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(members[role])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("initiatives:comment", args=[published.pk]),
            {"text": "Bravo, on s'en inspire !"},
        )
    assert Comment.objects.filter(author=members[role]).exists()
    expected = [] if role == "ambassador" else [[members["ambassador"].email]]
    assert [m.to for m in mailoutbox] == expected


@pytest.mark.parametrize("role", ROLES)
def test_only_the_initiatives_ambassadors_and_coordinators_hide_a_comment(
    client, members, published, reader, role
):
    comment = Comment.objects.create(initiative=published, author=reader, text="Abusif")
    client.force_login(members[role])
    client.post(reverse("initiatives:comment_hide", args=[published.pk, comment.pk]))
    comment.refresh_from_db()
    assert comment.is_hidden is (role in WRITERS_OF_ARMOR)


def test_hidden_comments_are_hidden_from_readers(client, published, reader):
    Comment.objects.create(
        initiative=published, author=reader, text="Propos déplacé", hidden_at="2026-11-01T10:00:00Z"
    )
    client.force_login(UserFactory(mutuelle=MutuelleFactory()))
    assert "Propos déplacé" not in client.get(published.get_absolute_url()).text


def test_filters_are_kept_in_the_url_and_combine(client, reader, published, mutuelle):
    other_theme = ThemeFactory(name="Environnement", slug="environnement")
    other = Initiative.objects.create(
        mutuelle=mutuelle, title="Zéro plastique", summary="Gourdes", is_published=True
    )
    other.themes.set([other_theme])
    client.force_login(reader)
    page = client.get(reverse("initiatives:list"), {"theme": "sport", "vue": "tableau"}).text
    assert "Défi vélo inter-agences" in page and "Zéro plastique" not in page
    assert "<table>" in page
    assert "theme=sport" in page  # the links keep the filter
    found = client.get(reverse("initiatives:list"), {"q": "gourdes"}).text
    assert "Zéro plastique" in found and "Défi vélo" not in found


@pytest.mark.parametrize("role", ROLES)
def test_only_coordinators_export(client, members, published, role):
    client.force_login(members[role])
    response = client.get(reverse("initiatives:export", args=["csv"]), {"theme": "sport"})
    assert response.status_code == (200 if role in {"coordinator", "admin"} else 403)
    if response.status_code == 200:
        assert "Défi vélo inter-agences" in response.content.decode("utf-8-sig")


def test_home_unfolds_the_latest_published_initiatives(client, reader, published, draft):
    client.force_login(reader)
    assert reverse("showcase") in client.get(reverse("home")).text
    cards = client.get(reverse("showcase")).text
    assert "Défi vélo inter-agences" in cards and "Potager partagé" not in cards


def test_the_actions_page_lists_the_initiatives_that_contribute(client, reader, published):

    from actionplan.models import Action, Axis

    plan = PlanFactory()
    action = Action.objects.create(
        plan=plan,
        axis=Axis.objects.create(plan=plan, number=1, title="Santé"),
        code="1.3",
        title="Défi sportif",
    )
    published.actions.set([action])
    client.force_login(reader)
    assert "Défi vélo inter-agences" in client.get(action.get_absolute_url()).text
    assert "1.3" in client.get(published.get_absolute_url()).text


@pytest.mark.parametrize("count", [20, 2000])
def test_list_and_detail_queries_do_not_grow(
    client, reader, mutuelle, theme, count, django_assert_max_num_queries
):
    authors = UserFactory.create_batch(3, mutuelle=mutuelle)
    Initiative.objects.bulk_create(
        Initiative(
            mutuelle=mutuelle,
            author=authors[i % 3],
            title=f"Initiative {i}",
            summary="…",
            is_published=True,
        )
        for i in range(count)
    )
    through = Initiative.themes.through
    through.objects.bulk_create(
        through(initiative_id=pk, theme_id=theme.pk)
        for pk in Initiative.objects.values_list("pk", flat=True)
    )
    target = Initiative.objects.first()
    others = MutuelleFactory.create_batch(5)
    Replication.objects.bulk_create(
        Replication(initiative=target, mutuelle=m, notes="x") for m in others
    )
    Comment.objects.bulk_create(
        Comment(initiative=target, author=reader, text=f"c{i}") for i in range(30)
    )
    client.force_login(reader)
    with django_assert_max_num_queries(12):
        client.get(reverse("initiatives:list"))
    with django_assert_max_num_queries(12):
        client.get(reverse("initiatives:list"), {"theme": "sport", "q": "Initiative"})
    with django_assert_max_num_queries(16):
        client.get(target.get_absolute_url())


@pytest.mark.services
def test_notifications_go_through_the_worker_and_smtp(
    client, celery_worker, smtp_server, transactional_db
):
    from ambassadeurs.models import Role

    armor = MutuelleFactory(name="Mutuelle Armor Santé", short_name="Armor", slug="armor")
    arverne = MutuelleFactory(name="Mutuelle Arverne", short_name="Arverne", slug="arverne")
    author = UserFactory(email="auteur@armor.example", role=Role.AMBASSADOR, mutuelle=armor)
    taker = UserFactory(email="reprise@arverne.example", role=Role.AMBASSADOR, mutuelle=arverne)
    initiative = Initiative.objects.create(
        mutuelle=armor, author=author, title="Défi vélo", summary="…", is_published=True
    )
    client.force_login(taker)
    client.post(
        reverse("initiatives:replicate", args=[initiative.pk]),
        {"reprise-notes": "À notre façon", "reprise-status": "considering"},
    )
    client.post(reverse("initiatives:comment", args=[initiative.pk]), {"text": "Bravo !"})
    celery_worker.wait_idle()
    received = smtp_server.messages
    assert sorted(m.rcpt_tos[0] for m in received) == ["auteur@armor.example"] * 2
    bodies = " ".join(m.content.decode() for m in received)
    assert "reprend votre initiative" in bodies and "Bravo !" in bodies
    assert not mail.outbox


def test_a_drafts_files_are_served_only_to_who_sees_the_draft(client, ambassador, reader, draft):
    plan = SimpleUploadedFile("plan.pdf", b"%PDF-1.7\nsecret\n")
    attach(client, ambassador, draft, plan, kind="file", text="Plan")
    attachment = Attachment.objects.get()
    url = reverse("initiatives:attachment_download", args=[draft.pk, attachment.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert response["Content-Disposition"].startswith("attachment")
    client.force_login(reader)
    assert client.get(url).status_code == 404
    assert client.get(attachment.file.url).status_code == 404  # not through /media/ either


def test_the_cached_list_shows_each_change_at_once(client, reader, ambassador, draft):
    from initiatives import services

    client.force_login(reader)
    assert "Potager partagé" not in client.get(reverse("initiatives:list")).text
    services.initiative_publish(by=ambassador, initiative=draft)
    assert "Potager partagé" in client.get(reverse("initiatives:list")).text
    client.force_login(ambassador)  # drafts of their own mutuelle: another cached page
    services.initiative_publish(by=ambassador, initiative=draft, publish=False)
    assert "Brouillon" in client.get(reverse("initiatives:list")).text
    client.force_login(reader)
    assert "Potager partagé" not in client.get(reverse("initiatives:list")).text


def test_a_change_in_the_admin_shows_in_the_list(client, admin_user, reader, published):
    client.force_login(reader)
    assert "Défi vélo inter-agences" in client.get(reverse("initiatives:list")).text
    client.force_login(admin_user)
    url = reverse("admin:initiatives_initiative_delete", args=[published.pk])
    assert client.post(url, {"post": "yes"}).status_code == 302
    client.force_login(reader)
    results = client.get(reverse("initiatives:list")).text.split('class="results-count"')[1]
    assert "Défi vélo inter-agences" not in results


def test_a_refused_take_up_keeps_its_notes_and_says_why(client, published, other_ambassador):
    client.force_login(other_ambassador)

    response = client.post(
        reverse("initiatives:replicate", args=[published.pk]),
        {"reprise-notes": "Avec nos élus\x00, en plus court.", "reprise-status": "ongoing"},
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert "caractères invisibles interdits" in page
    assert "Avec nos élus, en plus court.</textarea>" in page
    assert not Replication.objects.exists()
