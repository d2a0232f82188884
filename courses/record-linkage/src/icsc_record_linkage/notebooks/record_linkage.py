# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Graphical record linkage — self-study notebook
#
# This notebook runs the four exercises from your workspace on the synthetic register
# and on the DBLP-ACM benchmark: blocking, pair scoring, graph clustering with a cut of
# weak bridges, and evaluation. A cell whose exercise you have not written yet says so
# and moves on; re-run it after you edit the file (`load` re-imports it).
#
# | minutes | exercise | what |
# | --- | --- | --- |
# | 20 | ex01_blocking | candidate pairs, pair completeness, reduction ratio |
# | 20 | ex02_scoring | trigram Jaccard, abbreviations, countries |
# | 20 | ex03_clustering | connected components, cutting weak bridges |
# | 15 | ex04_evaluation | pairwise P/R/F1 and B-cubed |
# | 20 | ex05_embeddings (optional) | MiniLM cosine scores, nearest-neighbour blocking |

# %%
import numpy as np

from icsc_kit.notebook import attempt, find_exercises, load_exercise
from icsc_record_linkage.dblp_acm import load_pairs
from icsc_record_linkage.register import make_register, true_match_pairs

EXERCISES = find_exercises("ex01_blocking.py", env_var="ICSC_RECORD_LINKAGE_EXERCISES")


def load(name: str):
    """Import (or re-import, after you edited it) exercise `name` from your workspace."""
    return load_exercise(EXERCISES, name)


register = make_register(300, seed=0)
truth = true_match_pairs(register.entities)
print(f"exercises from {EXERCISES}; register: {len(register)} records of 300 entities, "
      f"{len(truth)} true matching pairs")
for name, entity in list(zip(register.names, register.entities, strict=True))[:8]:
    print(f"  entity {entity:>3}: {name}")

# %% [markdown]
# ## Exercise 1: blocking
#
# How many pairs does blocking keep, and how many true matches does it lose? Try
# `prefix=3` and `prefix=5`.

# %%
ex01 = load("ex01_blocking")
candidates = attempt("ex01 candidate_pairs", ex01.candidate_pairs, register.names)
if candidates is not None:
    n = len(register)
    pc = attempt("ex01 pair_completeness", ex01.pair_completeness, candidates, register.entities)
    rr = attempt("ex01 reduction_ratio", ex01.reduction_ratio, len(candidates), n)
    print(f"{len(candidates):,} candidates of {n * (n - 1) // 2:,} pairs: PC {pc}, RR {rr}")

# %% [markdown]
# ## Exercise 2: scoring
#
# Precision and recall of a threshold on the candidate pairs. Where do HP and the two
# Ferraris land?

# %%
ex02 = load("ex02_scoring")
scores = None
if candidates is not None:
    scores = attempt("ex02 score_pairs", ex02.score_pairs, register.names, register.countries, candidates)
if scores is not None:
    is_match = np.array([tuple(p) in truth for p in candidates])
    for threshold in (0.4, 0.5, 0.6, 0.7):
        predicted = scores >= threshold
        tp = int(np.sum(predicted & is_match))
        print(f"threshold {threshold}: precision {tp / max(predicted.sum(), 1):.3f}, "
              f"recall {tp / len(truth):.3f}")
examples = ["HP", "Hewlett-Packard Ltd.", "Ferrari S.p.A.", "Ferrari Fratelli Lunelli SpA"]
pair_scores = attempt("ex02 score_pairs", ex02.score_pairs, examples, ["IE", "IE", "IT", "IT"], [(0, 1), (2, 3)])
print("HP vs Hewlett-Packard, Ferrari vs Ferrari Fratelli Lunelli:", pair_scores)

# %% [markdown]
# ## Exercises 3 and 4: clusters, a cut, and their evaluation
#
# Connected components of the pairs above 0.6, then the same after cutting bridges
# weaker than 0.8. Compare pairwise and B-cubed scores of both.

# %%
ex03, ex04 = load("ex03_clustering"), load("ex04_evaluation")
if scores is not None:
    n = len(register)
    plain = attempt("ex03 connected_clusters", ex03.connected_clusters, n, candidates, scores.tolist(), 0.6)
    cut = attempt("ex03 cut_weak_bridges", ex03.cut_weak_bridges, n, candidates, scores.tolist(), 0.6, 0.8)
    for label, clusters in (("components", plain), ("after cut", cut)):
        if clusters is not None:
            print(label, "clusters:", len(set(clusters)),
                  "pairwise:", attempt("ex04 pairwise_prf", ex04.pairwise_prf, register.entities, clusters),
                  "B-cubed:", attempt("ex04 bcubed", ex04.bcubed, register.entities, clusters))

# %% [markdown]
# ## DBLP-ACM: a real benchmark
#
# Trigram Jaccard of titles and of author lists, threshold chosen on the validation
# split, precision/recall/F1 on the test split (benchmarks/dblp_acm_baseline.py does
# the same).

# %%
def dblp_scores(split):
    left, right, labels = load_pairs(split)
    out = [(ex02.jaccard(ex02.trigrams(a["title"]), ex02.trigrams(b["title"]))
            + ex02.jaccard(ex02.trigrams(a["authors"]), ex02.trigrams(b["authors"]))) / 2
           for a, b in zip(left, right, strict=True)]
    return np.array(out), np.array(labels)


valid = attempt("ex02 on DBLP-ACM", dblp_scores, "valid")
if valid is not None:
    grid = np.round(np.arange(0.05, 1.0, 0.01), 2)
    f1 = [attempt("ex04 binary_prf", ex04.binary_prf, valid[1], valid[0] >= t) for t in grid]
    if f1[0] is not None:
        best = float(grid[int(np.argmax([r["f1"] for r in f1]))])
        test_scores, test_labels = dblp_scores("test")
        print(f"threshold {best}: DBLP-ACM test", ex04.binary_prf(test_labels, test_scores >= best))


# %% [markdown]
# ## Exercise 5 (optional): a bi-encoder
#
# Shipped all-MiniLM-L6-v2 vectors of a smaller register (120 entities). How many true
# matches do the k nearest neighbours keep? (`icsc_record_linkage.embeddings.encode`
# embeds your own names; loading the model takes some seconds.)

# %%
from icsc_record_linkage.embeddings import shipped_embeddings

ex05 = load("ex05_embeddings")
shipped = shipped_embeddings()
small_truth = true_match_pairs(shipped["entities"])
for k in (1, 3, 5):
    found = attempt("ex05 nearest_neighbour_pairs", ex05.nearest_neighbour_pairs, shipped["vectors"], k)
    if found is not None:
        kept = len(small_truth & {tuple(p) for p in found}) / len(small_truth)
        print(f"k = {k}: {len(found)} candidate pairs, pair completeness {kept:.3f}")
cosines = attempt("ex05 cosine_scores", ex05.cosine_scores, shipped["example_vectors"], [(0, 1), (2, 3), (4, 5)])
print("cosine of", shipped["examples"], "pairs (0,1), (2,3), (4,5):", cosines)
