"""The actor network: actors as nodes, edges weighted by events per quad class."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd

from dragoman.analysis.actors import is_country_name
from dragoman.analysis.events import node_key
from dragoman.analysis.plover import COUNTED_STATUSES, INTENSITY, QUAD_KEYS
from dragoman.read.merged import effective_events
from dragoman.store import Store

FORMATS = ("graphml", "gexf", "json")


def _in_window(value: Any, since: str | None, until: str | None) -> bool:
    if since is None and until is None:
        return True
    if not isinstance(value, str):
        return False
    return (since is None or value[: len(since)] >= since) and (until is None or value[: len(until)] <= until)


def build_network(
    store: Store,
    since: str | None = None,
    until: str | None = None,
    countries: bool = False,
    statuses: Sequence[str] = COUNTED_STATUSES,
    events: pd.DataFrame | None = None,
) -> nx.DiGraph:
    """A directed graph actor -> recipient; edge attributes count events per quad.

    Node attributes: ``label``, ``country``, ``kind``, ``n_events``.  Edge attributes:
    ``weight`` (events), ``verbal_coop`` ... ``material_conflict``, ``score`` (mean
    intensity).  An event with several actors and recipients adds one to every
    actor -> recipient pair; actors of an event without recipients are linked to each other.
    """
    if events is None:
        events = effective_events(store)
    graph = nx.DiGraph()
    for event in events.to_dict(orient="records"):
        if event["status"] not in statuses or not _in_window(event["date"], since, until):
            continue
        actors = event["actors"] or []
        recipients = event["recipients"] or []
        pairs = [(x, y) for x in actors for y in recipients]
        if not recipients:
            pairs = [(x, y) for i, x in enumerate(actors) for y in actors[i + 1 :]]
        touched: set[str] = set()
        for source, target in pairs:
            u, v = node_key(source, countries), node_key(target, countries)
            if u == v:
                continue
            for key, actor in ((u, source), (v, target)):
                if key not in graph:
                    label = key if countries and actor.get("country") == key else actor.get("name") or key
                    graph.add_node(key, label=str(label), country=str(actor.get("country") or ""),
                                   kind=str(actor.get("kind") or ""), n_events=0)  # fmt: skip
                if is_country_name(actor, key, countries):
                    graph.nodes[key]["label"] = str(actor.get("name") or key)  # "Iran", not "IRN"
                touched.add(key)
            if not graph.has_edge(u, v):
                graph.add_edge(u, v, weight=0, intensity_sum=0.0, **{k: 0 for k in QUAD_KEYS.values()})
            data = graph.edges[u, v]
            data["weight"] += 1
            if event["quad"] in QUAD_KEYS:
                data[QUAD_KEYS[event["quad"]]] += 1
            data["intensity_sum"] += INTENSITY.get(event["type"], 0.0)
        for key in touched:
            graph.nodes[key]["n_events"] += 1
    for _, _, data in graph.edges(data=True):
        data["score"] = round(data.pop("intensity_sum") / data["weight"], 3)
    return graph


def network_json(graph: nx.DiGraph) -> dict[str, Any]:
    """Nodes and edges as plain lists, for the API and the dashboard."""
    return {
        "nodes": [{"id": n, **data} for n, data in graph.nodes(data=True)],
        "edges": [{"source": u, "target": v, **data} for u, v, data in graph.edges(data=True)],
    }


# Characters XML 1.0 cannot hold at all (C0 controls but tab and line breaks, lone
# surrogates, U+FFFE/U+FFFF): actor names from user KB files or review corrections may.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(value: Any) -> Any:
    """A string without the characters XML cannot hold; other values unchanged."""
    return NOT_XML.sub("", value) if isinstance(value, str) else value


def _xml_graph(graph: nx.DiGraph) -> nx.DiGraph:
    """A copy of the graph whose node keys and attribute values are all XML-safe."""
    safe = nx.DiGraph()
    for node, data in graph.nodes(data=True):
        safe.add_node(xml_safe(node), **{k: xml_safe(v) for k, v in data.items()})
    for u, v, data in graph.edges(data=True):
        safe.add_edge(xml_safe(u), xml_safe(v), **{k: xml_safe(x) for k, x in data.items()})
    return safe


def write_network(graph: nx.DiGraph, fmt: str, path: Path) -> None:
    """Write GraphML or GEXF (for Gephi) whole: into a file beside ``path``, moved into place at the end."""
    if fmt not in {"graphml", "gexf"}:
        raise ValueError(f"format is graphml or gexf, not {fmt!r}")
    partial = path.with_name(f".{path.name}.partial")
    try:
        with partial.open("w", encoding="utf-8") as handle:
            handle.write(network_text(graph, fmt))
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def network_text(graph: nx.DiGraph, fmt: str) -> str:
    """GraphML or GEXF as text (for the API and files)."""
    if fmt == "graphml":
        return "\n".join(nx.generate_graphml(_xml_graph(graph)))
    if fmt == "gexf":
        return "\n".join(nx.generate_gexf(_xml_graph(graph)))
    raise ValueError(f"format is graphml or gexf, not {fmt!r}")
