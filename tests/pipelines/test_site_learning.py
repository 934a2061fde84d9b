"""A site's template state (pipelines.learning.SiteLearning), alone."""

from __future__ import annotations

from pipelines.learning import LEARN_AT, SiteLearning


def gathered() -> SiteLearning:
    state = SiteLearning("tanhung", {}, None, learns=True)
    for n in range(LEARN_AT):
        state.saw(f"http://x.vn/{n}", f"Tin {n}", "Nội dung", [], lambda: "<html></html>")
    return state


def test_a_page_read_while_the_template_is_being_learnt_is_read_without_it():
    state = gathered()
    state.take()  # the pages go to a worker to learn from: the template is not there yet
    assert state.untemplated_now  # a page dispatched now is read again when the crawl ends


def test_once_adopted_the_sites_pages_are_read_with_its_template():
    state = gathered()
    state.take()
    state.adopt(None)  # nothing learnt: the pages are read as they were, none waits for a template
    assert not state.untemplated_now
