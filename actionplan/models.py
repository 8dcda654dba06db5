from typing import Self

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.history import Record
from mutuelles.models import FrameworkEntry, Mutuelle, Theme


class Assembly(models.Model):
    """A General Assembly of the group: the delegates vote its resolutions (the action plan
    among them), and the next one reads the report of what became of them."""

    name = models.CharField(
        _("nom"), max_length=200, unique=True, help_text=_("Par exemple « AG du 18 juin 2026 »")
    )
    held_on = models.DateField(_("tenue le"))
    delegates = models.PositiveIntegerField(
        _("délégués présents ou représentés"),
        null=True,
        blank=True,
        help_text=_("Les voix d'une résolution ne peuvent pas dépasser ce nombre."),
    )

    class Meta:
        ordering = ["-held_on"]
        verbose_name = _("assemblée générale")
        verbose_name_plural = _("assemblées générales")

    def __str__(self):
        return self.name


class Resolution(models.Model):
    """A resolution voted by an AG; the actions of the plan carry it out."""

    assembly = models.ForeignKey(
        Assembly,
        verbose_name=_("assemblée générale"),
        on_delete=models.CASCADE,
        related_name="resolutions",
    )
    number = models.CharField(
        _("numéro"), max_length=20, help_text=_("Tel qu'il figure au procès-verbal : 3, 3 bis…")
    )
    title = models.CharField(_("titre"), max_length=250)
    text = models.TextField(_("texte"), blank=True)
    voted_on = models.DateField(_("votée le"))
    votes_for = models.PositiveIntegerField(_("voix pour"), default=0)
    votes_against = models.PositiveIntegerField(_("voix contre"), default=0)
    abstentions = models.PositiveIntegerField(_("abstentions"), default=0)
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        ordering = ["assembly", "position", "number"]
        verbose_name = _("résolution")
        verbose_name_plural = _("résolutions")
        constraints = [
            models.UniqueConstraint(
                fields=["assembly", "number"], name="resolution_number_unique_in_assembly"
            )
        ]

    def __str__(self):
        return _("Résolution %(number)s · %(title)s") % {
            "number": self.number,
            "title": self.title,
        }

    def get_absolute_url(self):
        return reverse("actionplan:resolution", args=[self.pk])

    @property
    def votes_cast(self) -> int:
        return self.votes_for + self.votes_against + self.abstentions

    @property
    def adopted(self) -> bool:
        """Carried by a majority of the votes expressed (abstentions are not expressed)."""
        return self.votes_for > self.votes_against


class ActionPlan(models.Model):
    """The plan voted by the delegates at a General Assembly; one is current."""

    title = models.CharField(_("titre"), max_length=200)
    assembly = models.CharField(
        _("assemblée générale"), max_length=200, help_text=_("Par exemple « AG du 18 juin 2026 »")
    )
    adopted_on = models.DateField(_("adopté le"))
    starts_on = models.DateField(_("début"))
    ends_on = models.DateField(_("fin"))
    is_current = models.BooleanField(_("plan en cours"), default=False)
    general_assembly = models.ForeignKey(
        Assembly,
        verbose_name=_("assemblée générale qui l'a adopté"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="plans",
    )

    class Meta:
        ordering = ["-starts_on"]
        verbose_name = _("plan d'action")
        verbose_name_plural = _("plans d'action")
        constraints = [
            models.UniqueConstraint(
                fields=["is_current"], condition=Q(is_current=True), name="one_current_plan"
            ),
            models.CheckConstraint(
                condition=Q(ends_on__gt=models.F("starts_on")),
                name="plan_ends_after_start",
                violation_error_message=_("La fin du plan doit venir après son début."),
            ),
        ]

    def __str__(self):
        return self.title


class Axis(models.Model):
    plan = models.ForeignKey(
        ActionPlan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="axes"
    )
    number = models.PositiveSmallIntegerField(_("numéro"))
    title = models.CharField(_("titre"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["plan", "number"]
        verbose_name = _("axe")
        verbose_name_plural = _("axes")
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="axis_number_unique_in_plan")
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"


class Scope(models.TextChoices):
    MUTUELLE = "mutuelle", _("Déployée dans chaque mutuelle")
    GROUP = "group", _("Portée par le groupe")


class ProgressSource(models.TextChoices):
    DEPLOYMENTS = "deployments", _("D'après les déploiements des mutuelles")
    MANUAL = "manual", _("Saisi à la main")
    INDICATORS = "indicators", _("Calculé d'après ses indicateurs")


class Action(models.Model):
    plan = models.ForeignKey(
        ActionPlan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="actions"
    )
    axis = models.ForeignKey(
        Axis, verbose_name=_("axe"), on_delete=models.CASCADE, related_name="actions"
    )
    code = models.CharField(
        _("code"), max_length=12, help_text=_("Numéro de l'action dans le plan, par exemple 2.3")
    )
    title = models.CharField(_("titre"), max_length=250)
    description = models.TextField(_("description"), blank=True)
    owner = models.CharField(
        _("pilote"), max_length=150, blank=True, help_text=_("Personne ou équipe responsable")
    )
    due_on = models.DateField(_("échéance"), null=True, blank=True)
    theme = models.ForeignKey(
        Theme,
        verbose_name=_("thème"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
    )
    scope = models.CharField(
        _("portée"), max_length=10, choices=Scope.choices, default=Scope.MUTUELLE
    )
    position = models.PositiveIntegerField(_("ordre"), default=0)
    resolutions = models.ManyToManyField(
        Resolution,
        verbose_name=_("résolutions mises en œuvre"),
        blank=True,
        related_name="actions",
    )
    frameworks = models.ManyToManyField(
        FrameworkEntry, verbose_name=_("référentiels RSE"), blank=True, related_name="actions"
    )
    progress_source = models.CharField(
        _("avancement"),
        max_length=12,
        choices=ProgressSource.choices,
        default=ProgressSource.DEPLOYMENTS,
    )
    progress_manual = models.PositiveSmallIntegerField(
        _("avancement saisi (%)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    created_at = models.DateTimeField(_("créée le"), default=timezone.now)

    history = Record()

    class Meta:
        ordering = ["axis__number", "position", "code"]
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        constraints = [
            models.UniqueConstraint(fields=["plan", "code"], name="action_code_unique_in_plan")
        ]

    def __str__(self):
        return f"{self.code} {self.title}"

    def get_absolute_url(self):
        return reverse("actionplan:action", args=[self.pk])

    @property
    def is_deployed(self):
        return self.scope == Scope.MUTUELLE


class Status(models.TextChoices):
    NOT_STARTED = "not_started", _("Pas commencée")
    IN_PROGRESS = "in_progress", _("En cours")
    DONE = "done", _("Réalisée")
    BLOCKED = "blocked", _("Bloquée")
    NOT_APPLICABLE = "not_applicable", _("Non applicable")


# What a progress says about a status, and back: stated on "Ma mutuelle", checked on every save.
PROGRESS_RULES = _(
    "« Pas commencée » : 0 % · « En cours » et « Bloquée » : de 1 à 99 % · « Réalisée » : "
    "100 % · « Non applicable » : l'avancement n'est pas compté."
)


def status_progress_error(status: str, progress: int) -> str | None:
    """Why this progress contradicts this status, in French; None when they agree."""
    if status == Status.NOT_STARTED and progress != 0:
        return _("« Pas commencée » va avec 0 %% d'avancement (ici %(progress)s %%).") % {
            "progress": progress
        }
    if status == Status.DONE and progress != 100:
        return _("« Réalisée » va avec 100 %% d'avancement (ici %(progress)s %%).") % {
            "progress": progress
        }
    if status in (Status.IN_PROGRESS, Status.BLOCKED) and not 0 < progress < 100:
        return _("« %(status)s » va avec un avancement de 1 à 99 %% (ici %(progress)s %%).") % {
            "status": Status(status).label,
            "progress": progress,
        }
    return None


class DeploymentQuerySet(models.QuerySet["Deployment"]):
    def of_plan(self, plan: ActionPlan) -> Self:
        return self.filter(action__plan=plan)

    def open(self) -> Self:
        """Deployments that still need work: neither done nor not applicable."""
        return self.exclude(status__in=[Status.DONE, Status.NOT_APPLICABLE])


class Deployment(models.Model):
    """How one mutuelle carries out one action: harmonise without uniformising."""

    action = models.ForeignKey(
        Action, verbose_name=_("action"), on_delete=models.CASCADE, related_name="deployments"
    )
    mutuelle = models.ForeignKey(
        Mutuelle,
        verbose_name=_("mutuelle"),
        on_delete=models.CASCADE,
        related_name="deployments",
        null=True,
        blank=True,
        help_text=_("Vide pour une action portée par le groupe : son seul déploiement."),
    )
    status = models.CharField(
        _("état"), max_length=20, choices=Status.choices, default=Status.NOT_STARTED
    )
    progress = models.PositiveSmallIntegerField(
        _("avancement (%)"),
        default=0,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    local_approach = models.TextField(
        _("démarche locale"),
        blank=True,
        help_text=_("Comment votre mutuelle s'y prend, à sa manière."),
    )
    next_step = models.CharField(_("prochaine étape"), max_length=250, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("mis à jour par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("mis à jour le"), default=timezone.now)
    # The last time someone of the mutuelle said where the action stands: an update, or a
    # "rien de neuf". Never, for an action nobody has looked at yet.
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revu par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("revu le"), null=True, blank=True)

    objects = DeploymentQuerySet.as_manager()

    # What "Ma mutuelle" shows again after a refused save, set there by the view: a card's
    # faults and its "rien de neuf" as sent (a template looking up a missing attribute is slow).
    faults: tuple[str, ...] | list[str] = ()
    review_checked = False

    class Meta:
        ordering = ["action__axis__number", "action__position", "action__code", "mutuelle__name"]
        verbose_name = _("déploiement")
        verbose_name_plural = _("déploiements")
        constraints = [
            models.UniqueConstraint(fields=["action", "mutuelle"], name="one_deployment_per_pair"),
            models.UniqueConstraint(
                fields=["action"], condition=Q(mutuelle=None), name="one_group_deployment"
            ),
            models.CheckConstraint(
                condition=Q(progress__gte=0) & Q(progress__lte=100),
                name="progress_0_100",
                violation_error_message=_("L'avancement est un pourcentage entre 0 et 100."),
            ),
        ]
        indexes = [
            # A mutuelle's latest review first: the coordinator's home finds the silent ones.
            models.Index(fields=["mutuelle", "-reviewed_at"], name="deployment_mutuelle_review"),
            # The blocked ones, a few among thousands: the coordinator's home counts them.
            models.Index(
                fields=["action", "mutuelle"],
                condition=Q(status=Status.BLOCKED),
                name="deployment_blocked",
            ),
        ]

    def __str__(self):
        where = self.mutuelle.short_name if self.mutuelle else _("Groupe")
        return f"{self.action.code} · {where}"

    def get_absolute_url(self):
        return reverse("actionplan:deployment", args=[self.pk])

    def clean(self):
        error = status_progress_error(self.status, self.progress)
        if error:
            raise ValidationError({"progress": error})


class DeploymentChange(models.Model):
    """One change of a deployment: who, when, what it was before and after."""

    deployment = models.ForeignKey(
        Deployment, verbose_name=_("déploiement"), on_delete=models.CASCADE, related_name="changes"
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("par"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("le"), default=timezone.now, db_index=True)
    before = models.JSONField(_("avant"))
    after = models.JSONField(_("après"))
    progress_before = models.PositiveSmallIntegerField(_("avancement avant"))
    progress = models.PositiveSmallIntegerField(_("avancement après"))
    is_review = models.BooleanField(
        _("rien de neuf"), default=False, help_text=_("Revu sans changement.")
    )

    class Meta:
        ordering = ["-changed_at", "-pk"]
        verbose_name = _("modification de déploiement")
        verbose_name_plural = _("historique des déploiements")

    def __str__(self):
        return f"{self.deployment} · {self.changed_at:%Y-%m-%d %H:%M}"


class DeploymentTally(models.Model):
    """How many deployments of a plan each axis, mutuelle (none: the group's own actions) and
    status has, and their progress summed: the dashboard's totals read from a few hundred rows
    instead of summing every deployment of the network on each view. Written again from the
    deployments, last in the transaction of every write that changes them
    (`services.deployments_changed`)."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="+")
    axis = models.ForeignKey(Axis, on_delete=models.CASCADE, related_name="+")
    mutuelle = models.ForeignKey(Mutuelle, on_delete=models.CASCADE, null=True, related_name="+")
    status = models.CharField(max_length=20, choices=Status.choices)
    count = models.PositiveIntegerField()
    progress = models.PositiveIntegerField()  # summed over those deployments

    def __str__(self):
        return f"{self.plan_id} · {self.axis_id} · {self.mutuelle_id} · {self.status}"


class ProgressMonth(models.Model):
    """How far the progress of a plan's deployments in one mutuelle (none: the group's own
    actions) moved during one month, summed over its deployments that apply (not "non
    applicable" today). Kept by the services with each change, in the same transaction
    (`services.progress_count`), so that the dashboard draws its timeline from a few rows
    instead of replaying the history of every deployment."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="+")
    mutuelle = models.ForeignKey(Mutuelle, on_delete=models.CASCADE, null=True, related_name="+")
    month = models.DateField()  # its first day, in the local time zone
    moved = models.IntegerField(default=0)  # percentage points, up or down

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "mutuelle", "month"],
                condition=Q(mutuelle__isnull=False),
                name="progress_month_unique",
            ),
            models.UniqueConstraint(
                fields=["plan", "month"],
                condition=Q(mutuelle__isnull=True),
                name="progress_month_group_unique",
            ),
        ]

    def __str__(self):
        return f"{self.plan_id} · {self.mutuelle_id or '-'} · {self.month:%Y-%m} · {self.moved}"


class Direction(models.TextChoices):
    INCREASE = "increase", _("À augmenter")
    DECREASE = "decrease", _("À réduire")


class Period(models.TextChoices):
    QUARTER = "quarter", _("Trimestre")
    YEAR = "year", _("Année")


class Rollup(models.TextChoices):
    """How the group's figure is computed from the mutuelles' (registry.group_figure)."""

    SUM = "sum", _("Somme des mutuelles")
    AVERAGE = "average", _("Moyenne des mutuelles")
    WEIGHTED = "weighted", _("Moyenne pondérée par l'effectif salarié")


class Indicator(models.Model):
    """An indicator of the plan's registry: what it measures and how, where it starts from,
    where the group and each mutuelle aim, and how the group's figure is made."""

    plan = models.ForeignKey(
        ActionPlan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="indicators"
    )
    action = models.ForeignKey(
        Action,
        verbose_name=_("action"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="indicators",
    )
    name = models.CharField(_("nom"), max_length=200)
    unit = models.CharField(_("unité"), max_length=30, blank=True)
    target = models.DecimalField(_("cible"), max_digits=12, decimal_places=2)
    direction = models.CharField(
        _("sens"), max_length=10, choices=Direction.choices, default=Direction.INCREASE
    )
    definition = models.TextField(
        _("définition"), blank=True, help_text=_("Ce qui est compté, comment, à partir de quoi.")
    )
    owner = models.CharField(
        _("responsable"), max_length=150, blank=True, help_text=_("Personne ou équipe qui le suit")
    )
    period = models.CharField(
        _("périodicité"), max_length=10, choices=Period.choices, default=Period.QUARTER
    )
    baseline = models.DecimalField(
        _("valeur de référence"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    baseline_on = models.DateField(_("date de la référence"), null=True, blank=True)
    rollup = models.CharField(
        _("calcul du chiffre du groupe"),
        max_length=10,
        choices=Rollup.choices,
        default=Rollup.AVERAGE,
    )
    frameworks = models.ManyToManyField(
        FrameworkEntry, verbose_name=_("référentiels RSE"), blank=True, related_name="indicators"
    )
    updated_at = models.DateTimeField(_("modifié le"), default=timezone.now)

    history = Record()

    class Meta:
        ordering = ["name"]
        verbose_name = _("indicateur")
        verbose_name_plural = _("indicateurs")
        constraints = [
            models.UniqueConstraint(fields=["plan", "name"], name="indicator_name_unique_in_plan")
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("actionplan:indicator", args=[self.pk])

    def reached(self, value, target=None) -> bool:
        target = self.target if target is None else target
        if self.direction == Direction.DECREASE:
            return value <= target
        return value >= target


class IndicatorTarget(models.Model):
    """Where a mutuelle aims when it differs from the group's target."""

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicateur"), on_delete=models.CASCADE, related_name="targets"
    )
    mutuelle = models.ForeignKey(
        Mutuelle, verbose_name=_("mutuelle"), on_delete=models.CASCADE, related_name="+"
    )
    value = models.DecimalField(_("cible"), max_digits=12, decimal_places=2)
    set_at = models.DateTimeField(_("fixée le"), default=timezone.now)

    class Meta:
        ordering = ["indicator", "mutuelle__name"]
        verbose_name = _("cible d'une mutuelle")
        verbose_name_plural = _("cibles des mutuelles")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "mutuelle"], name="one_target_per_mutuelle"
            )
        ]

    def __str__(self):
        return f"{self.indicator} · {self.mutuelle.short_name} · {self.value}"


class Measurement(models.Model):
    """A mutuelle's value of an indicator for one period (a quarter, named by its first day)."""

    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("indicateur"),
        on_delete=models.CASCADE,
        related_name="measurements",
    )
    mutuelle = models.ForeignKey(
        Mutuelle,
        verbose_name=_("mutuelle"),
        on_delete=models.CASCADE,
        related_name="measurements",
    )
    period = models.DateField(_("période"))
    value = models.DecimalField(_("valeur"), max_digits=12, decimal_places=2)
    comment = models.CharField(_("commentaire"), max_length=250, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("saisie par"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    entered_at = models.DateTimeField(_("saisie le"), default=timezone.now)

    class Meta:
        ordering = ["indicator", "mutuelle", "period"]
        verbose_name = _("mesure")
        verbose_name_plural = _("mesures")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "mutuelle", "period"], name="one_measurement_per_period"
            )
        ]

    def __str__(self):
        return f"{self.indicator} · {self.mutuelle.short_name} · {self.period}"


class MeasurementEntry(models.Model):
    """Each value a measurement was given, dated: a report frozen at a cut-off date reads the
    value entered last before it, whatever was corrected afterwards."""

    measurement = models.ForeignKey(
        Measurement, verbose_name=_("mesure"), on_delete=models.CASCADE, related_name="entries"
    )
    value = models.DecimalField(_("valeur"), max_digits=12, decimal_places=2)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("saisie par"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    entered_at = models.DateTimeField(_("saisie le"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["measurement", "entered_at"]
        verbose_name = _("saisie d'une mesure")
        verbose_name_plural = _("saisies des mesures")

    def __str__(self):
        return f"{self.measurement} · {self.value} · {self.entered_at:%Y-%m-%d}"


class Evidence(models.Model):
    """A file that backs a measurement (a report, an export, a certificate): checked by its
    content like every upload (core.uploads)."""

    measurement = models.ForeignKey(
        Measurement, verbose_name=_("mesure"), on_delete=models.CASCADE, related_name="evidence"
    )
    file = models.FileField(_("fichier"), upload_to="plan/justificatifs/%Y/%m/")
    title = models.CharField(_("titre"), max_length=200)
    kind = models.CharField(_("type"), max_length=20)
    size = models.PositiveIntegerField(_("taille (octets)"))
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ajouté par"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    added_at = models.DateTimeField(_("ajouté le"), default=timezone.now)

    class Meta:
        ordering = ["added_at"]
        verbose_name = _("justificatif")
        verbose_name_plural = _("justificatifs")

    def __str__(self):
        return self.title


class Sentiment(models.TextChoices):
    POSITIVE = "positive", _("Positif")
    MIXED = "mixed", _("Mitigé")
    NEGATIVE = "negative", _("Négatif")


class FeedbackState(models.TextChoices):
    OPEN = "open", _("À traiter")
    ANSWERED = "answered", _("Répondu")
    HANDLED = "handled", _("Traité sans réponse")


class FieldFeedbackQuerySet(models.QuerySet["FieldFeedback"]):
    def in_state(self, state: str) -> Self:
        if state == FeedbackState.OPEN:
            return self.filter(handled_at__isnull=True)
        handled = self.filter(handled_at__isnull=False)
        if state == FeedbackState.ANSWERED:
            return handled.exclude(answer="")
        return handled.filter(answer="")

    def about_theme(self, theme: Theme) -> Self:
        """Its own theme, or the theme of the action it is about."""
        return self.filter(Q(theme=theme) | Q(theme__isnull=True, action__theme=theme))


class FieldFeedback(models.Model):
    """What an ambassador brings back from colleagues, so that the steering can adapt."""

    mutuelle = models.ForeignKey(
        Mutuelle, verbose_name=_("mutuelle"), on_delete=models.CASCADE, related_name="feedback"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("auteur"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    subject = models.CharField(_("sujet"), max_length=200)
    action = models.ForeignKey(
        Action,
        verbose_name=_("action concernée"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="feedback",
    )
    theme = models.ForeignKey(
        Theme,
        verbose_name=_("thème"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    sentiment = models.CharField(_("ressenti"), max_length=10, choices=Sentiment.choices)
    text = models.TextField(_("ce qui remonte du terrain"))
    created_at = models.DateTimeField(_("le"), default=timezone.now)
    # The coordination's follow-up: handled (who, when), with or without an answer.
    answer = models.TextField(_("réponse de la coordination"), blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("traité par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    handled_at = models.DateTimeField(_("traité le"), null=True, blank=True, db_index=True)

    objects = FieldFeedbackQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("retour du terrain")
        verbose_name_plural = _("retours du terrain")

    def __str__(self):
        return self.subject

    @property
    def shown_theme(self) -> Theme | None:
        """Its own theme, or the theme of the action it is about (as the filter reads it)."""
        return self.theme or (self.action.theme if self.action else None)

    @property
    def state(self) -> str:
        if self.handled_at is None:
            return FeedbackState.OPEN
        return FeedbackState.ANSWERED if self.answer else FeedbackState.HANDLED

    def get_state_display(self) -> str:
        return str(FeedbackState(self.state).label)


class ImportState(models.TextChoices):
    QUEUED = "queued", _("En attente")
    RUNNING = "running", _("En cours")
    DONE = "done", _("Terminé")
    FAILED = "failed", _("Refusé")


class ImportStep(models.TextChoices):
    WAITING = "waiting", _("En attente d'un processus")
    READING = "reading", _("Lecture du fichier")
    CHECKING = "checking", _("Vérification des lignes")
    SAVING = "saving", _("Enregistrement dans le plan")
    FINISHED = "finished", _("Fini")


class PlanImport(models.Model):
    """An import of the plan's spreadsheet run in the background (`services.plan_import_start`,
    `tasks.plan_import`): the file kept privately, where it stands (its progress is written
    through a connection of its own, so that the page sees it while the import's transaction
    is open: `core.progress`), and at the end what it did or, all lines refused, why."""

    plan = models.ForeignKey(
        ActionPlan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="imports"
    )
    file = models.FileField(_("fichier"), upload_to="plan/imports/%Y/%m/")
    file_name = models.CharField(_("nom du fichier"), max_length=255)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("lancé par"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("lancé le"), default=timezone.now)
    state = models.CharField(
        _("état"), max_length=10, choices=ImportState.choices, default=ImportState.QUEUED
    )
    step = models.CharField(
        _("étape"), max_length=10, choices=ImportStep.choices, default=ImportStep.WAITING
    )
    done = models.PositiveIntegerField(_("lignes traitées"), default=0)
    total = models.PositiveIntegerField(_("lignes"), default=0)
    # The last sign of life of the worker running it: a run silent for long was interrupted.
    updated_at = models.DateTimeField(_("dernière nouvelle"), default=timezone.now)
    finished_at = models.DateTimeField(_("terminé le"), null=True, blank=True)
    counts = models.JSONField(_("résultat"), default=dict, blank=True)
    errors = models.JSONField(_("erreurs"), default=list, blank=True)
    notified_at = models.DateTimeField(_("prévenu le"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("import du plan")
        verbose_name_plural = _("imports du plan")
        constraints = [
            # One import at a time, whoever starts the second.
            models.UniqueConstraint(
                fields=["plan"],
                condition=Q(state__in=["queued", "running"]),
                name="one_plan_import_at_a_time",
            )
        ]

    def __str__(self):
        return f"{self.file_name} ({self.get_state_display()})"

    def get_absolute_url(self):
        return reverse("actionplan:import_job", args=[self.pk])

    @property
    def is_active(self) -> bool:
        return self.state in (ImportState.QUEUED, ImportState.RUNNING)

    @property
    def deployments_updated(self) -> int | None:
        """How many deployments its "Déploiements" sheet changed (None: it had no such sheet)."""
        return self.counts.get("déploiements modifiés")

    @property
    def percent(self) -> int:
        if self.state in (ImportState.DONE, ImportState.FAILED):
            return 100
        if not self.total:
            return 0
        # Reading and checking are the first tenth, saving the rest.
        if self.step == ImportStep.SAVING:
            return min(99, 10 + 90 * self.done // self.total)
        return min(10, 10 * self.done // self.total)
