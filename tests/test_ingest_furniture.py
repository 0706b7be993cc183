"""A saved page's share widget, tag list, related headlines and comment box are cut from the story's
text; a tag list whose end cannot be told is left, and prose that says "Tags" is untouched.
The texts are FA-KES's (Sputnik's and Al-Araby's pages, CC BY; see samples/fakes-idlib/ORIGIN.md)."""

from __future__ import annotations

import pytest

from briefing.ingest import load_documents
from briefing.ingest.furniture import strip_furniture

CUT = [  # (text, what the story reads once the furniture is gone)
    ("07.10.2017(updated 1500 07.10.2017) Get short URL 11990 Russias Defense Ministry has reported the elimination "
     "of Daesh command position.",
     "Russias Defense Ministry has reported the elimination of Daesh command position."),
    # the page's header before the widget: headline, photo credit, section and time
    ("Kurdish SDF Troops Kill 13 Daesh Militants Near Syrias Town of Al Tabqah REUTERS Rodi Said Middle East 0041 "
     "06.04.2017Get short URL 185 The Kurdish-led Syrian Democratic Forces killed 13 jihadists.",
     "The Kurdish-led Syrian Democratic Forces killed 13 jihadists."),
    # "0 85" are the widget's counts; "12" is the story's
    ("09.04.2017Get short URL 0 85 12 Daesh terrorists were killed by Kurdish-led forces.",
     "12 Daesh terrorists were killed by Kurdish-led forces."),
    ("07.07.2015Get short URL Topic Violence Erupts as Islamic State Rises (1881) 0 25 A suicide bomber blew himself "
     "up at an army outpost.", "A suicide bomber blew himself up at an army outpost."),
    # the share count, related headlines, tags and comment box at the end
    ("Most militants have been pushed back across the Euphrates. ... 91 Related US Mistakes Lack of Aid Led to "
     "Humanitarian Catastrophe in Raqqa - Moscow Tags murder Syrian Democratic Forces (SDF) Daesh Syria Raqqa "
     "Community standardsDiscussion Comment via FacebookComment via Sputnik News",
     "Most militants have been pushed back across the Euphrates."),
    ("No group has taken responsibility. Watchdog Tags airstrikes Syria United States Community standardsDiscussion "
     "Comment via FacebookComment via Sputnik News", "No group has taken responsibility. Watchdog"),
    # tags between the standfirst and the story: the story restarts at "At least", a number word, "A", "The" ...
    ("A monitoring group said. Tags Syria Islamic State group IS civilians barrel bombs Syrian Observatory for Human "
     "Rights At least 11 civilians among them three children were killed Thursday.",
     "A monitoring group said. At least 11 civilians among them three children were killed Thursday."),
    ("Attacks resumed on Tuesday. Tags Madaya Syria hunger siege women Hizbollah Three women from the besieged town "
     "were killed.", "Attacks resumed on Tuesday. Three women from the besieged town were killed."),
    # ... or at the subject of its first verb
    ("On Tuesday a monitor said. Tags Syria Idlib gas attack chlorine Observatory Assad Warplanes carried out a "
     "suspected toxic gas attack that killed at least 72 people.",
     "On Tuesday a monitor said. Warplanes carried out a suspected toxic gas attack that killed at least 72 people."),
    ("A monitoring group said. Tags Syria Idlib Ariha Assad war Government air raids in a northwestern town killed "
     "at least 27.", "A monitoring group said. Government air raids in a northwestern town killed at least 27."),
    ("Local sources said. Tags Syria Assad US Russia ceasefire Aleppo Suspected Syrian regime and Russian airstrikes "
     "killed at least 22 volunteers.",  # the hedge stays with its sentence
     "Local sources said. Suspected Syrian regime and Russian airstrikes killed at least 22 volunteers."),
    # ... or where the standfirst before the tags is told again
    ("Russia has accused Belgium of killing civilians in Aleppo. Tags Belgium Syria coalition air raids strikes "
     "Aleppo Russia has accused Belgium a member of a US-led coalition of killing civilians.",
     "Russia has accused Belgium of killing civilians in Aleppo. Russia has accused Belgium a member of a US-led "
     "coalition of killing civilians."),
    # a site footer: related headlines, newsletter and social links, copyright, policy links (TRT World)
    ("Russia has lost at least 12 soldiers in the Syrian war. Source TRTWorld and agencies Related News Iraqs vote "
     "violations | The global gag rule | Slovenian elections Category News A picture is worth a thousand words. Follow "
     "us on Instagram. FOLLOW TRTWORLD Dont miss out on the Latest News We wont spam you and we respect your privacy. "
     "Subscribe TRT World on Facebook Like Follow Copyright \ufffd\ufffd 2018 TRT World. Contact Us Legal Terms of "
     "Use Privacy Policy Cookie Policy",
     "Russia has lost at least 12 soldiers in the Syrian war. Source TRTWorld and agencies"),
    ("A story ends here. Related News Headline one | Headline two © 2018 TRT World. Terms of Use Privacy Policy "
     "Cookie Policy", "A story ends here."),  # the footer's © without the word "Copyright"
    # the reporters' sign-off after the last sentence (SANA)
    ("The shells hit houses in the city. Manar al-Freih / Hazem Sabbagh", "The shells hit houses in the city."),
    ("Many suffocation cases were reported. Manar al-Frieh/Manal", "Many suffocation cases were reported."),
    # ... and with initials (FA-KES: 7 of SANA's reports ended with a statement "H." or "R. Milhem / Ghossoun/H. Said")
    ("The shells hit houses in the city. R.J/ Ghossoun/R. Milhem/H. Said", "The shells hit houses in the city."),
    ("The shells hit houses in the city. H. Zain H. Said", "The shells hit houses in the city."),
    ("The shells hit houses in the city. H.Zain/ Ghossoun /M. al-Frieh/H. Said", "The shells hit houses in the city."),
    # the outlet's blurb after the story, with the author's card (audit 8: Asharq Al-Awsat's, a topic "London offensive")
    ("Only meters away hundreds of evacuees loitered in a parking lot. Asharq Al-Awsat English Asharq Al-Awsat is the "
     "worlds premier pan-Arab daily newspaper printed simultaneously each day on four continents in 14 cities. Launched "
     "in London in 1978 Asharq Al-Awsat has established itself as the decisive publication on pan-Arab and "
     "international affairs.", "Only meters away hundreds of evacuees loitered in a parking lot."),
    ("It will be officially announced. Youssef Diab Launched in London", "It will be officially announced."),
    # an embedded video's title between two sentences (audit 8: it opened a cited sentence)
    ("Residents were forced to take shelter from the attack. Syria Death in Damascus - Rocket attack shakes Syrian "
     "capital - YouTube In a Twitter post earlier this week the Islam Armys leader warned that Damascus was a military "
     "zone.", "Residents were forced to take shelter from the attack. In a Twitter post earlier this week the Islam "
     "Armys leader warned that Damascus was a military zone."),
    ('Shamim Chowdhury has the latest from Gaziantep. "Toxic gas attack" kills at least 58 in Idlib - YouTube The '
     "opposition demanded a UN investigation.", "Shamim Chowdhury has the latest from Gaziantep. The opposition "
     "demanded a UN investigation."),
    ("The War In Syria Interview with Richard Weitz on U.S. strikes in Syria - YouTube In turn Kerry called on Russia "
     "to stop.", "In turn Kerry called on Russia to stop."),  # at the text's start; an abbreviation's full stop in it
    # ... and with the agency's name alone before the photographer's (FA-KES: 15 in Sputnik's pages)
    ("The attack was foiled. REUTERS Rodi Said Anti-Daesh Forces Get the Better of Terrorists in Battle for Manbij The "
     "US-led coalition has been carrying out airstrikes.",
     "The attack was foiled. The US-led coalition has been carrying out airstrikes."),
    ("The source said so. Sputnik Andrei Stenin Syrias Security Services Avert Terror Attack on Damascus Military "
     "Source The Syrian government has been fighting a number of militias.",
     "The source said so. The Syrian government has been fighting a number of militias."),
    ("SDF said so. REUTERS Rodi Said Daesh Trying to Launch Counteroffensive Against Syrian Kurds Near Al Tabqa Reports "
     "On Saturday reports emerged that Daesh had been trying to break the frontline.",
     "SDF said so. On Saturday reports emerged that Daesh had been trying to break the frontline."),
    # Ahram's header (audit 7, defect 5): headline, wire, date, a photo's caption, its buttons and view count, then
    # related headlines before the story: the story restarts at a dash glued to a capital, "A", "At least", "Nearly",
    # or the subject of a past tense with an article after it
    ("Russian President Vladimir Putin attends a meeting of the Valdai International Discussion Club in Sochi Russia "
     "Thursday Oct. 27 2016 (Photo AP) Print Tweet Views 2494 Related Russian US jets had near miss over Syria US "
     "officials Russia Syria Iran express joint stand on Syria Russia FM hosts talks with Syria Iran UN chief demands "
     "probe into Syria school attack Syrian rebels launched a major assault Friday on Aleppo.",
     "Syrian rebels launched a major assault Friday on Aleppo."),
    ("Print Tweet Views 729 Related IS group claims responsibility for attack on Syrian town Double bomb attack kills "
     "31 in Syrian Kurdish city state TV -A double bomb attack killed 31 people in Qamishli.",
     "A double bomb attack killed 31 people in Qamishli."),
    ("Related Syrias Assad says Turkeys Erdogan exploiting coup 43 civilians dead in bombardment of Syria rebel-held "
     "areas Monitor UN pleads for weekly 48-hour truce in Syrias Aleppo Nearly 40 Syrian soldiers and pro-regime "
     "fighters were killed.", "Nearly 40 Syrian soldiers and pro-regime fighters were killed."),
    ("Related Syrian refugees arrive in new Jordan camp Syria has 8% of chemical material left Monitor A car bomb and "
     "rocket attack on Homs killed at least 45 people.", "A car bomb and rocket attack on Homs killed at least 45 people."),
    # Reuters: related coverage between two sentences; the story goes on at the subject of "said"
    ("It would demand proof in the Security Council. Related Coverage U.S. to wait and see on use of force in Syria: "
     "army chief of staff U.N. Security Council urges easier access for Syria aid Foreign Minister Sergei Lavrov said "
     "Russia had seen reports.",
     "It would demand proof in the Security Council. Foreign Minister Sergei Lavrov said Russia had seen reports."),
    # a standfirst that ends no sentence before the tags: a paragraph's end between it and the story (audit 7: "... of
    # the war-torn city Eleven people including a woman ..." was one statement)
    ("Shelling in West Aleppo left 11 people dead on Friday in the war-torn city Tags Syria Aleppo UN De Mistura Fatah "
     "al-Sham Eleven people including a woman and child were killed.",
     "Shelling in West Aleppo left 11 people dead on Friday in the war-torn city\n\nEleven people including a woman "
     "and child were killed."),
    # ... or at a count's hedge ("Almost a dozen")
    ("A monitor said. Tags Syria Khan Sheikhun Idlib airstrike Bashar al Assad Almost a dozen civilians were killed on "
     "Sunday.", "A monitor said. Almost a dozen civilians were killed on Sunday."),
    # tags that end the text
    ("Russia has accused Belgium of killing civilians. Tags Belgium Syria coalition air raids strikes Aleppo Russia",
     "Russia has accused Belgium of killing civilians."),
    # Sputnik's card for another story between two sentences: a photo credit and that story's headline (audit 5:
    # "AP Photo Robert S. PriceU." was a statement, the headline glued onto the next sentence)
    ('There is nothing more to say" the source said. AP Photo Robert S. PriceU.S. Navy US Missile Strike on Syria Kills '
     "Five Injures Seven - Homs Governor Earlier conflicting reports on the number of casualties emerged.",
     'There is nothing more to say" the source said. Earlier conflicting reports on the number of casualties emerged.'),
    ("The clashes are still underway. Photo Igor Bubin Damascus Airport Attack Terrorism Wont Sow Fear in the Souls of "
     "Syrians The Syrian army in turn continues the operation.",
     "The clashes are still underway. The Syrian army in turn continues the operation."),
    ('The depots were destroyed" Konashenkov said. AP Photo Hassan Ammar Libyas Security Forces Reportedly Find Burial '
     "Sites of Over 20 Executed Christians According to Konashenkov Russian military intelligence revealed the posts.",
     'The depots were destroyed" Konashenkov said. According to Konashenkov Russian military intelligence revealed '
     "the posts."),
    ("The spokesman relayed. AP Photo Hussein Malla Over 20 Daesh Terrorists Killed in SDF Operations in Syrian Main "
     'Battlefields "Over the past two days the Russian Aerospace Forces continued to destroy the Daesh group."',
     'The spokesman relayed. "Over the past two days the Russian Aerospace Forces continued to destroy the Daesh '
     'group."'),
]
KEPT = [
    # where the tags end cannot be told ("the Nusra Front" is a tag, "Syrian troops" the story): left whole
    "Heavy casualties on both sides. Tags Syria Aleppo regime forces rebel forces the Nusra Front Syrian troops and "
    "pro-government gunmen repelled an offensive.",
    "Tags on the luggage showed that the men had flown in from Istanbul.",
    "The army said the road between Damascus/Homs was open again.",  # a slash inside the last sentence
    "The army said its troops had removed the name Tags from the list.",
    "A plain story with no page furniture in it at all. It has two sentences.",
    "Related News agencies said the Copyright Office had no Privacy Policy.",  # no footer: no link list after it
    # "Photo" in a sentence, in a caption's credit, or where the story's start cannot be told
    "The AP Photo Editor said the pictures were taken on Friday.",
    "Fighters rest near Aleppo on July 1 2016. (AFP Photo) At least 16 civilians were killed on Friday.",
    "The army took the town. Photo Journalist John Smith was killed there on Friday.",
    "The army took the town. AP Photo Syrian Army Soldiers Enter Palmyra Old City Ruins After Fighting",
    # "Related" in a sentence, or headlines whose end cannot be told
    "Related talks were held in Geneva. The army said the road was open again.",
    "The army took the town. Related Syrian Army Soldiers Enter Palmyra Old City Ruins After Fighting",
    "The army took the town. Related Syria talks resume in Geneva Army takes the hill near Palmyra today.",
    "Many said so. Print Tweet",  # buttons with no story after them
    "The talks were held with U.S. officials. J. Smith said so.",  # a sentence, no sign-off
    "The army took the town. Sputnik Editor-in-Chief Margarita Simonyan said that the channel would go on.",
    "The army took the town. REUTERS Rodi Said Syrian Democratic Forces Liberate Another Village",
    "The army took the town. Launched in 2015 the Russian campaign has killed thousands.",  # no author's card
    "Activists posted a video on YouTube showing the destruction. The video - YouTube said - was removed.",
    "The army took the town. The Syrian Observatory is a monitor based in Britain.",  # not an outlet's name
]


@pytest.mark.parametrize("text, story", CUT)
def test_the_page_furniture_is_cut(text, story):
    assert strip_furniture(text) == story


@pytest.mark.parametrize("text", KEPT)
def test_a_text_whose_furniture_cannot_be_told_is_kept_whole(text):
    assert strip_furniture(text) is text


def test_ingest_cuts_it_after_the_date_and_headline_and_sentences_point_into_the_cut_text(tmp_path):
    from briefing.segment import segment_document

    text = ("Tuesday 4 April 2017 Scores killed in gas attack in rebel-held Syria town A suspected toxic gas attack "
            "killed at least 72 people on Tuesday a monitor said. Tags Syria Idlib gas attack chlorine Observatory "
            "Assad Warplanes carried out a suspected toxic gas attack that killed at least 72 people.")
    (tmp_path / "r.md").write_text('---\ntitle: "Scores killed in gas attack in rebel-held Syria town"\n'
                                   f'outlet: Al-Araby\ndate: 2017-04-04\n---\n\n{text}\n', encoding="utf-8")
    (document,) = load_documents([str(tmp_path)])
    assert document.text == ("A suspected toxic gas attack killed at least 72 people on Tuesday a monitor said. "
                             "Warplanes carried out a suspected toxic gas attack that killed at least 72 people.")
    sentences = segment_document(document)
    assert [s.text.split()[0] for s in sentences] == ["A", "Warplanes"]
    assert all(document.text[s.start:s.end] == s.text for s in sentences)


def test_a_title_loses_the_site_name_its_page_gave_it():
    from briefing.ingest.furniture import without_site_name

    assert without_site_name("Dozens dead as warplanes pound north Syria | Jordan Times", "jordantimes") == \
        "Dozens dead as warplanes pound north Syria"
    assert without_site_name("Three Killed in Deir ez-Zor - Sputnik International", "Sputnik") == \
        "Three Killed in Deir ez-Zor"
    assert without_site_name("Rebels retake town - Homs Governor", "Sputnik") == \
        "Rebels retake town - Homs Governor"  # not the outlet's name: part of the headline


def test_a_title_loses_a_field_name_a_scraper_left_in_it():
    """Audit 9: a source was titled "title: ISIL Kills over 50 in Central Syria Attack" (as FA-KES holds it)."""
    from briefing.ingest.furniture import with_plain_title
    from briefing.model import Document

    def titled(title):
        return with_plain_title(Document(id="a", title=title, title_from="metadata", outlet=None, date=None, url=None,
                                         path=None, place=None, text="ISIL killed more than 50 people.")).title

    assert titled("title: ISIL Kills over 50 in Central Syria Attack") == "ISIL Kills over 50 in Central Syria Attack"
    assert titled("Headline:  Rebels retake town") == "Rebels retake town"
    assert titled("Title fight in Aleppo: rebels regroup") == "Title fight in Aleppo: rebels regroup"
    assert titled("title:") == "title:"  # nothing after it: left as it is


def test_a_share_button_and_its_short_link_are_cut():
    """Audit 6: Daily Sabah's "SEND httpsabahdai.lyEsxNAM" stayed in the first statement."""
    assert strip_furniture("Published August 1 2016 SEND httpsabahdai.lyEsxNAM At least 15 people were killed."
                           ) == "Published August 1 2016 At least 15 people were killed."
    kept = "The page at https://example.org/report said 15 people were killed."
    assert strip_furniture(kept) == kept


@pytest.mark.parametrize("unit", [
    "Print Tweet Views 12 Related ",
    "Abc said. Related Abc def ghi jkl ",  # a headline list read for its story's restart at every "Related"
    "x. Related Coverage Ab Cd Ef Gh said a ",
    "Tags Abc Def ",
    "x. REUTERS Ab Cd Ef Gh ",  # a photo card's restart read for at every credit
    "A/ B. C/ D. E/ ",  # a sign-off's names chained, a search starting at every full stop
])
def test_long_adversarial_furniture_takes_linear_time(unit):
    """200 KB of the words the page-furniture rules look for: each is read a bounded number of words ahead."""
    import time

    text = unit * (200_000 // len(unit)) + "The army took the town on Friday."
    started = time.perf_counter()
    strip_furniture(text)
    assert time.perf_counter() - started < 5  # quadratic: minutes
