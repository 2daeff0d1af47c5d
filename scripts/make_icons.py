"""Draw the app's icons (home screen, favicon) with Pillow; run again after changing the design.

    /work/main/.venv/bin/python scripts/make_icons.py

The icons are committed under web/static/icons/, so serving the app needs no Pillow.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parents[1] / "src/lems_companion/web/static/icons"
BLUE = (11, 92, 173)  # --accent in app.css
WHITE = (255, 255, 255)
# A maskable icon keeps its drawing inside the central 80% circle (the "safe zone" of the W3C
# manifest spec), so a launcher may crop it to any shape.
MASKABLE_SAFE = 0.8


def draw(size: int, *, maskable: bool = False) -> Image.Image:
    """Return the icon: a white notebook with a pulse line on the accent blue."""
    scale = 4  # draw large and shrink, for smooth edges without anti-aliasing support
    big = size * scale
    image = Image.new("RGB", (big, big), BLUE)
    pen = ImageDraw.Draw(image)
    if not maskable:
        image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
        pen = ImageDraw.Draw(image)
        pen.rounded_rectangle((0, 0, big - 1, big - 1), radius=big // 5, fill=BLUE)
    inner = big * (MASKABLE_SAFE * 0.75 if maskable else 0.72)
    left = (big - inner) / 2
    top = (big - inner) / 2
    pen.rounded_rectangle((left, top, left + inner, top + inner), radius=inner / 10, fill=WHITE)
    # The pulse line: flat, a spike, flat, across the page.
    y = top + inner * 0.55
    points = [
        (left + inner * 0.12, y),
        (left + inner * 0.35, y),
        (left + inner * 0.45, y - inner * 0.3),
        (left + inner * 0.57, y + inner * 0.2),
        (left + inner * 0.66, y),
        (left + inner * 0.88, y),
    ]
    pen.line(points, fill=BLUE, width=max(int(inner * 0.08), 1), joint="curve")
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    """Write every icon size the manifest, the pages and the browsers ask for."""
    OUT.mkdir(parents=True, exist_ok=True)
    for size in (192, 512):
        draw(size).save(OUT / f"icon-{size}.png", optimize=True)
    draw(512, maskable=True).save(OUT / "icon-maskable-512.png", optimize=True)
    draw(180, maskable=True).save(OUT / "apple-touch-icon.png", optimize=True)
    draw(64).save(OUT / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48), (64, 64)])


if __name__ == "__main__":
    main()
