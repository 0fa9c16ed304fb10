from __future__ import annotations

from dragoman.actors.coreference import Context, Layout
from dragoman.domain.records import ActorRef, Sentence

IRAN = ActorRef("Iran", actor_id="IRN", country="IRN", kind="state")
RUSSIA = ActorRef("Russia", actor_id="RUS", country="RUS", kind="state")
USA = ActorRef("United States", actor_id="USA", country="USA", kind="state")
LAVROV = ActorRef("Sergey Lavrov", actor_id="sergey-lavrov", country="RUS", kind="person")


def test_the_two_countries_are_the_last_two_states_not_doing_the_verb() -> None:
    context = Context()
    for token, state in enumerate((IRAN, RUSSIA, USA)):
        context.remember_state(state, token, paragraph=0)
    assert context.pair(doers=set()) == [RUSSIA, USA]
    assert context.pair(doers={2}) == [IRAN, RUSSIA]  # the US is the subject
    assert context.states == [IRAN, RUSSIA, USA]


def test_the_two_countries_can_be_the_subject_pair() -> None:
    """ "Iran and Russia deepened ties between the two countries"."""
    context = Context()
    context.remember_state(IRAN, 0, paragraph=0)
    context.remember_state(RUSSIA, 2, paragraph=0)
    assert context.pair(doers={0, 1, 2}) == [IRAN, RUSSIA]


def test_its_refers_to_the_last_state_named_in_the_paragraph() -> None:
    context = Context()
    context.remember_state(IRAN, 0, paragraph=0)
    context.remember_state(RUSSIA, 4, paragraph=1)
    assert context.last_state_in(1) == RUSSIA
    assert context.last_state_in(0) is None and context.last_state_in(2) is None


def test_people_by_paragraph_and_surname() -> None:
    context = Context()
    context.remember_person(LAVROV, "foreign-minister", paragraph=0, titled=True)
    assert context.last_person_in(0) == LAVROV and context.last_person_in(1) is None
    assert context.short_name("Lavrov") == LAVROV and context.short_name("Mr Lavrov") is None
    assert context.seen_ids == {"sergey-lavrov"} and context.titled == [(LAVROV, "foreign-minister", 0)]


def test_layout_paragraphs_and_sentences() -> None:
    text = "One.\n\nTwo. Three."
    layout = Layout.of(
        text, [Sentence("d", 0, 0, 4, "One."), Sentence("d", 1, 6, 10, "Two."), Sentence("d", 2, 11, 17, "Three.")]
    )
    assert [layout.paragraph(o) for o in (0, 6, 11)] == [0, 1, 1]
    assert [layout.sentence(o) for o in (0, 6, 12)] == [0, 1, 2]
