"""A page's date line read as a day: the forms ingest compares with a report's date (ingest/__init__.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.dates import date_line_day
from briefing.ingest.lead import lead_date

D = dt.date


@pytest.mark.parametrize("line, day", [
    ("Saturday 7 Oct 2017", D(2017, 10, 7)),
    ("Oct 042017", D(2017, 10, 4)),  # Jordan Times, its space lost
    # figures, day first: Al-Manar's "17-08-2016", Sputnik's "24.08.2013" (all 119 FA-KES openings that agree with
    # their report's date read so; none reads month first)
    ("17-08-2016", D(2016, 8, 17)),
    ("01-02-2015", D(2015, 2, 1)),
    ("05.02.2015", D(2015, 2, 5)),
    ("17/08/2016", D(2016, 8, 17)),
    ("08-17-2016", D(2016, 8, 17)),  # a "month" past 12 is the day: the month came first
    ("08/17/2016", D(2016, 8, 17)),
])
def test_a_date_line_names_its_day(line, day):
    assert date_line_day(line) == day


@pytest.mark.parametrize("line", [
    "04/05/2017",  # 4 May, or April 5 as US pages write it: the slash is both houses' style, so not read
    "31-02-2016",  # no such day
    "17-13-2016",  # no such month either way
])
def test_a_date_line_in_figures_that_cannot_be_told_is_not_read(line):
    assert date_line_day(line) is None


def test_al_manar_s_opening_date_in_figures_is_the_date_line_cut():
    """Audit 8: "17-08-2016 Martyrs as Terrorists Shell ..." (fakes-1965511222, dated 1 August) was cut but not read:
    its "on Wednesday" was read from 1 August, and no one was told."""
    title = "Martyrs as Terrorists Shell Aleppos Salah Eddin"
    text = f"17-08-2016 {title}. Seven civilians were martyred on Wednesday as terrorists shelled the neighborhood."
    assert lead_date(text, title) == "17-08-2016"
    assert lead_date("24.08.2013 Syrian state media accused rebels of using chemical arms on Saturday.",
                     "Syria accuses rebels") == "24.08.2013"
    # a day of one figure is one that lost a figure: "6-09-2013" opens a report dated 16 September 2013 (FA-KES),
    # "5-04-2016" one dated 25 April 2016; cut, not read
    assert lead_date("6-09-2013 Extremists in Syria Admit Killing 30 Alawites. Al-Qaeda-affiliated extremists in "
                     "Syria announced they are targeting members.", "Extremists in Syria Admit Killing 30 Alawites") \
        is None
