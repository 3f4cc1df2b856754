"""A seeded corpus of realistic Arabic news articles of a controlled size.

The articles are recombined from the bundled samples (samples/*.json): a lead paragraph
of one story, then paragraphs of the others in a shuffled order, with the numbers
varied (same script and number of digits: "١٬٦١٢" stays Arabic-Indic, a year stays a
plausible year, clock times are left alone) and the people renamed consistently within
an article (a woman's name is replaced by a woman's name, so "قالت ... منى الشريف" stays
grammatical). The text therefore has the sentence shapes the processors meet in the
samples: reported speech, spelled-out numbers, money, percentages, Arabic-Indic digits,
diacritics, tatweel and the scrapers' stray HTML entities.

Each article is one JSON line (orjson, UTF-8) whose size is the requested size within a
few percent. The same seed, size, count and samples give the same bytes.

    python -m benchmarks.corpus --count 20000 --size 4096 --seed 7 --out benchmarks/out/corpus.jsonl
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Iterator

import orjson

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
OUT = ROOT / "benchmarks" / "out"

DEFAULT_SIZE = 4096
# A line may end this far from the requested size (bytes are whole paragraphs or words).
TOLERANCE = 0.05

# The people of the samples, and the names they may be replaced with. A surname alone
# ("وقال كريستنسن") follows the full name's replacement.
PEOPLE: tuple[tuple[str, str, str], ...] = (
    # (full name, surname as used alone or "", gender)
    ("منى الشريف", "", "f"),
    ("يوسف العمراني", "العمراني", "m"),
    ("سامي بن علي", "", "m"),
    ("كريم الحداد", "", "m"),
    ("خوان مارتينيز", "", "m"),
    ("حمزة التونسي", "", "m"),
    ("هانس كريستنسن", "كريستنسن", "m"),
    ("سليم الراشدي", "الراشدي", "m"),
    ("ليلى عبد الحميد", "", "f"),
    ("سارة المهيري", "", "f"),
    ("علي الزهراني", "", "m"),
)
NAMES = {
    "m": (
        ("أحمد", "المصري"),
        ("محمد", "العلوي"),
        ("خالد", "الحسيني"),
        ("عمر", "الفاسي"),
        ("طارق", "الخطيب"),
        ("ياسر", "النجار"),
        ("رامي", "السعدي"),
        ("حسن", "البدوي"),
        ("ماجد", "القحطاني"),
        ("نبيل", "الشامي"),
        ("فيصل", "العنزي"),
        ("مروان", "الدباغ"),
        ("وليد", "المنصوري"),
        ("جمال", "الكبيسي"),
        ("زياد", "الرفاعي"),
    ),
    "f": (
        ("فاطمة", "الزهراء"),
        ("نور", "الهدى"),
        ("هالة", "عبد الله"),
        ("رنا", "الخوري"),
        ("سلمى", "الإدريسي"),
        ("دينا", "الشريف"),
        ("ريم", "العتيبي"),
        ("أمل", "السيد"),
        ("لينا", "حداد"),
        ("هدى", "النعيمي"),
    ),
}
SECTIONS = ("world", "politics", "economy", "markets", "health", "sports", "environment", "society")

_DIGIT_SETS = ("0123456789", "٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹")
_DIGITS = "".join(_DIGIT_SETS)
# A run of digits of one script, not part of a clock time (11:40), a score or a model
# designator (2-1, إس-300): those keep their digits.
_TO_WESTERN = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_NUMBER = re.compile(rf"(?<![{_DIGITS}:\-])([0-9]+|[٠-٩]+|[۰-۹]+)(?![{_DIGITS}:\-])")


@dataclass(frozen=True, slots=True)
class Story:
    title: str
    paragraphs: tuple[str, ...]
    section: str


def load_samples(samples: Path = SAMPLES) -> list[Story]:
    stories = []
    for path in sorted(samples.glob("*.json")):
        article = orjson.loads(path.read_bytes())
        section = article["url"].split("://", 1)[-1].split("/")[1] if article["url"].count("/") > 3 else "news"
        paragraphs = tuple(p.strip() for p in (article.get("body") or "").split("\n") if p.strip())
        stories.append(Story(article.get("title") or paragraphs[0], paragraphs, section))
    if not stories:
        raise FileNotFoundError(f"no sample articles (*.json) in {samples}")
    return stories


def _vary_numbers(text: str, rng: random.Random) -> str:
    def swap(m: re.Match[str]) -> str:
        run = m.group(1)
        digits = next(d for d in _DIGIT_SETS if run[0] in d)
        if len(run) == 4 and run[:2].translate(_TO_WESTERN) in ("19", "20"):
            value = str(rng.randint(1990, 2025))  # a year stays a year
        elif len(run) == 1:
            value = str(rng.randint(1, 9)) if run != "0" else "0"
        else:
            value = str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(len(run) - 1))
        return value.translate(str.maketrans("0123456789", digits))

    return _NUMBER.sub(swap, text)


def _cast(rng: random.Random) -> list[tuple[str, str]]:
    """Replacements (old, new) for this article's people, longest first."""
    pairs = []
    for full, surname, gender in PEOPLE:
        first, last = rng.choice(NAMES[gender])
        pairs.append((full, f"{first} {last}"))
        if surname:
            pairs.append((surname, last))
    return sorted(pairs, key=lambda p: -len(p[0]))


def _rename(text: str, cast: list[tuple[str, str]]) -> str:
    for old, new in cast:
        if old in text:
            text = text.replace(old, new)
    return text


def _size(article: dict) -> int:
    return len(orjson.dumps(article)) + 1  # the line with its newline


def _cut(paragraph: str, budget: int) -> str | None:
    """The paragraph's first words that fit in `budget` UTF-8 bytes, ended with a full
    stop; None when fewer than a few words fit."""
    words, out, used = paragraph.split(" "), [], 1
    for word in words:
        cost = len(word.encode("utf-8")) + 1
        if used + cost > budget:
            break
        out.append(word)
        used += cost
    if len(out) < 4:
        return None
    return " ".join(out).rstrip("،,:؛") + "."


def make_article(index: int, size: int, seed: int, stories: list[Story], rng: random.Random) -> dict:
    lead = rng.choice(stories)
    cast = _cast(rng)

    def vary(text: str) -> str:
        return _rename(_vary_numbers(text, rng), cast)

    published = datetime(2020, 1, 1, tzinfo=timezone.utc) + timedelta(seconds=rng.randrange(5 * 365 * 86400))
    fetched = published + timedelta(seconds=rng.randrange(30, 3600))
    section = lead.section if lead.section in SECTIONS else rng.choice(SECTIONS)
    article = {
        "id": f"bench-{seed}-{index:07d}",
        "url": f"https://news.example/{section}/bench-{seed}-{index:07d}-{rng.randrange(16**6):06x}",
        "source": "news.example",
        "language": "ar",
        "title": vary(lead.title),
        "body": "",
        "published_at": published.isoformat(timespec="seconds").replace("+00:00", "Z"),
        "fetched_at": fetched.isoformat(timespec="seconds").replace("+00:00", "Z"),
    }
    # The lead paragraph first (a story starts with its lead), then the others, mixed.
    pool = [p for s in stories for p in (s.paragraphs[1:] if s is lead else s.paragraphs)]
    rng.shuffle(pool)
    body = [vary(lead.paragraphs[0])]
    base = _size(article)
    used = base + len(orjson.dumps(body[0])) - 2
    slack = int(size * TOLERANCE / 2)
    for candidate in pool:
        if used >= size - slack:
            break
        paragraph = vary(candidate)
        cost = len(orjson.dumps(paragraph))  # as escaped in the line; its quotes pay for "\n"
        if used + cost <= size + slack:
            body.append(paragraph)
            used += cost
    if used < size - slack:  # no whole paragraph fits the rest: the start of one does
        for candidate in pool:
            part = _cut(vary(candidate), size - used - 4)
            if part is not None:
                body.append(part)
                break
    article["body"] = "\n".join(body)
    return article


def generate(count: int, size: int = DEFAULT_SIZE, seed: int = 7, samples: Path = SAMPLES) -> Iterator[dict]:
    stories = load_samples(samples)
    rng = random.Random(f"khabar-corpus:{seed}:{size}")
    for index in range(count):
        yield make_article(index, size, seed, stories, rng)


def lines(count: int, size: int = DEFAULT_SIZE, seed: int = 7, samples: Path = SAMPLES) -> Iterator[bytes]:
    """The corpus as the bytes of its JSON lines (with the newline)."""
    for article in generate(count, size, seed, samples):
        yield orjson.dumps(article) + b"\n"


def write(path: Path, count: int, size: int = DEFAULT_SIZE, seed: int = 7, samples: Path = SAMPLES) -> int:
    """Write the corpus to `path` (JSON lines); returns the number of bytes written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("wb") as out:
        for line in lines(count, size, seed, samples):
            out.write(line)
            written += len(line)
    tmp.replace(path)
    return written


def cached(count: int, size: int = DEFAULT_SIZE, seed: int = 7) -> Path:
    """benchmarks/out/corpus-<count>-<size>-<seed>.jsonl, written when missing or older
    than a sample."""
    path = OUT / f"corpus-{count}-{size}-{seed}.jsonl"
    newest = max(p.stat().st_mtime for p in SAMPLES.glob("*.json"))
    if not path.exists() or path.stat().st_mtime < max(newest, Path(__file__).stat().st_mtime):
        write(path, count, size, seed)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.corpus", description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=2000, help="number of articles (default 2000)")
    parser.add_argument("--size", type=int, default=DEFAULT_SIZE, help="bytes per JSON line (default 4096)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    parser.add_argument("--samples", type=Path, default=SAMPLES, help="directory of sample articles")
    parser.add_argument("--out", default="-", help="output file, or - for stdout (default)")
    args = parser.parse_args(argv)
    if args.count < 0 or args.size < 512:
        parser.error("--count must be >= 0 and --size >= 512")
    if args.out == "-":
        out = sys.stdout.buffer
        for line in lines(args.count, args.size, args.seed, args.samples):
            out.write(line)
        out.flush()
        return 0
    written = write(Path(args.out), args.count, args.size, args.seed, args.samples)
    print(
        f"wrote {args.count} articles, {written / 1e6:.2f} MB ({written / max(args.count, 1):.0f} B/article)"
        f" to {args.out}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
