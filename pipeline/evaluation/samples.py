"""One short sentence per language: loads every model of that language outside timed runs."""

SAMPLE = {
    "az": "Azərbaycan Onkoloqlar Cəmiyyəti 1972-ci ildə Bakıda təsis edilmişdir.",
    "en": "The National Center of Oncology in Baku was founded on December 11, 1940.",
    "ru": "Республиканский научно-практический центр онкологии в Минске открылся 26 августа 2024 года.",
    "fa": "بسیج جامعه پزشکی در سال ۱۳۷۰ در تهران تشکیل شد.",
}
