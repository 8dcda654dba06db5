"""The base of every form of the project: text holding characters core.text forbids (NUL,
control characters, lone surrogates) is refused before it reaches a service, with a French
message on each field concerned and the text shown again without them."""

import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from django import forms
from django.forms.models import ModelChoiceIterator
from django.utils.translation import gettext_lazy as _

from .text import has_forbidden, strip_forbidden

if TYPE_CHECKING:
    _FormBase = forms.BaseForm  # what the mixin is mixed into
else:
    _FormBase = object

FORBIDDEN_MESSAGE = _(
    "Ce texte contenait des caractères invisibles interdits (caractère nul, caractères de "
    "contrôle) : ils ont été retirés. Vérifiez le texte, puis enregistrez de nouveau."
)


class CleanTextMixin(_FormBase):
    def __init__(self, data: Any = None, files: Any = None, *args: Any, **kwargs: Any) -> None:
        self.forbidden_in: set[str] = set()  # keys of `data` that held forbidden characters
        if data is not None:
            data = self._without_forbidden(data)
        for _key, uploads in files.lists() if hasattr(files, "lists") else ():
            for upload in uploads:
                if has_forbidden(upload.name or ""):
                    upload.name = strip_forbidden(upload.name)  # not typed: no need to say
        super().__init__(data, files, *args, **kwargs)

    def _without_forbidden(self, data: Any) -> Any:
        pairs = data.lists() if hasattr(data, "lists") else data.items()
        self.forbidden_in = {
            key
            for key, values in pairs
            for value in (values if isinstance(values, list | tuple) else [values])
            if isinstance(value, str) and has_forbidden(value)
        }
        if not self.forbidden_in:
            return data
        data = data.copy()
        for key in self.forbidden_in:
            if hasattr(data, "setlist"):
                data.setlist(key, [strip_forbidden(value) for value in data.getlist(key)])
            elif isinstance(data[key], list | tuple):
                data[key] = [strip_forbidden(value) for value in data[key]]
            else:
                data[key] = strip_forbidden(data[key])
        return data

    def full_clean(self) -> None:
        super().full_clean()
        if not self.is_bound:
            return
        # Only the fields of this form: other keys of the request are none of its business.
        fields = {self._field_of(key) for key in self.forbidden_in}
        for name in sorted(name for name in fields if name is not None):
            self.add_error(name, FORBIDDEN_MESSAGE)

    def _field_of(self, key: str) -> str | None:
        by_html_name = {self.add_prefix(name): name for name in self.fields}
        # Split widgets (a date and a time) post `name_0`, `name_1`.
        return by_html_name.get(key) or by_html_name.get(re.sub(r"_\d+$", "", key))


class Form(CleanTextMixin, forms.Form):
    pass


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (Django's documented recipe)."""

    def __init__(self, *args: Any, accept: str = "", **kwargs: Any) -> None:
        attrs = {"accept": accept} if accept else {}
        kwargs.setdefault("widget", MultipleFileInput(attrs=attrs))
        super().__init__(*args, required=False, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        return [super(MultipleFileField, self).clean(file, initial) for file in data or []]


class ModelForm(CleanTextMixin, forms.ModelForm):
    pass


class RowsChoiceIterator(ModelChoiceIterator):
    """A model choice field's options read as rows in one plain query: Django's own iterator
    reads them through `.iterator()`, a server-side cursor on PostgreSQL (three round trips),
    and builds a model instance for each. Here only the columns the label needs are read."""

    def __init__(
        self, field: forms.ModelChoiceField, columns: tuple[str, ...], label: Callable[..., str]
    ) -> None:
        super().__init__(field)
        self.columns, self.label = columns, label

    def __iter__(self) -> Iterator[tuple[Any, Any]]:
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for pk, *values in self.queryset.values_list("pk", *self.columns):
            yield (pk, self.label(*values))


def choices_by_rows(
    field: forms.ModelChoiceField, columns: tuple[str, ...], label: Callable[..., str]
) -> None:
    """Render `field`'s options from `columns` of its queryset (see `RowsChoiceIterator`);
    `label(*values)` is each option's text. Validation still reads the chosen instance."""
    field.iterator = lambda field: RowsChoiceIterator(field, columns, label)  # type: ignore[assignment]
    field.widget.choices = field.choices  # the widget took the field's iterator when it was set


class LongSelect(forms.Select):
    """A select of hundreds of options (a plan's actions), without option groups: its options
    rendered by one loop over (value, label, selected). Django's Select builds a dict per
    option and wraps each in a group of its own, two template loops per option."""

    template_name = "django/forms/widgets/long_select.html"

    def get_context(self, name: str, value: Any, attrs: Any) -> dict[str, Any]:
        context = forms.Widget.get_context(self, name, value, attrs)  # not ChoiceWidget's groups
        chosen = set(context["widget"]["value"])  # format_value(): the chosen values, as text
        context["widget"]["options"] = [
            (text, label, text in chosen)
            for text, label in ((str(option), label) for option, label in self.choices)
        ]
        return context
