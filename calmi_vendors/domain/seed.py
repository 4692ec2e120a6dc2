"""Seeded, editable reference content: clause requirements, business functions, data and questionnaire."""

from __future__ import annotations

from dataclasses import dataclass

from calmi_vendors.domain.enums import (
    AnswerType,
    Applicability,
    CertificationKind,
    QuestionnaireCategory,
)

_PPC_3_4_4 = "PPC General Rules Guidelines 3-4-4"


@dataclass(frozen=True, slots=True)
class SeedClause:
    """One requirement a consignment contract should stipulate, with where it comes from."""

    key: str
    title_en: str
    title_ja: str
    description_en: str
    description_ja: str
    sources: str
    applicability: Applicability
    strict_for_special_care: bool


@dataclass(frozen=True, slots=True)
class SeedBusinessFunction:
    """A kind of work entrusted to a party (call centre, delivery, payroll …)."""

    key: str
    name_en: str
    name_ja: str


@dataclass(frozen=True, slots=True)
class SeedDataCategory:
    """A kind of personal data a party may handle; special_care marks 要配慮個人情報."""

    key: str
    name_en: str
    name_ja: str
    special_care: bool


@dataclass(frozen=True, slots=True)
class SeedChoice:
    """One option of a CHOICE question; score is the fraction of the question's weight (0..1)."""

    value: str
    label_en: str
    label_ja: str
    score: float


@dataclass(frozen=True, slots=True)
class SeedQuestion:
    """One question of an assessment questionnaire."""

    key: str
    text_en: str
    text_ja: str
    answer_type: AnswerType
    weight: int
    must_pass: bool
    evidence_required: bool
    choices: tuple[SeedChoice, ...] = ()
    guidance_en: str = ""
    guidance_ja: str = ""


@dataclass(frozen=True, slots=True)
class SeedSection:
    """A questionnaire section: one security-control category."""

    key: str
    category: QuestionnaireCategory
    title_en: str
    title_ja: str
    weight: int
    questions: tuple[SeedQuestion, ...]


@dataclass(frozen=True, slots=True)
class SeedTemplate:
    """A versioned questionnaire template."""

    key: str
    version: int
    name_en: str
    name_ja: str
    description_en: str
    description_ja: str
    sections: tuple[SeedSection, ...]


CLAUSES: tuple[SeedClause, ...] = (
    SeedClause(
        key="scope_purpose",
        title_en="Scope, purpose and duration of the entrustment",
        title_ja="委託業務の範囲・目的・期間",
        description_en=(
            "The contract defines the entrusted work and its scope, the purpose of handling, the duration, "
            "the types of personal data and the categories of individuals concerned."
        ),
        description_ja=(
            "委託する業務の内容及び範囲、個人データの取扱いの目的、委託期間"
            "並びに取り扱う個人データの項目及び本人の範囲を定める。"
        ),
        sources=f"GDPR Art. 28(3); {_PPC_3_4_4}",
        applicability=Applicability.ALWAYS,
        strict_for_special_care=False,
    ),
    SeedClause(
        key="security_measures",
        title_en="Security control measures",
        title_ja="安全管理措置",
        description_en=(
            "The party takes organisational, human, physical and technical security control measures at "
            "least equivalent to those the company itself must take, stated concretely in the contract or "
            "an annex."
        ),
        description_ja=(
            "委託先が講ずべき組織的・人的・物理的・技術的安全管理措置を、当社自らが講ずべき措置と"
            "同等以上の水準で、契約書又は別紙に具体的に定める。"
        ),
        sources="APPI Art. 23, 25; GDPR Art. 28(3)(c), 32; ISO/IEC 27001:2022 A.5.20",
        applicability=Applicability.ALWAYS,
        strict_for_special_care=True,
    ),
    SeedClause(
        key="confidentiality",
        title_en="Confidentiality",
        title_ja="秘密保持",
        description_en=(
            "The party keeps the entrusted data confidential and binds its staff to confidentiality; "
            "the duty survives the end of the contract."
        ),
        description_ja=(
            "委託先は預託された個人データを秘密として保持し、その従業者にも秘密保持義務を課す。"
            "当該義務は契約終了後も存続する。"
        ),
        sources="APPI Art. 25; GDPR Art. 28(3)(b)",
        applicability=Applicability.ALWAYS,
        strict_for_special_care=False,
    ),
    SeedClause(
        key="purpose_limitation",
        title_en="No use outside the entrusted purpose",
        title_ja="目的外利用の禁止",
        description_en=(
            "The party handles the data only on the company's documented instructions and as far as the "
            "entrusted work requires, and never for any other purpose."
        ),
        description_ja=(
            "委託先は当社の文書による指示に基づき、委託業務の遂行に必要な範囲でのみ個人データを取り扱い、"
            "それ以外の目的で利用しない。"
        ),
        sources=f"GDPR Art. 28(3)(a); {_PPC_3_4_4}",
        applicability=Applicability.ALWAYS,
        strict_for_special_care=False,
    ),
    SeedClause(
        key="no_third_party",
        title_en="No provision to third parties",
        title_ja="第三者提供の禁止",
        description_en=(
            "The party does not disclose or provide the data to any third party, and does not copy or "
            "reproduce it beyond what the entrusted work requires."
        ),
        description_ja=(
            "委託先は個人データを第三者に開示又は提供せず、委託業務に必要な範囲を超えて複製又は複写しない。"
        ),
        sources=f"{_PPC_3_4_4}; company privacy policy",
        applicability=Applicability.ALWAYS,
        strict_for_special_care=False,
    ),
    SeedClause(
        key="reentrustment",
        title_en="Conditions for re-entrustment",
        title_ja="再委託の条件",
        description_en=(
            "Re-entrustment requires the company's prior written approval; the party imposes the same "
            "obligations on the re-entrustee and supervises it, and the company may check the whole chain."
        ),
        description_ja=(
            "再委託には当社の事前の書面による承諾を要し、委託先は再委託先に本契約と同等の義務を課して"
            "監督する。当社は再委託先における取扱状況を確認できるものとする。"
        ),
        sources=f"APPI Art. 25 ({_PPC_3_4_4}); GDPR Art. 28(2), 28(4); JIS Q 15001",
        applicability=Applicability.ALWAYS,
        strict_for_special_care=True,
    ),
    SeedClause(
        key="reporting",
        title_en="Reports on the handling status",
        title_ja="取扱状況の報告",
        description_en=(
            "The contract sets what the party reports on its handling of the data and how often, "
            "e.g. a quarterly report or an annual self-assessment."
        ),
        description_ja=(
            "委託先が当社に報告する個人データの取扱状況の内容及び頻度"
            "（四半期ごとの報告、年1回の自己点検結果の提出等）を定める。"
        ),
        sources=f"JIS Q 15001; {_PPC_3_4_4}",
        applicability=Applicability.ALWAYS,
        strict_for_special_care=False,
    ),
    SeedClause(
        key="audit_rights",
        title_en="Right to audit and inspect",
        title_ja="監査・立入検査",
        description_en=(
            "The company may audit the party's handling of the data, on-site inspections included, and the "
            "party provides the information needed to demonstrate compliance."
        ),
        description_ja=(
            "当社は委託先における個人データの取扱状況について立入検査を含む監査を行うことができ、"
            "委託先は契約の遵守状況を示すために必要な情報を提供する。"
        ),
        sources=f"GDPR Art. 28(3)(h); JIS Q 15001; {_PPC_3_4_4}",
        applicability=Applicability.ALWAYS,
        strict_for_special_care=True,
    ),
    SeedClause(
        key="incident_notice",
        title_en="Incident notification",
        title_ja="漏えい等事案発生時の報告",
        description_en=(
            "The party notifies the company of any actual or suspected leak, loss or damage within a set "
            "deadline (e.g. 24 hours), early enough for the company's report to the PPC, and cooperates "
            "in the response."
        ),
        description_ja=(
            "漏えい、滅失又は毀損（そのおそれを含む。）が発生した場合、委託先は当社が個人情報保護委員会"
            "への速報を期限内に行えるよう、定められた期限（例：24時間以内）までに当社へ報告し、"
            "対応に協力する。"
        ),
        sources="APPI Art. 26; GDPR Art. 28(3)(f), 33; JIS Q 15001",
        applicability=Applicability.ALWAYS,
        strict_for_special_care=True,
    ),
    SeedClause(
        key="return_deletion",
        title_en="Return or deletion at the end of the contract",
        title_ja="契約終了時の返却・削除",
        description_en=(
            "When the work ends, or at the company's request, the party returns or irrecoverably deletes "
            "the data and all copies, and submits a certificate of deletion or destruction."
        ),
        description_ja=(
            "契約終了時又は当社の求めに応じて、委託先は個人データ及びその複製物を返却し、"
            "又は復元不可能な方法で消去・廃棄して、消去・廃棄証明書を提出する。"
        ),
        sources="GDPR Art. 28(3)(g); JIS Q 15001",
        applicability=Applicability.ALWAYS,
        strict_for_special_care=True,
    ),
    SeedClause(
        key="cross_border",
        title_en="Handling of the data outside Japan",
        title_ja="外国における取扱い",
        description_en=(
            "Where the data is handled abroad, the contract names the countries and requires prior approval "
            "for any change; the party maintains a system meeting the APPI standards, and the company "
            "understands each country's personal information protection regime."
        ),
        description_ja=(
            "外国で個人データを取り扱う場合は取扱国を特定し、その変更には当社の事前承諾を要するものとする。"
            "委託先には個人情報保護法の基準に適合する体制の整備を求め、"
            "当社は当該外国の個人情報の保護に関する制度を把握する。"
        ),
        sources="APPI Art. 28; GDPR Chapter V",
        applicability=Applicability.CROSS_BORDER,
        strict_for_special_care=False,
    ),
    SeedClause(
        key="staff_training",
        title_en="Supervision and training of staff",
        title_ja="従業者の監督・教育",
        description_en=(
            "The party limits the staff who handle the data, supervises them appropriately and trains "
            "them regularly."
        ),
        description_ja=(
            "委託先は個人データを取り扱う従業者を必要最小限に限定し、必要かつ適切な監督を行うとともに、"
            "定期的に教育を実施する。"
        ),
        sources="APPI Art. 24; PPC General Rules Guidelines (human security measures)",
        applicability=Applicability.ALWAYS,
        strict_for_special_care=True,
    ),
    SeedClause(
        key="data_subject_requests",
        title_en="Assistance with requests from individuals",
        title_ja="本人からの請求等への協力",
        description_en=(
            "The party helps the company answer individuals' requests for disclosure, correction, "
            "suspension of use or deletion, and forwards without delay any request it receives directly."
        ),
        description_ja=(
            "委託先は本人からの開示、訂正等及び利用停止等の請求への対応に協力し、"
            "委託先が直接受け付けた請求は遅滞なく当社へ回付する。"
        ),
        sources="GDPR Art. 28(3)(e); APPI Art. 33–35",
        applicability=Applicability.ALWAYS,
        strict_for_special_care=False,
    ),
    SeedClause(
        key="breach_measures",
        title_en="Measures on breach of contract",
        title_ja="契約違反時の措置",
        description_en=(
            "The contract states what follows a breach by the party: corrective instructions, suspension "
            "of the work, termination and claims for damages."
        ),
        description_ja=(
            "委託先が契約に違反した場合の措置（是正の指示、業務の停止、契約の解除、"
            "損害賠償の請求等）を定める。"
        ),
        sources="JIS Q 15001",
        applicability=Applicability.ALWAYS,
        strict_for_special_care=False,
    ),
    SeedClause(
        key="liability",
        title_en="Liability and compensation",
        title_ja="損害賠償責任",
        description_en=(
            "The contract allocates liability for damage caused by a leak or other breach, including the "
            "cost of responding to individuals and authorities."
        ),
        description_ja=(
            "漏えい等により生じた損害（本人及び当局への対応に要した費用を含む。）についての"
            "責任の所在及び賠償の範囲を定める。"
        ),
        sources="Common contract practice",
        applicability=Applicability.ALWAYS,
        strict_for_special_care=False,
    ),
)


BUSINESS_FUNCTIONS: tuple[SeedBusinessFunction, ...] = (
    SeedBusinessFunction("sales_desk", "Sales desk", "販売窓口"),
    SeedBusinessFunction(
        "information_desk", "Information desk and call centre", "問い合わせ窓口・コールセンター"
    ),
    SeedBusinessFunction("repair_maintenance", "Repair and maintenance", "修理・保守"),
    SeedBusinessFunction("billing", "Billing and collection", "料金請求・収納"),
    SeedBusinessFunction("marketing", "Marketing and promotion", "マーケティング・販促"),
    SeedBusinessFunction("delivery", "Delivery", "配送"),
    SeedBusinessFunction("it_operations", "IT operations and maintenance", "システム運用・保守"),
    SeedBusinessFunction("system_development", "System development", "システム開発"),
    SeedBusinessFunction("printing_mailing", "Printing and mailing", "印刷・発送"),
    SeedBusinessFunction("data_entry", "Data entry", "データ入力"),
    SeedBusinessFunction("payroll_hr", "Payroll and HR administration", "給与計算・人事"),
    SeedBusinessFunction("cloud_hosting", "Cloud services and hosting", "クラウド・ホスティング"),
    SeedBusinessFunction("document_disposal", "Document storage and disposal", "文書保管・廃棄"),
)


DATA_CATEGORIES: tuple[SeedDataCategory, ...] = (
    SeedDataCategory("basic_contact", "Name, address and telephone number", "氏名・住所・電話番号", False),
    SeedDataCategory("email", "Email address", "メールアドレス", False),
    SeedDataCategory("date_of_birth", "Date of birth", "生年月日", False),
    SeedDataCategory(
        "payment", "Payment data (credit card, bank account)", "決済情報（クレジットカード・口座情報）", False
    ),
    SeedDataCategory("purchase_history", "Purchase and service history", "購買履歴・サービス利用履歴", False),
    SeedDataCategory("account_credentials", "Account IDs and credentials", "アカウントID・認証情報", False),
    SeedDataCategory("employment", "Employment and payroll records", "人事・給与情報", False),
    SeedDataCategory("my_number", "Individual Number (My Number)", "個人番号（マイナンバー）", False),
    SeedDataCategory("medical_history", "Medical history", "病歴", True),
    SeedDataCategory("health_check", "Results of health checks", "健康診断等の結果", True),
    SeedDataCategory("disability", "Disabilities", "心身の機能の障害", True),
    SeedDataCategory("criminal_record", "Criminal record", "犯罪の経歴", True),
    SeedDataCategory("crime_victim", "Having been a victim of crime", "犯罪により害を被った事実", True),
    SeedDataCategory("creed", "Creed", "信条", True),
    SeedDataCategory("race", "Race", "人種", True),
    SeedDataCategory("social_status", "Social status", "社会的身分", True),
)


CERTIFICATION_LABELS: dict[CertificationKind, tuple[str, str]] = {
    CertificationKind.PRIVACY_MARK: ("PrivacyMark", "プライバシーマーク"),
    CertificationKind.ISO_27001: ("ISO/IEC 27001 (ISMS)", "ISMS認証（ISO/IEC 27001）"),
    CertificationKind.ISO_27701: ("ISO/IEC 27701 (PIMS)", "PIMS認証（ISO/IEC 27701）"),
    CertificationKind.ISO_27017: (
        "ISO/IEC 27017 (cloud security)",
        "ISMSクラウドセキュリティ認証（ISO/IEC 27017）",
    ),
    CertificationKind.SOC2: ("SOC 2 report", "SOC 2 報告書"),
    CertificationKind.OTHER: ("Other", "その他"),
}


YES_NO_PARTIAL_CHOICES: tuple[SeedChoice, ...] = (
    SeedChoice("yes", "Yes", "はい", 1.0),
    SeedChoice("partial", "Partly", "一部対応", 0.5),
    SeedChoice("no", "No", "いいえ", 0.0),
)
"""The standard answers of a YES_NO_PARTIAL question and their scores."""


_YNP = AnswerType.YES_NO_PARTIAL

_BASIC_POLICY = SeedSection(
    key="basic_policy",
    category=QuestionnaireCategory.BASIC_POLICY,
    title_en="Basic policy",
    title_ja="基本方針の策定",
    weight=2,
    questions=(
        SeedQuestion(
            key="bp_policy_established",
            text_en="Have you established and published a basic policy on the protection of personal "
            "information (privacy policy)?",
            text_ja="個人情報保護に関する基本方針（プライバシーポリシー）を策定し、公表していますか。",
            answer_type=_YNP,
            weight=3,
            must_pass=False,
            evidence_required=True,
            guidance_en="Attach the policy or give its URL.",
            guidance_ja="基本方針の写し又は掲載URLを添付してください。",
        ),
        SeedQuestion(
            key="bp_management_approval",
            text_en="Has top management approved the policy, and is it reviewed at least once a year?",
            text_ja="基本方針は経営者が承認し、少なくとも年1回見直していますか。",
            answer_type=_YNP,
            weight=2,
            must_pass=False,
            evidence_required=False,
        ),
        SeedQuestion(
            key="bp_staff_awareness",
            text_en="Is the policy communicated to all staff, temporary and contract staff included?",
            text_ja="基本方針を派遣社員・契約社員を含む全従業者に周知していますか。",
            answer_type=_YNP,
            weight=2,
            must_pass=False,
            evidence_required=False,
        ),
    ),
)

_INTERNAL_RULES = SeedSection(
    key="internal_rules",
    category=QuestionnaireCategory.INTERNAL_RULES,
    title_en="Internal rules for handling personal data",
    title_ja="個人データの取扱いに係る規律の整備",
    weight=3,
    questions=(
        SeedQuestion(
            key="ir_handling_rules",
            text_en="Do you have written rules for handling personal data at each stage: acquisition, use, "
            "storage, provision, deletion and disposal?",
            text_ja="取得、利用、保存、提供、削除・廃棄の各段階における"
            "個人データの取扱規程を定めていますか。",
            answer_type=_YNP,
            weight=4,
            must_pass=False,
            evidence_required=True,
            guidance_en="Attach the table of contents of the rules.",
            guidance_ja="取扱規程の目次を添付してください。",
        ),
        SeedQuestion(
            key="ir_entrusted_data",
            text_en="Do the rules cover personal data entrusted by clients, including keeping it separate "
            "from other clients' data?",
            text_ja="委託元から預託された個人データの取扱い（他の委託元のデータとの分別管理を含む。）"
            "について規程に定めていますか。",
            answer_type=_YNP,
            weight=3,
            must_pass=False,
            evidence_required=False,
        ),
        SeedQuestion(
            key="ir_retention",
            text_en="Do the rules set retention periods, and the deletion of personal data once it is no "
            "longer needed?",
            text_ja="個人データの保存期間及び利用する必要がなくなった後の消去について定めていますか。",
            answer_type=_YNP,
            weight=2,
            must_pass=False,
            evidence_required=False,
        ),
        SeedQuestion(
            key="ir_rules_reviewed",
            text_en="Are the rules reviewed when laws or operations change, and at least once a year?",
            text_ja="法令の改正や業務の変更があった場合及び少なくとも年1回、規程を見直していますか。",
            answer_type=_YNP,
            weight=2,
            must_pass=False,
            evidence_required=False,
        ),
    ),
)

_ORGANISATIONAL = SeedSection(
    key="organisational",
    category=QuestionnaireCategory.ORGANISATIONAL,
    title_en="Organisational security measures",
    title_ja="組織的安全管理措置",
    weight=4,
    questions=(
        SeedQuestion(
            key="org_responsible_person",
            text_en="Have you appointed a person responsible for personal data protection and defined the "
            "roles and reporting lines of those who handle the data?",
            text_ja="個人データの取扱いに関する責任者を設置し、取扱者の役割・責任及び報告連絡体制を"
            "明確にしていますか。",
            answer_type=_YNP,
            weight=4,
            must_pass=False,
            evidence_required=True,
            guidance_en="Attach an organisation chart showing the responsible person.",
            guidance_ja="責任者を明示した体制図を添付してください。",
        ),
        SeedQuestion(
            key="org_incident_procedure",
            text_en="Is there a documented procedure for reporting and responding to a leak, loss or damage "
            "of personal data, including notifying the client without delay?",
            text_ja="漏えい、滅失又は毀損（漏えい等）の事案が発生した場合の報告連絡体制及び対応手順を整備し、"
            "委託元へ速やかに報告することとしていますか。",
            answer_type=_YNP,
            weight=5,
            must_pass=True,
            evidence_required=True,
            guidance_en="The client must file a preliminary report with the PPC within about 3–5 days.",
            guidance_ja="委託元は個人情報保護委員会へ概ね3〜5日以内に速報を行う必要があります。",
        ),
        SeedQuestion(
            key="org_handling_records",
            text_en="Do you keep records that show how personal data is handled, such as usage logs and "
            "ledgers of media taken out?",
            text_ja="個人データの取扱状況を確認できる記録（利用実績、媒体の持出し記録等）を作成し、"
            "保存していますか。",
            answer_type=_YNP,
            weight=3,
            must_pass=False,
            evidence_required=False,
        ),
        SeedQuestion(
            key="org_self_review",
            text_en="Do you periodically check the handling status through self-inspection or internal "
            "audit, and correct what is found?",
            text_ja="個人データの取扱状況について定期的に自己点検又は内部監査を実施し、"
            "指摘事項を改善していますか。",
            answer_type=_YNP,
            weight=3,
            must_pass=False,
            evidence_required=False,
        ),
        SeedQuestion(
            key="org_last_internal_audit",
            text_en="Date of the last internal audit or self-inspection covering personal data",
            text_ja="個人データの取扱いに関する直近の内部監査（自己点検）の実施日",
            answer_type=AnswerType.DATE,
            weight=1,
            must_pass=False,
            evidence_required=True,
        ),
    ),
)

_HUMAN = SeedSection(
    key="human",
    category=QuestionnaireCategory.HUMAN,
    title_en="Human security measures",
    title_ja="人的安全管理措置",
    weight=4,
    questions=(
        SeedQuestion(
            key="hum_confidentiality_pledge",
            text_en="Have all staff who handle personal data signed a confidentiality pledge that remains in "
            "force after they leave?",
            text_ja="個人データを取り扱う全ての従業者から、退職後も効力を有する秘密保持に関する誓約書を"
            "取得していますか。",
            answer_type=_YNP,
            weight=5,
            must_pass=True,
            evidence_required=True,
            guidance_en="A blank copy of the pledge form is enough.",
            guidance_ja="誓約書のひな形の提出で差し支えありません。",
        ),
        SeedQuestion(
            key="hum_training",
            text_en="Do staff receive training on personal data protection when hired and at least once a "
            "year, with attendance recorded?",
            text_ja="従業者に対し、採用時及び年1回以上、個人情報保護に関する教育を実施し、"
            "受講記録を残していますか。",
            answer_type=_YNP,
            weight=4,
            must_pass=False,
            evidence_required=True,
        ),
        SeedQuestion(
            key="hum_staff_count",
            text_en="How many staff, temporary and contract staff included, will have access to our "
            "personal data?",
            text_ja="当社の個人データにアクセスする従業者（派遣社員・契約社員を含む。）の人数",
            answer_type=AnswerType.NUMBER,
            weight=1,
            must_pass=False,
            evidence_required=False,
            guidance_en="Access should be limited to those the entrusted work needs.",
            guidance_ja="アクセスできる者は委託業務に必要な最小限の人数に限定してください。",
        ),
        SeedQuestion(
            key="hum_sanctions",
            text_en="Do your work rules provide disciplinary measures for breaches of the handling rules?",
            text_ja="取扱規程に違反した場合の懲戒処分を就業規則等に定めていますか。",
            answer_type=_YNP,
            weight=2,
            must_pass=False,
            evidence_required=False,
        ),
    ),
)

_PHYSICAL = SeedSection(
    key="physical",
    category=QuestionnaireCategory.PHYSICAL,
    title_en="Physical security measures",
    title_ja="物理的安全管理措置",
    weight=3,
    questions=(
        SeedQuestion(
            key="phy_controlled_areas",
            text_en="Are the areas where personal data is handled (server rooms, work rooms) controlled "
            "by entry and exit management?",
            text_ja="個人データを取り扱う区域（サーバルーム、作業室等）について入退室管理を行っていますか。",
            answer_type=_YNP,
            weight=4,
            must_pass=False,
            evidence_required=True,
        ),
        SeedQuestion(
            key="phy_device_protection",
            text_en="Are devices, documents and media holding personal data protected against theft and "
            "loss (locked storage, security cables, clear-desk rules)?",
            text_ja="個人データを含む機器、書類及び電子媒体等の盗難・紛失を防止する措置"
            "（施錠保管、セキュリティワイヤー、クリアデスク等）を講じていますか。",
            answer_type=_YNP,
            weight=3,
            must_pass=False,
            evidence_required=False,
        ),
        SeedQuestion(
            key="phy_portable_media",
            text_en="When devices or media leave the premises, are they encrypted or password-protected, "
            "and is taking them out approved and recorded?",
            text_ja="電子媒体等を持ち運ぶ場合、暗号化又はパスワードによる保護を行い、"
            "持出しの承認及び記録を行っていますか。",
            answer_type=_YNP,
            weight=3,
            must_pass=False,
            evidence_required=False,
        ),
        SeedQuestion(
            key="phy_secure_disposal",
            text_en="Are personal data, devices and media deleted or destroyed so that the data cannot be "
            "recovered, with a record or certificate kept?",
            text_ja="個人データの削除並びに機器及び電子媒体等の廃棄を復元不可能な方法で行い、"
            "その記録又は証明書を保存していますか。",
            answer_type=_YNP,
            weight=5,
            must_pass=True,
            evidence_required=True,
            guidance_en="Attach a sample certificate of deletion or destruction.",
            guidance_ja="消去・廃棄証明書の見本を添付してください。",
        ),
    ),
)

_TECHNICAL = SeedSection(
    key="technical",
    category=QuestionnaireCategory.TECHNICAL,
    title_en="Technical security measures",
    title_ja="技術的安全管理措置",
    weight=5,
    questions=(
        SeedQuestion(
            key="tec_access_control",
            text_en="Is access to personal data limited to the staff and scope the work requires, and are "
            "access rights reviewed regularly?",
            text_ja="個人データへのアクセスを業務上必要な従業者及び範囲に限定し、"
            "アクセス権限を定期的に見直していますか。",
            answer_type=_YNP,
            weight=5,
            must_pass=True,
            evidence_required=True,
        ),
        SeedQuestion(
            key="tec_authentication",
            text_en="How are users authenticated when they access systems holding the personal data?",
            text_ja="個人データを取り扱う情報システムへのアクセス時の認証方式を選択してください。",
            answer_type=AnswerType.CHOICE,
            weight=4,
            must_pass=False,
            evidence_required=False,
            choices=(
                SeedChoice("password_only", "Password only", "パスワードのみ", 0.3),
                SeedChoice(
                    "mfa_admins",
                    "Multi-factor authentication for administrators",
                    "管理者のみ多要素認証",
                    0.7,
                ),
                SeedChoice(
                    "mfa_all", "Multi-factor authentication for all users", "全利用者に多要素認証", 1.0
                ),
            ),
        ),
        SeedQuestion(
            key="tec_unauthorised_access",
            text_en="Are systems protected from unauthorised access and malware (firewalls, anti-malware "
            "software, timely security patches)?",
            text_ja="ファイアウォールの設置、ウイルス対策ソフトウェアの導入、"
            "セキュリティパッチの適時適用等により、"
            "外部からの不正アクセスや不正ソフトウェアから情報システムを保護していますか。",
            answer_type=_YNP,
            weight=4,
            must_pass=False,
            evidence_required=False,
        ),
        SeedQuestion(
            key="tec_encryption",
            text_en="Is personal data encrypted in transit and at rest?",
            text_ja="個人データを通信時及び保存時に暗号化していますか。",
            answer_type=_YNP,
            weight=3,
            must_pass=False,
            evidence_required=False,
        ),
        SeedQuestion(
            key="tec_leak_prevention",
            text_en="Are there measures against leaks by email, web upload or removable media (e.g. "
            "misdirected-email checks, DLP, USB restrictions)?",
            text_ja="電子メールの誤送信、外部へのアップロード、USBメモリ等を経由した情報漏えいを"
            "防止する措置を講じていますか。",
            answer_type=_YNP,
            weight=3,
            must_pass=False,
            evidence_required=False,
        ),
        SeedQuestion(
            key="tec_logging",
            text_en="Are accesses to personal data logged, the logs kept for a set period and reviewed?",
            text_ja="個人データへのアクセスログを取得し、一定期間保存するとともに定期的に確認していますか。",
            answer_type=_YNP,
            weight=3,
            must_pass=False,
            evidence_required=True,
        ),
    ),
)

_EXTERNAL_ENVIRONMENT = SeedSection(
    key="external_environment",
    category=QuestionnaireCategory.EXTERNAL_ENVIRONMENT,
    title_en="Understanding the external environment",
    title_ja="外的環境の把握",
    weight=3,
    questions=(
        SeedQuestion(
            key="ext_countries",
            text_en="In which countries is our personal data stored or accessed, remote access and "
            "backups included?",
            text_ja="当社の個人データを保存し、又はアクセス"
            "（リモートアクセス・バックアップを含む。）する国名",
            answer_type=AnswerType.TEXT,
            weight=2,
            must_pass=False,
            evidence_required=False,
            guidance_en="Write “Japan only” if no data is handled abroad.",
            guidance_ja="国外で取り扱わない場合は「国内のみ」と記入してください。",
        ),
        SeedQuestion(
            key="ext_regime_understood",
            text_en="Where data is handled abroad, have you identified the personal information protection "
            "regime of each country and taken measures accordingly?",
            text_ja="外国において個人データを取り扱う場合、当該外国の個人情報の保護に関する制度を把握した上で"
            "安全管理措置を講じていますか。",
            answer_type=_YNP,
            weight=3,
            must_pass=False,
            evidence_required=False,
            guidance_en="If the data is handled only in Japan, answer Yes.",
            guidance_ja="国内でのみ取り扱う場合は「はい」と回答してください。",
        ),
        SeedQuestion(
            key="ext_government_access",
            text_en="Do you know of any foreign law that could compel disclosure of our data to authorities, "
            "and will you inform us of any such request?",
            text_ja="外国の法令に基づき政府機関等から個人データの開示を求められる可能性を把握し、"
            "そのような要請があった場合は当社へ通知することとしていますか。",
            answer_type=_YNP,
            weight=2,
            must_pass=False,
            evidence_required=False,
        ),
    ),
)

_REENTRUSTMENT = SeedSection(
    key="reentrustment",
    category=QuestionnaireCategory.REENTRUSTMENT,
    title_en="Re-entrustment",
    title_ja="再委託先の管理",
    weight=4,
    questions=(
        SeedQuestion(
            key="re_prior_approval",
            text_en="Do you re-entrust the handling of our personal data only with our prior written "
            "approval?",
            text_ja="当社の個人データの取扱いを再委託する場合、"
            "事前に当社の書面による承諾を得ることとしていますか。",
            answer_type=_YNP,
            weight=5,
            must_pass=True,
            evidence_required=False,
            guidance_en="Answer Yes if you never re-entrust.",
            guidance_ja="再委託を行わない場合は「はい」と回答してください。",
        ),
        SeedQuestion(
            key="re_flow_down",
            text_en="Do your contracts with re-entrustees impose the same security and confidentiality "
            "obligations as our contract?",
            text_ja="再委託先との契約において、当社との契約と同等の安全管理措置及び秘密保持の義務を"
            "課していますか。",
            answer_type=_YNP,
            weight=4,
            must_pass=False,
            evidence_required=True,
        ),
        SeedQuestion(
            key="re_supervision",
            text_en="Do you select re-entrustees against set criteria and check their handling regularly "
            "through reports or audits?",
            text_ja="再委託先を一定の基準に基づき選定し、報告の徴収や監査等により取扱状況を"
            "定期的に確認していますか。",
            answer_type=_YNP,
            weight=4,
            must_pass=False,
            evidence_required=False,
        ),
        SeedQuestion(
            key="re_list",
            text_en="Can you provide a current list of re-entrustees handling our data, with their locations "
            "and tasks?",
            text_ja="当社の個人データを取り扱う再委託先の一覧（所在地及び委託業務の内容を含む。）を"
            "提出できますか。",
            answer_type=_YNP,
            weight=2,
            must_pass=False,
            evidence_required=True,
        ),
    ),
)

_CERTIFICATIONS = SeedSection(
    key="certifications",
    category=QuestionnaireCategory.CERTIFICATIONS,
    title_en="Certifications",
    title_ja="第三者認証",
    weight=2,
    questions=(
        SeedQuestion(
            key="cert_scope",
            text_en="Is the entrusted work covered by the PrivacyMark or an ISO/IEC 27001 / 27701 "
            "certification?",
            text_ja="委託業務はプライバシーマーク又はISMS認証（ISO/IEC 27001）・PIMS認証（ISO/IEC 27701）の"
            "対象範囲に含まれていますか。",
            answer_type=AnswerType.CHOICE,
            weight=3,
            must_pass=False,
            evidence_required=True,
            choices=(
                SeedChoice("none", "No certification", "認証なし", 0.0),
                SeedChoice("in_progress", "Certification in progress", "取得準備中", 0.3),
                SeedChoice("partial_scope", "Certified, covering part of the work", "一部の業務が対象", 0.7),
                SeedChoice("full_scope", "Certified, covering all the work", "委託業務全体が対象", 1.0),
            ),
            guidance_en="Attach the certificate, including its scope.",
            guidance_ja="適用範囲が記載された登録証の写しを添付してください。",
        ),
        SeedQuestion(
            key="cert_other",
            text_en="Do you hold other relevant certifications or assurance reports (ISO/IEC 27017, "
            "SOC 2 …)?",
            text_ja="その他の関連する認証又は保証報告書（ISO/IEC 27017、SOC 2 報告書等）を取得していますか。",
            answer_type=_YNP,
            weight=1,
            must_pass=False,
            evidence_required=True,
        ),
        SeedQuestion(
            key="cert_expiry",
            text_en="Expiry date of the certificate covering the entrusted work (the earliest, if several)",
            text_ja="委託業務を対象とする認証の有効期限（複数ある場合は最も早いもの）",
            answer_type=AnswerType.DATE,
            weight=1,
            must_pass=False,
            evidence_required=True,
        ),
        SeedQuestion(
            key="cert_change_notice",
            text_en="Will you inform us promptly if a certification is suspended, withdrawn or not renewed?",
            text_ja="認証が一時停止、取消し又は更新されなかった場合、"
            "速やかに当社へ通知することとしていますか。",
            answer_type=_YNP,
            weight=2,
            must_pass=False,
            evidence_required=False,
        ),
    ),
)


SELECTION_QUESTIONNAIRE = SeedTemplate(
    key="entrustee_security",
    version=1,
    name_en="Entrusted party security assessment",
    name_ja="委託先安全管理措置評価シート",
    description_en=(
        "Confirms that a candidate or current entrusted party takes security control measures at least "
        "equivalent to those the company itself must take (APPI Art. 23, 25). Use it at selection and at "
        "each periodic review."
    ),
    description_ja=(
        "委託先が、当社自らが講ずべき安全管理措置と同等以上の措置を講じていることを確認するための"
        "評価シートです（個人情報保護法第23条・第25条）。委託先の選定時及び定期評価時に使用します。"
    ),
    sections=(
        _BASIC_POLICY,
        _INTERNAL_RULES,
        _ORGANISATIONAL,
        _HUMAN,
        _PHYSICAL,
        _TECHNICAL,
        _EXTERNAL_ENVIRONMENT,
        _REENTRUSTMENT,
        _CERTIFICATIONS,
    ),
)
