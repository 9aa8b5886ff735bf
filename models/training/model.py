"""The letter model: a per-frame embedding, one LSTM layer, a linear head on the last time step.

One network serves both modes: seq 1 (per-frame: the LSTM takes one step from a zero state) and seq 32
(a sliding window, so J and Z are read from their motion)."""
import torch
from torch import nn

NUM_CLASSES = 29
FEATURES = 63


class LetterNet(nn.Module):
    def __init__(self, width=96, hidden=128):
        super().__init__()
        self.embed = nn.Sequential(
            nn.Linear(FEATURES, width), nn.ReLU(),
            nn.Linear(width, width), nn.ReLU())
        self.lstm = nn.LSTM(width, hidden, num_layers=1, batch_first=True)
        self.dropout = nn.Dropout(0.2)
        self.head = nn.Linear(hidden, NUM_CLASSES)

    def forward(self, landmarks):
        """landmarks [batch, seq, 21, 3] (normalised) -> logits [batch, 29]."""
        h = self.embed(torch.flatten(landmarks, start_dim=2))
        out, _ = self.lstm(h)
        return self.head(self.dropout(out[:, -1]))


def export_onnx(model, path):
    model.eval()
    example = torch.zeros(2, 32, 21, 3)
    torch.onnx.export(model, example, path, input_names=['landmarks'], output_names=['logits'],
                      dynamic_axes={'landmarks': {0: 'batch', 1: 'seq'}, 'logits': {0: 'batch'}},
                      opset_version=17, do_constant_folding=True)
