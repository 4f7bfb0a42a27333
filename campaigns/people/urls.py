"""Public URLs of this app, mounted under the language prefix (/<lang>/...)."""

urlpatterns = []
