"""Contact sheets of the held-out static-letter photos a model reads wrong, each photo with the tracker's landmarks
drawn on it, so a person can tell which errors are the tracker's (landmarks off the hand, fingers swapped, another
hand in the background) and which are the letter model's. The sheets show ../shared's photos, so they are written
outside the repo (default ~/.cache/signspell/error-audit); errors.tsv lists the same photos in the sheets' order.

  /usr/bin/python3 training/error_audit.py --model ~/.cache/signspell/letters-eval/letters-roboflow-asl-letters.pt \
      --holdout roboflow-asl-letters

The model is one of ./evaluate.sh's held-out models (trained without --holdout's source). It also prints, for the
most common confusions, which finger decides: each misread photo takes, one finger at a time, the median pose of
that finger in the training frames of its true letter (in the palm's own frame), and is read again."""
import argparse
import json
import os
import sys

import numpy as np
import torch
from PIL import Image, ImageDraw

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import data as D  # noqa: E402
import synth as S  # noqa: E402
import landmark_cache as LC  # noqa: E402
import train as T  # noqa: E402
from model import LetterNet  # noqa: E402
from render_card import BONES, colour  # noqa: E402

TILE = 260
FINGER_POINTS = {'thumb': S.THUMB, **{name: chain[1:] for name, chain in zip(('index', 'middle', 'ring', 'little'),
                                                                               S.FINGERS)}}
FINGER_POINTS['all three curled'] = FINGER_POINTS['middle'] + FINGER_POINTS['ring'] + FINGER_POINTS['little']
COLUMNS, ROWS = 5, 4


def wrong_photos(model, photos):
    """(photo, predicted label, its probability) for every static-letter photo the model reads wrong, by letter."""
    static = [p for p in photos if p.label not in D.MOTION_LETTERS]
    logits = T.predict(model, np.stack([p.frame for p in static])[:, None])
    prob = np.exp(logits - logits.max(1, keepdims=True))
    prob /= prob.sum(1, keepdims=True)
    wrong = [(p, D.LABELS[k], float(q[k])) for p, q, k in zip(static, prob, prob.argmax(1)) if D.LABELS[k] != p.label]
    return sorted(wrong, key=lambda w: (w[0].label, w[0].path)), len(static)


def palm_local(frames):
    """[N, 21, 3] -> (points in each hand's own palm frame, wrist-relative; the frames [N, 3, 3], rows u, v, n)."""
    axes = np.stack(S.hand_axes(frames), -2)
    return np.einsum('nij,nkj->nki', axes, frames - frames[:, :1]), axes


def which_finger_decides(model, train_runs, train_photos, wrong, min_count=8):
    """For each confusion seen at least min_count times: how many of its photos are read right once one finger
    takes the training frames' median pose of that finger for the true letter."""
    pairs = {}
    for photo, predicted, _ in wrong:
        pairs.setdefault((photo.label, predicted), []).append(photo)
    for (letter, predicted), photos in sorted(pairs.items(), key=lambda kv: -len(kv[1])):
        if len(photos) < min_count:
            break
        reference = [p.frame for p in train_photos if p.label == letter]
        reference += [f for r in train_runs if r.label == letter and r.source == 'asl-ai-csv' for f in r.frames[::10]]
        median_pose = np.median(palm_local(np.stack(reference).astype(np.float64))[0], 0)
        local, axes = palm_local(np.stack([p.frame for p in photos]).astype(np.float64))
        row = []
        for finger, points in FINGER_POINTS.items():
            moved = local.copy()
            moved[:, list(points)] = median_pose[list(points)]
            frames = np.einsum('nki,nij->nkj', moved, axes) + np.stack([p.frame for p in photos])[:, :1]
            right = int((T.predict(model, frames[:, None]).argmax(1) == D.INDEX[letter]).sum())
            row.append(f'{finger} {right}')
        print(f'{letter} read as {predicted} ({len(photos)}), read right with the training pose of: ' + ', '.join(row))


def tile(record, caption):
    img = Image.open(record['source']).convert('RGB')
    w, h = img.size
    d = ImageDraw.Draw(img)
    hand = D.hand_of(record)
    pts = [(x * w, y * h) for x, y, _ in hand['landmarks']]
    width = max(1, round(min(w, h) / 200))
    for a, b in BONES:
        d.line([pts[a], pts[b]], fill=colour(a, b), width=width)
    img = img.resize((TILE, TILE))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 0, TILE, 15], fill=(0, 0, 0))
    d.text((3, 2), caption, fill=(255, 255, 255))
    return img


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--model', required=True, help='letters-<holdout>.pt from ./evaluate.sh')
    ap.add_argument('--holdout', required=True, choices=D.PHOTO_SOURCES)
    ap.add_argument('--data', default=D.default_data_root())
    ap.add_argument('--jar', default=LC.default_jar())
    ap.add_argument('--out', default=os.path.expanduser('~/.cache/signspell/error-audit'))
    args = ap.parse_args()

    model = LetterNet()
    model.load_state_dict(torch.load(args.model))
    dataset = LC.load_all(args.data, jar=args.jar)
    train_runs, train_photos, test = T.split(dataset, args.holdout)
    wrong, n = wrong_photos(model, test['photos'])
    with open(LC.extract(args.data, args.jar)[args.holdout]) as f:
        records = {r['source']: r for r in map(json.loads, f)}

    os.makedirs(args.out, exist_ok=True)
    per_sheet = COLUMNS * ROWS
    with open(os.path.join(args.out, 'errors.tsv'), 'w') as tsv:
        tsv.write('index\tletter\tread as\tprobability\tphoto\n')
        for start in range(0, len(wrong), per_sheet):
            sheet = Image.new('RGB', (TILE * COLUMNS, TILE * ROWS))
            for i, (photo, predicted, p) in enumerate(wrong[start:start + per_sheet]):
                index = start + i
                name = os.path.basename(photo.path)
                tsv.write(f'{index}\t{photo.label}\t{predicted}\t{p:.2f}\t{LC.rel(photo.path, args.data)}\n')
                caption = f'#{index} {photo.label}->{predicted} {p:.2f} {name[:12]}'
                sheet.paste(tile(records[photo.path], caption), ((i % COLUMNS) * TILE, (i // COLUMNS) * TILE))
            sheet.save(os.path.join(args.out, f'sheet{start // per_sheet:02d}.png'), optimize=True)
    print(f'{len(wrong)} of {n} static-letter photos read wrong; sheets and errors.tsv in {args.out}')
    which_finger_decides(model, train_runs, train_photos, wrong)


if __name__ == '__main__':
    main()
