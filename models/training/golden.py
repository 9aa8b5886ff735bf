"""Writes the golden vectors the Java tests check against, from real landmarks, with this project's code:

  src/test/resources/golden/normalisation.json  raw landmarks + image size + mirror -> normalised (normalise.py)
  src/test/resources/golden/logits.json         normalised windows (seq 1 and seq 32) -> PyTorch logits
  src/main/resources/selftest/letter-logits.json the same logits, for the app's --self-test

  /usr/bin/python3 training/golden.py [--weights models/letters.pt]
"""
import argparse
import json
import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import data as D  # noqa: E402
from model import LetterNet  # noqa: E402
from normalise import CSV_IMAGE_HEIGHT, CSV_IMAGE_WIDTH, SPEC_VERSION, normalise  # noqa: E402

MODELS = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
GOLDEN = os.path.join(MODELS, '..', 'src', 'test', 'resources', 'golden')
SELF_TEST_LOGITS = os.path.join(MODELS, '..', 'src', 'main', 'resources', 'selftest', 'letter-logits.json')


def f32(a):
    """Values exactly representable as float32, as plain Python floats (JSON round-trips them exactly)."""
    return [float(v) for v in np.asarray(a, dtype=np.float32).ravel()]


def raw_csv_frames(data_root):
    import csv
    rows = []
    with open(os.path.join(data_root, D.CSV_PATH), newline='') as f:
        reader = csv.reader(f)
        next(reader)
        for row in reader:
            rows.append((row[0], int(row[1]), np.array([float(v) for v in row[2:65]], dtype=np.float32)))
    return rows


def normalisation_cases(data_root):
    cases = []
    rows = raw_csv_frames(data_root)
    for label, index in (('A', 10), ('H', 200), ('M', 50), ('J', 300), ('Y', 120)):
        raw = next(r[2] for r in rows if r[0] == label and r[1] == index)
        for mirror in (False, True):
            cases.append(('asl-ai-csv ' + label + str(index), raw, CSV_IMAGE_WIDTH, CSV_IMAGE_HEIGHT, mirror))
    with open(os.path.join(data_root, 'reference', 'mediapipe-landmarks.json')) as f:
        ref = [r for r in json.load(f) if r['hands']]
    for rec in (ref[0], ref[5], ref[-1], ref[-7]):
        hand = rec['hands'][0]
        raw = np.array(hand['landmarks'], dtype=np.float32).ravel()
        cases.append((rec['file'], raw, rec['width'], rec['height'], hand['handedness'] == 'Left'))
    cases.append(('degenerate: every landmark at one point', np.full(63, 0.5, dtype=np.float32), 640, 480, False))
    out = []
    for name, raw, w, h, mirror in cases:
        norm = normalise(raw.astype(np.float64).reshape(21, 3), w, h, mirror)
        out.append({'name': name, 'raw': f32(raw), 'width': int(w), 'height': int(h), 'mirror': bool(mirror),
                    'normalised': f32(norm)})
    return {'spec_version': SPEC_VERSION, 'tolerance': 1e-5, 'cases': out}


def logits_cases(data_root, model):
    runs = {r.label: r.frames for r in D.load_csv_runs(data_root)}
    inputs = [('A frame 5', runs['A'][5:6]), ('T frame 77', runs['T'][77:78]), ('B frame 300', runs['B'][300:301]),
              ('J frames 100-131', runs['J'][100:132]), ('Z frames 40-71', runs['Z'][40:72]),
              ('R frames 0-31', runs['R'][0:32])]
    out = []
    model.eval()
    with torch.no_grad():
        for name, x in inputs:
            x = x.astype(np.float32)
            logits = model(torch.from_numpy(x[None])).numpy()[0]
            out.append({'name': name, 'seq': int(x.shape[0]), 'input': f32(x), 'logits': f32(logits)})
    return {'tolerance': 1e-4, 'cases': out}


def write(data_root, weights):
    model = LetterNet()
    model.load_state_dict(torch.load(weights))
    os.makedirs(GOLDEN, exist_ok=True)
    with open(os.path.join(GOLDEN, 'normalisation.json'), 'w') as f:
        json.dump(normalisation_cases(data_root), f)
    logits = logits_cases(data_root, model)
    # The app's --self-test checks the shipped model against the same cases, from inside the jar.
    for path in (os.path.join(GOLDEN, 'logits.json'), SELF_TEST_LOGITS):
        with open(path, 'w') as f:
            json.dump(logits, f)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--data', default=D.default_data_root())
    ap.add_argument('--weights', default=os.path.join(MODELS, 'letters.pt'))
    args = ap.parse_args()
    write(args.data, args.weights)


if __name__ == '__main__':
    main()
