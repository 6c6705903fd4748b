"""Generate the flat sample illustrations used by the demo content.

One-off helper: run it once and commit the resulting files in
content/images/berita/. The pictures contain no text; every article that
uses one describes what it shows in its alt text.

Usage:
    python tools/make_sample_images.py

Requires Pillow. Each image is drawn at twice the final size and scaled
down, which gives smooth (anti-aliased) edges. Output: 800x450 px WebP,
quality 70, every file well under 40 KB.
"""

from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageDraw

OUT_DIR = Path(__file__).resolve().parent.parent / "examples" / "kota-contoh" / "content" / "images" / "berita"
W, H = 800, 450
S = 2  # supersampling factor
QUALITY = 70
MAX_BYTES = 40 * 1024

# A small shared palette keeps the set looking like one series.
SKY = (214, 234, 248)
SKY_WARM = (253, 240, 213)
GRASS = (120, 180, 110)
GROUND = (196, 170, 130)
ROAD = (150, 150, 155)
WHITE = (255, 255, 255)
DARK = (45, 52, 64)
RED = (200, 50, 45)
ORANGE = (235, 140, 50)
YELLOW = (245, 200, 70)
GREEN = (60, 140, 80)
LEAF = (90, 165, 90)
BLUE = (40, 110, 180)
TEAL = (40, 150, 150)
BROWN = (140, 95, 60)
BAMBOO = (200, 170, 90)
GREY = (120, 125, 135)
LIGHT_GREY = (215, 218, 222)
CONCRETE = (180, 178, 170)
WATER = (90, 150, 210)
PURPLE = (120, 80, 160)


def canvas(bg):
    img = Image.new("RGB", (W * S, H * S), bg)
    return img, ImageDraw.Draw(img)


def s(*values):
    """Scale coordinates from the 800x450 design grid to the canvas."""
    return [v * S for v in values]


def rect(d, x0, y0, x1, y1, fill, radius=0):
    if radius:
        d.rounded_rectangle(s(x0, y0, x1, y1), radius=radius * S, fill=fill)
    else:
        d.rectangle(s(x0, y0, x1, y1), fill=fill)


def ellipse(d, x0, y0, x1, y1, fill=None, outline=None, width=0):
    d.ellipse(s(x0, y0, x1, y1), fill=fill, outline=outline, width=width * S)


def circle(d, cx, cy, r, fill=None, outline=None, width=0):
    ellipse(d, cx - r, cy - r, cx + r, cy + r, fill=fill, outline=outline, width=width)


def poly(d, points, fill):
    d.polygon([(x * S, y * S) for x, y in points], fill=fill)


def line(d, points, fill, width):
    d.line([(x * S, y * S) for x, y in points], fill=fill, width=width * S, joint="curve")


def arc(d, cx, cy, r, start, end, fill, width):
    d.arc(s(cx - r, cy - r, cx + r, cy + r), start, end, fill=fill, width=width * S)


def tree(d, x, base_y, size=1.0):
    rect(d, x - 6 * size, base_y - 60 * size, x + 6 * size, base_y, BROWN)
    circle(d, x, base_y - 85 * size, 38 * size, fill=LEAF)
    circle(d, x - 25 * size, base_y - 65 * size, 26 * size, fill=GREEN)
    circle(d, x + 25 * size, base_y - 65 * size, 26 * size, fill=GREEN)


def cloud(d, x, y):
    for dx, dy, r in ((0, 0, 22), (25, -10, 28), (55, 0, 22), (28, 8, 22)):
        circle(d, x + dx, y + dy, r, fill=WHITE)


def save(img, name):
    out = img.resize((W, H), Image.LANCZOS)
    path = OUT_DIR / name
    out.save(path, "WEBP", quality=QUALITY, method=6)
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise SystemExit(f"{name} is {size} bytes (limit {MAX_BYTES})")
    print(f"{path.relative_to(OUT_DIR.parent.parent.parent)}  {size / 1024:.1f} KB")


# --------------------------------------------------------------------------
# Individual illustrations
# --------------------------------------------------------------------------


def wifi_park():
    """A park with a pole carrying a Wi-Fi symbol, a bench and trees."""
    img, d = canvas(SKY)
    cloud(d, 90, 80)
    cloud(d, 560, 60)
    rect(d, 0, 340, 800, 450, GRASS)
    rect(d, 0, 395, 800, 425, LIGHT_GREY)  # footpath
    tree(d, 110, 350, 1.2)
    tree(d, 690, 350, 1.1)
    # Pole with a small access-point box.
    rect(d, 392, 150, 408, 350, GREY)
    rect(d, 375, 205, 425, 250, DARK, radius=6)
    circle(d, 400, 228, 6, fill=(90, 220, 120))
    # Wi-Fi arcs above the pole.
    circle(d, 400, 130, 9, fill=BLUE)
    for r in (32, 58, 84):
        arc(d, 400, 130, r, 225, 315, BLUE, 12)
    # Bench.
    rect(d, 500, 325, 620, 337, BROWN, radius=3)
    rect(d, 500, 300, 620, 312, BROWN, radius=3)
    rect(d, 510, 337, 518, 365, DARK)
    rect(d, 602, 337, 610, 365, DARK)
    save(img, "wifi-publik-2023.webp")


def trophy():
    """A trophy on a podium with stars around it."""
    img, d = canvas(SKY_WARM)
    # Podium.
    rect(d, 250, 330, 550, 450, (70, 90, 140))
    rect(d, 230, 318, 570, 340, (90, 110, 165), radius=4)
    # Trophy base and stem.
    rect(d, 335, 280, 465, 318, BROWN, radius=4)
    rect(d, 355, 262, 445, 282, (170, 120, 70), radius=4)
    rect(d, 388, 205, 412, 262, YELLOW)
    # Cup.
    d.pieslice(s(310, 40, 490, 230), 0, 180, fill=YELLOW)
    rect(d, 310, 80, 490, 136, YELLOW)
    # Handles.
    arc(d, 312, 118, 40, 90, 270, (225, 175, 50), 12)
    arc(d, 488, 118, 40, 270, 90, (225, 175, 50), 12)
    # Shine.
    rect(d, 340, 95, 352, 170, (252, 230, 150), radius=6)

    def star(cx, cy, r, color):
        pts = []
        for i in range(10):
            ang = math.pi / 2 + i * math.pi / 5
            rr = r if i % 2 == 0 else r * 0.45
            pts.append((cx + rr * math.cos(ang), cy - rr * math.sin(ang)))
        poly(d, pts, color)

    star(150, 110, 34, ORANGE)
    star(650, 95, 40, ORANGE)
    star(120, 260, 22, RED)
    star(690, 250, 26, RED)
    star(220, 190, 16, TEAL)
    star(590, 190, 18, TEAL)
    save(img, "penghargaan-inovasi-2024.webp")


def wheelchair(d, cx, base_y, scale, color):
    """A side view of a wheelchair drawn with simple shapes."""
    k = scale
    # Big wheel.
    circle(d, cx, base_y - 70 * k, 70 * k, outline=color, width=max(3, int(10 * k)))
    circle(d, cx, base_y - 70 * k, 10 * k, fill=color)
    # Small front caster.
    circle(d, cx + 110 * k, base_y - 16 * k, 16 * k, fill=color)
    # Frame: seat, backrest, footrest.
    line(d, [(cx - 30 * k, base_y - 200 * k), (cx - 20 * k, base_y - 100 * k),
             (cx + 90 * k, base_y - 100 * k)], color, max(3, int(12 * k)))
    line(d, [(cx + 90 * k, base_y - 100 * k), (cx + 110 * k, base_y - 40 * k),
             (cx + 140 * k, base_y - 40 * k)], color, max(3, int(10 * k)))
    line(d, [(cx + 110 * k, base_y - 40 * k), (cx + 110 * k, base_y - 16 * k)], color,
         max(2, int(6 * k)))
    # Push handle.
    line(d, [(cx - 30 * k, base_y - 200 * k), (cx - 60 * k, base_y - 200 * k)], color,
         max(3, int(10 * k)))


def assistive_devices_cover():
    """A wheelchair beside a walking cane, on a light floor."""
    img, d = canvas((226, 238, 246))
    rect(d, 0, 360, 800, 450, (205, 195, 180))
    rect(d, 0, 355, 800, 362, (175, 165, 150))
    # Window in the background wall.
    rect(d, 560, 60, 740, 220, WHITE, radius=4)
    rect(d, 570, 70, 730, 210, SKY)
    rect(d, 646, 70, 654, 210, WHITE)
    rect(d, 570, 136, 730, 144, WHITE)
    wheelchair(d, 300, 360, 1.3, BLUE)
    # Walking cane leaning near the chair.
    line(d, [(560, 360), (530, 170)], BROWN, 9)
    arc(d, 510, 172, 21, 180, 360, BROWN, 9)
    # Quad-base cane foot.
    rect(d, 548, 352, 578, 360, DARK, radius=3)
    save(img, "alat-bantu-2023.webp")


def assistive_devices_detail():
    """A table with a hearing aid, a folded cane and a pair of crutches."""
    img, d = canvas((240, 236, 228))
    # Table top and legs.
    rect(d, 60, 300, 740, 325, BROWN, radius=6)
    rect(d, 90, 325, 110, 450, (115, 78, 50))
    rect(d, 690, 325, 710, 450, (115, 78, 50))
    # Hearing aid: curved behind-the-ear body with a thin tube.
    d.pieslice(s(130, 170, 250, 290), 180, 360, fill=(215, 180, 150))
    rect(d, 130, 228, 250, 262, (215, 180, 150), radius=14)
    line(d, [(250, 245), (280, 240), (295, 268)], (170, 140, 115), 6)
    circle(d, 300, 278, 14, fill=(190, 155, 125))
    # Second hearing aid, smaller.
    d.pieslice(s(330, 210, 410, 290), 180, 360, fill=(200, 200, 205))
    rect(d, 330, 250, 410, 275, (200, 200, 205), radius=10)
    # White cane (tongkat putih) folded in segments lying on the table.
    for i in range(4):
        x = 450 + i * 18
        rect(d, x, 150, x + 12, 298, WHITE if i < 3 else RED, radius=5)
    # Crutches leaning against the right.
    for offset in (0, 40):
        line(d, [(600 + offset, 298), (640 + offset, 60)], GREY, 10)
        rect(d, 612 + offset, 52, 668 + offset, 64, DARK, radius=5)
        rect(d, 614 + offset, 170, 644 + offset, 180, DARK, radius=4)
    save(img, "alat-bantu-detail-2023.webp")


def house_scaffolding():
    """A small house under renovation with bamboo scaffolding on one wall."""
    img, d = canvas(SKY)
    cloud(d, 620, 70)
    rect(d, 0, 370, 800, 450, GRASS)
    # House body and roof.
    rect(d, 220, 210, 520, 370, (236, 214, 170))
    poly(d, [(190, 215), (370, 95), (550, 215)], RED)
    # Door and windows.
    rect(d, 345, 275, 395, 370, BROWN)
    circle(d, 385, 325, 4, fill=YELLOW)
    rect(d, 250, 250, 310, 305, SKY)
    rect(d, 430, 250, 490, 305, SKY)
    rect(d, 278, 250, 282, 305, WHITE)
    rect(d, 458, 250, 462, 305, WHITE)
    # Bamboo scaffolding on the right side.
    for x in (530, 590, 650):
        rect(d, x, 120, x + 9, 372, BAMBOO)
    for y in (175, 245, 315):
        rect(d, 520, y, 670, y + 9, BAMBOO)
    line(d, [(535, 370), (655, 175)], (180, 150, 75), 7)
    # Stack of bricks and a bucket on the ground.
    for row in range(3):
        for col in range(4 - row):
            rect(d, 80 + col * 30 + row * 15, 350 - row * 16, 106 + col * 30 + row * 15,
                 364 - row * 16, (185, 85, 60), radius=2)
    poly(d, [(700, 330), (745, 330), (738, 372), (707, 372)], GREY)
    save(img, "rutilahu-2023.webp")


def drainage_street():
    """A street with a concrete drainage channel carrying water."""
    img, d = canvas(SKY)
    cloud(d, 120, 70)
    cloud(d, 520, 90)
    # Row houses in the distance.
    for i, color in enumerate(((230, 200, 160), (200, 215, 190), (225, 190, 200),
                               (210, 205, 230))):
        x = 40 + i * 190
        rect(d, x, 170, x + 150, 270, color)
        poly(d, [(x - 10, 175), (x + 75, 120), (x + 160, 175)], (170, 80, 60))
        rect(d, x + 55, 215, x + 95, 270, BROWN)
    # Sidewalk, channel walls, water, road.
    rect(d, 0, 270, 800, 300, LIGHT_GREY)
    rect(d, 0, 300, 800, 350, CONCRETE)
    rect(d, 0, 312, 800, 340, (120, 120, 115))
    rect(d, 0, 318, 800, 340, WATER)
    for x in range(30, 800, 120):
        line(d, [(x, 328), (x + 30, 324), (x + 60, 328)], (200, 225, 245), 3)
    # Grated covers at intervals.
    for x in (80, 380, 680):
        rect(d, x, 300, x + 70, 312, GREY)
        for gx in range(x + 6, x + 70, 10):
            rect(d, gx, 302, gx + 4, 310, DARK)
    rect(d, 0, 350, 800, 450, ROAD)
    for x in range(20, 800, 140):
        rect(d, x, 395, x + 70, 405, WHITE)
    save(img, "drainase-2024.webp")


def drainage_cross_section():
    """A cross-section of a U-shaped concrete ditch set in soil layers."""
    img, d = canvas(SKY)
    rect(d, 0, 150, 800, 450, (165, 125, 85))
    rect(d, 0, 150, 800, 175, GRASS)
    rect(d, 0, 330, 800, 450, (135, 100, 70))
    for x in range(20, 800, 60):
        for y in (210, 380):
            circle(d, x + (y % 40), y, 4, fill=(120, 90, 60))
    # U-ditch walls.
    rect(d, 240, 150, 270, 390, CONCRETE)
    rect(d, 530, 150, 560, 390, CONCRETE)
    rect(d, 240, 360, 560, 390, CONCRETE)
    # Cavity and water.
    rect(d, 270, 150, 530, 360, (225, 230, 235))
    rect(d, 270, 270, 530, 360, WATER)
    for x in (300, 380, 460):
        line(d, [(x, 290), (x + 20, 285), (x + 40, 290)], (200, 225, 245), 3)
    # Cover slab with grate slots.
    rect(d, 230, 138, 570, 152, GREY)
    for gx in range(250, 560, 24):
        rect(d, gx, 141, gx + 10, 149, DARK)
    # Arrow showing flow direction (into the picture) as a circle with dot.
    circle(d, 400, 315, 18, outline=WHITE, width=4)
    circle(d, 400, 315, 5, fill=WHITE)
    save(img, "drainase-potongan-2024.webp")


def school_building():
    """A two-storey school building with a flagpole and a gate."""
    img, d = canvas(SKY)
    cloud(d, 90, 70)
    rect(d, 0, 360, 800, 450, GRASS)
    rect(d, 0, 380, 800, 400, LIGHT_GREY)
    # Building.
    rect(d, 170, 150, 630, 360, (245, 235, 215))
    poly(d, [(150, 155), (400, 85), (650, 155)], (175, 70, 55))
    rect(d, 170, 250, 630, 258, (210, 195, 170))
    for row_y in (172, 275):
        for i in range(6):
            x = 195 + i * 72
            if row_y == 275 and i in (2, 3):
                continue
            rect(d, x, row_y, x + 45, row_y + 55, (160, 200, 230))
            rect(d, x + 20, row_y, x + 25, row_y + 55, WHITE)
    rect(d, 350, 280, 450, 360, BROWN)
    rect(d, 398, 280, 402, 360, (110, 70, 45))
    # Flagpole with a red-and-white flag.
    rect(d, 700, 110, 706, 380, GREY)
    rect(d, 706, 115, 766, 135, RED)
    rect(d, 706, 135, 766, 155, WHITE)
    # Gate posts.
    rect(d, 60, 300, 80, 385, (190, 190, 190))
    rect(d, 130, 300, 150, 385, (190, 190, 190))
    tree(d, 105, 300, 0.7)
    save(img, "sekolah-ppdb-2024.webp")


def market_inspection():
    """A market table with red chilies, vegetables and a rack of test tubes."""
    img, d = canvas(SKY_WARM)
    # Stall awning.
    for i in range(10):
        color = GREEN if i % 2 == 0 else WHITE
        poly(d, [(i * 80, 40), (i * 80 + 80, 40), (i * 80 + 80, 110), (i * 80, 110)], color)
    for i in range(10):
        ellipse(d, i * 80, 90, i * 80 + 80, 130, fill=GREEN if i % 2 == 0 else WHITE)
    rect(d, 0, 300, 800, 450, (160, 120, 80))
    rect(d, 0, 290, 800, 310, BROWN)
    # Pile of red chilies in a tray.
    rect(d, 60, 240, 300, 292, (225, 220, 205), radius=8)
    for i in range(14):
        x = 80 + (i % 7) * 30
        y = 238 + (i // 7) * 18
        d.pieslice(s(x, y, x + 46, y + 30), 200, 340, fill=RED)
        line(d, [(x + 44, y + 6), (x + 52, y)], GREEN, 3)
    # Cabbages / tomatoes.
    for x in (350, 395):
        circle(d, x, 262, 28, fill=(140, 195, 110))
        arc(d, x, 262, 16, 200, 340, (100, 160, 80), 3)
    for x in (460, 495, 478):
        circle(d, x, 270 if x != 478 else 248, 18, fill=(230, 80, 60))
    # Test-tube rack for the mobile lab.
    rect(d, 560, 250, 760, 292, WHITE, radius=6)
    colors = [(250, 230, 150), (200, 120, 200), (250, 230, 150), (150, 200, 230),
              (200, 120, 200)]
    for i, c in enumerate(colors):
        x = 580 + i * 36
        rect(d, x, 170, x + 18, 262, (235, 245, 250), radius=9)
        rect(d, x, 215, x + 18, 262, c, radius=9)
    # Dropper.
    line(d, [(700, 160), (740, 120)], GREY, 6)
    circle(d, 745, 115, 12, fill=DARK)
    save(img, "pasar-aman-2024.webp")


def cheap_market():
    """A market stall with rice sacks, egg trays and cooking-oil bottles."""
    img, d = canvas(SKY)
    cloud(d, 650, 60)
    rect(d, 0, 360, 800, 450, (200, 190, 175))
    # Tent.
    poly(d, [(90, 120), (400, 50), (710, 120)], ORANGE)
    for i in range(8):
        x = 90 + i * 77.5
        d.pieslice(s(x, 95, x + 77.5, 145), 0, 180, fill=ORANGE if i % 2 else RED)
    rect(d, 90, 118, 710, 122, RED)
    rect(d, 95, 120, 105, 360, GREY)
    rect(d, 695, 120, 705, 360, GREY)
    # Table.
    rect(d, 120, 290, 680, 310, BROWN)
    rect(d, 140, 310, 155, 360, BROWN)
    rect(d, 645, 310, 660, 360, BROWN)
    # Rice sacks.
    for x in (150, 235):
        rect(d, x, 200, x + 75, 290, (240, 235, 220), radius=16)
        rect(d, x + 10, 235, x + 65, 255, (90, 150, 90))
    # Egg trays.
    for t in range(2):
        y = 262 - t * 26
        rect(d, 340, y, 470, y + 26, (210, 190, 150), radius=4)
        for i in range(5):
            ellipse(d, 347 + i * 25, y - 8, 367 + i * 25, y + 14, fill=(245, 225, 195))
    # Cooking-oil bottles.
    for i in range(4):
        x = 500 + i * 42
        rect(d, x, 205, x + 32, 290, (245, 200, 60), radius=8)
        rect(d, x + 10, 190, x + 22, 206, (60, 130, 70))
        rect(d, x + 4, 240, x + 28, 262, WHITE)
    save(img, "pasar-murah-2025.webp")


def posyandu():
    """An open tent with a table holding a baby scale and a height board."""
    img, d = canvas(SKY)
    rect(d, 0, 360, 800, 450, GRASS)
    tree(d, 90, 365, 1.0)
    # Tent roof and poles.
    poly(d, [(180, 130), (400, 60), (620, 130)], (230, 90, 120))
    rect(d, 180, 128, 620, 145, (240, 150, 170))
    rect(d, 190, 145, 200, 365, GREY)
    rect(d, 600, 145, 610, 365, GREY)
    # Table.
    rect(d, 230, 280, 570, 296, WHITE)
    rect(d, 245, 296, 257, 365, GREY)
    rect(d, 543, 296, 555, 365, GREY)
    # Baby scale: tray on a base with a round dial.
    rect(d, 270, 262, 420, 280, (200, 205, 210), radius=4)
    d.pieslice(s(270, 215, 420, 300), 180, 360, fill=(150, 200, 230))
    circle(d, 460, 245, 28, fill=WHITE, outline=DARK, width=4)
    line(d, [(460, 245), (475, 230)], RED, 4)
    rect(d, 452, 270, 468, 281, DARK)
    # Height board standing to the right.
    rect(d, 660, 150, 690, 365, (245, 235, 200))
    for y in range(160, 360, 20):
        rect(d, 660, y, 674 if (y // 20) % 2 else 680, y + 3, BROWN)
    # Heart symbol on the tent.
    circle(d, 388, 104, 11, fill=WHITE)
    circle(d, 412, 104, 11, fill=WHITE)
    poly(d, [(377, 108), (423, 108), (400, 132)], WHITE)
    save(img, "posyandu-2024.webp")


def main():
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    wifi_park()
    trophy()
    assistive_devices_cover()
    assistive_devices_detail()
    house_scaffolding()
    drainage_street()
    drainage_cross_section()
    school_building()
    market_inspection()
    cheap_market()
    posyandu()


if __name__ == "__main__":
    main()
