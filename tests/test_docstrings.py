"""The examples in the docstrings of the public API run and give what they show."""

from __future__ import annotations

import doctest
import importlib

import pytest


@pytest.mark.parametrize(
    "name",
    [
        "pakru",
        "pakru.query",
        "pakru.collection",
        "pakru.pinning",
        "pakru.dates",
        "pakru.datewords",
    ],
)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    result = doctest.testmod(module, optionflags=flags, verbose=False)
    assert result.attempted > 0
    assert result.failed == 0


def test_public_functions_say_what_they_take_return_and_raise() -> None:
    import inspect  # noqa: PLC0415

    import pakru  # noqa: PLC0415

    functions = [
        getattr(pakru, name) for name in pakru.__all__ if inspect.isfunction(getattr(pakru, name))
    ]
    assert len(functions) > 15
    for function in functions:
        doc = inspect.getdoc(function) or ""
        name = function.__name__
        assert ">>>" in doc, f"{name}: no example"
        # Fenced, so the site shows code rather than Markdown quotes of ">>>" lines.
        assert "```python" in doc, f"{name}: example not in a fenced block"
        assert ":returns:" in doc or "return" in doc.lower(), f"{name}: no return value"
        assert "raise" in doc.lower(), f"{name}: nothing said of errors"
        for parameter in inspect.signature(function).parameters.values():
            if parameter.kind is parameter.VAR_KEYWORD:
                continue
            assert parameter.name in doc, f"{name}: parameter {parameter.name} not described"
