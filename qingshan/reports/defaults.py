"""The default annual-summary template, in the order of the school's own summary: organisation and
study; team building; new ways of schooling; serving the county; results and honours; outlook."""

from __future__ import annotations

from qingshan.reports.enums import BlockKind

TITLE_ZH = "{year}年学校党建工作总结"
TITLE_EN = "Summary of the school's party work in {year}"
NAME = "年度工作总结"

H, N, C, T = BlockKind.HEADING, BlockKind.NARRATIVE, BlockKind.CHART, BlockKind.TABLE
S = BlockKind.SIGNATURE

BLOCKS: tuple[tuple[str, str, str, str], ...] = (
    (H, "一、创新党组织建设，发挥先锋模范作用", "1. Organisation and study", ""),
    (
        N,
        "学校设党支部，下设{{ party.groups }}个党小组，现有党员{{ party.members }}名（{{ party.members|change }}），其中正式党员"
        "{{ party.full_members }}名、预备党员{{ party.probationary_members }}名。党支部规范工作程序，"
        "健全工作制度，本年度发文{{ documents.issued }}件，现行有效制度{{ documents.in_force }}件。"
        "坚持每周政治学习，全年学习{{ party.study_sessions }}次，出勤率{{ party.study_attendance }}。",
        "The school has a party branch with {{ party.groups }} party groups and {{ party.members }} "
        "members ({{ party.members|change }}): {{ party.full_members }} full and "
        "{{ party.probationary_members }} probationary. "
        "The branch issued {{ documents.issued }} documents this year; {{ documents.in_force }} "
        "regulations are in force. The weekly political study met {{ party.study_sessions }} times, "
        "with an attendance of {{ party.study_attendance }}.",
        "",
    ),
    (
        N,
        "党支部提出“三同步”工作法，建立“月初部署、月末总结、每周通报”制度：计划、总结和周通报按时"
        "报送率{{ workplans.filed_on_time }}，两条线共安排工作事项{{ workplans.items }}项，落实率"
        "{{ workplans.items_implemented }}；实行“一级双轨三层运行”，决策任务按期完成率"
        "{{ workplans.tasks_on_time }}；责任网格覆盖率{{ workplans.grid_coverage }}。",
        "Under the three-synchronization method, plans, summaries and weekly statuses were filed on "
        "time at a rate of {{ workplans.filed_on_time }}; {{ workplans.items }} work items were "
        "planned in the two lines and {{ workplans.items_implemented }} were implemented. Tasks "
        "handed down from decisions were done on time at {{ workplans.tasks_on_time }}; the "
        "responsibility grid covered {{ workplans.grid_coverage }} of its cells.",
        "",
    ),
    (C, "", "", "party.members party.full_members"),
    (H, "二、加强队伍建设", "2. Building the team", ""),
    (
        N,
        "每学期开展“千人评教”活动，{{ evaluations.raters_responded|thousands }}人次参评，参评率"
        "{{ evaluations.response_rate }}；对评议未达标的教师安排跟班学习，本年度开启后续处理"
        "{{ evaluations.follow_ups_opened }}项。党员与青年教师、学生结对帮扶{{ party.mentoring_pairs }}对，"
        "新确定入党积极分子{{ party.new_activists }}名，新接收预备党员{{ party.new_probationary }}名。",
        "Every semester the school runs its rating campaign: {{ evaluations.raters_responded|thousands }} "
        "ratings were given, a response rate of {{ evaluations.response_rate }}. Teachers below the "
        "bar follow classes: {{ evaluations.follow_ups_opened }} follow-ups were opened this year. "
        "Members mentor {{ party.mentoring_pairs }} young teachers and students; "
        "{{ party.new_activists }} new activists were chosen and {{ party.new_probationary }} new "
        "probationary members admitted.",
        "",
    ),
    (
        N,
        "通过“听课、评课、议课”活动，给青年教师搭建舞台：全年听课{{ teaching.observations }}次、"
        "{{ teaching.periods_observed }}节，{{ teaching.quota_met_share }}的教职工完成学期听课任务；"
        "开展示范课、公开课和竞赛课{{ teaching.lessons }}节次，县级以上获奖{{ teaching.lesson_prizes }}项；"
        "评议未达标的教师跟班学习，{{ teaching.shadowing_closed }}人以听课记录结束跟进。"
        "党支部为教师参加各类培训和进修创造一切机会，全年培训进修{{ teaching.trainings }}人次、"
        "{{ teaching.training_hours }}学时，{{ teaching.practice_teachers }}名专业课教师在周期内到企业实践；"
        "老教师与青年教师结对，{{ teaching.young_teachers_mentored }}名青年教师有了指导教师。",
        "Through listening to, commenting on and talking over lessons, young teachers are given a "
        "stage: {{ teaching.observations }} observations of {{ teaching.periods_observed }} periods "
        "were made this year, and {{ teaching.quota_met_share }} of the staff met their term's "
        "quota. {{ teaching.lessons }} demonstration, open and competition lessons were given, "
        "winning {{ teaching.lesson_prizes }} prizes at county level or higher. Teachers below "
        "the bar followed classes: {{ teaching.shadowing_closed }} follow-ups were closed with "
        "their observations. The branch creates every opportunity for training and further study: "
        "{{ teaching.trainings }} trainings of {{ teaching.training_hours }} hours; "
        "{{ teaching.practice_teachers }} professional teachers practised in enterprises within "
        "the window; {{ teaching.young_teachers_mentored }} young teachers were paired with a mentor.",
        "",
    ),
    (C, "", "", "teaching.periods_observed"),
    (H, "三、探索办学新路子", "3. New ways of schooling", ""),
    (
        N,
        "学校开设{{ organization.majors }}个专业、{{ organization.classes }}个教学班，在校学生"
        "{{ organization.students }}名（{{ organization.students|change }}），教职工"
        "{{ organization.staff }}名。近五年在校学生数{{ organization.students|series }}。",
        "The school teaches {{ organization.majors }} majors in {{ organization.classes }} classes, "
        "with {{ organization.students|thousands }} students ({{ organization.students|change }}) "
        "and {{ organization.staff }} staff. Students on the rolls numbered "
        "{{ organization.students|series }}.",
        "",
    ),
    (
        N,
        "学校普职并举、相互依托、共同发展：初中毕业生可在校内选择普高或职高，学生在普职之间“双向流动”，"
        "本年度普高转入职高{{ students.to_vocational }}人、职高转入普高{{ students.to_general }}人。"
        "坚持“三个允许”：允许学生自由选择学制，{{ students.length_changes }}名学生变更学习年限；允许学生"
        "自由选择专业，{{ students.major_changes }}名学生转换专业；允许学生自主发展方向。本年度毕业"
        "{{ students.graduates }}人，其中{{ students.graduates_to_college }}人经中高职衔接升入高职院校；"
        "学生辍学率{{ students.dropout_rate }}。学校定期组织专业教师编写乡土教材，在用校本教材"
        "{{ students.textbooks_in_use }}种，不以“本”为纲，而以“用”为要。",
        "General and vocational tracks stand side by side and support each other: junior-secondary "
        "graduates choose either track within the school, and students move both ways between them. "
        "This year {{ students.to_vocational }} students moved from the general to the vocational "
        "track and {{ students.to_general }} the other way. Under the three permits students choose "
        "their length of schooling ({{ students.length_changes }} changed it), their major "
        "({{ students.major_changes }} changed it) and their own direction. "
        "{{ students.graduates }} students graduated, {{ students.graduates_to_college }} of them "
        "going on to a higher vocational college through the joint programmes; the drop-out rate "
        "was {{ students.dropout_rate }}. Professional teachers compile local textbooks: "
        "{{ students.textbooks_in_use }} school-compiled textbooks are in use, taught for their use "
        "rather than to the letter.",
        "",
    ),
    (C, "", "", "organization.students"),
    (
        N,
        "变革实习方式，实习即生产：建筑专业学生承担学校道路、沟渠和运动场的修建，本年度建成"
        "{{ internships.works_built }}项工程；养殖、种植专业学生负责管理果园和苗圃，既解决了投入不足造成的"
        "实习不足，又让学生得到实际锻炼。学校自办工厂、农场、商店等经济实体"
        "{{ internships.own_units|more_than:10 }}个，其中农场{{ internships.farm_mu }}亩、苗圃"
        "{{ internships.nursery_mu }}亩，本年度实现收入{{ internships.revenue|about:10000 }}元，其中"
        "{{ internships.teaching_use|about:10000 }}元反哺教学，增强了学校自身的造血功能。教师经常把课堂搬到"
        "实习现场，本年度{{ internships.students_placed }}名学生参加实习，记录实习"
        "{{ internships.hours|about:100 }}小时；对照《职业学校学生实习管理规定》逐项检查，"
        "{{ internships.compliant_share|percent:1 }}的实习完全合规，发现问题{{ internships.breaches }}项，"
        "已整改{{ internships.breaches_mended }}项。教学、生产、科研、经营、服务“五位一体”的办学格局，取得了育人效益、社会效益和"
        "经济效益的统一。",
        "The internship is a production internship: construction students build the school's "
        "roads, ditches and sports fields ({{ internships.works_built }} works finished this year), "
        "and the farming students manage the orchards and nurseries, which makes up for internship "
        "places the school could not otherwise afford and gives the students real practice. The "
        "school runs {{ internships.own_units|more_than:10 }} factories, farms and shops of its own, "
        "among them a {{ internships.farm_mu }}-mu farm and a {{ internships.nursery_mu }}-mu nursery; "
        "this year they took in {{ internships.revenue|about:10000 }} yuan, of which "
        "{{ internships.teaching_use|about:10000 }} yuan went back into teaching. Teachers often move "
        "the classroom to the internship site: {{ internships.students_placed }} students were on "
        "internships this year and logged {{ internships.hours|about:100 }} hours. Checked rule by "
        "rule against the national internship rules, {{ internships.compliant_share|percent:1 }} of "
        "the placements were fully compliant; of the {{ internships.breaches }} breaches found, "
        "{{ internships.breaches_mended }} were mended. Teaching, production, research, management and service in one has "
        "brought together the benefits to the students, to society and to the school.",
        "",
    ),
    (C, "", "", "internships.own_units"),
    (
        N,
        "坚持“订单式”培养，与经济发达地区企业联姻，本年度在办订单班{{ careers.order_classes }}个，累计定向"
        "培养技术人才{{ careers.order_trained|more_than:100 }}名，其中{{ careers.order_hired|more_than:10 }}"
        "名毕业后进入培养企业工作。毕业生就业率连续五年保持高位，五年中最低为"
        "{{ careers.employment_rate_lowest_of_five_years|percent:1 }}；本年度毕业生就业率"
        "{{ careers.employment_rate|percent:1 }}（{{ careers.employment_rate|change }}），对口就业率"
        "{{ careers.matching_rate|percent:1 }}。毕业生就业人数较多的合作企业有"
        "{{ careers.top_partners|first:3 }}。",
        "Through order-based education the school is joined with enterprises of the developed regions: "
        "{{ careers.order_classes }} order classes ran this year, and "
        "{{ careers.order_trained|more_than:100 }} technical workers have been trained for the "
        "companies, {{ careers.order_hired|more_than:10 }} of whom went on to work for the company "
        "that trained them. The graduates' employment rate has stayed high for five years, never "
        "below {{ careers.employment_rate_lowest_of_five_years|percent:1 }}; this year it was "
        "{{ careers.employment_rate|percent:1 }} ({{ careers.employment_rate|change }}), with "
        "{{ careers.matching_rate|percent:1 }} of those at work in jobs that match their major. "
        "The partner companies that took most of the graduates were "
        "{{ careers.top_partners|first:3 }}.",
        "",
    ),
    (C, "", "", "careers.employment_rate_lowest_of_five_years"),
    (
        N,
        "加强心理健康教育。针对生源结构“良莠混杂”的特点，着力心理诊断与矫治，帮助学生摆脱心理困扰，"
        "塑造健康向上的心态。学校较早开设“心理咨询门诊”和心理健康教育课程，建立了“一个不漏”研究学生的"
        "心理健康教育模式：本年度心理普查{{ counseling.screened }}名学生，覆盖率"
        "{{ counseling.coverage|percent:1 }}；普查预警的学生按时约谈率{{ counseling.interviews_on_time|percent:1 }}；"
        "心理咨询室新建个案{{ counseling.cases_opened }}个、结案{{ counseling.cases_closed }}个，开展个别咨询"
        "{{ counseling.sessions }}次，转介专业医院{{ counseling.hospital_referrals }}人次。",
        "Mental health education is strengthened. As the students come from every background, the "
        "school focuses on psychological diagnosis and correction, helping students out of "
        "psychological distress towards a healthy and positive outlook. It opened a psychological "
        'counseling clinic and a mental health curriculum early, and built the "one without '
        "leaking\" model of knowing every student: this year's screening reached "
        "{{ counseling.screened }} students, a coverage of {{ counseling.coverage|percent:1 }}; "
        "{{ counseling.interviews_on_time|percent:1 }} of the students the screening flagged were "
        "interviewed on time. The counseling room opened {{ counseling.cases_opened }} cases and "
        "closed {{ counseling.cases_closed }}, held {{ counseling.sessions }} counseling sessions and "
        "referred students to a hospital {{ counseling.hospital_referrals }} times.",
        "",
    ),
    (H, "四、服务县域经济", "4. Serving the county", ""),
    (
        N,
        "坚持短期培训，作为阳光工程农民工培训基地，共举办短期培训班{{ trainings.courses }}期，培训学员"
        "{{ trainings.trainees }}人次，学员职业资格取证率{{ trainings.certified_share }}，就业率"
        "{{ trainings.employed_share }}，就业后月平均收入{{ trainings.mean_income|about:100 }}元。",
        "As the Sunshine Project's training base for migrant workers the school held "
        "{{ trainings.courses }} short courses for {{ trainings.trainees|thousands }} trainees; "
        "{{ trainings.certified_share }} obtained a vocational qualification and "
        "{{ trainings.employed_share }} found work, earning {{ trainings.mean_income|about:100 }} "
        "yuan a month on average.",
        "",
    ),
    (
        N,
        "以“党建带团建、团建促党建”，在就业学生集中的地区组建毕业生团支部{{ careers.league_branches }}个，"
        "团员{{ careers.branch_members }}名。根据团支部的反馈，学校调整安置策略，本年度据反馈修订合作协议"
        "{{ careers.feedback_changes }}次，与{{ careers.partners|more_than:10 }}家企业签订长期合作协议。近两年"
        "学校安置毕业生{{ careers.placed_two_years|more_than:100 }}名，起薪月平均"
        "{{ careers.starting_salary_mean|about:100 }}元，形成覆盖沿海和经济发达地区的就业安置网络；本年度"
        "毕业生中{{ careers.abroad }}人赴境外就业。",
        "With the party building the League and the League the party, the school has set up "
        "{{ careers.league_branches }} League branches of its graduates where they work, with "
        "{{ careers.branch_members }} members. On the branches' feedback the school adjusted its "
        "placement strategy and this year changed {{ careers.feedback_changes }} agreements with "
        "its partners; it has long-term agreements with {{ careers.partners|more_than:10 }} "
        "companies. In the last two years the school placed "
        "{{ careers.placed_two_years|more_than:100 }} graduates, starting on "
        "{{ careers.starting_salary_mean|about:100 }} yuan a month on average, in a network across "
        "the coast and the developed regions; {{ careers.abroad }} of this year's graduates work "
        "abroad.",
        "",
    ),
    (
        N,
        "开展“科技下乡”活动，深入乡镇开展技术指导{{ outreach.visits|more_than:10 }}次，发放技术资料"
        "{{ outreach.leaflets|more_than:10000 }}份，解决技术难题{{ outreach.problems_solved|more_than:10 }}个，"
        "为群众办实事{{ outreach.practical_things|more_than:10 }}件；在学校周边{{ outreach.base_townships }}个"
        "乡镇建立科普基地{{ outreach.bases }}个，联系农户{{ outreach.households }}户。",
        "Sending technology to the countryside, the school gave technical guidance in the townships "
        "{{ outreach.visits|more_than:10 }} times, handed out {{ outreach.leaflets|more_than:10000 }} "
        "leaflets, solved {{ outreach.problems_solved|more_than:10 }} technical problems and did "
        "{{ outreach.practical_things|more_than:10 }} practical things for the people; it runs "
        "{{ outreach.bases }} science bases in {{ outreach.base_townships }} townships serving "
        "{{ outreach.households }} farm households.",
        "",
    ),
    (
        T,
        "",
        "",
        "trainings.courses trainings.trainees trainings.certified_share "
        "trainings.employed_share outreach.visits outreach.households",
    ),
    (H, "五、取得的成绩与荣誉", "5. Results and honours", ""),
    (
        N,
        "本年度学校和党支部荣获{{ honours.titles|first:3 }}{{ honours.levels }}级荣誉{{ honours.honours }}项。"
        "受到表彰的有{{ honours.commended|first:3 }}。",
        "This year the school and the branch received {{ honours.honours }} {{ honours.levels }} "
        "honours: {{ honours.titles|first:3 }}. Commended were {{ honours.commended|first:3 }}.",
        "",
    ),
    (
        N,
        "学校涌现出一批先进典型：{{ honours.deeds }}",
        "Among the school's people, these deeds stood out: {{ honours.deeds }}",
        "",
    ),
    (H, "六、今后打算", "6. Outlook", ""),
    (
        N,
        "新的一年，学校将重点做好以下工作：{{ workplans.next_year }}。",
        "In the coming year the school will concentrate on the following: {{ workplans.next_year }}.",
        "",
    ),
    (
        N,
        "今后，我们将以更加昂扬的精神、更加科学的态度、更加扎实的作风，发挥党组织的政治核心作用，"
        "把学校党建工作做得更好、更实、更深。",
        "We will carry this work on with more spirit, a more scientific attitude and a more solid "
        "style, so that the party organisation's core role shows in every part of the school.",
        "",
    ),
    (S, "", "", ""),
)
