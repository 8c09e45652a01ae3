"""The examples in the docstrings of the public API run and give what they show."""

from __future__ import annotations

import doctest
import importlib

import pytest


@pytest.mark.parametrize(
    "name", ["pakru", "pakru.query", "pakru.terminal", "pakru.collection", "pakru.pinning"]
)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    result = doctest.testmod(module, optionflags=flags, verbose=False)
    assert result.attempted > 0
    assert result.failed == 0


def test_public_functions_say_what_they_take_and_raise() -> None:
    import pakru  # noqa: PLC0415

    for function in (pakru.events, pakru.actors, pakru.require):
        doc = function.__doc__ or ""
        assert ">>>" in doc, function.__name__
        assert "raise" in doc.lower(), function.__name__
