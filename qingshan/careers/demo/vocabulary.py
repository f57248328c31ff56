"""What the parts of the careers demo share: the demo's present, the majors, the partner
enterprises and the employers graduates found themselves, and the records under construction."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from qingshan.careers.enums import Region
from qingshan.careers.models import Agreement, Destination, Enterprise, FollowUp
from qingshan.core.models import School
from qingshan.organization.models import Student

TODAY = dt.date(2013, 12, 31)  # the demo's present
MAJORS = {
    "电": "电子技术应用",
    "家": "家用电器维修",
    "计": "计算机应用",
    "建": "建筑工程施工",
    "旅": "旅游服务与管理",
    "果": "果树栽培",
    "畜": "畜禽生产与疾病防治",
    "园": "园林苗圃",
    "农": "现代农艺技术",
}
JOBS = {
    "电": "电子装配技术员",
    "家": "家电售后维修工",
    "计": "网络管理员",
    "建": "施工员",
    "旅": "酒店前厅服务员",
    "果": "农业技术员",
    "畜": "养殖技术员",
    "园": "园林绿化工",
    "农": "农业技术员",
}


class Firm(NamedTuple):
    name: str
    province: str
    city: str
    sector: str
    majors: str  # keys of MAJORS
    short: str = ""
    code: str = ""  # the region code in the credit code
    area: str = ""  # the telephone area code
    size: str = ""
    places: int = 0  # a year
    since: int = 0  # partners since

    @classmethod
    def parse(cls, table: str) -> list[Firm]:
        rows = [line.split() for line in table.strip().splitlines()]
        return [cls(*row[:9], *map(int, row[9:])) for row in rows]  # type: ignore[arg-type]


ENTERPRISES = Firm.parse("""
深圳富士康科技集团 广东省 深圳市 C 电家计 富士康 440306 0755 large 200 2005
苏州华硕科技有限公司 江苏省 苏州市 C 电计 华硕 320505 0512 large 150 2006
杭州华鼎电子科技有限公司 浙江省 杭州市 C 电家 华鼎 330108 0571 medium 60 2008
上海申美电器有限公司 上海市 上海市 C 家电 申美 310115 021 large 80 2007
昆山联创电子科技有限公司 江苏省 昆山市 C 电计 联创 320583 0512 large 100 2007
东莞市恒通精密五金有限公司 广东省 东莞市 C 电 恒通 441900 0769 medium 50 2009
佛山市顺德区美乐电器有限公司 广东省 佛山市 C 家 美乐 440606 0757 large 60 2008
广州市番禺区宏泰电子有限公司 广东省 广州市 C 电计 宏泰 440113 020 medium 40 2010
中山市明辉灯饰有限公司 广东省 中山市 C 电 明辉 442000 0760 medium 30 2011
东莞市顺达物流有限公司 广东省 东莞市 G 计旅 顺达 441900 0769 medium 30 2011
无锡宏源机电有限公司 江苏省 无锡市 C 电家 宏源 320211 0510 medium 40 2010
南京天成信息技术有限公司 江苏省 南京市 I 计 天成 320115 025 small 20 2012
常州市武进恒力电器有限公司 江苏省 常州市 C 家 恒力 320412 0519 medium 30 2012
宁波北仑方圆电器有限公司 浙江省 宁波市 C 家电 方圆 330206 0574 medium 40 2009
嘉兴绿洲苗木有限公司 浙江省 嘉兴市 A 园果农 绿洲 330402 0573 small 20 2010
杭州湖滨花园大酒店有限公司 浙江省 杭州市 H 旅 湖滨 330102 0571 medium 25 2009
上海申浦酒店管理有限公司 上海市 上海市 H 旅 申浦 310115 021 medium 20 2010
上海松江宏达精密机械有限公司 上海市 上海市 C 电建 宏达 310117 021 medium 30 2011
成都蓉信软件有限公司 四川省 成都市 I 计 蓉信 510107 028 small 20 2011
四川华川建设集团有限公司 四川省 成都市 E 建 华川 510104 028 large 60 2006
成都蜀景园林绿化工程有限公司 四川省 成都市 E 园 蜀景 510104 028 small 20 2007
四川巴山牧业有限公司 四川省 巴中市 A 畜农 巴山牧业 511902 0827 medium 40 2006
通江县秦巴银耳食品有限公司 四川省 巴中市 C 果农 秦巴银耳 511921 0827 small 20 2007
绵阳市锦程电子有限公司 四川省 绵阳市 C 电家 锦程 510703 0816 medium 40 2008
成都锦城大酒店有限公司 四川省 成都市 H 旅 锦城 510104 028 medium 30 2008
达州市宏远建筑工程有限公司 四川省 达州市 E 建 宏远 511702 0818 medium 30 2009
巴中市通达物流有限公司 四川省 巴中市 G 计 通达 511902 0827 small 15 2012
""")
EXPIRED = "宏泰"  # its agreement ran out in 2012 and was not renewed
RENEWING = {"华硕": dt.date(2014, 1, 15), "方圆": dt.date(2014, 2, 20)}  # due in early 2014
# Employers graduates found themselves ("-": no major in particular)
OWN_EMPLOYERS = Firm.parse("""
东莞市长安镇鑫达电子厂 广东省 东莞市 C 电家
深圳市宝安区鸿利五金制品厂 广东省 深圳市 C 电
苏州工业园区新达电子有限公司 江苏省 苏州市 C 电计
杭州萧山恒丰纺织有限公司 浙江省 杭州市 C -
上海嘉定汇通汽车配件有限公司 上海市 上海市 C 电
广州市白云区美佳服装厂 广东省 广州市 C -
重庆渝北长鑫摩托车配件厂 重庆市 重庆市 C 电
成都市新都区华美家具厂 四川省 成都市 C -
成都市金牛区家电维修服务部 四川省 成都市 O 家
成都市武侯区蜀香餐饮有限公司 四川省 成都市 H 旅
绵阳市涪城区联发物流有限公司 四川省 绵阳市 G 计
巴中市鑫源建筑劳务有限公司 四川省 巴中市 E 建
巴中市巴州区蓝天电脑城 四川省 巴中市 F 计
通江县兴隆农业开发有限公司 四川省 巴中市 A 果农园
通江县王坪生态养殖场 四川省 巴中市 A 畜
""")


def round_to(value: float, step: int = 50) -> int:
    return int(round(value / step) * step)


def region_of(firm: Firm) -> str:
    if firm.city == "巴中市":
        return Region.LOCAL
    return Region.PROVINCE if firm.province == "四川省" else Region.OTHER_PROVINCE


@dataclass
class Job:
    """A destination's fields (a follow-up's answer has the same ones), and the work's city."""

    kind: str
    employer: str = ""
    enterprise: Enterprise | None = None
    region: str = ""
    sector: str = ""
    matches_major: bool | None = None
    labour_contract: bool | None = None
    social_insurance: bool | None = None
    salary: int | None = None
    city: str = ""

    def write(self, record: Destination | FollowUp) -> None:
        for name, value in vars(self).items():
            if name != "city":
                setattr(record, name, value)


@dataclass
class Partner:
    firm: Firm
    enterprise: Enterprise
    agreements: list[Agreement] = field(default_factory=list)

    def in_force(self, day: dt.date) -> Agreement | None:
        return next((a for a in self.agreements if a.starts_on <= day <= a.ends_on), None)


class Graduate(NamedTuple):
    student: Student
    on: dt.date
    major: str  # a key of MAJORS; "" on the general track
    joint: bool  # of the 3+2 programme


def partners_for(
    partners: list[Partner], major: str, day: dt.date, *, fallback: bool = True
) -> list[Partner]:
    """Partners in force on ``day`` whose agreement covers ``major`` (or, with ``fallback``,
    when none does, those taking electronics graduates)."""
    found = [p for p in partners if major and major in p.firm.majors and p.in_force(day)]
    if found or not fallback:
        return found
    return [p for p in partners if "电" in p.firm.majors and p.in_force(day)]


def pick(rng: random.Random, partners: list[Partner]) -> Partner:
    return rng.choices(partners, weights=[p.firm.places for p in partners])[0]


class SchoolDemo:
    """One part of the demo: its school and the shared random generator."""

    def __init__(self, school: School, rng: random.Random) -> None:
        self.school, self.rng = school, rng

    def new(self, model: Any, **values: Any) -> Any:
        return model(school=self.school, **values)
