"""Raw scraped pages: title, date, body, boilerplate removal, datelines."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventcoder.errors import DocumentError, EmptyDocumentError
from eventcoder.ingest import find_dateline, parse_raw_page

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "corpus" / "seed" / "seed.txt"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def seed_doc():
    if not SEED.is_file():
        pytest.skip(f"shared reference data not found at {SEED} (../shared is absent in this checkout)")
    return parse_raw_page(SEED.read_text(encoding="utf-8"), "seed")


def test_ingest_seed_title_and_date(seed_doc):
    assert seed_doc.id == "seed"
    assert seed_doc.title == "Recent Events Show How Beijing and Moscow Benefit One Another in Central Asia"
    assert seed_doc.published == dt.date(2022, 1, 24)
    assert seed_doc.dateline is None


def test_ingest_seed_body_starts_and_ends(seed_doc):
    assert seed_doc.text.startswith("Several days ago, Russian Foreign Minister Sergey Lavrov announced")
    assert seed_doc.text.endswith("The United States and its allies would do well to be prescient of this reality.")
    # 18 body paragraphs, joined by blank lines, none empty
    paras = seed_doc.text.split("\n\n")
    assert len(paras) == 18
    assert all(p.strip() == p and p for p in paras)


@pytest.mark.parametrize("furniture", ["Hillsdale", "Epoch Times", "Views expressed", "Related Topics",
                                       "News Analysis", "Defense Ministry Press Service", "Dominick Sansone",
                                       "Kazakhstan Protesters", "Updated:", "January 24, 2022"])
def test_ingest_seed_drops_furniture(seed_doc, furniture):
    assert furniture not in seed_doc.text


def test_ingest_seed_keeps_event_sentences(seed_doc):
    for sentence in ("U.S. President Joe Biden recently threatened to impose crippling sanctions on Russia",
                     "demonstrations quickly deteriorated into violent clashes",
                     "On Jan. 12, Syria joined the Belt and Road Initiative"):
        assert sentence in seed_doc.text
    # the caption repeats the peacekeeping event: it must be gone, so it is not counted twice
    assert "guard an area in Kazakhstan" not in seed_doc.text


OTHER_PAGE = """\
Ministers Trade Accusations Over Border Dam
Home > World > Africa
Written by Amara Ndiaye and Tomas Lindqvist
Amara Ndiaye
Tomas Lindqvist
Published 3 March 2023 | 10:15 GMT | 4 min read

Analysis

CAIRO, March 3 (Nile Wire) - Egypt accused Ethiopia on Friday of breaking a promise to share data on the filling of a dam on the Blue Nile.

Ethiopian officials rejected the charge and said the talks in Khartoum would continue next month.

Dam Filling
Water flows through the spillway of the dam, Feb. 20, 2023. Photo: Nile Wire/Getty Images

Sudan called on both sides to return to the negotiating table.

© 2023 Nile Wire. All rights reserved.
Subscribe to our newsletter
Read More
Egypt holds drills
Ethiopia elects speaker
"""


def test_ingest_raw_page_other_boilerplate():
    doc = parse_raw_page(OTHER_PAGE, "dam", outlet="Nile Wire", url="https://example.org/dam")
    assert doc.title == "Ministers Trade Accusations Over Border Dam"
    assert doc.published == dt.date(2023, 3, 3)
    assert doc.outlet == "Nile Wire" and doc.url == "https://example.org/dam"
    assert doc.text.split("\n\n") == [
        "CAIRO, March 3 (Nile Wire) - Egypt accused Ethiopia on Friday of breaking a promise to share "
        "data on the filling of a dam on the Blue Nile.",
        "Ethiopian officials rejected the charge and said the talks in Khartoum would continue next month.",
        "Sudan called on both sides to return to the negotiating table.",
    ]
    assert doc.dateline == "Cairo"


def test_ingest_raw_page_published_argument_wins():
    doc = parse_raw_page(OTHER_PAGE, "dam", published="2023-03-04")
    assert doc.published == dt.date(2023, 3, 4)
    doc = parse_raw_page(OTHER_PAGE, "dam", published=dt.datetime(2023, 3, 5, 23, 0))
    assert doc.published == dt.date(2023, 3, 5)


def test_ingest_raw_page_bad_published_argument():
    with pytest.raises(DocumentError, match="not a date"):
        parse_raw_page(OTHER_PAGE, "dam", published="next Tuesday")


def test_ingest_raw_page_without_title_or_date():
    text = ("Protesters blocked the main road into the capital on Monday, demanding the release of "
            "detained journalists.\n\nPolice arrested twelve people, a spokesman said.\n")
    doc = parse_raw_page(text, "p")
    assert doc.title is None
    assert doc.published is None
    assert doc.text.startswith("Protesters blocked the main road")
    assert doc.text.endswith("a spokesman said.")


def test_ingest_raw_page_sentence_starting_with_by_is_kept():
    text = ("Troops Withdraw\n\nBy the end of the week, the last troops had left the border town, "
            "officials said.\n\nBy Jane Roe\n")
    doc = parse_raw_page(text, "w")
    assert doc.text == "By the end of the week, the last troops had left the border town, officials said."


def test_ingest_raw_page_date_in_body_is_not_publication_date():
    text = ("Syria Joins Initiative\n\nOn Jan. 12, 2022, Syria joined the initiative, the foreign "
            "ministry in Damascus said in a statement.\n")
    doc = parse_raw_page(text, "s")
    assert doc.published is None
    assert doc.text.startswith("On Jan. 12, 2022, Syria joined")


def test_ingest_raw_page_unwraps_hard_wrapped_paragraphs():
    text = ("Envoys Meet\n\n"
            "The foreign ministers of Armenia and Azerbaijan met in Geneva on Monday\n"
            "to discuss the border commission, a spokesperson for the Swiss foreign\n"
            "ministry said after the talks.\n\n"
            "Both sides agreed to meet again in April.\n")
    doc = parse_raw_page(text, "g")
    assert doc.text.split("\n\n") == [
        "The foreign ministers of Armenia and Azerbaijan met in Geneva on Monday to discuss the border "
        "commission, a spokesperson for the Swiss foreign ministry said after the talks.",
        "Both sides agreed to meet again in April.",
    ]


def test_ingest_raw_page_author_bio_at_end_dropped():
    text = ("Talks Stall\n\nBy Lena Hoffmann\n\nNegotiators failed to agree on a ceasefire on Sunday, "
            "diplomats said.\n\nLena Hoffmann is a correspondent covering European security.\n")
    doc = parse_raw_page(text, "t")
    assert doc.text == "Negotiators failed to agree on a ceasefire on Sunday, diplomats said."


def test_ingest_raw_page_empty_raises():
    with pytest.raises(EmptyDocumentError):
        parse_raw_page("   \n\n", "e")
    with pytest.raises(EmptyDocumentError, match="no body paragraphs"):
        parse_raw_page("Just A Title\nBy Someone\nJanuary 3, 2023\nRelated Topics\n", "e")


@pytest.mark.parametrize("text, place", [
    ("ADDIS ABABA, Feb 6 - Ethiopia said on Sunday ...", "Addis Ababa"),
    ("KYIV, Ukraine (AP) — Russian forces shelled ...", "Kyiv"),
    ("WASHINGTON — The United States imposed ...", "Washington"),
    ("LONDON (Reuters) - Britain summoned ...", "London"),
    ("BEIJING, March 3 (Xinhua) -- China and Russia ...", "Beijing"),
    ("NAIROBI, Kenya, Jan 5 (Reuters) - Police fired ...", "Nairobi"),
    ("PORT-AU-PRINCE, Haiti — Gangs attacked ...", "Port-au-Prince"),
    ("N'DJAMENA, Chad (AFP) - Troops were deployed ...", "N'Djamena"),
])
def test_ingest_dateline_detected(text, place):
    found = find_dateline(text)
    assert found is not None and found[0] == place
    # the length covers the dateline up to the first word of the story
    assert text[found[1]:][0].isupper()


@pytest.mark.parametrize("text", ["Several days ago, Russian Foreign Minister Sergey Lavrov announced ...",
                                  "NATO said on Monday it would ...", "UPDATE: the talks resumed.",
                                  "Kyiv — a city under fire.", ""])
def test_ingest_dateline_absent(text):
    assert find_dateline(text) is None


def test_ingest_dateline_kept_in_text():
    doc = parse_raw_page("Ceasefire Signed\n\nADDIS ABABA, Feb 6 - The two sides signed a truce on Sunday.\n", "d")
    assert doc.dateline == "Addis Ababa"
    assert doc.text.startswith("ADDIS ABABA, Feb 6 - The two sides")


def test_ingest_example_kazakhstan_page():
    doc = parse_raw_page((EXAMPLES / "kazakhstan_unrest.txt").read_text(encoding="utf-8"), "kazakhstan_unrest")
    assert doc.title == "Moscow Tightens Its Grip as Unrest Spreads Across Kazakhstan"
    assert doc.published == dt.date(2022, 1, 9)
    assert doc.text.startswith("Kazakh Foreign Minister Mukhtar Tileuberdi announced")
    assert len(doc.text.split("\n\n")) == 9
    for furniture in ("Marina Okafor", "World Affairs", "Peacekeepers in Almaty", "via AP",
                      "Views expressed", "Share this", "Related Topics", "CSTO\n"):
        assert furniture not in doc.text


LINE_PAGE = """\
Gunmen Storm Hotel in Somali City
By Staff Reporter
24.01.2023 09:40
Gunmen stormed a hotel in Beledweyne on Tuesday, killing at least five people, police said.
Police detain a suspect near the hotel. REUTERS/Abdi Hassan
Security forces ended the siege after six hours.
FILE - Soldiers patrol a market in Beledweyne, Somalia, on March 2, 2022.
The government blamed al-Shabab for the attack.
Editing by John Smith
Tags: Somalia, Security
"""


def test_ingest_raw_page_without_blank_lines_and_other_credits():
    doc = parse_raw_page(LINE_PAGE, "hotel")
    assert doc.title == "Gunmen Storm Hotel in Somali City"
    assert doc.published == dt.date(2023, 1, 24)
    assert doc.text.split("\n\n") == [
        "Gunmen stormed a hotel in Beledweyne on Tuesday, killing at least five people, police said.",
        "Security forces ended the siege after six hours.",
        "The government blamed al-Shabab for the attack.",
    ]


@pytest.mark.parametrize("caption", [
    "Soldiers stand guard in Almaty on Jan. 8. (AP Photo/Jane Doe).",
    "Demonstrators march in Dakar, Feb. 17, 2024. Photo: Jane Doe",
    "A man waves a flag in Tbilisi. John Roe/AFP via Getty Images",
])
def test_ingest_raw_page_caption_forms_dropped(caption):
    text = f"Rally Held\n\nThousands rallied in the capital on Sunday, organisers said.\n\n{caption}\n\nPolice made no arrests.\n"
    doc = parse_raw_page(text, "c")
    assert doc.text == "Thousands rallied in the capital on Sunday, organisers said.\n\nPolice made no arrests."


@pytest.mark.parametrize("sentence", [
    "The ministry said it would respond, Reuters reported.",
    "Russia withdrew from the Intermediate-Range Nuclear Forces (INF) Treaty.",
    "He declined.",
])
def test_ingest_raw_page_body_lines_that_look_like_furniture_kept(sentence):
    doc = parse_raw_page(f"Title Here\n\nTalks ended without a deal on Friday.\n\n{sentence}\n", "k")
    assert doc.text.split("\n\n")[-1] == sentence


def test_ingest_raw_page_furniture_words_at_sentence_start_kept():
    body = ("Comments by the foreign minister angered officials in Ankara.\n\n"
            "Sponsored by the United Nations, the talks resumed in Geneva.\n\n"
            "Comments (12)\n\nAdvertisement\n")
    doc = parse_raw_page("Title Here\n\n" + body, "k")
    assert doc.text == ("Comments by the foreign minister angered officials in Ankara.\n\n"
                        "Sponsored by the United Nations, the talks resumed in Geneva.")


def test_ingest_raw_section_label_is_kept_as_the_section():
    from eventcoder.ingest import parse_raw_page
    page = ("Why the Sahel Matters\n\nBy Ana Ruiz\nMarch 3, 2024\n\nOpinion\n\n"
            "The juntas of the Sahel have turned to Moscow for security, and the West has little to offer them.\n\n"
            "Niger expelled French troops last year after the coup in Niamey.")
    doc = parse_raw_page(page, "sahel")
    assert doc.section == "Opinion"
    assert doc.text.startswith("The juntas")
