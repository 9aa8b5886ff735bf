"""Photo landmark extraction: runs the project's Java hand tracker over the photos and motion sequences
once, and caches its JSONL output outside the repo (~/.cache/signspell/landmarks, or $SIGNSPELL_LANDMARK_CACHE).

  /usr/bin/python3 training/landmark_cache.py [--data ../shared/data] [--jar ../target/signspell.jar] [--refresh]
"""
import argparse
import glob
import hashlib
import os
import subprocess
import sys
import tempfile
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import data as D  # noqa: E402

CACHE = os.environ.get('SIGNSPELL_LANDMARK_CACHE', os.path.expanduser('~/.cache/signspell/landmarks'))
REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))


def default_jar():
    return os.environ.get('SIGNSPELL_TRACKER_JAR', os.path.join(REPO, 'target', 'signspell.jar'))


def jobs(data_root):
    """(cache name, image paths in order, static?) for every batch of images the pipeline needs."""
    out = []
    for source in D.PHOTO_SOURCES:
        paths = sorted(glob.glob(os.path.join(data_root, 'photos', source, '*', '*.jpg')))
        out.append((source, paths, True))
    for letter in D.MOTION_LETTERS:
        paths = sorted(glob.glob(os.path.join(data_root, 'sequences', 't32rahman-webcam', letter, '*.jpg')))
        # A sequence is consecutive video frames: tracking mode, as the app will run.
        out.append((f'sequence-t32rahman-webcam-{letter}', paths, False))
    return out


# What decides the landmarks inside the jar: the tracker, how images reach it, the command that writes them,
# MediaPipe's models; the manifest's Class-Path names the native libraries' versions (TensorFlow Lite, OpenCV).
TRACKER_ENTRIES = ('org/signspell/hands/', 'org/signspell/capture/', 'org/signspell/cli/LandmarksCommand',
                   'mediapipe/', 'META-INF/MANIFEST.MF')


def tracker_digest(jar):
    """Digest of the parts of the jar that make the landmarks (not of the whole jar, which any build changes)."""
    key = hashlib.sha256()
    with zipfile.ZipFile(jar) as z:
        for name in sorted(n for n in z.namelist() if n.startswith(TRACKER_ENTRIES) and not n.endswith('/')):
            data = z.read(name)
            if name == 'META-INF/MANIFEST.MF':
                # Only the dependency list; the rest (build JDK, tool version) does not touch a landmark.
                lines = data.decode('utf-8').replace('\r\n ', '').replace('\n ', '').splitlines()
                data = '\n'.join(l for l in lines if l.startswith('Class-Path:')).encode()
            key.update(name.encode() + b'\0' + hashlib.sha256(data).digest())
    return key.hexdigest()


def cache_path(name, paths, tracker):
    """Keyed by the images (names and content) and by the tracker that reads them, so a changed photo or a
    changed tracker is never answered from an old file."""
    key = hashlib.sha256(tracker.encode())
    for p in paths:
        key.update(os.path.basename(os.path.dirname(p)).encode() + b'/' + os.path.basename(p).encode() + b'\0')
        with open(p, 'rb') as f:
            key.update(hashlib.sha256(f.read()).digest())
    return os.path.join(CACHE, f'{name}-{key.hexdigest()[:12]}.jsonl')


def extract(data_root, jar, refresh=False):
    if not os.path.exists(jar):
        raise SystemExit(f'Photo landmarks need the hand tracker jar at {jar}: build it with '
                         f'`mvn -B -o -q -DskipTests package` in the repo root, or pass --jar, or train --csv-only.')
    os.makedirs(CACHE, exist_ok=True)
    tracker = tracker_digest(jar)
    files = {}
    for name, paths, static in jobs(data_root):
        if not paths:
            raise SystemExit(f'no images for {name} under {data_root}')
        out = cache_path(name, paths, tracker)
        if refresh or not os.path.exists(out):
            # A part file of this process's own: two trainings filling a cold cache at once (evaluate.sh
            # beside check-reproducible.sh) must not write into one file and publish it half written.
            fd, part = tempfile.mkstemp(dir=CACHE, prefix=os.path.basename(out) + '.', suffix='.part')
            os.close(fd)
            try:
                cmd = ['java', '-jar', jar, 'landmarks', *paths, '--max-hands', '1', '--out', part]
                cmd.append('--static' if static else '--track')
                print(f'tracking {len(paths)} images for {name} ...', flush=True)
                subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
                os.replace(part, out)
            finally:
                if os.path.exists(part):
                    os.remove(part)
        files[name] = out
    return files


def rel(record_source, data_root):
    return os.path.relpath(record_source, data_root) if os.path.isabs(record_source) else record_source


def load_all(data_root, csv_only=False, jar=None):
    dataset = D.Dataset()
    dataset.runs = D.load_csv_runs(data_root)
    if csv_only:
        return dataset
    files = extract(data_root, jar or default_jar())
    for source in D.PHOTO_SOURCES:
        photos, misses = D.load_photo_jsonl(files[source], source)
        dataset.photos += photos
        dataset.misses += misses
    for letter in D.MOTION_LETTERS:
        run = D.load_sequence_jsonl(files[f'sequence-t32rahman-webcam-{letter}'], 't32rahman-webcam')
        if run is None:
            print(f'warning: no hand in any frame of the t32rahman {letter} sequence; it is left out', file=sys.stderr)
        else:
            dataset.runs.append(run)
    return dataset


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--data', default=D.default_data_root())
    ap.add_argument('--jar', default=default_jar())
    ap.add_argument('--refresh', action='store_true')
    args = ap.parse_args()
    for name, path in extract(args.data, args.jar, args.refresh).items():
        print(name, path)


if __name__ == '__main__':
    main()
