from briefing.label import label_topics
from briefing.model import Sentence
from briefing.names import NameIndex


def s(text, heading=None, doc="a", index=0):
    return Sentence(doc_id=doc, index=index, paragraph=0, start=0, end=len(text), text=text, heading=heading)


def test_labels_are_short_and_name_place_and_event():
    topics = {
        0: [s("The army captured the city of Marib on Friday."), s("Marib was seized after a siege."),
            s("Troops captured the centre of Marib.")],
        1: [s("Iraqi forces launched an offensive on Al Qaim."), s("The Iraqi assault on Al Qaim began."),
            s("Iraqi troops pushed into Al Qaim.")],
    }
    texts = [x.text for group in topics.values() for x in group]
    labels = label_topics(topics, NameIndex(texts))
    assert labels[0] == "Marib capture"
    assert labels[1] == "Iraqi offensive on Al Qaim"
    assert all(2 <= len(label.split()) <= 5 for label in labels.values())


def test_a_short_heading_over_the_topic_is_its_label():
    topics = {0: [s("The town is next.", heading="Race to Al Bukamal"), s("It lies on the river.", heading="Race to Al Bukamal")]}
    assert label_topics(topics, NameIndex([x.text for x in topics[0]])) == {0: "Race to Al Bukamal"}


def test_events_are_read_in_one_scan_as_each_event_cue_reads_them():
    """One scan for every cue (the longest at each word start, standing for the cues it begins with)
    finds the events that searching each event's cues on its own finds."""
    import re

    from briefing.label import EVENTS, _events_told

    one_by_one = {event: re.compile(r"\b(?:" + "|".join(map(re.escape, cues)) + ")", re.I)
                  for event, cues in EVENTS.items()}
    sentences = ["Iran seized sailors in the Gulf.", "A gas attack killed dozens.", "The CEASE-FIRE held for a week.",
                 "They recaptured the town after an airstrike.", "Air strikes and shelling went on.", "No events here.",
                 "Aid convoys approached the besieged city as talks resumed.", "Toxic gas, chlorine and sarin."]
    for sentence in sentences:
        assert _events_told(sentence) == {e for e, cue in one_by_one.items() if cue.search(sentence)}, sentence
    assert _events_told("Iran seized sailors.") == {"arrest", "capture"}


def labels_of(topics):
    topics = {t: [s(text) for text in texts] for t, texts in topics.items()}
    return label_topics(topics, NameIndex([x.text for group in topics.values() for x in group]))


def label_beside_another_topic(texts: list[str]) -> str:
    """The label of a topic of `texts`, next to a second topic (Geneva talks) that its names are not in."""
    return labels_of({0: texts, 1: ["Talks opened in Geneva on Monday.", "The Geneva talks went on."]})[0]


def test_a_town_ending_like_a_people_is_a_place_not_an_actor():
    """'Zabadani' ends like 'Iraqi' but follows 'in': a town, never the actor of 'Zabadani attack on Aleppo'."""
    label = label_beside_another_topic([
        "Mortar shells hit Aleppo on Monday.", "Shelling in Aleppo killed four civilians.",
        "Rebels in Zabadani were shelled and Aleppo was bombed.", "An explosion near Zabadani shook Aleppo."])
    assert label == "Aleppo attack"


def test_an_actor_is_a_people_acting_with_the_place_in_two_sentences():
    """'Osman' (a man) is no people; 'Italian police' act, but never with London: no actor at all."""
    label = label_beside_another_topic([
        "Osman planned the London bombings.", "Osman denied the London bombings.",
        "Italian police arrested Osman in Rome.", "The bombings in London killed 52 people."])
    assert label == "London attack"


def test_the_event_is_one_the_sentences_naming_the_place_tell():
    label = label_beside_another_topic([
        "Protesters rallied in Hama on Friday.", "Hama saw a large protest.", "Elsewhere a ceasefire held.",
        "The ceasefire was agreed last month.", "The ceasefire was welcomed."])
    assert label == "Hama protest"


def test_a_city_and_its_country_glued_are_the_city():
    """'Astana Kazakhstan' (a comma lost) is Astana, and what is told there is talks, not the attack."""
    labels = labels_of({
        0: ["The attack killed dozens.", "Turkey condemned the attack.",
            "The attack could derail the peace talks being held in Astana Kazakhstan."],
        1: ["Another attack hit Idlib.", "The attack in Idlib was condemned."],
    })
    assert labels[0] == "Astana talks"


def test_a_name_that_is_no_place_takes_no_event():
    """'White House offensive' reads as an offensive on the White House: the name alone."""
    labels = labels_of({
        0: ["The White House blamed the attack on the regime.", "White House spokesman said the attack was vile."],
        1: ["Rockets hit Idlib.", "The strike in Idlib killed ten."],
    })
    assert labels[0] == "White House"


def test_a_group_is_no_place_and_takes_no_event():
    """'The army captured Deir ez-Zor from Islamic State' was labelled 'Islamic State capture' (re-audit):
    "<name> capture" reads as the capture of that place, or by that group."""
    label = label_beside_another_topic([
        "The Syrian army captured Deir ez-Zor from Islamic State on Friday.",
        "Islamic State fighters fled from Islamic State positions as the army captured the city."])
    assert "Islamic State capture" not in label and "capture" not in label.replace("Deir ez-Zor capture", "")


def test_a_label_a_larger_topic_took_is_made_from_the_next_place_not_a_number():
    topics = {
        0: [s("Shelling killed five civilians in Aleppo."), s("Two people were killed in Aleppo on Monday."),
            s("Aleppo saw more civilians killed.")],
        1: [s("Rockets killed three civilians in Bustan al-Qasr in Aleppo."), s("Shells killed two people in Aleppo."),
            s("In Aleppo, Bustan al-Qasr was hit and four were killed."), s("A child was killed in Aleppo."),
            s("Aleppo mourned six people killed by mortars.")],
    }  # Aleppo is topic 1's most distinctive place too (5 x 5 / 8 against Bustan al-Qasr's 2 x 2 / 2)
    labels = label_topics(topics, NameIndex([x.text for group in topics.values() for x in group]))
    assert labels[0] == "Aleppo casualties"
    assert labels[1] == "Bustan al-Qasr casualties"


def test_a_label_every_candidate_of_which_is_taken_is_numbered_in_brief_order():
    from briefing.label import _unique

    def named(*labels):
        return iter([(label, label.split()[0]) for label in labels])

    assert _unique(named("Aleppo casualties", "Homs casualties"), {"Aleppo casualties"}) == ("Homs casualties", "Homs")
    assert _unique(named("Aleppo casualties"), {"Aleppo casualties"}) == ("Aleppo casualties (2)", "Aleppo")
    assert _unique(named("Aleppo casualties"), {"Aleppo casualties", "Aleppo casualties (2)"})[0] == \
        "Aleppo casualties (3)"
    assert _unique(iter([]), set()) == ("Other reports", None)


def test_a_place_an_earlier_label_is_named_after_gives_way_to_the_next():
    from briefing.label import _unique

    candidates = [("Deir Ezzor offensive", "deirezor"), ("al-Qousour attack", "alqousour")]
    assert _unique(iter(candidates), {"Deir Ezzor casualties"}, {"deirezor"}) == ("al-Qousour attack", "alqousour")
    # no other place: the place is named again rather than a number given
    assert _unique(iter(candidates[:1]), {"Deir Ezzor casualties"}, {"deirezor"}) == ("Deir Ezzor offensive", "deirezor")


def test_a_label_names_a_place_the_shown_statements_name():
    """The reader sees the section's statements, not the topic's other sentences: a place only those
    name ("Damascus", from a recollection of Ghouta in 2013) must not head an Idlib death toll."""
    topics = {
        0: [s("Warplanes hit Khan Sheikhoun with sarin."), s("The attack on Khan Sheikhoun killed 58."),
            s("Khan Sheikhoun was struck at dawn."), s("Rescuers in Idlib reached Khan Sheikhoun.")],
        1: [s("Dozens of people were killed in Idlib province on Tuesday."),
            s("It was the worst attack since sarin killed hundreds in Ghouta near Damascus."),
            s("Damascus denied it, as it did after Ghouta near Damascus in 2013."),
            s("In Damascus, officials blamed the rebels.")],
    }
    names = NameIndex([x.text for group in topics.values() for x in group])
    assert label_topics(topics, names)[1] == "Damascus casualties"  # the topic's most distinctive place
    shown = {0: [topics[0][0].text], 1: [topics[1][0].text]}
    assert label_topics(topics, names, shown, order=[0, 1])[1] == "Idlib casualties"


def test_words_that_only_open_sentences_dates_and_headline_words_are_no_label():
    topics = {0: [s("Medics said the victims choked."), s("Medics treated dozens."), s("Fri Jul 1 2016 medics arrive."),
                  s("40 Terrorists Killed in the raid, medics said.")]}
    names = NameIndex([x.text for x in topics[0]])
    assert label_topics(topics, names)[0] == "Other reports"


def test_news_of_trials_memorials_releases_and_searches_takes_its_event():
    topics = {
        0: [s("A memorial to the victims was unveiled in Hyde Park."), s("Crowds in Hyde Park laid a tribute."),
            s("The anniversary was marked in Hyde Park.")],
        1: [s("Police searched six houses in Burley."), s("Officers raided a flat in Burley."),
            s("The searches in Burley ended at noon.")],
    }
    labels = label_topics(topics, NameIndex([x.text for group in topics.values() for x in group]))
    assert labels == {0: "Hyde Park memorial", 1: "Burley searches"}


def test_a_shown_place_named_again_beats_a_place_not_shown():
    from briefing.label import _unique

    candidates = [("Idlib ceasefire", "idlib"), ("Gulf", None)]  # Gulf: no shown statement names it
    assert _unique(iter(candidates), {"Idlib casualties"}, {"idlib"}) == ("Idlib ceasefire", "idlib")


def test_who_reports_a_credit_an_adjective_or_a_clock_is_no_label():
    topics = {0: [s("The attack in Hasakeh killed 20, SANA said."), s("SANA reported the attack on Hasakeh."),
                  s("Source TRTWorld and agencies."), s("The head of the Britain-based group said so."),
                  s("UTC+3 A total of 20 people were killed in Hasakeh."), s("Al-Manar said the attack was in Hasakeh.")]}
    names = NameIndex([x.text for x in topics[0]])
    assert label_topics(topics, names, outlets=["Al-Manar"])[0].startswith("Hasakeh ")
    led = {0: [s("A strike by the US-led coalition killed five."), s("The raid of the US-led jets killed three."),
               s("Jets of the US-led alliance bombed the camp.")]}
    assert "US-led" not in label_topics(led, NameIndex([x.text for x in led[0]]))[0]  # "Kurdish-dominated", "rebel-held"
    posted = {0: [s("A bomber struck Atme, the group said in a post to Twitter."), s("The attack was claimed on Twitter."),
                  s("A video posted to Twitter showed the blast."), s("The blast killed 20, a post to Twitter said.")]}
    assert "Twitter" not in label_topics(posted, NameIndex([x.text for x in posted[0]]))[0]  # audit 6: "Twitter attack"


def test_a_place_with_a_headline_word_in_its_name_is_still_a_place():
    topics = {0: [s("Five people were killed in Port Said on Monday."), s("Two were killed in Port Said."),
                  s("Port Said mourned the dead.")]}
    assert label_topics(topics, NameIndex([x.text for x in topics[0]]))[0] == "Port Said casualties"


def test_the_event_is_one_the_shown_statements_tell_where_they_name_the_place():
    topics = {0: [s("An explosion in Al Midan killed 15 people."), s("The offensive on Al Midan began in May."),
                  s("Troops pressed the offensive in Al Midan."), s("Al Midan saw a new offensive.")]}
    names = NameIndex([x.text for x in topics[0]])
    assert label_topics(topics, names)[0] == "Al Midan offensive"  # what the topic tells most
    assert label_topics(topics, names, {0: [topics[0][0].text]})[0] in ("Al Midan attack", "Al Midan casualties")


def test_a_name_a_hard_wrapped_report_splits_over_a_line_break_is_the_same_place():
    topics = {0: [s("Five were killed in Deir\nEzzor on Monday."), s("Shells hit Deir  Ezzor."), s("Two died in Deir Ezzor.")]}
    assert label_topics(topics, NameIndex([x.text for x in topics[0]]))[0].startswith("Deir Ezzor ")


def test_a_monitor_or_the_press_is_a_label_only_as_its_report_when_a_shown_statement_names_it():
    """An audit found sections headed "Syrian Observatory" and "Assi Press" (a photo credit): who reports the
    news, not what it is. A monitor the shown statement quotes heads the section as its report; a credit the
    reader never sees heads nothing."""
    topics = {0: [s("Medics said the victims choked, the UK-based Syrian Observatory for Human Rights said."),
                  s("The victims were stripped to their underwear."), s("Photo by Assi Press via AP."),
                  s("Photo by Assi Press via AP, medics said."), s("The Syrian Observatory counted the dead.")]}
    names = NameIndex([x.text for x in topics[0]])
    assert label_topics(topics, names, {0: [topics[0][0].text]})[0] == "Syrian Observatory report"
    assert label_topics(topics, names, {0: [topics[0][1].text]})[0] not in ("Assi Press", "Assi Press report")


def test_a_seat_of_power_or_a_person_is_no_place_of_an_event():
    """Audits found "White House offensive", "Congress casualties" and "President Bashar al-Assads chemical
    attack": the White House speaks, Congress is asked, Assad is a person; none is where the event happened."""
    topics = {0: [s("The White House said the attack was unacceptable."), s("Officials at the White House met."),
                  s("The strikes were discussed at the White House."), s("Obama asked Congress to back strikes."),
                  s("The vote in Congress on strikes is next week.")],
              1: [s("Syrian President Bashar al-Assad denied the attack."), s("The forces of Assad launched an attack."),
                  s("Activists blamed the attack on Assad."), s("The attack of Assad killed dozens.")]}
    labels = label_topics(topics, NameIndex([x.text for group in topics.values() for x in group]))
    assert labels[0] in ("White House", "Congress"), labels
    assert labels[1] == "Assad", labels


def test_where_an_office_sits_is_no_place_of_the_event():
    """Audit 5: "Moscow attack" headed Russian strikes in Syria, from "..., the defence ministry in Moscow said"."""
    topics = {0: [s("Russian strikes killed 120 fighters near Albu Kamal, the defence ministry in Moscow said."),
                  s("The strikes near Albu Kamal killed 60 mercenaries, the ministry in Moscow said."),
                  s("Jets bombed positions in Albu Kamal, officials in Moscow said."),
                  s("The defence ministry in Moscow reported strikes on convoys.")]}
    assert label_topics(topics, NameIndex([x.text for x in topics[0]]))[0] == "Albu Kamal attack"


def test_the_event_is_one_the_shown_statements_tell_and_an_attack_is_no_offensive():
    """Audit 8: "Douma ceasefire" headed "air strikes killed at least four civilians ... in a de-escalation zone"
    (a statement naming no Douma; the topic's other sentences spoke of the truce); "the suicide attacker" and "the
    attack" made offensives. The first shown statement that tells an event decides among them, the most specific
    first (a chemical weapons attack is a chemical attack)."""
    topics = {0: [s("The truce around Douma held for a week."), s("The Douma ceasefire was agreed in July."),
                  s("Douma residents welcomed the ceasefire."),
                  s("Government air strikes killed at least four civilians in a rebel-held town on Thursday.")]}
    names = NameIndex([x.text for x in topics[0]])
    assert label_topics(topics, names)[0] == "Douma ceasefire"
    assert label_topics(topics, names, {0: [topics[0][3].text]})[0] in ("Douma attack", "Douma casualties")
    attacked = {0: [s("A suicide attacker blew himself up in Hasakeh."), s("The attack in Hasakeh killed 16."),
                    s("Hasakeh mourned the dead of the attack.")]}
    assert label_topics(attacked, NameIndex([x.text for x in attacked[0]]))[0] in ("Hasakeh attack",
                                                                                   "Hasakeh casualties")
    gassed = {0: [s("A chemical weapons attack in Douma killed 40."), s("The attack on Douma was condemned."),
                  s("Rescuers in Douma treated the wounded of the attack.")]}
    assert label_topics(gassed, NameIndex([x.text for x in gassed[0]]), {0: [gassed[0][0].text]})[0] == \
        "Douma chemical attack"


def test_a_taken_label_tries_the_other_events_its_shown_statements_tell_at_its_place():
    """Audit 8: a second Eastern Ghouta topic, "Casualties mount in the Eastern Ghouta city as the regime continues
    its assault", was labelled "Osama Said" when "Eastern Ghouta casualties" was taken."""
    topics = {0: [s("Air strikes killed 45 people in Eastern Ghouta."), s("Eastern Ghouta counted 45 dead.")],
              1: [s("Casualties mount in Eastern Ghouta as the regime continues its assault."),
                  s("Osama Said, a resident, said people were dying."), s("Osama Said fled Eastern Ghouta.")]}
    names = NameIndex([x.text for group in topics.values() for x in group])
    shown = {0: [topics[0][0].text], 1: [topics[1][0].text]}
    assert label_topics(topics, names, shown, order=[0, 1]) == {0: "Eastern Ghouta casualties",
                                                                1: "Eastern Ghouta offensive"}
