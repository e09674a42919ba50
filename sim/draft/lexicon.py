"""Indicators that county five-year plans and work reports commonly use.

Each entry has a stable id (the ids of ``sim/data/ganzhou.toml`` where the indicator is
there, so two districts' drafts use the same id for the same thing), Chinese and English
names, the unit the genre writes it in, a policy area, how it moves in the engine, and
the synonyms reports use. Matching works on :func:`normalise`-d text, so 规模以上 and 规上,
第一产业 and 一产, quotation marks and spaces make no difference.

An indicator not in the lexicon keeps a generated id (:func:`generated_id`) and is marked
for review.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass


@dataclass(frozen=True)
class Entry:
    """One indicator of the lexicon.

    Attributes
    ----------
    id, name_zh, name_en : str
    unit : str
        Unit the indicator is kept in (values written in 万人 are converted to 人 …).
    area : str
        One of the plan format's areas.
    dynamic : str
        ``compound``, ``additive``, ``points`` or ``flow``.
    price_basis : str
        ``real``, ``nominal`` or empty: the genre's convention for its growth rates.
    lower_better : bool
        True where a level target means a cap (PM2.5, water use, energy intensity).
    synonyms : tuple of str
        Normalised names the reports use, the Chinese name first.
    parts : tuple of str
        Ids this indicator is the sum of (奶肉牛 = 奶牛 + 肉牛), if any.
    """

    id: str
    name_zh: str
    name_en: str
    unit: str
    area: str
    dynamic: str
    price_basis: str
    lower_better: bool
    synonyms: tuple[str, ...]
    parts: tuple[str, ...] = ()


# id | 中文名 | English | unit | area | dynamic | price | lower-better | synonyms (besides the name)
_TABLE = """
gdp|地区生产总值|Gross regional product|亿元|economy|compound|real||生产总值;GDP;经济总量
gdp_per_capita|人均地区生产总值|Per-capita gross regional product|元|economy|compound|nominal||人均生产总值;人均GDP
primary_va|一产增加值|Value added, primary sector|亿元|economy|compound|real||一产业增加值
secondary_va|二产增加值|Value added, secondary sector|亿元|economy|compound|real||二产业增加值
tertiary_va|三产增加值|Value added, tertiary sector|亿元|economy|compound|real||三产业增加值;服务业增加值
secondary_share|二产比重|Secondary sector share of GRP|%|economy|points|||二产占比;二产业比重;二产增加值比重;二产增加值占比
tertiary_share|三产比重|Tertiary sector share of GRP|%|economy|points|||三产占比;三产增加值占比;三产增加值比重;服务业增加值比重;服务业增加值占比
fixed_asset_investment|固定资产投资|Fixed-asset investment|亿元|economy|compound|nominal||全社会固定资产投资;固定资产投资额
industrial_fai|工业固定资产投资|Industrial fixed-asset investment|亿元|industry|compound|nominal||工业投资
public_budget_revenue|一般公共预算收入|General public budget revenue|亿元|economy|compound|nominal||地方一般公共预算收入;一般预算收入;公共财政预算收入
tax_revenue|税收收入|Tax revenue|亿元|economy|compound|nominal||税收
foreign_trade|外贸进出口总额|Foreign trade (imports + exports)|亿元|economy|compound|nominal||进出口总额;外贸进出口;进出口贸易总额
foreign_investment|实际利用外资|Foreign direct investment actually used|万美元|economy|compound|nominal||实际使用外资
out_of_province_funds|省外到位资金|Funds from outside the province actually received|亿元|economy|compound|nominal||招商引资到位资金;引进省外到位资金
market_entities|市场主体|Registered market entities (firms and self-employed)|万户|economy|compound|||
retail_sales|社会消费品零售总额|Total retail sales of consumer goods|亿元|consumption|compound|nominal||社零总额;社会消费品零售额
industrial_va|规上工业增加值|Value added of industry above designated size|亿元|industry|compound|real||规上工业企业增加值
industrial_enterprises|规上工业企业|Industrial enterprises above designated size|户|industry|additive|||规上工业企业数
high_tech_firms|高新技术企业|High-tech enterprises|家|industry|additive|||国家高新技术企业
provincial_tech_smes|省级科技创新型企业|Provincial science-and-technology innovative enterprises|家|industry|additive|||科技创新型企业
rd_intensity|研发经费投入强度|R&D spending as a share of GRP|%|industry|points|||R&D经费投入强度;研究与试验发展经费投入强度;全社会研发经费投入强度
agri_processing_rate|农产品加工转化率|Agricultural product processing conversion rate|%|industry|points|||农产品加工率
new_materials_chain|新材料产业链产值|New-materials industry chain output|亿元|industry|compound|||新材料产业产值
advanced_mfg_chain|先进制造产业链产值|Advanced-manufacturing industry chain output|亿元|industry|compound|||先进制造业产业链产值;现代制造产业链产值
materials_mfg_chain|新材料与现代制造产业链产值|New materials and modern manufacturing, whole-chain output|亿元|industry|compound|||新材料与先进制造产业链产值
pharma_chem_chain|医药化工产业链产值|Pharmaceutical and chemical industry chain output|亿元|industry|compound|||医药化工产业产值
seed_chain|玉米制种全产业链产值|Maize seed production, whole-chain output|亿元|agriculture|compound|||玉米制种产业链产值;制种产业链产值
energy_capacity|综合能源装机规模|Total installed energy (generating) capacity|万千瓦|energy|additive|||综合能源装机;电力总装机;电力装机规模;电力装机容量;电源装机规模;总装机容量;能源装机规模
new_energy_capacity|新能源并网装机规模|Grid-connected new-energy (wind + solar) capacity|万千瓦|energy|additive|||新能源装机规模;新能源并网装机;新能源装机;新能源装机容量;新能源并网规模
storage_capacity|储能装机规模|Installed energy-storage capacity|万千瓦|energy|additive|||储能装机;新型储能装机规模;新型储能装机;储能规模
nonfossil_share|非化石能源消费比重|Share of non-fossil energy in energy use|%|energy|points|||非化石能源占能源消费总量比重
coal_output|原煤产量|Raw coal output|万吨|energy|additive|||煤炭产量
power_generation|发电量|Electricity generated|亿千瓦时|energy|compound|||年发电量
energy_intensity|单位GDP能耗|Energy use per unit of GRP|吨标准煤/万元|energy|compound||1|单位地区生产总值能耗;单位生产总值能耗;单位地区生产总值能源消耗;单位GDP能源消耗;万元GDP能耗;万元地区生产总值能耗
carbon_intensity|单位GDP二氧化碳排放|CO2 emissions per unit of GRP|吨/万元|energy|compound||1|单位地区生产总值二氧化碳排放;单位生产总值二氧化碳排放
agri_output|农林牧渔业总产值|Gross output of farming, forestry, animal husbandry and fishery|亿元|agriculture|compound|real||农林牧渔业产值;农业总产值
grain_area|粮食播种面积|Grain sown area|万亩|agriculture|additive|||粮食种植面积
grain_output|粮食产量|Grain output|万吨|agriculture|additive|||粮食总产量;粮食总产
vegetable_area|蔬菜种植面积|Vegetable planted area|万亩|agriculture|additive|||蔬菜面积;蔬菜播种面积
seed_area|制种面积|(Maize) seed production area|万亩|agriculture|additive|||玉米制种面积;制种基地面积
organic_area|有机农业面积|Organic farming area|万亩|agriculture|additive|||有机农业种植面积
farmland_high_standard|高标准农田|High-standard farmland (cumulative area)|万亩|agriculture|additive|||高标准农田面积
livestock_stock|畜禽饲养量|Livestock and poultry stock|万头只|agriculture|compound|||畜禽存栏
dairy_cattle|奶牛饲养量|Dairy cattle stock|万头|agriculture|compound|||奶牛存栏
beef_cattle|肉牛饲养量|Beef cattle stock|万头|agriculture|compound|||肉牛存栏
dairy_beef_cattle|奶肉牛饲养量|Dairy and beef cattle stock|万头|agriculture|compound|||奶肉牛存栏
quality_brands|三品一标农产品|Certified 'three products, one label' farm products|个|agriculture|additive|||三品一标产品
forest_grass_coverage|林草覆盖率|Forest and grass cover rate|%|ecology|points|||林草植被覆盖率
forest_coverage|林木覆盖率|Forest (tree) cover rate|%|ecology|points|||
forest_cover|森林覆盖率|Forest cover rate|%|ecology|points|||
forest_stock|森林蓄积量|Forest stock volume|万立方米|ecology|additive|||
built_up_green_ratio|城市建成区绿化率|Green-space ratio of the built-up urban area|%|ecology|points|||建成区绿化率;建成区绿化覆盖率;城市建成区绿化覆盖率
grassland_vegetation|草原综合植被盖度|Grassland comprehensive vegetation cover|%|ecology|points|||草原植被盖度;草原综合植被覆盖度
good_air_days|优良天数比例|Share of days with good air quality|%|ecology|points|||空气质量优良天数比例;空气质量优良天数比率;优良天数比率;空气优良天数比例;空气质量优良率;空气优良率
pm25|PM2.5浓度|PM2.5 concentration (annual mean)|微克/立方米|ecology|additive||1|PM2.5平均浓度;PM2.5年均浓度;细颗粒物浓度;细颗粒物(PM2.5)浓度;细颗粒物(PM2.5)平均浓度
waste_recycling|生活垃圾资源化利用率|Household waste resource-utilisation rate|%|ecology|points|||城市生活垃圾资源化利用率
waste_recovery_rate|生活垃圾回收利用率|Household waste recycling rate|%|ecology|points|||垃圾回收利用率
waste_harmless_rate|生活垃圾无害化处理率|Household waste harmless-treatment rate|%|ecology|points|||无害化处理率
straw_use_rate|秸秆综合利用率|Crop straw utilisation rate|%|ecology|points|||
water_quality_share|地表水优良水体比例|Share of surface water of good quality|%|water|points|||地表水水质优良比例;地表水达到或好于Ⅲ类水体比例;国控断面水质优良比例;地表水国控断面水质优良比例
reclaimed_water|再生水利用率|Reclaimed water utilisation rate|%|water|points|||
water_use|用水总量|Total water use|亿立方米|water|additive||1|年用水总量
water_per_gdp|万元GDP用水量|Water use per 10,000 yuan of GRP|立方米|water|compound||1|万元地区生产总值用水量;单位GDP用水量
water_per_industry|万元工业增加值用水量|Water use per 10,000 yuan of industrial value added|立方米|water|compound||1|工业增加值用水量
leak_rate|公共供水管网漏损率|Leakage rate of the public water-supply network|%|water|points||1|供水管网漏损率;管网漏损率
industrial_water_reuse|工业用水重复利用率|Industrial water reuse rate|%|water|points|||
visitors|游客接待人次|Tourist arrivals|万人次|tourism|compound|||接待游客;游客接待量;游客人次;接待游客人次;旅游接待人次;接待国内外游客;游客接待
tourism_spending|旅游花费|Tourist spending|亿元|tourism|compound|nominal||旅游收入;旅游综合收入;旅游总收入;游客花费;旅游总花费
urban_income|城镇居民人均可支配收入|Per-capita disposable income, urban residents|元|livelihood|compound|nominal||城镇常住居民人均可支配收入;城镇居民收入
rural_income|农村居民人均可支配收入|Per-capita disposable income, rural residents|元|livelihood|compound|nominal||农村常住居民人均可支配收入;农民人均可支配收入;农牧民人均可支配收入;农村居民收入
resident_income|居民人均可支配收入|Per-capita disposable income, all residents|元|livelihood|compound|nominal||全体居民人均可支配收入
urban_new_jobs|城镇新增就业|New urban jobs|人|livelihood|flow|||新增城镇就业;城镇新增就业人数;新增城镇就业人数
unemployment_rate|城镇登记失业率|Registered urban unemployment rate|%|livelihood|points||1|
surveyed_unemployment|城镇调查失业率|Surveyed urban unemployment rate|%|livelihood|points||1|
labour_export|输转富余劳动力|Surplus rural labour placed in outside work|万人|livelihood|compound|||输转城乡富余劳动力;输转劳动力;劳务输转;输转农村劳动力;农村劳动力转移就业;转移农村劳动力
labour_income|劳务收入|Labour-export earnings|亿元|livelihood|compound|||劳务收入总额;创劳务收入
urbanisation|常住人口城镇化率|Urbanisation rate of the resident population|%|livelihood|points|||城镇化率
registered_urbanisation|户籍人口城镇化率|Urbanisation rate of the registered population|%|livelihood|points|||
population|常住人口|Resident population|万人|livelihood|compound|||
life_expectancy|人均预期寿命|Life expectancy at birth|岁|livelihood|additive|||
childcare_places|每千人口托位数|Childcare places per 1,000 people|个|livelihood|additive|||每千人口拥有3岁以下婴幼儿托位数
doctors_per_1000|每千人口执业(助理)医师数|Licensed (assistant) doctors per 1,000 people|人|livelihood|additive|||每千人口执业医师数;每千人口拥有执业(助理)医师数
preschool_enrolment|学前毛入园率|Gross preschool enrolment rate|%|livelihood|points|||学前教育毛入园率;学前三年毛入园率
compulsory_retention|义务教育巩固率|Compulsory education retention rate|%|livelihood|points|||九年义务教育巩固率
high_school_enrolment|高中阶段毛入学率|Gross upper-secondary enrolment rate|%|livelihood|points|||高中阶段教育毛入学率
cpi_inflation|居民消费价格涨幅|Consumer price inflation|%|livelihood|points||1|居民消费价格指数涨幅;CPI涨幅;物价涨幅;居民消费价格
pension_coverage|基本养老保险参保率|Basic pension insurance coverage|%|livelihood|points|||
"""

#: Compressed pairs the genre writes as one noun: 城乡居民收入 = 城镇居民 + 农村居民.
PAIRS: dict[str, tuple[str, str]] = {
    "城乡居民": ("城镇居民", "农村居民"),
    "奶肉牛": ("奶牛", "肉牛"),
    "城乡": ("城镇", "农村"),
    "中小学": ("中学", "小学"),
}

#: Nouns that name a measure but not its subject: the subject comes from the sentence.
GENERIC = ("产业链产值", "产值", "总产值", "营业收入", "营收", "增加值", "总产量", "产量")

_PARTS = {"dairy_beef_cattle": ("dairy_cattle", "beef_cattle")}


#: 占地区生产总值比重 / 占GDP的比例: the share of GRP the lexicon's ``…比重`` names mean.
_SHARE_OF_GRP = re.compile(r"占(?:地区生产总值|生产总值|GDP)的?(?:比重|比例)")


def normalise(text: str) -> str:
    """Text as the lexicon compares it: no quotes or spaces, 规模以上 → 规上, 第一产业 → 一产 …"""
    text = re.sub(r"[“”\"‘’'《》〈〉\s]", "", text)
    text = text.replace("（", "(").replace("）", ")")
    for long, short in (("规模以上", "规上"), ("第一产业", "一产"), ("第二产业", "二产"),
                        ("第三产业", "三产"), ("全产业链", "产业链"), ("产业产业链", "产业链"),
                        ("农村牧区", "农村")):
        text = text.replace(long, short)
    return text


def _load() -> tuple[Entry, ...]:
    entries = []
    for line in _TABLE.strip().splitlines():
        ind, zh, en, unit, area, dynamic, price, lower, syn = line.split("|")
        names = (normalise(zh), *(normalise(s) for s in syn.split(";") if s))
        entries.append(Entry(ind, zh, en, unit, area, dynamic, price, bool(lower), names, _PARTS.get(ind, ())))
    return tuple(entries)


ENTRIES: tuple[Entry, ...] = _load()
BY_ID: dict[str, Entry] = {e.id: e for e in ENTRIES}
_SYNONYMS: list[tuple[str, Entry]] = sorted(((s, e) for e in ENTRIES for s in e.synonyms),
                                            key=lambda item: -len(item[0]))
PART_OF: dict[str, str] = {part: e.id for e in ENTRIES for part in e.parts}


@dataclass(frozen=True)
class Match:
    """Where a lexicon name was found in a (normalised) text."""

    entry: Entry
    synonym: str
    start: int
    end: int
    size: int  # length of the text searched, as matched: the name ends it when end == size

    @property
    def ends(self) -> bool:
        """True if the name is the last thing in the text searched."""
        return self.end == self.size


def _matchable(text: str) -> str:
    # 服务业增加值占地区生产总值比重 is the lexicon's 服务业增加值比重 (a share of GRP).
    return _SHARE_OF_GRP.sub("比重", normalise(text))


def find(text: str) -> Match | None:
    """The lexicon indicator named in ``text``: the one ending last, the longest name first.

    The name nearest the number is the one the number belongs to (完成工业固定资产投资73亿元
    names 工业固定资产投资, not 固定资产投资).
    """
    norm = _matchable(text)
    best: Match | None = None
    for syn, entry in _SYNONYMS:
        pos = norm.rfind(syn)
        if pos < 0:
            continue
        cand = Match(entry, syn, pos, pos + len(syn), len(norm))
        if best is None or cand.end > best.end or (cand.end == best.end and cand.start < best.start):
            best = cand
    return best


def names_in(text: str) -> list[str]:
    """Lexicon names occurring in (already normalised) ``text``, longest first."""
    return [syn for syn, _ in _SYNONYMS if syn in text]


def exact(text: str) -> Entry | None:
    """The entry whose synonym is exactly ``text`` (normalised), if any."""
    norm = _matchable(text)
    for syn, entry in _SYNONYMS:
        if syn == norm:
            return entry
    return None


def has_combined(pair_key: str) -> bool:
    """True if some lexicon name contains ``pair_key`` (奶肉牛饲养量): then it is not split."""
    return any(pair_key in syn for syn, _ in _SYNONYMS)


def generated_id(name: str) -> str:
    """A stable ASCII id for an indicator outside the lexicon (same name, same id)."""
    return f"x_{zlib.crc32(normalise(name).encode('utf-8')):08x}"
