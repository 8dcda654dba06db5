from django.core.management import call_command

from ambassadeurs.models import Role, User, WorkingGroup
from mutuelles.models import Mutuelle, Theme


def test_seed_demo_is_idempotent_and_prints_the_accounts(client, db, capsys):
    call_command("seed_demo")
    counts = (
        Mutuelle.objects.count(),
        Theme.objects.count(),
        User.objects.count(),
        WorkingGroup.objects.count(),
    )
    call_command("seed_demo")
    assert counts == (
        Mutuelle.objects.count(),
        Theme.objects.count(),
        User.objects.count(),
        WorkingGroup.objects.count(),
    )
    assert counts[0] == 8
    output = capsys.readouterr().out
    assert "coordination@solimut-demo.example" in output
    assert "solimut-demo" in output


def test_demo_accounts_of_the_contract_sign_in(client, db):
    call_command("seed_demo")
    coordinator = User.objects.get(email="coordination@solimut-demo.example")
    assert coordinator.role == Role.COORDINATOR
    for slug in Mutuelle.objects.values_list("slug", flat=True):
        ambassador = User.objects.get(email=f"ambassadeur@{slug}.solimut-demo.example")
        reader = User.objects.get(email=f"salarie@{slug}.solimut-demo.example")
        assert (ambassador.role, ambassador.mutuelle.slug) == (Role.AMBASSADOR, slug)
        assert (reader.role, reader.mutuelle.slug) == (Role.READER, slug)
    assert client.login(email="ambassadeur@armor.solimut-demo.example", password="solimut-demo")
