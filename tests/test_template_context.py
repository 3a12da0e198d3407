"""The shorter call path gives what Jinja's own Context gives, whatever a template calls and how."""

from __future__ import annotations

import functools
from typing import Any

import jinja2
import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.template_context import PlainCallContext

TEMPLATE = """{% for x in items %}{% set shown = x ~ "!" %}{{ plain(x) }}|{{ part(x) }}|{{ with_context(x) }}|\
{{ with_eval(x) }}|{{ thing.method(x) }}|{{ callable_object(x) }}|{{ stops() is undefined }}|{{ keyword(x, y=shown) }};\
{% endfor %}{% block tail %}{% set z = "b" %}{{ with_context("t") }}{{ "%s-%s" | format(z, plain(z)) }}{% endblock %}"""


@jinja2.pass_context
def with_context(context: Any, x: str) -> str:
    return f"{x}:{context.get('shown', '-')}:{context.get('z', '-')}"


@jinja2.pass_eval_context
def with_eval(eval_ctx: Any, x: str) -> str:
    return f"{x}:{type(eval_ctx).__name__}:{eval_ctx.autoescape}"


class Thing:
    def method(self, x: str) -> str:
        return x.upper()


class CallableObject:
    @jinja2.pass_context
    def __call__(self, context: Any, x: str) -> str:
        return f"{x}@{context.get('shown', '-')}"


def replace(text: str, old: str, new: str) -> str:
    return text.replace(old, new)


def stops() -> str:
    raise StopIteration


def environment(context_class: type[jinja2.runtime.Context]) -> jinja2.Environment:
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    env.context_class = context_class
    env.globals.update(
        plain=lambda x: f"<{x}>", part=functools.partial(replace, old="a", new="A"), with_context=with_context,
        with_eval=with_eval, thing=Thing(), callable_object=CallableObject(), stops=stops,
        keyword=lambda x, y: f"{x}={y}",
    )
    return env


@given(st.lists(st.text(alphabet="ab<&", max_size=4), max_size=4))
def test_calls_give_what_jinja_gives(items: list[str]) -> None:
    jinja = environment(jinja2.runtime.Context).from_string(TEMPLATE).render(items=items)
    assert environment(PlainCallContext).from_string(TEMPLATE).render(items=items) == jinja


def test_the_partial_is_called_with_its_keywords() -> None:
    out = environment(PlainCallContext).from_string("{{ part('banana') }}").render()
    assert out == "bAnAnA"


def test_an_error_in_a_helper_is_not_swallowed() -> None:
    env = environment(PlainCallContext)
    env.globals["broken"] = lambda: 1 / 0
    with pytest.raises(ZeroDivisionError):
        env.from_string("{{ broken() }}").render()
