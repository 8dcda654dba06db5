import factory
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from ambassadeurs.models import Role, User, WorkingGroup
from mutuelles.models import Mutuelle, Theme

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


def totp_code(user) -> str:
    """The code a member's authenticator app shows right now."""
    from allauth.mfa.adapter import get_adapter
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import (
        format_hotp_value,
        hotp_value,
        yield_hotp_counters_from_time,
    )

    authenticator = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    secret = get_adapter().decrypt(authenticator.data["secret"])
    counters = list(yield_hotp_counters_from_time())
    return format_hotp_value(hotp_value(secret, counters[len(counters) // 2]))
