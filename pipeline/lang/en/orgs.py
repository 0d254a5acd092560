"""English words of organisation names for the cross-language keys (:mod:`pipeline.entities.org_keys`)."""

from __future__ import annotations

# (ending, replacements): Chinese, Iranian, Turkish, American, Russian, Azerbaijani; a bare final i is no demonym
# ending (Khamenei is no Khamene).
_DEMONYM = (("ese", ("a", "")), ("ian", ("", "ia", "a")), ("ish", ("ey", "")), ("an", ("a",)), ("n", ("",)),
            ("ani", ("an",)))
# Demonyms no ending rule reads (German is no Germa), as their country.
_IRREGULAR = {"german": "germany", "french": "france", "british": "britain", "greek": "greece", "dutch": "netherlands",
              "swiss": "switzerland", "israeli": "israel", "iraqi": "iraq", "kuwaiti": "kuwait", "qatari": "qatar",
              "pakistani": "pakistan", "afghan": "afghanistan", "kazakh": "kazakhstan", "uzbek": "uzbekistan",
              "tajik": "tajikistan", "turkmen": "turkmenistan", "kyrgyz": "kyrgyzstan", "emirati": "uae",
              "yemeni": "yemen", "omani": "oman", "bahraini": "bahrain", "polish": "poland", "spanish": "spain",
              "swedish": "sweden", "danish": "denmark", "finnish": "finland", "norwegian": "norway",
              "thai": "thailand", "filipino": "philippines", "welsh": "wales", "scottish": "scotland",
              "irish": "ireland", "lebanese": "lebanon", "portuguese": "portugal", "italian": "italy",
              "hungarian": "hungary", "belgian": "belgium", "chilean": "chile", "peruvian": "peru", "moroccan": "morocco",
              "somali": "somalia", "argentine": "argentina", "argentinian": "argentina",
              "congolese": "congo", "bangladeshi": "bangladesh", "uruguayan": "uruguay",
              "paraguayan": "paraguay", "cypriot": "cyprus",
              "macedonian": "north macedonia", "montenegrin": "montenegro", "estonian": "estonia",
              "icelandic": "iceland", "mexican": "mexico", "nigerian": "nigeria", "singaporean": "singapore",
              "slovak": "slovakia"}


def org_lemmas(word: str) -> tuple[str, ...]:
    """Lower-cased readings of a word, the literal first: a plural or possessive ``s`` dropped, a demonym
    read as its country (``Iranian`` -> iran, ``Chinese`` -> china, ``Azerbaijani`` -> azerbaijan, ``German`` ->
    germany)."""
    w = word.lower().removesuffix("'s").removesuffix("’s")
    out = [w]
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        out.append(w[:-1])
    if w in _IRREGULAR:
        out.append(_IRREGULAR[w])
    for end, repl in _DEMONYM:
        if len(w) > len(end) + 2 and w.endswith(end):
            out.extend(w[: -len(end)] + r for r in repl)
    return tuple(dict.fromkeys(out))
