"""Landmark normalisation: the one definition shared by training (here) and inference (Java
org.signspell.letters.LandmarkNormalizer). Any change here must change both, and the golden vectors.

Spec (version 1), for one hand of 21 landmarks as the tracker returns them (x, y fractions of the
image width and height, z MediaPipe's relative depth on the scale of x), on an image W x H pixels:

  1. Pixel units, aspect-correct:  p_i = (x_i * W, y_i * H, z_i * W).
  2. Wrist-relative:               p_i = p_i - p_0.
  3. Canonical chirality:          if mirror, x_i = -x_i. mirror is true when the tracker labels the hand
                                   "Left" (MediaPipe's label, which assumes a selfie-mirrored image). The
                                   canonical hand is therefore one MediaPipe calls "Right": a right hand in a
                                   mirrored (selfie) view, a left hand in a plain camera view. The asl-ai CSV
                                   is recorded that way.
  4. Scale by palm size:           s = mean of the 3-D distances |p_5|, |p_9|, |p_13|, |p_17| (wrist to the four
                                   finger knuckles, after step 2); p_i = p_i / s. If s < 1e-6 (a degenerate hand),
                                   s = 1.
  5. No rotation: the hand's angle in the image is kept, because it carries letter identity (H is U turned
     sideways, G/Q, K/P and I/J differ mostly by orientation). Training augments rotation instead.

Arithmetic is done in double precision and the result rounded to float32 once, so the Python and Java
implementations agree to well within 1e-5.
"""
import numpy as np

SPEC_VERSION = 1
NUM_LANDMARKS = 21
WRIST = 0
PALM_KNUCKLES = (5, 9, 13, 17)
MIN_SCALE = 1e-6

# The asl-ai CSV stores no image size. Its palm bones (rigid lengths) vary least from frame to frame when
# y is scaled by H/W = 0.50-0.56, and clearly more at 0.75 (4:3), so the recording was most likely a 16:9
# webcam stream: we take 1280 x 720 (only the ratio matters after step 4).
CSV_IMAGE_WIDTH = 1280
CSV_IMAGE_HEIGHT = 720


def normalise(landmarks, width, height, mirror):
    """landmarks: array [..., 21, 3] (x, y, z as the tracker returns them); width, height: image size in pixels
    (scalars or arrays broadcastable to the leading axes); mirror: bool or bool array over the leading axes.
    Returns float32 [..., 21, 3]."""
    p = np.asarray(landmarks, dtype=np.float64).copy()
    lead = p.shape[:-2]
    w = np.broadcast_to(np.asarray(width, dtype=np.float64), lead)[..., None]
    h = np.broadcast_to(np.asarray(height, dtype=np.float64), lead)[..., None]
    p[..., 0] *= w
    p[..., 1] *= h
    p[..., 2] *= w
    p -= p[..., WRIST:WRIST + 1, :]
    m = np.broadcast_to(np.asarray(mirror, dtype=bool), lead)
    p[..., 0] = np.where(m[..., None], -p[..., 0], p[..., 0])
    s = np.mean(np.linalg.norm(p[..., PALM_KNUCKLES, :], axis=-1), axis=-1)
    s = np.where(s < MIN_SCALE, 1.0, s)
    return (p / s[..., None, None]).astype(np.float32)


def renormalise(canonical):
    """Re-applies steps 2 and 4 to points already in canonical units (used after augmentation moved them)."""
    return normalise(canonical, 1.0, 1.0, False)
