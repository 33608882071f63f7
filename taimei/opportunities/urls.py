"""URLs of the opportunities section.

The list keeps the site-wide name `opportunities` (the navigation links to it); everything
else lives in the `opportunities:` namespace.
"""

from django.urls import include, path

from taimei.opportunities.views import digest, exchange, posts, procurement, profiles

section = [
    path("", posts.opportunity_list, name="list"),
    path("new/", posts.opportunity_create, name="create"),
    path("for-you/", posts.for_you, name="for-you"),
    path("for-you/<slug:slug>/not-relevant/", posts.for_you_dismiss, name="for-you-dismiss"),
    path("interests/<int:pk>/decide/", posts.interest_decide, name="interest-decide"),
    path("conversations/", exchange.conversation_list, name="conversations"),
    path("conversations/<int:pk>/", exchange.conversation_detail, name="conversation"),
    path("conversations/<int:pk>/meetings/new/", exchange.meeting_new, name="meeting-new"),
    path("meetings/<int:pk>/answer/", exchange.meeting_answer, name="meeting-answer"),
    path("meetings/<int:pk>/calendar.ics", exchange.meeting_calendar, name="meeting-ics"),
    path("notifications/", exchange.notifications, name="notifications"),
    path("alerts/", procurement.alerts, name="alerts"),
    path("talent-profile/", profiles.talent_profile, name="talent-profile"),
    path("startups/<slug:slug>/", profiles.startup_profile, name="startup-profile"),
    path("saved/", digest.saved_searches, name="saved-searches"),
    path("saved/new/", digest.saved_search_create, name="saved-search-create"),
    path("saved/<int:pk>/delete/", digest.saved_search_delete, name="saved-search-delete"),
    path("digest/", digest.digest_setting, name="digest-setting"),
    path("digest/unsubscribe/<str:token>/", digest.unsubscribe, name="unsubscribe"),
    path("alerts/<int:pk>/delete/", procurement.alert_delete, name="alert-delete"),
    path("<slug:slug>/", posts.opportunity_detail, name="detail"),
    path("<slug:slug>/edit/", posts.opportunity_edit, name="edit"),
    path("<slug:slug>/close/", posts.opportunity_close, name="close"),
    path("<slug:slug>/interest/", posts.interest_submit, name="interest"),
    path("<slug:slug>/follow/", procurement.notice_follow, name="follow"),
    path(
        "<slug:slug>/suggestions/<slug:organization>/not-relevant/",
        posts.suggestion_dismiss,
        name="suggestion-dismiss",
    ),
    path(
        "<slug:slug>/suggestions/<slug:organization>/contact/",
        posts.suggestion_contact,
        name="suggestion-contact",
    ),
]

urlpatterns = [
    path("", posts.opportunity_list, name="opportunities"),
    path("", include((section, "opportunities"), namespace="opportunities")),
]
