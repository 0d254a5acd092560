"""Per-language date patterns (precompiled regexes over folded text).

Every pattern is a `Rule(name, kind, regex)`. Named groups carry the parts the resolver
reads: `d1 m1 y1` (first date), `d2 m2 y2` (second date of a range), `cal` (calendar
marker), `dec` (decade), `c1 c2` (centuries), `bc` (before-era marker), `rel` / `ry`
(relative phrase / relative year), `y2d` (two-digit end year). All quantifiers over
whitespace are bounded and no group nests an unbounded repeat, so scanning is linear.
"""
from __future__ import annotations

from . import periods
from .numeric import numeric_rules
from .patterns import (D, DASH, FA_WR, FLAGS, MNUM, NL, NR, OSP, RD, SP, WL, Y4, Rule, _c, re)
from .lexicon import (AZ_MONTH, EN_MONTH, EN_ORDINAL_RE, FA_MONTH, FA_ORDINAL_RE,
                      RU_MONTH_ABBR, RU_MONTH_FULL, RU_MONTH_LOC)


# ====================================================================== Russian
def _ru() -> list[Rule]:
    mon = lambda n: (rf"{WL}(?P<m{n}>(?:{RU_MONTH_FULL})(?![а-яё])|(?:{RU_MONTH_ABBR})\.?(?![а-яё]))")
    yw = r"(?:год(?:а|у|ом|ы|ов|ах|ам)?|гг?\.?)(?![а-яё])"
    ysuf = r"(?:-?го|-?й|-?м)?"
    dsuf = r"(?:-?(?:го|ое|ого|е|ье|й))?"
    pre = (r"(?:" + WL + r"(?:в|во|с|c|со|до|на|за|к|ко|по|от|около|после|в\s+течение|в\s+период\s+с|"
           r"вплоть\s+до|к\s+концу|к\s+началу|весной|летом|осенью|зимой)" + SP + ")?")
    mod = (r"(?:(?:начал[еоа]|середин[еуы]|конц[еау]|конец|перв(?:ой|ая|ую)" + SP
           + r"половин[еыау]|втор(?:ой|ая|ую)" + SP + r"половин[еыау]|весной|летом|осенью|зимой|"
           r"весн[аеыу]|лет[ао]|осен[ьи]|зим[аеыу])" + SP + ")?")
    wd = (r"понедельник|вторник|сред[ауы]|четверг|пятниц[ауы]|суббот[ауы]|воскресень[ея]")
    wdp = (rf"(?:(?:(?:в|во|на){SP})?(?:(?:прошл(?:ую|ый)|минувш(?:ую|ий)|эт(?:у|от)|ближайш(?:ую|ий)){SP})?"
           rf"(?:{wd}|вчера|сегодня|завтра){OSP}[,—–-]?{OSP})?")
    year = rf"{Y4(1)}{ysuf}(?:{OSP}{yw})?"
    year2 = rf"{Y4(2)}{ysuf}(?:{OSP}{yw})?"
    bc = rf"(?:{SP}(?P<bc>до{SP}н\.?{OSP}э\.?|до{SP}нашей{SP}эры))?"
    end1 = rf"(?:{D(1)}{SP}{mon(1)}(?:{SP}{year})?|{mon(1)}(?:{SP}{year})?|{year})"
    end2 = rf"(?:{D(2)}{SP}{mon(2)}(?:{SP}{year2})?|{mon(2)}(?:{SP}{year2})?|{year2})"
    rules = [
        Rule("ru_dmy", "date", _c(rf"{pre}{wdp}{D(1)}{dsuf}{SP}{mon(1)}{SP}{year}")),
        Rule("ru_d_range", "date", _c(
            rf"{pre}{D(1)}{RD}{D(2)}{SP}{mon(2)}(?:{SP}{year2})?")),
        Rule("ru_d_range_po", "date", _c(
            rf"{WL}(?:с|со|от){SP}{D(1)}(?:{SP}{mon(1)}(?:{SP}{year})?)?{SP}(?:по|до|на){SP}"
            rf"{D(2)}{SP}{mon(2)}(?:{SP}{year2})?")),
        Rule("ru_range_gen", "date", _c(
            rf"{WL}(?:в{SP}период{SP})?(?:с|со|c|от){SP}{end1}{SP}(?:по|до){SP}{end2}")),
        Rule("ru_dm", "date", _c(rf"{pre}{wdp}{D(1)}{dsuf}{SP}{mon(1)}(?:{SP}с\.{OSP}г\.?)?")),
        Rule("ru_my", "date", _c(rf"{pre}{mod}{mon(1)}{SP}{year}")),
        Rule("ru_m_rel", "date", _c(
            rf"{pre}{mod}{mon(1)}{SP}(?P<ry>(?:этого|прошлого|текущего|следующего|позапрошлого|"
            rf"будущего|минувшего|нынешнего){SP}года)")),
        Rule("ru_m_range", "date", _c(
            rf"{pre}(?P<m1>{RU_MONTH_LOC}|{RU_MONTH_FULL}){RD}(?P<m2>{RU_MONTH_LOC}|{RU_MONTH_FULL})"
            rf"(?![а-яё])(?:{SP}{year2})?")),
        Rule("ru_m_loc", "date", _c(rf"{WL}(?:(?:в|во|к|с|до){SP}{mod}|(?:начал[еоау]|середин[еуы]|"
                                    rf"конц[еау]){SP})(?P<m1>{RU_MONTH_LOC}|{RU_MONTH_FULL})(?![а-яё])")),
        Rule("ru_y_range", "date", _c(
            rf"{pre}{mod}{Y4(1)}{RD}(?:{Y4(2)}|(?P<y2d>[0-9]{{2}}){NR}){ysuf}(?:{OSP}{yw})?{bc}")),
        Rule("ru_y_range_po", "date", _c(
            rf"{WL}(?:с|со|от|между){SP}{Y4(1)}(?:{OSP}{yw})?{SP}(?:по|до|и){SP}{Y4(2)}{ysuf}"
            rf"(?:{OSP}{yw})?")),
        Rule("ru_y", "date", _c(rf"{pre}{mod}(?:{Y4(1)}|{NL}(?P<y1>[0-9]{{3,4}}){NR}){ysuf}{OSP}{yw}{bc}")),
        Rule("ru_y_go", "date", _c(rf"{pre}{mod}{Y4(1)}-?(?:го|м|й)(?![а-яё])")),
        Rule("ru_y_bare", "date", _c(rf"{pre}(?<!№)(?<!№ )(?<![дк]\. )(?<!стр\. )(?<![0-9][-–—])(?<![0-9][-–—] ){Y4(1)}(?![а-яё\w])(?!{RD}[0-9])"
                                     rf"(?!{SP}(?:руб|долл|евро|чел|тыс|млн|млрд|км|кг|лет|раз|"
                                     rf"шт|мест|доз|ед|экз|руб|м2|кв|га|тонн|человек|голос)|{OSP}%)")),
        Rule("ru_decade", "decade", _c(
            rf"{pre}{mod}{NL}(?P<dec>[0-9]{{1,3}}0)(?:{OSP}{DASH}{OSP}(?:е|х|ые|ых|ми|м))(?![а-яё])"
            rf"(?:{SP}год(?:ы|ах|ов|ам|ами))?")),
        Rule("ru_century", "century", _c(
            rf"{pre}{mod}{WL}(?P<c1>[IVXLC]{{1,6}}|[0-9]{{1,2}})(?:-?(?:й|м|го|ом))?"
            rf"(?:{RD}(?P<c2>[IVXLC]{{1,6}}|[0-9]{{1,2}})(?:-?(?:й|м|го|ом))?)?"
            rf"{SP}(?:век(?:а|е|у|ом|ов|ах|ами)?|вв?\.)(?![а-яё]){bc}")),
        Rule("ru_century_word", "century", _c(
            rf"{pre}{mod}(?P<c1>первого|второго|третьего|четв[её]ртого|пятого|шестого|седьмого|"
            rf"восьмого|девятого|десятого|одиннадцатого|двенадцатого|тринадцатого|"
            rf"четырнадцатого|пятнадцатого|шестнадцатого|семнадцатого|восемнадцатого|"
            rf"девятнадцатого|двадцатого|двадцать{SP}первого){SP}век[а](?![а-яё])")),
    ]
    rules += numeric_rules("ru", pre, rf"(?:{OSP}{yw})?", mon=rf"(?P<m1>{RU_MONTH_FULL}|{RU_MONTH_ABBR})")
    gmon = rf"(?P<m1>(?:{RU_MONTH_FULL})(?![а-яё])|(?:{RU_MONTH_ABBR})\.?(?![а-яё]))"
    rules += periods.ru_rules(mon, gmon, pre, year, ysuf, yw)
    # relative and deictic expressions (value only with an anchor)
    num = (r"(?:[0-9]{1,3}(?:,[0-9])?|од(?:ин|на|ну|ного|ной|ному)|дв(?:а|е|ух|ум)|тр(?:и|[её]х|[её]м)|"
           r"четыр(?:е|[её]х)|пят(?:ь|и)|шест(?:ь|и)|сем(?:ь|и)|восем(?:ь|и)|восьми|девят(?:ь|и)|"
           r"десят(?:ь|и)|[а-я]{3,7}надцат(?:ь|и)|двадцат(?:ь|и)|тридцат(?:ь|и)|сорок(?:а)?|"
           r"пятьдесят|шестьдесят|семьдесят|сто|полтор(?:а|ы)|полу|нескольк(?:о|их|им)|"
           r"мног(?:о|их|им|ие)|пар(?:у|ы))")
    unit = (r"(?:дн(?:я|ей|ям|ями)|день|сут(?:ок|ки|кам)|недел(?:ю|и|е|ь|ям)|месяц(?:а|ев|ам|у|ами)?|"
            r"год(?:а|у|ам|ами)?|лет|десятилети(?:й|я|е|ями)|век(?:а|ов)?|"
            r"квартал(?:а|ов)?|полугоди[ея])(?![а-яё])")
    qual = (r"(?:(?:в{SP}течение|в{SP}течении|на{SP}протяжении|за{SP}последн(?:ие|ий|юю|ее|их)|"
            r"последн(?:ие|их|юю)|за|около|более|менее|свыше|больше|меньше|не{SP}более|не{SP}менее|"
            r"почти|примерно|до|через|спустя|на|лишь|каждые|каждый|каждую|"
            r"немногим{SP}более|с|от|по){SP}){0,2}").replace("{SP}", SP)
    rel_words = (
        r"сегодня(?:шн(?:ий|его|ему)\s+д(?:ень|ня))?|вчера|завтра|позавчера|послезавтра|"
        r"(?:в|во|на|с|до|к){SP}(?:этом|прошлом|следующем|текущем|позапрошлом|будущем|минувшем|"
        r"нынешнем|том{SP}же|этом{SP}же|этот|тот|прошлый|следующий){SP}(?:году|месяце|год|месяц|"
        r"сезоне|квартале|полугодии)|"
        r"(?:в|на|с|до|к){SP}(?:этой|прошлой|следующей|будущей|минувшей|текущей|той{SP}же){SP}"
        r"неделе|(?:в|во|на){SP}(?:эти|прошлые|минувшие|ближайшие){SP}выходные|в{SP}выходные|"
        r"на{SP}сегодняшний{SP}день|на{SP}днях|"
        r"(?:на|в|с){SP}(?:следующий|другой|тот{SP}же|этот|первый|второй|третий){SP}день|"
        r"(?:в|во|на|к){SP}(?:прошлую|минувшую|эту|следующую|ближайшую|прошлый|минувший|этот|следующий|ближайший){SP}(?:" + wd + ")|"
        r"(?:в|во|на){SP}(?:" + wd + r")|(?:в{SP})?(?:последние|ближайшие){SP}(?:годы|дни|недели|месяцы)|"
        r"в{SP}(?:последние|ближайшие|разные|те|эти|прошлые){SP}годы|"
        r"этого{SP}года|прошлого{SP}года|текущего{SP}года|годом{SP}(?:позже|ранее|раньше)|"
        r"с{SP}(?:того|этого){SP}(?:дня|времени)|(?:в|на){SP}(?:тот|этот)(?:{SP}же)?{SP}день|"
        r"(?:этим|прошлым|следующим|минувшим){SP}(?:летом|весной|осенью|зимой)|"
        r"(?:в{SP})?(?:конце|начале|середине){SP}(?:прошлой|этой|следующей|минувшей|текущей){SP}недели"
    ).replace("{SP}", SP)
    rules += [
        Rule("ru_rel", "rel", _c(rf"{WL}(?P<rel>{rel_words})(?![а-яё])")),
        Rule("ru_rel_year", "rel", _c(rf"{pre}{mod}(?P<rel>(?:этого|прошлого|текущего|следующего|"
                                      rf"позапрошлого|минувшего|нынешнего){SP}года)(?![а-яё])")),
        Rule("ru_every", "rel", _c(rf"{WL}(?P<rel>ежегодно|ежемесячно|еженедельно|ежедневно)(?![а-яё])")),
        Rule("ru_ago", "rel", _c(rf"{WL}(?P<rel>{qual}(?:{num}{SP})?{unit}{SP}(?:тому{SP})?назад)(?![а-яё])")),
        Rule("ru_dur", "dur", _c(rf"{WL}(?<!(?:ему|ей|им|сейчас|исполнилось|исполнится|исполнился|младше|"
                                 rf"старше|моложе|возрасте|юбилей|лишения|срок|сроком){SP})(?P<rel>(?!(?:[0-9]{{1,3}}){SP}(?:лет|года?)(?![а-яё]))(?!(?:[0-9]{{1,3}}){SP}(?:лет|года?){SP}(?:спустя|назад))(?:{qual}){num}{SP}{unit}(?:{SP}(?:спустя|назад|ранее|"
                                 rf"позже|позднее|вперед))?)")),
        Rule("ru_dur_range", "dur", _c(rf"{WL}(?P<rel>(?:от{SP})?{num}(?:{SP}{unit})?(?:{SP}до{SP}|{RD})"
                                       rf"{num}(?:{RD}{num})?{SP}{unit})")),
        Rule("ru_dur1", "dur", _c(rf"{WL}(?P<rel>(?:в{SP}течение|на{SP}протяжении|за|через|спустя|"
                                  rf"на|в{SP}течении){SP}(?:(?:ещ[её]|целый|целую|целых|"
                                  rf"последн(?:ий|юю|ие|их|ее)){SP})?(?:неделю|недели|месяц|год|"
                                  rf"день|сутки|десятилетия|десятилетий|многих{SP}лет|"
                                  rf"многих{SP}десятилетий|полгода|полугода|года))(?![а-яё])")),
        Rule("ru_halfyear", "dur", _c(rf"{WL}(?P<rel>(?:(?:последние|около|почти|не{SP}менее|чуть{SP}более|более)"
                                      rf"{SP})?полгода)(?![а-яё])")),
    ]
    return rules


# ====================================================================== Azerbaijani
def _az() -> list[Rule]:
    az_l = r"a-zəıöüğşçİI"
    mon = lambda n: rf"{WL}(?P<m{n}>{AZ_MONTH})[{az_l}]{{0,7}}(?![\w])"
    ysuf = rf"(?:(?:{RD}|{SP})(?:[iıuü]?nc[iıuü]|c[iıuü])(?![\w]))"
    il = rf"(?:[iİI]l(?!lik|k)(?:l[əe]r)?[{az_l}]{{0,6}})(?![\w])"
    il1 = rf"(?:[iİI]l(?!lik|k|l[əe]r)[{az_l}]{{0,6}})(?![\w])"  # singular: not "illər" (decades)
    year = (rf"{Y4(1)}{ysuf}?(?:{SP}{il1})?(?:{RD}?(?:də|da|dən|dan|dək|ə|a)(?![\w])|"
            rf"{SP}(?:də|da|dən|dan)(?![\w]))?")
    year2 = rf"{Y4(2)}{ysuf}?(?:{SP}{il})?"
    bc_pre = rf"(?:(?P<bc>e\.{OSP}ə\.|eramızdan{SP}əvvəl){SP})?"
    wd = r"bazar{SP}(?:ertəsi|günü)|çərşənbə(?:{SP}axşamı)?|cümə(?:{SP}axşamı)?|şənbə".replace("{SP}", SP)
    ay = rf"(?:{SP}ay[{az_l}]{{0,6}}(?![\w]))?"
    dsuf = rf"(?:{RD}?(?:də|da|dən|dan|dək|ə|a|si|sı|i|ı|u|ü|ndə|nda|ndən|ndan|n)(?![\w]))?"
    rules = [
        Rule("az_dmy", "date", _c(rf"{D(1)}{SP}{mon(1)}{SP}{year}")),
        Rule("az_ymd", "date", _c(rf"{Y4(1)}{ysuf}?{SP}{il}{SP}{mon(1)}{ay}{SP}{D(1)}{dsuf}")),
        Rule("az_ydd_range", "date", _c(rf"{Y4(2)}{ysuf}?{SP}{il}{SP}{D(1)}{RD}{D(2)}{SP}{mon(2)}")),
        Rule("az_d_range", "date", _c(rf"{D(1)}{RD}{D(2)}{SP}{mon(2)}(?:{SP}{year2})?")),
        Rule("az_ydm", "date", _c(rf"{Y4(1)}{ysuf}?{SP}{il}{SP}{D(1)}{SP}{mon(1)}")),
        Rule("az_ym", "date", _c(rf"{Y4(1)}{ysuf}?{SP}{il}{SP}{mon(1)}{ay}")),
        Rule("az_my", "date", _c(rf"{mon(1)}{SP}{year}")),
        Rule("az_dm", "date", _c(rf"{D(1)}{SP}{mon(1)}")),
        Rule("az_md", "date", _c(rf"{mon(1)}{SP}{D(1)}{dsuf}")),
        Rule("az_y_range", "date", _c(
            rf"{Y4(1)}(?:{ysuf}?{SP}{il})?{RD}{Y4(2)}{ysuf}?(?:{SP}{il})?")),
        Rule("az_y", "date", _c(rf"{bc_pre}(?:{Y4(1)}{ysuf}?|{NL}(?P<y1>[0-9]{{3,4}}){NR}{ysuf}){SP}{il}")),
        Rule("az_y_suf", "date", _c(rf"{bc_pre}{Y4(1)}{ysuf}?{RD}?(?:də|da|dən|dan|dək|ə|a)(?![\w])")),
        Rule("az_y_bare", "date", _c(rf"{bc_pre}(?<![0-9][-–—])(?<![0-9][-–—] ){Y4(1)}(?![\w])(?!{OSP}%|{RD}[0-9]|{SP}(?:manat|dollar|nəfər|"
                                     rf"km|kq|ton|min|milyon|milyard|il\b|m²|m2|kv|şahmat|insan|"
                                     rf"tələbə|şəxs|ədəd|nüsxə))")),
        Rule("az_century", "century", _c(
            rf"{bc_pre}{WL}(?:(?P<c1>[IVXLC]{{1,6}}){ysuf}?|(?P<c1>[0-9]{{1,2}}){ysuf})"  # "4 əsr" is a duration
            rf"(?:{RD}(?:(?P<c2>[IVXLC]{{1,6}}){ysuf}?|(?P<c2>[0-9]{{1,2}}){ysuf}))?{SP}(?:əsr|yüzil)[{az_l}]{{0,8}}(?![\w])")),
        Rule("az_decade", "decade", _c(rf"{NL}(?P<dec>[0-9]{{1,3}}0){ysuf}?{SP}[iİI]ll[əe]r[{az_l}]{{0,6}}(?![\w])")),
    ]
    rules += numeric_rules("az", "", rf"(?:{ysuf}?{SP}{il}|{RD}(?:də|da|dən|dan|dək)(?![\w]))?",
                           mon=r"(?P<m1>yanvar|fevral|mart|aprel|may|iyun|iyul|avqust|sentyabr|oktyabr|noyabr|dekabr|"
                               r"yan|fev|mar|apr|iyn|iyl|avq|sent?|okt|noy|dek)")
    rules += periods.az_rules(mon, rf"(?P<m1>{AZ_MONTH})[{az_l}]{{0,7}}(?![\w])", year, ysuf, il, dsuf, az_l)
    rel = (r"bu{SP}gün|bu{SP}il|bu{SP}ay|bu{SP}həftə|keçən{SP}(?:il|ay|həftə)[{L}]{0,4}|"
           r"gələn{SP}(?:il|ay|həftə)[{L}]{0,4}|ötən{SP}(?:il|ay|həftə)[{L}]{0,4}|dünən|srağagün|"
           r"hazırda|hazırki|hazırkı|indiyədək|hal-hazırda|indiki{SP}dövrdə|cari{SP}il[{L}]{0,4}").replace("{SP}", SP).replace("{L}", az_l)
    rules += [Rule("az_rel", "rel", _c(rf"{WL}(?P<rel>{rel})(?![\w])")),
              Rule("az_wd", "rel", _c(rf"{WL}(?P<rel>{wd})(?![\w])"))]
    return rules


# ====================================================================== Persian
def _fa() -> list[Rule]:
    mon = lambda n: rf"{WL}(?P<m{n}>(?:{FA_MONTH})(?:[\u200c ]?ماه)?){FA_WR}"
    calw = (rf"هجری(?:{SP}(?:شمسی|قمری|خورشیدی))?|میلادی|شمسی|خورشیدی|قمری|ق\.{OSP}م\.?|هـ?\.?{OSP}[شق]\.?|"
            rf"هـ?{OSP}\.|[قش]\.?|م\.|پیش{SP}از{SP}میلاد|قبل{SP}از{SP}میلاد")  # calendar markers
    cal = rf"(?:{OSP}\(?{OSP}(?P<cal>{calw}){FA_WR}\.?(?:{OSP}\))?)?"
    sal = rf"(?:{WL}(?:در|از|تا)?سال(?:[\u200c ]?های|[\u200c ]?ها)?{SP})"  # also the typo "درسال"
    pre = (rf"(?:{WL}(?:در|از|تا|طی|مورخ|مورخه|پس{SP}از|پیش{SP}از|قبل{SP}از|بعد{SP}از|"
           rf"ابتدای|اوایل|اواسط|اواخر|اوائل|پایان|انتهای|آغاز|نیمه{SP}(?:اول|دوم)|"
           rf"در{SP}تاریخ|از{SP}تاریخ|تا{SP}تاریخ|در{SP}(?:اوایل|اواسط|اواخر|ابتدای|پایان|"
           rf"انتهای|نیمه{SP}(?:اول|دوم))|(?:(?:در|از|تا){SP})?(?:فصل{SP})?(?:بهار|تابستان|پاییز|زمستان))"
           rf"(?:{SP}(?:سال|ماه|روز|دهه|قرن|سده))?{SP})?")
    season = rf"(?:(?:فصل{SP})?(?:بهار|تابستان|پاییز|زمستان){SP})"
    wd = r"یک[\u200c ]?شنبه|دو[\u200c ]?شنبه|سه[\u200c ]?شنبه|چهار[\u200c ]?شنبه|پنج[\u200c ]?شنبه|شنبه|جمعه"
    wdp = rf"(?:(?:روز{SP})?(?:{wd}){OSP}[،,]?{OSP})?"
    y = lambda n: rf"{NL}(?P<y{n}>[0-9]{{1,4}}){NR}"
    dord = rf"(?:{OSP}-?{OSP}(?:ام|م|اُم)(?![\w]))?"  # "۳۱ام", "31-ام" (date-fns style)
    rules = [
        Rule("fa_dmy", "date", _c(rf"{pre}{wdp}{D(1)}{dord}{SP}{mon(1)}{SP}{sal}?{y(1)}{cal}")),
        Rule("fa_d_range", "date", _c(
            rf"{pre}{D(1)}{OSP}(?:تا|{DASH}|الی){OSP}{D(2)}{SP}{mon(2)}(?:{SP}{sal}?{y(2)}{cal})?")),
        Rule("fa_range_gen", "date", _c(
            rf"{WL}(?:از){SP}(?:{D(1)}{dord}{SP}{mon(1)}(?:{SP}{sal}?{y(1)}{cal})?|{mon(1)}(?:{SP}{sal}?{y(1)}{cal})?)"
            rf"{SP}(?:تا|الی){SP}(?:{D(2)}{dord}{SP}{mon(2)}(?:{SP}{sal}?{y(2)}{cal})?|"
            rf"{mon(2)}(?:{SP}{sal}?{y(2)}{cal})?)")),
        Rule("fa_dm", "date", _c(rf"{pre}{wdp}{D(1)}{dord}{SP}{mon(1)}")),
        Rule("fa_m_range", "date", _c(
            rf"{pre}(?:{WL}ماه(?:[\u200c ]?های)?{SP})?{mon(1)}{SP}(?:تا|الی){SP}{mon(2)}(?:{SP}{sal}?{y(2)}{cal})?")),
        Rule("fa_my", "date", _c(rf"{pre}(?:ماه{SP})?{mon(1)}{SP}{sal}?{y(1)}{cal}")),
        Rule("fa_m_rel", "date", _c(
            rf"{pre}(?:ماه{SP})?{mon(1)}{SP}(?P<ry>سال{SP}(?:جاری|گذشته|آینده|قبل|بعد|پیش)|امسال|پارسال)"
            rf"{FA_WR}")),
        Rule("fa_y_range", "date", _c(
            rf"{pre}(?:{sal}{y(1)}|{NL}(?P<y1>[0-9]{{4}}){NR}){cal}{OSP}(?:تا|{DASH}|الی){OSP}{sal}?{y(2)}{cal}")),
        Rule("fa_y", "date", _c(rf"{pre}{sal}{y(1)}{cal}(?!{SP}(?:میلیون|میلیارد|هزار|درصد|نفر|تومان|ریال|دلار))")),
        Rule("fa_m_alone", "date", _c(
            rf"{pre}(?:{WL}ماه{SP}(?:مبارک{SP})?(?P<m1>{FA_MONTH}){FA_WR}|{WL}(?P<m1>(?:{FA_MONTH})[\u200c ]?ماه){FA_WR})")),
        Rule("fa_y_cal", "date", _c(
            rf"{pre}{NL}(?P<y1>[0-9]{{3,4}}){NR}{OSP}\(?{OSP}(?P<cal>{calw}){FA_WR}\.?(?:{OSP}\))?")),
        Rule("fa_y_calword", "date", _c(  # short years need a whole-word marker: "۴۰ هجری"
            rf"{pre}{NL}(?P<y1>[0-9]{{1,2}}){NR}{OSP}\(?{OSP}(?P<cal>هجری(?:{SP}(?:شمسی|قمری|خورشیدی))?|"
            rf"میلادی|شمسی|خورشیدی|قمری){FA_WR}(?:{OSP}\))?")),
        Rule("fa_y_bare", "date", _c(rf"{WL}(?:(?:در|از|تا|طی|فصل|پایان|ابتدای|اوایل|اواسط|اواخر|سه{SP}ماهه{SP}(?:اول|دوم|سوم|چهارم|نخست)|"
                                     rf"نیمه{SP}(?:اول|دوم|نخست)|بهار|تابستان|پاییز|زمستان){SP}){{1,3}}(?<![0-9][-–—])(?<![0-9][-–—] ){Y4(1)}(?![\w])(?!{OSP}%|{SP}(?:نفر|تن|دلار|ریال|تومان|"
                                     rf"کیلومتر|متر|کیلوگرم|هکتار|درصد|میلیون|میلیارد|هزار|واحد|"
                                     rf"عدد|سال|قطعه|جلد|صفحه|مورد|نسخه|کیلو|گرم))")),
        Rule("fa_decade_years", "decade", _c(
            rf"{pre}{WL}سال[\u200c ]?های?{SP}(?P<dec>[0-9]{{1,3}}0){NR}{cal}(?!{OSP}(?:تا|{DASH}|الی))")),
        Rule("fa_num_ymd2", "date", _c(
            rf"{pre}{NL}(?P<y1>[3-9][0-9])(?P<s1>[./])(?P<m1>1[0-2]|0?[1-9])(?P=s1)"
            rf"(?P<d1>3[01]|[12][0-9]|0?[1-9]){NR}")),
        Rule("fa_decade_word", "decade", _c(
            rf"{pre}{WL}دهه(?:[\u200c ]?ی)?{SP}(?P<decw>بیست|سی|چهل|پنجاه|شصت|هفتاد|هشتاد|نود){FA_WR}{cal}")),
        Rule("fa_decade", "decade", _c(rf"{pre}{WL}(?:دهه(?:[\u200c ]?ی)?{SP})(?P<dec>[0-9]{{1,3}}0){NR}{cal}")),
        Rule("fa_century", "century", _c(
            rf"{pre}{WL}(?:قرن|سده)(?:[\u200c ]?ی)?{SP}(?P<c1>[0-9]{{1,2}}(?:{OSP}(?:ام|م)(?![\w]))?|"
            rf"(?:{FA_ORDINAL_RE}){FA_WR})"
            rf"(?:{OSP}(?:تا|{DASH}){OSP}(?:قرن{SP}|سده{SP})?(?P<c2>[0-9]{{1,2}}|(?:{FA_ORDINAL_RE}){FA_WR}))?"
            rf"{cal}")),
    ]
    rules += numeric_rules("fa", pre, cal, fa=True, mon=rf"(?P<m1>{FA_MONTH})")
    rules += periods.fa_rules(mon, pre, wdp, sal, y, cal)
    num = (r"(?:[0-9]{1,4}|یک|دو|سه|چهار|پنج|شش|هفت|هشت|نه|ده|یازده|دوازده|سیزده|چهارده|پانزده|"
           r"شانزده|هفده|هجده|نوزده|بیست|سی|چهل|پنجاه|شصت|هفتاد|هشتاد|نود|صد|چند|چندین|نیم)")
    unit = r"(?:سال|ماه|روز|هفته|قرن|دهه|سده|ساعت|دقیقه|ثانیه|شب|هزاره)"
    rel = (
        rf"امروز|دیروز|فردا|پریروز|پس{SP}فردا|امسال|پارسال|امشب|دیشب|"
        rf"(?:سال|ماه|هفته|روز|قرن|دهه|شب)(?:[\u200c ]?های)?{SP}(?:گذشته|جاری|آینده|قبل|بعد|پیش|اخیر|"
        rf"آتی|بعدی|نخست|اول){FA_WR}|"
        rf"(?:این|همین){SP}(?:سال|ماه|هفته)|آخر{SP}هفته|"
        rf"(?:صبح|عصر|شب|ظهر|غروب){SP}(?:روز{SP})?(?:{wd}|امروز|دیروز|فردا)|"
        rf"روز{SP}(?:{wd})|(?:{wd}){SP}(?:گذشته|آینده)"
    )
    rules += [
        Rule("fa_rel", "rel", _c(rf"{pre}{WL}(?P<rel>{rel}){FA_WR}")),
        Rule("fa_ago", "rel", _c(rf"{pre}{WL}(?P<rel>{num}{SP}{unit}{SP}(?:پیش|قبل|بعد|اخیر|گذشته|آینده)){FA_WR}")),
        Rule("fa_dur", "dur", _c(rf"{WL}(?P<rel>(?:(?:به{SP})?مدت{SP}|طی{SP}|پس{SP}از{SP}|بعد{SP}از{SP}|"
                                 rf"در{SP}|حدود{SP}|بیش{SP}از{SP}|کمتر{SP}از{SP})?{num}{SP}"
                                 rf"(?:{unit}|سالگی)(?:{SP}و{SP}{num}{SP}{unit})?){FA_WR}")),
    ]
    return rules


# ====================================================================== English
def _en() -> list[Rule]:
    mon = lambda n: rf"\b(?P<m{n}>{EN_MONTH})(?![a-z])"
    dord = r"(?:st|nd|rd|th)?"
    day = lambda n: rf"{NL}(?P<d{n}>3[01]|[12][0-9]|0?[1-9]){dord}(?![0-9a-z])"
    mod = r"(?:\b(?:the{SP})?(?:early|mid|late|middle{SP}of{SP}the|end{SP}of{SP}the)[-\s]{1,2})?".replace("{SP}", SP)
    bc = rf"(?:{SP}(?P<bc>BC|B\.C\.|BCE|B\.C\.E\.))?"
    rules = [
        Rule("en_mdy", "date", _c(rf"{mon(1)}{SP}{day(1)},?{SP}{Y4(1)}")),
        Rule("en_dmy", "date", _c(rf"{day(1)}(?:{SP}of)?{SP}{mon(1)},?{SP}{Y4(1)}")),
        Rule("en_md_range", "date", _c(rf"{mon(2)}{SP}{day(1)}{RD}{day(2)},?(?:{SP}{Y4(2)})?")),
        Rule("en_dm_range", "date", _c(rf"{day(1)}{RD}{day(2)}{SP}{mon(2)},?(?:{SP}{Y4(2)})?")),
        Rule("en_fromto_d", "date", _c(
            rf"\b(?:from|between){SP}(?:{mon(1)}{SP}{day(1)}|{day(1)}(?:{SP}{mon(1)})?),?(?:{SP}{Y4(1)})?"
            rf"{SP}(?:to|until|till|and|through){SP}(?:{mon(2)}{SP}{day(2)}|{day(2)}{SP}{mon(2)}),?(?:{SP}{Y4(2)})?")),
        Rule("en_fromto_m", "date", _c(
            rf"\b(?:from|between){SP}{mon(1)}(?:{SP}{Y4(1)})?{SP}(?:to|until|till|and|through){SP}"
            rf"{mon(2)}(?:{SP}{Y4(2)})?")),
        Rule("en_md", "date", _c(rf"{mon(1)}{SP}{day(1)}(?!,?{SP}[0-9])")),
        Rule("en_dm", "date", _c(rf"{day(1)}(?:{SP}of)?{SP}{mon(1)}")),
        Rule("en_my", "date", _c(rf"{mod}{mon(1)},?{SP}(?:of{SP})?{Y4(1)}")),
        Rule("en_y_range", "date", _c(
            rf"(?:\b(?:from|between){SP})?{Y4(1)}(?:{RD}|{SP}(?:to|until|till|and|through){SP})"
            rf"(?:{Y4(2)}|(?P<y2d>[0-9]{{2}}){NR}){bc}")),
        Rule("en_y", "date", _c(rf"(?:\b(?:the{SP})?year{SP}|\b(?:(?:early|late|mid){SP})?(?:spring|summer|"
                                rf"autumn|fall|winter)(?:{SP}of)?{SP})?(?<![0-9][-–—])(?<![0-9][-–—] ){Y4(1)}{bc}(?![\w])(?!{OSP}%|{SP}(?:people|"
                                rf"dollars|persons|km|kg|tons|m|times|units|copies|cases|years|patients|"
                                rf"employees|pages|beds|million|thousand)\b)")),
        Rule("en_decade", "decade", _c(rf"{mod}(?:\bthe{SP})?{mod}{NL}(?P<dec>[0-9]{{2,3}}0)'?s(?![\w])")),
        Rule("en_decade2", "decade", _c(rf"{mod}(?:\bthe{SP})?{mod}'(?P<dec>[0-9]0)s(?![\w])")),
        Rule("en_century", "century", _c(
            rf"{mod}(?:\bthe{SP})?{mod}(?P<c1>[0-9]{{1,2}}(?:st|nd|rd|th)|(?:{EN_ORDINAL_RE}))"
            rf"(?:{RD}(?:and{SP})?(?P<c2>[0-9]{{1,2}}(?:st|nd|rd|th)|(?:{EN_ORDINAL_RE})))?"
            rf"(?:-|{SP})centur(?:y|ies)(?![\w]){bc}")),
    ]
    rules += numeric_rules("en", "", "", mon=rf"(?P<m1>{EN_MONTH})")
    rules += periods.en_rules(mon)
    wd = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    num = (r"(?:[0-9]{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
           r"fifteen|twenty|thirty|forty|fifty|a{SP}few|several|many)").replace("{SP}", SP)
    unit = r"(?:days?|weeks?|months?|years?|decades?|centuries|century)"
    rel = (rf"yesterday|today|tomorrow|tonight|(?:last|this|next|past|coming){SP}(?:year|month|week|"
           rf"decade|century|weekend|spring|summer|autumn|fall|winter|{wd})|"
           rf"(?:(?:on|last|next|this){SP})?(?:{wd})|{num}{SP}{unit}{SP}(?:ago|later|earlier)|"
           rf"the{SP}(?:previous|following|next){SP}(?:year|month|week|day)|"
           rf"(?:currently|nowadays|recently)")
    rules += [Rule("en_rel", "rel", _c(rf"\b(?P<rel>{rel})(?![\w])")),
              Rule("en_dur", "dur", _c(rf"\b(?P<rel>(?:for|over|during|within){SP}(?:the{SP}(?:past|last|next){SP})?"
                                       rf"{num}{SP}{unit})(?![\w])"))]
    return rules


_BUILDERS = {"ru": _ru, "az": _az, "fa": _fa, "en": _en}

# Every rule's match contains a digit or a word starting with one of these stems, so only
# text around them is scanned by the (many, slower) rules. Over-triggering only costs time.
_TRIGGER_STEMS = {
    "ru": r"январ|феврал|март|апрел|ма[йяюе]|июн|июл|август|сентябр|октябр|ноябр|декабр|янв|фев|мар|"
          r"апр|авг|сен|окт|ноя|дек|год|лет|дн|ден|сут|недел|месяц|век|десятилет|квартал|полугод|"
          r"сегодня|вчера|завтра|выходн|понедельник|вторник|сред|четверг|пятниц|суббот|воскресен|"
          r"еже|сезон|врем",
    "az": r"yanvar|fevral|mart|aprel|may|iyun|iyul|avqust|sentyabr|oktyabr|noyabr|dekabr|il|əsr|"
          r"yüzil|gün|ay|həftə|hazır|indi|dünən|srağagün|cari|bazar|çərşənbə|cümə|şənbə",
    "fa": r"سال|ماه|روز|هفته|قرن|سده|دهه|ساعت|دقیقه|ثانیه|شب|هزاره|امروز|دیروز|فردا|امسال|"
          r"پارسال|جمعه|" + FA_MONTH,
    "en": r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|centur|day|week|month|year|decade|"
          r"yesterday|today|tomorrow|tonight|monday|tuesday|wednesday|thursday|friday|saturday|"
          r"sunday|weekend|currently|nowadays|recently|spring|summer|autumn|fall|winter",
}
_TRIGGERS: dict[str, re.Pattern] = {}


def trigger_for(lang: str) -> re.Pattern:
    """One fast regex whose hits mark where date expressions can be."""
    lang = lang if lang in _TRIGGER_STEMS else "en"
    if lang not in _TRIGGERS:
        _TRIGGERS[lang] = re.compile(rf"[0-9]+|{WL}(?:{_TRIGGER_STEMS[lang]})", FLAGS)
    return _TRIGGERS[lang]
_CACHE: dict[str, list[Rule]] = {}


def rules_for(lang: str) -> list[Rule]:
    """The compiled rules of one language (built once per process)."""
    if lang not in _BUILDERS:
        lang = "en"
    if lang not in _CACHE:
        _CACHE[lang] = _BUILDERS[lang]()
    return _CACHE[lang]
