from allauth.account import forms as allauth_forms
from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from core.forms import CleanTextMixin, Form, ModelForm
from mutuelles.models import Mutuelle

from .models import Role, User


class InvitationForm(Form):
    email = forms.EmailField(label=_("Adresse e-mail"))
    role = forms.ChoiceField(label=_("Rôle"), choices=Role.choices, initial=Role.READER)
    mutuelle = forms.ModelChoiceField(
        label=_("Mutuelle"),
        queryset=Mutuelle.objects.active(),
        required=False,
        empty_label=_("— Coordination du groupe —"),
        help_text=_("Laissez vide seulement pour l'équipe de coordination du groupe."),
    )


class InvitationAcceptForm(Form):
    first_name = forms.CharField(label=_("Prénom"), max_length=100)
    last_name = forms.CharField(label=_("Nom"), max_length=100)
    password1 = forms.CharField(
        label=_("Mot de passe"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Confirmez le mot de passe"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self):
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("Les deux mots de passe ne sont pas identiques."))
        elif password1:
            future_user = User(
                email=self.email,
                first_name=cleaned.get("first_name", ""),
                last_name=cleaned.get("last_name", ""),
            )
            try:
                password_validation.validate_password(password1, future_user)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class ProfileForm(ModelForm):
    # A plain file field: the photo is judged once, by core.pictures in the service, which
    # says in French what is wrong with it (too heavy, too many pixels, damaged…).
    photo = forms.FileField(
        label=_("Photo (JPEG, PNG ou WebP)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )

    class Meta:
        model = User
        fields = ["first_name", "last_name", "job_title", "phone", "photo"]


class MemberAccessForm(ModelForm):
    class Meta:
        model = User
        fields = ["role", "mutuelle", "is_active"]
        labels = {"is_active": _("Compte actif")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mutuelle"].queryset = Mutuelle.objects.active()
        self.fields["mutuelle"].empty_label = _("— Coordination du groupe —")


class LoginForm(CleanTextMixin, allauth_forms.LoginForm):
    """allauth's sign-in form, with the words the network uses."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["login"].label = _("Adresse e-mail professionnelle")
        self.fields["login"].widget.attrs["placeholder"] = "prenom.nom@mutuelle.fr"
        self.fields["password"].widget.attrs.pop("placeholder", None)
        if "remember" in self.fields:
            self.fields["remember"].label = _("Rester connecté·e sur cet appareil")

    def clean(self):
        _refuse_without_password_login()
        return super().clean()


def _refuse_without_password_login():
    if not settings.RSE_PASSWORD_LOGIN:
        raise forms.ValidationError(
            _(
                "La connexion par mot de passe est désactivée : connectez-vous avec votre "
                "compte Solimut."
            )
        )


class ResetPasswordForm(CleanTextMixin, allauth_forms.ResetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = _("Adresse e-mail professionnelle")

    def clean(self):
        # Without password sign-in, a password reset would only set a password nobody can use.
        _refuse_without_password_login()
        return super().clean()


class ErasureForm(Form):
    """What becomes of a departed member's content, and that the coordinator means it."""

    content = forms.ChoiceField(
        label=_("Ce qu'il ou elle a écrit (initiatives, commentaires, retours du terrain)"),
        choices=[
            ("kept", _("Le garder, signé « Ancien membre »")),
            ("removed", _("Le supprimer")),
        ],
        widget=forms.RadioSelect,
        initial="kept",
    )
    confirm = forms.BooleanField(
        label=_("Je confirme : l'effacement est définitif."),
        error_messages={"required": _("Cochez la case pour confirmer l'effacement.")},
    )
