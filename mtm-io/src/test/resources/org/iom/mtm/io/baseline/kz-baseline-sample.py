import csv, statistics, io
rayons = [("KAZ014","Mangystau Region","KAZ014001","Aktau"),
          ("KAZ014","Mangystau Region","KAZ014002","Beyneu District"),
          ("KAZ004","Almaty","KAZ004002","Almaly District"),
          ("KAZ005","Almaty Region","KAZ005001","Balkhash District"),
          ("KAZ011","Karaganda Region","KAZ011005","Karaganda")]
# base counts 2020 per rayon x nationality (first informant), growth factors per year
base = {
 "KAZ014001": {"UZB": 4200, "RUS": 310, "TJK": 150, "AZE": 120},
 "KAZ014002": {"UZB": 900, "TJK": 60},
 "KAZ004002": {"UZB": 2300, "RUS": 420, "KGZ": 260, "AZE": 90},
 "KAZ005001": {"UZB": 640, "KGZ": 120},
 "KAZ011005": {"UZB": 700, "RUS": 260, "TJK": 80},
}
growth = {"UZB": (1.10, 1.25), "RUS": (1.30, 1.50), "TJK": (1.15, 1.20), "KGZ": (1.20, 1.60), "AZE": (1.05, 1.35)}
# informant offsets (multiplicative) per rayon: 2 or 3 informants
informants = {"KAZ014001": [1.0, 0.96, 1.05], "KAZ014002": [1.0, 1.08], "KAZ004002": [1.0, 0.95, 1.02],
              "KAZ005001": [1.0], "KAZ011005": [1.0, 1.1]}
rows = []
for a1, a1n, a2, a2n in rayons:
    for nat, c0 in base[a2].items():
        g1, g2 = growth[nat]
        vals = {2020: c0, 2021: round(c0*g1), 2022: round(c0*g1*g2)}
        for y in (2020, 2021, 2022):
            for k, f in enumerate(informants[a2]):
                ki = "KI-%s-%d" % (a2[3:], k+1)
                v = round(vals[y]*f)
                # one informant far off: Almaly KGZ 2022, informant 3 triples
                if a2 == "KAZ004002" and nat == "KGZ" and y == 2022 and k == 2:
                    v = vals[y]*3
                rows.append([a1, a1n, a2, a2n, "migrant_worker", nat, y, v, ki])
# a declared total for Mangystau 2022 (all nationalities), exact sum of medians, and one Almaty city 2022 total
def med(a2, nat, y):
    return statistics.median([r[7] for r in rows if r[2]==a2 and r[5]==nat and r[6]==y])
cells = sorted({(r[2], r[5], r[6]) for r in rows})
tot = {}
for a2,nat,y in cells:
    tot.setdefault(y, 0); tot[y] += med(a2,nat,y)
print("country totals", tot)
mang22 = sum(med(a2,nat,2022) for a2,nat,y in cells if a2.startswith("KAZ014") and y==2022)
print("mangystau 2022", mang22)
out = io.StringIO()
w = csv.writer(out, lineterminator="\n")
w.writerow("admin1_pcode,admin1_name,admin2_pcode,admin2_name,population_type,nationality,year,count,informant_id".split(","))
for r in rows: w.writerow(r)
w.writerow(["KAZ014","Mangystau Region","","","migrant_worker","",2022,int(mang22),"KI-014001-1"])
open("baseline.csv","w").write(out.getvalue())
bynat = {}
for a2,nat,y in cells:
    bynat.setdefault((nat,y),0); bynat[(nat,y)] += med(a2,nat,y)
for k in sorted(bynat): print(k, bynat[k])
byreg = {}
for a2,nat,y in cells:
    byreg.setdefault((a2[:6],y),0); byreg[(a2[:6],y)] += med(a2,nat,y)
for k in sorted(byreg): print(k, byreg[k])
for y in (2021, 2022): print("growth", y, tot[y]/tot[y-1]-1)
print("cagr", (tot[2022]/tot[2020])**0.5-1)
dis = [(a2,nat,y) for a2,nat,y in cells if (lambda v: max(v)>2*min(v))([r[7] for r in rows if r[2]==a2 and r[5]==nat and r[6]==y])]
print("disagree", dis)
print(len(rows), "records", len(cells), "cells")
