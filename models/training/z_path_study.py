"""What the index fingertip draws in the two real Z recordings, in the image, over the 32-frame windows sequence
mode reads. Normalisation removes the hand's place, so this is measured on the raw landmarks: the CSV's (1280x720)
and the hand tracker's for the t32rahman Z frames (the landmark cache, see landmark_cache.py). Prints the numbers
the model card quotes under "J and Z".

  /usr/bin/python3 training/z_path_study.py [--data ../shared/data] [--jar ../target/signspell.jar]
"""
import argparse

import numpy as np

import data as D
import landmark_cache
from normalise import CSV_IMAGE_HEIGHT, CSV_IMAGE_WIDTH, PALM_KNUCKLES, WRIST

WINDOW = 32
INDEX_TIP = 8
# A change of horizontal direction counts once the tip has come back this far (hand sizes): tracker jitter does not.
TURN = 0.15


def hand_size(p):
    """Mean wrist-to-knuckle distance in the image plane (pixels), as SequenceWindow measures it."""
    return np.mean(np.linalg.norm(p[list(PALM_KNUCKLES), :2] - p[WRIST, :2], axis=-1))


def csv_z(data_root):
    return D.raw_csv_runs(data_root)['Z'] * [CSV_IMAGE_WIDTH, CSV_IMAGE_HEIGHT, CSV_IMAGE_WIDTH]


def t32rahman_z(data_root, jar):
    records = D.sequence_records(landmark_cache.extract(data_root, jar)['sequence-t32rahman-webcam-Z'])
    frames = []
    for rec in records:
        hand = D.hand_of(rec)
        if hand is not None:
            frames.append(np.array(hand['landmarks']) * [rec['width'], rec['height'], rec['width']])
    return np.stack(frames), len(records)


def turns(x):
    """Changes of direction of a 1-D path, each counted once the path has come back TURN from its extreme."""
    count, direction, extreme = 0, 0, x[0]
    for v in x[1:]:
        if direction >= 0 and v > extreme or direction < 0 and v < extreme:
            extreme = v
        elif abs(v - extreme) > TURN:
            count += direction != 0
            direction = 1 if v > extreme else -1
            extreme = v
    return count


def describe(name, frames):
    sizes = np.array([hand_size(p) for p in frames])
    tip = frames[:, INDEX_TIP, :2]
    whole = tip / sizes.mean()
    # Each window in its own mean hand size, as the app's fingertip-travel rule measures it.
    windows = [tip[i:i + WINDOW] / sizes[i:i + WINDOW].mean() for i in range(len(tip) - WINDOW + 1)]
    t = np.array([turns(w[:, 0]) for w in windows])
    extent = np.array([np.ptp(w, axis=0) for w in windows])
    print(f'| {name} | {len(frames)} | {turns(whole[:, 0])} | {np.ptp(whole[:, 0]):.2f} × {np.ptp(whole[:, 1]):.2f} | '
          f'{len(windows)} | {np.median(t):.0f} ({t.min()}–{t.max()}) | '
          f'{np.median(extent[:, 0]):.2f} × {np.median(extent[:, 1]):.2f} | {sizes.min():.0f}–{sizes.max():.0f} |')


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--data', default=D.default_data_root())
    ap.add_argument('--jar', default=landmark_cache.default_jar())
    args = ap.parse_args()
    t32, recorded = t32rahman_z(args.data, args.jar)
    print('| recording | frames with a hand | left/right turns, whole run | tip extent, whole run (x × y, hand sizes) '
          '| 32-frame windows | turns per window, median (range) | tip extent per window, median | hand size (px) |')
    print('|---|---|---|---|---|---|---|---|')
    describe('CSV signer', csv_z(args.data))
    describe(f't32rahman signer ({recorded} recorded)', t32)


if __name__ == '__main__':
    main()
