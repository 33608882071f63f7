from django.urls import path

from taimei.events.views import calendar, meetings, registration

app_name = "events"
urlpatterns = [
    path("", calendar.calendar_list, name="calendar"),
    path("month/", calendar.calendar_month, name="month"),
    path("feed.ics", calendar.feed_ics, name="feed"),
    path("timezone/", calendar.set_timezone, name="timezone"),
    path("new/", calendar.create, name="create"),
    path("registration/<str:token>/", registration.manage_by_token, name="cancel"),
    path("registration/<str:token>/logistics/", registration.logistics, name="logistics"),
    path("<slug:slug>/", calendar.detail, name="detail"),
    path("<slug:slug>/edit/", calendar.edit, name="edit"),
    path("<slug:slug>/event.ics", calendar.event_ics, name="ics"),
    path("<slug:slug>/register/", registration.register, name="register"),
    path("<slug:slug>/cancel/", registration.cancel_mine, name="cancel-mine"),
    path("<slug:slug>/registrations/", registration.registrations, name="registrations"),
    path("<slug:slug>/registrations/<int:pk>/decide/", registration.decide, name="decide"),
    path("<slug:slug>/registrations/<int:pk>/check-in/", registration.check_in, name="check-in"),
    path("<slug:slug>/meetings/", meetings.meetings, name="meetings"),
    path("<slug:slug>/meetings/setup/", meetings.setup, name="meetings-setup"),
    path("<slug:slug>/meetings/availability/", meetings.availability, name="availability"),
    path("<slug:slug>/meetings/attendees/<int:pk>/mark/", meetings.mark, name="mark"),
    path(
        "<slug:slug>/meetings/attendees/<int:pk>/request/",
        meetings.request_meeting,
        name="request",
    ),
    path("<slug:slug>/meetings/requests/<int:pk>/respond/", meetings.respond, name="respond"),
    path("<slug:slug>/meetings/requests/<int:pk>/withdraw/", meetings.withdraw, name="withdraw"),
    path("<slug:slug>/agenda/", meetings.agenda, name="agenda"),
    path("<slug:slug>/agenda.ics", meetings.agenda_ics_view, name="agenda-ics"),
]
