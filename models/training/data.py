"""Loads the real data from ../shared/data into normalised canonical landmarks (see normalise.py)."""
import csv
import json
import os
from dataclasses import dataclass, field

import numpy as np

from normalise import CSV_IMAGE_HEIGHT, CSV_IMAGE_WIDTH, normalise

LABELS = [chr(ord('A') + i) for i in range(26)] + ['space', 'del', 'nothing']
INDEX = {c: i for i, c in enumerate(LABELS)}
MOTION_LETTERS = ('J', 'Z')
PHOTO_SOURCES = ('roboflow-asl-letters', 't32rahman-webcam')
CSV_PATH = 'landmarks/asl-ai/asl-ai-landmarks.csv'


def default_data_root():
    here = os.path.dirname(os.path.abspath(__file__))
    return os.path.normpath(os.path.join(here, '..', '..', '..', 'shared', 'data'))


@dataclass
class Run:
    """Consecutive real frames of one letter from one recording (normalised, [N, 21, 3])."""
    label: str
    frames: np.ndarray
    source: str


@dataclass
class Photo:
    label: str
    frame: np.ndarray  # [21, 3] normalised
    source: str
    path: str


@dataclass
class Dataset:
    runs: list = field(default_factory=list)     # CSV runs and real motion sequences
    photos: list = field(default_factory=list)   # single photos with one detected hand
    misses: list = field(default_factory=list)   # (source, label, path) photos where the tracker found no hand


def raw_csv_runs(data_root):
    """The CSV's frames per letter in recorded order (frame_index restarts at 0 for each letter's ~400 consecutive
    frames), as MediaPipe wrote them: {label: [N, 21, 3]}, x and y fractions of the 1280x720 image."""
    by_label = {}
    with open(os.path.join(data_root, CSV_PATH), newline='') as f:
        reader = csv.reader(f)
        next(reader)
        for row in reader:
            by_label.setdefault(row[0], []).append((int(row[1]), [float(v) for v in row[2:65]]))
    return {label: np.array([r[1] for r in sorted(rows)], dtype=np.float64).reshape(-1, 21, 3)
            for label, rows in sorted(by_label.items())}


def load_csv_runs(data_root):
    """One run per letter, normalised."""
    return [Run(label, normalise(raw, CSV_IMAGE_WIDTH, CSV_IMAGE_HEIGHT, False), 'asl-ai-csv')
            for label, raw in raw_csv_runs(data_root).items()]


def hand_of(record):
    """The single hand of a tracker JSONL record (the tracker runs with --max-hands 1), or None."""
    hands = record.get('hands') or []
    if not hands:
        return None
    return max(hands, key=lambda h: h.get('score', 0.0))


def normalise_record(record, hand):
    mirror = hand['handedness'] == 'Left'
    return normalise(np.array(hand['landmarks'], dtype=np.float64), record['width'], record['height'], mirror)


def label_of_path(path):
    """photos/<source>/<L>/<file> and sequences/<source>/<L>/<file>: the letter is the folder name."""
    return os.path.basename(os.path.dirname(path))


def load_photo_jsonl(path, source):
    photos, misses = [], []
    with open(path) as f:
        for line in f:
            rec = json.loads(line)
            label = label_of_path(rec['source'])
            hand = hand_of(rec)
            if hand is None:
                misses.append((source, label, rec['source']))
            else:
                photos.append(Photo(label, normalise_record(rec, hand), source, rec['source']))
    return photos, misses


def sequence_records(path):
    """The tracker's records of one motion sequence (a landmark cache file), in recorded order."""
    with open(path) as f:
        recs = [json.loads(line) for line in f]
    return sorted(recs, key=lambda r: (r['source'], r.get('frame', 0)))


def load_sequence_jsonl(path, source):
    """Frames of one motion sequence in order; frames without a hand are left out (the run stays in order).
    None when the tracker found a hand in none of them."""
    frames, label = [], None
    for rec in sequence_records(path):
        label = label_of_path(rec['source'])
        hand = hand_of(rec)
        if hand is not None:
            frames.append(normalise_record(rec, hand))
    return Run(label, np.stack(frames), source) if frames else None
