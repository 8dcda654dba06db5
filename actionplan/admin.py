from django.contrib import admin

from core.revisions import BumpingAdmin

from .models import (
    Action,
    ActionPlan,
    Assembly,
    Axis,
    Deployment,
    DeploymentChange,
    FieldFeedback,
    Indicator,
    IndicatorTarget,
    Measurement,
    Resolution,
)
from .services import (
    TRACKED_FIELDS,
    deployment_update,
    deployments_changed,
    deployments_ensure,
    progress_rebuild,
)


class PlanAdmin(BumpingAdmin):
    """What the admin changes or deletes of a plan, its actions, deployments or history
    (inlines and bulk deletions included) also counts in the dashboard's monthly sums and
    totals."""

    def _bump(self) -> None:
        progress_rebuild()
        deployments_changed()


class AxisInline(admin.TabularInline):
    model = Axis
    extra = 0


@admin.register(ActionPlan)
class ActionPlanAdmin(PlanAdmin):
    list_display = ["title", "assembly", "adopted_on", "starts_on", "ends_on", "is_current"]
    inlines = [AxisInline]


@admin.register(Axis)
class AxisAdmin(PlanAdmin):
    list_display = ["__str__", "plan"]
    list_filter = ["plan"]


@admin.register(Action)
class ActionAdmin(PlanAdmin):
    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if obj.plan.is_current:
            deployments_ensure(actions=[obj])

    list_display = ["code", "title", "axis", "scope", "due_on", "owner", "theme"]
    list_filter = ["plan", "axis", "scope", "theme"]
    search_fields = ["code", "title", "owner"]
    list_select_related = ["axis", "theme"]


class DeploymentChangeInline(admin.TabularInline):
    model = DeploymentChange
    extra = 0
    can_delete = False
    readonly_fields = ["changed_at", "changed_by", "before", "after"]
    fields = readonly_fields


@admin.register(Deployment)
class DeploymentAdmin(PlanAdmin):
    list_display = ["action", "mutuelle", "status", "progress", "updated_at", "updated_by"]
    list_filter = ["status", "mutuelle", "action__axis"]
    search_fields = ["action__code", "action__title", "local_approach"]
    list_select_related = ["action", "mutuelle", "updated_by"]
    readonly_fields = ["updated_at", "updated_by"]
    inlines = [DeploymentChangeInline]

    def save_model(self, request, obj, form, change):
        if not change:
            return super().save_model(request, obj, form, change)
        # Through the service: the change is kept in the history like any other.
        return deployment_update(
            deployment=obj, by=request.user, **{f: getattr(obj, f) for f in TRACKED_FIELDS}
        )


@admin.register(DeploymentChange)
class DeploymentChangeAdmin(PlanAdmin):
    list_display = ["deployment", "changed_at", "changed_by", "progress"]
    list_select_related = ["deployment__action", "deployment__mutuelle", "changed_by"]
    readonly_fields = [
        "deployment",
        "changed_at",
        "changed_by",
        "before",
        "after",
        "progress_before",
        "progress",
    ]

    def has_add_permission(self, request):
        return False


class IndicatorTargetInline(admin.TabularInline):
    model = IndicatorTarget
    extra = 0


@admin.register(Indicator)
class IndicatorAdmin(BumpingAdmin):
    list_display = ["name", "unit", "target", "direction", "rollup", "action", "plan"]
    list_filter = ["plan", "direction", "rollup", "period"]
    filter_horizontal = ["frameworks"]
    inlines = [IndicatorTargetInline]


class ResolutionInline(admin.StackedInline):
    model = Resolution
    extra = 0


@admin.register(Assembly)
class AssemblyAdmin(BumpingAdmin):
    list_display = ["name", "held_on", "delegates"]
    inlines = [ResolutionInline]


@admin.register(Measurement)
class MeasurementAdmin(BumpingAdmin):
    list_display = ["indicator", "mutuelle", "period", "value", "entered_by"]
    list_filter = ["indicator", "mutuelle"]
    list_select_related = ["indicator", "mutuelle", "entered_by"]


@admin.register(FieldFeedback)
class FieldFeedbackAdmin(BumpingAdmin):
    list_display = ["subject", "mutuelle", "sentiment", "author", "created_at"]
    list_filter = ["sentiment", "mutuelle"]
    search_fields = ["subject", "text"]
    list_select_related = ["mutuelle", "author"]
