#!/usr/bin/env python3
"""igraph's PageRank (PRPACK) on the graph Ruche built, for the influence benchmark only (never used by Ruche).

Reads <dir>/edges.txt ("source target" per line, in CSR order), <dir>/weights.f32 (float32 per edge, same order)
and <dir>/nodes.txt (the node count); writes <dir>/igraph.f64 (a float64 score per node) and prints the seconds the
pagerank call took.
"""
import array
import sys
import time

import igraph

folder = sys.argv[1]
with open(f"{folder}/nodes.txt", encoding="ascii") as f:
    nodes = int(f.read().strip())
load = time.perf_counter()
graph = igraph.Graph.Read_Edgelist(f"{folder}/edges.txt", directed=True)
if graph.vcount() < nodes:
    graph.add_vertices(nodes - graph.vcount())
weights = array.array("f")
with open(f"{folder}/weights.f32", "rb") as f:
    weights.frombytes(f.read())
graph.es["weight"] = weights.tolist()
del weights
loaded = time.perf_counter() - load
start = time.perf_counter()
scores = graph.pagerank(directed=True, damping=0.85, weights="weight", implementation="prpack")
took = time.perf_counter() - start
array.array("d", scores).tofile(open(f"{folder}/igraph.f64", "wb"))
print(f"igraph-load {loaded:.3f}")
print(f"igraph-pagerank {took:.4f}")
