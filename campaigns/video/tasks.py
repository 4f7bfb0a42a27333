"""The video's background job: renditions made when a video is uploaded."""

from django_tasks import task


@task(queue_name="video")
def make_video_renditions(media_id, source_name):
    """Make the low and medium renditions and the poster of one uploaded video.

    ``source_name`` is the stored file's name when the task was enqueued: if the video was
    replaced since, this run does nothing (the newer upload has its own task).
    Returns ``{profile: size in bytes}``.
    """
    from wagtailmedia import get_media_model

    from .transcode import make_renditions

    media = get_media_model().objects.filter(pk=media_id).first()
    if media is None or media.file.name != source_name:
        return {}
    return {r.profile: r.size for r in make_renditions(media)}
