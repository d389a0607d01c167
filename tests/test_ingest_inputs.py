"""HTML, JSON Lines records, feeds, and read_inputs over files, directories and globs."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from eventcoder.errors import DecodeError, DocumentError, EmptyDocumentError, InputError
from eventcoder.ingest import document_from_record, parse_feed, parse_html, read_inputs
from eventcoder.records import Document

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

PAGE_HTML = """<!DOCTYPE html><html><head>
<title>Talks collapse in Geneva | Daily Planet</title>
<meta property="og:site_name" content="Daily Planet">
<meta property="article:published_time" content="2023-05-02T08:00:00Z">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Talks collapse in Geneva</h1>
<p>GENEVA — Negotiators from Armenia and Azerbaijan walked out of talks on Tuesday after a dispute over border posts.</p>
<figure><img src="x.jpg"><figcaption>Delegates arrive at the venue. (Photo: Reuters)</figcaption></figure>
<p>The foreign ministry in Baku accused Yerevan of stalling, while Armenian officials said they would return next week.</p>
<p>Share this article</p>
</article>
<aside><h3>Related Articles</h3><ul><li>Border commission meets</li></ul></aside>
<footer>&copy; 2023 Daily Planet. All rights reserved.</footer>
</body></html>"""


def test_ingest_html_title_date_body():
    doc = parse_html(PAGE_HTML, "geneva", url="https://planet.example/geneva")
    assert doc.id == "geneva"
    assert doc.title == "Talks collapse in Geneva"
    assert doc.published == dt.date(2023, 5, 2)
    assert doc.url == "https://planet.example/geneva"
    assert doc.text.split("\n\n") == [
        "GENEVA — Negotiators from Armenia and Azerbaijan walked out of talks on Tuesday after a dispute over border posts.",
        "The foreign ministry in Baku accused Yerevan of stalling, while Armenian officials said they would return next week.",
    ]
    assert doc.dateline == "Geneva"


def test_ingest_html_tiny_page_fallback():
    html = ("<html><head><title>Strike</title></head><body><p>Dockworkers in Antwerp went on strike on "
            "Monday over pay, union leaders said.</p></body></html>")
    doc = parse_html(html, "tiny")
    assert doc.text == "Dockworkers in Antwerp went on strike on Monday over pay, union leaders said."
    assert doc.title == "Strike"


def test_ingest_html_without_text_raises():
    with pytest.raises(EmptyDocumentError):
        parse_html("<html><body><nav>Home | World</nav></body></html>", "nav")
    with pytest.raises(EmptyDocumentError):
        parse_html("   ", "blank")


def test_ingest_html_example_file():
    doc = parse_html((EXAMPLES / "brief.html").read_text(encoding="utf-8"), "brief")
    assert doc.title == "Seoul protests Pyongyang missile launch"
    assert doc.published == dt.date(2023, 7, 12)
    assert doc.dateline == "Seoul"
    assert doc.text.startswith("SEOUL — South Korea lodged a formal protest with North Korea")
    for furniture in ("Photo:", "Subscribe", "Related Articles", "All rights reserved", "By Ji-ho Park", "Home"):
        assert furniture not in doc.text


@pytest.mark.parametrize("published, expected", [
    ("2022-01-24", dt.date(2022, 1, 24)),
    ("2025-03-14 20:30:26Z", dt.date(2025, 3, 14)),
    ("2022-01-24T23:30:00-05:00", dt.date(2022, 1, 24)),
    ("2022-01-24T10:00:00.123Z", dt.date(2022, 1, 24)),
    (None, None),
    ("", None),
])
def test_ingest_record_published_forms(published, expected):
    doc = document_from_record({"id": "a", "text": "Troops crossed the border.", "published": published}, "f.jsonl:1")
    assert doc.published == expected


def test_ingest_record_fields():
    rec = {"id": 42, "text": "  KYIV, Ukraine (AP) — Shelling resumed.  ", "title": "Shelling", "outlet": "AP",
           "url": "https://x.example/1", "section": "World"}
    doc = document_from_record(rec, "f.jsonl:3")
    assert doc == Document(id="42", text="  KYIV, Ukraine (AP) — Shelling resumed.  ", title="Shelling",
                           published=None, outlet="AP", url="https://x.example/1", dateline="Kyiv",
                           section="World")


@pytest.mark.parametrize("rec, exc, message", [
    ({"text": "x"}, DocumentError, "f.jsonl:7: record has no \"id\""),
    ({"id": "", "text": "x"}, DocumentError, "unusable \"id\""),
    ({"id": "a"}, EmptyDocumentError, "f.jsonl:7: record 'a' has no \"text\""),
    ({"id": "a", "text": "   "}, EmptyDocumentError, "\"text\" of record 'a' is empty"),
    ({"id": "a", "text": ["para"]}, DocumentError, "is a JSON array, not a string"),
    ({"id": "a", "text": "x", "published": "someday"}, DocumentError, "f.jsonl:7: published 'someday' is not a date"),
    ({"id": "a", "text": "x", "published": "2022-02-30"}, DocumentError, "not a real calendar date"),
    ({"id": "a", "text": "x", "title": 5}, DocumentError, "\"title\" of record 'a' must be a string"),
    (["a", "b"], DocumentError, "expected a JSON object per line, got a JSON array"),
])
def test_ingest_record_errors(rec, exc, message):
    with pytest.raises(exc) as info:
        document_from_record(rec, "f.jsonl:7")
    assert message in str(info.value)


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Sahel Wire</title><link>https://sahel.example</link>
<item><guid>sw-1</guid><link>https://sahel.example/1</link><title>Protest in Dakar</title>
<pubDate>Tue, 14 Mar 2023 22:30:00 GMT</pubDate>
<description>&lt;p&gt;DAKAR, March 14 (Sahel Wire) - Thousands marched against a delay of the vote.&lt;/p&gt;&lt;p&gt;Police fired &lt;b&gt;tear gas&lt;/b&gt; &amp;amp; arrested ten people.&lt;/p&gt;</description></item>
<item><link>https://sahel.example/2</link><title>Talks in Niamey</title><pubDate>Wed, 15 Mar 2023 08:00:00 GMT</pubDate>
<description>Niger and Mali agreed to hold joint patrols.</description></item>
<item><guid>sw-3</guid><title>Photo gallery</title></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Baltic Brief</title><id>urn:bb</id><updated>2024-02-01T00:00:00Z</updated>
<entry><id>urn:bb:1</id><title>Vilnius summons envoy</title><link href="https://bb.example/1"/>
<updated>2024-02-01T09:00:00Z</updated>
<content type="html">&lt;p&gt;VILNIUS — Lithuania summoned Belarus's envoy on Thursday over a border incident.&lt;/p&gt;</content></entry>
</feed>"""


def test_ingest_feed_rss_entries():
    docs = parse_feed(RSS, "wire.rss")
    assert [d.id for d in docs] == ["sw-1", "https://sahel.example/2"]  # entry 3 has no text
    first = docs[0]
    assert first.title == "Protest in Dakar"
    assert first.published == dt.date(2023, 3, 14)
    assert first.outlet == "Sahel Wire"
    assert first.url == "https://sahel.example/1"
    assert first.text == ("DAKAR, March 14 (Sahel Wire) - Thousands marched against a delay of the vote.\n\n"
                          "Police fired tear gas & arrested ten people.")
    assert first.dateline == "Dakar"
    assert docs[1].text == "Niger and Mali agreed to hold joint patrols."


def test_ingest_feed_atom_bytes():
    docs = parse_feed(ATOM.encode("utf-8"), "brief.atom")
    assert len(docs) == 1
    d = docs[0]
    assert (d.id, d.title, d.published, d.outlet, d.dateline) == (
        "urn:bb:1", "Vilnius summons envoy", dt.date(2024, 2, 1), "Baltic Brief", "Vilnius")
    assert d.text == "VILNIUS — Lithuania summoned Belarus's envoy on Thursday over a border incident."


def test_ingest_feed_not_a_feed():
    with pytest.raises(InputError, match="not.*feed"):
        parse_feed("this is plain text, not XML at all", "notes.xml")


def test_ingest_feed_url_string_is_not_fetched():
    # a string that looks like a URL is data, never fetched
    with pytest.raises(InputError):
        parse_feed("https://example.org/feed.rss", "url.xml")


# ------------------------------------------------------------------ read_inputs

def _split(items):
    items = list(items)
    return ([i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, DocumentError)])


def test_ingest_read_inputs_examples_directory():
    docs, errors = _split(read_inputs([EXAMPLES]))
    assert errors == []
    ids = [d.id for d in docs]
    assert set(ids) == {"kazakhstan_unrest", "brief", "wire-2023-0314-a", "eurodaily-55120",
                        "sahel-2024-0217", "nile-2022-1104"}
    by_id = {d.id: d for d in docs}
    # two outlets, same protest, same day
    a, b = by_id["wire-2023-0314-a"], by_id["eurodaily-55120"]
    assert a.outlet != b.outlet and a.published == b.published == dt.date(2023, 3, 8)
    assert by_id["nile-2022-1104"].dateline == "Addis Ababa"
    assert all(dt.date(2022, 1, 1) <= d.published <= dt.date(2024, 12, 31) for d in docs)


def test_ingest_read_inputs_jsonl_good_and_bad_lines(tmp_path):
    f = tmp_path / "mixed.jsonl"
    lines = [
        json.dumps({"id": "ok1", "text": "Police detained ten protesters.", "published": "2023-01-02"}),
        "",
        "{not json",
        json.dumps({"id": "notext"}),
        json.dumps({"text": "no id here"}),
        json.dumps({"id": "ok2", "text": "Iran summoned the French ambassador."}),
    ]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_inputs([f]))
    assert [type(i).__name__ for i in items] == ["Document", "DocumentError", "EmptyDocumentError",
                                                 "DocumentError", "Document"]
    bad_json = items[1]
    assert bad_json.doc_id == f"{f}:3"
    assert bad_json.problem.startswith(f"{f}:3: not valid JSON: ")
    assert items[2].doc_id == "notext" and f"{f}:4" in str(items[2])
    assert items[3].doc_id == f"{f}:5" and "no \"id\"" in str(items[3])
    assert items[0].published == dt.date(2023, 1, 2) and items[4].id == "ok2"


def test_ingest_read_inputs_bad_files_do_not_stop(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.jsonl").write_bytes(b"\n\n  \n")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "latin.txt").write_bytes("Title\n\nLa police a arrêté dix manifestants à Genève.\n".encode("latin-1"))
    (tmp_path / "utf16.txt").write_bytes("Title\n\nText.\n".encode("utf-16"))
    (tmp_path / "good.txt").write_text("Envoys Meet\n\nThe envoys of both states met in Doha on Sunday.\n",
                                       encoding="utf-8")
    missing = tmp_path / "missing.txt"
    items = list(read_inputs([tmp_path, missing]))
    docs, errors = _split(items)
    assert [d.id for d in docs] == ["good"]
    assert docs[0].text == "The envoys of both states met in Doha on Sunday."
    by_name = {Path(e.doc_id.split(":")[0]).name: e for e in errors}
    assert set(by_name) == {"empty.txt", "blank.jsonl", "binary.txt", "latin.txt", "utf16.txt", "missing.txt"}
    assert isinstance(by_name["empty.txt"], EmptyDocumentError) and "empty" in str(by_name["empty.txt"])
    assert isinstance(by_name["blank.jsonl"], EmptyDocumentError)
    assert isinstance(by_name["binary.txt"], DecodeError) and "NUL bytes" in str(by_name["binary.txt"])
    assert isinstance(by_name["latin.txt"], DecodeError) and "not valid UTF-8" in str(by_name["latin.txt"])
    assert "iconv" in str(by_name["latin.txt"])  # the fix
    assert isinstance(by_name["utf16.txt"], DecodeError) and "UTF-16" in str(by_name["utf16.txt"])
    assert "file not found" in str(by_name["missing.txt"])


def test_ingest_read_inputs_jsonl_bad_utf8_line(tmp_path):
    f = tmp_path / "enc.jsonl"
    f.write_bytes(b'{"id": "a", "text": "Caf\xe9 bombed."}\n' + json.dumps({"id": "b", "text": "Fine."}).encode() + b"\n")
    items = list(read_inputs([f]))
    assert isinstance(items[0], DecodeError) and items[0].doc_id == f"{f}:1"
    assert isinstance(items[1], Document) and items[1].id == "b"


def test_ingest_read_inputs_glob_and_dispatch(tmp_path):
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    (sub / "story.htm").write_text(PAGE_HTML, encoding="utf-8")
    (tmp_path / "feed.rss").write_text(RSS, encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    docs, errors = _split(read_inputs([str(tmp_path / "**" / "*.htm"), str(tmp_path / "*.rss")]))
    assert [d.id for d in docs] == ["story", "sw-1", "https://sahel.example/2"]
    assert len(errors) == 1 and "sw-3" == errors[0].doc_id and "no summary or content" in str(errors[0])
    _, errors = _split(read_inputs([str(tmp_path / "*.nothing")]))
    assert len(errors) == 1 and "no input files" in str(errors[0])
    _, errors = _split(read_inputs([tmp_path / "notes.md"]))
    assert len(errors) == 1 and "unsupported file type '.md'" in str(errors[0])


def test_ingest_read_inputs_is_lazy_and_reads_once(tmp_path):
    f = tmp_path / "one.txt"
    f.write_text("Ceasefire Holds\n\nThe ceasefire held for a third day, the UN said.\n", encoding="utf-8")
    gen = read_inputs([f, str(tmp_path / "*.txt"), tmp_path])
    assert iter(gen) is gen  # a generator: nothing read before iteration
    assert [d.id for d in gen] == ["one"]


def test_ingest_read_inputs_feed_that_is_not_a_feed(tmp_path):
    f = tmp_path / "broken.xml"
    f.write_text("hello, I am not a feed", encoding="utf-8")
    items = list(read_inputs([f]))
    assert len(items) == 1 and isinstance(items[0], DocumentError) and "not" in str(items[0])


def test_ingest_never_prints(tmp_path, capsys):
    (tmp_path / "bad.jsonl").write_text("{oops\n", encoding="utf-8")
    list(read_inputs([tmp_path, tmp_path / "nope.txt"]))
    out = capsys.readouterr()
    assert out.out == "" and out.err == ""
