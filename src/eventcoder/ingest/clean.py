"""General rules for telling article body paragraphs from page furniture.

Every rule looks at the *shape* of a line (length, final punctuation, leading words, a trailing
parenthesised photo credit) or at phrases that page furniture shares across outlets
("Related Topics", "Views expressed", "All rights reserved"); none knows any particular article.
"""
from __future__ import annotations

import re
import unicodedata

# sentence-final punctuation, optionally followed by closing quotes or brackets
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*\s*$|[\"”’»]\s*$")
_WORD = re.compile(r"\S+")

# "By Jane Doe", "By Jane Doe and John Roe, Reuters", "BY JANE DOE | Updated ..."
BYLINE = re.compile(r"^\s*(?:by|written by|words by|reporting by)\s*:?\s+(?P<names>[A-Z][^|•·]{1,120}?)\s*(?:[|•·].*)?$",
                    re.IGNORECASE)

# photo credits: "(Russian Defense Ministry Press Service via AP)", "(AP Photo/Jane Doe)",
# "(Reuters)", "(Getty Images)", "Photo: Reuters", "John Doe/AFP via Getty Images"
_CREDIT_WORDS = (r"\bvia\b|\bphoto(?:s|graph)?\b|\bimages?\b|\bAP\b|\bAFP\b|\bReuters\b|\bGetty\b|\bEPA\b|"
                 r"\bXinhua\b|\bTASS\b|\bSputnik\b|\bShutterstock\b|\bcredit\b|\bcourtesy\b|\bpool\b|"
                 r"\bhandout\b|\bfile\b|\bAnadolu\b|\bpress service\b|\bIllustration\b")
_TRAILING_CREDIT = re.compile(rf"\((?:[^()]*?(?:{_CREDIT_WORDS})[^()]*?)\)\.?\s*$", re.IGNORECASE)
_CREDIT_LINE = re.compile(
    r"^\s*(?:(?:photo|image|picture|credit|caption|source|illustration)s?\s*(?:credit)?\s*[:/|-]|"
    r"\(?\s*(?:AP|AFP|EPA|Reuters|Getty Images|Xinhua|Shutterstock)\b[^.!?]{0,60}$|"
    r"FILE(?: PHOTO)?\s*[-–—:])",
    re.IGNORECASE)
_ENDS_WITH_AGENCY = re.compile(
    r"(?:/|\bvia\s+|\|\s*)(?:AP|AFP|EPA|Reuters|Getty Images|Xinhua|Shutterstock)\b\s*\)?\.?\s*$|"  # .../AFP via Getty Images
    r"\b(?:REUTERS|AFP|AP|EPA|EPA-EFE|XINHUA)/[A-Z][\w.'’\- ]{1,40}\.?\s*$|"               # REUTERS/Jane Doe
    r"(?:^|[.|]\s*)(?:Photo|Image|Picture)s?\s*(?:by|:|credit\s*:)\s*[^.!?]{1,60}$")         # ... Photo: Jane Doe

# disclaimers, copyright, calls to action: dropped wherever they are
_DISCLAIMER = re.compile(
    r"views expressed|opinions? (?:expressed )?(?:are|is) (?:those|the opinions?) of the author|"
    r"opinions of the author|do(?:es)? not necessarily (?:reflect|represent)|all rights reserved|"
    r"^\s*(?:©|\(c\)\s*\d{4}|copyright\b)|this (?:article|story) (?:was|has been) (?:originally )?"
    r"(?:published|republished|updated|corrected)|^\s*our standards\b|trust principles",
    re.IGNORECASE)
_CALL_TO_ACTION = re.compile(
    r"^\s*(?:subscribe|sign up|share (?:this|on|via)|share$|follow us|follow (?:him|her|them) on|click here|"
    r"download (?:the|our)|get the latest|advertisement\s*$|sponsored(?: content)?\s*$|"
    r"listen to (?:this|the) (?:article|story|podcast)|watch\s*:|"
    r"read (?:also|more|next)\b|also read|see also|more\s*:|print\s*$|email\s*$|comments?\s*(?:\(?\d+\)?)?\s*$|"
    r"leave a comment|contact (?:the )?(?:author|reporter|us)|send (?:us )?(?:a )?tips?\b|"
    r"(?:additional )?reporting by|writing by|editing by|compiled by|edited by|"
    r"tags?\s*:|topics?\s*:|filed under|keywords?\s*:)",
    re.IGNORECASE)
# start of a trailing list: everything from here on is not the article
TRAILER = re.compile(
    r"^\s*(?:related(?:\s+(?:topics|articles?|stories|content|coverage|news|posts|reading|links))?\s*[:/]?|"
    r"you (?:may|might) (?:also )?like|more (?:from|on|stories|news)\b|recommended(?: for you| stories| reading)?|"
    r"most (?:popular|read|viewed)|trending|popular (?:now|stories)|read next|what to read next|"
    r"around the web|from our partners|latest (?:news|stories))(?:\s|[:/]|$)",
    re.IGNORECASE)


def normalize(text: str) -> str:
    """Unicode NFC, ``\\r\\n``/``\\r`` to ``\\n``, no-break and zero-width spaces handled,
    runs of spaces/tabs collapsed, line ends stripped."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = text.replace("\u00a0", " ").replace("\u200b", "").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = re.sub(r"[ \t\f\v]+", " ", text)
    return "\n".join(line.strip() for line in text.split("\n"))


def words(line: str) -> int:
    """Number of whitespace-separated words."""
    return len(_WORD.findall(line))


def ends_sentence(line: str) -> bool:
    """True when the line ends like a sentence (. ! ? … optionally inside quotes/brackets)."""
    return bool(_SENTENCE_END.search(line))


def is_title_case_label(line: str, max_words: int = 8) -> bool:
    """A short line without sentence punctuation: section label, subheading, caption title,
    a person's name, a button ("Share", "Print")."""
    return 0 < words(line) <= max_words and not ends_sentence(line)


def byline_names(line: str) -> list[str] | None:
    """Names in a "By X" / "By X and Y, Agency" line, or ``None`` when the line is no byline.

    A sentence that happens to start with "By" ("By the time troops arrived, ...") is no byline:
    bylines are short and do not end like sentences.
    """
    if words(line) > 14 or ends_sentence(line):
        return None
    m = BYLINE.match(line)
    if not m:
        return None
    raw = m.group("names")
    names = [n.strip(" ,;") for n in re.split(r",|;|\band\b|&", raw) if n.strip(" ,;")]
    # keep parts that look like a personal name (two to four capitalised words)
    people = [n for n in names if 1 <= words(n) <= 4 and all(w[:1].isupper() for w in n.split())]
    return people or names[:1]


def is_name_line(line: str) -> bool:
    """A line that is only a person's name: two to four capitalised words, no punctuation
    besides . ' - (initials, O'Neil, Jean-Paul)."""
    parts = line.split()
    return (2 <= len(parts) <= 4 and all(re.fullmatch(r"[A-Z][\w.'’\-]*", p) for p in parts)
            and not ends_sentence(line.rstrip(".")))


def has_trailing_credit(line: str) -> bool:
    """True when the line ends with a photo credit: "(... via AP)", "(AP Photo/...)",
    "(Getty Images)", ".../AFP via Getty Images", "| Reuters"."""
    return bool(_TRAILING_CREDIT.search(line) or _ENDS_WITH_AGENCY.search(line))


def is_credit_line(line: str) -> bool:
    """A line that is only a credit or a caption marker: "Photo: Reuters", "Getty Images",
    "FILE - ...", "Image credit: ..."."""
    if words(line) > 40:
        return False
    if _CREDIT_LINE.match(line):
        return True
    return words(line) <= 8 and has_trailing_credit(line)


def is_disclaimer(line: str) -> bool:
    """Opinion disclaimers, copyright notices, "originally published" notes."""
    return words(line) <= 60 and bool(_DISCLAIMER.search(line))


def is_call_to_action(line: str) -> bool:
    """Subscribe / share / follow / read-more lines, agency footers ("Editing by ..."), tag lists."""
    return words(line) <= 30 and bool(_CALL_TO_ACTION.match(line))


def is_trailer(line: str) -> bool:
    """The heading of a trailing list ("Related Topics", "More from ...", "Most read")."""
    return words(line) <= 8 and not ends_sentence(line) and bool(TRAILER.match(line))


def is_body_paragraph(line: str) -> bool:
    """A paragraph of running text: two or more words ending like a sentence, or long enough (15+ words) that
    it is text cut short rather than a label. One-word lines ("Yes.") do not count."""
    n = words(line)
    return n >= 15 or (n >= 2 and ends_sentence(line))


def is_boilerplate(line: str) -> bool:
    """Any line that the rules above mark as furniture (not a trailer heading)."""
    return (is_disclaimer(line) or is_call_to_action(line) or is_credit_line(line)
            or has_trailing_credit(line) or byline_names(line) is not None)


# ---------------------------------------------------------------- datelines
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z'’.\-]*(?:\s+[A-Z][A-Z'’.\-]*){0,3})"     # ADDIS ABABA / KYIV / N'DJAMENA
    r"(?:\s*,\s*(?P<region>[A-Z][A-Za-z'’.\-]*(?:\s+[A-Z][A-Za-z'’.\-]*){0,2}))?"  # , Ukraine
    r"(?:\s*,\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?))?"  # , Feb 6
    r"\s*(?:\((?P<agency>[A-Za-z][A-Za-z .&\-]{0,30})\))?"          # (AP) / (Reuters)
    r"\s*(?P<dash>--|[-–—:])\s+")
_MONTH_WORD = re.compile(r"^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?$")


_PARTICLES = {"au", "aux", "de", "des", "du", "la", "le", "les", "en", "sur", "sous", "el", "al", "am", "on"}


def _title_case(place: str) -> str:
    """ "ADDIS ABABA" -> "Addis Ababa", "PORT-AU-PRINCE" -> "Port-au-Prince",
    "N'DJAMENA" -> "N'Djamena"."""
    def cap_word(word: str) -> str:
        parts = word.lower().split("-")
        out = []
        for i, part in enumerate(parts):
            if i and part in _PARTICLES and i < len(parts) - 1:
                out.append(part)
                continue
            m = re.match(r"^([a-z])(['’])(.+)$", part)
            if m:
                out.append(m.group(1).upper() + m.group(2) + m.group(3)[:1].upper() + m.group(3)[1:])
            else:
                out.append(".".join(x[:1].upper() + x[1:] for x in part.split(".")))
        return "-".join(out)
    return " ".join(cap_word(w) for w in place.split())


def find_dateline(text: str) -> tuple[str, int] | None:
    """The place of a wire dateline at the start of ``text`` and the dateline's length.

    Recognises "ADDIS ABABA, Feb 6 - ...", "KYIV, Ukraine (AP) — ...", "WASHINGTON — ...",
    "LONDON (Reuters) - ...", "BEIJING, March 3 (Xinhua) -- ...". The place must be written in
    capitals (that is what sets a dateline apart from a sentence); it is returned in title
    case ("Addis Ababa"). Returns ``None`` when the text starts with no dateline.
    """
    m = _DATELINE.match(text.lstrip())
    if not m:
        return None
    place = m.group("place").strip(" .")
    letters = [c for c in place if c.isalpha()]
    if len(letters) < 3 or not all(c.isupper() for c in letters):
        return None
    region = m.group("region")
    if region and region.split()[0].rstrip(".").isalpha() and _MONTH_WORD.match(region.split()[0]) and not m.group("date"):
        return None
    # a bare capitalised word followed by ":" is a label ("UPDATE:", "BREAKING:"), not a dateline
    if m.group("dash") == ":" and not (m.group("region") or m.group("date") or m.group("agency")):
        return None
    if place.upper() in {"UPDATE", "UPDATED", "BREAKING", "EXCLUSIVE", "ANALYSIS", "OPINION", "WATCH",
                         "FILE", "PHOTO", "VIDEO", "LIVE", "EDITOR'S NOTE", "NOTE", "CORRECTION"}:
        return None
    return _title_case(place), len(text) - len(text.lstrip()) + m.end()
