#!/usr/bin/env python3
"""The precision side of score_report.py's `alignment`: how often claims of two DIFFERENT gold
facts are put in one cluster.

usage: align_precision.py REPORT.json EVENT_DIR

score_report.py's alignment counts the pairs of claims telling one gold fact that share a
cluster, so it grows without bound as clusters grow (one cluster holding every claim scores
1.0). This counts the other way: for every two gold facts (agreements and discrepancies) and
every side of each from different documents, whether their claims share a cluster. Claims that
tell both facts (one sentence, two facts) are left out. Prints, last:

  cross_fact_pairs=N merged_any=R merged_statement=S

merged_any counts every cluster, as score_report.py does (event clusters included);
merged_statement counts clusters of basis "statement", "quantity", "date" or "act" only. Lower
is better; read it next to alignment before tuning cluster membership.
"""
import itertools
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared",
                                "tools"))
from goldlib import norm  # noqa: E402
from score_report import doc_key  # noqa: E402


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    report = json.load(open(sys.argv[1]))
    gold = json.load(open(os.path.join(sys.argv[2], "gold.json")))
    keys = list(gold["documents"])
    doc_of = {d["id"]: doc_key(d, keys) for d in report.get("documents", [])}
    claims = {c["id"]: (doc_of.get(c.get("document")), norm(c.get("text", "")))
              for c in report.get("claims", [])}
    any_cluster, fact_cluster = {}, {}  # claim id -> ids of its clusters (fact: not "event")
    for cl in report.get("clusters", []):
        for cid in cl.get("claims", []):
            any_cluster.setdefault(cid, set()).add(cl["id"])
            if cl.get("basis") != "event":
                fact_cluster.setdefault(cid, set()).add(cl["id"])

    def share(clusters_of, xs, ys):
        return any(clusters_of.get(x, set()) & clusters_of.get(y, set()) for x in xs for y in ys)

    def covering(side):
        a = norm(side["anchor"])
        return {cid for cid, (k, t) in claims.items() if k == side["doc"] and a in t}

    facts = []  # per gold fact: list of (doc, claim ids) sides
    for a in gold.get("agreements", []):
        facts.append([(s["doc"], covering(s)) for s in a["sides"]])
    for d in gold.get("discrepancies", []):
        facts.append([(s["doc"], covering(s)) for g in d["groups"] for s in g])
    all_claims = [set().union(*[c for _, c in f]) if f else set() for f in facts]

    pairs = merged_any = merged_statement = 0
    for i, j in itertools.combinations(range(len(facts)), 2):
        both = all_claims[i] & all_claims[j]
        for doc_a, ca in facts[i]:
            for doc_b, cb in facts[j]:
                ca_only, cb_only = ca - both, cb - both
                if doc_a == doc_b or not ca_only or not cb_only:
                    continue
                pairs += 1
                merged_any += share(any_cluster, ca_only, cb_only)
                merged_statement += share(fact_cluster, ca_only, cb_only)
    rate = (lambda n: n / pairs if pairs else 0.0)
    print(f"cross_fact_pairs={pairs} merged_any={rate(merged_any):.3f} "
          f"merged_statement={rate(merged_statement):.3f}")


if __name__ == "__main__":
    main()
