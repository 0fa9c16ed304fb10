from __future__ import annotations

from pathlib import Path

import networkx as nx

from dragoman.analysis.events import node_key
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


def test_control_characters_in_actor_names_are_left_out_of_the_xml(tmp_path: Path) -> None:
    from xml.dom import minidom

    graph = nx.DiGraph()
    graph.add_node("Evil\x01Actor", label="Evil\x01\x1b[31mName", country="IRN", kind="person", n_events=1)
    graph.add_node("RUS", label="Russia\ud800", country="RUS", kind="state", n_events=1)
    graph.add_edge("Evil\x01Actor", "RUS", weight=1, score=0.5)
    for fmt in ("graphml", "gexf"):
        out = tmp_path / f"net.{fmt}"
        write_network(graph, fmt, out)
        text = out.read_text(encoding="utf-8")
        minidom.parseString(text.encode("utf-8"))
        minidom.parseString(network_text(graph, fmt).encode("utf-8"))
        assert "EvilActor" in text and "Evil[31mName" in text and "\x01" not in text and "\x1b" not in text
    back = nx.read_graphml(tmp_path / "net.graphml")
    assert back.nodes["EvilActor"]["label"] == "Evil[31mName" and back.nodes["RUS"]["label"] == "Russia"


def test_a_failed_write_leaves_no_file(tmp_path: Path) -> None:
    import pytest

    graph = nx.DiGraph()
    graph.add_node("IRN", label="Iran", members=["a list GraphML cannot hold"])
    out = tmp_path / "net.graphml"
    out_before = sorted(tmp_path.iterdir())
    with pytest.raises(nx.NetworkXError):
        write_network(graph, "graphml", out)
    assert sorted(tmp_path.iterdir()) == out_before


def test_node_key_keeps_the_name_as_written_and_aggregates_to_countries_only() -> None:
    official = {"name": "NATO spokesperson", "org": "NATO", "kind": "person"}
    minister = {"name": "Sergey Lavrov", "actor_id": "sergey-lavrov", "country": "RUS"}
    unlisted = {"name": "Colonel Smith"}
    assert [node_key(a) for a in (official, minister, unlisted)] == ["NATO", "sergey-lavrov", "Colonel Smith"]
    assert [node_key(a, countries=True) for a in (official, minister, unlisted)] == ["NATO", "RUS", "Colonel Smith"]
    assert node_key({"name": "Adviser", "actor_id": "an-adviser", "org": "EU"}, countries=True) == "an-adviser"
    assert node_key({}) == "?"
