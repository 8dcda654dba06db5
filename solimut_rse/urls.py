from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from ambassadeurs import views as ambassadeurs_views
from core import views as core_views

from . import frameworks, search, views

# The admin signs in through allauth: same form, same rate limits, same two-factor step.
admin.site.login = secure_admin_login(admin.site.login)
# Unknown admin URLs answer 404 instead of an unnamed catch-all pattern.
admin.site.final_catch_all_view = False
admin.site.site_header = "Solimut RSE"
admin.site.site_title = "Solimut RSE"

# Error pages in French and in the site's layout (solimut_rse/errors.py); allauth looks up
# handler429 here for its rate limits.
handler400 = "solimut_rse.errors.bad_request"
handler403 = "solimut_rse.errors.permission_denied"
handler404 = "solimut_rse.errors.page_not_found"
handler500 = "solimut_rse.errors.server_error"
handler429 = "solimut_rse.errors.too_many_requests"

# The mutuelles' pages show their people: they gather two apps, so they live here.
mutuelle_urls = [
    path("", views.mutuelle_list, name="list"),
    path("<slug:slug>/", views.mutuelle_detail, name="detail"),
]

urlpatterns = [
    path("", views.home, name="home"),
    path("nouveautes/", views.showcase, name="showcase"),
    path("search/", search.search_page, name="search"),
    path("healthz", views.healthz, name="healthz"),
    path("accessibilite/", views.accessibility, name="accessibility"),
    path("plan-du-site/", views.site_map, name="site_map"),
    path("referentiels/", frameworks.coverage, name="frameworks"),
    path("referentiels/<slug:slug>/ajouter/", frameworks.entry_form, name="framework_entry_create"),
    path("referentiels/entrees/<int:pk>/", frameworks.entry_form, name="framework_entry_edit"),
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    # allauth's sign-in page, with single sign-on's button and redirect: same path and name.
    path("accounts/login/", ambassadeurs_views.login_page, name="account_login"),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("mutuelles/", include((mutuelle_urls, "mutuelles"))),
    path("plan/", include("actionplan.urls")),
    path("initiatives/", include("initiatives.urls")),
    path("guides/", include("guides.urls")),
    path("newsletter/", include("newsletter.urls")),
    path("agenda/", include("reunions.urls")),
    path("rapports/", include("rapports.urls")),
    path("", include("ambassadeurs.urls")),
    path("media/<path:name>", core_views.media, name="media"),
]
