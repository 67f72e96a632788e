#!/usr/bin/env python3
# Checks the outputs of scripts/stream-bench.sh (run in its folder): the
# stream under 1 and 2 jobs and GNU parallel give the same bytes, and their
# rows equal batch mode's, Beam's shards sorted by document, and
# paralign align's on each set run alone.
import json, glob, sys, os
def recs(p):
    return [l.rstrip('\n') for l in open(p, encoding='utf-8')]
def rows_of(line):
    # raw rows text of a stream record, split at top level
    d = json.loads(line)
    return d['doc'], [json.dumps(r, ensure_ascii=False, separators=(',',':')) for r in d['rows']], d['error']
s1 = recs('s1.jsonl')
for other in ['s2.jsonl', 'par.jsonl']:
    if os.path.exists(other):
        print(other, 'identical to stream --jobs 1:', open(other,'rb').read() == open('s1.jsonl','rb').read())
# raw row bytes: use a decoder that keeps raw text
def raw_rows(line):
    dec = json.JSONDecoder()
    i = line.index('"rows":[') + len('"rows":[')
    out = []
    while line[i] != ']':
        _, j = dec.raw_decode(line, i)
        out.append(line[i:j]); i = j
        if line[i] == ',': i += 1
    return out
want = []
perdoc = {}
for line in s1:
    d = json.loads(line)
    name = json.dumps(d['doc'], ensure_ascii=False)
    rr = raw_rows(line)
    perdoc[d['doc']] = rr
    want += ['{"doc":' + name + ',' + r[1:] for r in rr]
print('stream rows', len(want))
if os.path.exists('batch.jsonl'):
    b = recs('batch.jsonl')
    print('batch --format jsonl identical to stream rows:', b == want, len(b))
shards = sorted(glob.glob('beam/c-rows-*.jsonl'))
if shards:
    lines = []
    for f in shards: lines += recs(f)
    lines.sort(key=lambda l: json.loads(l)['doc'])  # stable
    print('beam rows identical to stream rows (sorted by doc):', lines == want, len(lines), 'in', len(shards), 'shards')
loop = sorted(glob.glob('loop/*.jsonl'))
ok = sum(1 for f in loop if recs(f) == perdoc[os.path.basename(f)[:-6]])
print('single align runs identical to stream rows:', ok, 'of', len(loop))
