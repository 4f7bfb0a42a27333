"""Press room URLs (feeds, media kit), mounted under the language prefix."""

urlpatterns = []
