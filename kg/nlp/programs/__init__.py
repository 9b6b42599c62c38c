"""Named programs: plans, campaigns, policy documents, projects, pilots, models, brands ...

The genre names a program in three ways, read here with regexes and data files:

1. **《…》**: a document when the title ends in a document head word
   (``program-documents.tsv``: 法 law, 条例 regulation, 规划 plan, 意见 / 通知 / 办法 …
   policy-document); the titles of books, films, songs, newspapers and reports are none.
2. **A short quotation** ("临江模式", “三品一标”), widened to the head noun that follows
   (“6293”工作思路, "微成长、小升高"…培育机制) and to a short modifier before it (新时代
   "枫桥经验"). Quoted speech (long, or with sentence punctuation) and quotations that
   name an event ("…"主题新闻发布会) are skipped.
3. **A head noun** (``ontology/vocab/program-heads.tsv``: 计划, 行动, 工程, 试点, 模式 …)
   with its name read leftwards to the verb that governs it
   (``program-boundaries.tsv``: 实施制造业提振两年行动计划 -> 制造业提振两年行动计划).
   Generic phrases are dropped (``program-generic.tsv``; 12个文化惠民项目 counts projects,
   it names none; ``program-generic-endings.tsv``: 基层治理模式 says what, not which).
4. **A shape of its own** (``program-patterns.tsv``: 10分钟健身圈; a quality and a place before 建设,
   pushed by a verb: 深化|平安某市|建设, 推进|法治政府|建设, a campaign; 全民 and an action of jieba's right
   after a verb that pushes it: 推进|全民阅读, 开展|全民健身运动, a campaign of the whole people).

A program is linked to an agency when the clause says the agency leads, issues or funds it
(an agency mention, then a lead verb such as 出台 / 印发 / 实施 / 牵头, then the program).

**The decision policy.** A program is a named, intended course of action of an agency; a
candidate is kept on this evidence (the words in ``program-evidence.tsv``):

- *book-title marks*: 《…》 is a document when its title ends in a document head word (a
  law 《…法》, a regulation 《…条例》, a plan 《…规划》, a policy document 《…意见》; a draft:
  《…条例草案》); a book, film, song, newspaper or report (《红楼梦》, 《…报告》) is no program. A text
  that starts inside a title or a quotation (cut before its 《 or “: …保护法》实施情况) is read as
  if the mark were there.
- *quotes*: a quotation is a program only with more evidence: a program head after it
  ("“四下基层”制度", "“消费促进年”活动"), a head that ends it ("“放心消费行动”"), 改革
  after it ("“放管服”改革"), or a governing verb in its clause before it (实施, 开展, 推进,
  印发, 出台, 启动, 落实 …). A quotation without any of these (an idiom, a catchword, a
  nickname, a …式 adjective, "“城市病”", a noun counted by a measure word: 组建一支"…之师")
  is a **slogan** (kind ``slogan``, written as
  ``kg:Slogan``, never as a program); one the clause puts under a negative word
  (不能搞…“形象工程”) is dropped.
- *head word*: the name before a head noun is read leftwards to a boundary word. Heads that
  are common nouns need more: ``governed`` heads (政策, 活动) a governing verb before the
  name or a stance word (积极财政政策); ``plain`` heads (制度, 机制, 政策, 责任制) a name of
  at least 3 characters that is no list of common nouns (…监管、追溯、召回制度, 激励和约束机制)
  and not the object of a reform (…管理制度改革). Any head-noun name is dropped when it holds
  a negative word (违规新建…项目) or a quantity (一批投资项目), or when no boundary word
  starts it within the longest name (a clause fragment, not a name); when a determiner
  stands right before the head (本条例, 上述计划, 该项目: a reference, not a name); and
  when the head runs on into an organisation's name (…战略与国际问题研究中心, …工程大学).
  A body right before a weak verb is its subject (政府制定|…规划), and verbs of a decision
  on a plan (批准, 拒绝, 透露, 宣布 …) start the name after them. A body and a verb that issues
  or amends a document (发布, 印发, 出台, 制定, 修订, 修改 …) are evidence, never part of the name:
  the name starts after the verb, the body's short form too (证监会发布|…, 人社部发布|…, 发改委,
  统计局, 海关总署, 国办, 法院, 教育厅: a name ending in 会, 委, 部, 局, 署, 办, 院, 厅 before such a
  verb; 内部, 西部 are no body), and 全国人大常委会修改|…制度 names the system alone. Only the issuing
  verb makes the cut (…运动会场馆改造工程, 社会组织培育…工程 keep their 会).
- *parts of speech* (jieba's, read with rjieba): an unquoted name read leftwards into a
  clause is cut after its last preposition, pronoun, clause adverb, clause verb or time word
  (至此该公司向|希望工程, 曾多次考察|…制度, 去年上半年新上|…); a quantifier or determiner right
  before it makes a class or a reference, no name (许多体育项目, 这两项水利工程, 又一次…行动,
  不同社会制度, 具体实施方案); a head that starts a longer word is none (计划|生育, 战略|目标;
  试点|县 keeps the pilot); an operation of one named body or person is none (摩萨德行动); a
  project (工程, 项目) of common words only needs a governing verb or a fixed name of jieba's
  (最大的污水处理项目, 农副产品加工项目占… are descriptions; 希望工程 is a name). A lead verb
  right before the head leaves no name (设计制定|方案); a new way described is none (…新模式);
  a sport's events (…运动会项目) and a cup or prize (…杯, …奖) are none; a talent program
  (…学者, …人才) needs a place or a name in it (长江学者) or a verb that selects it (入选), and
  no kind of person (与会学者, 专家学者). A one-character boundary that jieba reads as part
  of a word is none (等|级 of 等级, 以|色列): the name reads on leftwards.
- *quotations that name something else*: a work or a publication (“…丛书”), a cup or prize
  (“…”杯), a word quoted as a word (『工程』), a quotation that ends in a head but reads as a
  clause (“伴随具体行动”), a period before a noun (国家“九五”重点图书), a bare numeral (“五一”),
  a quotation after a class word or determiner (一些“形象工程”, 这个“红娘”, 所谓“…”), a head
  with one character before it (“土政策”), an event (“…画展”, “…高峰论坛”, “…交流赛”), a title
  (香港译为“…”, 资料片“…”, a quotation of Latin letters only), a product in apposition (新产品——“…”: a
  verb governs through no dash), a quotation that modifies a noun after it (“自营品牌”|家用电器,
  “…行动”|特色), a model or an alliance quoted with common words only (新增“…挑战模式”, “…战略联盟”,
  unless a verb founds it). Quotations counted by a head after them take its kind (打造“甲”“乙”“丙”3个区域
  公用品牌: brands). A quotation is widened to a head across no count (“…”作为…一个|品牌活动),
  no organisation (“…”家具公司首席工程师), no word the head cuts (飞机|制造), and not to a contest's event
  (“…”项目进入个人赛). A governing verb inside an earlier quotation of
  the clause governs nothing (“积极探索”、“求真务实”). 『』 and ‘’ are quotes too.
  Whatever governs it, a quotation is a slogan when it is one idiom of jieba's (“偷梁换柱”),
  speech (a personal pronoun: “你办事我放心”) or a doctrine, attitude or craze by its ending
  (``slogan-end``: 实行“拿来主义”, “…论”, “…热”); one ending in a group's name (“…小组”) is an
  organisation; a quoted law its clause governs is a law (修改“…法”). A verb governs a
  quotation through no relative clause (创建卫生城市的示范|“样板”), and the widening of a
  quotation to a head stops at 和 / 与 / 及 (“三产”缺少资金和人才). A one-character modifier
  that ends a longer word is none (楼|市“降价风潮”; 列入|省“十四五”规划 keeps it).
- *kinds, not names* (an unquoted head-noun name of common words only, by jieba's parts of
  speech): heads flagged ``established`` (制度, 机制) need a govern or ``establish`` verb before
  them (建立…审计制度; 采取固定汇率制度, 山地轮作制度 are kinds of system); heads flagged
  ``named`` (模式, 经验) need a proper part (苏南模式, EOD模式; 大学教育模式, 先进经验 are kinds);
  heads flagged ``founded`` (联盟) need a govern or establish verb whatever their words (组建…
  创新联盟; 北方进步联盟, 加入货币联盟: a body or a party, no course of action);
  a plan or strategy needs a govern or ``decision`` verb before it (启动, 批准…计划), a
  governing verb after it (…方案的出台) or a recipient's frame (向…计划捐款, a preposition of its own:
  作为|… is none): 金融业规划 and 善后处理计划 are described by their field. A project is none when
  it is a site or an estate by its proper name (…公园项目, 某茂·某园项目), a class by size or grade
  (大型…, 重大…, 标杆…项目), a phase alone (二期工程), a predicate after the copula (该项目为|…项目) or
  the event of a contest its clause tells of (…项目冠军); a campaign when jieba reads it as one
  common noun (战斗行动); a plan, strategy or campaign whose name ends in a named body (某国海军第三
  舰队|战略); a policy of a body and a field (央行房贷政策). An activity with an edition (第二届…活动)
  is named. A place and a generic name (湖北省|重点建设项目),
  an activity named after the kind of group that holds it (``program-generic-endings.tsv``
  with a head column: 兴趣小组活动), a list of people (候选人名单) and a counted class
  (一系列…政策) are none. A talent program (…学者) is none when persons are counted in it or a
  person's title stands in it (两位旅某学者, 某大学教授…访问学者) or its last word is a verb (访问|学者); a model named 经验 needs a
  governing verb or quotes (丰富欧战经验 is a person's); a list (…名单) needs a level that makes it an
  agency's (省…入库名单; 提名名单, 战队组成名单 are an award's and a team's); a report before a saying verb
  (…发展报告称) is a source cited; a place (and a span of time) before common words names a kind of
  system (英国教育制度, 中国千年科举制度), unless a verb sets it up. A governing verb that ends a relative
  clause (就某语开展的|国际学术活动) governs a policy or an activity only when a body is its subject
  (某协会主持推广的|…活动, 由…). A bare year before a quotation dates the clause (2007年“…”: no
  modifier that names it; 2023年度“…” is an annual round); a quotation that is a clause with its own
  negative (“有困难不退缩”, a set phrase “咬定青山不放松”) is a saying; a quoted strategy of one common
  noun (致力于“低价战略”) is a firm's way of competing unless a verb governs it. A plan, strategy, pilot,
  project or policy whose name starts with a firm's (two characters or more before 银行, 集团, 公司,
  分行 …: 商业银行信贷规划, 某钢铁集团统一发展规划, 某银行某分行试点; 大公司战略 is about big companies),
  or a plan with no place or body in its name whose clause has a firm and no agency before it
  (某银行…作出了…整体布局调整方案), is the firm's own course. A quotation before a determiner and a
  noun of no program (重视“…”此元素, “…”这个词) is a term. A verb governs no quotation with a noun right
  after it (实行了“七专”|元器件的…: the noun is its object); a quoted policy line (“一国两制”方针) is a
  policy; a quotation is not widened across a 、 right after it (“甲”、高度自治方针: a list). A brand or
  a platform whose clause tells of a firm and of no agency (“…支付”平台由…有限公司…) is the firm's product.
- *apposition and lists*: a name before an apposition to a head (…合作和政治协商|这一基本政治制度,
  南水北调|这项宏大工程; “…”这一伟大构想 for a quotation) is a program of the head's kind, read
  leftwards to its boundary (no quantity, digits or generic name, at least 3 characters). A list
  closed by 等 before a head, right after a verb that carries out or sets it up (实施天然林保护、
  某某治理等|生态工程, 完善设备加速折旧等|政策), names each item of 4–14 characters and two words or more
  (jieba's) with no clause word, 的, negative word or generic name; no item of activities (开展植树造林、
  …等活动: kinds), of a counted class (等多种政策), of a list that qualifies another noun (等作业的|…)
  or of a list with an item under three characters (fields or aspects: 专利、商标和…保护等制度); a list
  that opens its sentence with a count after 等 names its items without a verb (甲乙首席质量官、丙丁队伍
  管理等4项|机制创新: the sentence counts them as programs of the head's kind, quoted items among them); before
  a qualified head (等生态工程, 等改革方案) only items that end in an action are named (天然林保护; 财税体制
  …等改革方案 names fields). A quotation of a count and a head only (贯彻“三项政策”) is a slogan, unless
  改革 follows (“三项制度”改革).
  A project whose name is a size or grade (重大, 重点, 大型 …) and common words is a class, governed or
  not (实施重大生态修复工程); one counted in sets, homes or buildings after it (…安居工程740万套) is a
  figure's subject (…项目有一千多项 too); 一般 and 普通 are such grades; 所有 and 一切 make a class.
  计划, 规划 and 行动 after an adverb of manner (必须立即|行动起来, 周密|计划, 统一|规划, 见诸|行动) are the
  clause's verb; 超额完成, 严格控制, 完成, 确定 are clause verbs whatever jieba tags them; an activity
  under a negative word anywhere in its clause (打击…中的严重犯罪活动) is fought, no program. A name that
  is only a short adjective in 性 (指令性计划) or ends in a doctrine's 主义 (…主义纲领) is a kind, one that
  is only a span of time (经过两年多|试点) a duration; 用于 and 符合 are clause verbs; a model's name with
  a 、 lists common nouns (意识形态、经济模式).
  A policy or an activity named by what it does or its field in general (宏观调控政策, 金融支持政策,
  群众体育活动, 捐助和帮扶活动: ``program-generic-endings.tsv``) is a kind.
- *edges at words*: a boundary word of any length that ends inside a word of jieba's is none
  (落|实行|政执法责任制 reads 行政执法责任制; 的和|平外交政策, 的对|外贸易法), a conjunction that starts a
  word is none (和平), a verb's complement or aspect (实施好|, 制定了|) never starts a name, a weak verb
  joined to a boundary verb ends the name as that one would (完善和|推进…制度), and a plain head before
  保障, 优势, 创新 … qualifies that noun (提供有力制度保障). 严格 and 拓展 are clause words (严格|安全生产
  责任制), and a clause opened by a boundary verb and its object names nothing (要改革|中央财政科技计划…).
- *clause fragments*: clause adverbs and verbs (尽快, 迅速, 引入, 加入 …) cut a name read
  leftwards; a clause that opens with a verb and its object (要保障…规划, 支持某市…工程) names
  nothing; 计划 / 规划 after a body or place and before a preposition, time word, adverb or
  verb is the verb (日本政府计划在明年…); a head that runs on into a company, an office, a
  delegation, a bureau or a post (…工程有限公司, …试点处处长, …战略发展部, …规划和国土局,
  …联盟代表团, …联盟总书记, …工程系, …监督站, …战略研究委员会, …规划顾问) is
  inside an organisation's name; a project's, a campaign's, a strategy's or a model's head right
  before a noun qualifies it (…行动小队, 即时战略游戏), where a plan's, a law's or a pilot's is its
  owner (…条例规定, …试点并网容量). A head inside a title (《…行动》, or a title the text cuts) is
  none; a name does not reach back across a byline in brackets (…讯（记者某某）), a range (从…到|项目)
  names nothing, nor does a head and its verb (其中制度延袭|…: the name starts after the verb). A verb
  governs a name only when no preposition opens a frame of its own in between (组织…在|村级
  科技活动中); 可 before a boundary verb makes an adjective (可持续发展战略), no boundary.
  A generic head before 的 is a name when a governing verb stands right before it or after
  it (实施菜篮子工程的过程, …方案的出台) or the name is one fixed word of jieba's; a coded
  plan of digits, or an amount, is a name when governed right before it (实施863计划, 推出4万亿…计划).
  计划 / 规划 before 了, 过, 着 is the verb; an auxiliary before the clause's verb (将继续|保留…项目) makes
  a predicate and its object.
- *laws*: …法 before punctuation or a conjunction is a law when its clause governs it
  (贯彻实施…法, 遵守…法) and the word is no method (办法, 做法, 依法, 锻炼法 …).
- *documents without marks*: a regulation or a law named without 《》 is a program when the last
  verb of its clause issues or amends it (某局发布修正|…许可办法, 印发|…管理规定, 修改|…保护法|列入): a name
  of 4–24 characters ending in 办法, 规定, 细则, 规则, 准则, 通则 or a law's 法 (not 法|律, not the law's
  own …法实施条例, which is the regulation's name: 印发|…保护法实施条例), no boundary, clause or class
  word (相关, 具体) and no 的 inside; 实施 before the head is part of the name only after a plan's,
  a regulation's or a law's name (…行动计划实施办法, …条例实施细则, …法实施条例: one document of how
  it is carried out), elsewhere a verb of the clause (印发实施办法: no name); a bank or a firm
  that issues it makes it its own rules (某行出台|…细则), no program. Elsewhere 办法 and 规定 are ways and
  rules in general (想办法, 按规定). Such a document is read before the shapes and the head nouns:
  the longer named document wins over a head or a shape inside it (发布|…养老保险关系转移接续暂行办法,
  印发|河长制工作考核办法 name the document, no system), and a list it ends splits at the earlier
  name's head (出台…行动计划和|…实施细则).
- *attributes, settings up and verbs in names* (the grammar of the reports): an attribute and 的 after
  a governing verb are part of a policy's, a system's or a strategy's name and make it one (奉行|独立
  自主的和平外交政策, 实行|最严格的…管理制度, 贯彻|国家…自由的政策): 3–9 characters ending in an adjective
  or an idiom (jieba's a, ad, i, l …, or two words of a coordinated predicate: 互利共赢), no body or
  noun (中央的, 国家的: whose), no class (各个…的, …的各项), no degree adverb's description (更加有力的);
  a system the clause says is set up or improved right after its name is named (…助学制度|进一步完善,
  …制度|基本建立; 国家基本制度 is none); a plain head before 建设 names the system when a governing verb
  stands right before the name (推进|…合作医疗制度|建设); a field and its verb (扩大, 提升, 促进 …) between a
  lead verb and the head are part of the name (增设|服务业扩大开放综合试点), and such a verb, or one or two
  weak boundary verbs, right after a lead verb start it (实施|提升…质量三年行动, 实施|创新驱动发展战略, 实行|改革
  开放政策; after 的 too: 坚持互利共赢的|开放战略); a governing verb after a plan's head may follow an adverb of
  manner (…规划纲要|顺利实施); 确保 ends a name; a 专项斗争 is a campaign, and so are an inspection or a
  drive governed (开展…大检查, …专项治理; a …式 adjective alone, 地毯式, names none); a project before its
  building (…工程|建设, one word of jieba's) is named; laws listed after a governed one (执行…法和|…法,
  制定…法、|…法) are laws too; a rectification governed
  (开展…治理整顿) is a campaign; a quoted swap (“营改增”, “费改税”: what turns into what, no count before
  改) is a reform, a policy; 奉行, 试行 and 增设 govern or lead; pay and approval systems end in 年薪制,
  注册制, 核准制.
  A purpose before 的 right after the verb that governs or sets up a plan, a pilot, a project or a campaign
  names it (进行|完善…体系的试点, 完善|应对…危机的一揽子计划, 启动|面向2030年的…重大项目: a verb and its object, no
  conjunction; a policy so described, 支持…发展的政策, is a description; a campaign by what it targets, listed and
  closed by 等: 开展|违规占道、违规搭建等行为的专项整治); a policy named by its rate is named when
  governed right before it (执行|…加计扣除75%政策); a quotation of words and the year it aims at (“…2025”) is
  a plan; 等方面 (等领域, 等环节) before a head lists what the policies touch, no programs; 继续 before a weak
  verb makes it the clause's (继续推进|…工程); an inspection a verb governs is named with its body
  (开展第三次|国务院大督查); a plain head before 的改革 is the reform's object (…收购制度的改革), like …制度改革.
  Two names joined by 和 under one policy's or system's head right after a governing verb are two programs
  (实行|…最低收购价和临时收储政策: the first written out with the head, its evidence the span as written),
  unless either is short, counted or generic (实施激励和约束政策); a mechanism of cooperation in general
  (跨区域合作机制) is a kind.
- *agency*: an agency before a lead verb in the clause leads the program (``agencies``).
  Where the sentence's subject is the article's own government written without a name
  (我市 / 本市 / 市政府 …, 我县 …) and a governing verb stands before the program, that
  government leads it: the one the article's agencies point to (an implicit mention or the
  parent of a named bureau: 某市科学技术局 -> 某市人民政府, the page context's city).

**A learned decision, tried and not wired in.** ``benchmarks/program_model.py`` takes every candidate (the spans
above, the slogans among them, and the head-noun names these rules drop, read leftwards to a
boundary word or cut after the clause's words), turns the rule evidence into features (head word
and kind, quotes and 《》, a governing verb before or after, an agency before, a stance or negative
word, the name's length, a quoted four-character idiom, …式/…型 endings, jieba's parts of speech at
its edges, whether these rules kept it) and lets a logistic regression decide
(``benchmarks/data/program_model.json``, rebuilt by ``scripts/train_programs.py``; a rejected quotation stays
a slogan). It learns from the annotated sets (news-train, news-dev, cluener-1 … 7, reports DEV) and
from what earlier commits' rules proposed on them before they were tuned on them. Left one set out
at a time it scores F1 0.835 (P 0.847) where these rules score 0.874 (P 0.879) on the same sets
(they were tuned there); on the spans the rules proposed while each set was still unseen it lifts
precision only from 0.34 to 0.37 at its threshold (0.51 at best, recall 0.50). It does not beat
the rules: the rules decide; ``benchmarks/heldout_programs.py --model`` scores the model.

Names are normalised for the label (quotes, 《》 and ordinal prefixes such as 第二批 or 首批
dropped); the evidence stays the span as written. A full name followed by
（以下简称“X”） gets X as its abbreviation (``alt``), and later mentions of X are that program.
"""
# The package reads programs in one direction (each module imports only the ones above it):
#   tables      fixed regexes and character sets shared by the readings
#   vocab       the vocabularies of the data files, and the regexes built from them
#   clause      the clause around a name: governing verbs, negative and stance words
#   pos         parts of speech (jieba's, via rjieba) the readings share
#   edges       where a name read leftwards from its head starts
#   documents   1. titles in 《》, 5. laws governed in their clause, 6. regulations issued unmarked
#   quotations  2. quotations, widened to a head and a modifier, and decided
#   checks      the decision checks of a head-noun name
#   heads       4. head nouns with their name read leftwards
#   find        the readings in order (3. shapes among them), abbreviations, labels
#   leaders     the programs of an article and the agencies that lead them
from .find import ProgramSpan, find_program_spans, program_label
from .leaders import extract_programs

__all__ = ["ProgramSpan", "extract_programs", "find_program_spans", "program_label"]
