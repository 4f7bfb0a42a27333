"""Press coverage as the API shows it: what the media published, public fields only."""

from rest_framework import serializers

from campaigns.press.models import Medium


class CoverageSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    outlet = serializers.CharField(read_only=True)
    headline = serializers.CharField(
        read_only=True, help_text="As the outlet published it, in its own `language`."
    )
    url = serializers.CharField(read_only=True, help_text="The article or video on the outlet.")
    date = serializers.DateField(read_only=True)
    medium = serializers.ChoiceField(choices=Medium.choices, read_only=True)
    language = serializers.CharField(read_only=True, help_text="The headline's language code.")
    country = serializers.CharField(read_only=True, allow_blank=True)
    campaign = serializers.SerializerMethodField(
        help_text="The campaign's source (Arabic) page id, or null."
    )
    clip_timecode = serializers.CharField(
        read_only=True, allow_blank=True, help_text="Where the campaign appears (MM:SS), or empty."
    )
    clip_url = serializers.SerializerMethodField(
        help_text="Our copy of the report (video or audio file), or null."
    )
    created_at = serializers.DateTimeField(read_only=True, help_text="Added to the portal.")

    def get_campaign(self, item) -> int | None:
        if item.campaign_id is None:
            return None
        return getattr(item, "source_campaign_id", None) or item.campaign_id

    def get_clip_url(self, item) -> str | None:
        if item.clip_id is None or not item.clip.file:
            return None
        url = item.clip.file.url
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request else url
