"""The home hero's white text over its image: ≥ 4.5:1 (WCAG AA) wherever it falls, even on
the lightest part of the photo. The image is drawn at an opacity over ``--brand-dark``, so the
worst case is a white pixel blended at that opacity (3.8:1 at 0.35 in a real browser)."""

import re
from pathlib import Path

CSS = (Path(__file__).resolve().parents[2] / "static" / "css" / "portal.css").read_text()


def _luminance(rgb):
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(v) for v in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def test_white_hero_text_passes_over_the_lightest_image_pixel():
    brand_dark = re.search(r"--brand-dark:\s*#([0-9a-fA-F]{6})", CSS).group(1)
    ground = [int(brand_dark[i : i + 2], 16) for i in (0, 2, 4)]
    image_rule = re.search(r"\.hero__image\s*\{([^}]*)\}", CSS).group(1)
    opacity = float(re.search(r"opacity:\s*([\d.]+)", image_rule).group(1))
    worst = [opacity * 255 + (1 - opacity) * value for value in ground]
    ratio = 1.05 / (_luminance(worst) + 0.05)
    assert ratio >= 4.5, f"white on the lightest blend: {ratio:.2f}:1"


def test_the_phone_menu_folds_instead_of_clipping():
    """At 390 px the menu was a 762 px strip clipped to 358 px, then 2-3 wrapped rows: on a
    phone the wide list is not shown and the folded one opens as a column, below the header."""
    phone = CSS.split("@media (max-width: 48rem)", 1)[1].split("\n}", 1)[0]
    assert re.search(r"\.main-menu__bar\s*\{\s*display:\s*none", phone), phone
    folded = re.search(r"\.main-menu__list\s*\{([^}]*)\}", phone).group(1)
    assert "flex-direction: column" in folded and "overflow" not in folded, folded
