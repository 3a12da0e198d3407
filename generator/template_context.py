"""Jinja's template context with a shorter path for calling plain functions.

A page calls the site's helpers (``url``, ``say``, ``_``, ``date`` ...) tens of
times; Jinja's ``Context.call`` asks each callable three times whether it wants
the context, the evaluation context or the environment passed in. Functions,
partials and methods say so by a ``jinja_pass_arg`` attribute alone, so one look
settles it: a plain call, or one given the evaluation context (``_()``, the UI
strings); anything else goes the way Jinja goes. What a call returns is the
same either way (tested against Jinja's own ``Context``).
"""

from __future__ import annotations

import functools
import types
from typing import Any

import jinja2
import jinja2.runtime

_EVAL_CONTEXT = jinja2.pass_eval_context(lambda: None).jinja_pass_arg  # type: ignore[attr-defined]
_PLAIN = frozenset({types.FunctionType, functools.partial, types.MethodType, types.BuiltinFunctionType})


class PlainCallContext(jinja2.runtime.Context):
    """``Environment.context_class`` for the site's templates."""

    def call(__self, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # positional-only in effect, as in Jinja: a keyword may be called "self"
        if type(__obj) not in _PLAIN:
            return super().call(__obj, *args, **kwargs)
        wants = getattr(__obj, "jinja_pass_arg", None)
        if wants is _EVAL_CONTEXT:  # ``_()``, called for each UI string
            args = (__self.eval_ctx, *args)
        elif wants is not None:
            return super().call(__obj, *args, **kwargs)
        if kwargs:  # the variables set in a loop or block, for callables that take the context
            kwargs.pop("_block_vars", None)
            kwargs.pop("_loop_vars", None)
        try:
            return __obj(*args, **kwargs)
        except StopIteration:
            return __self.environment.undefined("value was undefined because a callable raised a StopIteration exception")
