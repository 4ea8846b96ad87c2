#!/usr/bin/env python3
"""Checks that every golden file changed since REV (default HEAD) differs only in PayloadUUID
values, and manifest.json only in the sha256 and uuid lines that follow from them; Graph bodies
are compared after decoding their payload. Run after a change meant to move UUIDs alone:
    python3 scripts/golden-diff-uuids.py [REV]
Exit 0 when so, 1 with each other difference listed."""
import base64, json, re, subprocess, sys
UUID = re.compile(r'[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}')
HEX = re.compile(r'[0-9a-f]{64}')
base = sys.argv[1] if len(sys.argv) > 1 else 'HEAD'
changed = subprocess.run(['git', 'diff', '--name-status', base, '--', 'samples'], capture_output=True, text=True).stdout.split('\n')
bad = 0; n = 0
def lines_ok(old, new, path):
    global bad
    o, w = old.split('\n'), new.split('\n')
    if len(o) != len(w):
        print(path, ': line count', len(o), '->', len(w)); bad += 1; return
    for i, (a, b) in enumerate(zip(o, w)):
        if a == b: continue
        if UUID.sub('U', a) != UUID.sub('U', b) and not path.endswith('manifest.json'):
            print(path, i + 1, ': not only a UUID:', a.strip()[:80], '|', b.strip()[:80]); bad += 1; continue
        if path.endswith('manifest.json'):
            if HEX.sub('H', UUID.sub('U', a)) != HEX.sub('H', UUID.sub('U', b)) or not re.search(r'"(sha256|uuid|payloadUuids?|uuids)"', a):
                print(path, i + 1, ': manifest line:', a.strip()[:100]); bad += 1
            continue
        if 'PayloadUUID' not in o[i - 1]:
            print(path, i + 1, ': UUID not after PayloadUUID:', o[i - 1].strip()[:80]); bad += 1
for line in changed:
    if not line: continue
    status, path = line.split('\t', 1)
    if status != 'M':
        print(path, ': status', status); bad += 1; continue
    n += 1
    old = subprocess.run(['git', 'show', base + ':' + path], capture_output=True).stdout.decode()
    new = open(path, encoding='utf-8').read()
    if path.endswith('.graph.json'):
        jo, jn = json.loads(old), json.loads(new)
        po, pn = base64.b64decode(jo.pop('payload')).decode(), base64.b64decode(jn.pop('payload')).decode()
        if jo != jn: print(path, ': JSON besides payload differs'); bad += 1
        lines_ok(po, pn, path + '#payload')
    else:
        lines_ok(old, new, path)
print(n, 'changed goldens checked;', bad, 'problems')
sys.exit(1 if bad else 0)
