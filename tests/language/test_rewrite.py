import re

import pytest

from bot.language import Rewrite, Rewriter, RuleRewriter, compose, get_rewriter, rewrite, set_rewriter
from bot.language import inventory as ldata
from bot.language.evaluation import FRAME, check_rewrite

SECOND = re.compile(r"\b(you|your|yourself)\b", re.I)


def statement(s):
    return s.split("Would you be willing", 1)[0]


def test_dishes_example_reads_like_a_coach():
    r = rewrite("You never help with the dishes")
    assert r.blaming
    assert r.suggestion.startswith("I feel ")
    assert "I do the dishes on my own" in r.suggestion
    assert r.need == "support"
    assert r.suggestion.endswith("?")
    assert "dishes" in r.request


@pytest.mark.parametrize("text,expect", [
    ("You never take out the bins.", "I take out the bins on my own"),
    ("You always interrupt me.", "I get interrupted"),
    ("You yell at me in front of the kids.", "I get yelled at in front of the kids"),
    ("You forgot my birthday again.", "my birthday got forgotten"),
    ("You never ask about my day.", "I don't get asked about my day"),
    ("You always leave your shoes in the hall.", "shoes get left in the hall"),
    ("It's always me who cleans the bathroom.", "I clean the bathroom on my own"),
    ("You never let me finish a sentence.", "I don't get to finish a sentence"),
])
def test_pronouns_are_turned(text, expect):
    r = rewrite(text)
    assert expect in r.suggestion
    src = len(SECOND.findall(text))
    out = len(SECOND.findall(statement(r.suggestion)))
    assert out < src or out == src == 0


def test_faux_feeling_is_mapped():
    r = rewrite("I feel abandoned when you go out every night.")
    assert r.feeling in ldata.faux_map()["abandoned"]["feelings"]
    assert "abandoned" not in r.suggestion


def test_label_gets_a_situation_and_need():
    r = rewrite("You're so lazy.")
    assert "lazy" not in r.suggestion
    assert r.need in ldata.need_inventory()


def test_absolutes_are_removed():
    for text in ["You ALWAYS forget to lock the door!", "You never, ever call me back."]:
        s = rewrite(text).suggestion
        assert not re.search(r"\b(always|never|ever)\b", s, re.I), s


def test_not_blaming_gives_no_suggestion():
    r = rewrite("Could we go for a walk later?")
    assert not r.blaming and r.suggestion is None and r.request is None


def test_all_checks_pass_for_a_typical_rewrite():
    text = "You never listen to me."
    checks = check_rewrite(text, rewrite(text).suggestion)
    assert all(checks.values()), checks


def test_compose_normalises():
    s = compose("I feel Sad", "When you left the dishes in the sink.", "Because I need support", "Could you please do the dishes tonight?")
    assert FRAME.match(s), s
    assert s == "I feel sad when the dishes got left in the sink, because I need support. Would you be willing to do the dishes tonight?"


def test_compose_keeps_names():
    s = compose("worried", "Sam drives home late", "reassurance", "text me when you leave")
    assert "Sam drives home late" in s


def test_rewriter_is_pluggable():
    class Echo:
        def rewrite(self, text):
            return Rewrite(text=text, blaming=True, problems=[], suggestion="I feel calm when we talk, because I need ease. Would you be willing to talk?",
                           feeling="calm", need="ease", request="talk")
    assert isinstance(RuleRewriter(), Rewriter)
    try:
        set_rewriter(Echo())
        assert rewrite("anything").feeling == "calm"
    finally:
        set_rewriter(None)
    assert isinstance(get_rewriter(), RuleRewriter)


@pytest.mark.parametrize("text", [
    "You just don't get it, do you?",
    "You should realise by now how tired I am.",
    "You could at least pretend to be interested.",
])
def test_unrecoverable_situation_falls_back_to_neutral(text):
    from bot.language import rewrite as rw
    r = rw(text)
    assert r.blaming
    s = r.suggestion
    assert "this comes up between us" in s or "doesn't seem to land" in s
    for bad in (" get it", "by now", "I'm this", "realise", "pretend"):
        assert bad not in s, s


@pytest.mark.parametrize("text,want", [
    ("you always leave the back door unlocked", "the back door gets left unlocked"),
    ("u forgot to pay the electric bill again", "paying the electric bill got forgotten"),
    ("You care more about your car than about me.", "the car seems to come before us"),
    ("You never wash the car 🙄", "I wash the car on my own"),
    ("You left the baby crying while you played on your phone.", "the baby got left crying"),
])
def test_situations_stay_grammatical(text, want):
    from bot.language import rewrite as rw
    assert want in rw(text).suggestion


# round 2: clause structure (sentences made up for the test, not taken from the labelled sets)
@pytest.mark.parametrize("text,expect,absent", [
    ("You always borrow my scarf and never give it back.", "my scarf gets borrowed", "give it back"),
    ("You never mop the stairs unless I beg.", "I mop the stairs on my own", "unless"),
    ("You always stay up past midnight and wake me up.", "I get woken up", "you"),
    ("You promised to paint the fence weeks ago and you still haven't.", "the fence didn't get painted", "ago"),
    ("You never pay me back.", "I don't get paid back", "myself"),
    ("You told your cousin about our money worries.", "shared with your cousin", None),
    ("You ruined the party by sulking.", "the party got ruined by sulking", None),
    ("Brilliant, you ate the last of the biscuits again.", "the last of the biscuits got eaten", None),
    ("You make me feel invisible when your parents are around.", "when your parents are around", None),
])
def test_round2_clause_turning(text, expect, absent):
    r = rewrite(text)
    assert r.blaming and r.suggestion
    assert expect in r.suggestion, r.suggestion
    if absent:
        assert absent not in statement(r.suggestion), r.suggestion


def test_round2_left_things_get_a_fitting_request():
    r = rewrite("You always leave your umbrella in the hallway.")
    assert "put the umbrella away" in r.request


@pytest.mark.parametrize("text,blaming", [
    ("You keep interrupting me in meetings.", True),
    ("You laughed at my plan in front of my parents.", True),
    ("You keep making me laugh.", False),
    ("You laughed at my joke and it made my day.", False),
])
def test_round2_blame_cues(text, blaming):
    from bot.language import analyse
    assert analyse(text).blaming is blaming


@pytest.mark.parametrize("text", ["you should grow up", "you never once said thank you", "you never give me any space"])
def test_round3_broken_requests_fall_back(text):
    from bot.language import rewrite
    req = rewrite(text).suggestion.split("Would you be willing to ", 1)[1]
    assert not re.search(r"\b(?:grow up|once|said|any|myself)\b", req), req


# ---- round 4: the user's own content kept (tests/language/data/generalise_rewrite.txt was written before the rules)

from bot.language.evaluation import STRUCTURAL, load_lines  # noqa: E402
from bot.language.rewriting import _broken_grammar, find_topic  # noqa: E402


def test_generalise_rewrite_set_structure_and_content():
    rows = [(s, rewrite(s).suggestion) for s in load_lines("generalise_rewrite.txt")]
    rows = [(s, sug) for s, sug in rows if sug]
    assert len(rows) >= 20
    checks = [check_rewrite(s, sug) for s, sug in rows]
    assert sum(all(c[k] for k in STRUCTURAL) for c in checks) / len(rows) >= 0.99
    assert sum(c["keeps_situation"] for c in checks) / len(rows) >= 0.65


@pytest.mark.parametrize("text,topic", [
    ("he spent our savings on a new games console", "money"),
    ("you paid for a tv we didn't need", "money"),
    ("you come home late every night", "lateness"),
])
def test_topic_goes_by_evidence_not_list_order(text, topic):
    assert find_topic(text)["name"] == topic


@pytest.mark.parametrize("text,expect", [
    ("you're useless with the car", "I handle the car on my own"),
    ("he's so stingy with christmas presents", "we disagree about christmas presents"),
    ("you groan every time I mention my mum", "I mention my mum and hear a groan"),
    ("you havent cooked dinner once this month", "I cook dinner on my own"),
    ("it's always me organising the kids birthday parties, you never plan anything", "I organise the kids birthday parties on my own"),
    ("you never aks about my job", "I don't get asked about my job"),
    ("you waste every evening on that stupid game", "the evenings get spent on"),
    ("you roll your eyes whenever I bring up the budget", "I bring up the budget and see an eye-roll"),
])
def test_concrete_content_is_kept(text, expect):
    r = rewrite(text)
    assert r.blaming
    assert expect in r.suggestion, r.suggestion
    checks = check_rewrite(text, r.suggestion)
    assert all(checks[k] for k in STRUCTURAL), checks


@pytest.mark.parametrize("sit,broken", [
    ("how my day went doesn't get aked", True),
    ("I take care of things the house on my own", True),
    ("my plans get talked over with", False),
    ("my cooking gets made fun of", False),
    ("the lights get left on", False),
    ("I get laughed at", False),
])
def test_grammar_check(sit, broken):
    assert _broken_grammar(sit) is broken


# ---- round 5: content-keeping rules (third person as subject, irony, mental-state clauses, "every X turns into Y")

@pytest.mark.parametrize("text,expect", [
    ("Your mum criticises everything I wear and you just let her.", "what I wear gets criticised and I'm left to answer on my own"),
    ("his friends ignore me at parties and he does nothing", "I get ignored at parties"),
    ("your sister messages you all night and I'm meant to be fine with it?", "messages from your sister come in all night"),
    ("Oh great job remembering my birthday, really", "my birthday got forgotten"),
    ("thanks for leaving me exactly zero milk, very considerate", "the milk gets used up before me"),
    ("oh sure, thanks so much for \"helping\" with the cooking tonight", "I do the cooking on my own tonight"),
    ("sure, go ahead and buy another bike, we didn't need the rent money anyway", "another bike gets bought while we still need the rent money"),
    ("why does every dinner have to turn into an argument with you", "our dinners turn into an argument"),
    ("you should be the one saying sorry", "an argument ends without an apology"),
    ("You should know by now that I hate surprises.", "surprises still happen"),
    ("tell me again how tired you are from scrolling reddit all evening", "scrolling reddit takes up the evening"),
    ("You flirt with the barista every single morning.", "the barista gets flirted with,"),
    ("he talks to me like a child in front of his mates", "I get spoken to like a child"),
    ("wow, you actually remembered my name, only took you two weeks", "only after two weeks"),
])
def test_round5_content_kept(text, expect):
    r = rewrite(text)
    assert r.blaming and expect in r.suggestion, r.suggestion
    c = check_rewrite(text, r.suggestion)
    assert all(c[k] for k in STRUCTURAL), c


@pytest.mark.parametrize("text,bad", [
    ("sex only happens when you want it and then I'm the problem when I'm not", "when I'm not,"),
    ("Your brother can say anything to me and you won't say a thing.", "a thing"),
    ("honestly you're the worst at apologizing, you say sorry like it physically pains you", "pains you"),
])
def test_round5_broken_outputs_rejected(text, bad):
    r = rewrite(text)
    assert r.suggestion and bad not in r.suggestion, r.suggestion


# ---- round 6: the user's own words when the stock phrase would drop them (sentences made up for the test; the
# paraphrases in generalise_rewrite.txt sections 10-17 were written before the rules)

@pytest.mark.parametrize("text,expect", [
    ("you leave your muddy boots on the rug every evening", "boots get left on the rug"),
    ("she blew 250 quid on a drone without even asking me", "250 quid went on a drone without us talking first"),
    ("you always play chess online till 2am", "playing chess online goes on till 2am"),
    ("oh sure, leave the compost bin another week", "the compost bin gets left for another week"),
    ("great job forgetting to water the plants, genius", "watering the plants got forgotten"),
    ("you should have asked before inviting your cousins for the weekend", "without us talking first"),
    ("you keep lying to me about the lottery tickets", "what I hear about the lottery tickets doesn't match what happened"),
    ("you're so irresponsible with the car loan", "the car loan gets handled without a plan we both agreed on"),
    ("She shuts me down every time I mention a holiday.", "I mention a holiday and I get shut down"),
    ("you never ring when you promise to and I sat up all night", "I sat up all night"),
])
def test_round6_own_words_kept(text, expect):
    r = rewrite(text)
    assert r.blaming and expect in r.suggestion, r.suggestion
    c = check_rewrite(text, r.suggestion)
    assert all(c[k] for k in STRUCTURAL), c


@pytest.mark.parametrize("text,bad", [
    ("You always roll your eyes at me.", "eyes get rolled"),            # a body part is not a thing left somewhere
    ("he hasn't mopped in weeks", "in weeks on my own"),                # "in weeks" after a negation reads as nonsense
    ("my partner never lifts a finger at weekends", "my partner helps"),  # an observation must not drop a "never"
    ("you keep lying about the bills, I can tell when we talk", "match what happened when we talk"),  # an unrelated "when"
])
def test_round6_own_words_never_garbled(text, bad):
    r = rewrite(text)
    assert r.suggestion and bad not in r.suggestion, r.suggestion


def test_round6_own_words_only_replace_a_situation_that_lost_the_content():
    # the chosen situation already keeps the user's words: nothing is rebuilt
    r = rewrite("You never help with the dishes")
    assert "I do the dishes on my own" in r.suggestion


# ---- round 7: one sentence, one rewrite. A typo fixer that broke ties in set order ("forgt": forget or forgot)
# made the same sentence come out differently from one process to the next.

def test_rewrite_is_the_same_under_any_hash_seed():
    import os
    import subprocess
    import sys
    code = ("from bot.language.rewriting import rewrite\n"
            "for s in ['you always forgt to feed the cat', 'ur so lazy omg the dog hasnt been walked all day',\n"
            "          'u nevr hlep with the dishs', 'You spent 80 quid on a fishing reel again']:\n"
            "    print(rewrite(s).suggestion)\n")
    outs = []
    for seed in ("1", "4"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        res = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120,
                             cwd=str(__import__("pathlib").Path(__file__).resolve().parents[2]))
        assert res.returncode == 0, res.stderr
        outs.append(res.stdout)
    assert outs[0] == outs[1]
    assert "feeding the cat gets forgotten" in outs[0]


# ---- round 7: general sentence shapes in the user's own words (generalise3_rewrite.txt written before the rules),
# requests that fit the situation named, and situations that are grammatical clauses

def test_generalise3_rewrite_set_keeps_the_users_situation():
    rows = [(s, rewrite(s).suggestion) for s in load_lines("generalise3_rewrite.txt")]
    rows = [(s, sug) for s, sug in rows if sug]
    checks = [check_rewrite(s, sug) for s, sug in rows]
    assert all(all(c[k] for k in STRUCTURAL) for c in checks)
    assert sum(c["keeps_situation"] for c in checks) / len(rows) >= 0.75


@pytest.mark.parametrize("text,expect", [
    ("ur so lazy omg the dog hasnt been walked all day", "the dog hasn't been walked all day"),
    ("Must be nice to sleep in till eleven while I sort the kids out.", "while I sort the kids out"),
    ("Why am I always the one sorting out the car insurance?", "I'm the one sorting out the car insurance"),
    ("You make me do all the planning for Christmas.", "I end up doing all the planning for Christmas"),
    ("you can't even remember to lock the car, and you never once cooked a meal for the kids this month", "the car"),
    ("You let your sister insult me and said nothing, that says everything.", "your sister insults me"),
])
def test_round7_own_words(text, expect):
    assert expect in rewrite(text).suggestion


@pytest.mark.parametrize("text,wrong", [
    ("You'd rather be at the pub with Dave than spend one evening with me.", "budget"),
    ("My boyfriend acts like sex is something I owe him after he takes me out.", "budget"),
    ("Every single time we visit your parents you abandon me in the kitchen.", "housework"),
    ("You're selfish in bed and you know it.", "housework"),
])
def test_round7_request_fits_the_situation(text, wrong):
    assert wrong not in rewrite(text).suggestion


@pytest.mark.parametrize("text,bad", [
    ("I spent all Sunday cleaning, cooking for your parents and bathing the kids, and you couldn't even drag yourself "
     "off the couch to set the table, as usual.", "both of us"),
    ("You let your sister insult me and said nothing, that says everything.", "when I heard things"),
    ("Yaar you never ever come on time, my whole family was waiting for you", "I go on time on my own"),
    ("Why can Priya's husband cook dinner every night but you can't boil an egg?", "an egg doesn't get boiled"),
    ("ur always on ur phone when im trying to talk to u", "talk to,"),
])
def test_round7_situations_are_grammatical(text, bad):
    assert bad not in rewrite(text).suggestion


@pytest.mark.parametrize("sit", ["both of us doesn't get dragged off the couch", "I go on time on my own", "I change on my own",
                                 "an egg doesn't get boiled", "I heard things", "his mates mock me gets allowed"])
def test_round7_grammar_check(sit):
    assert _broken_grammar(sit)


# ---- round 8: the user's own ask as the request ("you should have X"), sarcastic praise read as the literal event,
# comparisons reduced to the partner's part (generalise4_rewrite.txt written before the rules)

def _req(s):
    return FRAME.match(rewrite(s).suggestion).group("request")


def _sit(s):
    return FRAME.match(rewrite(s).suggestion).group("situation")


def test_generalise4_rewrite_set_keeps_the_users_content():
    rows = [(s, rewrite(s).suggestion) for s in load_lines("generalise4_rewrite.txt")]
    rows = [(s, sug) for s, sug in rows if sug]
    checks = [check_rewrite(s, sug) for s, sug in rows]
    assert all(all(c[k] for k in STRUCTURAL) for c in checks)
    assert sum(c["keeps_situation"] for c in checks) / len(rows) >= 0.75


@pytest.mark.parametrize("text,expect", [
    ("you should have called me when you knew you'd be late", "call me when you know you'll be late"),
    ("you should have texted me when you knew the train was cancelled", "text me when you know the train is cancelled"),
    ("you should've locked the back door when you went out last night", "lock the back door when you go out"),
    ("honestly you should have asked before lending my bike to your brother", "ask me before lending my bike to your brother"),
    ("you should've asked before inviting ur whole team over for drinks", "ask me before inviting your whole team over for drinks"),
    ("You should apologise to my mum before Sunday, end of discussion.", "apologise to my mum before Sunday"),
])
def test_round8_should_becomes_the_request(text, expect):
    assert _req(text) == expect


@pytest.mark.parametrize("text", ["You should spend more time with the kids.", "you should grow up and stop gaming till 3am",
                                  "You should have told me you lost your job instead of letting me hear it from your sister."])
def test_round8_should_never_asks_vaguely_or_about_the_past(text):
    req = _req(text)
    assert not re.search(r"\b(?:more|grow|stop|lost|was|did)\b", req)


@pytest.mark.parametrize("text,expect", [
    ("Typical you, forgetting the passports the morning of the flight.", "the passports got forgotten the morning of the flight"),
    ("Typical you, losing the car keys ten minutes before we have to leave.", "the car keys got lost ten minutes before we have to leave"),
    ("Well done on shrinking my favourite jumper in the wash, genius.", "my favourite jumper got shrunk in the wash"),
    ("Well done on burning the rice again, genius.", "the rice got burned"),
    ("Real mature, slamming the door like a teenager.", "the door got slammed"),
    ("Nice of you to turn up an hour after the party started.", "I'm left waiting until an hour after the party started"),
    ("Nice of you to finally show up, only forty minutes after the movie started 🙄", "I'm left waiting until forty minutes after the movie started"),
    ("Nice of you to finally show up, only two hours late.", "I'm left waiting two hours"),
])
def test_round8_sarcasm_read_as_the_literal_event(text, expect):
    assert _sit(text) == expect


@pytest.mark.parametrize("text", ["thanks for leaving me exactly zero milk, very considerate",
                                  "thank you so much for announcing my pregnancy before I'd even told my mum"])
def test_round8_sarcasm_never_garbled(text):
    sit = _sit(text)
    assert "exactly zero" not in sit and "would told" not in sit


@pytest.mark.parametrize("text,expect", [
    ("Unlike you, my sister's husband actually rings when he's running late.", "ring me when you are running late"),
    ("Other husbands actually help with homework, you just yell at the kids.", "help with homework"),
    ("Everyone else's partner turns up to the school play, you were at the golf club.", "turn up to the school play"),
])
def test_round8_comparison_gives_the_request(text, expect):
    assert _req(text) == expect


@pytest.mark.parametrize("text,absent", [
    ("Why is it that Tom's wife can organise a birthday party and you can't even buy a card?", "organise"),
    ("Jess's husband cooks every weekend and you can't even make toast.", "cook"),
    ("my mother in law rearranges my kitchen and you never say anything", "tell me things"),
])
def test_round8_comparison_keeps_the_partners_own_ask(text, absent):
    # the partner's own undone job is the better ask; the other person's doing never becomes the situation
    assert absent not in rewrite(text).suggestion


@pytest.mark.parametrize("text", ["You're always late.", "can you for once in your life not be twenty minutes late"])
def test_round8_text_is_a_verb_in_requests(text):
    assert _req(text) == "text me as soon as you know you'll be late"


# ---- round 9: the event in a later sentence, verbless evidence, acts done to me, activities with their place and time, texting
# shorthand (generalise5_rewrite.txt written before the rules)

def test_generalise5_rewrite_set_keeps_the_users_content():
    rows = [(s, rewrite(s).suggestion) for s in load_lines("generalise5_rewrite.txt")]
    rows = [(s, sug) for s, sug in rows if sug]
    checks = [check_rewrite(s, sug) for s, sug in rows]
    assert all(all(c[k] for k in STRUCTURAL) for c in checks)
    assert sum(c["keeps_situation"] for c in checks) / len(rows) >= 0.72


@pytest.mark.parametrize("text,expect", [
    ("You're so careless. The front door was unlocked all night.", "the front door was unlocked all night"),
    ("You're a nightmare to live with. Wet towels on the bedroom floor again this morning.",
     "there are wet towels on the bedroom floor this morning"),
    ("Your gym bag in the hallway for the fourth day running.", "the gym bag is in the hallway for the fourth day running"),
    ("You hung up on me in the middle of an argument about money.", "I got hung up on in the middle of an argument about money"),
    ("You walked off and left me standing in the car park.", "I got left standing in the car park"),
    ("You never once asked how my driving test went.", "I didn't get asked how my driving test went"),
    ("ur so lazy u havent walked the dog all wk", "the dog didn't get walked all week"),
    ("You sulked in the car the whole way to your sister's.", "there was sulking in the car the whole way to your sister's"),
    ("You never back me up when my boss calls at the weekend.", "I don't get backed up when my boss calls at the weekend"),
])
def test_round9_own_words(text, expect):
    assert _sit(text) == expect


def test_round9_verbless_evidence_is_listed():
    from bot.language.situation import evidence
    assert "there are socks on the landing, mugs on the stairs and toast crumbs in the bed" in evidence(
        "socks on the landing, mugs on the stairs, toast crumbs in the bed. every single day.")
    assert evidence("he slams every cupboard at 5am") == []  # a verb before its object is no thing


@pytest.mark.parametrize("text,bad", [
    ("you keep lying to me about the lottery tickets", "I get lied to"),  # judging verbs are not turned into "I get ..."
    ("My boyfriend acts like sex is something I owe him after he takes me out.", "I get taken out"),  # a subordinate clause is not the complaint
    ("I swear you load the dishwasher wrong on purpose so I'll stop asking you to do it.", "dishwasher wrong"),
    ("You're so ungrateful. I drove four hours to collect you from the airport.", "to collect,"),  # no half-cut "to <verb>"
])
def test_round9_situations_read_right(text, bad):
    assert bad not in (rewrite(text).suggestion or "")


# ---- round 10: the partner's act said plainly when no rule turns it around (only where the statement still holds fewer
# second-person words than the user wrote), garbled passives refused, requests made for the act (generalise6_rewrite.txt
# written before the rules)

def test_generalise6_rewrite_set_keeps_the_users_content():
    rows = [(s, rewrite(s).suggestion) for s in load_lines("generalise6_rewrite.txt")]
    rows = [(s, sug) for s, sug in rows if sug]
    checks = [check_rewrite(s, sug) for s, sug in rows]
    assert all(all(c[k] for k in STRUCTURAL) for c in checks)
    assert sum(c["keeps_situation"] for c in checks) / len(rows) >= 0.70


@pytest.mark.parametrize("text,expect", [
    ("You're such a child. You slammed the bedroom door and sulked for the whole afternoon.",
     "you slammed the bedroom door and sulked for the whole afternoon"),
    ("You're obsessed with that car. You spent more on alloys than on my birthday.", "you spent more on alloys than on my birthday"),
    ("You were on your laptop through the whole of our anniversary dinner.", "you were on the laptop through the whole of our anniversary dinner"),
])
def test_round10_the_act_said_plainly(text, expect):
    assert _sit(text) == expect


@pytest.mark.parametrize("text,bad", [
    ("You act like a spoilt brat when you lose at cards.", "you lose at cards"),  # the act's setting is not the act
    ("You humiliated me at your work party and didn't even notice.", "you humiliated"),  # a faux verb is a judgement
    ("I spent all Sunday cleaning, cooking for your parents and bathing the kids, and you couldn't even drag yourself off the couch.",
     "you cooked"),  # the speaker's own list is no act of the partner's
    ("You drank the bottle of wine I was saving for our anniversary.", "got drunk of"),
    ("You vanish upstairs the minute my family arrives.", "upstairs gets vanished"),
    ("Your phone matters more to you than I do.", "I do gets"),
    ("You should have asked before inviting your cousins for the weekend", "you should"),
])
def test_round10_never_garbled_or_judging(text, bad):
    assert bad not in rewrite(text).suggestion


@pytest.mark.parametrize("text,expect", [
    ("You hung up on me in the middle of an argument about money.", "stay on the call until we've finished, or tell me you need a break"),
    ("You shouted at me in the supermarket.", "keep your voice low when we disagree, and ask for a break if you need one"),
    ("You didn't back me up when your dad criticised my job.", "back me up when your dad criticises my job"),
    ("You didn't ask how my hospital appointment went.", "ask me how my hospital appointment went"),
    ("You always read my messages over my shoulder.", "ask me before looking at my things"),
    ("You slammed the door in my face.", "tell me you need some space, and close the door gently"),
])
def test_round10_request_fits_the_act(text, expect):
    req = _req(text)
    assert req == expect
    assert not re.search(r"\b(?:stop|don't|never|not)\b", req)


def test_round10_texting_shorthand():
    assert "paying the gas bill" in rewrite("u forgot 2 pay the gas bill agen").suggestion


# ---- round 11: the partner's act named as an event keeping its place and time (object-less acts, staying on, no reply,
# arriving late, going quiet), an act after a comma or "by", a past act after "can't believe", money spent while money is
# short, time on a device; garbled passives refused (generalise7_rewrite.txt written before the rules)

def test_generalise7_rewrite_set_keeps_the_users_content():
    rows = [(s, rewrite(s).suggestion) for s in load_lines("generalise7_rewrite.txt")]
    rows = [(s, sug) for s, sug in rows if sug]
    checks = [check_rewrite(s, sug) for s, sug in rows]
    assert all(all(c[k] for k in STRUCTURAL) for c in checks)
    assert sum(c["keeps_situation"] for c in checks) / len(rows) >= 0.80


@pytest.mark.parametrize("text,expect", [
    ("You stayed at the pub until closing on my birthday.", "the night at the pub went on until closing on my birthday"),
    ("You didn't text back for six hours yesterday.", "six hours went by without a text yesterday"),
    ("You sulked all evening.", "there was sulking all evening"),
    ("You went quiet on me for two days.", "things went quiet between us for two days"),
    ("You disappeared all Saturday without a word.", "all Saturday went by without a word"),
    ("You ranted about work for the whole evening.", "there was ranting about work for the whole evening"),
    ("You came home at 2am, slamming every door in the house.", "the doors got slammed in the house at 2am"),
    ("You turned up two hours late to my work drinks.", "I was left waiting two hours at my work drinks"),
    ("You used all the hot water before my shower.", "all the hot water got used before my shower"),
    ("why did u tell ur mum about the baby b4 me", "your mum heard about the baby before me"),
    ("You never pick up when I call.", "the phone doesn't get picked up when I call"),
    ("He laughs every time I say I'm struggling.", "there is laughter when I say I'm struggling"),
    ("You spent £340 on a gaming chair while we're behind on the council tax.",
     "£340 went on a gaming chair while we're behind on the council tax"),
    ("You don't even try with my family. You sat on your phone through the whole of Sunday lunch.",
     "the phone was out through the whole of Sunday lunch"),
    ("You ruined Diwali for everyone by sulking in the car for an hour.", "there was sulking in the car for an hour"),
    ("u ate my chocolate wtf", "my chocolate got eaten"),
])
def test_round11_the_act_as_an_event(text, expect):
    assert _sit(text) == expect


@pytest.mark.parametrize("text,bad", [
    ("You used all the hot water before my shower.", "all got used"),
    ("You turned up two hours late to my work drinks.", "late got turned up"),
    ("You sulked all evening.", "evening got sulked"),
    ("You sat there all evening, scrolling through your phone.", "there got sat"),
    ("why did u tell ur mum about the baby b4 me", "I hear your mum"),
    ("You didn't pick up when the school called about our son.", "I picked up on my own"),
    ("He's late to literally everything, including our wedding.", "gets included"),
    ("you always roll over and go to sleep", "and go comes"),
    ("If you don't stop drinking I'm leaving.", "doesn't get drunk"),
    ("u left the milk out all day ffs", "ffs"),
    ("You fall asleep on the sofa every night instead of coming to bed.", "go to bed on my own"),
])
def test_round11_never_garbled(text, bad):
    assert bad not in (rewrite(text).suggestion or "")


@pytest.mark.parametrize("text,expect", [
    ("You turned up two hours late to my work drinks.", "text me as soon as you know you'll be late"),
    ("You never pick up when I call.", "pick up, or text me back as soon as you can"),
    ("You went quiet on me for two days.", "tell me when you need some space, and when we can talk again"),
    ("why did u tell ur mum about the baby b4 me", "share our news with me first"),
])
def test_round11_request_fits_the_event(text, expect):
    assert _req(text) == expect


@pytest.mark.parametrize("text,expect", [
    ("You watched the next episode of our show without me.", "the next episode of our show got watched without me"),
    ("You parked in my space outside the flat again.", "my space got parked in outside the flat"),
    ("Typical. You went to the gym instead of coming to my recital.", "the gym came before my recital"),
    ("ur never home b4 10 on weekdays", "our evenings at home only start after 10 on weekdays"),
    ("ur always late 2 pick me up from work", "I'm left waiting to be picked up from work"),
    ("You disappear into the shed every Sunday afternoon.", "Sunday afternoons get spent in the shed"),
    ("She went through my wallet while I was in the shower.", "my wallet got searched while I was in the shower"),
    ("You walked out halfway through the argument.", "there was a walk-out halfway through the argument"),
])
def test_round11_more_events(text, expect):
    assert _sit(text) == expect


# ---- round 12: coherence of the whole suggestion: the request fits the act (no "next time" for a one-off event, a
# person left at a place is not an item left out, fuel for the car, the game or the TV rather than phones at dinner,
# respect rather than housework for criticism), the request speaks of the future (no past-tense clause or trailing
# state copied from the source), no phrase said twice (generalise8_rewrite.txt written before the rules)

def test_generalise8_rewrite_set_keeps_the_users_content():
    rows = [(s, rewrite(s).suggestion) for s in load_lines("generalise8_rewrite.txt")]
    rows = [(s, sug) for s, sug in rows if sug]
    checks = [check_rewrite(s, sug) for s, sug in rows]
    assert all(all(c[k] for k in STRUCTURAL) for c in checks)
    assert sum(c["keeps_situation"] for c in checks) / len(rows) >= 0.85


@pytest.mark.parametrize("text", [
    "You didn't come to my dad's funeral.",
    "You didn't turn up to my brother's engagement party.",
    "You weren't at our daughter's christening.",
    "You missed my graduation for a stag do.",
    "You didn't come with me to the twenty-week scan.",
    "You went to the gym instead of coming to my nan's memorial.",
    "You didn't show up to my leaving do.",
])
def test_round12_no_next_time_for_a_one_off_event(text):
    req = _req(text)
    assert "next time" not in req
    for w in ("funeral", "engagement", "christening", "graduation", "scan", "memorial"):
        assert w not in req  # the event itself can't be asked for again
    assert "put things away" not in req and "late" not in req


def test_round12_the_funeral_case_asks_forward():
    sug = rewrite("You didn't come to my dad's funeral.").suggestion
    assert "my dad's funeral" in sug
    assert _req("You didn't come to my dad's funeral.").startswith(("talk with me", "tell me", "be "))


@pytest.mark.parametrize("text,want,bad", [
    ("You left me at the party with people I didn't know.", "stay with me", "put things away"),
    ("You ditched me at the pub to go and talk to your mates.", "stay with me", "put things away"),
    ("You always leave the car with no petrol.", "tank", "put things away"),
    ("She left the van on empty after the weekend.", "tank", "put things away"),
    ("You ignore me when you're gaming.", "game", "phones"),
    ("You sit on the Xbox every evening.", "time", "phones"),
    ("You put the telly on whenever I try to talk to you.", "TV", "phones"),
    ("You spend every evening in the shed.", "evening", "budget"),
    ("You criticise the way I load the dishwasher.", "kindly", "housework"),
    ("You always criticise how I hang the washing out.", "kindly", "housework"),
    ("You laughed at my singing in front of your friends.", "jokes", "housework"),
    ("You used up all the hot water again.", "hot water", "talk about what would help"),
])
def test_round12_request_fits_the_act(text, want, bad):
    req = _req(text)
    assert want in req and bad not in req


@pytest.mark.parametrize("text,bad", [
    ("You didn't defend me when your sister criticised my job.", r"\bcriticised\b"),
    ("You didn't stick up for me when your dad shouted at me.", r"\bshouted\b"),
    ("You didn't call me after my test results came back.", r"\bcame\b|next time"),
    ("You didn't text me when your train got in.", r"\bgot in\b"),
    ("You promised you'd fix the gate and it's still broken.", r"\bstill\b|\bbroken\b"),
    ("You said you'd clear the loft and it's still full of boxes.", r"\bstill\b|\bboxes\b"),
    ("You promised to mend the fence and now the dog keeps getting out.", r"\bdog\b|\bnow\b"),
])
def test_round12_request_speaks_of_the_future(text, bad):
    assert not re.search(bad, _req(text))


@pytest.mark.parametrize("text,bad", [
    ("You embarrassed me in front of my parents.", "in front of others in front of"),
    ("You humiliated me in front of my boss.", "in front of others in front of"),
    ("Your mother runs our lives and you let her.", "get run"),
    ("You were on the phone to your ex for an hour last night.", "is out"),
    ("You missed our son's first birthday party for a football match.", "son's got"),
    ("You spend more time with your mates than with me.", "than with me on my own"),
])
def test_round12_never_garbled(text, bad):
    assert bad not in rewrite(text).suggestion


def test_round12_feeling_and_need_fit_the_topic():
    r = rewrite("You criticise the way I load the dishwasher.")
    assert r.need == "respect" and r.feeling == "hurt"
    r = rewrite("You watch football all weekend and I barely see you.")
    assert r.need == "connection"
    assert rewrite("You spent the whole weekend at your mum's.").need == "connection"
    assert "budget" in _req("You spent £300 on trainers without asking me.")


# ---- round 13: the user's situation kept in the "when" clause: a thing or place in a state as the evidence, a promise to
# stop a habit, being made late, staying out at a place until an hour, scare quotes, sarcastic thanks for an act that
# happened, "treats our flat like a hotel", a job the speaker does alone; a stock phrase gives way to the user's own clause
# whenever that keeps more of what they said (generalise9_rewrite.txt written before the rules)

def test_generalise9_rewrite_set_keeps_the_users_content():
    rows = [(s, rewrite(s).suggestion) for s in load_lines("generalise9_rewrite.txt")]
    rows = [(s, sug) for s, sug in rows if sug]
    checks = [check_rewrite(s, sug) for s, sug in rows]
    assert all(all(c[k] for k in STRUCTURAL) for c in checks)
    assert sum(c["keeps_situation"] for c in checks) / len(rows) >= 0.80


@pytest.mark.parametrize("text,expect", [
    ("You're such a slob, there are socks all over the bedroom floor.", "there are socks all over the bedroom floor"),
    ("The sink is full of your dirty pans again.", "the sink is full of the dirty pans"),
    ("my wife is a complete slob, there are plates under the sofa", "there are plates under the sofa"),
    ("You were at the pub until midnight.", "staying at the pub went on until midnight"),
    ("You were round your ex's house until eleven.", "the night round your ex's house went on until eleven"),
    ("You promised to stop smoking.", "the smoking carries on after the promise to give it up"),
    ("You swore you'd quit vaping by Christmas.", "the vaping carries on after the promise to give it up by Christmas"),
    ("Let me guess, you \"forgot\" to ring the landlord.", "ringing the landlord got forgotten"),
    ("You treat our flat like a hotel.", "our flat gets treated like a hotel"),
    ("She treats the joint account like her own pocket money.", "the joint account gets treated like one person's pocket money"),
    ("You always ruin Christmas.", "Christmas gets ruined"),
    ("Whatever, I'll book the kids' dentist appointments myself like always.", "I book the kids' dentist appointments on my own"),
    ("You spent the whole of Sunday on the golf course again.", "the whole of Sunday got spent on the golf course"),
    ("You went to Brighton with your friends without telling me.", "a trip to Brighton with your friends came up without a word to me"),
    ("Why does it take you a week to answer a simple text?", "answering a simple text takes a week"),
    ("Thanks to you we missed our flight to Lisbon.", "we missed our flight to Lisbon"),
])
def test_round13_the_users_situation(text, expect):
    assert _sit(text) == expect


@pytest.mark.parametrize("text,want,bad", [
    ("You promised to stop smoking.", "giving up smoking", "smoke this week"),
    ("You said you'd stop gambling and you've been on the betting app all week.", "giving up gambling", "gamble"),
    ("You made me late for my sister's wedding.", "leaving time", "text me"),
    ("Because of you I was late for my job interview.", "leaving time", "text me"),
    ("You made me late for work again.", "time to leave", "text me"),
    ("Don't bother, I'll ring the plumber myself.", "ring the plumber", "reply"),
    ("You treat my car like a skip.", "look after my car", "talk to me the way"),
    # the check block's misses, by concept
    ("Why is it always me who has to clean the fish tank?", "", "fill the tank"),
    ("You spent the whole of Sunday on the golf course again.", "", "budget"),
    ("You're so thoughtless, the hallway is full of your muddy boots.", "sort out the muddy boots", "check with me"),
    ("You went to Brighton with your friends without telling me.", "plans", "talk about what would help"),
])
def test_round13_request_fits_the_act(text, want, bad):
    req = _req(text)
    assert want in req and bad not in req


@pytest.mark.parametrize("text,expect,bad", [
    ("Thanks a lot for putting my wool jumper in the dryer.", "my wool jumper", "I put my wool jumper in the dryer on my own"),
    ("Cheers for eating my leftovers, really kind.", "my leftovers got eaten", "leave some my"),
    ("wow thanks for helping with the kids tonight", "I look after the kids on my own", "got helped"),
])
def test_round13_sarcastic_thanks_reads_the_act(text, expect, bad):
    sug = rewrite(text).suggestion
    assert expect in sug and bad not in sug


def test_round13_names_keep_their_capitals_and_nothing_else():
    from bot.language.rewriting import _recase
    # "Day" in "Mother's Day" is a name, but the user wrote "a day ahead" in lower case: that stays lower case
    assert _recase("I got told a day ahead", "You only told me a day ahead that we were doing Mother's Day lunch.") == "I got told a day ahead"
    # a sentence's first word is capitalised as a sentence start (after an emoji too), not as a name
    assert _recase("tom heard about the day trips", "Ugh. Day trips are your idea 🙄 Trips you plan alone, and you told Tom.") \
        == "Tom heard about the day trips"
