#!/usr/bin/env python3
"""Shrinks CUDA libraries for the trip to a GPU machine that can only be sent 64 MiB at a time.

A CUDA library carries its GPU code once per GPU generation (sm_50 ... sm_90) in "fatbin" containers.
`prune` zeroes, in every container that holds code for the target GPU, all the other entries (other
generations' machine code and PTX), so the file keeps its size and layout but compresses to a fraction;
containers without code for the target are left whole, so nothing the target could load is lost.
`strip` zeroes every entry: for a library the program must load but whose GPU code it never runs
(cuFFT, for a model with no FFT). A zeroed entry that were ever chosen would fail to load, loudly; it
cannot compute a wrong answer.

    fatbin.py list  LIB
    fatbin.py prune LIB OUT [SM]   (SM: 90 for Hopper, the default)
    fatbin.py strip LIB OUT
"""
import collections
import struct
import sys

MAGIC = struct.pack('<I', 0xBA55ED50)
KINDS = {1: 'ptx', 2: 'sass'}


def containers(data):
    """Yields (start, size, entries) per fatbin container; an entry is (kind, sm, payload offset, size)."""
    i = 0
    while True:
        i = data.find(MAGIC, i)
        if i < 0:
            return
        version, header_size, size = struct.unpack_from('<HHQ', data, i + 4)
        if version != 1 or header_size != 16 or size <= 0 or i + 16 + size > len(data):
            i += 4
            continue
        entries, p, end, ok = [], i + 16, i + 16 + size, True
        while p < end:
            kind, _, entry_header, payload = struct.unpack_from('<HHIQ', data, p)
            if kind not in KINDS or entry_header < 32 or p + entry_header + payload > end:
                ok = False
                break
            sm = struct.unpack_from('<I', data, p + 28)[0]
            entries.append((kind, sm, p + entry_header, payload))
            p += entry_header + payload
        if ok:
            yield i, size, entries
            i = end
        else:
            i += 4


def main(argv):
    mode, path = argv[1], argv[2]
    data = bytearray(open(path, 'rb').read())
    sm_kept = int(argv[4]) if mode == 'prune' and len(argv) > 4 else 90
    per_kind = collections.Counter()
    zeroed = kept_whole = count = 0
    for _, size, entries in list(containers(data)):
        count += 1
        for kind, sm, _, payload in entries:
            per_kind[(KINDS[kind], sm)] += payload
        if mode == 'prune' and not any(k == 2 and sm == sm_kept for k, sm, _, _ in entries):
            kept_whole += size
            continue
        for kind, sm, offset, payload in entries:
            if mode == 'strip' or (mode == 'prune' and not (kind == 2 and sm == sm_kept)):
                data[offset:offset + payload] = bytes(payload)
                zeroed += payload
    print(f'{path}: {len(data) / 1e6:.1f} MB, {count} fatbin containers: '
          + ', '.join(f'{k} sm_{sm} {n / 1e6:.1f} MB' for (k, sm), n in sorted(per_kind.items())))
    if mode in ('prune', 'strip'):
        print(f'  zeroed {zeroed / 1e6:.1f} MB; containers without sm_{sm_kept} code kept whole: {kept_whole / 1e6:.1f} MB')
        open(argv[3], 'wb').write(data)


if __name__ == '__main__':
    main(sys.argv)
