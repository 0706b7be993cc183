"""A scraped page's date, byline, breadcrumb and repeated headline are cut from the story's
start, and nothing is cut from a lead that merely begins with a date."""

from __future__ import annotations

import pytest

from briefing.ingest import load_documents
from briefing.ingest.lead import lead_date, strip_lead

CUT = [  # (text, title, the story's first words) from the FA-KES reports in samples/fakes-idlib
    ("Tuesday 4 Apr 2017 Suspected gas attack on Syrias rebel-held Idlib kills at least 58 Observatory Reuters "
     "A suspected gas attack believed to be by Syrian government jets killed at least 58 people.",
     "Suspected gas attack on Syrias rebel-held Idlib kills at least 58 Observatory", "A suspected gas attack"),
    ('Date of publication 4 April 2017 At least 72 people including nine children were killed in an airstrike.',
     "Scores killed in gas attack in rebel-held Syria town", "At least 72 people"),
    ("Tuesday 4 April 2017 Assad regime responsible for awful Syria chemical attack: EUs Mogherini . EU diplomatic "
     "chief Federica Mogherini said Tuesday the regime bears primary responsibility.",
     "Assad regime responsible for awful Syria chemical attack: EUs Mogherini", "EU diplomatic chief"),
    ("Posted on April 4 2017 by Asharq Al-Awsat English 58 Killed in Suspected Gas Attack in Syrias Idlib Dozens of "
     "people have been killed in Syrias northern Idlib province.",
     "58 Killed in Suspected Gas Attack in Syrias Idlib", "Dozens of people"),
    ("Middle East Syria Military 07-08-2013 0147 PM A Syrian army unit killed dozens of fighters in an ambush.",
     "Army ambush", "A Syrian army unit"),
    # Al-Alam's clock, its colons lost (10:21:38): "102138" was the first word of a statement (audit 9)
    ("Syrian Jets Pounds ISIS Offensive in Hama Killing 50 Terrorists Fri Sep 30 2016 102138 Warplanes of Syrian Air "
     "Force struck ISIS positions.", "Syrian Jets Pounds ISIS Offensive in Hama Killing 50 Terrorists",
     "Warplanes of Syrian"),
    # the headline first, with no date before it (111 of Ahram's FA-KES reports)
    ("10 dead after strikes on rebel-held hospitals in Syria Air strikes on two hospitals in rebel-held northwestern "
     "Syria on Thursday left 10 people dead.", "10 dead after strikes on rebel-held hospitals in Syria",
     "Air strikes on two hospitals"),
    ("ISIL Kills Crucifies 5 Syrians in Deir Ezzor Middle East Syria Security 31-08-2014 0742 PM Militants of the "
     "so-called Islamic State killed and crucified five civilians.", "ISIL Kills Crucifies 5 Syrians in Deir Ezzor",
     "Militants of the so-called"),
    ("Aleppo bomb blast kills six Syrian state TV A bomb blast killed six people and injured 32 in Aleppo.",
     "Aleppo bomb blast kills six Syrian state", "A bomb blast killed six"),  # the title field lost "TV"
    # Jordan Times: "Oct 04 2017" with its space lost, then the dateline in capitals (audit 5: kept in statements)
    ("Last updated at Oct 042017 BEIRUT A Russian air strike killed 38 civilians on Wednesday a monitor said.",
     "Russian strike kills 38 fleeing civilians in east Syria", "A Russian air strike killed 38"),
    ("Last updated at Apr 052017 KHAN SHEIKHUN Syria A suspected chemical attack killed dozens of civilians.",
     "Suspected chemical attack kills dozens", "A suspected chemical attack"),
    ("Last updated at Apr 092017 At least 15 civilians including four children were killed in an air strike.",
     "Strike kills 15 near Raqqa", "At least 15 civilians"),
    # a byline with no headline after it, then words that only open a story's sentence (FA-KES: "Posted on August 3
    # 2013 by Nazeer Rida At least 12 Islamist fighters ..." was a statement)
    ("Posted on August 3 2013 by Nazeer Rida At least 12 Islamist fighters were killed in clashes.", "Kurds fight",
     "At least 12 Islamist fighters"),
    ("Posted on April 4 2017 by Asharq Al-Awsat English Dozens of people were killed.", "A title not repeated",
     "Dozens of people were"),
    # Etilaf's print button before its date line
    ("Print this page Tuesday 19 July 2016 16:45 Russian Airstrikes Disrupt Last Remaining Ambulance Service in Rural "
     "Aleppo. The relentless Russian airstrikes have disrupted the ambulance service.",
     "Russian Airstrikes Disrupt Last Remaining Ambulance Service in Rural Aleppo", "The relentless Russian"),
    # Ahram: the dateline's place before the wire's name and again after related headlines
    ("Russia strikes kill 120 IS group fighters in Syria Moscow AFP Saturday 7 Oct 2017 Russian strikes in Syria hit "
     "rebels underground arsenal Head of Syria ex-Qaeda group critical after Russia strike Moscow Some 120 Islamic "
     "State group fighters were killed in a series of Russian air strikes.",
     "Russia strikes kill 120 IS group fighters in Syria", "Some 120 Islamic State group fighters"),
    # "100" is the headline's count, not a time after the date
    ("01-11-2014 100 ISIL Terrorists Killed in Kobani. Fighting raged in the Syrian border town of Kobani on Saturday.",
     "100 ISIL Terrorists Killed in Kobani", "Fighting raged"),
]
KEPT = [
    ("On 4 April 2017 the army attacked the town of Khan Sheikhoun.", "Attack on Khan Sheikhoun"),
    ("4 April 2017 was the deadliest day of the war, monitors said.", "Deadliest day"),
    ("The Syrian army said on Friday it had seized Deir ez-Zor.", "The Syrian army said on Friday it had seized"),
    ("Russian strikes kill 34 civilians in Syrias Deir Ezzor Monitor AFP Sunday 26 Nov 2017",
     "Russian strikes kill 34 civilians in Syrias Deir Ezzor Monitor"),  # no sentence after the headline
    ("Five people were killed in Aleppo on Monday, the monitor said.", "Five people were killed in Aleppo"),
    # a byline whose end cannot be told: no story's opening words after at most three names
    ("Posted on April 2 2017 by Youssef Diab MSF Syrian Regime Used Chemical Weapons in Hama Beirut Doctors said so.",
     "A title not repeated"),
]
CUT_TO = [  # (text, title, the story's first words) where only part of the page's lead-in is cut
    # capitals after a date line with no label are a headline's: "ISIL" stays
    ("May 18 2017 ISIL Kills over 50 in Central Syria Attack. ISIL terrorist group killed more than 50 people.",
     "title: ISIL Kills over 50 in Central Syria Attack", "ISIL Kills over 50"),
    # the place comes again after a sentence's end: the words before it are the story's
    ("Syria raid kills 12 Homs AFP Sunday 25 May 2014 Rebels fired on the city. Later in Homs Governor Talal Barazi "
     "said twelve were killed.", "Syria raid kills 12", "Rebels fired on the city."),
    # a sentence that lost its punctuation before the place: it holds articles, which headlines drop
    ("Raid kills 12 in Aleppo Aleppo AFP Saturday 7 Oct 2017 Jets hit a market in the town near Aleppo Rebels fled "
     "the town.", "Raid kills 12 in Aleppo", "Jets hit a market"),
    # an organisation's acronym after a labelled date line opens the sentence: no dateline's place (review 6)
    ("Published 4 April 2017 NATO Secretary General Jens Stoltenberg said the alliance would act.", "A title",
     "NATO Secretary General Jens Stoltenberg"),
    ("Updated: 4 April 2017 UNICEF Syria Representative Fran Equiza said children were killed.", "A title",
     "UNICEF Syria Representative Fran Equiza"),
    ("Last updated at Apr 052017 OPCW Director-General Ahmet Uzumcu said the attack was a war crime.", "A title",
     "OPCW Director-General"),
    ("Published 4 April 2017 ISIS Fighters Fled the town when the army arrived.", "A title", "ISIS Fighters Fled"),
]


@pytest.mark.parametrize("text, title, start", CUT)
def test_the_story_starts_after_the_page_furniture(text, title, start):
    assert strip_lead(text, title).startswith(start)


@pytest.mark.parametrize("text, title", KEPT)
def test_a_lead_that_only_begins_with_a_date_is_kept_whole(text, title):
    assert strip_lead(text, title) is text


@pytest.mark.parametrize("text, title, start", CUT_TO)
def test_only_what_is_clearly_the_page_s_is_cut(text, title, start):
    assert strip_lead(text, title).startswith(start)


def test_the_date_line_cut_is_read_as_a_day():
    assert lead_date("Last updated at Oct 042017 BEIRUT A Russian air strike killed 38 civilians.", "A title") \
        == "Oct 042017"
    assert lead_date(CUT[-2][0], CUT[-2][1]) == "7 Oct 2017"  # after the headline and the wire's name
    assert lead_date("4 April 2017 was the deadliest day of the war, monitors said.", "Deadliest day") is None


def test_ingest_cuts_it_and_sentences_point_into_the_cut_text(tmp_path):
    from briefing.segment import segment_document

    text, title, start = CUT[0]
    (tmp_path / "r.md").write_text(f'---\ntitle: "{title}"\noutlet: Ahram\ndate: 2017-04-04\n---\n\n{text}\n',
                                   encoding="utf-8")
    (document,) = load_documents([str(tmp_path)])
    assert document.text.startswith(start)
    first = segment_document(document)[0]
    assert first.text.startswith(start) and document.text[first.start:first.end] == first.text
