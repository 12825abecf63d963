#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Checks the built-in scenario files against the data they were built from.

Usage: python3 scenarios/tools/check_scenarios.py   (needs PyYAML; exits 1 on any mismatch)

For each scenario: every number carries source ids, every cited id is listed under
`sources`, and every number equals its value in the folder's data/ CSVs.
"""
import csv
import pathlib
import sys

import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
errors = []


def err(msg):
    errors.append(msg)


def value(x, where, ids):
    """The number in `x` (plain or {value, sources}); records a problem if it has no sources."""
    if isinstance(x, dict):
        srcs = x.get('sources') or []
        if not srcs:
            err(f'{where}: no sources')
        for s in srcs:
            if s not in ids:
                err(f'{where}: unknown source id {s}')
        return float(x['value'])
    err(f'{where}: plain number {x!r} without sources')
    return float(x)


def load(path):
    doc = yaml.safe_load(path.read_text(encoding='utf-8'))
    ids = [s['id'] for s in doc['sources']]
    if len(ids) != len(set(ids)):
        err(f'{path.name}: duplicate source ids')
    return doc, set(ids)


def check_ukraine():
    folder = ROOT / 'ukraine-2025'
    doc, ids = load(folder / 'ukraine-2025.yaml')
    data = folder / 'data'
    rows = list(csv.DictReader(open(data / 'ukraine-2025.csv', encoding='utf-8')))
    res = list(csv.DictReader(open(data / 'reservation.csv', encoding='utf-8')))
    labels = {r['issue']: r for r in csv.DictReader(open(data / 'issues.csv', encoding='utf-8'))}
    headline = {'USA': 90, 'RUS': 85, 'UKR': 60, 'GBR': 50, 'FRA': 50, 'DEU': 55, 'EU': 55,
                'POL': 35, 'CHN': 45, 'HUN': 15}  # fact sheet 2.1
    actors = {a['id']: a for a in doc['actors']}
    issues = {i['id']: i for i in doc['issues']}
    if len(actors) != 10 or len(issues) != 8:
        err(f'ukraine: {len(actors)} actors, {len(issues)} issues (want 10, 8)')
    if doc['parties'] != ['USA', 'RUS', 'UKR', 'EU']:
        err(f'ukraine: parties {doc["parties"]}')
    if sorted(ids, key=lambda s: int(s[1:])) != [f'S{k}' for k in range(1, 92)]:
        err('ukraine: sources are not exactly S1..S91')
    for aid, cap in headline.items():
        a = actors[aid]
        if value(a['capability'], f'{aid}.capability', ids) != cap:
            err(f'{aid}: capability != {cap}')
    for r in res:
        if r['kind'] == 'issue_no_deal_point':
            got = value(issues[r['key']]['no_deal'], f'{r["key"]}.no_deal', ids)
        else:
            got = value(actors[r['key']]['no_deal_acceptability'], f'{r["key"]}.nda', ids)
        if got != float(r['value']):
            err(f'reservation {r["key"]}: {got} != {r["value"]}')
    for iid, lab in labels.items():
        iss = issues[iid]
        if iss['scale'] != {'min': 0, 'max': 100}:
            err(f'{iid}: scale {iss["scale"]}')
        anchors = {a['at']: a['label'] for a in iss['anchors']}
        for at in (0, 50, 100):
            if anchors.get(at) != lab[f'scale_{at}']:
                err(f'{iid}: anchor {at} label differs from issues.csv')
        want = {0, 50, 100} if iid == 'AID_BURDEN' else {0, 25, 50, 75, 100}
        if set(anchors) != want:
            err(f'{iid}: anchors at {sorted(anchors)}')
    cells = {(p['actor'], p['issue']): p for p in doc['positions']}
    if len(cells) != len(doc['positions']) or len(cells) != len(rows):
        err(f'ukraine: {len(doc["positions"])} position rows, {len(rows)} in the CSV')
    for r in rows:
        key = (r['actor'], r['issue'])
        p = cells.get(key)
        if p is None:
            err(f'{key}: missing')
            continue
        for f in ('capability', 'position', 'salience'):
            if value(p[f], f'{key}.{f}', ids) != float(r[f]):
                err(f'{key}.{f}: {p[f]} != {r[f]}')
    return len(rows)


def check_bdm():
    folder = ROOT / 'bdm1994-eu-emissions'
    doc, ids = load(folder / 'bdm1994-eu-emissions.yaml')
    rows = list(csv.DictReader(open(folder / 'data' / 'eu_emissions.csv', encoding='utf-8')))
    actors = {a['id']: a for a in doc['actors']}
    cells = {p['actor']: p for p in doc['positions']}
    if len(actors) != 10 or len(cells) != 10 or len(doc['issues']) != 1:
        err('bdm: want 10 actors, 10 position rows, 1 issue')
    if doc['issues'][0]['scale'] != {'min': 4, 'max': 10}:
        err('bdm: scale is not 4..10')
    num = den = 0.0
    for r in rows:
        c = value(actors[r['actor']]['capability'], f'{r["actor"]}.capability', ids)
        x = value(cells[r['actor']]['position'], f'{r["actor"]}.position', ids)
        s = value(cells[r['actor']]['salience'], f'{r["actor"]}.salience', ids)
        if (c, x, s) != (float(r['capability']), float(r['position']), float(r['salience'])):
            err(f'bdm {r["actor"]}: {(c, x, s)} != CSV')
        num += c * s * x
        den += c * s
    if abs(num / den - 7.389956) > 5e-7:
        err(f'bdm: weighted mean {num / den} != 7.389956')
    return len(rows)


n = check_ukraine() + check_bdm()
for e in errors:
    print(e, file=sys.stderr)
print(f'{n} rows checked, {len(errors)} problems')
sys.exit(1 if errors else 0)
