#!/usr/bin/env python3
"""Compares the labels of paralign binaries on documents made from the
versions of the test corpus, whose every paragraph's language is known:

  joined   the versions of a document one after another, in every order
  planted  one version with five short lines of another planted in it,
           twelve documents per pair of versions (random, seed 7), and
           with three pairs of them, one after the other, in six more
  turn     two versions paragraph by paragraph

It prints, per binary, how many paragraphs are labelled otherwise than
their language (planted lines: how many are found), then every paragraph
whose label differs between the first binary and each other one.

  scripts/label-variants.py OLD-paralign NEW-paralign

Reads testdata/ and, when present, ../shared/corpus (twelve-factor,
commons-code-satzung). Takes about five minutes a binary on two cores.
"""
import concurrent.futures
import itertools
import json
import os
import random
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(ROOT, "..", "shared", "corpus")


def read(path):
    raw = open(path, "rb").read()
    if "udhr-nltk" in path:  # Latin-1, and CP1251 for Russian
        return raw.decode("cp1251" if path.endswith("ru.txt") else "latin-1")
    return raw.decode("utf-8")


def families():
    fams = {
        "udhr": {l: f"{ROOT}/testdata/udhr-nltk/{l}.txt" for l in ["en", "es", "de", "ru"]},
        "charter": {l: f"{ROOT}/testdata/charter/{l}.txt" for l in ["en", "es", "de", "ru"]},
        "tf": {l: f"{SHARED}/twelve-factor/{l}.md" for l in ["en", "es", "de", "ru"]},
        "satzung": {l: f"{SHARED}/commons-code-satzung/{l}.md" for l in ["en", "de"]},
    }
    return {n: fs for n, fs in fams.items() if all(os.path.exists(p) for p in fs.values())}


def paras(text):
    return [p.strip("\n") for p in re.split(r"\n\s*\n", text) if p.strip()]


def letters(s):
    return sum(c.isalpha() for c in s)


def make(out):
    """Writes the documents into out; returns [(path, [(first line, last line, lang)])]."""
    docs = []

    def write(name, ext, parts):  # parts: [(text, lang)]
        path = os.path.join(out, name + ext)
        spans, line = [], 1
        for text, lang in parts:
            k = text.count("\n") + 1
            spans.append((line, line + k - 1, lang))
            line += k + 1
        open(path, "w", encoding="utf-8").write("\n\n".join(t for t, _ in parts) + "\n")
        docs.append((path, spans))

    rng = random.Random(7)
    for name, fs in families().items():
        ext = os.path.splitext(next(iter(fs.values())))[1]
        ps = {l: paras(read(p)) for l, p in fs.items()}
        for order in itertools.permutations(fs):
            write(f"joined-{name}-{'-'.join(order)}", ext, [(p, l) for l in order for p in ps[l]])
        for a, b in itertools.permutations(fs, 2):
            turn = [(ps[l][i], l) for i in range(max(len(ps[a]), len(ps[b]))) for l in (a, b) if i < len(ps[l])]
            write(f"turn-{name}-{a}-{b}", ext, turn)
            if "ru" in (a, b):
                continue
            lines = [p for p in ps[b] if "\n" not in p and 8 <= letters(p) < 100 and not p.startswith(("<", "|", "-", "*", "#", "!", "[", "`"))]
            if len(lines) < 3 or len(ps[a]) < 8:
                continue
            for k in range(12):
                picks = rng.sample(lines, min(5, len(lines)))
                parts = [(p, a) for p in ps[a]]
                for off, (at, p) in enumerate(zip(sorted(rng.sample(range(3, len(ps[a]) - 2), len(picks))), picks)):
                    parts.insert(at + off, (p, b))
                write(f"planted-{name}-{a}-with-{b}-{k}", ext, parts)
            for k in range(6):
                parts = [(p, a) for p in ps[a]]
                for off, at in enumerate(sorted(rng.sample(range(3, len(ps[a]) - 2), 3))):
                    for p in rng.sample(lines, 2):
                        parts.insert(at + 2 * off, (p, b))
                write(f"planted-{name}-{a}-with-{b}-pairs-{k}", ext, parts)
    return docs


def labels(binary, docs):
    def one(doc):
        path, spans = doc
        out = subprocess.run([binary, "detect", "--format", "jsonl", path], capture_output=True, text=True, check=True).stdout
        got = {}
        for line in out.splitlines():
            r = json.loads(line)
            if r["lang"] != "none":
                truth = next(l for a, z, l in spans if a <= r["start"] <= z)
                got[(os.path.basename(path), r["start"])] = (r["lang"], truth, r["text"][:60])
        return got

    res = {}
    with concurrent.futures.ThreadPoolExecutor(2) as ex:
        for got in ex.map(one, docs):
            res.update(got)
    return res


def main():
    bins = sys.argv[1:]
    if not bins:
        sys.exit(__doc__)
    with tempfile.TemporaryDirectory() as out:
        docs = make(out)
        res = {b: labels(b, docs) for b in bins}
    print(f"{len(docs)} documents")
    for b in bins:
        for kind in ("joined", "planted", "turn"):
            items = [v for k, v in res[b].items() if k[0].startswith(kind)]
            wrong = sum(v[0] != v[1] for v in items)
            print(f"{b} {kind}: {len(items)} paragraphs, {wrong} not labelled their language")
    for b in bins[1:]:
        for k, v in sorted(res[bins[0]].items()):
            w = res[b][k]
            if v[0] != w[0]:
                mark = "better" if w[0] == v[1] else "worse" if v[0] == v[1] else "other"
                print(f"  {mark}: {k[0]}:{k[1]} ({v[1]}) {v[0]} -> {w[0]}  {v[2]!r}")


if __name__ == "__main__":
    main()
