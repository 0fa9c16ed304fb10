from __future__ import annotations

from pathlib import Path

import networkx as nx

from dragoman.analysis.network import build_network, network_json, network_text, write_network
from dragoman.store import Store


def test_edges_count_events_per_quad(store_path: Path, tmp_path: Path) -> None:
    with Store(store_path, read_only=True) as store:
        graph = build_network(store)
        window = build_network(store, since="2022-04", until="2022-04")
        countries = build_network(store, countries=True)
    edge = graph.edges["IRN", "RUS"]
    assert edge["weight"] == 4 and edge["verbal_coop"] == 2 and edge["verbal_conflict"] == 2  # e1 e9 / e8 e6
    assert graph.edges["RUS", "IRN"]["weight"] == 2
    assert set(window.edges) == {("ardalan", "volkov"), ("IRN", "USA")}
    assert "ardalan" not in countries and countries.edges["IRN", "RUS"]["weight"] == 5
    for fmt in ("graphml", "gexf"):
        out = tmp_path / f"net.{fmt}"
        write_network(graph, fmt, out)
        back = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
        assert back.number_of_edges() == graph.number_of_edges()
        assert f"<{fmt}" in network_text(graph, fmt)
    data = network_json(graph)
    assert {n["id"] for n in data["nodes"]} == set(graph.nodes)
