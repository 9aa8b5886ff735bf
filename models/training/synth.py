"""Augmentation and the three made-up classes (space, del, nothing), all built from real frames.

Every function takes and returns canonical landmarks ([T, 21, 3], see normalise.py) and draws its
randomness from the numpy Generator it is given, so a fixed seed reproduces training exactly.
"""
import numpy as np

from normalise import renormalise

THUMB = (1, 2, 3, 4)
FINGERS = ((5, 6, 7, 8), (9, 10, 11, 12), (13, 14, 15, 16), (17, 18, 19, 20))


def _unit(v):
    return v / np.maximum(np.linalg.norm(v, axis=-1, keepdims=True), 1e-9)


def hand_axes(p):
    """Per-frame palm axes: u wrist->middle knuckle (finger direction), v pinky->index knuckle, n = u x v."""
    u = _unit(p[:, 9] - p[:, 0])
    v0 = p[:, 5] - p[:, 17]
    v = _unit(v0 - np.sum(v0 * u, -1, keepdims=True) * u)
    n = np.cross(u, v)
    return u, v, n


def _rodrigues(vecs, axis, angle):
    """Rotates vecs [T, K, 3] about unit axis [T, 3] by angle (radians)."""
    k = axis[:, None, :]
    c, s = np.cos(angle), np.sin(angle)
    return vecs * c + np.cross(k, vecs) * s + k * np.sum(k * vecs, -1, keepdims=True) * (1 - c)


def rotation_matrix(yaw, pitch, roll):
    """roll: in the image plane (about z); pitch about x; yaw about y. Scalars or arrays [B] -> [..., 3, 3]."""
    yaw, pitch, roll = (np.asarray(a, dtype=np.float64) for a in (yaw, pitch, roll))
    z, o = np.zeros_like(roll), np.ones_like(roll)
    cz, sz = np.cos(roll), np.sin(roll)
    cx, sx = np.cos(pitch), np.sin(pitch)
    cy, sy = np.cos(yaw), np.sin(yaw)
    rz = np.stack([np.stack([cz, -sz, z], -1), np.stack([sz, cz, z], -1), np.stack([z, z, o], -1)], -2)
    rx = np.stack([np.stack([o, z, z], -1), np.stack([z, cx, -sx], -1), np.stack([z, sx, cx], -1)], -2)
    ry = np.stack([np.stack([cy, z, sy], -1), np.stack([z, o, z], -1), np.stack([-sy, z, cy], -1)], -2)
    return rz @ rx @ ry


def vary_proportions(p, rng, spread=0.12):
    """Finger-length variation on a batch [B, T, 21, 3]: each finger's (and the thumb's) bones scaled by one
    factor in 1 +/- spread per example; palm width changed by up to +/- 8 % about the middle knuckle."""
    b = p.shape[0]
    out = p.copy()
    for chain in (THUMB,) + FINGERS:
        f = (1.0 + rng.uniform(-spread, spread, b))[:, None, None]
        for a, c in zip(chain[:-1], chain[1:]):
            out[:, :, c] = out[:, :, a] + f * (p[:, :, c] - p[:, :, a])
    w = rng.uniform(-0.08, 0.08, b)[:, None, None, None]
    shift = w * (p[:, :, (5, 13, 17)] - p[:, :, 9:10])
    for j, k in enumerate((5, 13, 17)):
        chain = next(c for c in FINGERS if c[0] == k)
        out[:, :, list(chain)] += shift[:, :, j:j + 1]
    return out


def augment(p, rng, strength=1.0):
    """Person/camera variation for a batch [B, T, 21, 3]: one draw per example (the same for all its frames),
    then per-frame noise. Exactly:
      finger lengths x U(0.88, 1.12) per finger and thumb, palm width x U(0.92, 1.08);
      rotation: yaw, pitch ~ N(0, 0.15 rad), roll (image plane) ~ U(-0.35, 0.35) rad (+/- 20 deg);
      anisotropic scale x * a, y / a with a = exp(U(-0.3, 0.3)) (roboflow was stretched to square);
      depth z * U(0.6, 1.4); noise: xyz ~ N(0, s) per point and frame with s ~ U(0, 0.025) per example,
      plus z ~ N(0, 0.04); mirrored (x -> -x) with probability 0.1; seen from behind (turned 180 degrees
      about the vertical axis: x -> -x and z -> -z) with probability 0.25; then renormalised."""
    b, t = p.shape[:2]
    p = vary_proportions(p, rng)
    r = rotation_matrix(rng.normal(0, 0.15 * strength, b), rng.normal(0, 0.15 * strength, b),
                        rng.uniform(-0.35, 0.35, b) * strength)
    p = np.einsum('btkj,bij->btki', p, r)
    a = np.exp(rng.uniform(-0.3, 0.3, b) * strength)
    scale = np.stack([a, 1.0 / a, rng.uniform(0.6, 1.4, b)], -1)
    # A mirrored hand is the same letter signed with the other hand; this also covers a wrong handedness label.
    scale[:, 0] *= np.where(rng.random(b) < 0.1, -1.0, 1.0)
    # Seen from behind: many roboflow photos are taken over the signer's shoulder, and there a sideways letter
    # (G, H) points the other way than in a webcam's view. A turn, not a mirror: the hand keeps its chirality.
    behind = np.where(rng.random(b) < 0.25, -1.0, 1.0)
    scale[:, 0] *= behind
    scale[:, 2] *= behind
    p = p * scale[:, None, None, :]
    sigma = (rng.uniform(0.0, 0.025, b) * strength)[:, None, None, None]
    p = p + rng.normal(0, 1, p.shape) * sigma
    p[..., 2] += rng.normal(0, 0.04 * strength, p.shape[:-1])
    return renormalise(p)


def _turn_about(points, origin, axis, angle):
    """Turns points [T, K, 3] by angle (radians) about the line through origin [T, 3] along unit axis [T, 3]."""
    return _rodrigues(points - origin[:, None, :], axis, angle) + origin[:, None, :]


def _straight(p, base, middle, tip, min_cos=0.8):
    """True when the bone base->middle and the rest of the chain middle->tip point the same way in every frame."""
    first = _unit(p[:, middle] - p[:, base])
    rest = _unit(p[:, tip] - p[:, middle])
    return bool(np.all(np.sum(first * rest, -1) > min_cos))


def trade_wrist_for_knuckles(p, rng, max_angle):
    """Another person's way of pointing the same way, for one example [T, 21, 3].

    People split one pointing direction differently between the wrist and the knuckles: one signer's G is an
    upright hand with the index bent 70 degrees at the knuckle, another's a level hand with the index straight.
    Here the palm tilts by theta about the knuckle line (v, through the wrist), and every finger that is straight
    beyond its knuckle, and the thumb when straight beyond its base joint, is bent back by theta there, so it points
    exactly where it pointed; curled fingers move with the palm. theta ~ U(-max_angle, max_angle), clamped so that
    no straight finger ends up bent at the knuckle by more than 95 degrees or stretched back by more than 25."""
    p = p.astype(np.float64)
    fingers = [chain for chain in FINGERS if _straight(p, chain[0], chain[1], chain[3])]
    theta = rng.uniform(-max_angle, max_angle)
    if not fingers:
        return p
    u, v, n = hand_axes(p)
    lo, hi = -np.inf, np.inf
    for chain in fingers:
        d = _unit(p[:, chain[1]] - p[:, chain[0]])
        bend = np.arctan2(np.sum(d * n, -1), np.sum(d * u, -1))  # towards the palm (+n) is positive
        lo = max(lo, float(np.max(bend)) - 1.66)
        hi = min(hi, float(np.min(bend)) + 0.44)
    theta = float(np.clip(theta, lo, hi)) if lo <= hi else 0.0
    # Turning by -theta about v moves the finger direction u towards the palm side n by theta.
    q = _turn_about(p, p[:, 0], v, -theta)
    if _straight(p, 2, 3, 4):
        fingers.append(THUMB)
    for chain in fingers:
        q[:, list(chain[1:])] = _turn_about(q[:, list(chain[1:])], q[:, chain[0]], v, theta)
    return renormalise(q)


def fold_hidden_fingertips(p, rng, max_angle):
    """What the tracker draws for fingertips hidden inside a fist, for one example [T, 21, 3].

    Seen from the back or from above, the fingertips of a fist are out of sight, and the hand landmark model
    often draws them folded back at the last joint, further than a finger bends (the last bone pointing back
    up towards the knuckles). Here the last bone of every finger curled into the palm (its tip not beyond its
    knuckle along u in any frame) turns about its last joint, axis v, by one delta ~ U(0, max_angle)."""
    p = p.astype(np.float64)
    u, v, n = hand_axes(p)
    curled = [chain for chain in FINGERS if np.all(np.sum((p[:, chain[3]] - p[:, chain[0]]) * u, -1) < 0.05)]
    if not curled:
        return p
    delta = rng.uniform(0, max_angle)
    q = p.copy()
    for chain in curled:
        q[:, chain[3:4]] = _turn_about(p[:, chain[3:4]], p[:, chain[2]], v, -delta)
    return renormalise(q)


def hook_index(p, rng, min_angle, max_angle):
    """An X hooked as deeply as other signers hook it, for one example [T, 21, 3].

    X is the index hooked at its middle joint. The CSV signer's X is nearly straight there (median cosine 0.95,
    18 degrees), the t32rahman signer's bent 54 degrees (0.59), so a straight-index D of another signer looked more
    like the CSV's X than a deeply hooked X did. Here the index's last two bones turn about its middle joint, axis
    v, by a ~ U(min_angle, max_angle) towards the palm, and its last bone about its last joint by a share of that
    (up to half of a at the deepest), as a finger curls."""
    p = p.astype(np.float64)
    _, v, _ = hand_axes(p)
    middle_bend = rng.uniform(min_angle, max_angle)
    last_bend = rng.uniform(0, 0.5) * middle_bend / max_angle
    q = p.copy()
    q[:, 7:9] = _turn_about(p[:, 7:9], p[:, 6], v, -middle_bend)
    q[:, 8:9] = _turn_about(q[:, 8:9], q[:, 7], v, -last_bend)
    return renormalise(q)


def resample(run, rng, length, speed):
    """A window of `length` frames read from `run` at `speed` x the recorded pace (linear interpolation)."""
    n = run.shape[0]
    span = (length - 1) * speed
    if span >= n - 1:
        speed = (n - 1) / max(length - 1, 1)
        span = n - 1
    start = rng.uniform(0, n - 1 - span)
    pos = start + speed * np.arange(length)
    i0 = np.floor(pos).astype(int)
    i1 = np.minimum(i0 + 1, n - 1)
    f = (pos - i0)[:, None, None]
    return run[i0] * (1 - f) + run[i1] * f


def hold(frame, rng, length):
    """A still photo held for `length` frames: small tremor and a slow drift of angle and depth."""
    t = np.linspace(0, 1, length)[:, None, None]
    drift = rng.normal(0, 0.05)
    p = np.repeat(frame[None], length, 0).astype(np.float64)
    c, s = np.cos(drift * t), np.sin(drift * t)
    x, y = p[..., 0:1], p[..., 1:2]
    p = np.concatenate([x * c - y * s, x * s + y * c, p[..., 2:3]], -1)
    return p + rng.normal(0, 0.01, p.shape)


def ease(n):
    x = np.linspace(0, 1, n)
    return 0.5 - 0.5 * np.cos(np.pi * x)


def transition(a, b, rng, n):
    """n frames moving from pose a to pose b with an eased, slightly wobbling path (joint-wise interpolation)."""
    w = ease(n)[:, None, None]
    wobble = rng.normal(0, 0.15, (1, 21, 3)) * np.sin(np.pi * w)
    return a[None] * (1 - w) + b[None] * w + wobble


# --- space: the open "5" hand, made from real B frames (flat hand, fingers together, thumb folded) ---
def make_space(b_frames, rng):
    p = b_frames.astype(np.float64).copy()
    u, v, n = hand_axes(p)
    angles = {0: rng.uniform(0.22, 0.38), 1: rng.uniform(-0.05, 0.05),
              2: -rng.uniform(0.18, 0.32), 3: -rng.uniform(0.38, 0.6)}
    for fi, chain in enumerate(FINGERS):
        base = p[:, chain[0]:chain[0] + 1]
        rest = p[:, list(chain[1:])] - base
        # Straighten (B's fingers can be slightly bent) along the knuckle's direction, then fan out in the palm plane.
        lengths = np.linalg.norm(np.diff(p[:, list(chain)], axis=1), axis=-1)
        straight = np.cumsum(lengths, 1)[..., None] * u[:, None, :]
        rest = 0.5 * rest + 0.5 * straight
        p[:, list(chain[1:])] = base + _rodrigues(rest, n, angles[fi])
    phi = rng.uniform(0.75, 1.2)      # thumb angle from the finger direction towards the index side
    lift = rng.uniform(0.0, 0.25)     # slightly out of the palm plane, towards the camera
    d = _unit(np.cos(phi) * u + np.sin(phi) * v - lift * n)
    lengths = np.linalg.norm(np.diff(p[:, list(THUMB)], axis=1), axis=-1)
    for k, j in enumerate(THUMB[1:]):
        p[:, j] = p[:, THUMB[k]] + lengths[:, k:k + 1] * d
    return renormalise(p)


# --- del: thumbs-down, made from real A frames (fist, thumb alongside the index, pointing up) ---
def make_del(a_frames, rng):
    p = a_frames.astype(np.float64).copy()
    u, v, n = hand_axes(p)
    # Thumb straightened and stuck out along the finger direction, tilted a little away from the fist.
    d = _unit(np.cos(0.35) * u + np.sin(0.35) * v + rng.uniform(-0.1, 0.1) * n)
    lengths = np.linalg.norm(np.diff(p[:, list(THUMB)], axis=1), axis=-1) * 1.1
    for k, j in enumerate(THUMB[1:]):
        p[:, j] = p[:, THUMB[k]] + lengths[:, k:k + 1] * d
    # Turned upside down in the image plane: the thumb points to the floor, the wrist is on top.
    ang = np.pi + rng.uniform(-0.3, 0.3)
    r = rotation_matrix(0, 0, ang)
    return renormalise(p @ r.T)


def far_apart(a, b, threshold=0.45):
    return np.mean(np.linalg.norm(a - b, axis=-1)) > threshold
