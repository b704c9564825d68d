"""Errors the engine raises when input data break a rule it needs.

Every message names the layer, the feature and the field at fault and says what to do, so that
the Processing door can show it to the user as is, never as a traceback. The framing ("layer …,
feature …, field …: what is wrong — what to do") comes from the message catalogue, in the language
in force when the error is raised; ``framed(language)`` frames it again in another language.
"""

from __future__ import annotations

from .messages import register, text

register(
    {
        "errors.layer": ("layer '{layer}'", "图层“{layer}”"),
        "errors.feature": ("feature {feature}", "要素 {feature}"),
        "errors.field": ("field '{field}'", "字段“{field}”"),
        "errors.separator": (", ", "，"),
        "errors.where": ("{where}: {message}", "{where}：{message}"),
        "errors.hint": ("{message} — {hint}", "{message}——{hint}"),
        "errors.cancelled": ("cancelled by the user; no output was written", "用户已取消运行；未写出任何输出"),
    }
)


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
        self.message = message
        self.layer = layer
        self.feature = feature
        self.field = field
        self.hint = hint
        super().__init__(self.framed())

    def framed(self, language: str | None = None) -> str:
        """The message with its place (layer, feature, field) and hint, framed in ``language``
        (default: the language in force). The message and hint themselves keep the language they
        were written in when raised."""
        where = []
        if self.layer:
            where.append(text("errors.layer", language, layer=self.layer))
        if self.feature is not None:
            where.append(text("errors.feature", language, feature=self.feature))
        if self.field:
            where.append(text("errors.field", language, field=self.field))
        result = self.message
        if where:
            result = text("errors.where", language, where=text("errors.separator", language).join(where), message=result)
        if self.hint:
            result = text("errors.hint", language, message=result, hint=self.hint)
        return result


class EngineCancelledError(EngineInputError):
    """The user cancelled the run; nothing is written."""

    def __init__(self, layer: str | None = None) -> None:
        super().__init__(text("errors.cancelled"), layer=layer)


class EngineNotice(UserWarning):
    """Something the user should know about a run that still gives right answers (issued with warnings.warn).

    The Processing door shows each one in the log; engine code deep in a computation can say it without
    threading a list of messages through every caller.
    """
