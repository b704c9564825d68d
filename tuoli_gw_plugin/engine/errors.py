"""Errors the engine raises when input data break a rule it needs.

Every message names the layer, the feature and the field at fault and says what to do, so that
the Processing door can show it to the user as is, never as a traceback.
"""

from __future__ import annotations


class EngineInputError(ValueError):
    """Bad input that the user must fix; the message is meant for the user."""

    def __init__(
        self,
        message: str,
        *,
        layer: str | None = None,
        feature: object | None = None,
        field: str | None = None,
        hint: str | None = None,
    ) -> None:
        self.layer = layer
        self.feature = feature
        self.field = field
        self.hint = hint
        where = []
        if layer:
            where.append(f"layer '{layer}'")
        if feature is not None:
            where.append(f"feature {feature}")
        if field:
            where.append(f"field '{field}'")
        text = f"{', '.join(where)}: {message}" if where else message
        if hint:
            text = f"{text} — {hint}"
        super().__init__(text)


class EngineCancelledError(EngineInputError):
    """The user cancelled the run; nothing is written."""

    def __init__(self, layer: str | None = None) -> None:
        super().__init__("cancelled by the user; no output was written", layer=layer)


class EngineNotice(UserWarning):
    """Something the user should know about a run that still gives right answers (issued with warnings.warn).

    The Processing door shows each one in the log; engine code deep in a computation can say it without
    threading a list of messages through every caller.
    """
