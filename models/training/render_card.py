"""Draws the class pictures for MODEL_CARD.md (models/card/*.png): hand skeletons made by the same code that
makes the training samples, from real CSV frames.

  /usr/bin/python3 training/render_card.py
"""
import os
import sys

import numpy as np
from PIL import Image, ImageDraw

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import data as D  # noqa: E402
import synth as S  # noqa: E402

CARD = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'card'))
BONES = [(0, 1), (1, 2), (2, 3), (3, 4), (0, 5), (5, 6), (6, 7), (7, 8), (5, 9), (9, 10), (10, 11), (11, 12),
         (9, 13), (13, 14), (14, 15), (15, 16), (13, 17), (0, 17), (17, 18), (18, 19), (19, 20)]
COLOURS = {1: (200, 120, 0), 5: (0, 120, 200), 9: (0, 160, 80), 13: (160, 0, 160), 17: (200, 0, 60)}


def colour(a, b):
    for start in (17, 13, 9, 5, 1):
        if b >= start:
            return COLOURS[start]
    return (80, 80, 80)


def draw(frames, titles, path, size=180):
    img = Image.new('RGB', (size * len(frames), size + 18), 'white')
    d = ImageDraw.Draw(img)
    for k, (p, title) in enumerate(zip(frames, titles)):
        xy = p[:, :2]
        lo, hi = xy.min(0), xy.max(0)
        scale = (size - 30) / max(hi - lo)
        centre = (lo + hi) / 2
        pts = [(k * size + size / 2 + (x - centre[0]) * scale, 18 + size / 2 + (y - centre[1]) * scale) for x, y in xy]
        for a, b in BONES:
            d.line([pts[a], pts[b]], fill=colour(a, b), width=3)
        for i, (x, y) in enumerate(pts):
            r = 5 if i == 0 else 3
            d.ellipse([x - r, y - r, x + r, y + r], fill=(0, 0, 0) if i == 0 else colour(0, i))
        d.text((k * size + 6, 3), title, fill=(0, 0, 0))
    img.save(path, optimize=True)


def main():
    os.makedirs(CARD, exist_ok=True)
    runs = {r.label: r.frames for r in D.load_csv_runs(D.default_data_root())}
    rng = np.random.default_rng(3)
    b = runs['B'][200:201].astype(np.float64)
    a = runs['A'][200:201].astype(np.float64)
    draw([b[0], S.make_space(b, rng)[0]], ['real B (CSV)', 'space (made from it)'], os.path.join(CARD, 'space.png'))
    draw([a[0], S.make_del(a, rng)[0]], ['real A (CSV)', 'del (made from it)'], os.path.join(CARD, 'del.png'))
    move = S.transition(runs['L'][100].astype(np.float64), runs['S'][100].astype(np.float64), rng, 21)
    draw([runs['L'][100], move[7], move[12], runs['S'][100]], ['real L', 'nothing', 'nothing', 'real S'],
         os.path.join(CARD, 'nothing.png'))
    print('wrote', CARD)


if __name__ == '__main__':
    main()
