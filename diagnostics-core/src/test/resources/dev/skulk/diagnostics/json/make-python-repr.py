import struct, sys
rows = []
for line in open('pydantic-floats.tsv'):
    if line.startswith('#') or not line.strip():
        continue
    rows.append(line.split('\t')[0])
extra = [1e-4, 1e-5, 9.9999e-5, 2.5e-7, 1e16, 9999999999999998.0, 8.0, 0.5, 45.0, 1e22, 1e-300, 5e-324]
for v in extra:
    rows.append('%016x' % struct.unpack('<Q', struct.pack('<d', v))[0])
print('# Python repr fixture: IEEE-754 bits of a double, TAB, the text CPython ' + sys.version.split()[0] + "'s repr(float) gives.")
print('# The bits are those of pydantic-floats.tsv plus a few around the switch to exponent form.')
print('# Regenerate: python3 make-python-repr.py (next to this file) > python-repr.tsv')
for h in rows:
    v = struct.unpack('<d', struct.pack('<Q', int(h, 16)))[0]
    print(h + '\t' + repr(v))
