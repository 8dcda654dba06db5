"""The lists' own text filters match as the search does: "velo" works everywhere."""

from django.urls import reverse


def test_initiatives_list_finds_velo_without_its_accent(client, corpus):
    client.force_login(corpus.people["reader"])
    page = client.get(reverse("initiatives:list"), {"q": "velo"}).text
    assert "Défi vélo entre agences" in page and "Atelier de réparation de vélos" in page
    assert "Don du sang au siège" not in page


def test_initiatives_list_matches_stems_and_phrases(client, corpus):
    client.force_login(corpus.people["reader"])
    page = client.get(reverse("initiatives:list"), {"q": "recycler"}).text
    assert "Recyclage des cartouches" in page and "Tri des déchets au bureau" in page
    phrase = client.get(reverse("initiatives:list"), {"q": '"sein du cancer"'}).text
    assert "Dépistage du cancer du sein" not in phrase


def test_initiatives_list_keeps_drafts_to_who_may_read_them(client, corpus):
    client.force_login(corpus.people["reader"])
    page = client.get(reverse("initiatives:list"), {"q": "covoiturage"}).text
    assert "Covoiturage domicile-travail" in page and "en préparation" not in page


def test_directory_finds_elodie(client, corpus):
    client.force_login(corpus.people["reader"])
    page = client.get(reverse("ambassadeurs:directory"), {"q": "elodie"}).text
    assert "Fabre" in page and "Lefèvre" not in page
    by_job = client.get(reverse("ambassadeurs:directory"), {"q": "ressources humaines"}).text
    assert "Lefèvre" in by_job and "Fabre" not in by_job


def test_guides_list_finds_words_of_the_published_version(client, corpus):
    client.force_login(corpus.people["reader"])
    page = client.get(reverse("guides:list"), {"q": "ecrans"}).text
    assert "Guide des éco-gestes au bureau" in page
    assert "Guide de l&#x27;égalité professionnelle" not in page


def test_feedback_list_finds_bicyclette_by_its_plural(client, corpus):
    client.force_login(corpus.people["coordinator"])
    page = client.get(reverse("actionplan:feedback_list"), {"q": "bicyclette"}).text
    assert "Le garage à bicyclettes est plein" in page
    nothing = client.get(reverse("actionplan:feedback_list"), {"q": "trottinette"}).text
    assert "Le garage à bicyclettes est plein" not in nothing


def test_guides_list_still_finds_a_draft_for_who_may_read_it(client, corpus):
    client.force_login(corpus.people["coordinator"])
    page = client.get(reverse("guides:list"), {"q": "télétravail"}).text
    assert "Guide du télétravail" in page
    client.force_login(corpus.people["reader"])
    page = client.get(reverse("guides:list"), {"q": "télétravail"}).text
    assert "Guide du télétravail" not in page
