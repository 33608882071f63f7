"""Bearer-token authentication for API clients (tokens issued on the account page)."""

from django.http import HttpRequest
from ninja.security import HttpBearer, django_auth

from taimei.accounts.models import ApiToken, User
from taimei.accounts.services import api_token_touch


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        api_token = ApiToken.objects.authenticate(token)
        if api_token is None:
            return None
        api_token_touch(token=api_token)
        request.user = api_token.user
        return api_token.user


token_auth = TokenAuth()
# Either a bearer token or the browser session (with CSRF) identifies the caller.
authenticated = [token_auth, django_auth]
