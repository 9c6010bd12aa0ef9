"""Scores a reader test: each reader's answers to each story, followed through a rule pack's
TOML (the same routing the engine follows), against the outcome the story expects; and, per
question, how many readers hesitated and on how many stories readers split.

usage: python3 docs/reader-test/score.py RULES_DIR STORIES.toml ANSWERS.toml... > RESULTS.md

Readers answer on the sheets of `cargo xtask reader-sheets`: a story's `topic` is "T<n>" from
the topic choice, its `path` the [question number, option letter] pairs in the order they were
asked (an amount question may be answered with the amount itself), and `hesitated` the
[question number, why] pairs where the reader hesitated.
"""
import glob
import os
import sys
import tomllib
from collections import defaultdict


def load_pack(rules):
    files = sorted(glob.glob(os.path.join(rules, "**/*.toml"), recursive=True))
    packs = [tomllib.load(open(f, "rb")) for f in files]
    settings = {s["id"]: s for p in packs for s in p.get("setting", [])}
    topics = [p for p in packs if "topic" in p]
    return settings, topics


def number(topic, index):
    return f"{topic['topic']['id'][:3].upper()}{index + 1}"


def options(q):
    ids = {"choice": [o["id"] for o in q.get("option", [])], "yes_no": ["yes", "no"], "amount": ["at_or_below", "above"]}[q["input"]]
    return ids + (["dont_know"] if q.get("dont_know") else [])


def follow(settings, topic, path):
    """The outcome a path reaches, or a reason it reaches none."""
    questions = {number(topic, i): q for i, q in enumerate(topic["question"])}
    by_id = {q["id"]: n for n, q in questions.items()}
    at = by_id[topic["topic"]["start"]]
    for asked, answer in path:
        if asked != at:
            return f"off route: answered {asked} where the sheet leads to {at}"
        q = questions[at]
        ids = options(q)
        answer = str(answer).strip()
        if q["input"] == "amount" and answer.replace(".", "", 1).isdigit():
            option = "at_or_below" if float(answer) <= settings[q["compare_with"]]["amount"] else "above"
        elif len(answer) == 1 and 0 <= ord(answer) - 97 < len(ids):
            option = ids[ord(answer) - 97]
        else:
            return f"unreadable answer {answer!r} to {asked}"
        rule = next(r for r in q["rule"] if option in r["when"])
        if "outcome" in rule:
            return "+".join([rule["outcome"]] + rule.get("also", []))
        at = by_id[rule["next"]]
    return f"unfinished at {at}"


def order(q):
    """Questions in sheet order; a hesitation over the topic choice ("topic") first."""
    return (q[:3], int(q[3:])) if q[3:].isdigit() else ("", 0)


def main():
    rules, stories_file, answer_files = sys.argv[1], sys.argv[2], sys.argv[3:]
    settings, topics = load_pack(rules)
    topic_index = {f"T{i + 1}": t for i, t in enumerate(topics)}
    stories = {s["id"]: s for s in tomllib.load(open(stories_file, "rb"))["story"]}
    readers = [tomllib.load(open(f, "rb")) for f in answer_files]
    hesitations = defaultdict(list)  # question -> [(reader, story, why)]
    answers = defaultdict(dict)  # (story, question) -> {reader: answer}
    asked = defaultdict(int)
    rows, right, total = [], 0, 0
    for reader in readers:
        name = reader["reader"]
        for played in reader["story"]:
            story = stories[played["id"]]
            topic = topic_index.get(played["topic"])
            if topic is None:
                outcome = f"no topic {played['topic']}"
            elif topic["topic"]["id"] != story["topic"]:
                outcome = f"wrong topic ({topic['topic']['id']})"
            else:
                outcome = follow(settings, topic, played["path"])
            answers[(played["id"], "topic")][name] = played["topic"]
            asked["topic"] += 1
            for q, a in played["path"]:
                answers[(played["id"], q)][name] = str(a)
                asked[q] += 1
            for q, why in played.get("hesitated", []):
                hesitations[q].append((name, played["id"], why))
            expected = "+".join([story["expect"]] + story.get("also", []))
            ok = outcome == expected
            right += ok
            total += 1
            rows.append((played["id"], name, expected, outcome, ok))
    print(f"# Reader test results\n\n{right} of {total} plays reached the expected outcome, by {len(readers)} readers ({', '.join(r['reader'] for r in readers)}).\n")
    print("## Per question\n\n| question | times asked | hesitations | stories where readers split |\n|---|---|---|---|")
    splits = defaultdict(list)
    for (story, q), by_reader in answers.items():
        if len(set(by_reader.values())) > 1:
            splits[q].append(f"{story} ({', '.join(f'{r}: {a}' for r, a in sorted(by_reader.items()))})")
    for q in sorted(set(asked) | set(hesitations), key=order):
        print(f"| {q} | {asked[q]} | {len(hesitations[q])} | {len(splits[q])} |")
    print("\n## Splits\n")
    for q in sorted(splits, key=order):
        for s in splits[q]:
            print(f"- {q}: {s}")
    print("\n## Hesitations\n")
    for q in sorted(hesitations, key=order):
        for reader, story, why in hesitations[q]:
            print(f"- {q} ({reader}, {story}): {why}")
    print("\n## Plays that missed the expected outcome\n")
    for story, reader, expected, outcome, ok in rows:
        if not ok:
            print(f"- {story} ({reader}): expected {expected}, reached {outcome}")


main()
