"""Domain errors with messages a user can act on; interfaces turn them into form errors."""


class EventsError(Exception):
    """Something about an event cannot be done as asked."""


class RegistrationError(EventsError):
    """A registration cannot be created or move to the requested state."""


class MeetingError(EventsError):
    """A meeting request, mark or schedule change is not allowed."""
