from typing import Self

from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

hex_colour = RegexValidator(
    r"^#[0-9a-fA-F]{6}$", _("Indiquez une couleur au format #RRGGBB, par exemple #1f6f8b.")
)


class MutuelleQuerySet(models.QuerySet["Mutuelle"]):
    def active(self) -> Self:
        return self.filter(is_active=True)


class Mutuelle(models.Model):
    name = models.CharField(_("nom"), max_length=150, unique=True)
    short_name = models.CharField(_("nom court"), max_length=40)
    slug = models.SlugField(_("identifiant d'URL"), max_length=60, unique=True)
    region = models.CharField(_("région"), max_length=100, blank=True)
    headcount = models.PositiveIntegerField(_("effectif salarié"), null=True, blank=True)
    colour = models.CharField(
        _("couleur"),
        max_length=7,
        default="#1f6f8b",
        validators=[hex_colour],
        help_text=_("Utilisée dans les graphiques et les pastilles, au format #RRGGBB."),
    )
    is_active = models.BooleanField(_("active"), default=True)

    objects = MutuelleQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("mutuelle")
        verbose_name_plural = _("mutuelles")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("mutuelles:detail", args=[self.slug])


class Theme(models.Model):
    """One of the group's shared subjects: the same for every mutuelle."""

    name = models.CharField(_("nom"), max_length=100, unique=True)
    slug = models.SlugField(_("identifiant d'URL"), max_length=60, unique=True)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("thème")
        verbose_name_plural = _("thèmes")

    def __str__(self):
        return self.name


class Framework(models.Model):
    """A CSR taxonomy the mutuelles report against: the SDGs, ISO 26000, the ESRS, the CSESS
    good-practice guide. Shipped as data (mutuelles/data/frameworks.toml), edited by the
    coordination; actions, indicators, initiatives and guides are tagged with its entries."""

    slug = models.SlugField(_("identifiant d'URL"), max_length=30, unique=True)
    name = models.CharField(_("nom"), max_length=150, unique=True)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("référentiel RSE")
        verbose_name_plural = _("référentiels RSE")

    def __str__(self):
        return self.name


class FrameworkEntry(models.Model):
    """One entry of a framework: an SDG, a core subject of ISO 26000, an ESRS topic..."""

    framework = models.ForeignKey(
        Framework, verbose_name=_("référentiel"), on_delete=models.CASCADE, related_name="entries"
    )
    code = models.CharField(
        _("code"), max_length=20, help_text=_("Par exemple « ODD 3 », « E1 », « QC 4 ».")
    )
    label = models.CharField(_("intitulé"), max_length=250)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        ordering = ["framework__position", "position", "code"]
        verbose_name = _("entrée de référentiel")
        verbose_name_plural = _("entrées de référentiel")
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "code"], name="framework_entry_code_unique"
            )
        ]

    def __str__(self):
        return f"{self.code} · {self.label}"
