"""Should normalisation rotate the hand upright (wrist -> middle knuckle pointing up)? Measures, on the real
CSV frames and photos, how far apart the letter pairs that differ mainly by orientation are, with and without
that rotation, relative to how spread each letter is. Prints a markdown table for the model card.

  /usr/bin/python3 training/rotation_study.py [PHOTO_JSONL ...]
"""
import sys

import numpy as np

import data as D

PAIRS = [('H', 'U'), ('G', 'Q'), ('K', 'P'), ('I', 'J'), ('D', 'Z'), ('V', 'K'), ('A', 'S'), ('M', 'N')]


def upright(p):
    """Rotates each frame in the image plane so the wrist -> middle-knuckle axis points up (-y)."""
    a = np.arctan2(p[:, 9, 0], -p[:, 9, 1])
    c, s = np.cos(a)[:, None], np.sin(a)[:, None]
    x, y = p[..., 0], p[..., 1]
    return np.stack([x * c - y * s, x * s + y * c, p[..., 2]], -1)


def separation(a, b):
    """Distance between class means over the mean within-class spread (higher: easier to tell apart)."""
    ma, mb = a.mean(0), b.mean(0)
    spread = 0.5 * (np.linalg.norm(a - ma, axis=-1).mean() + np.linalg.norm(b - mb, axis=-1).mean())
    return np.linalg.norm(ma - mb) / spread


def main():
    by = {}
    for r in D.load_csv_runs(D.default_data_root()):
        by.setdefault(r.label, []).append(r.frames)
    for path in sys.argv[1:]:
        photos, _ = D.load_photo_jsonl(path, 'photos')
        for p in photos:
            by.setdefault(p.label, []).append(p.frame[None])
    by = {k: np.concatenate(v).reshape(-1, 21, 3) for k, v in by.items()}
    angle = {k: np.degrees(np.arctan2(v[:, 9, 0], -v[:, 9, 1])) for k, v in by.items()}
    print('| pair | hand angle (deg, median) | separation, as is | separation, rotated upright |')
    print('|---|---|---|---|')
    for a, b in PAIRS:
        fa, fb = by[a].reshape(len(by[a]), -1), by[b].reshape(len(by[b]), -1)
        ua, ub = upright(by[a]).reshape(len(by[a]), -1), upright(by[b]).reshape(len(by[b]), -1)
        print(f'| {a} / {b} | {np.median(angle[a]):.0f} / {np.median(angle[b]):.0f} | '
              f'{separation(fa, fb):.2f} | {separation(ua, ub):.2f} |')


if __name__ == '__main__':
    main()
