"""Hook for the confidentiality check: turn the four answers into one gentle suggestion."""

from __future__ import annotations

from bot.engine.context import TurnContext
from bot.engine.hooks import HookResult, hook


@hook("confide_advice", sets=("advice",))
def confide_advice(ctx: TurnContext) -> HookResult:
    answers = ctx.vars
    partner_ok = answers.get("partner_ok")
    keeps = answers.get("keeps_it")
    counsellor = answers.get("counsellor")
    words = answers.get("their_words")
    if counsellor == "yes":
        advice = ("It sounds like this might sit better with a counsellor, someone whose job is to hold it "
                  "safely and help you both. A friend can still be there for you in other ways.")
    elif partner_ok == "no" or words == "hurt":
        advice = ("It might be worth holding this one back for now. You could talk to {p} about it first, "
                  "or share only how you feel, without the details that are theirs.")
    elif partner_ok == "unsure" or keeps != "yes" or words == "unsure":
        advice = ("You're not quite sure yet, and that's worth listening to. Maybe share the feeling rather "
                  "than the story, or ask {p} how they'd feel about it being told.")
    else:
        advice = ("It sounds like a safe place to talk. Go gently, keep to your own side of it, "
                  "and it can help to mention to {p} later that you talked it through.")
    partner = ctx.person.get("partner_name") or "your partner"
    return HookResult(vars={"advice": advice.format(p=partner)})
