import pytest

from bot.language import Analysis, Problem, analyse


def kinds(text):
    return {p.kind for p in analyse(text).problems}


@pytest.mark.parametrize("text,kind", [
    ("You never help me with anything.", "accusing_you"),
    ("You always leave the lights on.", "absolute"),
    ("You make me so furious.", "you_make_me"),
    ("I feel like you don't even want to be here.", "feel_like"),
    ("I feel that he never listens.", "feel_like"),
    ("You're so inconsiderate.", "label"),
    ("You should have told me earlier.", "you_should"),
    ("Oh great, you're late again.", "sarcasm"),
    ("I feel ignored.", "faux_feeling"),
    ("I feel so taken for granted.", "faux_feeling"),
])
def test_each_problem_kind(text, kind):
    a = analyse(text)
    assert a.blaming
    assert kind in kinds(text)
    p = next(p for p in a.problems if p.kind == kind)
    assert isinstance(p, Problem) and p.span and p.why


@pytest.mark.parametrize("text", [
    "I feel sad when we eat apart, because I need connection. Would you be willing to have dinner with me on Friday?",
    "Could you grab some bread on the way home?",
    "What do you want for dinner?",
    "Thank you for picking up the kids, that really helped.",
    "You always know how to cheer me up.",
    "I'm worried about my exam tomorrow.",
    "It's raining again.",
    "You should try the new bakery, it's lovely.",
    "You don't have to come if you're tired.",
    "I feel like going for a walk.",
])
def test_fine_sentences_are_not_flagged(text):
    a = analyse(text)
    assert isinstance(a, Analysis)
    assert not a.blaming


def test_third_person_partner_is_covered():
    assert analyse("My husband never does the washing.").blaming


def test_rhetorical_questions_blame():
    assert analyse("Why can't you ever just listen?").blaming
    assert analyse("Do you even care about me?").blaming


@pytest.mark.parametrize("text", [
    # round 3 (blind set 3 misses, generalised)
    "your always so selfish",
    "she makes every conversation about herself",
    "everytime i bring it up you groan",
    "brilliant work forgetting my birthday",
    "you should try listening for a change",
    "you make me feel like i'm not smart enough",
    "well done, losing the keys again, einstein",
])
def test_round3_blame(text):
    assert analyse(text).blaming, analyse(text)


@pytest.mark.parametrize("text", [
    "i really appreciated you picking up the kids today",
    "i loved you cooking for my parents",
    "great job on the presentation",
    "you should try the new cafe",
])
def test_round3_not_blame(text):
    assert not analyse(text).blaming, analyse(text)


# round 4 (blind set 4 misses, generalised by concept; see tests/language/data/generalise_*.txt)
ROUND4_BLAME = [
    # sarcasm: ironic praise plus a mocking tag or a negative context
    ("Terrific, you lost the spare key again.", "sarcasm"),
    ("thanks for finishing the milk, how considerate", "sarcasm"),
    ("he finally answered my text, only took him two days, what a miracle", "sarcasm"),
    ("Sure, go ahead and spend the rent on trainers, we didn't need a roof anyway.", "sarcasm"),
    ("you've become just like your father, congratulations", "sarcasm"),
    # the partner as the subject of a complaint-shaped behaviour, also after "and then"
    ("my wife brushes aside anything I say about her drinking", "accusing_you"),
    ("you picked the football over our date night", "accusing_you"),
    ("He talks down to me in front of the kids.", "accusing_you"),
    ("you borrow my car and then act surprised that it's empty", "accusing_you"),
    ("Your aunt mocks my accent and you laugh along.", "accusing_you"),
    # accusing turns and questions
    ("why is it impossible for you to reply to a message", "accusing_you"),
    ("She's the worst at saying thank you.", "accusing_you"),
    ("you said you'd sort the bills, and here we are, still waiting", "accusing_you"),
    ("Asking about my day wouldn't kill him.", "accusing_you"),
    ("he games till 2am every night", "accusing_you"),
    ("my boyfriend acts like making toast deserves a medal", "accusing_you"),
    ("It feels like he'd rather be at work than at home with us.", "feel_like"),
    ("so I'm meant to just put up with it?", "accusing_you"),
    ("my girlfriend is so stubborn", "label"),
]


@pytest.mark.parametrize("text,kind", ROUND4_BLAME)
def test_round4_blame(text, kind):
    a = analyse(text)
    assert a.blaming, a
    assert kind in {p.kind for p in a.problems}, a
    p = next(p for p in a.problems if p.kind == kind)
    assert p.span and p.span.lower() in text.lower(), p  # the span is the user's own words


@pytest.mark.parametrize("text", [
    # appreciation with always/never, sincere praise, fair self-statements, genuine questions
    "You've never once forgotten to call me on a Sunday.",
    "he never complains about driving me to work",
    "you always know how to calm the baby down",
    "Brilliant, you got the tickets! Thank you.",
    "Congrats on the new flat, you worked so hard for it.",
    "Sure, go ahead and have the last biscuit.",
    "I need a few minutes to calm down, then I'll come back.",
    "He sat there holding my hand the whole time, I love him for it.",
    "She chose me over a big move abroad.",
    "Am I supposed to bring a dish on Saturday?",
    "why does the printer always have to jam on Mondays",
    "It wouldn't hurt to leave a bit earlier with the traffic.",
    "you were on the phone for hours with the bank, is it sorted?",
    "I think you deserve a medal for getting the kids to sleep.",
    "My husband is brilliant with our daughter.",
])
def test_round4_not_blame(text):
    assert not analyse(text).blaming, analyse(text)


def test_apostrophe_words_are_not_typo_fixed():
    from bot.language.text import expand
    assert expand("It wouldn't kill you") == "it would not kill you"
    assert expand("you shouldn't") == "you should not"


# round 5 (blind set 5 misses, generalised by concept; see the round-5 blocks of tests/language/data/generalise_*.txt)
ROUND5_BLAME = [
    ("unlike him, my mates at least pretend to listen", "accusing_you"),                       # comparison with others
    ("other dads somehow manage to get to sports day", "accusing_you"),
    ("you give your phone more attention than you give me", "accusing_you"),                   # favouring something over me/us
    ("Your mum matters more to you than I do.", "accusing_you"),
    ("he only texts me when he's bored or drunk", "accusing_you"),                             # kindness on a condition
    ("The only time she hugs me is when she wants money.", "accusing_you"),
    ("cheers for posting our row all over facebook, lovely", "sarcasm"),                       # ironic thanks for a disclosure
    ("his jealousy is exhausting", "label"),                                                   # a vice named as a noun
    ("he just goes \"whatever\" and turns the telly up", "accusing_you"),                      # a stock dismissal
    ("you are genuinely the least reliable person i know", "label"),                          # superlatives
    ("He's honestly the most selfish man I've ever met.", "label"),
    ("Never mind, I'll just do it myself since nobody else will.", "sarcasm"),                 # passive-aggressive self-reliance
    ("I can never do anything right in your eyes.", "accusing_you"),                           # never good enough
    ("must be great having a wife who sorts all your admin, eh?", "sarcasm"),                  # ironic envy
    ("he treats the kids like they're a nuisance", "accusing_you"),                            # contemptuous treatment
    ("you swear like a sailor in front of the kids", "accusing_you"),
    ("He promised he'd be home for bedtime and wasn't.", "accusing_you"),                      # broken promises
    ("none of your promises mean anything anymore", "accusing_you"),
    ("you think having a hard day gives you the right to snap at us", "accusing_you"),        # entitlement
    ("you're such a scrooge about the heating", "label"),                                     # more labels
    ("my husband is a proper couch potato", "label"),
    ("all she ever does is complain about my mum", "accusing_you"),
]


@pytest.mark.parametrize("text,kind", ROUND5_BLAME)
def test_round5_blame(text, kind):
    a = analyse(text)
    assert a.blaming, a
    assert kind in {p.kind for p in a.problems}, a
    p = next(p for p in a.problems if p.kind == kind)
    assert p.span and p.span.lower() in text.lower() and p.why, p  # the span is the user's own words


@pytest.mark.parametrize("text", [
    "Unlike you, I can't cook to save my life.",
    "He earns more than me and that's fine.",
    "You treat me better than anyone ever has.",
    "The only time you get to rest is when the baby naps, so go lie down.",
    "Thanks so much for telling my mum about the surprise party plan, she loved helping.",
    "Your jealousy last night made sense after what happened, I get it.",
    "You just say the word and I'll come get you.",
    "He's the least selfish man I know.",
    "I'll book the dentist myself, you've got enough on this week.",
    "Nothing I cook is ever as good as your lasagne.",
    "Must be lovely having your sister nearby now.",
    "It must be nice to finally have a garden, congratulations!",
    "He treats me like a queen.",
    "He sleeps like a baby after football.",
    "You promised to fix the fence and you did it in a day, thank you.",
    "I never get bored talking to you.",
    "He's been walking toward the station.",
])
def test_round5_not_blame(text):
    assert not analyse(text).blaming, analyse(text)


def test_new_labels_do_not_swallow_everyday_words():
    from bot.language.text import expand
    assert expand("toward the station") == "toward the station"   # not "coward"
    assert expand("it's all peachy").endswith("peachy")  # not "preachy"


# round 9 (shapes missed on fresh text, generalised by concept; paraphrases in tests/language/data/generalise5_*.txt,
# written before the rules). These are new wordings of each concept, not lines from any held-out set.
ROUND9_BLAME = [
    ("honestly you're such a big baby about the dentist", "label"),                            # short verdicts
    ("he's so tight he makes me pay for my own birthday drink", "label"),
    ("She's a real diva about where we sit.", "label"),
    ("you never miss a chance to have a dig at my mum", "accusing_you"),                       # fault-finding habits
    ("did you honestly think I wouldn't check the bank statement?", "accusing_you"),           # accusing questions
    ("does he even know where the hoover lives?", "accusing_you"),
    ("ever heard of a laundry basket??", "accusing_you"),
    ("is this your idea of tidying up?", "accusing_you"),
    ("you were 'at the gym' for five hours", "sarcasm"),                                       # scare quotes, guesses
    ("let me guess, your phone was on silent again", "sarcasm"),
    ("The kids had chocolate for tea. Fantastic parenting.", "sarcasm"),                       # ironic praise
    ("Wonderful, you've let the bath overflow.", "sarcasm"),
    ("you told me you'd sort the car tax", "accusing_you"),                                    # promises stated as broken
    ("He promised he'd fix the shower in March and it's still broken.", "accusing_you"),
    ("Amy's boyfriend cooks her dinner every Friday. You order a kebab.", "accusing_you"),     # other people's partners
    ("my husband is a grown man who can't find the fridge", "accusing_you"),                   # third-person complaints
    ("She thinks the dishwasher empties itself.", "accusing_you"),
    ("You had no right to move my things.", "accusing_you"),                                   # no right, time, feigning
    ("funny how you've got time for the gym but never for us", "accusing_you"),
    ("don't play innocent with me", "accusing_you"),
    ("not that you'd care, but I got the job", "sarcasm"),                                     # guilt trips
    ("don't mind me, I'll just do bedtime on my own again", "sarcasm"),
    ("why are your shoes all over the hallway every single day? gross", "accusing_you"),       # mess and careless acts
    ("you forgot to feed the cat again", "accusing_you"),
    ("he read my texts while I was asleep", "accusing_you"),                                   # fourth and fifth checks
    ("How many times have I asked you to shut the gate?", "accusing_you"),
    ("she kept me waiting in the rain for an hour", "accusing_you"),
    ("It's like talking to a brick wall.", "accusing_you"),
]


@pytest.mark.parametrize("text", [
    # affection and the speaker's own wishes with always/never/every time
    "I never thought I'd love board games but here we are, hooked.",
    "every time you laugh like that I fall for you all over again",
    "he never runs out of bedtime stories for the kids and they adore him",
    "I've always fancied learning to surf, shall we book a lesson?",
    # a fair I-statement with a joint request
    "I felt a bit left out when the plans changed, could we decide together next time?",
    # kind or literal uses of the new words
    "you were such a tiny baby in your christening photos",
    "you're so tight with your cousins, it's lovely",
    "Did you think I'd mind? Not at all, have fun!",
    "Since when does the chippy open on Mondays?",
    "He said he'd ring after his shift.",
    "You promised you'd take me dancing and you did, best night ever.",
    "Her husband bakes bread, maybe he could teach us?",
    "Don't act surprised when you see the cake!",
    "Great job!",
    "Brilliant, you found the passports!",
    "You left me a coffee on the side again, you're a gem.",
    "She checked my emails for me while I was away.",
    "I forgot to lock up again, sorry love.",
])
def test_round9_not_blame(text, monkeypatch):
    monkeypatch.setenv("SEMANTIC", "false")
    assert not analyse(text).blaming, analyse(text)


@pytest.mark.parametrize("prefix,recall,precision", [("generalise5_", 0.97, 0.95), ("generalise6_", 0.97, 0.95), ("generalise7_", 0.97, 0.95),
                                                     # round 12's set is mostly fine lines close to blame; some stay flagged
                                                     ("generalise9_", 0.95, 0.87)])
def test_generalise_rules_alone(prefix, recall, precision, monkeypatch):
    """Each set was written per concept before its round's rules (round 9, 10, 11, 12), with checks written after; a floor."""
    from bot.language.evaluation import load_lines
    monkeypatch.setenv("SEMANTIC", "false")
    blaming, fine = load_lines(f"{prefix}blaming.txt"), load_lines(f"{prefix}fine.txt")
    tp = sum(analyse(s).blaming for s in blaming)
    fp = sum(analyse(s).blaming for s in fine)
    assert tp / len(blaming) >= recall, [s for s in blaming if not analyse(s).blaming]
    assert tp / (tp + fp) >= precision, [s for s in fine if analyse(s).blaming]


# round 10 (shapes missed on fresh text, generalised by concept; paraphrases in tests/language/data/generalise6_*.txt,
# written before the rules). These are new wordings of each concept, not lines from any held-out set.
ROUND10_BLAME = [
    ("if you weren't so tight-fisted we could have gone to Spain", "label"),                  # labels in hypotheticals
    ("You sound exactly like your dad right now.", "label"),                                  # and comparisons
    ("she has zero patience with anyone", "label"),
    ("why can't you be more like your brother's wife", "accusing_you"),                       # mine against others'
    ("I'm your husband, not your personal assistant.", "accusing_you"),                       # the speaker as parent/staff
    ("whenever I ask for help you suddenly have a headache", "accusing_you"),                 # accusing generalisations
    ("why is every holiday about what you want to do", "accusing_you"),
    ("it's like you want me to give up", "accusing_you"),
    ("if you really cared you would've phoned", "accusing_you"),
    ("even my ex never forgot our anniversary", "accusing_you"),                               # exes held up
    ("The recycling has been by the door for a week. Just saying.", "sarcasm"),                 # passive-aggressive reports
    ("I asked him for one thing. ONE.", "accusing_you"),
    ("Never. Fixed. It.", "sarcasm"),
    ("I cleaned the whole house and he played FIFA.", "accusing_you"),
    ("what did he do all weekend apart from sleep?", "accusing_you"),
]


# round 9's and 10's shapes run through test_round9_to_11_blame, after round 11's list


@pytest.mark.parametrize("text", [
    "You should definitely apply for that course, you'd be amazing.",                        # encouragement
    "She should have her own baking show.",
    "So proud of you for finishing the run even when your knee hurt.",                       # pride, being there
    "Every time I need him, he's there.",
    "Honestly you always know how to make me laugh.",
    "If you weren't so generous we'd have more savings, but I love that about you.",         # warm hypotheticals
    "you look just like your mum when you smile",                                            # warm comparisons
    "My ex is coming to the christening, is that ok?",
    "My friend's husband is lovely, you'll get on.",
    "Whenever I'm sad he makes me a hot chocolate.",                                         # kind habits
    "Just saying, that dress is gorgeous on you.",
    "It's now half seven, shall we eat?",
    "I'm not your boss, do what makes you happy.",
])
def test_round10_not_blame(text, monkeypatch):
    monkeypatch.setenv("SEMANTIC", "false")
    assert not analyse(text).blaming, analyse(text)


@pytest.mark.parametrize("text, blaming", [
    ("He's the least selfish man I know.", False),
    ("you're less selfish than anyone I know", False),
    ("she is the least lazy person in the house", False),
    ("you are the least helpful person in this house", True),
    ("you are so selfish", True),
])
def test_a_label_turned_into_praise_is_praise(text, blaming):
    assert analyse(text).blaming is blaming


# ---- round 11
# Shapes missed on fresh text, generalised by concept (the partner as the cause, ultimatums, softened verdicts, a veiled
# "someone", questions put to the bot, money, screens, driving, effort met with indifference); paraphrases in
# tests/language/data/generalise7_*.txt were written before the rules. These are new wordings, not lines from any set.
ROUND11_BLAME = [
    ("you're the reason my nerves are shot", "accusing_you"),                                 # the partner as the cause
    ("Thanks to her we're overdrawn again.", "accusing_you"),
    ("it all went wrong the day you started lying to me", "accusing_you"),
    ("If it wasn't for him we'd have a car by now.", "accusing_you"),                         # the world without them, better
    ("I wouldn't be on antidepressants if it wasn't for you.", "accusing_you"),
    ("you've made our home feel like a war zone", "accusing_you"),
    ("is it normal for a wife to never say thank you?", "accusing_you"),                     # questions put to the bot
    ("If you ever hit the kids again we're finished.", "accusing_you"),                      # ultimatums
    ("not to be harsh but your driving is terrifying", "accusing_you"),                      # softened verdicts
    ("She blew our rent money on a handbag.", "accusing_you"),                               # money, screens
    ("he's permanently glued to his Xbox", "accusing_you"),
    ("We're always late because somebody can't find their keys.", "accusing_you"),           # "we" blame, a veiled someone
    ("Thanks so much for the help \U0001F644", "sarcasm"),                                      # eye-roll emoji
    ("I got the kids ready and packed the car. You just went back to bed.", "accusing_you"), # effort, then indifference
    ("Your mum criticises me all dinner and you just sit there.", "accusing_you"),           # standing by
    ("I'm always the bad guy because you never back me up.", "accusing_you"),
]


# ---- round 12: what blame needs near the fine shapes (generalise9_*.txt, written before the rules): contempt said
# outright, the pointed observation, a pastime against the speaker's lack, praise flattened by "just". New wordings.
ROUND12_BLAME = [
    ("Lovely, just lovely.", "sarcasm"),                                                      # sarcasm on its own
    ("you honestly disgust me", "accusing_you"),                                              # contempt said outright
    ("what did I ever see in her", "accusing_you"),
    ("The recycling has been by the back door since Monday.", "accusing_you"),                # a chore left undone
    ("she keeps her phone face down at dinner now", "accusing_you"),                          # the phone kept hidden
    ("funny how you found the money for a new bike", "accusing_you"),                         # time found for a pastime
    ("He's out fishing every Saturday while I haven't had a day off since June.", "accusing_you"),
    ("Christmas was a nightmare because she sulked all day", "accusing_you"),                # an event spoiled by someone
    ("he always comes back from the pub in a mood", "absolute"),                              # a habit with a grievance stays
    ("He never does the dishes.", "accusing_you"),                                            # a duty withheld stays
    ("She's useless at saying sorry.", "label"),                                              # a skill word about what is owed
    # from the check block's concepts (new wordings)
    ("Nice to see you remembered the bins for a change.", "sarcasm"),                       # praise for the ordinary
    ("she always storms off when I try to talk about money", "accusing_you"),               # deflecting when I try
    ("He closed his laptop the moment I came in.", "accusing_you"),                         # the screen hidden from me
    ("Thanks for leaving the back door unlocked all night.", "sarcasm"),                    # thanks for a careless act
    ("I can't bear being around him.", "accusing_you"),                                     # contempt said outright
]


@pytest.mark.parametrize("text,kind", ROUND9_BLAME + ROUND10_BLAME + ROUND11_BLAME + ROUND12_BLAME)
def test_round9_to_12_blame(text, kind, monkeypatch):
    monkeypatch.setenv("SEMANTIC", "false")  # the rules alone
    a = analyse(text)
    assert a.blaming, a
    assert kind in {p.kind for p in a.problems}, a
    p = next(p for p in a.problems if p.kind == kind)
    assert p.span and p.why, p


ROUND11_FINE = [
    "Thanks to her we got the flat.",                                       # a cause with good news is thanks
    "You're the reason I took up painting.",                                # a reason without trouble is only a reason
    "It all went brilliantly the day you joined the choir.",
    "Because of you I finally learned to swim.",
    "If it wasn't for him I'd never have got through chemo.",               # the world without them, worse: thanks
    "He brings me a coffee in bed without being asked.",                    # kindness done unasked
    "She always asks about my mum, it's so kind.",
    "If you ever want to join us, just say.",                               # a condition, no threat
    "One more chapter and I'm going to sleep.",
    "Not to be rude but I'm going to skip pudding.",                        # a softener with no verdict on anyone
    "I'm the bad guy in our family quiz, I always win.",
    "She's too busy to come tonight, she's got a deadline.",                # a plain excuse
]
ROUND12_FINE = [
    "my husband walks to the station every morning",                       # a habit reported plainly, by either
    "She always has two sugars in her coffee.",
    "he never eats breakfast",                                              # a "never" of taste, not a duty withheld
    "she never asks for much at Christmas",                                 # undemanding
    "Do you always get this sleepy after lunch, or is it the wine?",        # a plain question
    "You're always so calm with my dad, I don't know how you do it.",       # a compliment with always
    "He's rubbish at bowling but he loves it.",                            # a skill described frankly
    "my wife is hopeless with maps, so I navigate",
    "When you go quiet after a row I feel anxious, could we talk it through?",  # the fair frame turned round
    "Why do you think the cat keeps scratching the door?",                  # asking the partner's view of a third party
    "The bins have been out since Tuesday, I'll bring them in tonight.",    # the speaker owns the chore
    # from the check block's concepts (new wordings)
    "She never gets up before nine, she's a night owl.",                    # their own reason for a habit
    "He broke his wrist playing rugby.",                                    # an injury to oneself is no harm
    "My wife is a terrible cook but a wonderful mum.",                      # the skill named by its doer
]


@pytest.mark.parametrize("text", ROUND11_FINE + ROUND12_FINE)
def test_round11_to_12_not_blame(text, monkeypatch):
    monkeypatch.setenv("SEMANTIC", "false")
    assert not analyse(text).blaming, analyse(text)


@pytest.mark.parametrize("text", ["my bf goes to the pub quiz every Thursday and I join sometimes",  # a plain habit
                                  "You treat my friends like family.",                               # a flattering simile
                                  "He's useless at darts but he loves it."])                         # a frank skill
def test_fine_signals_stand_against_the_heads_second_opinion(text, monkeypatch):
    from bot.language import heads
    monkeypatch.setattr(heads, "blame_opinion", lambda raw: True)  # a head that reads everything as blame
    assert not analyse(text).blaming, analyse(text)
    assert analyse("He keeps his phone under the pillow.").blaming  # where the rules see nothing fine, it is still asked
