"""The English fast path of language detection: it answers only when it is sure, and agrees with
the model (py3langid) when it does; anything doubtful goes to the model."""

from __future__ import annotations

import pytest

from briefing.ingest import language, load_documents
from briefing.options import BuildOptions
from tests.conftest import SEEDS

# a wire story full of names and numbers: few of English's function words (0.10 to 0.18 of its words)
WIRE = ("28.04.2017 Get short URL 54015 According to media reports the Kurdish Democratic Union Party militias "
        "dubbed Peoples Protection Units killed 17 Turkish-backed fighters near Afrin on Thursday. Syrian "
        "Observatory for Human Rights director Rami Abdulrahman said Russian Su-24 jets struck Idlib province "
        "villages Khan Sheikhoun, Maarat al-Numan and Saraqeb overnight. Turkish Defense Ministry officials in "
        "Ankara denied that Turkish aircraft were involved. UN envoy Staffan de Mistura urged all parties at "
        "the Geneva talks to respect ceasefire zones agreed in Astana. SANA state news agency reported Syrian "
        "Arab Army units advancing toward Deir ez-Zor airport, 450 km east of Damascus, after heavy clashes "
        "with Daesh militants. Local activists reported dozens of civilian casualties, including women and "
        "children.")

FOREIGN = {
    "fr": "L'armée syrienne et ses alliés ont pris vendredi le contrôle de la ville de Deir ez-Zor, a annoncé le "
          "ministère de la Défense. Les unités du génie ratissent désormais la ville pour enlever les mines et "
          "les engins explosifs laissés par les combattants de l'État islamique, selon la télévision d'État.",
    "de": "Die Bundesregierung will die Förderung für Elektroautos im kommenden Jahr deutlich kürzen, wie aus "
          "einem Entwurf des Wirtschaftsministeriums hervorgeht. Kritiker werfen der Koalition vor, damit die "
          "eigenen Klimaziele zu gefährden. Der Verband der Automobilindustrie sprach von einem falschen Signal.",
    "es": "El Gobierno aprobó este martes en el Consejo de Ministros un nuevo paquete de medidas para frenar la "
          "subida de los precios de la energía, que incluye una rebaja del IVA de la electricidad y ayudas para "
          "los hogares más vulnerables. La oposición criticó que el plan llega tarde.",
    "it": "Il governo ha approvato ieri sera il decreto sulle bollette, che prevede nuovi aiuti per le famiglie e "
          "le imprese colpite dall'aumento dei prezzi dell'energia. Secondo il ministro dell'Economia, le misure "
          "costeranno circa cinque miliardi di euro e saranno finanziate senza nuovo debito.",
    "nl": "Het kabinet wil volgend jaar fors bezuinigen op de zorg, blijkt uit de begroting die dinsdag is "
          "gepresenteerd. De oppositie noemt de plannen onverantwoord en wil dat de minister in de Tweede Kamer "
          "uitlegt hoe de wachtlijsten korter moeten worden. Volgens het ministerie is er geen andere keuze.",
}


def words(text: str) -> list[str]:
    return language._WORD.findall(text[:language.SAMPLE_CHARS].casefold())


@pytest.fixture
def no_model(monkeypatch):
    """Fails the test if the model is asked."""
    def refuse():
        raise AssertionError("the model was loaded")
    monkeypatch.setattr(language, "_get_identifier", refuse)


@pytest.fixture
def model_calls(monkeypatch):
    """The texts the model is asked about (the real model answers)."""
    calls: list[str] = []
    real = language._get_identifier

    class Spy:
        def classify(self, text):
            calls.append(text)
            return real().classify(text)

    monkeypatch.setattr(language, "_get_identifier", Spy)
    return calls


def test_a_wire_story_with_few_function_words_is_english_without_the_model(no_model):
    share = sum(w in language._ENGLISH for w in words(WIRE)) / len(words(WIRE))
    assert language.ENGLISH_SHARE_UNMIXED <= share < language.ENGLISH_SHARE  # the second rule decides it
    assert language.detect_language(WIRE, expected="en") == "en"


def test_the_wire_story_is_english_to_the_model_too():
    assert language.detect_language(WIRE) == "en"


def test_a_seed_report_is_english_without_the_model(no_model):
    assert language.detect_language((SEEDS / "004_892d3aec1209a7b2.txt").read_text(encoding="utf-8"),
                                    expected="en") == "en"


@pytest.mark.parametrize("code", sorted(FOREIGN))
def test_news_in_other_languages_goes_to_the_model(code, model_calls):
    assert not language._plainly_english(words(FOREIGN[code]))
    assert language.detect_language(FOREIGN[code], expected="en") == code
    assert len(model_calls) == 1


@pytest.mark.parametrize("code", sorted(FOREIGN))
def test_an_english_story_with_a_foreign_paragraph_goes_to_the_model(code, model_calls):
    """Mixed: the fast path cannot tell how much is English, so the model decides (here: English,
    since most of it is)."""
    mixed = WIRE[:700] + " " + FOREIGN[code] + " " + WIRE[700:]
    assert not language._plainly_english(words(mixed))
    language.detect_language(mixed, expected="en")
    assert len(model_calls) == 1


@pytest.mark.parametrize("code", sorted(FOREIGN))
def test_a_foreign_story_quoting_english_goes_to_the_model(code, model_calls):
    mixed = FOREIGN[code] + ' "We will not leave," a spokesman for the group said. ' + FOREIGN[code]
    assert language.detect_language(mixed, expected="en") == code
    assert len(model_calls) == 1


def test_a_few_foreign_names_and_words_leave_it_english(no_model):
    text = WIRE.replace("Rami Abdulrahman", "Recep Tayyip Erdoğan")  # and "Su-24": Spanish "su"
    assert 0 < sum(w in language._FOREIGN or not w.isascii() for w in words(text)) <= 2
    assert language.detect_language(text, expected="en") == "en"


def test_short_texts_are_not_judged(no_model):
    assert language.detect_language("Le barrage a cédé vendredi. Des milliers de personnes ont fui.",
                                    expected="en") is None
    assert language.detect_language("The dam broke on Friday. Thousands fled.", expected="en") is None


def test_short_mixed_text_goes_to_the_model(model_calls):
    text = ("The dam broke on Friday and thousands fled. " + "Le barrage a cédé vendredi et des milliers de "
            "personnes ont fui la ville, selon la préfecture, qui a ouvert des centres d'accueil.")
    language.detect_language(text, expected="en")
    assert len(model_calls) == 1


def test_the_fast_path_serves_only_an_english_brief(model_calls):
    """For --language fr the model decides even an obviously English text: only for 'en' does an
    English answer keep a report the model might have left undecided."""
    assert language.detect_language(WIRE, expected="fr") == "en"
    assert language.detect_language(WIRE) == "en"
    assert len(model_calls) == 2


@pytest.mark.parametrize("code", sorted(FOREIGN))
def test_an_english_brief_leaves_out_each_language_and_any_keeps_it(code, tmp_path):
    (tmp_path / "en.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / f"{code}.txt").write_text(FOREIGN[code], encoding="utf-8")
    warnings: list[str] = []
    assert [d.id for d in load_documents([str(tmp_path)], warn=warnings.append)] == ["en"]
    assert len(warnings) == 1 and f"{code}.txt: is in language '{code}', not 'en'" in warnings[0]
    assert len(load_documents([str(tmp_path)], options=BuildOptions(language="any"))) == 2
    kept = load_documents([str(tmp_path)], options=BuildOptions(language=code))
    assert [d.id for d in kept] == [code]
