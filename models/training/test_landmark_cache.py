"""The photo landmark cache's key: a changed photo or a changed tracker must never be answered from an old
file, and a rebuild that changes nothing the tracker uses must not throw the cache away. Standard library and
numpy only (no jar, no photos: made-up jars and images in a temporary folder).
  /usr/bin/python3 models/training/test_landmark_cache.py
"""
import os
import sys
import tempfile
import unittest
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import landmark_cache as L  # noqa: E402

MANIFEST = ('Manifest-Version: 1.0\r\nCreated-By: Maven JAR Plugin 3.4.2\r\nBuild-Jdk-Spec: {jdk}\r\n'
            'Class-Path: lib/tensorflow-lite-2.21.0-1.5.14.jar lib/opencv-4.14.0-1.5.14\r\n .jar\r\n'
            'Main-Class: org.signspell.Main\r\n\r\n')


class LandmarkCacheKeyTest(unittest.TestCase):

    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.addCleanup(self.dir.cleanup)

    def jar(self, name, entries, jdk='17'):
        path = os.path.join(self.dir.name, name)
        with zipfile.ZipFile(path, 'w') as z:
            z.writestr('META-INF/MANIFEST.MF', MANIFEST.format(jdk=jdk))
            for entry, data in entries.items():
                z.writestr(entry, data)
        return path

    def image(self, letter, name, data):
        folder = os.path.join(self.dir.name, 'photos', letter)
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, name)
        with open(path, 'wb') as f:
            f.write(data)
        return path

    BASE = {'org/signspell/hands/PalmStage.class': b'palm', 'org/signspell/capture/VideoFileSource.class': b'cap',
            'org/signspell/cli/LandmarksCommand.class': b'cmd', 'mediapipe/hand_landmark_full.tflite': b'model',
            'org/signspell/ui/MainView.class': b'ui', 'models/letters.onnx': b'letters'}

    def digest(self, changes=None, jdk='17', name='a.jar'):
        entries = dict(self.BASE, **(changes or {}))
        return L.tracker_digest(self.jar(name, entries, jdk))

    def test_tracker_changes_change_the_key(self):
        base = self.digest()
        for entry in ('org/signspell/hands/PalmStage.class', 'org/signspell/capture/VideoFileSource.class',
                      'org/signspell/cli/LandmarksCommand.class', 'mediapipe/hand_landmark_full.tflite'):
            self.assertNotEqual(self.digest({entry: b'changed'}, name='b.jar'), base, entry)
        self.assertNotEqual(self.digest({'org/signspell/hands/New.class': b'new'}, name='c.jar'), base)

    def test_a_new_native_library_version_changes_the_key(self):
        base = self.digest()
        path = os.path.join(self.dir.name, 'd.jar')
        with zipfile.ZipFile(path, 'w') as z:
            z.writestr('META-INF/MANIFEST.MF', MANIFEST.format(jdk='17').replace('2.21.0', '2.22.0'))
            for entry, data in self.BASE.items():
                z.writestr(entry, data)
        self.assertNotEqual(L.tracker_digest(path), base)

    def test_what_the_tracker_does_not_use_keeps_the_key(self):
        base = self.digest()
        self.assertEqual(self.digest({'org/signspell/ui/MainView.class': b'other'}, name='e.jar'), base)
        self.assertEqual(self.digest({'models/letters.onnx': b'retrained'}, name='f.jar'), base)
        self.assertEqual(self.digest(jdk='21', name='g.jar'), base)

    def test_photo_content_and_names_change_the_key(self):
        a = self.image('A', '1.jpg', b'first photo')
        b = self.image('B', '1.jpg', b'second photo')
        key = L.cache_path('src', [a, b], 'tracker')
        self.assertEqual(L.cache_path('src', [a, b], 'tracker'), key)
        self.assertNotEqual(L.cache_path('src', [a, b], 'another tracker'), key)
        self.image('B', '1.jpg', b'second photo, edited')
        self.assertNotEqual(L.cache_path('src', [a, b], 'tracker'), key)
        self.image('B', '1.jpg', b'second photo')
        renamed = self.image('C', '1.jpg', b'second photo')
        self.assertNotEqual(L.cache_path('src', [a, renamed], 'tracker'), key)


if __name__ == '__main__':
    unittest.main()
