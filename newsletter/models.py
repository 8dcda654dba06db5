import re
import secrets
from typing import Self

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.fields import RichTextField
from core.history import Record
from guides.models import Version
from initiatives.models import Initiative
from mutuelles.models import Mutuelle

# A path of this site; to a browser, "//host" and "/\host" are another site.
_PATH = re.compile(r"/(?![/\\])[^\s\\]*")


def validate_link(value: str) -> None:
    """A block links to a page of the intranet (`/initiatives/3/`) or to an https:// address:
    nothing that runs (`javascript:`, `data:`), nothing sent in clear (`http:`), no other site
    dressed as a path (`//evil.example`)."""
    if _PATH.fullmatch(value):
        return
    try:
        URLValidator(schemes=["https"])(value)
    except ValidationError:
        pass
    else:
        if not re.search(r"[\s\\]", value):
            return
    raise ValidationError(
        _(
            "Lien refusé : indiquez une page de l'intranet commençant par « / » (par exemple "
            "/guides/eco-gestes/) ou une adresse complète commençant par https://."
        ),
        code="link",
    )


def new_token() -> str:
    return secrets.token_urlsafe(32)


class Edition(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Brouillon")
        SCHEDULED = "scheduled", _("Programmée")
        SENDING = "sending", _("En cours d'envoi")
        SENT = "sent", _("Envoyée")

    number = models.PositiveIntegerField(_("numéro"), unique=True)
    title = models.CharField(_("titre"), max_length=200)
    editorial = RichTextField(_("éditorial"), blank=True)
    period_start = models.DateField(_("du"))
    period_end = models.DateField(_("au"))
    status = models.CharField(
        _("état"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    scheduled_at = models.DateTimeField(_("envoi prévu le"), null=True, blank=True)
    started_at = models.DateTimeField(_("envoi commencé le"), null=True, blank=True)
    sent_at = models.DateTimeField(_("envoyée le"), null=True, blank=True)
    # Set when the sending stopped itself (too many failures in a row); cleared on resume.
    paused_reason = models.TextField(_("envoi suspendu"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("préparée par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("créée le"), default=timezone.now)

    history = Record(excluded_fields=["paused_reason"])

    class Meta:
        ordering = ["-number"]
        verbose_name = _("édition")
        verbose_name_plural = _("éditions")
        # The service refuses any overlap, in French; the database refuses the commonest case
        # even from two requests at once: the same month twice (the beat task and a click).
        constraints = [
            models.UniqueConstraint(
                fields=["period_start"],
                name="one_edition_per_period_start",
                violation_error_message=_("Une édition couvre déjà cette période."),
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="edition_period_ends_after_start",
                violation_error_message=_("La fin de la période précède son début."),
            ),
        ]

    def __str__(self):
        return f"n° {self.number} · {self.title}"

    def get_absolute_url(self):
        return reverse("newsletter:edition", args=[self.number])

    @property
    def is_editable(self):
        return self.status in (self.Status.DRAFT, self.Status.SCHEDULED)

    @property
    def has_left(self):
        """Its sending started: it has a delivery report."""
        return self.status in (self.Status.SENDING, self.Status.SENT)


class Block(models.Model):
    """One item of an edition, in the common part (no mutuelle) or in a mutuelle's own part."""

    class Kind(models.TextChoices):
        INITIATIVE = "initiative", _("Initiative")
        GUIDE = "guide", _("Guide")
        PROGRESS = "progress", _("Avancement du plan")
        TEXT = "text", _("Texte libre")
        FEEDBACK = "feedback", _("Vous nous avez dit, nous avons fait")

    edition = models.ForeignKey(
        Edition, verbose_name=_("édition"), on_delete=models.CASCADE, related_name="blocks"
    )
    mutuelle = models.ForeignKey(
        Mutuelle,
        verbose_name=_("partie locale de"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Vide : la partie commune, lue par tous."),
    )
    position = models.PositiveIntegerField(_("ordre"), default=0)
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices)
    title = models.CharField(_("titre"), max_length=200)
    body = RichTextField(_("texte"), blank=True)
    link = models.CharField(_("lien"), max_length=300, blank=True, validators=[validate_link])
    initiative = models.ForeignKey(
        Initiative, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    guide_version = models.ForeignKey(
        Version, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    # Set by `rendering.Messages` on an initiative's block: its first picture, for the e-mail.
    picture_url: str
    picture_alt: str

    class Meta:
        ordering = ["edition", "mutuelle_id", "position", "pk"]
        verbose_name = _("bloc")
        verbose_name_plural = _("blocs")

    def __str__(self):
        return self.title

    @property
    def absolute_link(self) -> str:
        """The link as an e-mail needs it: a page of the intranet gets the site's address."""
        return settings.SITE_URL + self.link if self.link.startswith("/") else self.link


class SubscriberQuerySet(models.QuerySet["Subscriber"]):
    def subscribed(self) -> Self:
        return self.filter(status=Subscriber.Status.SUBSCRIBED)


class Subscriber(models.Model):
    class Status(models.TextChoices):
        SUBSCRIBED = "subscribed", _("Abonné")
        UNSUBSCRIBED = "unsubscribed", _("Désabonné")
        BOUNCED = "bounced", _("Adresse en erreur")

    email = models.EmailField(_("adresse e-mail"), unique=True)
    name = models.CharField(_("nom"), max_length=200, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("membre"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="subscriber",
    )
    mutuelle = models.ForeignKey(
        Mutuelle,
        verbose_name=_("mutuelle"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="subscribers",
    )
    status = models.CharField(
        _("état"), max_length=12, choices=Status.choices, default=Status.SUBSCRIBED
    )
    token = models.CharField(_("jeton"), max_length=64, unique=True, default=new_token)
    imported = models.BooleanField(_("importé"), default=False)
    changed_at = models.DateTimeField(_("modifié le"), default=timezone.now)

    # Never the unsubscribe token: it is a secret.
    history = Record(excluded_fields=["token", "changed_at"])

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        ordering = ["email"]
        verbose_name = _("abonné")
        verbose_name_plural = _("abonnés")

    def __str__(self):
        return self.email


class Delivery(models.Model):
    """One edition to one subscriber: written before sending, marked sent once the SMTP server
    has accepted the message. Its Message-ID is fixed at creation, whatever the retries."""

    class Status(models.TextChoices):
        PENDING = "pending", _("À envoyer")
        SENT = "sent", _("Envoyé")
        FAILED = "failed", _("Échec")

    edition = models.ForeignKey(
        Edition, verbose_name=_("édition"), on_delete=models.CASCADE, related_name="deliveries"
    )
    # The delivery report is kept for good: a subscriber who leaves the list leaves the row,
    # with the address it was sent to.
    subscriber = models.ForeignKey(
        Subscriber,
        verbose_name=_("abonné"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="deliveries",
    )
    email = models.EmailField(_("adresse e-mail"), blank=True)
    status = models.CharField(
        _("état"), max_length=8, choices=Status.choices, default=Status.PENDING
    )
    message_id = models.CharField(_("Message-ID"), max_length=200)
    attempts = models.PositiveSmallIntegerField(_("tentatives"), default=0)
    error = models.CharField(_("erreur"), max_length=500, blank=True)
    # Failed because the address itself was refused for good (the subscriber bounced).
    bounced = models.BooleanField(_("adresse refusée"), default=False)
    # A sender holds the delivery until then: another sender leaves it alone meanwhile.
    leased_until = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(_("envoyé le"), null=True, blank=True)

    class Meta:
        verbose_name = _("envoi")
        verbose_name_plural = _("envois")
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "subscriber"], name="one_delivery_per_subscriber"
            )
        ]
        indexes = [
            models.Index(
                fields=["edition", "status"],
                name="delivery_pending",
                condition=Q(status="pending"),
            )
        ]

    def __str__(self):
        return f"{self.edition} → {self.email}"
