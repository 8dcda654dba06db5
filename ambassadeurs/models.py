from typing import Any, Self

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.history import Record
from mutuelles.models import Mutuelle, Theme


class Role(models.TextChoices):
    READER = "reader", _("Salarié·e")
    AMBASSADOR = "ambassador", _("Ambassadeur·rice")
    COORDINATOR = "coordinator", _("Coordinateur·rice")


class UserQuerySet(models.QuerySet["User"]):
    def active(self) -> Self:
        return self.filter(is_active=True)

    def ambassadors(self) -> Self:
        return self.filter(role=Role.AMBASSADOR)


class UserManager(BaseUserManager["User"]):
    # The queryset's methods by hand: mypy's Django plugin does not type a manager class built
    # by `BaseUserManager.from_queryset()` in a class statement.
    use_in_migrations = True

    def get_queryset(self) -> UserQuerySet:
        return UserQuerySet(self.model, using=self._db)

    def active(self) -> UserQuerySet:
        return self.get_queryset().active()

    def ambassadors(self) -> UserQuerySet:
        return self.get_queryset().ambassadors()

    def _create_user(self, email: str, password: str | None, **extra_fields: Any) -> "User":
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra_fields: Any) -> "User":
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(
        self, email: str, password: str | None = None, **extra_fields: Any
    ) -> "User":
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        extra_fields.setdefault("role", Role.COORDINATOR)
        return self._create_user(email, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A member of the network. Superusers are the administrators."""

    email = models.EmailField(_("adresse e-mail"), unique=True)
    first_name = models.CharField(_("prénom"), max_length=100, blank=True)
    last_name = models.CharField(_("nom"), max_length=100, blank=True)
    job_title = models.CharField(_("fonction"), max_length=150, blank=True)
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    photo = models.ImageField(_("photo"), upload_to="photos/%Y/", blank=True)
    mutuelle = models.ForeignKey(
        Mutuelle,
        verbose_name=_("mutuelle"),
        on_delete=models.PROTECT,
        related_name="members",
        null=True,
        blank=True,
        help_text=_("Vide pour l'équipe de coordination du groupe."),
    )
    role = models.CharField(_("rôle"), max_length=20, choices=Role.choices, default=Role.READER)
    is_active = models.BooleanField(
        _("actif"),
        default=True,
        help_text=_("Décochez pour désactiver le compte : le membre est déconnecté aussitôt."),
    )
    is_staff = models.BooleanField(
        _("accès à l'administration"),
        default=False,
        help_text=_("Permet d'ouvrir l'administration Django."),
    )
    date_joined = models.DateTimeField(_("inscrit le"), default=timezone.now)
    # The home page's "new since your last visit" (ambassadeurs.services.home_visit_record).
    last_home_visit = models.DateTimeField(_("dernière visite de l'accueil"), null=True, blank=True)
    new_since = models.DateTimeField(_("nouveautés depuis le"), null=True, blank=True)
    # An erased member (ambassadeurs.services.member_erase): the row stays, emptied of anything
    # personal, so what they wrote and did still points somewhere: "Ancien membre".
    erased_at = models.DateTimeField(_("effacé le"), null=True, blank=True, editable=False)

    # The record of who changed what: a member's access only, never their profile.
    history = Record(only=["role", "mutuelle", "is_active"])

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        ordering = ["last_name", "first_name", "email"]
        verbose_name = _("membre")
        verbose_name_plural = _("membres")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_ci_unique"),
        ]

    def __str__(self):
        return self.get_full_name() or self.email

    def get_absolute_url(self):
        return reverse("ambassadeurs:member", args=[self.pk])

    def get_full_name(self):
        if self.erased_at:
            return str(_("Ancien membre"))
        return f"{self.first_name} {self.last_name}".strip()

    def get_short_name(self):
        return self.first_name or self.email

    @property
    def initials(self):
        letters = (self.first_name[:1] + self.last_name[:1]) or self.email[:1]
        return letters.upper()

    @property
    def is_ambassador(self):
        return self.role == Role.AMBASSADOR


class WorkingGroup(models.Model):
    """A groupe de travail: members of several mutuelles working on one theme."""

    name = models.CharField(_("nom"), max_length=150, unique=True)
    slug = models.SlugField(_("identifiant d'URL"), max_length=80, unique=True)
    theme = models.ForeignKey(
        Theme, verbose_name=_("thème"), on_delete=models.PROTECT, related_name="working_groups"
    )
    description = models.TextField(_("mission"), blank=True)
    lead = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pilote"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="led_working_groups",
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("membres"),
        related_name="working_groups",
        blank=True,
    )
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("groupe de travail")
        verbose_name_plural = _("groupes de travail")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("ambassadeurs:working_group", args=[self.slug])

    def people(self) -> models.QuerySet["User"]:
        """Everyone in the group: its lead and its members."""
        return User.objects.filter(Q(pk=self.lead_id) | Q(working_groups=self)).distinct()


class InvitationQuerySet(models.QuerySet["Invitation"]):
    def pending(self) -> Self:
        return self.filter(
            accepted_at=None, created_at__gt=timezone.now() - settings.INVITATION_MAX_AGE
        )


class Invitation(models.Model):
    """A coordinator asks someone to join; the account is created when they accept."""

    email = models.EmailField(_("adresse e-mail"))
    role = models.CharField(_("rôle"), max_length=20, choices=Role.choices)
    mutuelle = models.ForeignKey(
        Mutuelle,
        verbose_name=_("mutuelle"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="invitations",
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invité par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("envoyée le"), default=timezone.now)
    accepted_at = models.DateTimeField(_("acceptée le"), null=True, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("compte créé"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitation",
    )

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self):
        return self.email

    @property
    def expires_at(self):
        return self.created_at + settings.INVITATION_MAX_AGE

    @property
    def is_expired(self):
        return timezone.now() >= self.expires_at

    @property
    def is_pending(self):
        return self.accepted_at is None and not self.is_expired


class Erasure(models.Model):
    """The record that a member's personal data was erased: when, by whom, what became of
    their content. Nothing personal: `member` is the emptied row ("Ancien membre")."""

    class Content(models.TextChoices):
        KEPT = "kept", _("conservé sous « ancien membre »")
        REMOVED = "removed", _("supprimé")

    member = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("membre effacé"),
        on_delete=models.PROTECT,
        related_name="erasure",
    )
    erased_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("effacé par"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    erased_at = models.DateTimeField(_("effacé le"), default=timezone.now)
    content = models.CharField(_("contenu écrit"), max_length=10, choices=Content.choices)

    class Meta:
        ordering = ["-erased_at"]
        verbose_name = _("effacement de données personnelles")
        verbose_name_plural = _("effacements de données personnelles")

    def __str__(self):
        return f"{self.erased_at:%Y-%m-%d} ({self.get_content_display()})"
