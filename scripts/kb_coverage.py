"""Coverage of the people table: for 40 newsworthy countries, the periods
from 2000 on in which no row covers a head of state (HoS), head of
government (HoG), foreign minister (FM) or defence minister (DM).

    python scripts/kb_coverage.py

Some gaps are structural (a president who also heads the government, a
monarch without political role); the rest are rows to add.
"""
from pathlib import Path
import collections, datetime as dt, sys
rows=[l.rstrip('\n').split('\t') for l in open(Path(__file__).resolve().parent.parent / 'src/dotterel/data/actors/people.tsv', encoding='utf-8') if not l.startswith('#') and l.strip()]
hdr=rows[0]; rows=[dict(zip(hdr,r)) for r in rows[1:]]
CAT={'HoS':['president','king','queen','emir','supreme leader','sultan','head of state','monarch','governor-general','chairman of the sovereignty council','chairman of the presidential council','grand duke'],
     'HoG':['prime minister','premier','chancellor','head of government','chief executive'],
     'FM':['foreign minister','secretary of state','foreign secretary','minister of foreign affairs','foreign affairs minister','minister for foreign affairs'],
     'DM':['defence minister','defense minister','secretary of defense','defence secretary','minister of defence','minister of defense','secretary of war','minister of national defense','minister of national defence','defense secretary']}
def cat(role):
    r=role.lower()
    if 'former' in r or 'deputy' in r or 'vice' in r or 'acting'==r[:6] and False: return None
    for c,keys in CAT.items():
        if any(r==k or r.startswith(k) or r.endswith(' '+k) for k in keys): return c
    return None
def d(s, end=False):
    if not s: return dt.date(2026,12,31)
    p=s.split('-')
    y=int(p[0]); m=int(p[1]) if len(p)>1 else (12 if end else 1); dd=int(p[2]) if len(p)>2 else (28 if end else 1)
    return dt.date(y,m,dd)
top40="USA RUS CHN GBR FRA DEU IRN IRQ ISR PSE SYR TUR SAU EGY AFG PAK IND UKR JPN KOR PRK LBN YEM LBY SDN ETH NGA SOM VEN BRA MEX COL ITA ESP POL CAN AUS IDN PHL ZAF".split()
spans=collections.defaultdict(list)
for r in rows:
    c=cat(r['role'])
    if c and r['country'] in top40:
        spans[(r['country'],c)].append((d(r['start']), d(r['end'],True)))
start=dt.date(2000,1,1); end=dt.date(2025,6,30)
total=0
for ctry in top40:
    out=[]
    for c in CAT:
        ss=sorted(spans.get((ctry,c),[]))
        # gaps > 60 days
        cur=start; gaps=[]
        for a,b in ss:
            if a>cur+dt.timedelta(days=60): gaps.append((cur,a))
            cur=max(cur,b)
        if cur<end-dt.timedelta(days=60): gaps.append((cur,end))
        g=sum((b-a).days for a,b in gaps); total+=g
        if gaps: out.append(f"{c}: "+", ".join(f"{a.isoformat()[:7]}..{b.isoformat()[:7]}" for a,b in gaps))
    if out: print(ctry, ' | '.join(out))
print('total gap days', total)
