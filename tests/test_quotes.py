"""Direct quotes: their speakers (exact spans), cue verbs, split quotes, pronouns; the Key quotes."""

import numpy as np
import pytest

from briefing.quotes import document_quotes, find_quotes, key_quotes
from briefing.segment import segment_document
from tests.conftest import SEEDS, make_document

SEED_000 = (SEEDS / "000_a75d085bfc2e9512.txt").read_text(encoding="utf-8")
SEED_004 = (SEEDS / "004_892d3aec1209a7b2.txt").read_text(encoding="utf-8")

# (paragraph, the speaker of the paragraph before, expected speaker, cue, quoted words)
FIXTURES = [
    # the seeds' quotes
    ("“After a series of meticulous operations, units of our armed forces, in cooperation with allied forces, "
     "completed their tasks in restoring security and stability to the entire city of Deir al-Zour,” the General "
     "Command of the Army and Armed Forces said.", None,
     "the General Command of the Army and Armed Forces", "said",
     "After a series of meticulous operations, units of our armed forces, in cooperation with allied forces, "
     "completed their tasks in restoring security and stability to the entire city of Deir al-Zour"),
    ('"The army announces full control of Deir ez-Zor city," state television said, citing sources on the ground, '
     'AFP reported.', None, "state television", "said", "The army announces full control of Deir ez-Zor city"),
    ('The state news agency SANA also reported that the city had been "fully liberated".', None,
     "The state news agency SANA", "reported", "fully liberated"),
    ('Troops from the army and the elite Counter Terrorism Service "have started the assault on the center of '
     'Al Qaim," Staff Major General Noman Abed Al Zobai, the commander of the army\'s 7th Division, said.', None,
     "Staff Major General Noman Abed Al Zobai, the commander of the army's 7th Division", "said",
     "have started the assault on the center of Al Qaim"),
    ('"Counter Terrorism Service units and tribal fighters have liberated Gaza after violent clashes, leaving some '
     'terrorists dead, while others withdrew towards the center of Al Qaim," he said.', "another officer",
     "another officer", "said",
     "Counter Terrorism Service units and tribal fighters have liberated Gaza after violent clashes, leaving some "
     "terrorists dead, while others withdrew towards the center of Al Qaim"),
    ("The army said it will continue operations against ISIS and “other terrorist groups” until security and "
     "stability are restored across Syria.", None, "The army", "said", "other terrorist groups"),
    ('The US-led coalition has said around 1,500 Daesh terrorists are left in the area, which it expects to be the '
     'scene of the "last big fight" against Daesh in Iraq.', None, "The US-led coalition", "has said",
     "last big fight"),
    # speaker after the quote
    ('"We will rebuild the bridge by spring," Mayor Ana Ruiz said.', None, "Mayor Ana Ruiz", "said",
     "We will rebuild the bridge by spring"),
    ("“The roads are closed,” the interior ministry said in a statement.", None, "the interior ministry", "said",
     "The roads are closed"),
    ('"Nobody has been paid for months," a teacher in Aden told Reuters.', None, "a teacher in Aden", "told",
     "Nobody has been paid for months"),
    ('"Is anyone listening?" Lt. Gen. Sean MacFarland asked.', None, "Lt. Gen. Sean MacFarland", "asked",
     "Is anyone listening?"),
    ('"The talks failed," U.N. envoy Staffan de Mistura told reporters on Friday.', None,
     "U.N. envoy Staffan de Mistura", "told", "The talks failed"),
    ("“We need more time,” Maria Lopez, a spokeswoman for the Red Cross, said on Tuesday.", None,
     "Maria Lopez, a spokeswoman for the Red Cross", "said", "We need more time"),
    ('"The dam is safe," the army\'s General Command said.', None, "the army's General Command", "said",
     "The dam is safe"),
    # inverted: cue first
    ('"The city is calm," said Ahmed Saleh, a local council member.', None,
     "Ahmed Saleh, a local council member", "said", "The city is calm"),
    ("“Aid must reach the east,” said the World Food Programme.", None, "the World Food Programme", "said",
     "Aid must reach the east"),
    ('"Stay indoors," according to a police statement.', None, "a police statement", "according to",
     "Stay indoors"),
    # speaker before the quote
    ('The ministry said: "All schools will reopen on Sunday."', None, "The ministry", "said",
     "All schools will reopen on Sunday."),
    ('On Friday, President Emmanuel Macron said the plan was "a first step".', None, "President Emmanuel Macron",
     "said", "a first step"),
    ('SANA reported that the army had "restored security" in the district.', None, "SANA", "reported",
     "restored security"),
    ('Iraq\'s Joint Operations Command said on Friday that the crossing was "fully secured".', None,
     "Iraq's Joint Operations Command", "said", "fully secured"),
    # split quotes are one quote
    ('"We will not leave," he said, "until every mine is cleared."', "Colonel Omar Khalid", "Colonel Omar Khalid",
     "said", "We will not leave until every mine is cleared."),
    ("“The army is ready,” the general said. “The attack starts at dawn.”", None, "the general", "said",
     "The army is ready. The attack starts at dawn."),
    # pronouns: the nearest name before the quote in the paragraph
    ('Colonel Omar Khalid met reporters in Mosul. "The city is ours," he said.', None, "Colonel Omar Khalid", "said",
     "The city is ours"),
    ('Aid worker Sara Haddad drove from Damascus. "The road was empty," she said.', None, "Sara Haddad",
     "said", "The road was empty"),
    ('Officials from Al Qaim met General Abdul Amir Yarallah. "We are advancing," he said.', None,
     "General Abdul Amir Yarallah", "said", "We are advancing"),
    ('"The convoy arrived," he said.', None, "he", "said", "The convoy arrived"),
]


@pytest.mark.parametrize("paragraph, previous, speaker, cue, text", FIXTURES,
                         ids=[f"{n:02d}-{row[2][:30]}" for n, row in enumerate(FIXTURES)])
def test_quote_speakers_are_found_exactly(paragraph, previous, speaker, cue, text):
    found = find_quotes(paragraph, previous)
    assert [(q.speaker, q.cue, q.text) for q in found] == [(speaker, cue, text)]
    quote = found[0]
    if quote.speaker_start >= 0:  # the speaker is a span of the paragraph itself
        assert paragraph[quote.speaker_start:quote.speaker_start + len(speaker)] == speaker
    else:
        assert quote.pronoun in {"he", "she"}


def test_there_are_at_least_twenty_five_fixtures():
    assert len(FIXTURES) >= 25


@pytest.mark.parametrize("paragraph", [
    "Large numbers of ISIS fighters, including leaders and foreigners were “eliminated,” and engineering units "
    "are now combing the city.",
    'The so-called "caliphate" has collapsed.',
    "The report was unbalanced and unquoted.",
])
def test_quotes_without_a_speaker_are_left_out(paragraph):
    assert find_quotes(paragraph) == []


def test_a_fragment_is_shown_with_the_words_it_continues():
    quote = find_quotes('The state news agency SANA also reported that the city had been "fully liberated".')[0]
    assert quote.shown == "the city had been “fully liberated”"
    quote = find_quotes("The army said it will continue operations against ISIS and “other terrorist groups” "
                        "until security and stability are restored across Syria.")[0]
    assert quote.shown == ("it will continue operations against ISIS and “other terrorist groups” until security "
                           "and stability are restored across Syria")


def test_a_headline_glued_before_a_quote_is_not_shown_with_it():
    """A saved Sputnik page: a photo credit and a related headline, no full stop, then the quote."""
    (quote,) = find_quotes("Sputnik Hikmet Durgun US-Led Coalition Confirms Syrias Raqqa Completely Liberated From "
                           "Daesh “After the regime retook it the residents found the bodies on the streets,” a "
                           "resident said.")
    assert quote.shown == "“After the regime retook it the residents found the bodies on the streets”"


def test_a_fragment_after_a_denial_is_shown_with_the_denial():
    """Shown without its cue, "denied that its forces used any such weapons" said the opposite."""
    (quote,) = find_quotes('The regime military source denied that its forces used any such weapons, saying the army '
                           'used chemical weapons "not in the past and not in the future."')
    assert quote.cue == "denied"
    assert quote.shown.startswith("denied that its forces used any such weapons")
    (said,) = find_quotes('The opposition said on Tuesday that the attack "calls into question" the peace process.')
    assert said.shown == "the attack “calls into question” the peace process"  # "said" adds nothing


@pytest.mark.parametrize("paragraph, shown", [
    ('Abdel Rahman told AFP the campaign was an effort "to turn civilians against the opposition."',
     "the campaign was an effort “to turn civilians against the opposition.”"),
    ('A regime source in Hassakeh told AFP that the bombing was "a message to the Kurds".',
     "the bombing was “a message to the Kurds”"),
    ('Kirby told reporters on Friday that the raids hit "modular oil refineries".', "the raids hit “modular oil refineries”"),
    ('The ministry told state news agency SANA that "the army will continue."', "“the army will continue.”"),
    ('Ahmed Saleh told The Washington Post: "We will stay here."', "“We will stay here.”"),
    ('Zakaria Malahifji told Reuters he believed the truce had "practically failed."',
     "he believed the truce had “practically failed.”"),
    # the subject of what was said stays: only the one told goes
    ('Kirby told Reuters Turkey would "not stand by."', "Turkey would “not stand by.”"),
    ('The mayor told The Times Aleppo was "a city of ghosts."', "Aleppo was “a city of ghosts.”"),
    ('He told Reuters President Assad "must go."', "President Assad “must go.”"),
    ('Smith told reporters Monday the raids were "a crime."', "the raids were “a crime.”"),
    ('Lavrov told Putin the talks had "failed."', "the talks had “failed.”"),
    ('The envoy told the Security Council that Syria was "on the brink."', "Syria was “on the brink.”"),
    ('He told Sky News the town was "under siege."', "the town was “under siege.”"),
    ('He told Interfax Russia was "not involved."', "Russia was “not involved.”"),
])
def test_the_one_told_is_not_shown_as_words_of_the_quote(paragraph, shown):
    """"told AFP the campaign was ..." showed "AFP the campaign was ..." as what was said."""
    (quote,) = find_quotes(paragraph)
    assert (quote.cue, quote.shown) == ("told", shown)


def test_a_fragment_in_the_words_around_a_quote_is_quoted_alike():
    (first, *_) = find_quotes('The source denied that its forces used any such weapons, saying the army "does not and '
                              'has not" used chemical weapons, "not in the past and not in the future."')
    assert first.shown == ("denied that its forces used any such weapons, saying the army “does not and has not” "
                           "used chemical weapons, “not in the past and not in the future”")
    shown = [q.shown for q in find_quotes('He said the army "does not" act and "will not" in "the future."')]
    assert shown[0] == "the army “does not” act and “will not” in “the future”"
    assert all('"' not in text for text in shown)


def test_a_relative_clause_about_the_speaker_is_not_part_of_the_name_shown():
    (quote,) = find_quotes('"The regime cannot deter itself," said Mohamad Sabra the head negotiator for the High '
                           'Negotiations Committee that participated in recent peace talks in Geneva.')
    assert quote.speaker == "Mohamad Sabra the head negotiator for the High Negotiations Committee"
    (quote,) = find_quotes('A pro-Damascus source who spoke on condition of anonymity said the town was "fully secured".')
    assert quote.speaker == "A pro-Damascus source"


def test_it_stands_for_the_subject_of_the_sentence_before_not_an_earlier_paragraphs_speaker():
    (quote,) = find_quotes('The Syrian Foreign Ministry in Damascus rejected the accusations on Wednesday. "These '
                           'accusations are baseless," it said in a statement.', "a doctor at the hospital")
    assert quote.speaker == "Syrian Foreign Ministry"
    (quote,) = find_quotes('And the United Nations has raised concern about the 200000 people. It said relief supplies '
                           'had been stockpiled but "further life-saving aid is needed urgently."')
    assert quote.speaker == "United Nations"


@pytest.mark.parametrize("paragraph, speaker", [
    ('On Tuesday Russian defence ministry spokesman Igor Konashenkov said the strikes were "precise".',
     "Russian defence ministry spokesman Igor Konashenkov"),
    ('In a statement issued afternoon the Ministry of Awqaf said it "condemns the attack."', "the Ministry of Awqaf"),
    ('In its statement about the incident the military said the raid was "a mistake".', "the military"),
    ('Meanwhile Amnesty International said the siege was "a war crime".', "Amnesty International"),
    ('In northern Syria the Observatory said the clashes were "fierce".', "the Observatory"),
    ('On 15 Feb 2016 Turkish Prime Minister Ahmed Davutoglu said Turkey "will not allow" it.',
     "Turkish Prime Minister Ahmed Davutoglu"),
    ('Speaking to Syrian state TV Barazi said the convoy was "on its way".', "Barazi"),
    ('"There are still many people under the rubble," said Ibrahim Abu Laith, a spokesman, told AFP.',
     "Ibrahim Abu Laith, a spokesman"),
    ('Of the Daesh executioners one resident of the town told the Associated Press "These are people who dont know '
     'God."', "one resident of the town"),  # audit 5: the opening phrase was shown as part of the speaker
    ('On Tuesday one official said the town was "calm again".', "one official"),
])
def test_an_opening_phrase_whose_comma_was_lost_is_no_part_of_the_speaker(paragraph, speaker):
    (quote,) = find_quotes(paragraph)
    assert quote.speaker == speaker
    assert paragraph[quote.speaker_start:quote.speaker_start + len(speaker)] == speaker


def test_an_opening_phrase_with_no_subject_after_it_gives_no_quote():
    """"Following Wednesdays reports the Observatory called ...": "reports" is a noun here, not a cue."""
    assert find_quotes('Following Wednesdays reports the Observatory called upon the UN team to "visit the site".') == []


def test_he_or_she_stands_for_a_person_named_before_it_not_a_place_or_an_institution():
    (quote,) = find_quotes('Rockets hit the Municipal Palace. He said the attacks amounted to "war crimes."')
    assert quote.speaker == "He"  # nobody to stand for: left as it is (and trusted less), not "Municipal Palace"
    (quote,) = find_quotes('Rockets hit the Municipal Palace. "They were war crimes," he said.', "Rami Abdel Rahman")
    assert quote.speaker == "Rami Abdel Rahman"  # the paragraph before named him
    (quote,) = find_quotes('"They were war crimes," he said.', "SANA")
    assert quote.speaker == "he"  # an acronym is an agency, not a "he"
    # the name must stand before the pronoun, not after it in its own sentence
    (quote,) = find_quotes('Ercan Topaca spoke in Hatay. He told Al Jazeera the town was "under siege."')
    assert quote.speaker == "Ercan Topaca"


def _key_quotes_of_one_report(text: str):
    document = make_document(text, id="r1")
    sentences = segment_document(document)
    return key_quotes([document], sentences, np.zeros(len(sentences), dtype=int), {"r1": 1}, {0: 0})


def test_a_scare_quote_is_no_key_quote_when_something_was_said():
    quotes = _key_quotes_of_one_report('The opposition said on Tuesday that the attack "calls into question" the peace '
                                       'process. "If the United Nations cannot deter the regime, how can it achieve a '
                                       'political transition?" asked Mohamad Sabra.')
    assert [q.speaker for q in quotes] == ["Mohamad Sabra"]


def test_the_shown_quote_keeps_to_its_own_sentence():
    """A quote that opens a sentence has no lead from the sentence before, and a quote whose full
    stop closes its sentence takes nothing of the next (FA-KES Idlib reports)."""
    (opening,) = find_quotes('It also wounded more than 60 people said the Observatory a British-based war monitoring '
                             'group. "This morning at 630 warplanes targeted Khan Sheikhoun" said Mounzer Khalil head of '
                             'the health authority adding that the attack had killed more than 50 people.')
    assert opening.shown == "“This morning at 630 warplanes targeted Khan Sheikhoun”"
    assert opening.speaker == "Mounzer Khalil head of the health authority"  # the comma before "said" lost
    (closing,) = find_quotes('The regime military source denied that its forces used any such weapons saying the army '
                             'used chemical weapons "not in the past and not in the future." Meanwhile a rocket has '
                             'slammed into a hospital.')
    assert closing.shown.endswith("“not in the past and not in the future.”") and "Meanwhile" not in closing.shown


def test_two_fragments_of_one_sentence_are_one_key_quote():
    quotes = _key_quotes_of_one_report('The regime military source denied the attack, saying "the army does not and '
                                       'has not used chemical weapons" and that it "never will, not in the past and not '
                                       'in the future, not anywhere in this country or any other." Aid workers said the '
                                       'hospital was full.')
    assert len(quotes) == 1 and quotes[0].speaker == "The regime military source"


def test_a_phrase_the_reporters_words_lead_into_is_no_key_quote():
    """Audit 6: with no verb of speech right before it, a quoted phrase is part of the reporter's sentence, even
    at its end and when nothing else is quoted; a quote after "said", "saying" or a colon is something said."""
    for text in ('Al-Nusra Front Twitter feed said one of the groups members blew himself up "inside a bus at the '
                 'market". It was the third attack this month.',
                 'The opposition Local Coordination Committee said heavy shelling had forced the Free Syrian Army from '
                 'the town which was now "in range of their firepower". The town is near Deir al-Adas.',
                 'A doctor receiving the casualties confirmed the death toll and said most of the injured were "gravely '
                 'wounded by shrapnel". The Observatory said shelling hit several areas.'):
        assert _key_quotes_of_one_report(text) == (), text
    for text, shown in (('The ministry said in a statement: "the helicopter was shot down after delivering aid".',
                         "“the helicopter was shot down after delivering aid”"),
                        ('The group said it issued a warning, saying "our teams will keep searching the rubble".',
                         "it issued a warning, saying “our teams will keep searching the rubble”"),
                        ('The spokesman said "we will not leave the city to them". Shelling went on.',
                         "“we will not leave the city to them”")):
        (quote,) = _key_quotes_of_one_report(text)
        assert quote.shown == shown


def test_seed_quotes_in_context_resolve_he_to_the_officer_of_the_paragraph_before():
    document = make_document(SEED_004.split("\n", 1)[1].lstrip(), id="004", date="2017-11-03")
    found = document_quotes(document, segment_document(document))
    speakers = [q.speaker for q, _ in found]
    assert speakers == ["state television", "The state news agency SANA",
                        "Staff Major General Noman Abed Al Zobai, the commander of the army's 7th Division",
                        "another officer", "The US-led coalition"]
    he = next(q for q, _ in found if q.pronoun)
    assert he.pronoun == "he"
    for quote, sentence in found:  # each quote is cited by the sentence it stands in
        assert quote.text.split()[0] in sentence.text


def test_key_quotes_prefer_important_topics_and_merge_the_same_words():
    a = make_document('"The dam is safe," the army said. Markets reopened in the old town. '
                      '"Prices are up," a trader said.', id="a")
    b = make_document('Officials spoke on Friday. "The dam is safe," the army said.', id="b")
    sentences = [s for d in (a, b) for s in segment_document(d)]
    labels = np.array([0 if "dam" in s.text or "Officials" in s.text else 1 for s in sentences])
    quotes = key_quotes([a, b], sentences, labels, {"a": 1, "b": 2}, {0: 0, 1: 1}, count=2)
    assert [q.text for q in quotes] == ["The dam is safe", "Prices are up"]
    assert [c.source for c in quotes[0].citations] == [1, 2]
    assert quotes[0].score > quotes[1].score


def test_one_quote_spelt_two_ways_is_one_key_quote_with_its_fullest_speaker():
    """Audit 7: one quote shown twice, "... of Hasakeh city" credited to "Abdel Rahman" and "... of Hasakah
    city" to "Rami Abdel Rahman head of the Syrian Observatory ..."."""
    a = make_document('"A suicide bomber blew himself up in the Salihiah neighbourhood of Hasakeh city," Abdel Rahman '
                      'said.', id="a")
    b = make_document('"A suicide bomber blew himself up in the Salihiah neighbourhood of Hasakah city," said Rami '
                      'Abdel Rahman head of the Syrian Observatory for Human Rights.', id="b")
    sentences = [s for d in (a, b) for s in segment_document(d)]
    (quote,) = key_quotes([a, b], sentences, np.zeros(len(sentences), dtype=int), {"a": 1, "b": 2}, {0: 0})
    assert quote.speaker == "Rami Abdel Rahman head of the Syrian Observatory for Human Rights"
    assert [c.source for c in quote.citations] == [1, 2]


def test_when_a_speaker_spoke_is_no_part_of_the_speaker():
    quotes = find_quotes('The UNs aid chief Stephen OBrien this week said Aleppo had become "a kill zone" adding that '
                         '"nothing is actually happening to stop the war stop the suffering".')
    assert quotes and {q.speaker for q in quotes} == {"The UNs aid chief Stephen OBrien"}


@pytest.mark.slow
def test_seeds_key_quotes_have_speakers_and_citations(seeds_brief):
    speakers = [q.speaker for q in seeds_brief.quotes]
    assert "the General Command of the Army and Armed Forces" in speakers
    assert "state television" in speakers
    assert 2 <= len(seeds_brief.quotes) <= 5
    assert all(q.citations and q.cue for q in seeds_brief.quotes)


def test_both_sections_reach_the_brief_its_json_and_every_text_format_and_can_be_switched_off():
    import json

    from briefing import render
    from briefing.cli import build_parser
    from briefing.model import Brief
    from briefing.options import BuildOptions
    from briefing.pipeline import brief_documents
    from tests.conftest import FakeEmbedder

    reports = [make_document('The army captured the city of Marib on Friday. "The dam is safe," the army said. '
                             'Engineers began clearing mines in Marib on Thursday.', id="a", date="2017-11-03"),
               make_document('The army captured the city of Marib on November 3. "The dam is safe," the army said. '
                             'Hospitals in Marib lack fuel.', id="b", date="2017-11-04")]
    brief = brief_documents(reports, BuildOptions(), embedder=FakeEmbedder())
    assert brief.timeline and brief.quotes
    assert [c.source for c in brief.quotes[0].citations] == [1, 2]
    assert Brief.from_dict(json.loads(json.dumps(brief.to_dict()))) == brief
    for fmt, timeline_title, quotes_title in (("txt", "TIMELINE", "KEY QUOTES"), ("md", "## Timeline", "## Key quotes"),
                                              ("html", ">Timeline</h2>", ">Key quotes</h2>")):
        page = render(brief, fmt)
        assert timeline_title in page and quotes_title in page and "the army" in page
        assert page.index(timeline_title) < page.index(quotes_title)
    bare = brief_documents(reports, BuildOptions(timeline=False, quotes=False), embedder=FakeEmbedder())
    assert bare.timeline == () and bare.quotes == ()
    assert "TIMELINE" not in render(bare, "txt") and "KEY QUOTES" not in render(bare, "txt")
    args = build_parser().parse_args(["build", "x", "--no-timeline", "--no-quotes"])
    assert (args.timeline, args.quotes) == (False, False)


def test_a_title_that_begins_like_a_month_is_no_date():
    """'Mayor' and 'Marib' are no months: the speaker keeps his title after an opening phrase."""
    (quote,) = find_quotes('On Tuesday Mayor John Smith said the town was "safe again".')
    assert quote.speaker == "Mayor John Smith"


def test_a_quote_left_open_gives_no_quote_and_pairs_no_other_quotes_marks():
    """A report lost the closing mark after "change.": taking the marks two by two in turn credited the governor
    with Trump's words and Trump with the governor's (audit 5, Homs)."""
    paragraph = ('Speaking to Syrian state TV Barazi said "The Syrian leadership and Syrian policy will not change. '
                 '"This targeting was not the first" he added. In separate comments to al-Mayadeen he said "The war '
                 'against terrorism will continue." U.S. President Donald Trump said he acted in Americas "national '
                 'security interest" against Syrian President Bashar al-Assad. The U.S. strikes "targeted military '
                 'positions in Syria," Barazi added.')
    found = find_quotes(paragraph, "Homs Governor Talal Barazi")
    assert [(q.speaker, q.text) for q in found] == [
        ("Homs Governor Talal Barazi", "The war against terrorism will continue."),
        ("U.S. President Donald Trump", "national security interest"),
        ("Barazi", "targeted military positions in Syria")]


def test_a_closing_mark_outside_any_quote_drops_the_quote_of_its_sentence():
    """Which opening mark it answers, "outrage"'s or none, is unknown."""
    assert find_quotes('The ministry said it was an "outrage" and a war crime." Aid workers left.') == []


def test_a_mark_glued_to_words_on_both_sides_is_the_one_that_pairs():
    found = find_quotes('"The strikes hit the area," he said, referring to Kobane."But they are not there," he said.',
                        "Nawaf Khalil")
    assert [(q.speaker, q.text) for q in found] == [("Nawaf Khalil", "The strikes hit the area"),
                                                    ("Nawaf Khalil", "But they are not there")]


@pytest.mark.parametrize("paragraph", [
    '"According to information received via several channels and confirmed "on the ground" influential Daesh field '
    'commanders were destroyed," Konashenkov said.',
    '“According to information received via several channels and confirmed “on the ground” influential Daesh field '
    'commanders were destroyed,” Konashenkov said.',
])
def test_a_quote_within_a_quote_in_the_same_marks_is_part_of_it(paragraph):
    """Paired in turn, the outer quote's first words gave a speaker to its last (audit 5, Deir ez-Zor)."""
    assert [(q.speaker, q.text) for q in find_quotes(paragraph)] == [
        ("Konashenkov", "According to information received via several channels and confirmed ‘on the ground’ "
                        "influential Daesh field commanders were destroyed")]


def test_an_opening_mark_within_an_inner_quote_gives_no_quote():
    assert find_quotes('He said "the army "will not "stop" now" and left," the officer said.') == []


@pytest.mark.parametrize("paragraph, speaker, text", [
    ('The incident occurred on April 11. "The strike was requested by the partnered forces who had identified the '
     'target location as an ISIS fighting position" the US Central Command said in a press release.',
     "the US Central Command", "The strike was requested by the partnered forces who had identified the target "
                               "location as an ISIS fighting position"),
    ('"The Coalition conducted no strikes in that area at that time" U.S. Air Force Colonel John Dorrian told Reuters.',
     "U.S. Air Force Colonel John Dorrian", "The Coalition conducted no strikes in that area at that time"),
])
def test_a_quote_opening_its_sentence_is_attributed_when_its_comma_was_lost(paragraph, speaker, text):
    """FA-KES reports lost every comma: the Raqqa brief's only key quote was a phrase of the reporter's (audit 5)."""
    assert [(q.speaker, q.text) for q in find_quotes(paragraph)] == [(speaker, text)]


@pytest.mark.parametrize("paragraph", [
    '"Moderate" rebels attacked the town, the ministry said.',  # no speaker's shape
    'The "Free Syrian Army" commander said that the town fell.',  # a phrase within the reporter's sentence
    'Rami Abdel Rahman spoke of Nusra Front At Jayrud. "The truce held" he added.',  # which name "he" is is unclear
])
def test_a_quote_without_its_comma_needs_a_named_speaker_after_it_and_to_open_its_sentence(paragraph):
    assert find_quotes(paragraph) == []


@pytest.mark.parametrize("phrase", [
    'The ministry said the "large numbers of foreign mercenaries" were coming into the border town from Iraq.',
    'Lt. Gen. Stephen Townsend said that "we probably had a role" in high casualties in Mosul.',
])
def test_a_phrase_the_reporters_sentence_goes_on_after_is_no_key_quote_when_something_was_said(phrase):
    """Five words each, they passed the length test alone (audit 5)."""
    quotes = _key_quotes_of_one_report(f'{phrase} "We will stay until the last house is cleared," said Colonel Omar '
                                       'Khalid. Aid workers said "the hospital was full of wounded civilians and doctors".')
    assert [q.speaker for q in quotes] == ["Colonel Omar Khalid", "Aid workers"]


def test_a_speaker_that_is_the_subject_of_two_verbs_is_cut_before_the_first():
    """Audit 6: "— A doctor receiving the casualties confirmed the death toll and"."""
    (quote,) = find_quotes('A doctor receiving the casualties confirmed the death toll and said: "Most of the injured '
                           'were gravely wounded by shrapnel." The Observatory said shelling hit several areas.')
    assert quote.speaker == "A doctor receiving the casualties"


@pytest.mark.parametrize("paragraph, speaker", [
    ('The Russian defense ministry said the helicopter was shot down over Idlib. "A Russian Mi-8 military transport '
     'helicopter was shot down from the ground" the ministry said in a statement.', "the Russian defense ministry"),
    ('Three rescue workers from the Syrian Civil Defence - better known as the White Helmets - have been killed in '
     'bombing in Douma the group said on Friday. The men were killed in Syrias Eastern Ghouta region. "The civil '
     'defence condemns the bombing of civilian centres" the group said in a statement.', "the White Helmets"),
    ('At least six were killed in Aleppo the Russian Defense Ministry said. "Nusra Front militants attempted to take '
     'over Kurdish positions" the ministry said.', "the Russian Defense Ministry"),
    # the nearest group is of another kind, or none is named: the words stay as they are
    ('Syrias opposition National Coalition demanded a UN investigation into the attack. "The Security Council must '
     'convene an emergency session" the body said in a statement.', "the body"),
    ('The Syrian Observatory for Human Rights said 12 were killed. "The toll is expected to rise further" the group '
     'said.', "the group"),
    ('Some 120 fighters were killed the defence ministry in Moscow said. "A command post of the terrorists was '
     'destroyed" the ministry said.', "the ministry"),
])
def test_the_group_or_the_ministry_stands_for_the_group_of_that_kind_named_before(paragraph, speaker):
    """Audit 6: "— the group" after the White Helmets, "— the ministry" after "The Russian defense ministry"."""
    (quote,) = find_quotes(paragraph)
    assert quote.speaker == speaker


@pytest.mark.parametrize("paragraph, shown", [
    ('Assad said "we will fight terrorism everywhere in Syria until the end" on Tuesday.',
     "“we will fight terrorism everywhere in Syria until the end” on Tuesday"),
    ('The minister told reporters: "we will fight terrorism everywhere in Syria until the end" in Damascus.',
     "“we will fight terrorism everywhere in Syria until the end” in Damascus"),
    ('Assad said "we will fight terrorism everywhere in Syria until the end", adding that the army would win.',
     "“we will fight terrorism everywhere in Syria until the end”"),
    ('Assad said "we will fight terrorism everywhere in Syria" late on Monday in a televised speech.',
     "“we will fight terrorism everywhere in Syria” late on Monday in a televised speech"),
])
def test_a_quote_a_verb_of_speech_introduces_is_something_said_whatever_time_or_place_follows(paragraph, shown):
    """Review 6: any word after the closing mark made the quote a phrase of the reporter's, never a key quote."""
    (quote,) = find_quotes(paragraph)
    assert not quote.within and quote.shown == shown
    (key,) = _key_quotes_of_one_report(paragraph + " Shelling went on.")
    assert key.speaker in ("Assad", "The minister")


@pytest.mark.parametrize("paragraph", [
    'Lt. Gen. Stephen Townsend said that "we probably had a role" in high casualties in Mosul.',
    'The ministry said "terrorists" attacked the town on Monday.',
    'The ministry said the "large numbers of foreign mercenaries" were coming into the border town from Iraq.',
])
def test_a_quote_the_reporters_sentence_goes_on_from_is_a_phrase_of_it(paragraph):
    (quote,) = find_quotes(paragraph)
    assert quote.within


@pytest.mark.parametrize("paragraph", [
    '"We will win this war" The rebels attacked the town the ministry said.',
    '"We will win this war soon" Government forces shelled the town on Monday the monitor said.',
    '"Terrorists" The army shelled rebel positions in the town the ministry said.',
    '"We will win this war soon" Russian jets struck Idlib on Monday the monitor said.',
])
def test_a_clause_between_a_quote_without_its_comma_and_the_cue_is_no_speaker(paragraph):
    """Review 6: the speaker read "The rebels attacked the town the ministry": the cue attributes the clause that
    lost its full stop, and the quote before it is no one's."""
    assert find_quotes(paragraph) == []


@pytest.mark.parametrize("paragraph, speaker", [
    ('"We saw the planes come in low over the houses" a man wounded in the attack said.',
     "a man wounded in the attack"),
    ('"We saw the planes come in low over the houses" an armed group commander said.', "an armed group commander"),
    ('"We saw the planes come in low over the houses" a woman who lost her son said.', "a woman"),
    ('"There is renewed bombardment and it is heavy" Zakaria Malhifji of the Aleppo based Fastaqim group said.',
     "Zakaria Malhifji of the Aleppo based Fastaqim group"),  # FA-KES: a hyphen lost
    ('"I saw a man wearing a thick black jacket pass beside me" a witness named Ahmad said.',
     "a witness named Ahmad"),
])
def test_a_speaker_after_a_quote_without_its_comma_may_hold_a_participle_or_a_relative_clause(paragraph, speaker):
    assert [q.speaker for q in find_quotes(paragraph)] == [speaker]


def test_many_quotation_marks_are_read_in_linear_time():
    """Review 6: '"a " ' * N read a thousand characters before each quote for a cue (6 s at 200 KB)."""
    import time

    started = time.perf_counter()
    find_quotes('"a " ' * 40_000)  # 200 KB
    assert time.perf_counter() - started < 4  # 0.24 s alone; before: 5.3 s


def test_a_long_phrase_that_goes_on_with_the_reporters_clause_is_no_key_quote():
    """Audit 8, aleppo16aug: "as reprehensible and wholly contrary to the legal norms established by the international
    community." was a key quote of Uzumcu's, thirteen words opening mid-sentence; his whole quote was passed over."""
    paragraph = ('"These reports are of great concern" Ahmet Uzumcu the head of the Organisation for the Prohibition of '
                 'Chemical Weapons [OPCW] said in a statement. Uzumcu added that under international conventions the use '
                 'of chemical weapons "by anyone under any circumstances" is seen "as reprehensible and wholly contrary '
                 'to the legal norms established by the international community." Syrian regime and rebels have traded '
                 'accusations.')
    assert all(q.within for q in find_quotes(paragraph) if q.speaker == "Uzumcu")
    assert [q.text for q in _key_quotes_of_one_report(paragraph)] == ["These reports are of great concern"]
    # a quote that opens with a noun of its own may hold the speaker's clause
    (said,) = find_quotes('The ministry said the attack was a form of "support for the armed terrorist groups and it is '
                          'an attempt to prolong the war in the country".')
    assert not said.within


@pytest.mark.parametrize("text, speaker", [
    ('German government spokesman Steffen Seibert said the hardships could not be alleviated. Seibert said Assad and '
     'Russia were largely responsible "Its primarily their decision whether there will be further deaths."',
     "German government spokesman Steffen Seibert"),
    ('On Sunday the UNs coordinator for humanitarian and development affairs in Syria Ali al-Zaatari called on "all '
     'warring sides to avoid targeting civilians". "For days there have been daily reports about civilians being '
     'killed" Zaatari said.', "the UNs coordinator for humanitarian and development affairs in Syria Ali al-Zaatari"),
    ('"These reports are of great concern" Ahmet Uzumcu the head of the OPCW said in a statement. "We will investigate '
     'every credible report," Uzumcu added.', "Ahmet Uzumcu the head of the OPCW"),
    ('Mohammed Saeed an activist in the area told The Associated Press that hundreds were hurt. "This is a massacre by '
     'chemical weapons" Saeed said.', "Mohammed Saeed an activist in the area"),
    ('Rami Abdel Rahman head of the Syrian Observatory for Human Rights said the attack killed 16. "A suicide bomber '
     'on a motorcycle blew himself up" Abdel Rahman said.', "Rami Abdel Rahman head of the Syrian Observatory for Human "
                                                           "Rights"),
    ('Steffen Seibert visited Aleppo and said little. "It is cynicism" Seibert said.', "Steffen Seibert"),
    ('Protests followed after British FM Johnson called for them. British Foreign Minister Boris Johnson called for '
     '"picketing". "Id certainly like to see demonstrations outside the Russian embassy" Johnson told MPs.',
     "British Foreign Minister Boris Johnson"),
    # two people of that name: which one spoke is unknown
    ('Bashar al-Assad met envoys. His father Hafez al-Assad ruled for thirty years. "We will win," Assad said.',
     "Assad"),
    # a name no one speaks or acts by is no person's
    ('The zone is part of a deal between Russia Iran and Turkey. "The deal holds," Iran said.', "Iran"),
])
def test_a_surname_speaker_is_the_person_the_report_names_in_full(text, speaker):
    """Audit 8: "— Seibert", "— Zaatari", "— Uzumcu" although the report names them in full, with their role."""
    document = make_document(text, id="r1")
    assert [q.speaker for q, _ in document_quotes(document, segment_document(document))][-1] == speaker


def test_a_surname_with_its_particle_after_a_quote_without_its_comma_is_its_speaker():
    """Audit 8, busbomb17: de Mistura's quote was passed over, the lower-case "de" taken for the reporter's words."""
    document = make_document('Over 130 people were killed in a terrorist attack near Aleppo on April 15 UN Special Envoy '
                             'for Syria Staffan de Mistura said Thursday. "This horrific attack on April 15 the latest '
                             'figures came up to more than 130 people killed" de Mistura told reporters.', id="r1")
    assert [q.speaker for q, _ in document_quotes(document, segment_document(document))] == ["Staffan de Mistura"]


def test_the_subject_of_the_verb_saying_goes_with_is_the_speaker():
    """Audit 8, busbomb17: UN aid chief O'Brien's "monstrous and cowardly attack" was no one's, "condemned" being no
    cue."""
    (quote,) = find_quotes('UN aid chief Stephen OBrien condemned the bombing saying in a statement "The perpetrators of '
                           'such a monstrous and cowardly attack displayed a shameless disregard for human life." Pope '
                           'Francis also urged an end to the war.')
    assert (quote.speaker, quote.cue, quote.within) == ("UN aid chief Stephen OBrien", "saying", False)
    assert quote.shown == ("“The perpetrators of such a monstrous and cowardly attack displayed a shameless disregard "
                           "for human life.”")


@pytest.mark.parametrize("first", [
    # audit 8, busbomb17: "— the source" (of "A source told Sputnik") was a key quote
    'A source told Sputnik the toll had risen. "The number of victims is at least 70 and over 130 are injured in the '
    'explosion near the buses" the source told Sputnik.',
    # audit 9: "— the terrorist group" (Daily Sabah's words for Hezbollah): the brief spoke in one side's voice
    'Hezbollah said it had taken control of the plain. "The city of Zabadani is under the full siege of the army and '
    'our resistance fighters" the terrorist group said.',
])
def test_a_named_officials_quote_wins_over_an_anonymous_or_partisan_speaker_s(first):
    """A speaker that is only a source, or named in one side's words, says less of who spoke than a named official
    of a less important topic."""
    text = (f'{first} Aid reached the town on Monday. "We are sending food and medicine to all the families who fled '
            'the town this week" said John Smith a UN aid official.')
    document = make_document(text, id="r1")
    sentences = segment_document(document)
    labels = np.array([1 if "Aid" in s.text or "John Smith" in s.text else 0 for s in sentences])
    (quote,) = key_quotes([document], sentences, labels, {"r1": 1}, {0: 0, 1: 1}, count=1)
    assert quote.speaker == "John Smith a UN aid official"
