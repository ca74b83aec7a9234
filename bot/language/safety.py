"""Safety screening (self-harm, violence, abuse), help resources per region and the caring reply."""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from . import heads
from . import inventory as data
from .text import clean

Level = Literal["none", "concern", "crisis"]
Kind = Literal["self_harm", "violence", "abuse"]


@dataclass(frozen=True)
class Screening:
    text: str
    level: Level
    kind: Kind | None


@dataclass(frozen=True)
class Resource:
    name: str
    contact: str
    region: str
    checked: _dt.date


KINDS: tuple[Kind, ...] = ("self_harm", "abuse", "violence")
MAX_SCREEN_CHARS = 20000


@dataclass(frozen=True)
class _Rule:
    """One compositional rule (safety.yaml 'compose'): concept lexicons combined within a clause."""
    name: str
    kind: Kind
    level: str
    match: re.Pattern
    keys: frozenset[str] | None  # literal prefilter: the rule can't match unless one of these occurs
    also: re.Pattern | None
    unless: re.Pattern | None
    unless_whole: re.Pattern | None
    count: int  # distinct cues needed (farewell cues, plan cues)


@lru_cache(maxsize=1)
def _compiled():
    d = data.safety()
    pats = {k: {lv: [_keyed(re.compile(p)) for p in d[k].get(lv, [])] for lv in ("crisis", "concern")} for k in KINDS}
    nots = d["not"]
    return pats, {
        "negation": re.compile(nots["negation"]),
        "idioms": [re.compile(p) for p in nots["idioms"]],
        "fiction": re.compile(nots["fiction"]),
        "game": re.compile(nots["game"]),
        "sport": re.compile(nots["sport"]),
        "joke": re.compile(nots["joke"]),
        "third_party": re.compile(nots["third_party"] + "|" + nots.get("third_party_lost", "(?!x)x") + "|" + nots.get("third_party_died", "(?!x)x")),
        "milestone": re.compile(nots.get("milestone", "(?!x)x")),
        "milestone_not": re.compile(nots.get("milestone_not", "(?!x)x")),
        "past": re.compile(nots["past"]),
        "recovered": re.compile(nots["recovered"]),
        "relapse": re.compile(nots["relapse"]),
        "jump": re.compile(r"\b(?:jump|jumps|jumped|jumping|leap|leaps|leapt|leaping)\b"),
        "leisure": re.compile(nots["leisure"]),
        "playful": re.compile(nots["playful"]),
        "accident": re.compile(nots["accident"]),
        "playful_serious": re.compile(nots["playful_serious"]),
        "reflective": re.compile(nots["reflective"]),
        "reflective_not": re.compile(nots["reflective_not"]),
    }, _rules(d.get("compose", {}), nots)


# ------------------------------------------------------------------ compositional layer

def _inflect(entry: str) -> list[str]:
    """All forms of a verb lexicon entry: 'kill' -> kill/kills/killed/killing; irregular verbs list their forms."""
    if " " in entry:
        return entry.split(" ") if not entry.endswith(" on") and " over" not in entry else [entry]
    v = entry
    third = v + "es" if re.search(r"(?:s|sh|ch|x|z)$", v) else v[:-1] + "ies" if re.search(r"[^aeiou]y$", v) else v + "s"
    past = v + "d" if v.endswith("e") else v[:-1] + "ied" if re.search(r"[^aeiou]y$", v) else v + "ed"
    ing = v[:-1] + "ing" if v.endswith("e") and not v.endswith("ee") else v + "ing"
    return [v, third, past, ing]


def _lexicon(value) -> str:
    if isinstance(value, dict):  # {verbs: [...]}
        forms: list[str] = []
        for entry in value["verbs"]:
            if " over" in entry or entry.endswith(" on"):  # phrasal: 'run over runs over ran over running over'
                words = entry.split(" ")
                particle = words[1]
                forms += [" ".join(words[i:i + 2]) for i in range(0, len(words), 2) if words[i + 1:i + 2] == [particle]]
            else:
                forms += _inflect(entry)
        forms = sorted(set(forms), key=lambda f: (-len(f), f))
        return "(?:" + "|".join(re.escape(f).replace("\\ ", " ") for f in forms) + ")"
    return "(?:" + str(value) + ")"


def _fill(template: str | None, lex: dict[str, str]) -> re.Pattern | None:
    if not template:
        return None
    return re.compile(re.sub(r"\{(\w+)\}", lambda m: lex[m.group(1)] if m.group(1) in lex else m.group(0), template))


def _rules(compose: dict, nots: dict) -> list[_Rule]:
    lex = {name: _lexicon(v) for name, v in compose.get("lex", {}).items()}
    lex.setdefault("accident", "(?:" + nots["accident"] + ")")
    out = []
    for r in compose.get("rules", []):
        match = _fill(r["match"], lex)
        out.append(_Rule(name=r["name"], kind=r["kind"], level=r.get("level", "crisis"), match=match,
                         keys=_keyed(match)[1], also=_fill(r.get("also"), lex), unless=_fill(r.get("unless"), lex),
                         unless_whole=_fill(r.get("unless_whole"), lex), count=int(r.get("count", 1))))
    return out


# ------------------------------------------------------------------ literal prefilter
# For each pattern, a set of literal strings of which every match must contain one (read from the regex's parse
# tree). A clause is a piece of the whole message, so when none of them occurs in the message the pattern can't
# match anywhere and is skipped: the result is exactly the same, only faster.
try:
    from re import _constants as _sc, _parser as _sp  # Python 3.11+
except ImportError:  # pragma: no cover
    import sre_constants as _sc  # type: ignore[no-redef]
    import sre_parse as _sp  # type: ignore[no-redef]

_CAP = 48


def _exact_seq(items) -> set[str] | None:
    out = {""}
    for op, av in items:
        e = _exact_item(op, av)
        if e is None:
            return None
        out = {a + b for a in out for b in e}
        if len(out) > _CAP:
            return None
    return out


def _exact_item(op, av) -> set[str] | None:
    """The finite set of strings one parse item can consume, or None when it isn't small and finite."""
    if op is _sc.LITERAL:
        return {chr(av)}
    if op in (_sc.AT, _sc.ASSERT, _sc.ASSERT_NOT):
        return {""}  # zero-width
    if op is _sc.IN:
        chars: set[str] = set()
        for o, a in av:
            if o is _sc.LITERAL:
                chars.add(chr(a))
            elif o is _sc.RANGE and a[1] - a[0] < 8:
                chars.update(chr(c) for c in range(a[0], a[1] + 1))
            else:
                return None
        return chars if len(chars) <= 8 else None
    if op is _sc.SUBPATTERN:
        return _exact_seq(av[-1])
    if op is _sc.BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            e = _exact_seq(alt)
            if e is None:
                return None
            out |= e
        return out if len(out) <= _CAP else None
    if op in (_sc.MAX_REPEAT, _sc.MIN_REPEAT):
        lo, hi, sub = av
        if (lo, hi) == (0, 1):
            e = _exact_seq(sub)
            return None if e is None else e | {""}
        if lo == hi == 1:
            return _exact_seq(sub)
    return None


def _score(fs: set[str]) -> int:
    return min(min(len(f.strip()) for f in fs), 6) * 10 - len(fs)


def _required(items) -> set[str] | None:
    """A set of strings of which any match of the sequence contains one, or None."""
    cands: list[set[str] | None] = []
    run = {""}
    for op, av in items:
        e = _exact_item(op, av)
        if e is not None:
            new = {a + b for a in run for b in e}
            if len(new) <= _CAP:
                run = new
                continue
            cands.append(run)
            run = e
            continue
        cands.append(run)
        run = {""}
        if op is _sc.SUBPATTERN:
            cands.append(_required(av[-1]))
        elif op is _sc.BRANCH:
            alts = [_required(alt) for alt in av[1]]
            cands.append(None if any(a is None for a in alts) else set().union(*alts))
        elif op in (_sc.MAX_REPEAT, _sc.MIN_REPEAT) and av[0] >= 1:
            cands.append(_required(av[2]))
    cands.append(run)
    good = [c for c in cands if c and "" not in c and _score(c) >= 20]
    return max(good, key=_score) if good else None


def _factors(pattern: str) -> tuple[str, ...] | None:
    try:
        req = _required(list(_sp.parse(pattern)))
    except Exception:  # pragma: no cover - no prefilter is always safe
        return None
    return tuple(sorted(req, key=len)) if req else None


def _keyed(pat: re.Pattern) -> tuple[re.Pattern, frozenset[str] | None]:
    keys = _factors(pat.pattern)
    return pat, None if keys is None else frozenset(keys)


def _trie(words: list[str]) -> str:
    """A regex alternation shaped as a trie (shared prefixes factored out), so each position costs little."""
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        if len(alts) == 1 and "" not in node:
            return alts[0]
        group = "(?:" + "|".join(alts) + ")"
        return group + "?" if "" in node else group  # greedy: the longest key at a position comes first

    return emit(tree)


@lru_cache(maxsize=1)
def _key_index():
    """One scan finds every prefilter key in a message: a trie regex tried at each position (longest first),
    then every key that is a prefix of a found one (it starts at the same place, so it occurs too)."""
    pats, _nots, rules = _compiled()
    keys: set[str] = set()
    for kind in pats.values():
        for group in kind.values():
            for _pat, ks in group:
                keys |= ks or set()
    for rule in rules:
        keys |= rule.keys or set()
    ordered = sorted(keys)
    prefixes = {k: frozenset(p for p in ordered if k.startswith(p)) for k in ordered}
    return re.compile("(?=(" + _trie(ordered) + "))"), prefixes


_PREFILTER = True  # tests switch it off to check it never changes a result


def _present_keys(whole: str) -> set[str] | None:
    if not _PREFILTER:
        return None
    scan, prefixes = _key_index()
    found: set[str] = set()
    for m in scan.finditer(whole):
        k = m.group(1)
        if k not in found:
            found |= prefixes[k]
    return found


_NORMALISE = [
    (r"\bwanna\b", "want to"), (r"\bgonna\b", "going to"), (r"\bgotta\b", "got to"), (r"\bim\b", "i'm"),
    (r"\bive\b", "i've"), (r"\bill\b(?= (kill|hurt|end|do|stab|shoot|jump|take|cut))", "i'll"), (r"\bu\b", "you"),
    (r"\bmy self\b", "myself"), (r"\bid\b(?= (?:love|rather|like|never|be|have|want|do) )", "i'd"), (r"\bcuz\b", "because"), (r"\bun-?alive\b", "kill"), (r"\bsewer ?slide\b", "suicide"),
    (r"\bdont\b", "don't"), (r"\bcant\b", "can't"), (r"\bwont\b", "won't"), (r"\bdoesnt\b", "doesn't"),
    (r"\bdidnt\b", "didn't"), (r"\bisnt\b", "isn't"), (r"\bwhats\b", "what's"), (r"\bthats\b", "that's"),
    (r"\bhes\b", "he's"), (r"\bshes\b", "she's"), (r"\btheyre\b", "they're"), (r"\bhed\b", "he'd"),
    (r"\b(he|she|it)'s (going to|about to)\b", r"\1 is \2"), (r"\b(they|we)'re (going to|about to)\b", r"\1 are \2"),
    (r"\s+", " "),
]
_NORM_RE = [(re.compile(a), b) for a, b in _NORMALISE]
_NOT_JOKE = re.compile(r"\b(?:not|no|never) (?:joking|kidding|a joke|jk)\b|\bno joke\b|\bi(?:'m| am) serious\b")
_SERIOUS = re.compile(r"\b(?:knife|gun|rifle|pistol|weapon|tonight|seriously|for real|swear|plan|planning|serious)\b")
# the message itself says it was a slip ("deleted my contacts by accident when he reset the phone"); an accident
# claimed by someone else ("said it was an accident", "pretends it was by mistake") is the excuse, not the fact
_SLIP = re.compile(r"\b(?:by accident|accidentally|by mistake|by pure chance)\b")
_CLAIMED_SLIP = re.compile(r"\b(?:says?|said|saying|claims?|claimed|claiming|insists?|insisted|swears?|swore|pretend\w*|makes? out|made out|"
                           r"apparently|supposedly|so-called|'accident'|\"accident\")\b(?:\s+[\w']+){0,4}?\s+(?:an? )?(?:accident|accidentally|mistake)\b"
                           r"|\bno accident\b|\bwasn't (?:an )?accident|\bnot (?:an )?accident|\bdidn't happen by accident\b|\bagain\b")
# round 10: a mishap told as one: a mundane thing or an ordinary moment ("stabbed myself with a fork eating spaghetti lol",
# "hit myself in the face with my own phone"); an ordinary moment is enough, a mundane thing needs the joke too
_MISHAP_ACT = re.compile(r"\b(?:stab\w*|hit|hitting|punch\w*|whack\w*|smack\w*|pok\w*|jab\w*|elbow\w*|headbutt\w*|slap\w*|kick\w*|"
                         r"cut|cutting|burn\w*|scratch\w*|bash\w*|bang\w*)\b")
_MISHAP_THING = re.compile(r"\bwith (?:a|my|the|his|her|our) (?:own |new |stupid |bloody )?(?:fork|spoon|chopsticks?|phone|remote|toothbrush|"
                           r"hairbrush|umbrella|elbow|knee|headphones|cupboard door|fridge door|car door|door|zip|hoodie|jumper|seatbelt|"
                           r"cheese grater|grater|toaster|tin|can opener|stapler|pen|pencil|book|kindle|controller|shower head|spatula)\b")
_MISHAP_DOING = re.compile(r"\b(?:eating|while (?:eating|reading|cooking|getting dressed|dancing|yawning|stretching|sneezing)|"
                           r"trying to (?:open|get|pull|put|reach|catch|eat|take off)|in my sleep|somehow|for the (?:second|third|fourth|\w+th) time today)\b")
# things broken, not a person hurt: the message may call that a slip ("she broke my phone by accident and bought me a new one")
# words that say a hurt was meant, whatever the setting ('hurt myself at training because I deserve it')
_HARM_MEANT_WORDS = r"numb|cope|coping|punish\w*|relief|release|urges?|deserve\w*|hate myself|on purpose|deliberately|wanted to|meant to"
_HARM_MEANT = re.compile(rf"\b(?:{_HARM_MEANT_WORDS})\b")
_MISHAP_NOT = re.compile(rf"\b(?:again|{_HARM_MEANT_WORDS})\b")
_THINGS_ONLY = re.compile(r"\b(?:things|stuff|plates?|phone|mug|cups?|glass|glasses|laptop|door|tv|screen|vase|window|bowl)\b")
_ABOUT_ME = re.compile(r"\b(?:me|us|myself|my (?:face|head|arms?|nose|jaw|ribs?|wrists?|neck|body|hands?|legs?|back|fingers?))\b")
# pills or blades kept from a pet or a child ("hiding my pills from the dog") is care, not a stockpile
_KEPT_FROM_LITTLE_ONES = re.compile(r"\b(?:from|away from|out of reach of|where) (?:the|my|our) (?:dogs?|cats?|pupp(?:y|ies)|kittens?|pets?|"
                                    r"kids|children|toddlers?|baby|little ones?|grandkids)\b(?! (?:can't|cannot|won't) (?:find|see) me)")
_STOCKPILE = re.compile(r"\b(?:all at once|them all|the lot|so i can|so that i can|for when|for later|saving|saved up|stockpil\w*|"
                        r"enough to|end it|end things|overdose|myself|not wake)\b")
_INTENT = re.compile(r"\bi (?:want|wanna|will|'ll|am going|'m going|feel|have been|'ve been|keep|can't stop|plan|am planning|'m planning|think about|thought about|wish)\b|\bi'll\b|\bmyself\b")
_FIRST_PERSON = re.compile(r"\b(?:me|my|i|i'm|i've|i'd|myself)\b")
# a family member, friend or boss (not a partner) who 'would kill me': usually hyperbole
_HYPERBOLE = re.compile(r"\bmy (?:mum|mom|mother|dad|father|parents|nan|nana|gran|granny|grandma|grandpa|boss|teacher|coach|"
                        r"sister|brother|flatmate|roommate|landlord|friends?|mates?|bestie|family|in-laws|mother-in-law)"
                        r" (?:is going to |would |will |'ll |'d |is gonna |might |could )?(?:literally |actually |honestly )?"
                        r"(?:kill|murder|strangle|skin) (?:me|us)\b")
_TRIVIAL = re.compile(r"\b(?:mess|messy|state of|room|kitchen|house|late|forgot|forget|spent|spend|bill|grades?|marks|haircut|"
                      r"tattoo|dress|outfit|car|dent|scratch|broke|broken|lost)\b")
_ABUSE_WORDS = re.compile(r"\b(?:on purpose|angry|drunk|argument|fight|row|threat\w*|scared|afraid|again|every time|at home)\b")
# a knock taken or given in sport ('came home from jiu-jitsu with a black eye', 'she could knock me out cold, she's been
# boxing for years'): the trigger names an injury or a blow, and nothing in the message speaks of anger or a row
_SPORT_HARM = re.compile(r"\b(?:knock\w*|broke|broken|break|split|cracked|crack|bloodied|bloody|bust|busted|elbow\w*|knee[ds]?|"
                         r"tackl\w*|winded|black eyes?|shiner|bruis\w*|fat lip|nose|lip|ribs?|tooth|teeth|jaw|concuss\w*|"
                         r"dislocat\w*|fractur\w*|floored|decked|dropped|pinned|pins|headlock|takedown)\b")
_NOT_SPORT = re.compile(r"\b(?:by (?:my|the) (?:neck|throat)|next time|won't let go|argu\w*|row|rowed|fight|fought|temper|rage|raging|furious|lost it|snapped|deserv\w*|had it coming|"
                        r"not (?:even )?sorry|on purpose|drunk|threat\w*|scared|afraid|again|every time|at home|jealous|because (?:he|she|they|i))\b")
# the speaker did the injuring ('bruises on his wrists from where I held him down'): violence by me, not abuse of me
_I_CAUSED = re.compile(r"\b(?:from me|because of me|(?:from )?where i (?:\w+ ){0,2}?(?:grabbed|hit|held|squeezed|pushed|kicked|punched|"
                       r"slapped|bit|pinched|choked|threw|shoved|smacked|gripped|yanked)|i (?:gave|left|caused) (?:him|her|them))\b")
# the speaker denying it of themselves ('I'd never hit my kids, but...'): abuse triggers have no subject of their own
_SELF_DENIAL = re.compile(r"\bi(?:'d|'ll|'ve| would| will| have| do| did| could)? (?:never|not|n't|don't|didn't|wouldn't|won't|couldn't)"
                          r"(?: (?:ever|once|even|actually|really))*(?: \w+)?\s*$")
_OWN_THINGS = re.compile(r"\bmy (?:\w+ )?(?:books?|films?|dvds?|games?|records|comics?|manga|novels?)\b"
                         r"|\bwrit\w* (?:\w+ ){0,2}(?:letters?|notes?|cards?)\b")  # letters are written, not a story
_INJURY = re.compile(r"\b(?:bruises?|black eye|split lip)\b")
_VIOLENT_ACT = re.compile(r"\b(?:hit|hits|punch\w*|slap\w*|kick\w*|shov\w*|push\w*|grab\w*|chok\w*|beat\w*|threw|throws|strangl\w*|bit|bites|hurt|hurts|attack\w*) me\b")
_INJURY_ACT = re.compile(r"\b(?:cut|cuts|cutting|burn\w*|burnt|scratch\w*|scrap\w*|slic\w*|hit|hitting|bang\w*)\b")
_DELIBERATE = re.compile(r"\b(?:on purpose|deliberately|to feel|to cope|to punish|punish myself|over and over|again and again|until (?:it|they|i) (?:bled|bleed|bleeds))\b")
_KILL_ME = re.compile(r"\b(?:kill|murder|strangle|throttle|skin|end) (?:me|us)\b")
_TELL_ON = re.compile(r"\b(?:tell|post|share|send|show|expose|out)\b")
# ---- round 11: the same acts in harmless hands or places (each checked by _suppressed)
# a baby, a toddler or a pet did the grabbing ('the baby grabbed my neck and wouldn't let go')
_LITTLE_ONE_DID = re.compile(r"\b(?:the|my|our) (?:little |baby |new )?(?:baby|babies|toddler|little one|newborn|puppy|kitten|dog|cat|twins|nephew|niece|grandson|"
                             r"granddaughter|little (?:boy|girl|brother|sister))\b(?:\s+\w+)?\s*$")
_LITTLE_ONE_ACT = re.compile(r"(?:grabbed|grabs|pinned|pins|pulled|pulls|squeezed|squeezes|bit|bites|scratched|scratches|hit|hits|kicked|kicks|punched|"
                             r"punches|slapped|slaps|yanked|yanks|choked|chokes|twisted|twists|pushed|pushes|shoved|shoves|sat on|headbutt\w*|threw|throws|"
                             r"spat|spits|had|has)\b")
# a professional's hands, or a trainer's ('my physio twisted my arm behind my back till something clicked')
_CARER = re.compile(r"\bmy (?:physio|physiotherapist|osteo\w*|chiropractor|chiro|masseuse|massage therapist|doctor|gp|nurse|dentist|paramedic|"
                    r"personal trainer|trainer|coach|instructor|sparring partner|yoga teacher|sports therapist|midwife)\b")
# play equipment and water: pushed down a slide, into the pool, on the swings
_PLAY_PLACE = re.compile(r"\b(?:dance ?floor|to dance|dancing|slides?|water ?slides?|water ?park|flumes?|swings?|sledg\w*|toboggan\w*|trampoline|bouncy castle|zip ?wire|"
                         r"rollercoaster|ball pit|into the (?:pool|water|sea|lake|snow|leaves|sand)|in the (?:pool|snow|sea))\b")
# a hand that grabs to keep me safe ('grabbed my wrist to stop me stepping into the road')
_PROTECTIVE = re.compile(r"\bto (?:stop|keep) me (?:from )?(?:stepping|walking|falling|slipping|tripping|running|getting (?:hit|run over)|going under)\b|"
                         r"\bto (?:steady|catch|save|help|pull) me (?:up|out|back|from|before|when)?\b|\bbefore i (?:fell|fall|slipped|tripped)\b|"
                         r"\bto (?:steady|catch) (?:myself|me)\b|\bon the ice\b")
# a soft thing thrown ('threw a chair cushion at me when I was hogging the telly lol')
_SOFT_THING = re.compile(r"\b(?:cushions?|pillows?|socks?|teddy|teddies|soft toys?|plushies?|paper|paper balls?|scrunched|snowballs?|sweets?|popcorn|"
                         r"grapes?|a towel|tea ?towel|balls?|frisbee)\b")
# my own phone thrown onto something soft in a temper: venting, not a threat to anyone
_I_BEFORE = re.compile(r"^\s*i(?:\s+(?:just|then|literally|kind of))?\s*$")
_ONTO_SOFT = re.compile(r"\b(?:on|onto|across|at) (?:the|my|our) (?:bed|sofa|couch|settee|mattress|pillows?|cushions?|duvet|armchair|beanbag)\b")
# a rope with an ordinary job ('found the rope in the garage for the tyre swing')
_ROPE_JOB = re.compile(r"\b(?:(?:tyre|tire|rope) swing|swing|washing line|clothes ?line|tow\w*|climbing|camping|boat|sailing|tent|dog|skipping|"
                       r"tug of war|hammock|the car|roof rack|trailer|van|move|moving|christmas tree|gym|crafts?|macrame)\b")
# tablets kept for a trip, so as not to run out ('saving up my tablets for the holiday so I don't run out abroad')
# ... unless the message denies the job ('bought a rope today and it isn't for the camping trip')
_NOT_FOR_THAT = re.compile(r"\b(?:isn't|is not|it's not|not|wasn't|aren't|they're not) (?:really |actually )?(?:for|about)\b")
_MEDS_FOR_TRAVEL = re.compile(r"\bso (?:i|we) (?:don't|do not|won't|will not|never) run out\b|\bfor (?:the|my|our) (?:holiday|trip|travels?|flight|cruise)\b|"
                              r"\b(?:abroad|overseas|while i'm away|while i am away|going away)\b")
# asking how much is safe alongside something else ('how many of my pills I can take with ibuprofen')
_DOSE_SAFETY = re.compile(r"\b(?:can|should|could) (?:safely )?take (?:with|alongside|together with|on top of|after|before) (?:\w+ ){0,2}?(?:ibuprofen|paracetamol|"
                          r"food|alcohol|a drink|my (?:other )?\w+|antibiotics|the \w+)\b|\b(?:safely|safe to|the (?:max|maximum|recommended) dose|interact\w*)\b")
# round 12: tablets set out so none is missed ('pills lined up in a weekly box so I don't forget any')
_MEDS_ROUTINE = re.compile(r"\bso (?:i|we) (?:don't|do not|never|won't) (?:forget|miss|skip)\b|\b(?:weekly|daily|dosette|pill|tablet|medication) (?:box|organi[sz]er|dispenser)\b|\bblister packs?\b")
# my harm words that, near tablets or a rope, would still mean it ('how many I can take with vodka to not wake up')
_STILL_MEANT = re.compile(r"\b(?:all at once|end it|end things|enough to|overdose|not wake|never wake|die|dying|kill|myself|the lot|for good|in case i decide)\b")
# done for me, at my asking or for my sake ('reads my messages out loud to me while I'm driving', 'changed my password for me because I forgot it')
_DONE_FOR_ME = re.compile(r"\b(?:out loud|aloud) (?:to|for) me\b|\bfor me (?:while|when|because|since|as) i(?:'m| am)? (?:driving|cooking|busy|at work|in the shower|"
                          r"forgot|forget|lost|can't remember|couldn't remember|locked myself out)\b")
# the kids taken out somewhere, a visit or a trip, with nothing about never seeing them ('take the kids to see his family this summer')
_KIDS_OUTING = re.compile(r"^\s*(?:to (?:see|visit|meet|stay with)|to the (?:park|zoo|beach|cinema|pool|seaside|fair|match|dentist|doctor)|swimming|camping|"
                          r"on (?:holiday|a trip|a day out)|for (?:a|the) (?:day|weekend|afternoon|night|week)|out for)\b")
_KIDS_GONE = re.compile(r"\b(?:never see|won't see|wont see|not see|without me|away from me|forever|for good|not (?:come|bring them) back|keep them|"
                        r"i'll never|if i (?:leave|go|tell))\b")
# burning or ruining the food ('he says he'll burn the dinner if I keep distracting him')
_FOOD = re.compile(r"^\s*(?:the |my |our |your |his |her )?(?:dinner|tea|lunch|breakfast|toast|rice|pasta|cake|biscuits|pizza|chips|sauce|onions|garlic|"
                   r"food|roast|sausages|bacon|pancakes|popcorn|bread|stew|curry|soup|barbecue|bbq)\b")
_NEG_BREAKERS = {"know", "if", "whether", "sure", "think", "stop", "help", "care", "mind", "why", "see"}


def _norm(text: str) -> str:
    t = text.lower().replace("\u2019", "'")
    for pat, rep in _NORM_RE:
        t = pat.sub(rep, t)
    return t.strip()


def _clauses(t: str) -> list[str]:
    parts = re.split(r"(?<=[.!?;])\s+|\n+|\s+-\s+|\s+but\s+|,\s*(?=but\b|and\b|so\b|though\b)", t)
    return [p.strip() for p in parts if p and p.strip()]


def _negated(clause: str, start: int, neg_re: re.Pattern) -> bool:
    before = clause[:start]
    before = re.split(r"[,;:]|\b(?:and|but|so|because|though|although|cause)\b", before)[-1]
    ws = before.split()[-3:]
    if not ws:
        return False
    if any(w.strip(",.") in _NEG_BREAKERS for w in ws):
        return False
    return bool(neg_re.search(" ".join(ws)))


def _story_cue(clause: str, m: re.Match, fiction: re.Pattern) -> bool:
    """Whether the clause talks about a story (a film, a book, writing): not counting the speaker's own things
    ('my books', 'writing letters') nor the trigger's own words ('writing goodbye letters' is no story)."""
    own = [o.span() for o in _OWN_THINGS.finditer(clause)] + [m.span()]
    return any(not any(s <= f.start() < e for s, e in own) for f in fiction.finditer(clause))


def _reflective(whole: str, nots: dict) -> bool:
    """Death thought about as a subject (philosophy, mortality, curiosity), with no wish, relief or escape in it."""
    return bool(nots["reflective"].search(whole)) and not nots["reflective_not"].search(whole)


# ---- round 12: one check for every harmless-circumstance exception
# An exception that names a circumstance (an accident, a sport or hobby, play, banter, a past that healed) says
# the words were harmless. It never stands against a sign in the same message that the hurt was meant or is
# serious: 'I cut myself in the toilets at work ... I've got a blade in my wallet for tomorrow', 'burned my hand
# on the hob on purpose', 'headbutted him over the washing up. Broke his nose.'
# Exceptions about who or what (a game, a story, someone else, a child or pet, a negation) are not circumstances
# and keep their own scope.
_MEANT = re.compile(r"\b(?:on purpose|deliberately|meant to|so (?:i|he|she) (?:could|can|would|'d) (?:feel|notice|see)|to feel (?:something|anything|it|real|alive)|"
                    r"to punish|punish(?:ing)? myself|numb|relief|deserved? it|hate myself|again and again|over and over|until (?:it|they|i) (?:bled|bleed|bleeds)|"
                    r"deeper|relaps\w*|(?:hid|hide|hiding|cover|covering|covered) (?:up )?(?:the |my )?(?:marks|cuts|scars|burns|bruises)|long sleeves|"
                    r"(?:blade|razor)s? (?:in|under|inside) my (?:wallet|bag|purse|pocket|drawer|pillow|mattress|phone case)|(?:hid|hide|hiding|stash\w*|keep|kept) (?:a |the |my )?(?:blade|razor)s?|"
                    r"for tomorrow|goodbye|after i(?:'m|'ve| have) gone|when i'm gone|end it|kill myself|"
                    r"wasn't an accident|not an accident|no accident|wouldn't be an accident)\b")
# an injury done to a person: banter and play words ('over the washing up') don't make it light
_INJURED = re.compile(r"\b(?:broke|broken|busted|split|fractured|dislocated) (?:his|her|their|my) (?:nose|jaw|arm|wrist|ribs?|eye socket|cheekbone|eyebrow|lip|fingers?|shoulder)\b|"
                      r"\b(?:stitches|steri[- ]?strips|a&e|blood everywhere|knocked (?:him|her|me) (?:out|unconscious)|unconscious|couldn't breathe|can't breathe)\b")
_CIRCUMSTANCE = frozenset({"trip", "accident", "accident_idiom", "leisure", "sport", "play", "playful", "past", "milestone", "hyperbole",
                           "joke", "carer", "protective", "rope_job", "meds_ordinary", "cooking", "outing", "for_me", "venting"})
_LIGHTENED = frozenset({"playful", "hyperbole", "joke", "play"})  # banter words that an injury done outweighs


def _suppressed(kind: str, clause: str, whole: str, m: re.Match, nots: dict, level: str = "crisis") -> str | None:
    """Why a trigger doesn't count here ('idiom', 'negation', ...), or None when it counts."""
    reason = _why_harmless(kind, clause, whole, m, nots, level)
    if reason in _CIRCUMSTANCE and _MEANT.search(_TRIP.sub(" ", whole.replace(m.group(0), " ", 1))):
        return None  # a marker beyond the trigger's and the trip's own words ('say goodbye', 'when I'm gone to the conference')
    if reason in _LIGHTENED and kind in ("abuse", "violence") and _INJURED.search(whole):
        return None
    return reason


def _window(clause: str, m: re.Match, words: int) -> str:
    """The trigger with a few words either side of it."""
    before = " ".join(clause[:m.start()].split()[-words:])
    after = " ".join(clause[m.end():].split()[:words])
    return before + " " + m.group(0) + " " + after


# a place alone ('at work', 'at the gym') only says where; it makes an accident only when it names the act's setting
# straight after it ('cut my hand at work'), not a few words on ('cut myself in the toilets at work')
_ACCIDENT_PLACE = re.compile(r"\b(?:at work|at the gym)\b")


def _accident_near(clause: str, m: re.Match, accident: re.Pattern) -> bool:
    """An accident about the same act, not an accident-ish word anywhere in the clause: what I was doing within a
    few words ('burned myself with the lighter again trying to light the candles'), a place right after it."""
    cues = [c.group(0) for c in accident.finditer(_window(clause, m, 8))]
    if any(not _ACCIDENT_PLACE.fullmatch(c) for c in cues):
        return True
    return bool(cues) and bool(_ACCIDENT_PLACE.search(_window(clause, m, 2)))


# a going that is a trip, tied to the farewell itself ('say goodbye properly before I go travelling', 'my last message
# before my holiday', 'the car keys for when I'm gone to the conference')
_TRIP = re.compile(r"\b(?:before|until|till|while|when|for when) (?:i|we)(?:'m| am|'re| are)? (?:go|going|gone|leave|leaving|fly|flying|head|heading) "
                   r"(?:off )?(?:travelling|traveling|backpacking|on (?:holiday|a trip|tour|leave|honeymoon)|abroad|overseas|away|to (?:the |a )?(?:conference|airport|\w+ for (?:a|the|two|three) \w+))\b|"
                   r"\bbefore (?:my|our|the) (?:holiday|trip|travels|flight|honeymoon|gap year|summer break|time off|leave)\b")


def _why_harmless(kind: str, clause: str, whole: str, m: re.Match, nots: dict, level: str = "crisis") -> str | None:
    for idiom in nots["idioms"]:
        for im in idiom.finditer(clause):
            if im.start() <= m.end() and m.start() <= im.end() + 15:
                # 'cut myself at', 'hit myself on the': the idiom names an accident's setting
                return "accident_idiom" if "myself" in im.group(0) else "idiom"
    if kind in ("self_harm", "violence") and _negated(clause, m.start(), nots["negation"]):
        return "negation"
    intent = _INTENT.search(clause)
    story = _story_cue(clause, m, nots["fiction"])
    if kind in ("self_harm", "violence") and story and not intent:
        return "fiction"
    if kind == "violence" and (nots["game"].search(clause) or nots["game"].search(whole)):
        return "game"
    if kind == "self_harm" and nots["jump"].search(m.group(0)) and nots["leisure"].search(whole):
        return "leisure"  # bungee jumping off a bridge; the cat jumping off the balcony
    if kind in ("abuse", "violence") and not nots["playful_serious"].search(whole):
        if nots["playful"].search(whole):
            return "playful"  # 'he'll tell everyone about my karaoke if I don't come', 'she'll kill me for spoiling the ending'
        if (_KILL_ME.search(m.group(0)) or (kind == "abuse" and _TELL_ON.search(m.group(0)))) \
                and nots["joke"].search(whole) and not _SERIOUS.search(whole) and not _NOT_JOKE.search(whole):
            return "hyperbole"  # 'he's going to kill me when he finds out i ate his leftovers haha'
    if kind == "self_harm" and _INJURY_ACT.search(m.group(0)) and _accident_near(clause, m, nots["accident"]) and not _DELIBERATE.search(whole):
        return "accident"  # 'cut my leg shaving', 'burned my hand on the kettle'
    if kind == "self_harm" and _MISHAP_ACT.search(m.group(0)) and not _DELIBERATE.search(whole) and not _SERIOUS.search(whole) \
            and not _MISHAP_NOT.search(whole) \
            and (_MISHAP_DOING.search(clause) or (_MISHAP_THING.search(clause) and nots["joke"].search(whole))):
        return "accident"  # 'stabbed myself with a fork eating spaghetti lol'
    if kind == "abuse" and _SLIP.search(clause) and not _CLAIMED_SLIP.search(whole) and _THINGS_ONLY.search(m.group(0)) \
            and not _ABOUT_ME.search(m.group(0)):
        return "accident"  # a thing broken by accident, said by the speaker: not 'said it was an accident'
    if kind == "self_harm" and nots["third_party"].search(clause):
        return "third_party"
    if kind == "self_harm" and _TRIP.search(_window(clause, m, 8)):
        return "trip"
    if kind == "self_harm" and level == "concern" and _reflective(whole, nots):
        return "reflective"  # 'thinking about death a lot since reading the Stoics, in a calm philosophical way'
    if kind in ("self_harm", "abuse") and nots["past"].search(whole) and nots["recovered"].search(whole) and not nots["relapse"].search(whole):
        return "past"
    if kind == "abuse" and re.match(r"my (?:nephew|niece|son|daughter|kid|kids|baby|toddler|dog|cat|puppy|little \w+|cousin|students?|pupil)\b", clause[m.start():]):
        return "child_or_pet"
    r11 = _round11_harmless(kind, clause, whole, m, nots)
    if r11:
        return r11
    if kind == "abuse" and level == "concern" and nots["joke"].search(whole):
        return "joke"
    if kind == "abuse" and story and not _FIRST_PERSON.search(clause):
        return "fiction"  # talking about a film or documentary on abuse, nothing about the speaker
    if kind in ("abuse", "violence") and _HYPERBOLE.search(clause) and (nots["joke"].search(whole) or _TRIVIAL.search(clause)) \
            and not _SERIOUS.search(whole) and not _NOT_JOKE.search(whole):
        return "hyperbole"  # 'my mum would kill me if she saw this mess haha'
    if kind == "abuse" and nots["sport"].search(clause) and _INJURY.search(m.group(0)) and not _VIOLENT_ACT.search(clause) \
            and not _ABUSE_WORDS.search(clause) and not _NOT_SPORT.search(whole):
        return "sport"  # a knock or a bruise from a match or training
    if kind in ("abuse", "violence") and nots["sport"].search(whole) and _SPORT_HARM.search(m.group(0)) \
            and not _VIOLENT_ACT.search(clause) and not _NOT_SPORT.search(whole):
        return "sport"  # 'broke his nose in the rugby final', 'she could knock me out cold, she's been boxing for years'
    if kind == "abuse" and _INJURY.search(m.group(0)) and _I_CAUSED.search(clause):
        return "speaker_did_it"
    if kind == "abuse" and _SELF_DENIAL.search(clause[:m.start()]):
        return "negation"  # 'I'd never hit my kids': the speaker, denying it
    if kind == "self_harm" and nots["milestone"].search(whole) and not nots["milestone_not"].search(whole):
        return "milestone"  # 'one year clean from self-harm today and I'm proud of myself' 
    if kind == "violence":
        joke_text = _NOT_JOKE.sub(" ", whole)
        if nots["joke"].search(joke_text) and not _SERIOUS.search(whole) and not _NOT_JOKE.search(whole):
            return "joke"
    return None


def _round11_harmless(kind: str, clause: str, whole: str, m: re.Match, nots: dict) -> str | None:
    """Round 11: the same words in harmless hands, places or jobs; each gives way when the message speaks of anger,
    fear or intent ('the baby grabbed my neck', 'pushed me down the slide', 'found the rope for the tyre swing')."""
    hit = m.group(0)
    if kind == "abuse" and _LITTLE_ONE_DID.search(clause[:m.start()]) and _LITTLE_ONE_ACT.match(hit):
        return "child_or_pet"
    if kind in ("abuse", "violence") and _PLAY_PLACE.search(clause) and not _NOT_SPORT.search(whole):
        return "play"
    if kind == "self_harm" and re.search(r"\b(?:hurt|hurting|injured|injuring)\b", hit) and nots["sport"].search(clause) \
            and not _DELIBERATE.search(whole) and not _HARM_MEANT.search(whole):
        return "sport"  # 'hurt myself again at football'
    if kind == "abuse" and _CARER.search(clause[:m.start()]) and not _NOT_SPORT.search(whole):
        return "carer"
    if kind == "abuse" and _PROTECTIVE.search(clause) and not _NOT_SPORT.search(whole):
        return "protective"
    if kind == "abuse" and re.search(r"\b(?:threw|throws|throwing|hurled|chucked|flung|lobbed)\b", hit) and _SOFT_THING.search(hit) \
            and not _NOT_SPORT.search(whole):
        return "playful"
    if kind == "abuse" and _I_BEFORE.match(clause[:m.start()]) and re.search(r"\bmy (?:phone|things|stuff)\b", hit) \
            and _ONTO_SOFT.search(clause[m.end():]):
        return "venting"
    if kind == "self_harm" and re.search(r"\b(?:rope|ropes)\b", hit) and _ROPE_JOB.search(whole) and not _STILL_MEANT.search(whole) \
            and not _NOT_FOR_THAT.search(whole):
        return "rope_job"
    if kind == "self_harm" and re.search(r"\b(?:pills?|tablets?|meds|medication|medicine)\b", hit) \
            and (_MEDS_FOR_TRAVEL.search(whole) or _DOSE_SAFETY.search(whole) or _MEDS_ROUTINE.search(whole)) and not _STILL_MEANT.search(whole):
        return "meds_ordinary"
    if kind == "abuse" and _DONE_FOR_ME.search(clause):
        return "for_me"
    if kind == "abuse" and re.search(r"\btake (?:the|my|our) (?:kids|children|baby|son|daughter)$", hit) \
            and _KIDS_OUTING.match(clause[m.end():]) and not _KIDS_GONE.search(whole):
        return "outing"
    if kind in ("abuse", "violence") and re.search(r"\bburn\w*$", hit) and _FOOD.match(clause[m.end():]):
        return "cooking"
    return None


def screen(text: str) -> Screening:
    """Screen one message. Recall first; idioms, negations, fiction and games are not crises."""
    raw = clean(text, limit=MAX_SCREEN_CHARS)
    if not raw:
        return Screening(text=raw, level="none", kind=None)
    try:
        return _screen(raw)
    except Exception:  # pragma: no cover - a screening must never break the conversation
        return Screening(text=raw, level="none", kind=None)


def _screen(raw: str) -> Screening:
    pats, nots, rules = _compiled()
    whole = _norm(raw)
    clauses = _clauses(whole) or [whole]
    scopes = clauses + ([whole] if len(clauses) > 1 else [])
    present = _present_keys(whole)
    best: tuple[int, int, Kind] | None = None  # (level rank, kind rank, kind)
    joking = None
    for kind_rank, kind in enumerate(reversed(KINDS)):
        for level in ("crisis", "concern"):
            rank = 2 if level == "crisis" else 1
            for pat, keys in pats[kind][level]:
                if best is not None and (rank, kind_rank) <= best[:2]:
                    break  # nothing in this group can beat what we have
                if keys is not None and present is not None and keys.isdisjoint(present):
                    continue
                for scope in scopes:
                    m = next((m for m in pat.finditer(scope) if not _suppressed(kind, scope, whole, m, nots, level)), None)
                    if m is None:
                        continue
                    r = rank
                    if kind == "self_harm" and rank == 2:
                        if joking is None:
                            joking = bool(nots["joke"].search(_NOT_JOKE.sub(" ", whole))) and not _SERIOUS.search(whole)
                        if joking:
                            r = 1  # joking tone: still check in gently
                    cand = (r, kind_rank, kind)
                    if best is None or cand > best:
                        best = cand
                    break
    for rule in rules:
        kind_rank = len(KINDS) - 1 - KINDS.index(rule.kind)
        rank = 2 if rule.level == "crisis" else 1
        if best is not None and (rank, kind_rank) <= best[:2]:
            continue
        if rule.keys is not None and present is not None and rule.keys.isdisjoint(present):
            continue
        r = _apply(rule, clauses, whole, nots)
        if r:
            if rule.kind == "self_harm" and rank == 2 and nots["joke"].search(_NOT_JOKE.sub(" ", whole)) and not _SERIOUS.search(whole):
                rank = 1
            cand = (rank, kind_rank, rule.kind)
            if best is None or cand > best:
                best = cand
    if best is None:
        # only when the rules found nothing; each adds a gentle check-in, never a crisis
        kind = _second_opinion(clauses, whole, nots) or _semantic_opinion(raw, clauses, whole, nots, present)
        return Screening(text=raw, level="concern" if kind else "none", kind=kind)
    return Screening(text=raw, level="crisis" if best[0] == 2 else "concern", kind=best[2])


@lru_cache(maxsize=1)
def _consent() -> re.Pattern:
    return re.compile(r"\b" + data.safety()["compose"]["lex"]["consent"] + r"\b")


def _trigger_seen(clauses: list[str], whole: str, nots: dict, present: set[str] | None) -> bool:
    """Whether the rules already weighed these words and let them go: a screening pattern matched before its
    suppressions (a negation, an idiom, a game), or a rule matched and its own exception cancelled it
    ('keeps my passport because I lose things'). Then the model, which hears negation poorly, has no say."""
    pats, _nots, rules = _compiled()
    for kind in pats.values():
        for group in kind.values():
            for pat, keys in group:
                if keys is not None and present is not None and keys.isdisjoint(present):
                    continue
                if pat.search(whole):
                    return True
    for rule in rules:
        if rule.keys is not None and present is not None and rule.keys.isdisjoint(present):
            continue
        for clause in clauses:
            for m in rule.match.finditer(clause):
                if (rule.unless_whole is not None and rule.unless_whole.search(whole)) \
                        or _rule_unless(rule, clause, whole, nots) or _rule_suppressed(rule, clause, whole, m, nots):
                    return True
    return False


def _semantic_opinion(raw: str, clauses: list[str], whole: str, nots: dict, present: set[str] | None) -> Kind | None:
    """What the meaning model says when no rule or signal fired (heads.py), under the message-wide cues
    the rules trust to mean 'not a crisis': a joke, a story or game, an idiom, a past that is behind them."""
    opinion = heads.crisis_opinion(raw)
    if opinion is None:
        return None
    kind = opinion[0]
    if _trigger_seen(clauses, whole, nots, present) or any(idiom.search(whole) for idiom in nots["idioms"]):
        return None
    if nots["joke"].search(_NOT_JOKE.sub(" ", whole)) and not _SERIOUS.search(whole) and not _NOT_JOKE.search(whole):
        return None
    if kind in ("self_harm", "violence") and nots["fiction"].search(_OWN_THINGS.sub(" ", whole)) and not _INTENT.search(whole):
        return None
    if kind == "violence" and nots["game"].search(whole):
        return None
    if kind == "abuse" and _consent().search(whole):
        return None  # 'keeps my passport in the safe because I lose things': the speaker's own reason
    if kind in ("abuse", "violence") and _SLIP.search(whole) and not _CLAIMED_SLIP.search(whole):
        return None
    if nots["past"].search(whole) and nots["recovered"].search(whole) and not nots["relapse"].search(whole):
        return None
    if kind == "self_harm" and _reflective(whole, nots):
        return None
    if kind == "self_harm" and _KEPT_FROM_LITTLE_ONES.search(whole) and not _STOCKPILE.search(whole):
        return None
    return kind


def _apply(rule: _Rule, clauses: list[str], whole: str, nots: dict) -> bool:
    """Whether a compositional rule holds in some clause, after its own and the shared suppressions."""
    if rule.also is not None and not rule.also.search(whole):
        return False
    if rule.unless_whole is not None and rule.unless_whole.search(whole):
        return False
    cues: set[str] = set()
    for clause in clauses:
        if _rule_unless(rule, clause, whole, nots):
            continue
        for m in rule.match.finditer(clause):
            if _rule_suppressed(rule, clause, whole, m, nots):
                continue
            if rule.count <= 1:
                return True
            cues.add(m.group(0))
            if len(cues) >= rule.count:
                return True
    return False


def _rule_unless(rule: _Rule, clause: str, whole: str, nots: dict) -> bool:
    """Whether the rule's own exception holds in the clause. An accident named there is a circumstance, so it
    gives way, like the shared ones, when the message says the hurt was meant ('burned my hand on the hob on purpose')."""
    hits = [] if rule.unless is None else [u.group(0) for u in rule.unless.finditer(clause)]
    if not hits:
        return False
    return not (all(nots["accident"].fullmatch(h) for h in hits) and _MEANT.search(whole))


def _rule_suppressed(rule: _Rule, clause: str, whole: str, m: re.Match, nots: dict) -> bool:
    verb = next((g for g in ("v", "v2") if g in m.re.groupindex and m.start(g) >= 0), None)
    if verb and rule.kind in ("self_harm", "violence") and nots["negation"].search(clause[m.start():m.start(verb)]):
        return True  # 'he would never hurt me'
    return bool(_suppressed(rule.kind, clause, whole, m, nots, rule.level))


# ---------------------------------------------------------------- second opinion (safety.yaml 'signals')

@dataclass(frozen=True)
class _Group:
    name: str  # the concept it counts for ('means_strong' counts as 'means')
    weight: int
    match: re.Pattern


@lru_cache(maxsize=1)
def _signals():
    sig = data.safety().get("signals", {})
    sh = sig.get("self_harm", {})
    groups = [_Group(v.get("group", k), int(v.get("weight", 1)), re.compile(v["match"])) for k, v in sh.get("groups", {}).items()]
    anchors = frozenset(sh.get("anchors", ()))
    first = re.compile(sh["first_person"]) if sh else None
    unless = re.compile(sh["unless"]) if sh.get("unless") else None
    other = {k: (re.compile(sig[k]["match"]), re.compile(sig[k]["unless"]) if sig[k].get("unless") else None)
             for k in ("abuse", "violence") if k in sig}
    return groups, anchors, first, unless, other


_SENTENCES = re.compile(r"(?<=[.!?;])\s+|\n+")


def _second_opinion(clauses: list[str], whole: str, nots: dict) -> Kind | None:
    """A weighted signal score, for phrasings no rule covers: signals that are common alone but alarming together
    ('keep thinking about' + 'not waking up', 'hiding my pills' + 'all at once'). The kind, or None."""
    groups, anchors, first, unless, other = _signals()
    if first is not None and first.search(whole) and not nots["game"].search(whole):
        for sent in _SENTENCES.split(whole):
            if not first.search(sent) or (unless is not None and unless.search(sent)):
                continue
            if _self_harm_score(sent, whole, groups, anchors, nots):
                return "self_harm"
    for kind in ("abuse", "violence"):
        if kind not in other:
            continue
        pat, unl = other[kind]
        if unl is not None and unl.search(whole):
            continue
        for clause in clauses:
            if any(not _suppressed(kind, clause, whole, m, nots, "concern") for m in pat.finditer(clause)):
                return kind
    return None


def _self_harm_score(sent: str, whole: str, groups: list[_Group], anchors: frozenset[str], nots: dict) -> bool:
    found: dict[str, list[tuple[int, int, int]]] = {}  # concept -> (start, end, weight) of unsuppressed matches
    for g in groups:
        for m in g.match.finditer(sent):
            if not _suppressed("self_harm", sent, whole, m, nots, "concern"):
                found.setdefault(g.name, []).append((m.start(), m.end(), g.weight))
    if not anchors.intersection(found):
        return False
    for a in anchors.intersection(found):
        for s0, e0, w0 in found[a]:
            if w0 >= 2:
                return True
            for name, spans in found.items():
                if name != a and any(e <= s0 or s >= e0 for s, e, _w in spans):
                    return True  # two different concepts, one of them an anchor, not the same words
    return False


# ---------------------------------------------------------------- resources

def _region_key(region: str | None) -> str:
    res = data.resources()
    if not region:
        return "INT"
    r = str(region).strip().upper().replace("_", "-")
    if "-" in r:  # en-GB, de-DE
        r = r.split("-")[-1]
    r = res.get("aliases", {}).get(r, r)
    return r if r in res and r != "aliases" else "INT"


def resources_for(region: str | None) -> list[Resource]:
    """Help resources for a region (ISO code, locale or country name); falls back to the international list."""
    res = data.resources()
    key = _region_key(region)
    out = []
    for e in res[key]:
        checked = e["checked"]
        if isinstance(checked, str):
            checked = _dt.date.fromisoformat(checked)
        out.append(Resource(name=e["name"], contact=e["contact"], region=key, checked=checked))
    return out


def _resources_text(region: str | None) -> str:
    lines = [f"• {r.name}: {r.contact}" for r in resources_for(region)]
    return "\n".join(lines)


_OPENING = {
    ("self_harm", "crisis"): "I'm really glad you told me. That sounds incredibly heavy, and you don't have to carry it alone right now.",
    ("self_harm", "concern"): "That sounds really hard, and I'm glad you said it out loud. I'm here with you.",
    ("violence", "crisis"): "It sounds like a lot is boiling up right now, and I'm glad you told me before anything happened.",
    ("violence", "concern"): "That sounds frightening and intense. Your safety, and everyone else's, matters most right now.",
    ("abuse", "crisis"): "Thank you for telling me. What you're describing isn't okay, and it isn't your fault.",
    ("abuse", "concern"): "Thank you for telling me. You deserve to feel safe with your partner, and what you describe sounds hard.",
}
_GROUNDING = {
    "self_harm": "If you can, try one slow breath with me: in for four, hold for four, out for six. Then notice five things you can see around you.",
    "violence": "Before anything else, give the moment some space: step away to another room or outside, and let a few slow breaths out, longer out than in.",
    "abuse": "If you're in danger right now, get to a safer spot if you can and call your local emergency number. If you're safe for the moment, take one slow breath and feel your feet on the floor.",
}
_PLAN = {
    "self_harm": "When you're ready, could we make a small plan together? One person you could reach out to today, one place that feels a bit safer, and putting anything you might hurt yourself with out of reach.",
    "violence": "Could we make a small plan for the next few hours? Somewhere to cool off, someone you can call, and anything that could hurt someone put away.",
    "abuse": "If it helps, think quietly about a safety plan: a person you trust who you could call, a place you could go, and keeping your phone and important papers where you can reach them.",
}


def safety_reply(screening: Screening, region: str | None) -> str:
    """A caring reply: acknowledgement, a short grounding step, a safety-plan prompt and resources."""
    kind = screening.kind or "self_harm"
    level = screening.level if screening.level != "none" else "concern"
    parts = [_OPENING.get((kind, level), _OPENING[("self_harm", "concern")]),
             _GROUNDING[kind],
             _PLAN[kind],
             "This stays between us: nothing here goes to your partner or your group.",
             "You can talk to someone right now:\n" + _resources_text(region)]
    return "\n\n".join(parts)
