"""News agencies and outlets that reports name as who reported, not as what happened: one list for the
readers of datelines ("MOSCOW (Sputnik) ..."), of quotes ("told Reuters the town ...") and of labels
(an agency is no place a topic is about)."""

from __future__ import annotations

import re

AGENCIES = (
    "SANA", "AFP", "AP", "Reuters", "Sputnik", "TASS", "IRNA", "Anadolu", "Anadolu Agency", "Tasnim", "Xinhua", "DPA",
    "RIA", "RIA Novosti", "TRT", "TRT World", "TRTWorld", "SOHR", "Fars", "Mehr", "Al-Manar", "Al Manar", "Al Jazeera",
    "Al-Jazeera", "Al Arabiya", "Al-Arabiya", "Al-Mayadeen", "Al Mayadeen", "Associated Press", "The Associated Press",
    "Agence France-Presse", "CNN", "BBC", "RT", "Press TV", "PressTV", "UPI", "ANHA", "Asharq Al-Awsat",
    "The Washington Post", "The New York Times", "The Times", "The Guardian", "The Independent", "The Telegraph",
    "The New Arab", "Al-Araby Al-Jadeed", "Daily Sabah", "Jordan Times", "Ahram Online", "Middle East Eye",
    "Enab Baladi", "Smart News", "Step News", "Orient News", "Interfax", "Sky News", "Bloomberg", "AA", "KUNA", "WAM",
    "SPA", "QNA", "MENA", "NNA", "EFE", "ANSA", "Kyodo", "Yonhap", "PTI", "IRIB", "ISNA", "Rudaw", "Kurdistan24",
    "ANI", "Al-Watan", "Al Watan", "Ria Novosti",
)  # no outlet named after a place ("Qasioun", "Hawar"): labels would lose the place
# longest first, so that "The Associated Press" is taken whole before "AP" could be
AGENCY_PATTERN = "|".join(re.escape(name) for name in sorted(AGENCIES, key=len, reverse=True))
