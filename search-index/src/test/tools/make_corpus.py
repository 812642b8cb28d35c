#!/usr/bin/env python3
"""Generates search-index/src/test/resources/corpus/listings.json (seeded, run once and checked in).

Anchor listings (id a-*) carry the properties the tests assert on; filler listings (id f-*) sit in
towns 20+ km from the anchors so place tests stay exact, and use words no anchor test searches for.
"""
import json, random

CATEGORY_NEEDS = {
    "social_groups": ["loneliness", "confidence_wellbeing"], "befriending": ["loneliness"],
    "english_language": ["learning_english", "new_to_uk"], "walking": ["physical_activity", "loneliness"],
    "sport_exercise": ["physical_activity", "weight"], "gardening_nature": ["low_mood_anxiety", "physical_activity"],
    "arts_crafts": ["low_mood_anxiety", "loneliness"], "music_singing": ["low_mood_anxiety", "loneliness"],
    "cooking_food": ["weight", "loneliness"], "digital_skills": ["digital_skills"],
    "learning_skills": ["employment_skills", "confidence_wellbeing"], "employment_support": ["employment_skills"],
    "peer_support": ["low_mood_anxiety", "long_term_condition"], "mental_health_support": ["low_mood_anxiety"],
    "crisis_support": ["mental_health_crisis"], "money_advice": ["money_debt"], "housing_advice": ["housing"],
    "carers_support": ["carers"], "bereavement_support": ["bereavement"],
    "health_condition_support": ["long_term_condition"], "weight_management": ["weight", "physical_activity"],
    "volunteering": ["confidence_wellbeing", "employment_skills"], "library_reading": ["loneliness", "digital_skills"],
    "faith_community": ["loneliness"], "parents_families": ["loneliness"], "older_people": ["loneliness"],
}
SPARKHILL = (52.4569, -1.8721)

def listing(id, name, summary, cats, *, needs=(), kind="activity", points=(SPARKHILL,), delivery=("in_person",),
            languages=("en",), access=(), cost="free", min_age=None, max_age=None, women=False, men=False,
            crisis=False, always=False, verified="2026-10-01", weekly=(), dated=(), valid_from=None,
            valid_to=None, closures=(), description="A friendly, welcoming session run by local volunteers.",
            next_session=None):
    folded = list(dict.fromkeys(list(needs) + [n for c in cats for n in CATEGORY_NEEDS[c]]))
    return {"id": id, "kind": kind, "name": name, "summary": summary, "description": description,
            "categories": list(cats), "needs": folded, "direct_needs": list(needs),
            "points": [list(p) for p in points], "delivery": list(delivery), "languages": list(languages),
            "accessibility": list(access), "cost": cost, "min_age": min_age, "max_age": max_age,
            "women_only": women, "men_only": men, "crisis": crisis, "open_24_7": always,
            "org_id": "org-" + id, "org_name": "Organisation " + id, "verified_at": verified,
            "next_session": next_session, "weekly": [list(w) for w in weekly], "dated": [list(d) for d in dated],
            "valid_from": valid_from, "valid_to": valid_to, "closures": [list(c) for c in closures]}

H = lambda hh, mm=0: hh * 60 + mm
anchors = [
    listing("a-english-cafe", "Tuesday English Conversation Cafe", "Practise everyday English over tea with friendly volunteers.",
            ["english_language", "social_groups"], needs=["learning_english"], languages=["en", "ur", "pa"],
            access=["step_free", "accessible_toilet"], weekly=[(2, H(10), H(11, 30))], next_session="2026-12-01T10:00"),
    listing("a-esol", "ESOL Classes for Beginners", "Structured lessons in reading, writing and speaking.",
            ["english_language"], points=[(52.4710, -1.8620)], languages=["en", "ar"], cost="small_charge",
            weekly=[(3, H(13), H(15))], next_session="2026-12-02T13:00"),
    listing("a-phone-friends", "Telephone Friends for Older People", "Telephone befriending: a weekly chat with a volunteer.",
            ["befriending", "older_people"], points=[], delivery=["phone"], min_age=60, weekly=[(4, H(11), H(12))],
            next_session="2026-12-03T11:00"),
    listing("a-women-walk", "Women's Walking Group", "Gentle walks in the park for women, at your own pace.",
            ["walking"], points=[(52.4450, -1.8880)], women=True, weekly=[(4, H(10), H(11))], next_session="2026-12-03T10:00"),
    listing("a-mens-shed", "Hall Green Men's Shed", "Woodwork, repairs and a brew in a friendly shed.",
            ["arts_crafts", "social_groups"], points=[(52.4300, -1.8400)], men=True, cost="small_charge",
            weekly=[(3, H(10), H(13))], next_session="2026-12-02T10:00"),
    listing("a-knit", "Knit and Natter", "Bring your knitting or learn, chat and share patterns.",
            ["arts_crafts", "social_groups"], points=[(52.4330, -1.8930)],
            dated=[("2026-12-07", H(14), H(16)), ("2026-12-21", H(14), H(16))], next_session="2026-12-07T14:00"),
    listing("a-allotment", "Allotment Gardening Club", "Grow vegetables together on a shared allotment plot.",
            ["gardening_nature"], points=[(52.4480, -1.8850)], weekly=[(6, H(10), H(12))],
            closures=[("2026-11-21", "2026-12-05")], next_session="2026-12-12T10:00"),
    listing("a-orchard", "Community Orchard Mornings", "Prune, plant and pick fruit trees with neighbours.",
            ["gardening_nature"], points=[(52.4600, -1.8800)], weekly=[(6, H(10), H(12))], next_session="2026-11-28T10:00"),
    listing("a-samaritans", "Samaritans Birmingham", "Someone to talk to, day or night, whatever you are going through.",
            ["crisis_support", "mental_health_support"], kind="signpost", crisis=True, always=True,
            points=[(52.4790, -1.8990)], delivery=["in_person", "phone"]),
    listing("a-crisis-cafe", "Evening Crisis Cafe", "A safe space in the evening when things feel too much.",
            ["crisis_support"], kind="signpost", crisis=True, points=[(52.4750, -1.8900)], weekly=[(5, H(18), H(22))],
            next_session="2026-11-27T18:00"),
    listing("a-mindfulness", "Online Mindfulness for Low Mood", "Guided breathing and mindfulness sessions on video.",
            ["mental_health_support"], needs=["low_mood_anxiety"], points=[], delivery=["online"],
            weekly=[(1, H(19), H(20))], next_session="2026-11-30T19:00"),
    listing("a-chair-yoga", "Chair Yoga for Beginners", "Seated stretches to build strength and balance.",
            ["sport_exercise"], points=[(52.4520, -1.8700)], access=["step_free", "accessible_toilet", "hearing_loop"],
            min_age=50, cost="paid", weekly=[(1, H(10), H(11))], next_session="2026-11-30T10:00"),
    listing("a-digital", "Digital Skills Drop-in at the Library", "Help with phones, tablets, email and online forms.",
            ["digital_skills", "library_reading"], points=[(52.4560, -1.8760)], access=["bsl", "step_free"],
            weekly=[(2, H(14), H(16))], next_session="2026-12-01T14:00"),
    listing("a-walk-fresh", "Sparkhill Walking Group", "A short walk around the park then a cuppa.",
            ["walking"], points=[(52.4570, -1.8720)], verified="2026-11-01", weekly=[(5, H(9), H(10))]),
    listing("a-walk-stale", "Sparkbrook Walking Group", "A short walk around the park then a cuppa.",
            ["walking"], points=[(52.4570, -1.8720)], verified="2026-04-01", weekly=[(5, H(9), H(10))]),
    listing("a-walk-ancient", "Springbank Walking Group", "A short walk around the park then a cuppa.",
            ["walking"], points=[(52.4570, -1.8720)], verified="2025-06-01", weekly=[(5, H(9), H(10))]),
    listing("a-debt", "Debt Advice Clinic", "Free, confidential help with bills, debts and benefits.",
            ["money_advice"], points=[(52.4650, -1.8650)], delivery=["in_person", "phone"], weekly=[(3, H(9), H(12))]),
    listing("a-carers", "Carers Coffee Morning", "Time out and peer support for unpaid carers.",
            ["carers_support"], points=[(52.4400, -1.8600)], cost="pay_what_you_can", weekly=[(5, H(10), H(12))]),
    listing("a-bereavement", "Bereavement Support Group", "Share and listen with others who have lost someone.",
            ["bereavement_support"], points=[(52.4300, -1.9000)], min_age=18, weekly=[(1, H(18), H(19, 30))]),
    listing("a-cookery", "Healthy Cookery Club", "Cook a simple meal on a budget and eat together.",
            ["cooking_food", "weight_management"], points=[(52.4690, -1.8790)], cost="pay_what_you_can",
            languages=["en", "bn"], weekly=[(2, H(17), H(19))]),
    listing("a-choir", "Community Choir", "Sing together, no experience needed, all voices welcome.",
            ["music_singing"], points=[(52.4200, -1.8500)], weekly=[(2, H(19), H(21))], valid_to="2026-11-30"),
    listing("a-prevention", "Suicide Prevention Training for Volunteers", "Learn how to spot the signs and start a conversation.",
            ["volunteering"], points=[(52.4800, -1.9000)], min_age=18, weekly=[(3, H(18), H(20))]),
    listing("a-youth", "Youth Football Sessions", "Five-a-side football for young people.",
            ["sport_exercise"], points=[(52.4600, -1.8600)], min_age=11, max_age=17, weekly=[(6, H(14), H(16))]),
    listing("a-lunch", "Community Lunch Club", "A hot two-course lunch and good company.",
            ["older_people", "cooking_food"], points=[(52.4580, -1.8740)], cost="small_charge",
            weekly=[(4, H(12), H(14))]),
]

rng = random.Random(20261127)
towns = [("Coventry", 52.4068, -1.5197), ("Wolverhampton", 52.5870, -2.1288), ("Walsall", 52.5860, -1.9820),
         ("Redditch", 52.3060, -1.9400), ("Tamworth", 52.6330, -1.6950), ("Nuneaton", 52.5230, -1.4680)]
activities = [("Bowls Club", "sport_exercise"), ("Chess Circle", "social_groups"), ("Book Club", "library_reading"),
              ("Pottery Workshop", "arts_crafts"), ("Tai Chi", "sport_exercise"), ("Dance Class", "sport_exercise"),
              ("Craft Circle", "arts_crafts"), ("History Society", "learning_skills"), ("Photography Club", "arts_crafts"),
              ("Ukulele Band", "music_singing"), ("Job Club", "employment_support"), ("Housing Surgery", "housing_advice"),
              ("Parent and Toddler Group", "parents_families"), ("Nature Reserve Volunteers", "volunteering"),
              ("Diabetes Peer Group", "health_condition_support"), ("Faith Lunch", "faith_community"),
              ("Computer Buddies", "digital_skills"), ("Slimming Group", "weight_management")]
summaries = ["Meet others who share an interest, all abilities welcome.", "Relaxed sessions led by experienced volunteers.",
             "Drop in any week, no booking needed.", "A regular session with tea afterwards."]
langs = ["en", "ur", "pa", "bn", "pl", "so", "ar"]
access = ["step_free", "accessible_toilet", "hearing_loop", "bsl", "quiet", "carer_free"]
costs = ["free", "free", "small_charge", "pay_what_you_can", "paid"]
fillers = []
for i in range(200):
    town, lat, lon = towns[i % len(towns)]
    act, cat = activities[(i * 7) % len(activities)]
    cats = [cat] + ([rng.choice(list(CATEGORY_NEEDS))] if rng.random() < 0.3 else [])
    cats = list(dict.fromkeys(cats))
    delivery = ["in_person"] if rng.random() < 0.85 else rng.choice([["online"], ["phone"], ["in_person", "online"]])
    pts = [(round(lat + rng.uniform(-0.03, 0.03), 4), round(lon + rng.uniform(-0.03, 0.03), 4))] if "in_person" in delivery else []
    day = rng.randint(1, 7); start = rng.choice([H(9), H(10), H(13), H(18)])
    months_old = rng.choice([0, 1, 2, 3, 4, 5])
    fillers.append(listing(
        f"f-{i:03d}", f"{town} {act} {i:03d}", rng.choice(summaries), cats, points=pts, delivery=delivery,
        languages=["en"] + rng.sample(langs[1:], rng.choice([0, 0, 1, 2])), access=rng.sample(access, rng.choice([0, 1, 2, 3])),
        cost=rng.choice(costs), min_age=rng.choice([None, None, 16, 18, 50]), max_age=rng.choice([None, None, None, 25]),
        women=rng.random() < 0.05, verified=f"2026-{10 - months_old:02d}-15" if months_old < 10 else None,
        weekly=[(day, start, start + rng.choice([60, 90, 120]))], description="Run by a local community group."))

with open("search-index/src/test/resources/corpus/listings.json", "w") as out:
    json.dump(anchors + fillers, out, indent=1)
print(len(anchors) + len(fillers))
