"""Templates compiled with the cheaper output escape render what Jinja's own compiler renders."""

from __future__ import annotations

import traceback
from typing import Any

import jinja2
import pytest
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup

from generator.template_code import OutputEscapeGenerator, output_escape

# Output in every place Jinja compiles it differently: the template body, a block, a macro, a call
# block, a {% set %} block, a filter block, an autoescape switched off and back on, a loop.
TEMPLATE = """{{ value }}|{% block b %}{{ value }}{{ other }}{% endblock %}|\
{% macro show(x) %}<{{ x }}>{% endmacro %}{{ show(value) }}|{% macro wrap(x) %}[{{ x }}{{ caller() }}]{% endmacro %}\
{% call wrap(other) %}{{ value }}{% endcall %}|\
{% set kept %}{{ value }}&{{ other }}{% endset %}{{ kept }}|{{ kept | length }}|\
{% filter upper %}{{ value }}{% endfilter %}|{% autoescape false %}{{ value }}{% endautoescape %}|\
{% autoescape true %}{{ other }}{% endautoescape %}|{% for x in [value, other] %}{{ x }}{{ loop.index }}{% endfor %}|\
{{ value ~ other }}|{{ "%s/%s" | format(value, other) }}|{{ [value] | join(",") }}"""


class Html:
    """An object that says how it is written in HTML."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __html__(self) -> str:
        return f"<b>{self.text}</b>"


class Subclass(str):
    pass


def environment(generator: type[jinja2.compiler.CodeGenerator] | None, autoescape: bool) -> jinja2.Environment:
    env = jinja2.Environment(autoescape=autoescape)
    if generator is not None:
        env.code_generator_class = generator
    return env


text = st.text(alphabet="ab<>&'\"", max_size=5)
values = st.one_of(
    text, text.map(Markup), text.map(Html), text.map(Subclass), st.integers(), st.booleans(),
    st.floats(allow_nan=False), st.none(),
)


@given(values, values, st.booleans())
def test_pages_render_as_jinja_renders_them(value: Any, other: Any, autoescape: bool) -> None:
    ours = environment(OutputEscapeGenerator, autoescape).from_string(TEMPLATE)
    jinjas = environment(None, autoescape).from_string(TEMPLATE)
    assert ours.render(value=value, other=other) == jinjas.render(value=value, other=other)


@given(values)
def test_the_escape_gives_the_text_of_markupsafes(value: Any) -> None:
    assert output_escape(value) == jinja2.runtime.escape(value)


def test_the_generator_is_what_compiles_the_output() -> None:
    source = environment(OutputEscapeGenerator, True).compile("{{ x }}", raw=True)
    assert "output_escape(" in source
    assert "output_escape(" not in environment(OutputEscapeGenerator, False).compile("{{ x }}", raw=True)


def test_template_errors_still_name_the_template_line() -> None:
    env = jinja2.Environment(autoescape=True, loader=jinja2.DictLoader({"t.html": "a\nb\n{{ 1 // zero }}"}))
    env.code_generator_class = OutputEscapeGenerator
    with pytest.raises(ZeroDivisionError) as raised:
        env.get_template("t.html").render(zero=0)
    assert traceback.extract_tb(raised.value.__traceback__)[-1].lineno == 3  # the line of {{ 1 // zero }}
