"""The demo school's document archive: the "more than 20" regulations, opinions, plans and notices
the school and its branch issued in 2013, and a few older ones — one revised twice over the years,
one repealed.

The texts are written for the product (no real person is named). Most documents are bulk-created
with their search columns filled; the version chain and the repeal go through the services, so
they obey the same rules as the pages. Idempotent: a school that has documents is left alone.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction

from qingshan.core.demo_vocabulary import demo_school
from qingshan.core.models import School
from qingshan.documents import services
from qingshan.documents.enums import AUDIENCE_FIELDS, Audience, DocumentKind, Issuer
from qingshan.documents.models import Document
from qingshan.organization.models import Department

PREFIXES = {Issuer.SCHOOL: "通职中发", Issuer.BRANCH: "通职中支发"}
DEPARTMENT_PREFIXES = {"教务处": "通职中教", "政教处": "通职中政"}

STAFF, CADRES, PARTY, STUDENTS = (
    Audience.STAFF,
    Audience.CADRES,
    Audience.PARTY_MEMBERS,
    Audience.STUDENTS,
)
K = DocumentKind

# (issuer or department name, kind, title, issued on, audiences, paragraphs)
Row = tuple[str, str, str, dt.date, tuple[str, ...], tuple[str, ...]]

DOCUMENTS_2013: tuple[Row, ...] = (
    (
        Issuer.BRANCH,
        K.OPINION,
        "关于进一步加强基层组织建设的意见",
        dt.date(2013, 2, 25),
        (PARTY, CADRES),
        (
            "为建立健全保持党员先进性的长效机制，规范党务工作程序，完善工作制度，发挥党支部在学校改革发展中的政治核心作用，结合我校实际，提出如下意见。",
            "一、健全组织体系。党支部下设六个党小组，按行政、教务、政教、实习实训、招生就业、培训与后勤划分，党小组组长由支部委员会提名、党员大会选举产生。每个党小组每月至少开展一次组织生活。",
            "二、规范工作程序。支部委员会每月召开一次会议，研究党建工作与教育教学管理工作，做到同步谋划、同步安排、同步落实，防止出现“一手硬、一手软”的现象。",
            "三、强化考核落实。各党小组每学期向支部委员会书面报告工作，支部将党小组工作情况纳入年度民主评议和评先评优，考核结果在全体党员大会上通报。",
        ),
    ),
    (
        Issuer.BRANCH,
        K.OPINION,
        "关于充分发挥共产党员先锋模范作用的意见",
        dt.date(2013, 3, 5),
        (PARTY,),
        (
            "学校各项事业的发展，关键在于党员队伍。为引导全体党员在教育教学、实习实训、招生就业和社会服务中走在前列、干在实处，特提出本意见。",
            "一、岗位亮身份。党员教师在办公桌、实训室设立党员示范岗，公开承诺事项，接受师生和家长监督。",
            "二、工作争一流。党员每学期至少上一节示范课或公开课，主动承担班主任、实习指导和帮扶学困生等任务，在急难险重工作中冲锋在前。",
            "三、服务作表率。党员积极参加“科技下乡”和阳光工程培训，每年为群众办实事不少于两件。支部每学期对党员发挥作用情况进行评议，评议结果作为民主评议党员的重要依据。",
        ),
    ),
    (
        Issuer.BRANCH,
        K.MEASURES,
        "党支部“三同步”工作办法",
        dt.date(2013, 3, 10),
        (PARTY, CADRES),
        (
            "第一条 为使党务工作与教育教学管理工作同步谋划、同步安排、同步落实，减少工作的盲目性，制定本办法。",
            "第二条 每月初，党支部与学校行政联合召开工作部署会，党务线与教学管理线分别提出本月计划，逐项明确责任人和完成时限。",
            "第三条 每周例会通报两条线的推进情况；任何一条线计划空缺、安排滞后或落实不到位的，由分管领导提出整改意见，限期补齐。",
            "第四条 每月末，党支部与学校行政共同总结，完成情况在教职工大会上通报，并作为党小组和处室考核的依据。",
        ),
    ),
    (
        Issuer.BRANCH,
        K.REGULATION,
        "教职工政治理论学习制度",
        dt.date(2013, 3, 12),
        (STAFF,),
        (
            "第一条 坚持每周一次政治学习，把理论学习摆在突出位置，做到学习时间、学习内容、主持人“三落实”。",
            "第二条 政治学习每周三下午四时三十分在学校会议室举行，由党支部书记或支部委员主持；因故调整的，提前一天通知。",
            "第三条 学习内容由党支部按学期制订计划，包括党的路线方针政策、职业教育法律法规、师德师风建设和身边先进典型等专题。",
            "第四条 教职工无故缺席的，由党小组组长谈话提醒；学习笔记每学期检查一次，检查结果纳入教职工年度考核。",
        ),
    ),
    (
        Issuer.SCHOOL,
        K.REGULATION,
        "“月初部署、月末总结、每周通报”工作制度",
        dt.date(2013, 3, 15),
        (CADRES,),
        (
            "第一条 为规范学校工作秩序，提高工作的针对性，建立月初部署、月末总结、每周通报的工作制度。",
            "第二条 每月第一个工作日，各处室、年级组报送本月工作计划，经校长办公会审定后印发执行。",
            "第三条 每周一行政例会通报上周工作完成情况，对滞后事项明确补救措施和责任人。",
            "第四条 每月最后一周，各处室、年级组提交月末工作总结，校长办公室汇总后在全校通报。",
        ),
    ),
    (
        Issuer.BRANCH,
        K.RULES,
        "发展党员工作实施细则",
        dt.date(2013, 3, 20),
        (PARTY,),
        (
            "第一条 根据《中国共产党发展党员工作细则》的规定，结合学校青年教师和学生较多的实际，制定本细则。",
            "第二条 党支部收到入党申请书后，一个月内派人同申请人谈话。确定入党积极分子须经党员推荐、群团组织推优，并由支部委员会研究决定。",
            "第三条 入党积极分子经过一年以上的培养教育和考察，方可列为发展对象。培养联系人每季度与积极分子谈心一次，积极分子每季度递交思想汇报。",
            "第四条 接收预备党员须召开支部党员大会，到会有表决权的正式党员超过应到会人数的半数，赞成人数超过应到会有表决权正式党员的半数，方可通过。",
        ),
    ),
    (
        Issuer.BRANCH,
        K.RULES,
        "党小组工作细则",
        dt.date(2013, 3, 25),
        (PARTY,),
        (
            "第一条 党小组是党支部的基本工作单位，在支部委员会领导下开展工作。",
            "第二条 党小组每月召开一次小组会，组织党员学习、交流思想、开展批评与自我批评，会议记录由组长指定专人负责。",
            "第三条 党小组负责了解本组党员的思想、工作和生活情况，帮助有困难的党员，及时向支部委员会反映群众意见。",
            "第四条 阳光工程培训班设立的临时党小组，参照本细则执行。",
        ),
    ),
    (
        Issuer.BRANCH,
        K.REGULATION,
        "“三会一课”制度",
        dt.date(2013, 4, 2),
        (PARTY,),
        (
            "第一条 党支部坚持“三会一课”制度：支部党员大会每季度召开一次，支部委员会每月召开一次，党小组会每月召开一次，每季度上一次党课。",
            "第二条 会议应有明确议题，提前通知党员，如实记录应到人数、实到人数和表决情况。",
            "第三条 党课由支部书记、支部委员和优秀党员轮流讲授，内容结合学校中心工作确定。",
            "第四条 支部每季度检查“三会一课”落实情况，未按期召开的，由组织委员督促补开并说明原因。",
        ),
    ),
    (
        Issuer.BRANCH,
        K.MEASURES,
        "民主评议党员实施办法",
        dt.date(2013, 4, 10),
        (PARTY,),
        (
            "第一条 民主评议党员每年开展一次，一般安排在年末，全体党员参加。",
            "第二条 评议按学习教育、自我评价、民主评议、组织考察、表彰和处理等步骤进行，评议结果分为优秀、合格、基本合格、不合格四个等次。",
            "第三条 评为优秀的人数一般不超过参评党员总数的三分之一。预备党员参加评议，但不确定等次。",
            "第四条 对评为基本合格的党员，由支部委员会进行谈话帮助；对不合格党员，按照有关规定稳妥处置。",
        ),
    ),
    (
        Issuer.SCHOOL,
        K.PLAN,
        "“千人评教”活动实施方案",
        dt.date(2013, 4, 18),
        (STAFF, STUDENTS),
        (
            "为加强师德师风建设，把教师的职业道德和党员干部的形象置于社会监督之下，学校每学期开展一次“千人评教”活动。",
            "一、评价方式。学生评价教师，家长评价学校，社会群众评价党员。评价采用匿名方式，学生通过一次性二维码或链接作答，个人评价结果在参评人数达到规定数量后方可显示。",
            "二、结果运用。评价结果低于合格线的教师，安排跟班学习，由教务处指定指导教师，限期改进；评价结果作为评先评优和年度考核的重要依据。",
            "三、组织保障。活动由校长办公室牵头，教务处、政教处具体组织，党支部负责对党员评价结果的分析和反馈。",
        ),
    ),
    (
        Issuer.SCHOOL,
        K.MEASURES,
        "教师教学工作考核评价办法",
        dt.date(2013, 4, 25),
        (STAFF,),
        (
            "第一条 为客观评价教师的教学工作，调动教师积极性，制定本办法。",
            "第二条 考核内容包括师德表现、教学常规、教学效果、教研活动和学生评教五个方面，满分一百分。",
            "第三条 考核每学期进行一次，由教务处会同年级组组织实施，考核结果分为优秀、良好、合格、不合格。",
            "第四条 连续两学期考核不合格的教师，暂停其评优资格，并安排跟班学习和专项培训。",
        ),
    ),
    (
        "教务处",
        K.RULES,
        "学生评教实施细则",
        dt.date(2013, 5, 6),
        (STUDENTS, STAFF),
        (
            "第一条 根据学校《“千人评教”活动实施方案》，制定本细则。",
            "第二条 每学期第十五周组织学生评教，每名学生对本学期任课教师逐一评价，评价内容包括教学态度、教学方法、课堂管理和作业辅导。",
            "第三条 学生评教不记名，任何人不得查问学生的评价内容；评价人数过少的，不公布该教师的评价结果。",
            "第四条 评教结果由教务处汇总，反馈给教师本人和年级组，作为教学改进的依据。",
        ),
    ),
    (
        Issuer.BRANCH,
        K.PLAN,
        "党员结对帮扶“传帮带”工作方案",
        dt.date(2013, 5, 15),
        (PARTY, STAFF),
        (
            "为加强青年教师和学生中的党员发展工作，党支部安排作风正派、工作务实的老党员与积极上进的青年教师和学生结成对子。",
            "一、结对方式。每名老党员联系一至两名青年教师或学生，结对期限一般为一年，期满后由支部组织考核。",
            "二、帮扶内容。帮助结对对象树立远大理想，解决教育教学和学习中的困难，引导其向党组织靠拢。",
            "三、工作要求。结对双方每月至少交流一次并做好记录，支部每学期召开一次结对工作交流会。",
        ),
    ),
    (
        Issuer.SCHOOL,
        K.PLAN,
        "青年教师培养“五级台阶”实施方案",
        dt.date(2013, 5, 28),
        (STAFF,),
        (
            "为帮助青年教师尽快成长，学校搭建平台，通过“听课、评课、议课”和示范课、竞赛课，为青年教师提供学习和展示的舞台。",
            "一、五级台阶。青年教师依次经历入门课、汇报课、研讨课、竞赛课和示范课五个阶段，每阶段由教研组评定合格后进入下一阶段。",
            "二、导师帮带。每名青年教师配备一名骨干教师作为导师，导师每月听青年教师的课不少于两节。",
            "三、培训进修。学校为青年教师参加各级培训和进修创造条件，培训经历记入教师业务档案。",
        ),
    ),
    (
        "教务处",
        K.REGULATION,
        "听课评课议课制度",
        dt.date(2013, 6, 5),
        (STAFF,),
        (
            "第一条 教师每学期听课不少于十节，教研组长和年级组长不少于十五节，学校领导不少于二十节。",
            "第二条 听课后须在一周内与授课教师交流评课意见，评课应实事求是，既肯定优点，也指出不足。",
            "第三条 教研组每月组织一次议课活动，围绕一节课的教学设计和课堂实施进行集体研讨。",
            "第四条 听课记录每学期末交教务处检查，检查结果纳入教师教学工作考核。",
        ),
    ),
    (
        Issuer.BRANCH,
        K.MEASURES,
        "党风廉政建设责任制实施办法",
        dt.date(2013, 6, 20),
        (CADRES, PARTY),
        (
            "第一条 为落实党风廉政建设责任制，加强学校党风、政风和校风建设，制定本办法。",
            "第二条 党支部书记对学校党风廉政建设负总责，校级领导和处室负责人对分管范围内的党风廉政建设负直接责任。",
            "第三条 学校在招生、收费、物资采购、基建维修和评优评先等工作中实行公开制度，接受师生和社会监督。",
            "第四条 每年年末，领导班子成员述职述廉，述职情况纳入民主评议。",
        ),
    ),
    (
        Issuer.BRANCH,
        K.PLAN,
        "关于开展党的群众路线教育实践活动的实施方案",
        dt.date(2013, 7, 8),
        (PARTY, STAFF),
        (
            "根据上级党组织的统一部署，党支部在全体党员中开展党的群众路线教育实践活动。",
            "一、学习教育、听取意见。组织党员集中学习，通过座谈会、个别谈话和意见箱等方式，广泛听取师生、家长和群众的意见。",
            "二、查摆问题、开展批评。党员对照检查自身在工作作风方面存在的问题，召开专题组织生活会，认真开展批评与自我批评。",
            "三、整改落实、建章立制。针对查摆出的问题逐项整改，形成长效机制，整改情况向全体教职工公开。",
        ),
    ),
    (
        "政教处",
        K.REGULATION,
        "学生日常行为规范",
        dt.date(2013, 8, 28),
        (STUDENTS,),
        (
            "第一条 热爱祖国，尊敬师长，团结同学，遵守国家法律法规和学校规章制度。",
            "第二条 按时作息，不迟到、不早退、不旷课；住校学生遵守宿舍管理规定，按时就寝。",
            "第三条 爱护公共财物，保持校园整洁；实训课严格遵守安全操作规程。",
            "第四条 违反本规范的，由班主任进行教育；情节严重的，按照学校学生管理规定处理。",
        ),
    ),
    (
        "教务处",
        K.REGULATION,
        "学生学习常规管理规定",
        dt.date(2013, 9, 2),
        (STUDENTS, STAFF),
        (
            "第一条 学生应课前预习、课上专心听讲、课后及时复习，按时独立完成作业。",
            "第二条 专业课学生须按要求参加生产实习，实习期间服从指导教师和实习基地的安排，认真填写实习日志。",
            "第三条 学生可以依照“三允许”的规定，在规定时间内申请调整学制、专业和发展方向，由教务处审核办理。",
            "第四条 学期末，班主任根据学习常规执行情况对学生作出评价，记入学生成长档案。",
        ),
    ),
    (
        Issuer.SCHOOL,
        K.NOTICE,
        "关于开展“科技下乡”活动的通知",
        dt.date(2013, 9, 16),
        (STAFF,),
        (
            "各处室、各专业组：",
            "为服务“三农”，发挥学校专业和人才优势，学校决定在秋季学期组织“科技下乡”活动，到周边乡镇开展家电维修、科学养猪和果树栽培等技术指导。",
            "各专业组于九月二十五日前报送下乡人员名单和技术资料，活动期间做好群众所提技术问题的记录，并在一个月内反馈解决情况。",
            "特此通知。",
        ),
    ),
    (
        Issuer.BRANCH,
        K.MEASURES,
        "阳光工程培训班临时党小组管理办法",
        dt.date(2013, 10, 10),
        (PARTY,),
        (
            "第一条 学校作为阳光工程农民工培训基地，在每期培训班中建立临时党小组，延伸学校党建工作。",
            "第二条 临时党小组由参训学员中的党员组成，组长由党支部指定，培训结束后自行撤销。",
            "第三条 临时党小组组织党员学员学习，协助培训班做好学员管理，带动学员学技术、考证书、稳就业。",
        ),
    ),
    (
        Issuer.SCHOOL,
        K.MEASURES,
        "“岗哨”责任网格管理办法",
        dt.date(2013, 10, 22),
        (STAFF,),
        (
            "第一条 学校实行“一级双轨三层运行”的管理体制，将学校工作划分为纵横交错的若干条线，在交叉点上设立“岗哨”。",
            "第二条 每个网格单元明确一名责任人，做到无空白、无盲区、无时差；同一时段一人不得同时承担两个岗位。",
            "第三条 校长办公室每月检查网格覆盖情况，对空缺岗位及时补充责任人。",
        ),
    ),
    (
        Issuer.BRANCH,
        K.NOTICE,
        "关于评选表彰优秀共产党员和优秀党务工作者的通知",
        dt.date(2013, 11, 15),
        (PARTY, STAFF),
        (
            "各党小组：",
            "为表彰先进、树立典型，党支部决定在年末评选表彰一批优秀共产党员和优秀党务工作者。",
            "评选对象须在本年度民主评议中评为优秀，在教育教学或党务工作中成绩突出。各党小组于十二月五日前推荐人选并报送先进事迹材料。",
            "特此通知。",
        ),
    ),
    (
        Issuer.SCHOOL,
        K.REGULATION,
        "心理健康教育工作制度",
        dt.date(2013, 12, 2),
        (STAFF, STUDENTS),
        (
            "第一条 学校设立心理咨询室，开设心理健康教育课程，帮助学生摆脱心理困扰，形成健康向上的心态。",
            "第二条 每学年对全体新生进行一次心理普查，做到“一个不漏”；普查结果只由心理教师掌握。",
            "第三条 心理咨询记录严格保密，未经学生本人同意，任何人不得查阅，法律另有规定的除外。",
            "第四条 班主任发现学生有心理困扰的，及时与心理教师联系，共同做好疏导工作。",
        ),
    ),
)

ATTENDANCE_PARAGRAPHS = (
    "第一条 为加强教职工队伍管理，严肃工作纪律，制定本办法。",
    "第二条 教职工实行上下班签到制度，由校长办公室每日统计，每月公布一次。",
    "第三条 教职工请假须提前办理手续：一天以内由处室负责人批准，三天以内由分管校长批准，三天以上由校长批准。",
)


@transaction.atomic
def build_archive(school: School) -> int:
    departments = {
        department.name: department for department in Department.objects.for_school(school)
    }
    counters: dict[tuple[Any, ...], int] = {}

    def document(row: Row) -> Document:
        issuer_or_department, kind, title, issued_on, audiences, paragraphs = row
        department = departments.get(issuer_or_department)
        issuer = Issuer.DEPARTMENT if department else Issuer(issuer_or_department)
        prefix = (
            DEPARTMENT_PREFIXES.get(issuer_or_department, "通职中")
            if department
            else PREFIXES[issuer]
        )
        key = (issuer, department.pk if department else None, issued_on.year)
        counters[key] = counters.get(key, 0) + 1
        record = Document(
            school=school,
            issuer=issuer,
            department=department,
            prefix=prefix,
            sequence=counters[key],
            title=title,
            kind=kind,
            issued_on=issued_on,
            effective_on=issued_on,
            body="\n".join(paragraphs),
            **{name: audience in audiences for audience, name in AUDIENCE_FIELDS.items()},
        )
        record.refresh_search_columns()
        return record

    # Numbers follow the dates; those the services give below are reserved here.
    counters[(Issuer.SCHOOL, None, 2012)] = 1
    counters[(Issuer.BRANCH, None, 2011)] = 1
    older = [
        document(
            (
                Issuer.SCHOOL,
                K.REGULATION,
                "教师坐班暂行规定",
                dt.date(2009, 9, 1),
                (STAFF,),
                (
                    "第一条 教师在校工作时间实行坐班制，上午八时至十二时，下午二时三十分至五时三十分。",
                    "第二条 教师因教学需要外出的，须向教务处报告去向。",
                    "第三条 本规定试行一年，试行期间的意见由校长办公室收集。",
                ),
            )
        ),
        document(
            (
                Issuer.BRANCH,
                K.REGULATION,
                "党支部议事规则",
                dt.date(2011, 3, 1),
                (PARTY, CADRES),
                (
                    "第一条 党支部委员会实行集体领导和个人分工负责相结合的制度，凡属重大问题都由支部委员会集体讨论决定。",
                    "第二条 支部委员会会议须有半数以上委员到会方能举行，作出决定须经应到会委员的半数以上同意。",
                    "第三条 会议议题由支部书记确定，会议决定由分管委员负责落实，并在下次会议上报告落实情况。",
                ),
            )
        ),
        document(
            (
                Issuer.SCHOOL,
                K.MEASURES,
                "校务公开实施办法",
                dt.date(2012, 3, 12),
                (STAFF, STUDENTS),
                (
                    "第一条 学校在招生、收费、评优、职称推荐、财务收支和基建项目等方面实行校务公开。",
                    "第二条 公开的形式包括校务公开栏、教职工大会和学校网站，公开内容应真实、及时。",
                    "第三条 教职工和学生对公开内容有异议的，可以向校长办公室书面反映，学校在十个工作日内答复。",
                ),
            )
        ),
    ]
    Document.objects.bulk_create(older)
    sitting = older[0]

    # A regulation revised twice, and the trial rules it repealed.
    attendance = services.issue_document(
        school=school,
        values={
            "issuer": Issuer.SCHOOL,
            "prefix": PREFIXES[Issuer.SCHOOL],
            "title": "教职工考勤与请假管理办法",
            "kind": K.MEASURES,
            "issued_on": dt.date(2010, 8, 30),
            "for_staff": True,
            "body": "\n".join(ATTENDANCE_PARAGRAPHS),
        },
    )
    services.repeal_document(
        document=sitting,
        repealed_by=attendance,
        reason="坐班要求已并入《教职工考勤与请假管理办法》。",
    )
    services.issue_revision(
        original=attendance,
        values={
            "prefix": PREFIXES[Issuer.SCHOOL],
            "title": "教职工考勤与请假管理办法（修订）",
            "kind": K.MEASURES,
            "issued_on": dt.date(2012, 2, 20),
            "sequence": 1,
            "for_staff": True,
            "body": "\n".join(
                (
                    *ATTENDANCE_PARAGRAPHS,
                    "第四条 教职工参加“科技下乡”和阳光工程培训的，按出勤计算，由培训中心出具证明。",
                )
            ),
        },
    )
    study_2011 = services.issue_document(
        school=school,
        values={
            "issuer": Issuer.BRANCH,
            "prefix": PREFIXES[Issuer.BRANCH],
            "title": "教职工政治理论学习制度",
            "kind": K.REGULATION,
            "issued_on": dt.date(2011, 2, 28),
            "sequence": 1,
            "for_staff": True,
            "body": "第一条 教职工每两周集中学习一次政治理论。\n第二条 学习由党支部组织，学习情况记入教职工年度考核。",
        },
    )

    # The 2013 study rules are a revision of the 2011 ones: issued through the service.
    planned = [document(row) for row in DOCUMENTS_2013]
    study = next(row for row in planned if row.title == "教职工政治理论学习制度")
    rows = [row for row in planned if row is not study]
    Document.objects.bulk_create(rows)
    services.issue_revision(
        original=study_2011,
        values={
            name: getattr(study, name)
            for name in (
                "prefix",
                "sequence",
                "title",
                "kind",
                "issued_on",
                "body",
                *AUDIENCE_FIELDS.values(),
            )
        },
    )
    evaluation_plan = next(row for row in rows if row.title == "“千人评教”活动实施方案")
    services.attach_file(
        document=evaluation_plan,
        title="学生评教表（样表）",
        file=ContentFile(
            "学生评教表\n教学态度：1 2 3 4 5\n教学方法：1 2 3 4 5\n课堂管理：1 2 3 4 5\n作业辅导：1 2 3 4 5\n".encode(),
            name="评教表.txt",
        ),
    )
    return Document.objects.for_school(school).count()


def build_demo() -> str:
    school = demo_school()
    if school is None or Document.objects.for_school(school).exists():
        return "document archive present"
    count = build_archive(school)
    return f"built the document archive: {count} documents"
