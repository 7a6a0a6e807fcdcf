"""Write `states.yaml`: every UN member and observer state, plus a few widely recognised
territories, with the names, adjectives and capitals news writers use for them.

Where the data comes from:

- ISO 3166-1 codes and formal names (`iso`, "French Republic", "Kingdom of Spain") come
  from `pycountry`, the Debian iso-codes database;
- canonical English labels ("Russia", "South Korea", "Ivory Coast"), Wikidata QIDs,
  adjectives, capitals and seats of government are curated by hand in the table below:
  labels as Reuters, AP and Wikidata's English labels write them, QIDs as in Wikidata.

To change a state, edit its row and run, from the repository root:

    .venv/bin/python data/gazetteer/build_states.py

then commit both this script and `states.yaml`. The script never touches other files.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import pycountry
import yaml

OUT = Path(__file__).resolve().parent / "states.yaml"


@dataclass(frozen=True)
class Row:
    """One state: ISO alpha-2 (None if it has none), label, QID, and curated surface forms."""

    iso: str | None
    label: str
    wikidata: str | None
    names: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    key: str | None = None  # default: slug of the label


def r(iso: str | None, label: str, wikidata: str | None, names: str = "", adjectives: str = "",
      metonyms: str = "", key: str | None = None) -> Row:
    """Build a row; each list is written as one string, items separated by " | "."""

    def split(text: str) -> tuple[str, ...]:
        return tuple(p.strip() for p in text.split("|") if p.strip())

    return Row(iso, label, wikidata, split(names), split(adjectives), split(metonyms), key)


# Labels that take "the" in running text ("President of the United States").
TAKES_THE = frozenset({
    "BS", "CF", "CD", "CG", "CZ", "DO", "GM", "KM", "MH", "MV", "NL", "PH", "SB", "AE", "GB",
    "US", "FM", "VA",
})

# The 193 member states of the United Nations.
UN_MEMBERS: tuple[Row, ...] = (
    r("AF", "Afghanistan", "Q889", "", "Afghan", "Kabul"),
    r("AL", "Albania", "Q222", "", "Albanian", "Tirana"),
    r("DZ", "Algeria", "Q262", "", "Algerian", "Algiers"),
    r("AD", "Andorra", "Q228", "", "Andorran", "Andorra la Vella"),
    r("AO", "Angola", "Q916", "", "Angolan", "Luanda"),
    r("AG", "Antigua and Barbuda", "Q781", "Antigua", "Antiguan", ""),
    r("AR", "Argentina", "Q414", "", "Argentine | Argentinian", "Buenos Aires | Casa Rosada"),
    r("AM", "Armenia", "Q399", "", "Armenian", "Yerevan"),
    r("AU", "Australia", "Q408", "", "Australian", "Canberra"),
    r("AT", "Austria", "Q40", "", "Austrian", "Vienna"),
    r("AZ", "Azerbaijan", "Q227", "", "Azerbaijani | Azeri", "Baku"),
    r("BS", "Bahamas", "Q778", "", "Bahamian", "Nassau"),
    r("BH", "Bahrain", "Q398", "", "Bahraini", "Manama"),
    r("BD", "Bangladesh", "Q902", "", "Bangladeshi", "Dhaka"),
    r("BB", "Barbados", "Q244", "", "Barbadian", "Bridgetown"),
    r("BY", "Belarus", "Q184", "", "Belarusian", "Minsk"),
    # "Brussels" is the European Union's, not Belgium's (see organisations.yaml).
    r("BE", "Belgium", "Q31", "", "Belgian", ""),
    r("BZ", "Belize", "Q242", "", "Belizean", "Belmopan"),
    r("BJ", "Benin", "Q962", "", "Beninese", "Porto-Novo | Cotonou"),
    r("BT", "Bhutan", "Q917", "", "Bhutanese", "Thimphu"),
    r("BO", "Bolivia", "Q750", "", "Bolivian", "La Paz"),
    r("BA", "Bosnia and Herzegovina", "Q225", "Bosnia | Bosnia-Herzegovina | BiH", "Bosnian",
      "Sarajevo"),
    r("BW", "Botswana", "Q963", "", "Botswanan", "Gaborone"),
    r("BR", "Brazil", "Q155", "", "Brazilian", "Brasília | Brasilia"),
    r("BN", "Brunei", "Q921", "Brunei Darussalam", "Bruneian", "Bandar Seri Begawan"),
    r("BG", "Bulgaria", "Q219", "", "Bulgarian", "Sofia"),
    r("BF", "Burkina Faso", "Q965", "", "Burkinabè | Burkinabe", "Ouagadougou"),
    r("BI", "Burundi", "Q967", "", "Burundian", "Gitega | Bujumbura"),
    r("CV", "Cape Verde", "Q1011", "Cabo Verde", "Cape Verdean", "Praia"),
    r("KH", "Cambodia", "Q424", "", "Cambodian", "Phnom Penh"),
    r("CM", "Cameroon", "Q1009", "", "Cameroonian", "Yaoundé | Yaounde"),
    r("CA", "Canada", "Q16", "", "Canadian", "Ottawa"),
    r("CF", "Central African Republic", "Q929", "", "Central African", "Bangui"),
    r("TD", "Chad", "Q657", "", "Chadian", "N'Djamena"),
    r("CL", "Chile", "Q298", "", "Chilean", "Santiago"),
    r("CN", "China", "Q148", "PRC | mainland China", "Chinese", "Beijing | Zhongnanhai"),
    r("CO", "Colombia", "Q739", "", "Colombian", "Bogotá | Bogota"),
    r("KM", "Comoros", "Q970", "", "Comorian", "Moroni"),
    # "Congo" and "Congolese" alone name either Congo; they are left out on purpose.
    r("CG", "Republic of the Congo", "Q971", "Congo-Brazzaville | Congo Republic", "",
      "Brazzaville"),
    r("CD", "Democratic Republic of the Congo", "Q974", "DRC | DR Congo | Congo-Kinshasa", "",
      "Kinshasa"),
    r("CR", "Costa Rica", "Q800", "", "Costa Rican", "San José | San Jose"),
    r("CI", "Ivory Coast", "Q1008", "Côte d'Ivoire | Cote d'Ivoire", "Ivorian",
      "Yamoussoukro | Abidjan"),
    r("HR", "Croatia", "Q224", "", "Croatian", "Zagreb"),
    r("CU", "Cuba", "Q241", "", "Cuban", "Havana"),
    r("CY", "Cyprus", "Q229", "", "Cypriot", "Nicosia"),
    r("CZ", "Czech Republic", "Q213", "Czechia", "Czech", "Prague"),
    r("DK", "Denmark", "Q35", "", "Danish", "Copenhagen"),
    r("DJ", "Djibouti", "Q977", "", "Djiboutian", "Djibouti"),
    # "Dominican" is left to the Dominican Republic.
    r("DM", "Dominica", "Q784", "", "", "Roseau"),
    r("DO", "Dominican Republic", "Q786", "", "Dominican", "Santo Domingo"),
    r("EC", "Ecuador", "Q736", "", "Ecuadorian", "Quito"),
    r("EG", "Egypt", "Q79", "", "Egyptian", "Cairo"),
    r("SV", "El Salvador", "Q792", "", "Salvadoran | Salvadorean", "San Salvador"),
    r("GQ", "Equatorial Guinea", "Q983", "", "Equatorial Guinean | Equatoguinean", "Malabo"),
    r("ER", "Eritrea", "Q986", "", "Eritrean", "Asmara"),
    r("EE", "Estonia", "Q191", "", "Estonian", "Tallinn"),
    r("SZ", "Eswatini", "Q1050", "Swaziland", "Swazi", "Mbabane | Lobamba"),
    r("ET", "Ethiopia", "Q115", "", "Ethiopian", "Addis Ababa"),
    r("FJ", "Fiji", "Q712", "", "Fijian", "Suva"),
    r("FI", "Finland", "Q33", "", "Finnish", "Helsinki"),
    r("FR", "France", "Q142", "", "French",
      "Paris | Élysée | Elysee | Élysée Palace | Elysee Palace | Quai d'Orsay"),
    r("GA", "Gabon", "Q1000", "", "Gabonese", "Libreville"),
    r("GM", "Gambia", "Q1005", "", "Gambian", "Banjul"),
    r("GE", "Georgia", "Q230", "", "Georgian", "Tbilisi"),
    r("DE", "Germany", "Q183", "", "German", "Berlin"),
    r("GH", "Ghana", "Q117", "", "Ghanaian", "Accra"),
    r("GR", "Greece", "Q41", "", "Greek", "Athens"),
    r("GD", "Grenada", "Q769", "", "Grenadian", ""),
    r("GT", "Guatemala", "Q774", "", "Guatemalan", "Guatemala City"),
    r("GN", "Guinea", "Q1006", "", "Guinean", "Conakry"),
    r("GW", "Guinea-Bissau", "Q1007", "", "Bissau-Guinean", "Bissau"),
    r("GY", "Guyana", "Q734", "", "Guyanese", "Georgetown"),
    r("HT", "Haiti", "Q790", "", "Haitian", "Port-au-Prince"),
    r("HN", "Honduras", "Q783", "", "Honduran", "Tegucigalpa"),
    r("HU", "Hungary", "Q28", "", "Hungarian", "Budapest"),
    r("IS", "Iceland", "Q189", "", "Icelandic", "Reykjavík | Reykjavik"),
    r("IN", "India", "Q668", "", "Indian", "New Delhi | Delhi"),
    r("ID", "Indonesia", "Q252", "", "Indonesian", "Jakarta"),
    r("IR", "Iran", "Q794", "Islamic Republic", "Iranian", "Tehran"),
    r("IQ", "Iraq", "Q796", "", "Iraqi", "Baghdad"),
    r("IE", "Ireland", "Q27", "Republic of Ireland", "Irish", "Dublin"),
    r("IL", "Israel", "Q801", "", "Israeli", "Jerusalem"),
    r("IT", "Italy", "Q38", "", "Italian", "Rome | Palazzo Chigi"),
    r("JM", "Jamaica", "Q766", "", "Jamaican", "Kingston"),
    r("JP", "Japan", "Q17", "", "Japanese", "Tokyo"),
    r("JO", "Jordan", "Q810", "", "Jordanian", "Amman"),
    r("KZ", "Kazakhstan", "Q232", "", "Kazakh | Kazakhstani", "Astana"),
    r("KE", "Kenya", "Q114", "", "Kenyan", "Nairobi"),
    r("KI", "Kiribati", "Q710", "", "", "Tarawa | South Tarawa"),
    r("KP", "North Korea", "Q423", "DPRK", "North Korean", "Pyongyang"),
    r("KR", "South Korea", "Q884", "Republic of Korea | ROK", "South Korean", "Seoul"),
    r("KW", "Kuwait", "Q817", "", "Kuwaiti", "Kuwait City"),
    r("KG", "Kyrgyzstan", "Q813", "", "Kyrgyz", "Bishkek"),
    r("LA", "Laos", "Q819", "Lao PDR", "Lao | Laotian", "Vientiane"),
    r("LV", "Latvia", "Q211", "", "Latvian", "Riga"),
    r("LB", "Lebanon", "Q822", "", "Lebanese", "Beirut"),
    r("LS", "Lesotho", "Q1013", "", "", "Maseru"),
    r("LR", "Liberia", "Q1014", "", "Liberian", "Monrovia"),
    r("LY", "Libya", "Q1016", "", "Libyan", "Tripoli"),
    r("LI", "Liechtenstein", "Q347", "", "", "Vaduz"),
    r("LT", "Lithuania", "Q37", "", "Lithuanian", "Vilnius"),
    r("LU", "Luxembourg", "Q32", "", "Luxembourgish", "Luxembourg"),
    r("MG", "Madagascar", "Q1019", "", "Malagasy", "Antananarivo"),
    r("MW", "Malawi", "Q1020", "", "Malawian", "Lilongwe"),
    r("MY", "Malaysia", "Q833", "", "Malaysian", "Kuala Lumpur | Putrajaya"),
    r("MV", "Maldives", "Q826", "", "Maldivian", "Malé"),
    r("ML", "Mali", "Q912", "", "Malian", "Bamako"),
    r("MT", "Malta", "Q233", "", "Maltese", "Valletta"),
    r("MH", "Marshall Islands", "Q709", "", "Marshallese", "Majuro"),
    r("MR", "Mauritania", "Q1025", "", "Mauritanian", "Nouakchott"),
    r("MU", "Mauritius", "Q1027", "", "Mauritian", "Port Louis"),
    r("MX", "Mexico", "Q96", "", "Mexican", "Mexico City"),
    r("FM", "Federated States of Micronesia", "Q702", "Micronesia", "Micronesian", "Palikir"),
    r("MD", "Moldova", "Q217", "", "Moldovan", "Chișinău | Chisinau"),
    r("MC", "Monaco", "Q235", "", "Monegasque", "Monaco"),
    r("MN", "Mongolia", "Q711", "", "Mongolian", "Ulaanbaatar | Ulan Bator"),
    r("ME", "Montenegro", "Q236", "", "Montenegrin", "Podgorica"),
    r("MA", "Morocco", "Q1028", "", "Moroccan", "Rabat"),
    r("MZ", "Mozambique", "Q1029", "", "Mozambican", "Maputo"),
    r("MM", "Myanmar", "Q836", "Burma", "Burmese", "Naypyidaw | Naypyitaw | Nay Pyi Taw"),
    r("NA", "Namibia", "Q1030", "", "Namibian", "Windhoek"),
    r("NR", "Nauru", "Q697", "", "Nauruan", "Yaren"),
    r("NP", "Nepal", "Q837", "", "Nepalese | Nepali", "Kathmandu"),
    r("NL", "Netherlands", "Q55", "Holland", "Dutch", "The Hague | Amsterdam"),
    r("NZ", "New Zealand", "Q664", "NZ", "", "Wellington"),
    r("NI", "Nicaragua", "Q811", "", "Nicaraguan", "Managua"),
    r("NE", "Niger", "Q1032", "", "Nigerien", "Niamey"),
    r("NG", "Nigeria", "Q1033", "", "Nigerian", "Abuja"),
    r("MK", "North Macedonia", "Q221", "", "North Macedonian | Macedonian", "Skopje"),
    r("NO", "Norway", "Q20", "", "Norwegian", "Oslo"),
    r("OM", "Oman", "Q842", "", "Omani", "Muscat"),
    r("PK", "Pakistan", "Q843", "", "Pakistani", "Islamabad"),
    r("PW", "Palau", "Q695", "", "Palauan", "Ngerulmud"),
    r("PA", "Panama", "Q804", "", "Panamanian", "Panama City"),
    r("PG", "Papua New Guinea", "Q691", "", "Papua New Guinean", "Port Moresby"),
    r("PY", "Paraguay", "Q733", "", "Paraguayan", "Asunción | Asuncion"),
    r("PE", "Peru", "Q419", "", "Peruvian", "Lima"),
    r("PH", "Philippines", "Q928", "", "Philippine | Filipino", "Manila"),
    r("PL", "Poland", "Q36", "", "Polish", "Warsaw"),
    r("PT", "Portugal", "Q45", "", "Portuguese", "Lisbon"),
    r("QA", "Qatar", "Q846", "", "Qatari", "Doha"),
    r("RO", "Romania", "Q218", "", "Romanian", "Bucharest"),
    r("RU", "Russia", "Q159", "", "Russian", "Moscow | Kremlin"),
    r("RW", "Rwanda", "Q1037", "", "Rwandan", "Kigali"),
    r("KN", "Saint Kitts and Nevis", "Q763", "St Kitts and Nevis | St. Kitts and Nevis", "",
      "Basseterre"),
    r("LC", "Saint Lucia", "Q760", "St Lucia | St. Lucia", "Saint Lucian", "Castries"),
    r("VC", "Saint Vincent and the Grenadines", "Q757",
      "St Vincent and the Grenadines | St. Vincent and the Grenadines", "Vincentian",
      "Kingstown"),
    r("WS", "Samoa", "Q683", "", "Samoan", "Apia"),
    r("SM", "San Marino", "Q238", "", "Sammarinese", "San Marino"),
    r("ST", "São Tomé and Príncipe", "Q1039", "", "", "São Tomé | Sao Tome"),
    r("SA", "Saudi Arabia", "Q851", "KSA", "Saudi", "Riyadh"),
    r("SN", "Senegal", "Q1041", "", "Senegalese", "Dakar"),
    r("RS", "Serbia", "Q403", "", "Serbian", "Belgrade"),
    r("SC", "Seychelles", "Q1042", "", "Seychellois", ""),
    r("SL", "Sierra Leone", "Q1044", "", "Sierra Leonean", "Freetown"),
    r("SG", "Singapore", "Q334", "", "Singaporean", "Singapore"),
    r("SK", "Slovakia", "Q214", "", "Slovak", "Bratislava"),
    r("SI", "Slovenia", "Q215", "", "Slovenian | Slovene", "Ljubljana"),
    r("SB", "Solomon Islands", "Q685", "", "", "Honiara"),
    r("SO", "Somalia", "Q1045", "", "Somali", "Mogadishu"),
    r("ZA", "South Africa", "Q258", "", "South African", "Pretoria"),
    r("SS", "South Sudan", "Q958", "", "South Sudanese", "Juba"),
    r("ES", "Spain", "Q29", "", "Spanish", "Madrid | Moncloa"),
    r("LK", "Sri Lanka", "Q854", "", "Sri Lankan", "Colombo | Sri Jayawardenepura Kotte"),
    r("SD", "Sudan", "Q1049", "", "Sudanese", "Khartoum"),
    r("SR", "Suriname", "Q730", "", "Surinamese", "Paramaribo"),
    r("SE", "Sweden", "Q34", "", "Swedish", "Stockholm"),
    r("CH", "Switzerland", "Q39", "", "Swiss", "Bern"),
    r("SY", "Syria", "Q858", "", "Syrian", "Damascus"),
    r("TJ", "Tajikistan", "Q863", "", "Tajik", "Dushanbe"),
    r("TZ", "Tanzania", "Q924", "", "Tanzanian", "Dodoma"),
    r("TH", "Thailand", "Q869", "", "Thai", "Bangkok"),
    r("TL", "East Timor", "Q574", "Timor-Leste", "Timorese | East Timorese", "Dili"),
    r("TG", "Togo", "Q945", "", "Togolese", "Lomé | Lome"),
    r("TO", "Tonga", "Q678", "", "Tongan", "Nuku'alofa"),
    r("TT", "Trinidad and Tobago", "Q754", "Trinidad", "Trinidadian", "Port of Spain"),
    r("TN", "Tunisia", "Q948", "", "Tunisian", "Tunis"),
    r("TR", "Turkey", "Q43", "Türkiye | Turkiye | Republic of Turkey", "Turkish", "Ankara"),
    r("TM", "Turkmenistan", "Q874", "", "Turkmen", "Ashgabat"),
    r("TV", "Tuvalu", "Q672", "", "Tuvaluan", "Funafuti"),
    r("UG", "Uganda", "Q1036", "", "Ugandan", "Kampala"),
    r("UA", "Ukraine", "Q212", "", "Ukrainian", "Kyiv | Kiev | Bankova"),
    r("AE", "United Arab Emirates", "Q878", "UAE", "Emirati", "Abu Dhabi"),
    r("GB", "United Kingdom", "Q145", "UK | U.K. | Britain | Great Britain", "British",
      "London | Downing Street | Number 10 | No 10 | No. 10 | Whitehall"),
    r("US", "United States", "Q30", "US | U.S. | USA | U.S.A. | America", "American",
      "Washington | Washington DC | Washington, D.C. | White House"),
    r("UY", "Uruguay", "Q77", "", "Uruguayan", "Montevideo"),
    r("UZ", "Uzbekistan", "Q265", "", "Uzbek", "Tashkent"),
    r("VU", "Vanuatu", "Q686", "", "", "Port Vila"),
    r("VE", "Venezuela", "Q717", "", "Venezuelan", "Caracas"),
    r("VN", "Vietnam", "Q881", "Viet Nam", "Vietnamese", "Hanoi"),
    r("YE", "Yemen", "Q805", "", "Yemeni", "Sanaa | Sana'a"),
    r("ZM", "Zambia", "Q953", "", "Zambian", "Lusaka"),
    r("ZW", "Zimbabwe", "Q954", "", "Zimbabwean", "Harare"),
)

# Non-member observer states of the UN General Assembly.
UN_OBSERVERS: tuple[Row, ...] = (
    r("VA", "Holy See", "Q159583", "Vatican | Vatican City", "", ""),
    r("PS", "Palestine", "Q219060", "State of Palestine", "Palestinian", "Ramallah"),
)

# Widely recognised states and territories outside the UN that act in the news.
OTHERS: tuple[Row, ...] = (
    r(None, "Kosovo", "Q1246", "Republic of Kosovo", "Kosovar | Kosovan", "Pristina | Prishtina"),
    r("TW", "Taiwan", "Q865", "Republic of China | ROC", "Taiwanese", "Taipei"),
    r("HK", "Hong Kong", "Q8646", "Hong Kong SAR", "", ""),
    r("MO", "Macau", "Q14773", "Macao | Macau SAR", "Macanese", ""),
    r("GL", "Greenland", "Q223", "", "Greenlandic", "Nuuk"),
)

def slug(text: str) -> str:
    """Give the gazetteer key of a label ("São Tomé and Príncipe" -> "sao-tome-and-principe")."""
    from kgbuild.iris import slugify

    return slugify(text)


def iso_names(iso: str) -> list[str]:
    """Give pycountry's names of a country that read as names in prose (no "Korea, Republic of")."""
    country = pycountry.countries.get(alpha_2=iso)
    if country is None:
        raise SystemExit(f"pycountry does not know ISO code {iso!r}; fix the table.")
    found = []
    for attr in ("common_name", "name", "official_name"):
        name = getattr(country, attr, None)
        if not name or "," in name or "(" in name:
            continue
        if name.lower().startswith("the "):
            name = name[4:]
        found.append(name)
    return found


def unique(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for item in items:
        if item.casefold() not in seen:
            seen.add(item.casefold())
            out.append(item)
    return out


def entry(row: Row) -> dict[str, object]:
    """Give the YAML mapping of one state."""
    names = [row.label, *row.names, *(iso_names(row.iso) if row.iso else [])]
    data: dict[str, object] = {
        "key": row.key or slug(row.label),
        "label": row.label,
        "type": "State",
        "wikidata": row.wikidata,
        "iso": row.iso,
    }
    if row.iso in TAKES_THE:
        data["takes_the"] = True
    data["names"] = unique(names)[1:]  # the label is always a name; list the others
    data["adjectives"] = list(row.adjectives)
    data["metonyms"] = list(row.metonyms)
    return data


def render() -> str:
    """Give the text of `states.yaml`."""
    if len(UN_MEMBERS) != 193:
        raise SystemExit(f"UN_MEMBERS has {len(UN_MEMBERS)} rows; the UN has 193 members.")
    entries = [entry(row) for row in (*UN_MEMBERS, *UN_OBSERVERS, *OTHERS)]
    entries.sort(key=lambda e: str(e["key"]))
    header = (
        "# States for kgbuild's gazetteer. GENERATED by build_states.py from pycountry (ISO codes\n"
        "# and formal names) and the curated table in that script (labels, QIDs, adjectives,\n"
        "# capitals and seats). Do not edit by hand: edit the table and rerun the script.\n"
        "# Format: see README.md in this folder.\n"
    )
    body = yaml.safe_dump(
        {"actors": entries}, allow_unicode=True, sort_keys=False, default_flow_style=None,
        width=100,
    )
    return header + body


def main() -> None:
    OUT.write_text(render(), encoding="utf-8")
    print(f"wrote {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
