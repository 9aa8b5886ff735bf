"""The letter model: hand-shape features computed in the graph, a per-frame embedding, one LSTM layer, a linear
head on the last time step.

One network serves both modes: seq 1 (per-frame: the LSTM takes one step from a zero state) and seq 32
(a sliding window, so J and Z are read from their motion). The input is the normalised landmarks of
normalise.py; everything else is computed inside the exported graph, so Java feeds the same 63 floats."""
import torch
from torch import nn

NUM_CLASSES = 29
FINGER_CHAINS = ((0, 1, 2, 3, 4), (0, 5, 6, 7, 8), (0, 9, 10, 11, 12), (0, 13, 14, 15, 16), (0, 17, 18, 19, 20))
TIPS = (4, 8, 12, 16, 20)


def _unit(v):
    return v / torch.sqrt(torch.sum(v * v, -1, keepdim=True) + 1e-9)


class HandFeatures(nn.Module):
    """[..., 21, 3] normalised landmarks -> [..., 162]: the points as given (63); the points in the palm's own
    frame (63), which do not change when the hand turns, so one person's slightly turned letter looks like
    another's; that frame itself (9), so the letters told apart by orientation (G/Q, H/U, K/P) still are; the
    cosine of the angle at every finger joint (15); the distances between fingertips (10); and whether the index
    and middle finger cross (2). The last three do not change with finger length or palm width either. A
    network could learn these from the points, but not from the few signers in the training data."""

    # (index point, middle point): tips and last joints. Across the palm the index lies on the thumb side of the
    # middle finger in U, H and V, on the other side in R, and every signer's R keeps that order while the
    # rest of the hand varies. tanh(d / CROSSING_SCALE) makes the order itself the feature, not how far apart
    # the fingers are (R crosses by 0.06 palm units in the unseen photos, 0.13 in the training signer's frames).
    CROSSING = ((8, 12), (7, 11))
    CROSSING_SCALE = 0.1
    # Curled fingers have no order worth reading (it is noise that differs from signer to signer), so the
    # crossing counts only as far as both fingers reach out of the palm: fully from 0.8 palm units.
    CROSSING_FULL_REACH = 0.8

    SIZE = 63 + 63 + 9 + 15 + 10 + len(CROSSING)

    def __init__(self):
        super().__init__()
        bone_from, bone_to = zip(*[(a, b) for chain in FINGER_CHAINS for a, b in zip(chain[:-1], chain[1:])])
        tip_a, tip_b = zip(*[(TIPS[i], TIPS[j]) for i in range(len(TIPS)) for j in range(i + 1, len(TIPS))])
        self.register_buffer('bone_from', torch.tensor(bone_from), persistent=False)
        self.register_buffer('bone_to', torch.tensor(bone_to), persistent=False)
        self.register_buffer('tip_a', torch.tensor(tip_a), persistent=False)
        self.register_buffer('tip_b', torch.tensor(tip_b), persistent=False)
        index_points, middle_points = zip(*self.CROSSING)
        self.register_buffer('crossing_index', torch.tensor(index_points), persistent=False)
        self.register_buffer('crossing_middle', torch.tensor(middle_points), persistent=False)

    def forward(self, p):
        # Palm frame: u wrist -> middle knuckle, v pinky -> index knuckle made orthogonal to u, n = u x v.
        u = _unit(p[..., 9, :] - p[..., 0, :])
        v0 = p[..., 5, :] - p[..., 17, :]
        v = _unit(v0 - torch.sum(v0 * u, -1, keepdim=True) * u)
        n = torch.cross(u, v, dim=-1)
        frame = torch.stack([u, v, n], -2)
        local = torch.matmul(p, frame.transpose(-1, -2))
        bones = _unit(p[..., self.bone_to, :] - p[..., self.bone_from, :])
        bones = bones.reshape(bones.shape[:-2] + (5, 4, 3))
        bend = torch.sum(bones[..., :-1, :] * bones[..., 1:, :], -1)
        gap = p[..., self.tip_a, :] - p[..., self.tip_b, :]
        dist = torch.sqrt(torch.sum(gap * gap, -1) + 1e-9)
        lead = p.shape[:-2]
        return torch.cat([p.reshape(lead + (63,)), local.reshape(lead + (63,)), frame.reshape(lead + (9,)),
                          bend.reshape(lead + (15,)), dist, self.crossing(local)], -1)

    def crossing(self, local):
        """> 0 where the index lies on the thumb side of the middle finger, < 0 where they cross, 0 when curled."""
        across = local[..., self.crossing_index, 1] - local[..., self.crossing_middle, 1]
        reach = torch.minimum(local[..., 8, 0] - local[..., 5, 0], local[..., 12, 0] - local[..., 9, 0])
        extended = torch.clamp(reach / self.CROSSING_FULL_REACH, 0, 1)
        return torch.tanh(across / self.CROSSING_SCALE) * extended[..., None]


class LetterNet(nn.Module):
    def __init__(self, width=128, hidden=128):
        super().__init__()
        self.width = width
        self.features = HandFeatures()
        self.embed = nn.Sequential(
            nn.Linear(HandFeatures.SIZE, width), nn.ReLU(), nn.Dropout(0.1),
            nn.Linear(width, width), nn.ReLU())
        self.lstm = nn.LSTM(width, hidden, num_layers=1, batch_first=True)
        self.dropout = nn.Dropout(0.2)
        self.head = nn.Linear(hidden, NUM_CLASSES)

    def forward(self, landmarks):
        """landmarks [batch, seq, 21, 3] (normalised) -> logits [batch, 29]."""
        return self.logits_and_last_embedding(landmarks)[0]

    def logits_and_last_embedding(self, landmarks):
        """The logits and the last frame's per-frame embedding [batch, width] (what training's source critic sees)."""
        h = self.embed(self.features(landmarks))
        out, _ = self.lstm(h)
        return self.head(self.dropout(out[:, -1])), h[:, -1]


def export_onnx(model, path):
    model.eval()
    example = torch.zeros(2, 32, 21, 3)
    torch.onnx.export(model, example, path, input_names=['landmarks'], output_names=['logits'],
                      dynamic_axes={'landmarks': {0: 'batch', 1: 'seq'}, 'logits': {0: 'batch'}},
                      opset_version=17, do_constant_folding=True)
