"""Deadlines counted as the law counts them (notice item 11's 30 days to deregister).

A period's last day that falls on a rest day moves to the next working day (Civil Code art. 203).
Rest days are the weekend, unless a State Council notice makes a weekend day a working day (调休),
and the days off of that year's holiday notice. Both come from the rules file
(``compliance.deadline_on_rest_day`` and ``compliance.public_holidays``), one table per year shipped.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..core.errors import EngineInputError
from ..core.messages import register, text
from ..core.rules import Rules
from ..core.values import parse_date

register(
    {
        "deadlines.bad_holiday": (
            "compliance.public_holidays holds {value!r}, which is not a date or a range 'first/last'",
            "compliance.public_holidays 的值 {value!r} 不是日期，也不是“首日/末日”形式的日期范围",
        ),
    }
)


@dataclass(frozen=True)
class WorkCalendar:
    """Which days are rest days, for the years the rules file's holiday table covers."""

    holidays: frozenset[dt.date] = frozenset()
    working_days: frozenset[dt.date] = frozenset()  # weekend days that are working days (调休)
    weekend: frozenset[int] = frozenset({5, 6})  # Python weekday numbers
    years: frozenset[int] = frozenset()
    unverified: dict[int, str] = field(default_factory=dict)  # year -> why its dates are not certain

    @classmethod
    def from_rules(cls, rules: Rules) -> WorkCalendar:
        weekend = frozenset(int(day) for day in rules.get("compliance", "deadline_on_rest_day", "weekend_days", "value"))
        holidays: set[dt.date] = set()
        working: set[dt.date] = set()
        unverified: dict[int, str] = {}
        years = rules.get("compliance", "public_holidays", "years")
        for year_text, table in years.items():
            for entry in table.get("holidays", []):
                holidays.update(_days(entry, rules))
            for entry in table.get("working_days", []):
                working.update(_days(entry, rules))
            if table.get("unverified"):
                unverified[int(year_text)] = str(table["unverified"])
        return cls(frozenset(holidays), frozenset(working), weekend, frozenset(int(y) for y in years), unverified)

    def is_rest_day(self, day: dt.date) -> bool:
        if day in self.working_days:
            return False
        return day in self.holidays or day.weekday() in self.weekend

    def next_working_day(self, day: dt.date) -> dt.date:
        """``day`` itself when it is a working day, else the first working day after it."""
        while self.is_rest_day(day):
            day += dt.timedelta(days=1)
        return day

    def covers(self, day: dt.date) -> bool:
        return day.year in self.years


def _days(entry: str, rules: Rules) -> list[dt.date]:
    """'2025-10-01' or a range '2025-10-01/2025-10-08' (both ends included) as a list of dates."""
    try:
        first, _, last = str(entry).partition("/")
        start = parse_date(first)
        end = parse_date(last) if last else start
    except ValueError:
        start = end = None
    if start is None or end is None or end < start:
        raise EngineInputError(
            text("deadlines.bad_holiday", value=entry),
            layer=str(rules.path),
        )
    return [start + dt.timedelta(days=n) for n in range((end - start).days + 1)]


@dataclass(frozen=True)
class Deadline:
    """The last day allowed: ``nominal`` is day N after the start, ``last_day`` after moving off rest days."""

    nominal: dt.date
    last_day: dt.date

    @property
    def moved(self) -> bool:
        return self.last_day != self.nominal


def deadline_after(start: dt.date, days: int, calendar: WorkCalendar | None) -> Deadline:
    """Day ``days`` after ``start`` (day 30 of 30 is still in time), moved to a working day by ``calendar``."""
    nominal = start + dt.timedelta(days=days)
    return Deadline(nominal, calendar.next_working_day(nominal) if calendar is not None else nominal)
