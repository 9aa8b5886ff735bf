"""Trains the letter model on real landmarks and exports models/letters.onnx.

  /usr/bin/python3 training/train.py                       # the shipped model: all data, fixed seed
  /usr/bin/python3 training/train.py --holdout t32rahman-webcam --out-dir /tmp/eval   # one evaluation split
  /usr/bin/python3 training/train.py --holdout photo-sources --out-dir /tmp/eval   # the CSV signer alone

Splits never mix neighbouring frames between train and test: a held-out photo source is left out whole
(photos and its motion sequences), and the CSV split holds out the last quarter of every letter's run.
"""
import argparse
import json
import os
import sys
import time

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import data as D  # noqa: E402
import golden  # noqa: E402
import synth as S  # noqa: E402
from landmark_cache import load_all  # noqa: E402
from model import LetterNet, export_onnx  # noqa: E402
from report import static_accuracy  # noqa: E402

WINDOW = 32
CSV_TEST_FRACTION = 0.25
CSV_GAP = 32  # frames dropped between the CSV train and test blocks, so no window straddles both
TRADE_PROBABILITY = 0.5
TRADE_MAX_ANGLE = 1.2  # radians: enough to take an index bent 70 degrees at the knuckle to straight
FOLD_PROBABILITY = 0.3
FOLD_MAX_ANGLE = 2.8  # radians: up to the last bone pointing back at the knuckles, as drawn for hidden tips
HOOK_PROBABILITY = 0.7
HOOK_ANGLES = (0.2, 1.1)  # radians at the index's middle joint: the CSV's 18-degree X to a hook of 30-80 degrees
# Where a single letter frame came from: the source critic's classes (one signer each, roboflow several).
SOURCES = ('asl-ai-csv',) + D.PHOTO_SOURCES
CSV_SOURCE = SOURCES.index('asl-ai-csv')
NO_SOURCE = -1  # not one real letter frame (windows, made-up classes, J and Z stills): the critic skips it
CRITIC_WEIGHT = 1.0


class Pools:
    """Training material per class, after the split has removed the held-out part."""

    def __init__(self, runs, photos):
        self.csv_runs = {r.label: r.frames for r in runs if r.source == 'asl-ai-csv'}
        self.motion_runs = {}
        for r in runs:
            if r.label in D.MOTION_LETTERS:
                self.motion_runs.setdefault(r.label, []).append(r.frames)
        self.photos, self.photo_sources = {}, {}
        for p in photos:
            self.photos.setdefault(p.label, []).append(p.frame)
            self.photo_sources.setdefault(p.label, []).append(SOURCES.index(p.source))
        self.photos = {k: np.stack(v) for k, v in self.photos.items()}
        self.photo_sources = {k: np.array(v) for k, v in self.photo_sources.items()}
        self.letters = [c for c in D.LABELS[:26]]

    def frame(self, label, rng):
        return self.frame_and_source(label, rng)[0]

    def frame_and_source(self, label, rng):
        """One real frame of a letter, photos (many signers) preferred over the one-signer CSV, and the index in
        SOURCES of where it came from (NO_SOURCE for J and Z)."""
        options, weights = [], []
        if label in D.MOTION_LETTERS and label in self.photos:
            # A single frame of a J or Z run can be any pose of the moving hand (a Z run holds an index pointing
            # sideways like G and hooked like X), and taught the model to read other signers' G and X as Z.
            # Other signers' stills of the letter are what one frame of J or Z looks like.
            pool = self.photos[label]
            return pool[rng.integers(len(pool))].astype(np.float64), NO_SOURCE
        if label in self.photos:
            options.append((self.photos[label], self.photo_sources[label])); weights.append(0.6)
        if label in self.motion_runs:
            for run in self.motion_runs[label]:
                options.append((run, NO_SOURCE)); weights.append(0.4 / len(self.motion_runs[label]))
        elif label in self.csv_runs:
            options.append((self.csv_runs[label], CSV_SOURCE)); weights.append(0.4)
        w = np.array(weights) / sum(weights)
        pool, sources = options[rng.choice(len(options), p=w)]  # sources: one per photo, or one for a whole run
        i = rng.integers(len(pool))
        return pool[i].astype(np.float64), int(sources if np.isscalar(sources) else sources[i])

    def window(self, label, rng, length):
        """`length` frames of a held letter (or the real motion of J and Z)."""
        if label in self.motion_runs:
            runs = self.motion_runs[label]
            run = runs[rng.integers(len(runs))]
            return S.resample(run, rng, length, rng.uniform(0.6, 1.6))
        if label in self.photos and (label not in self.csv_runs or rng.random() < 0.6):
            pool = self.photos[label]
            return S.hold(pool[rng.integers(len(pool))], rng, length)
        return S.resample(self.csv_runs[label], rng, length, rng.uniform(0.5, 2.0))

    def other_letter(self, label, rng):
        while True:
            other = self.letters[rng.integers(26)]
            if other != label:
                return other


def sample(pools, label, rng, length):
    """One training example of `label`, `length` frames (1 or WINDOW), before augmentation, and the source of
    its frame when it is one real letter frame (else NO_SOURCE)."""
    source = NO_SOURCE
    if label == 'space':
        base = pools.window('B', rng, length) if length > 1 else pools.frame('B', rng)[None]
        p = S.make_space(base, rng)
    elif label == 'del':
        base = pools.window('A', rng, length) if length > 1 else pools.frame('A', rng)[None]
        p = S.make_del(base, rng)
    elif label == 'nothing':
        p = make_nothing(pools, rng, length)
    else:
        if length > 1 and rng.random() < 0.35:
            # Entering: the window starts in the move from another letter and ends holding this one.
            held = int(rng.integers(min(length, 24 if label in D.MOTION_LETTERS else 14), length + 1))
            body = pools.window(label, rng, held)
            lead = length - held
            if lead > 0:
                a = pools.frame(pools.other_letter(label, rng), rng)
                move = S.transition(a, body[0], rng, lead + 1)[:-1]
                body = np.concatenate([move, body], 0)
            p = body
        elif length == 1:
            frame, source = pools.frame_and_source(label, rng)
            p = frame[None]
        else:
            p = pools.window(label, rng, length)
    return p, source


def make_nothing(pools, rng, length):
    """A hand moving between two letters far enough apart that the in-between pose is no letter."""
    for _ in range(20):
        la = pools.letters[rng.integers(26)]
        a, b = pools.frame(la, rng), pools.frame(pools.other_letter(la, rng), rng)
        if S.far_apart(a, b):
            break
    if length == 1:
        n = 21
        move = S.transition(a, b, rng, n)
        return move[int(rng.integers(6, 15))][None]
    n = int(rng.integers(20, 50))
    move = S.transition(a, b, rng, n)
    hold_a = S.hold(a, rng, int(rng.integers(0, 17))) if rng.random() < 0.7 else np.zeros((0, 21, 3))
    seq = np.concatenate([hold_a, move], 0)
    end = len(hold_a) + int(rng.uniform(0.35, 0.8) * n)
    seq = seq[:end]
    if len(seq) < length:
        seq = np.concatenate([np.repeat(seq[:1], length - len(seq), 0), seq], 0)
    return seq[-length:]


def person_variant(p, label, rng):
    """Half the examples are pointed the way another person might split it between wrist and knuckles; some
    single frames have the tips of their curled fingers folded back as the tracker draws them when a fist hides
    them, and most single frames of X are hooked as deeply as other signers hook it. Not windows: folded in windows
    too, the sequence mode's letters rose more slowly after a change, and a slow camera (JUMP at 7.5 fps) lost its U;
    hooked in windows too, fewer of the unseen signers' static letters were read right."""
    p = S.trade_wrist_for_knuckles(p, rng, TRADE_MAX_ANGLE) if rng.random() < TRADE_PROBABILITY else p
    if p.shape[0] == 1 and rng.random() < FOLD_PROBABILITY:
        p = S.fold_hidden_fingertips(p, rng, FOLD_MAX_ANGLE)
    if label == 'X' and p.shape[0] == 1 and rng.random() < HOOK_PROBABILITY:
        p = S.hook_index(p, rng, *HOOK_ANGLES)
    return p


def batch(pools, rng, size, length):
    """(landmarks, labels, sources) of `size` augmented examples, classes uniform (over all but Z for single
    frames)."""
    labels = rng.integers(len(D.LABELS), size=size)
    if length == 1:
        # A Z still is a pointing index, as in D, G, P and X, and other signers' Z stills taught the model to read
        # their X, D, G and P as Z; Z is learnt from its motion alone, so per-frame mode never writes Z.
        z = labels == D.INDEX['Z']
        while z.any():
            labels[z] = rng.integers(len(D.LABELS), size=int(z.sum()))
            z = labels == D.INDEX['Z']
    examples, sources = [], []
    for k in labels:
        p, source = sample(pools, D.LABELS[k], rng, length)
        examples.append(person_variant(p, D.LABELS[k], rng))
        sources.append(source)
    x = S.augment(np.stack(examples), rng)
    return torch.from_numpy(x), torch.from_numpy(labels.astype(np.int64)), torch.tensor(sources)


class _ReverseGradient(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, strength):
        ctx.strength = strength
        return x.view_as(x)

    @staticmethod
    def backward(ctx, grad):
        return -ctx.strength * grad, None


class SourceCritic(torch.nn.Module):
    """Learns to tell from a frame's embedding which source (which signer) it came from, while the gradient
    it sends back is reversed: the embedding is trained to make that impossible, so it keeps what the
    signers' letters share and drops how each signer forms them (domain-adversarial training, Ganin and
    Lempitsky 2015). Only real single letter frames take part, and not J or Z, whose stills come from
    photos alone, so the source would give the letter away."""

    def __init__(self, width):
        super().__init__()
        self.net = torch.nn.Sequential(torch.nn.Linear(width, 64), torch.nn.ReLU(), torch.nn.Linear(64, len(SOURCES)))

    def loss(self, embedding, sources, progress):
        known = sources != NO_SOURCE
        if not known.any():
            return embedding.new_zeros(())
        # Ramped in as the letters are learnt, so the critic does not fight a network that knows nothing yet.
        strength = CRITIC_WEIGHT * (2 / (1 + np.exp(-10 * progress)) - 1)
        reversed_embedding = _ReverseGradient.apply(embedding[known], strength)
        return torch.nn.functional.cross_entropy(self.net(reversed_embedding), sources[known])


def split(dataset, holdout):
    """(train runs, train photos, test description) for a named split."""
    runs, photos = list(dataset.runs), list(dataset.photos)
    test = {'photos': [], 'runs': [], 'misses': []}
    if holdout in D.PHOTO_SOURCES:
        test['photos'] = [p for p in photos if p.source == holdout]
        test['misses'] = [m for m in dataset.misses if m[0] == holdout]
        test['runs'] = [r for r in runs if r.source == holdout]
        photos = [p for p in photos if p.source != holdout]
        runs = [r for r in runs if r.source != holdout]
    elif holdout == 'photo-sources':
        # One training signer (the CSV's) against the two-source splits above: what one more signer is worth.
        test['photos'] = photos
        test['misses'] = list(dataset.misses)
        test['runs'] = [r for r in runs if r.source != 'asl-ai-csv']
        photos = []
        runs = [r for r in runs if r.source == 'asl-ai-csv']
    elif holdout == 'csv-block':
        train_runs = []
        for r in runs:
            if r.source != 'asl-ai-csv':
                train_runs.append(r)
                continue
            n = len(r.frames)
            cut = int(n * (1 - CSV_TEST_FRACTION))
            train_runs.append(D.Run(r.label, r.frames[:cut - CSV_GAP], r.source))
            test['runs'].append(D.Run(r.label, r.frames[cut:], r.source))
        runs = train_runs
    elif holdout != 'none':
        raise SystemExit(f'unknown holdout {holdout}')
    return runs, photos, test


def predict(model, x, chunk=2048):
    model.eval()
    out = []
    with torch.no_grad():
        for i in range(0, len(x), chunk):
            out.append(model(torch.from_numpy(np.ascontiguousarray(x[i:i + chunk], dtype=np.float32))))
    return torch.cat(out).numpy() if out else np.zeros((0, len(D.LABELS)))


def report(y_true, y_pred):
    k = len(D.LABELS)
    cm = np.zeros((k, k), dtype=int)
    for t, p in zip(y_true, y_pred):
        cm[t, p] += 1
    per_class = {}
    for i, c in enumerate(D.LABELS):
        tp, support, predicted = cm[i, i], cm[i].sum(), cm[:, i].sum()
        if support or predicted:
            per_class[c] = {'precision': float(tp / predicted) if predicted else None,
                            'recall': float(tp / support) if support else None, 'support': int(support)}
    acc = float(np.mean(np.array(y_true) == np.array(y_pred))) if len(y_true) else None
    return {'accuracy': acc, 'n': int(len(y_true)), 'per_class': per_class, 'confusion': cm.tolist()}


def windows_of(frames, stride):
    return np.stack([frames[i:i + WINDOW] for i in range(0, len(frames) - WINDOW + 1, stride)])


def evaluate(model, test):
    results = {}
    if test['photos']:
        x = np.stack([p.frame for p in test['photos']])[:, None]
        y = [D.INDEX[p.label] for p in test['photos']]
        per_frame = predict(model, x).argmax(1)
        r = report(y, per_frame)
        r['no_hand'] = len(test['misses'])
        r['accuracy_counting_no_hand_as_wrong'] = r['accuracy'] * r['n'] / (r['n'] + r['no_hand'])
        results['photos_per_frame'] = r
        # Sequence mode on an unseen signer: each photo held still for a whole window, as a hand held for a second.
        held = predict(model, np.repeat(x, WINDOW, 1), chunk=256).argmax(1)
        results['photos_held'] = report(y, held)
        # What the app answers there (engine/SequenceReading.java): a hand held still drew no Z, so where the
        # window says Z the frame is read on its own.
        results['photos_held_app'] = report(y, np.where(held == D.INDEX['Z'], per_frame, held))
    if test['runs']:
        yf, pf, yw, pw = [], [], [], []
        for run in test['runs']:
            yf += [D.INDEX[run.label]] * len(run.frames)
            pf += list(predict(model, run.frames[:, None]).argmax(1))
            if len(run.frames) >= WINDOW:
                w = windows_of(run.frames, 1)
                yw += [D.INDEX[run.label]] * len(w)
                pw += list(predict(model, w).argmax(1))
        results['runs_per_frame'] = report(yf, pf)
        results['runs_sequence'] = report(yw, pw)
        for mode, (yt, yp) in {'per_frame': (yf, pf), 'sequence': (yw, pw)}.items():
            for letter in D.MOTION_LETTERS:
                sel = [p for t, p in zip(yt, yp) if t == D.INDEX[letter]]
                if sel:
                    results.setdefault('motion', {})[f'{letter}_{mode}'] = {
                        'accuracy': float(np.mean(np.array(sel) == D.INDEX[letter])), 'n': len(sel)}
    return results


def evaluate_split(model, test, holdout):
    """evaluate(), per photo source where the split holds out both."""
    if holdout != 'photo-sources':
        return evaluate(model, test)
    return {source: evaluate(model, {'photos': [p for p in test['photos'] if p.source == source],
                                     'misses': [m for m in test['misses'] if m[0] == source],
                                     'runs': [r for r in test['runs'] if r.source == source]})
            for source in D.PHOTO_SOURCES}


def summary(results):
    """One log line of accuracies, nested results (per source) prefixed with the source."""
    if any(k in D.PHOTO_SOURCES for k in results):
        return ' '.join(f'{source}: {summary(r)}' for source, r in results.items())
    line = ' '.join(f'{k} {_fraction(v["accuracy"], 3)}' for k, v in results.items() if 'accuracy' in v)
    line += ''.join(f' {k}_static {_fraction(static_accuracy(v)[0], 3)}' for k, v in results.items()
                    if k.startswith('photos'))
    if 'motion' in results:
        line += ' ' + ' '.join(f'{k} {_fraction(v["accuracy"], 2)}' for k, v in results['motion'].items())
    return line


def _fraction(value, digits):
    """An accuracy for the log; an empty test set has none (and must not crash the run before it is saved)."""
    return 'n/a' if value is None else f'{value:.{digits}f}'



def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--data', default=D.default_data_root(), help='the shared data folder (default ../shared/data)')
    ap.add_argument('--holdout', default='none',
                    help='none (ship), t32rahman-webcam, roboflow-asl-letters, csv-block, photo-sources')
    ap.add_argument('--out-dir', default=os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
    ap.add_argument('--epochs', type=int, default=8)
    ap.add_argument('--steps', type=int, default=100, help='steps per epoch')
    ap.add_argument('--seed', type=int, default=20261125)
    ap.add_argument('--threads', type=int, default=1)
    ap.add_argument('--csv-only', action='store_true', help='no photos (before the tracker exists)')
    ap.add_argument('--jar', default=None, help='signspell.jar with the landmarks command')
    args = ap.parse_args()

    torch.manual_seed(args.seed)
    # The machine's two cores are shared; one thread avoids OpenMP spin-waits against other work.
    torch.set_num_threads(args.threads)
    rng = np.random.default_rng(args.seed)
    t0 = time.time()
    dataset = load_all(args.data, csv_only=args.csv_only, jar=args.jar)
    runs, photos, test = split(dataset, args.holdout)
    pools = Pools(runs, photos)
    print(f'train: {len(runs)} runs, {len(photos)} photos; test: {len(test["photos"])} photos, '
          f'{len(test["runs"])} runs; loaded in {time.time() - t0:.0f}s', flush=True)

    model = LetterNet()
    critic = SourceCritic(model.width)
    opt = torch.optim.AdamW(list(model.parameters()) + list(critic.parameters()), lr=3e-3, weight_decay=1e-4)
    total = args.epochs * args.steps
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=3e-3, total_steps=total, pct_start=0.15)
    loss_fn = torch.nn.CrossEntropyLoss(label_smoothing=0.05)
    test_results = None
    for epoch in range(args.epochs):
        model.train()
        losses = []
        for step in range(args.steps):
            x1, y1, s1 = batch(pools, rng, 256, 1)
            # Mostly full windows; some shorter ones, as the app sees while its window fills up.
            length = WINDOW if rng.random() < 0.8 else int(rng.integers(2, WINDOW))
            xs, ys, _ = batch(pools, rng, 64, length)
            logits1, embedding1 = model.logits_and_last_embedding(x1)
            progress = (epoch * args.steps + step + 1) / total
            loss = loss_fn(logits1, y1) + loss_fn(model(xs), ys) + critic.loss(embedding1, s1, progress)
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            losses.append(loss.item())
        line = f'epoch {epoch + 1}/{args.epochs} loss {np.mean(losses):.3f} ({time.time() - t0:.0f}s)'
        if (test['photos'] or test['runs']) and epoch + 1 == args.epochs:
            # Once, after the last step: the log line and the result file report the same evaluation.
            test_results = evaluate_split(model, test, args.holdout)
            line += ' ' + summary(test_results)
        print(line, flush=True)

    os.makedirs(args.out_dir, exist_ok=True)
    model.eval()
    weights = os.path.join(args.out_dir, 'letters.pt' if args.holdout == 'none' else f'letters-{args.holdout}.pt')
    torch.save(model.state_dict(), weights)
    result = {'holdout': args.holdout, 'seed': args.seed, 'epochs': args.epochs, 'steps': args.steps,
              'train_photos': len(photos), 'seconds': time.time() - t0,
              'parameters': sum(p.numel() for p in model.parameters())}
    if args.holdout == 'none':
        export_onnx(model, os.path.join(args.out_dir, 'letters.onnx'))
        with open(os.path.join(args.out_dir, 'labels.txt'), 'w') as f:
            f.write('\n'.join(D.LABELS) + '\n')
        if os.path.samefile(args.out_dir, golden.MODELS):
            golden.write(args.data, weights)
    else:
        result['test'] = test_results
    with open(os.path.join(args.out_dir, f'result-{args.holdout}.json'), 'w') as f:
        json.dump(result, f)
    print(f'done in {time.time() - t0:.0f}s', flush=True)


if __name__ == '__main__':
    main()
