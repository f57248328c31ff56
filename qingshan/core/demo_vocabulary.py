"""What every app's demo shares: the demo school's address name, its county's region code and
townships, and generated Chinese names (common surnames and given-name characters)."""

from __future__ import annotations

import random

from qingshan.core.models import School

REGION_CODE = "511921"  # 四川省巴中市通江县
DEMO_SCHOOL_SLUG = "tongjiang-vocational"
TOWNSHIPS = (
    "诺江镇",
    "民胜镇",
    "广纳镇",
    "铁佛镇",
    "麻石镇",
    "至诚镇",
    "沙溪镇",
    "洪口镇",
    "陈河乡",
    "涪阳镇",
    "毛浴镇",
    "永安镇",
)


def demo_school() -> School | None:
    """The school of the seed, once the organisation's demo has built it."""
    return School.objects.filter(slug=DEMO_SCHOOL_SLUG).first()


SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡"
    "贾丁魏薛叶余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷"
    "钱汤尹黎易常武乔贺赖龚文向苟岳蒲"
)
MALE_CHARS = "伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘"
FEMALE_CHARS = "秀娟英华慧巧美娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝丽阳妮宝贝初程梵罡恒鸿桦骅剑娇纪宽苛灵玛媚琪晴容睿烁堂唯威韦雯苇萱阅彦宇雨洋忠宗曼紫逸贤蝶菡绿蓝儿翠烟小轩"


def person_name(rng: random.Random, *, female: bool) -> str:
    chars = FEMALE_CHARS if female else MALE_CHARS
    given = rng.choice(chars) + (rng.choice(chars) if rng.random() < 0.7 else "")
    return rng.choice(SURNAMES) + given
