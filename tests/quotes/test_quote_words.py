"""The quotes stage's words come from lexicon/en/quotes.yaml; a run's --lexicon file adds to them."""

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.domain.errors import LexiconError
from dragoman.pipeline.stages import ProcessorConfig, stage_specs
from dragoman.quotes import QuoteExtractor
from dragoman.quotes.cues import load_quote_words, packaged_words


def test_packaged_words() -> None:
    words = packaged_words()
    assert words.cue_lemmas["say"] is None and words.cue_lemmas["condemn"] == "oppose"
    assert words.needs_particle["call"] == ("for", "on", "upon")
    assert words.cue_surface.match("decried") and not words.cue_surface.match("decrie")
    assert words.definite_title.match("the foreign minister") and not words.definite_title.match("the minister's")
    assert "agency" in words.medium_words and "interview" in words.occasion_nouns


def test_override_adds_a_cue(tmp_path: Path) -> None:
    override = tmp_path / "more.yaml"
    override.write_text("quotes:\n  cues:\n    oppose: [bemoan]\n", encoding="utf-8")
    words = load_quote_words([override])
    assert words.cue_lemmas["bemoan"] == "oppose" and words.cue_lemmas["say"] is None
    assert QuoteExtractor([override]).words.cue_lemmas["bemoan"] == "oppose"


def test_a_bad_override_names_its_file_and_line(tmp_path: Path) -> None:
    override = tmp_path / "bad.yaml"
    override.write_text("quotes:\n  cues:\n    furious: [fume]\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=rf"^{override}:3: cues: 'furious' is not a known stance$"):
        load_quote_words([override])


def test_the_stage_version_follows_the_quote_words(tmp_path: Path) -> None:
    override = tmp_path / "more.yaml"
    override.write_text("quotes:\n  noun_cues: [communique]\n", encoding="utf-8")

    def version(files: tuple[Path, ...]) -> str:
        [spec] = [s for s in stage_specs(ProcessorConfig(lexicon_files=files)) if s.name == "quotes.rules"]
        return str(spec.component(ProcessorConfig(lexicon_files=files)))

    assert version(()) != version((override,))
