"""Media files in development, with byte ranges (Safari on iPhone plays no video without them).

Django's ``django.views.static.serve`` always answers the whole file with 200; a video
element asks for ``Range: bytes=0-1`` first and Safari gives up on a 200. In production
media comes from object storage (S3), which answers ranges itself. Only used when DEBUG.
"""

import mimetypes
import re
from pathlib import Path

from django.http import FileResponse, Http404, HttpResponse
from django.utils._os import safe_join
from django.views.decorators.http import require_safe

RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def _byte_range(header, size):
    """(start, end) inclusive of one range; None: no or several ranges; False: past the end."""
    match = RANGE.match(header.strip())
    if not match:
        return None
    first, last = match.groups()
    if first == "" and last == "":
        return None
    if first == "":  # the last N bytes
        length = int(last)
        return (max(size - length, 0), size - 1) if length else False
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    return (start, end) if start <= end and start < size else False


@require_safe
def serve_media(request, path, document_root):
    """The file at ``path`` under ``document_root``: 200 whole, 206 for a byte range, 416
    for a range past its end; ``Accept-Ranges: bytes`` always."""
    try:
        file = Path(safe_join(document_root, path))
    except ValueError as refused:
        raise Http404 from refused
    if not file.is_file():
        raise Http404
    size = file.stat().st_size
    content_type = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
    wanted = _byte_range(request.headers.get("Range", ""), size)
    if wanted is False:
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
    elif wanted is None:
        response = FileResponse(file.open("rb"), content_type=content_type)
    else:
        start, end = wanted
        with file.open("rb") as handle:
            handle.seek(start)
            body = handle.read(end - start + 1)
        response = HttpResponse(body, status=206, content_type=content_type)
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
    response["Accept-Ranges"] = "bytes"
    return response
