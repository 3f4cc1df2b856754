"""Generated input for the stream tests: small Arabic articles from sentence templates,
and bad messages of every dead-letter reason of streams/pipeline.py.

Everything is seeded, so a failing run can be replayed. Each message is unique (it
carries its index), so a dead letter's `original` bytes name the message it came from.
"""

from __future__ import annotations

import random
from typing import Callable, Iterator

import orjson

SOURCE = "news.example"

_SPEAKERS = ("وزير الخارجية", "المتحدث باسم الحكومة", "رئيس الوزراء", "مصدر في الوزارة", "محافظ البنك المركزي")
_VERBS = ("قال", "أعلن", "أكد", "صرح")
_NOUNS = ("منشأة", "طائرة", "دبابة", "مدرسة", "مستشفى", "شاحنة")
_PLACES = ("القاهرة", "بغداد", "الرباط", "عمان", "تونس", "الدوحة")
_SENTENCES = (
    "{verb} {speaker} إن الحكومة ستبني {n} {noun} جديدة في {place} خلال العام المقبل.",
    "وأضاف أن نسبة النمو بلغت {p} في المئة في الربع الأخير.",
    "وبحسب بيان رسمي، وصل عدد الزوار إلى نحو {n} زائر في {place}.",
    "وأشار التقرير إلى تدمير {n} {noun} منذ بداية الشهر.",
    "وتبلغ قيمة المشروع {n} مليون دولار بحسب الوزارة.",
)


def good_article(i: int, rng: random.Random, tag: str = "gen", **extra: object) -> dict:
    """A small valid Arabic article (a few hundred bytes), unique by `i`."""
    place = rng.choice(_PLACES)
    body = " ".join(
        template.format(
            verb=rng.choice(_VERBS),
            speaker=rng.choice(_SPEAKERS),
            noun=rng.choice(_NOUNS),
            place=place,
            n=rng.randint(2, 5000),
            p=rng.randint(1, 99),
        )
        for template in rng.sample(_SENTENCES, 2)
    )
    article = {
        "id": f"{tag}-{i}",
        "url": f"https://{SOURCE}/{tag}/{i}",
        "source": SOURCE,
        "title": f"تقرير رقم {i} عن الأوضاع في {place}",
        "body": body,
        "published_at": "2024-05-01T10:00:00Z",
    }
    article.update(extra)
    return article


def good_messages(count: int, seed: int, tag: str = "gen") -> list[tuple[bytes, bytes, str]]:
    """(key, value, article id) for `count` good articles."""
    rng = random.Random(seed)
    out = []
    for i in range(count):
        article = good_article(i, rng, tag)
        out.append((article["id"].encode(), orjson.dumps(article), article["id"]))
    return out


# --- bad messages, by the reason they must be dead-lettered with -------------------


def _invalid_json(i: int, rng: random.Random, limit: int) -> bytes | None:
    return rng.choice(
        (
            b'{"url": "https://news.example/%d", "source": ' % i,
            b"{'url': 'https://news.example/%d'}" % i,
            b"not json at all %d" % i,
            b'{"url": "https://news.example/%d"} trailing' % i,
            b"[1, 2, %d" % i,
        )
    )


def _invalid_utf8(i: int, rng: random.Random, limit: int) -> bytes | None:
    article = good_article(i, rng, "utf8")
    encoded = orjson.dumps(article)
    return rng.choice(
        (
            # a scraper that sent windows-1256, the legacy Arabic code page
            encoded.decode("utf-8").encode("cp1256"),
            encoded.replace(b'"title":"', b'"title":"\xff\xfe', 1),
            encoded[:-40] + b"\xd8" + encoded[-40:],  # a truncated 2-byte sequence
        )
    )


def _schema_violation(i: int, rng: random.Random, limit: int) -> bytes | None:
    article = good_article(i, rng, "schema")
    choice = rng.randrange(8)
    if choice == 7:
        return None  # a tombstone: a message with no value at all
    if choice == 0:
        del article["source"]
    elif choice == 1:
        article["url"] = f"news.example/no-scheme/{i}"
    elif choice == 2:
        article["url"] = i
    elif choice == 3:
        article["meta"] = [i]
    elif choice == 4:
        return orjson.dumps([article])
    elif choice == 5:
        return orjson.dumps(f"article {i}")
    else:
        article["title"] = {"ar": article["title"]}
    return orjson.dumps(article)


def _empty_text(i: int, rng: random.Random, limit: int) -> bytes | None:
    article = good_article(i, rng, "empty")
    article.update(
        rng.choice(({"title": "", "body": ""}, {"title": "  \n", "body": "\t"}, {"title": None, "body": " "}))
    )
    if rng.random() < 0.3:
        del article["body"]
        article["title"] = ""
    return orjson.dumps(article)


def _too_large(i: int, rng: random.Random, limit: int) -> bytes | None:
    article = good_article(i, rng, "large")
    filler = " ".join(article["body"] for _ in range(limit // len(article["body"].encode()) + 1))
    article["body"] = filler
    value = orjson.dumps(article)
    assert len(value) > limit
    return value


def _not_arabic(i: int, rng: random.Random, limit: int) -> bytes | None:
    article = good_article(i, rng, "latin")
    article["title"] = f"Report number {i} on the situation"
    article["body"] = rng.choice(
        (
            f"The minister said that {i} new schools would be built next year.",
            f"Министр заявил, что в следующем году будет построено {i} новых школ.",
            f"Le ministre a déclaré que {i} nouvelles écoles seraient construites.",
        )
    )
    return orjson.dumps(article)


def _processor_error(i: int, rng: random.Random, limit: int) -> bytes | None:
    # A valid Arabic article that the test-only hook (FAULT_HOOK below) makes the
    # processors raise on.
    return orjson.dumps(good_article(i, rng, "fault", meta={"raise": True}))


BAD: dict[str, Callable[[int, random.Random, int], bytes | None]] = {
    "invalid_json": _invalid_json,
    "invalid_utf8": _invalid_utf8,
    "schema_violation": _schema_violation,
    "empty_text": _empty_text,
    "too_large": _too_large,
    "not_arabic": _not_arabic,
    "processor_error": _processor_error,
}


def bad_messages(per_reason: int, seed: int, limit: int) -> Iterator[tuple[bytes, bytes, str]]:
    """(key, value, expected reason), `per_reason` of each reason, in a seeded order."""
    rng = random.Random(seed)
    plan = [(reason, i) for reason in BAD for i in range(per_reason)]
    rng.shuffle(plan)
    for reason, i in plan:
        yield f"bad-{reason}-{i}".encode(), BAD[reason](i, rng, limit), reason


# A test-only sitecustomize for worker subprocesses (never shipped): it makes
# processors.enrich.enrich raise on articles whose meta says {"raise": true}, so the
# processor_error path is exercised without special cases in product code; spin for
# meta {"spin": seconds} (a slow processor path, for the time budget), and spin
# swallowing every interruption for {"hang": seconds} (a hang the budget cannot end,
# like a long C call, for the shutdown deadline). It first
# runs the next sitecustomize on the path (e.g. stubs of processors still being written).
FAULT_HOOK = """
import os, sys
_here = os.path.dirname(os.path.abspath(__file__))
for _p in sys.path:
    _c = os.path.join(os.path.abspath(_p or "."), "sitecustomize.py")
    if os.path.abspath(_p or ".") != _here and os.path.isfile(_c):
        exec(compile(open(_c, encoding="utf-8").read(), _c, "exec"), {"__name__": "_chained_sitecustomize"})
        break
import processors.enrich as _pe
_original = _pe.enrich
def enrich(article, article_id, timings=None):
    meta = article.get("meta") or {}
    if meta.get("raise") is True:
        raise RuntimeError("fault injected by the test for " + article_id)
    import time
    if meta.get("spin"):
        end = time.monotonic() + float(meta["spin"])
        while time.monotonic() < end:
            pass
    if meta.get("hang"):
        end = time.monotonic() + float(meta["hang"])
        while time.monotonic() < end:
            try:
                while time.monotonic() < end:
                    pass
            except BaseException:
                pass
    return _original(article, article_id, timings)
_pe.enrich = enrich
"""
