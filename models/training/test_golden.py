"""Python side of the golden-vector agreement (plain unittest; exits non-zero on failure):

  /usr/bin/python3 models/training/test_golden.py

Checks that normalise.py reproduces src/test/resources/golden/normalisation.json to 1e-5, that the PyTorch
weights (models/letters.pt) reproduce logits.json to 1e-4, and that models/letters.onnx has the contract's
signature. The Java tests check the same files against LandmarkNormalizer and ONNX Runtime.
"""
import json
import os
import sys
import unittest

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
MODELS = os.path.normpath(os.path.join(HERE, '..'))
GOLDEN = os.path.join(MODELS, '..', 'src', 'test', 'resources', 'golden')

from normalise import SPEC_VERSION, normalise  # noqa: E402


def load(name):
    with open(os.path.join(GOLDEN, name)) as f:
        return json.load(f)


class NormalisationGolden(unittest.TestCase):
    def test_matches_golden(self):
        golden = load('normalisation.json')
        self.assertEqual(golden['spec_version'], SPEC_VERSION)
        self.assertGreaterEqual(len(golden['cases']), 10)
        for case in golden['cases']:
            raw = np.array(case['raw'], dtype=np.float32).astype(np.float64).reshape(21, 3)
            got = normalise(raw, case['width'], case['height'], case['mirror']).ravel()
            err = np.max(np.abs(got - np.array(case['normalised'])))
            self.assertLess(err, 1e-5, case['name'])

    def test_mirror_flips_x_only(self):
        case = load('normalisation.json')['cases'][0]
        raw = np.array(case['raw']).reshape(21, 3)
        a = normalise(raw, case['width'], case['height'], False)
        b = normalise(raw, case['width'], case['height'], True)
        np.testing.assert_allclose(a[:, 0], -b[:, 0], atol=1e-7)
        np.testing.assert_allclose(a[:, 1:], b[:, 1:], atol=1e-7)


class LogitsGolden(unittest.TestCase):
    def test_pytorch_matches_golden(self):
        try:
            import torch
        except ImportError:
            self.skipTest('python3-torch is not installed')
        from model import LetterNet
        model = LetterNet()
        model.load_state_dict(torch.load(os.path.join(MODELS, 'letters.pt')))
        model.eval()
        golden = load('logits.json')
        self.assertEqual({c['seq'] for c in golden['cases']}, {1, 32})
        with torch.no_grad():
            for case in golden['cases']:
                x = torch.tensor(case['input'], dtype=torch.float32).reshape(1, case['seq'], 21, 3)
                err = np.max(np.abs(model(x).numpy()[0] - np.array(case['logits'])))
                self.assertLess(err, 1e-4, case['name'])

    def test_onnx_signature(self):
        try:
            import onnx
        except ImportError:
            self.skipTest('python3-onnx is not installed')
        m = onnx.load(os.path.join(MODELS, 'letters.onnx'))
        onnx.checker.check_model(m)
        self.assertGreaterEqual(max(o.version for o in m.opset_import if o.domain in ('', 'ai.onnx')), 13)
        (inp,), (out,) = m.graph.input, m.graph.output
        self.assertEqual(inp.name, 'landmarks')
        self.assertEqual(out.name, 'logits')
        dims = [d.dim_param or d.dim_value for d in inp.type.tensor_type.shape.dim]
        self.assertTrue(isinstance(dims[0], str) and isinstance(dims[1], str), dims)
        self.assertEqual(dims[2:], [21, 3])
        self.assertEqual(out.type.tensor_type.shape.dim[1].dim_value, 29)
        self.assertLessEqual(os.path.getsize(os.path.join(MODELS, 'letters.onnx')), 2 * 1024 * 1024)
        with open(os.path.join(MODELS, 'labels.txt')) as f:
            labels = f.read().split()
        self.assertEqual(labels, [chr(65 + i) for i in range(26)] + ['space', 'del', 'nothing'])


class HandFeaturesContract(unittest.TestCase):
    """The features the model computes in its graph: the palm-frame points, joint bends and fingertip gaps must not
    change when the hand turns, and the palm frame must (it carries G/Q, H/U, K/P)."""

    def test_turning_the_hand_changes_only_the_palm_frame(self):
        try:
            import torch
        except ImportError:
            self.skipTest('python3-torch is not installed')
        from model import HandFeatures
        from synth import rotation_matrix
        hands = np.stack([np.array(c['normalised']).reshape(21, 3) for c in load('normalisation.json')['cases'][:-1]])
        turned = hands @ rotation_matrix(0.4, -0.3, 1.1).T
        features = HandFeatures()
        a = features(torch.tensor(hands)).numpy()
        b = features(torch.tensor(turned)).numpy()
        frame = slice(126, 135)
        invariant = np.concatenate([a[:, 63:126], a[:, 135:]], 1), np.concatenate([b[:, 63:126], b[:, 135:]], 1)
        np.testing.assert_allclose(invariant[0], invariant[1], atol=1e-5)
        self.assertGreater(np.min(np.max(np.abs(a[:, frame] - b[:, frame]), 1)), 0.1)
        self.assertEqual(a.shape[1], HandFeatures.SIZE)

    def test_crossing_reads_the_order_of_index_and_middle_only_when_both_reach_out(self):
        try:
            import torch
        except ImportError:
            self.skipTest('python3-torch is not installed')
        from model import HandFeatures

        def hand(index_x, middle_reach):
            # Upright hand in image coordinates (y down), knuckles 1 palm unit above the wrist, the index
            # knuckle on the thumb side (x > 0); each finger straight up from its knuckle by `reach`.
            p = np.zeros((21, 3))
            p[1:5] = [[0.3, -0.3, 0], [0.5, -0.5, 0], [0.6, -0.7, 0], [0.7, -0.9, 0]]
            for knuckle, x, reach in ((5, 0.3, 1.0), (9, 0.1, middle_reach), (13, -0.1, 0.2), (17, -0.3, 0.2)):
                p[knuckle] = [x, -1.0, 0]
                for joint in (1, 2, 3):
                    p[knuckle + joint] = [x, -1.0 - reach * joint / 3, 0]
            p[6:9, 0] = index_x
            return p

        features = HandFeatures()
        crossing = slice(HandFeatures.SIZE - len(HandFeatures.CROSSING), HandFeatures.SIZE)
        side_by_side, crossed, curled = (features(torch.tensor(h))[crossing].numpy()
                                         for h in (hand(0.3, 1.0), hand(0.0, 1.0), hand(0.3, -0.3)))
        self.assertTrue(np.all(side_by_side > 0.9), side_by_side)  # U
        self.assertTrue(np.all(crossed < -0.7), crossed)  # R
        np.testing.assert_allclose(curled, 0, atol=1e-6)  # the middle fingertip folded back below its knuckle


class AugmentationContract(unittest.TestCase):
    """Augmentations that model one thing must change only that thing."""

    @staticmethod
    def upright_hand_pointing_up():
        """Normalised upright hand in image coordinates (y down), knuckles 1 palm unit above the wrist: the index
        straight up, the other three fingers curled into the palm (tips back below their knuckles), the thumb along
        the index."""
        from normalise import renormalise
        p = np.zeros((21, 3))
        p[1:5] = [[0.3, -0.3, 0], [0.5, -0.5, 0], [0.6, -0.7, 0], [0.7, -0.9, 0]]
        for knuckle, x in ((5, 0.3), (9, 0.1), (13, -0.1), (17, -0.3)):
            p[knuckle] = [x, -1.0, 0]
            p[knuckle + 1:knuckle + 4] = [[x, -1.33, 0], [x, -1.67, 0], [x, -2.0, 0]] if knuckle == 5 else \
                [[x, -1.2, -0.2], [x, -1.1, -0.35], [x, -0.9, -0.3]]
        return renormalise(p[None])[0]

    def test_folding_hidden_fingertips_moves_only_the_tips_of_curled_fingers(self):
        from synth import fold_hidden_fingertips
        before = self.upright_hand_pointing_up()
        after = fold_hidden_fingertips(before[None], np.random.default_rng(3), 2.8)[0]
        tips = [12, 16, 20]
        others = [i for i in range(21) if i not in tips]
        np.testing.assert_allclose(after[others], before[others], atol=1e-6)
        self.assertTrue(np.all(np.linalg.norm(after[tips] - before[tips], axis=-1) > 0.01))
        np.testing.assert_allclose(np.linalg.norm(after[tips] - after[[11, 15, 19]], axis=-1),
                                   np.linalg.norm(before[tips] - before[[11, 15, 19]], axis=-1), atol=1e-5)

    def test_hooking_the_index_bends_only_its_middle_and_last_joints_towards_the_palm(self):
        from synth import hand_axes, hook_index
        before = self.upright_hand_pointing_up()
        after = hook_index(before[None], np.random.default_rng(5), 0.2, 1.1)[0]
        moved = [7, 8]
        others = [i for i in range(21) if i not in moved]
        np.testing.assert_allclose(after[others], before[others], atol=1e-6)
        bones = [(6, 7), (7, 8)]
        np.testing.assert_allclose([np.linalg.norm(after[b] - after[a]) for a, b in bones],
                                   [np.linalg.norm(before[b] - before[a]) for a, b in bones], atol=1e-6)

        def middle_joint_cosine(q):
            first, second = q[6] - q[5], q[7] - q[6]
            return first @ second / np.linalg.norm(first) / np.linalg.norm(second)

        self.assertGreater(middle_joint_cosine(before), 0.999)
        self.assertLess(middle_joint_cosine(after), np.cos(0.2) + 1e-9)
        palm_side = hand_axes(before[None])[2][0]
        self.assertGreater((after[8] - before[8]) @ palm_side, 0.01)  # the tip goes towards the palm, not away


if __name__ == '__main__':
    unittest.main()
