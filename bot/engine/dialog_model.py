"""The shape of a dialog file, as pydantic models. See dialogs/README.md."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _as_list(value: object) -> object:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return value


class Choice(_Strict):
    label: str
    value: str | int | None = None  # what `save` stores; the label when absent
    next: str | None = None  # where this choice leads; the state's `next` when absent


class State(_Strict):
    say: list[str] = Field(default_factory=list)  # phrasings; one is picked at random
    choices: list[Choice] = Field(default_factory=list)
    options: str | None = None  # hook giving extra buttons at run time
    text: bool = False  # accepts typed text (always true when there are no choices)
    save: str | None = None  # variable the answer is stored in
    validate_: str | None = Field(default=None, alias="validate")  # hook checking typed text
    on_enter: list[str] = Field(default_factory=list)  # hooks run on entering the state
    next: str | None = None
    branches: list[str] = Field(default_factory=list)  # states a hook may jump to
    optional: bool = False  # "skip" allowed
    skip_to: str | None = None
    end: bool = False
    help: str | None = None

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    _lists = field_validator("say", "on_enter", "branches", mode="before")(_as_list)

    @property
    def waits(self) -> bool:
        """Does this state wait for the person (a question), or flow on by itself?"""
        return not self.end and (bool(self.choices) or self.options is not None or self.text)

    @property
    def accepts_text(self) -> bool:
        return self.text or (not self.choices and self.options is None)

    def targets(self) -> list[str]:
        out = [c.next for c in self.choices if c.next]
        out += [t for t in (self.next, self.skip_to) if t]
        out += self.branches
        return out


class Dialog(_Strict):
    name: str
    title: str
    command: str | None = None  # "/command" that starts it
    menu: int | bool = False  # listed in the main menu; a number gives its place (lower first)
    description: str = ""  # one line, for the command list and help
    help: str = ""
    needs_onboarding: bool = True
    in_groups: bool = False  # may run in a couple's group chat
    start: str
    states: dict[str, State]
