"""Geometry of the server-rendered SVG chart: received and delivered per campaign day.

Every coordinate leaves here as text written for a machine (``svg_number``): a float handed
to a template is localised by Django (``39,7`` in Arabic and French), and Chromium rejects
SVG geometry with a decimal comma, so the chart drew nothing outside English.
"""

WIDTH, HEIGHT = 640, 240
MARGIN_START, MARGIN_END, MARGIN_TOP, MARGIN_BOTTOM = 36, 8, 12, 28


def svg_number(value):
    """``value`` rounded to one decimal as SVG/CSS text: '39.7', '0', '-4' (never localised)."""
    text = f"{round(float(value), 1):.1f}"
    return text[:-2] if text.endswith(".0") else text


def nice_max(value):
    """A round axis top at or above ``value`` (1, 2, 5 × 10^n)."""
    value = max(int(value), 1)
    step = 1
    while True:
        for factor in (1, 2, 5):
            if step * factor >= value:
                return step * factor
        step *= 10


def bar_chart(series):
    """Bars and axis labels for ``series`` (rows with day, received, delivered)."""
    top = nice_max(max([r["received"] for r in series] + [r["delivered"] for r in series] + [1]))
    plot_width = WIDTH - MARGIN_START - MARGIN_END
    plot_height = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    slot = plot_width / max(len(series), 1)
    bar = max(slot * 0.38, 1)
    bars = []
    for index, row in enumerate(series):
        x = MARGIN_START + index * slot + slot * 0.1
        for offset, name in ((0, "received"), (bar, "delivered")):
            height = plot_height * row[name] / top
            bars.append(
                {
                    "kind": name,
                    "x": svg_number(x + offset),
                    "y": svg_number(MARGIN_TOP + plot_height - height),
                    "width": svg_number(bar),
                    "height": svg_number(height),
                    "value": row[name],
                    "day": row["day"],
                }
            )
    labels = [
        {"x": svg_number(MARGIN_START + i * slot + slot / 2), "day": row["day"]}
        for i, row in enumerate(series)
        if len(series) <= 16 or i % max(len(series) // 8, 1) == 0
    ]
    ticks = [
        {"y": svg_number(MARGIN_TOP + plot_height - plot_height * v / top), "value": v}
        for v in (0, top // 2 if top > 1 else 0, top)
    ]
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "bars": bars,
        "labels": labels,
        "ticks": {t["value"]: t for t in ticks}.values(),
        "axis_x": svg_number(MARGIN_START),
        "label_x": svg_number(MARGIN_START - 4),
        "axis_y": svg_number(HEIGHT - MARGIN_BOTTOM),
        "plot_end": svg_number(WIDTH - MARGIN_END),
        "label_y": svg_number(HEIGHT - 8),
    }
