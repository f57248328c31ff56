"""The demo school's internships in words and numbers: its own units as the 2013 summary names
them, the posts of each major, what the units produce, the works the construction classes built,
and the journals the interns wrote."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from qingshan.internships.enums import LegalStatus, UnitKind, WorksKind

CENT = Decimal("0.01")
POST_START, POST_END = dt.date(2013, 3, 1), dt.date(2013, 8, 31)
VISIT_START, VISIT_END = dt.date(2013, 10, 14), dt.date(2013, 10, 18)

# (name, kind, area in mu, legal status, staff at work, founded)
OWN_UNITS = (
    ("学校农场", UnitKind.FARM, 300, LegalStatus.LEGAL_PERSON, 36, 1986),
    ("学校苗圃", UnitKind.NURSERY, 150, LegalStatus.LEGAL_PERSON, 22, 2001),
    ("苹果园", UnitKind.ORCHARD, 60, LegalStatus.NON_LEGAL_PERSON, 12, 1988),
    ("梨园", UnitKind.ORCHARD, 40, LegalStatus.NON_LEGAL_PERSON, 8, 1990),
    ("茶园", UnitKind.ORCHARD, 30, LegalStatus.UNREGISTERED, 6, 2004),
    ("养猪场", UnitKind.FARM, None, LegalStatus.NON_LEGAL_PERSON, 10, 1991),
    ("养鸡场", UnitKind.FARM, None, LegalStatus.NON_LEGAL_PERSON, 8, 1993),
    ("食用菌基地", UnitKind.FARM, None, LegalStatus.UNREGISTERED, 5, 2008),
    ("家电维修厂", UnitKind.FACTORY, None, LegalStatus.LEGAL_PERSON, 25, 1998),
    ("电子装配厂", UnitKind.FACTORY, None, LegalStatus.LEGAL_PERSON, 60, 2002),
    ("预制构件厂", UnitKind.FACTORY, None, LegalStatus.LEGAL_PERSON, 30, 1996),
    ("饲料加工厂", UnitKind.FACTORY, None, LegalStatus.NON_LEGAL_PERSON, 12, 1994),
    ("农产品加工厂", UnitKind.FACTORY, None, LegalStatus.NON_LEGAL_PERSON, 15, 2006),
    ("印刷厂", UnitKind.FACTORY, None, LegalStatus.UNREGISTERED, 6, 2009),
    ("农资门市", UnitKind.SHOP, None, LegalStatus.NON_LEGAL_PERSON, 6, 1997),
    ("家电门市", UnitKind.SHOP, None, LegalStatus.NON_LEGAL_PERSON, 5, 1999),
    ("电脑门市", UnitKind.SHOP, None, LegalStatus.NON_LEGAL_PERSON, 5, 2006),
    ("学生超市", UnitKind.SHOP, None, LegalStatus.UNREGISTERED, 8, 2003),
    ("苗木花卉门市", UnitKind.SHOP, None, LegalStatus.NON_LEGAL_PERSON, 4, 2005),
    ("旅游服务部", UnitKind.SHOP, None, LegalStatus.NON_LEGAL_PERSON, 6, 2008),
    ("校园建设工程队", UnitKind.WORKS, None, LegalStatus.NON_LEGAL_PERSON, 18, 1995),
)
# The own unit each major's post interns go to, with the post; the rest go to partner companies.
MAJOR_POSTS = {
    "果树栽培": ("苹果园", "果树管理"),
    "畜禽生产与疾病防治": ("养猪场", "饲养员"),
    "园林苗圃": ("学校苗圃", "育苗工"),
    "现代农艺技术": ("学校农场", "大田管理"),
    "家用电器维修": ("家电维修厂", "维修工"),
    "建筑工程施工": ("预制构件厂", "施工员"),
    "电子技术应用": ("电子装配厂", "装配工"),
    "计算机应用": ("电脑门市", "电脑维护"),
    "旅游服务与管理": ("旅游服务部", "导游助理"),
}
COMPANY_POSTS = {
    "电子技术应用": "电子装配",
    "计算机应用": "网络维护",
    "家用电器维修": "售后维修",
    "建筑工程施工": "施工员",
    "旅游服务与管理": "前台接待",
}
# (unit, output, quantity per quarter, measure, plot, crop, revenue per quarter in yuan)
OUTPUTS = (
    ("学校农场", "玉米", 60000, "公斤", "一号地", "玉米", 120000),
    ("学校农场", "小麦", 45000, "公斤", "二号地", "小麦", 99000),
    ("学校苗圃", "果树苗", 80000, "株", "苗圃东区", "苹果苗", 160000),
    ("苹果园", "苹果", 42000, "公斤", "", "苹果", 126000),
    ("梨园", "梨", 30000, "公斤", "", "雪梨", 72000),
    ("养猪场", "生猪", 150, "头", "", "", 240000),
    ("家电维修厂", "维修家电", 900, "台", "", "", 54000),
    ("电子装配厂", "电子组件", 12000, "件", "", "", 96000),
    ("预制构件厂", "预制板", 2400, "块", "", "", 84000),
    ("学生超市", "商品销售", 1, "批", "", "", 150000),
)
# (title, kind, size, start, finish, major of the classes that built it, student days, value)
WORKS = (
    (
        "校园环路",
        WorksKind.ROAD,
        "1.6公里",
        dt.date(2013, 3, 4),
        dt.date(2013, 6, 28),
        "建筑工程施工",
        2600,
        380000,
    ),
    (
        "果园排灌沟渠",
        WorksKind.DITCH,
        "2.4公里",
        dt.date(2013, 3, 18),
        dt.date(2013, 5, 31),
        "建筑工程施工",
        1400,
        120000,
    ),
    (
        "学校运动场",
        WorksKind.SPORTS_FIELD,
        "8000平方米",
        dt.date(2013, 4, 8),
        dt.date(2013, 11, 29),
        "建筑工程施工",
        3200,
        520000,
    ),
    ("实训楼", WorksKind.BUILDING, "3200平方米", dt.date(2013, 9, 2), None, "建筑工程施工", 900, 0),
)
QUARTERS = (
    (dt.date(2013, 1, 1), dt.date(2013, 3, 31)),
    (dt.date(2013, 4, 1), dt.date(2013, 6, 30)),
    (dt.date(2013, 7, 1), dt.date(2013, 9, 30)),
    (dt.date(2013, 10, 1), dt.date(2013, 12, 31)),
)
LOGGED_MAJORS = ("果树栽培", "园林苗圃")  # whose interns logged every week on their phones
INSURER = "中国人民财产保险股份有限公司通江支公司"

JOURNALS = (
    "本周在指导老师带领下完成了修剪和施肥，学会了判断枝条的长势。",
    "本周主要是嫁接练习，成活率比上周提高了，还要多练手法。",
    "跟着师傅做病虫害防治，认识了三种常见病害，记录了用药方法。",
    "本周学习育苗床的管理，每天记录温度和湿度，体会到细心的重要。",
    "参与了果园灌溉沟的清理，学会了测量坡度，和同学配合得很好。",
)
