"""Stand-in images drawn locally with Pillow (the demo never touches the network)."""

import io

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model

PALETTE = ["#0b6e4f", "#c8553d", "#2a6f97", "#f2a541", "#6a4c93", "#1b998b", "#e84855", "#3d405b"]


def _png(width, height, colour, label="", rings=3):
    canvas = PILImage.new("RGB", (width, height), colour)
    draw = ImageDraw.Draw(canvas)
    for i in range(rings):
        r = (i + 1) * min(width, height) // (2 * rings + 1)
        cx, cy = width // 2, height // 2
        draw.ellipse(
            (cx - r, cy - r, cx + r, cy + r), outline="#ffffff", width=max(2, width // 200)
        )
    if label:
        draw.text(
            (width // 20, height // 20), label, fill="#ffffff", font_size=max(12, height // 8)
        )
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def demo_image(title, width=1200, height=675, colour="#0b6e4f", label=""):
    """Return the image titled ``title``, drawing and saving it the first time."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    slug = "".join(c if c.isalnum() else "-" for c in title.lower()).strip("-")[:50] or "image"
    content = _png(width, height, colour, label)
    image = Image(title=title)
    image.file = ImageFile(io.BytesIO(content), name=f"{slug}.png")
    image.save()
    return image
