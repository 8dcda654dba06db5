import datetime
import time

import factory
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django import forms
from django.urls import reverse
from django.utils import timezone

from actionplan.models import Action, ActionPlan, Axis, FieldFeedback, Sentiment
from ambassadeurs.models import Role, User, WorkingGroup
from guides.models import Guide, Version
from guides.models import Status as GuideStatus
from initiatives.models import Comment, Initiative, Replication
from mutuelles.models import Mutuelle, Theme
from newsletter.models import Delivery, Edition, Subscriber

PASSWORD = "un-mot-de-passe-solide-42"


class MutuelleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Mutuelle
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Mutuelle d'essai {n}")
    short_name = factory.Sequence(lambda n: f"Essai {n}")
    slug = factory.Sequence(lambda n: f"essai-{n}")
    region = "Bretagne"
    headcount = 250
    colour = "#1f6f8b"


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Thème {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")


class PlanFactory(factory.django.DjangoModelFactory):
    """The current plan voted at the AG of June 2026, for July 2026 - June 2028."""

    class Meta:
        model = ActionPlan

    title = "Plan d'action RSE 2026-2028"
    assembly = "AG du 18 juin 2026"
    adopted_on = datetime.date(2026, 6, 18)
    starts_on = datetime.date(2026, 7, 1)
    ends_on = datetime.date(2028, 6, 30)
    is_current = True


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"membre{n}@essai.example")
    first_name = factory.Faker("first_name", locale="fr_FR")
    last_name = factory.Faker("last_name", locale="fr_FR")
    job_title = "Chargé·e de mission"
    role = Role.READER
    mutuelle = factory.SubFactory(MutuelleFactory)

    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        self.set_password(extracted or PASSWORD)
        if create:
            self.save(update_fields=["password"])
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)

    @factory.post_generation
    def totp(self, create, extracted, **kwargs):
        """`UserFactory(totp=True)` turns on two-factor sign-in; returns nothing."""
        if create and extracted:
            TOTP.activate(self, generate_totp_secret())


class WorkingGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkingGroup

    name = factory.Sequence(lambda n: f"Groupe de travail {n}")
    slug = factory.Sequence(lambda n: f"groupe-{n}")
    theme = factory.SubFactory(ThemeFactory)
    description = "Avancer ensemble sur un sujet commun."


class AxisFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Axis
        django_get_or_create = ["plan", "number"]

    plan = factory.SubFactory(PlanFactory)
    number = 1
    title = "Santé"


class ActionFactory(factory.django.DjangoModelFactory):
    """An action deployed in every mutuelle; create its deployments with
    `actionplan.services.deployments_ensure`."""

    class Meta:
        model = Action

    axis = factory.SubFactory(AxisFactory)
    plan = factory.SelfAttribute("axis.plan")
    code = factory.Sequence(lambda n: f"1.{n + 1}")
    title = factory.Sequence(lambda n: f"Action {n}")


class FieldFeedbackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FieldFeedback

    mutuelle = factory.SubFactory(MutuelleFactory)
    subject = factory.Sequence(lambda n: f"Retour {n}")
    sentiment = Sentiment.MIXED
    text = "Les collègues attendent la suite."


class InitiativeFactory(factory.django.DjangoModelFactory):
    """A published initiative of a mutuelle, written by one of its ambassadors."""

    class Meta:
        model = Initiative

    mutuelle = factory.SubFactory(MutuelleFactory)
    author = factory.SubFactory(
        UserFactory, mutuelle=factory.SelfAttribute("..mutuelle"), role=Role.AMBASSADOR
    )
    title = factory.Sequence(lambda n: f"Initiative {n}")
    summary = "Une initiative à partager."
    is_published = True
    published_at = factory.LazyAttribute(lambda o: timezone.now() if o.is_published else None)


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    initiative = factory.SubFactory(InitiativeFactory)
    author = factory.SubFactory(UserFactory)
    text = "Bravo, nous aimerions en savoir plus."


class ReplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Replication

    initiative = factory.SubFactory(InitiativeFactory)
    mutuelle = factory.SubFactory(MutuelleFactory)
    notes = "Nous la reprenons dans nos agences."


class GuideFactory(factory.django.DjangoModelFactory):
    """A draft guide; `GuideFactory(authors=[...])` sets who writes it, `published=True` gives it
    a first published version."""

    class Meta:
        model = Guide
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Guide {n}")
    slug = factory.Sequence(lambda n: f"guide-{n}")
    summary = "Un guide pour agir."
    theme = factory.SubFactory(ThemeFactory)
    body = "<h2>Agir</h2><p>Pas à pas.</p>"

    @factory.post_generation
    def authors(self, create, extracted, **kwargs):
        if create and extracted:
            self.authors.set(extracted)

    @factory.post_generation
    def published(self, create, extracted, **kwargs):
        if create and extracted:
            self.current_version = Version.objects.create(
                guide=self,
                number=1,
                title=self.title,
                summary=self.summary,
                theme_name=self.theme.name,
                authors_names="",
                body=self.body,
            )
            self.status = GuideStatus.PUBLISHED
            self.save(update_fields=["current_version", "status"])


ONE_DAY = datetime.timedelta(days=1)


def _month_start(year: int, month: int) -> datetime.date:
    """The first day of `month` of `year`, the month counted past December or before January."""
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return datetime.date(year, month, 1)


class EditionFactory(factory.django.DjangoModelFactory):
    """A sent edition of the newsletter, each for a month of its own (one edition a period),
    going back from October 2026, unless told."""

    class Meta:
        model = Edition

    number = factory.Sequence(lambda n: n + 1)
    title = factory.LazyAttribute(lambda o: f"Lettre ESS/RSE n° {o.number}")
    period_start = factory.Sequence(lambda n: _month_start(2026, 10 - n))
    period_end = factory.LazyAttribute(
        lambda o: _month_start(o.period_start.year, o.period_start.month + 1) - ONE_DAY
    )
    status = Edition.Status.SENT
    sent_at = factory.LazyAttribute(
        lambda o: timezone.now() if o.status == Edition.Status.SENT else None
    )


class SubscriberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subscriber

    email = factory.Sequence(lambda n: f"abonne{n}@essai.example")


class DeliveryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Delivery

    edition = factory.SubFactory(EditionFactory, status=Edition.Status.SENDING)
    subscriber = factory.SubFactory(SubscriberFactory)
    message_id = factory.Sequence(lambda n: f"<{n}@essai.example>")


# Seconds a code must still have before its step ends when a test reads it: time to type it
# and for the server to check it, on a slow, loaded machine.
TOTP_MARGIN = 10


def totp_code(user) -> str:
    """The code the member's authenticator app shows, read early enough in its 30 s step to
    be still valid when the server checks it: in the last seconds of a step, this waits for
    the next one. allauth accepts the code of the current step only, so a code read at 29.9 s
    and checked at 30.1 s was refused. (As in real life, a member signing in twice within one
    step is refused the same code the second time.)"""
    from allauth.mfa import app_settings
    from allauth.mfa.adapter import get_adapter
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    period = app_settings.TOTP_PERIOD
    while period - time.time() % period < TOTP_MARGIN:
        time.sleep(0.05)  # at most TOTP_MARGIN seconds: the next step is coming
    authenticator = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    secret = get_adapter().decrypt(authenticator.data["secret"])
    return format_hotp_value(hotp_value(secret, int(time.time()) // period))


def _as_posted(form) -> dict:
    """What a browser posts for `form` as the admin shows it (files and empty values left out)."""
    data = {}
    for name, field in form.fields.items():
        if field.disabled:
            continue
        value, key = form[name].value(), form.add_prefix(name)
        if value is None or value is False or isinstance(field, forms.FileField):
            continue
        if value is True:
            data[key] = "on"
        elif isinstance(field.widget, forms.MultiWidget):  # a date and a time
            for index, part in enumerate(field.widget.decompress(value)):
                data[f"{key}_{index}"] = "" if part is None else str(part)
        elif isinstance(value, list | tuple):
            data[key] = [str(getattr(item, "pk", item)) for item in value]
        else:
            data[key] = str(value)
    return data


def admin_post(client, obj, **changes):
    """Post the admin's change form of `obj` as shown (inlines included), with `changes`."""
    url = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
    page = client.get(url).context
    data = _as_posted(page["adminform"].form)
    for inline in page["inline_admin_formsets"]:
        formset = inline.formset
        data |= _as_posted(formset.management_form)
        for form in formset.forms:
            data |= _as_posted(form)
    return client.post(url, data | changes)


def attach(client, user, initiative, upload, *, kind="picture", text="Le potager"):
    """Join a picture or a file to `initiative` as its form does: sent ahead by `user` (the
    answer is returned), then, when accepted, attached by the save."""
    from core.models import Upload
    from initiatives import services

    client.force_login(user)
    response = client.post(reverse("initiatives:upload"), {"file": upload, "kind": kind})
    if response.status_code == 200:
        kept = Upload.objects.latest("pk")
        services.initiative_save(by=user, initiative=initiative, uploads=[(kept, text)])
    return response
