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
