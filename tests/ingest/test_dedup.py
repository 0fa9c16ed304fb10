"""MinHash signatures (datasketch) and the in-run LSH index."""

from __future__ import annotations

from dragoman.domain.records import Document
from dragoman.ingest.dedup import BANDS, NUM_HASHES, NearDuplicateIndex, band_keys, body_text

BRIEF = "Envoys from Tehran and Moscow met on March 15 to discuss a rail corridor. "


def test_a_signature_is_64_values_below_2_to_the_32_fixed_across_processes() -> None:
    signature = NearDuplicateIndex.signature(BRIEF)
    # Stored signatures are compared with new ones: a library update that changed these
    # values would need a new SIGNATURE_VERSION, so the store makes its signatures again.
    assert signature[:4] == [181407065, 352952627, 253627862, 318673487]
    assert len(signature) == NUM_HASHES and all(0 <= value < 2**32 for value in signature)


def test_band_keys_carry_the_band_number_in_the_top_bits() -> None:
    keys = band_keys(NearDuplicateIndex.signature(BRIEF))
    assert keys[:2] == [37303283, 288230376535440149]
    assert [key >> 58 for key in keys] == list(range(BANDS))


def test_identical_texts_score_one_and_unrelated_texts_near_zero() -> None:
    same = NearDuplicateIndex.similarity(
        NearDuplicateIndex.signature(BRIEF * 3), NearDuplicateIndex.signature(BRIEF * 3)
    )
    other = NearDuplicateIndex.signature("Sanctions on oil exports were widened by the council in October. " * 3)
    assert same == 1.0
    assert NearDuplicateIndex.similarity(NearDuplicateIndex.signature(BRIEF * 3), other) < 0.1


def test_a_removed_document_is_no_longer_found() -> None:
    index = NearDuplicateIndex()
    signature = index.signature(BRIEF * 4)
    index.add("a", signature)
    assert len(index) == 1 and index.find_twin(signature) == "a"
    index.remove("a")
    index.remove("a")  # twice is harmless
    assert len(index) == 0 and index.find_twin(signature) is None


def test_of_equally_similar_twins_the_last_id_in_order_wins() -> None:
    index = NearDuplicateIndex()
    signature = index.signature(BRIEF * 4)
    index.add("b", signature)
    index.add("a", signature)
    assert index.find_twin(signature) == "b"


def test_body_text_leaves_out_furniture_and_a_short_headline() -> None:
    text = "Rail talks\nThe envoys met in Baku.\nShare this story"
    document = Document("d", "d.txt", text, "h", "txt", furniture=[(35, len(text), "social")])
    assert body_text(document) == "The envoys met in Baku."
