"""Names, addresses and texts the demo-data generator builds realistic parties from."""

from __future__ import annotations

from dataclasses import dataclass

from calmi_vendors.domain.enums import AuditMethod, CertificationKind, Severity


@dataclass(frozen=True, slots=True)
class Word:
    """A name part: as written, its katakana reading, and an ASCII slug for domains."""

    text: str
    kana: str
    slug: str


@dataclass(frozen=True, slots=True)
class Trade:
    """A business word of a company name and the business functions it suggests."""

    text: str
    kana: str
    slug: str
    functions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Place:
    """Where a Japanese company sits: prefecture and city, some towns, the telephone area code."""

    city: str
    towns: tuple[str, ...]
    area_code: str


@dataclass(frozen=True, slots=True)
class Country:
    """A foreign country parties are based in or handle data in."""

    code: str
    name_en: str
    name_ja: str
    phone: str
    tld: str
    forms: tuple[str, ...]
    addresses: tuple[str, ...]
    people: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class FindingText:
    """A concrete audit finding, in both languages, with the corrective action it calls for."""

    requirement: str | None
    ja: str
    en: str
    action_ja: str
    action_en: str
    severities: tuple[Severity, ...]


JA_PREFIXES: tuple[Word, ...] = (
    Word("さくら", "サクラ", "sakura"),
    Word("北斗", "ホクト", "hokuto"),
    Word("双葉", "フタバ", "futaba"),
    Word("アオバ", "アオバ", "aoba"),
    Word("白鷺", "シラサギ", "shirasagi"),
    Word("大和", "ヤマト", "yamato"),
    Word("富士", "フジ", "fuji"),
    Word("東邦", "トウホウ", "toho"),
    Word("日進", "ニッシン", "nisshin"),
    Word("光和", "コウワ", "kowa"),
    Word("朝日", "アサヒ", "asahi"),
    Word("みらい", "ミライ", "mirai"),
    Word("若葉", "ワカバ", "wakaba"),
    Word("千代田", "チヨダ", "chiyoda"),
    Word("瑞穂", "ミズホ", "mizuho"),
    Word("東海", "トウカイ", "tokai"),
    Word("京栄", "キョウエイ", "kyoei"),
    Word("新星", "シンセイ", "shinsei"),
    Word("ひかり", "ヒカリ", "hikari"),
    Word("明和", "メイワ", "meiwa"),
    Word("信和", "シンワ", "shinwa"),
    Word("三光", "サンコウ", "sanko"),
    Word("太陽", "タイヨウ", "taiyo"),
    Word("協立", "キョウリツ", "kyoritsu"),
    Word("正栄", "ショウエイ", "shoei"),
    Word("中央", "チュウオウ", "chuo"),
    Word("あすなろ", "アスナロ", "asunaro"),
    Word("日本橋", "ニホンバシ", "nihonbashi"),
)

JA_TRADES: tuple[Trade, ...] = (
    Trade(
        "情報サービス", "ジョウホウサービス", "joho", ("it_operations", "data_entry", "system_development")
    ),
    Trade("ロジスティクス", "ロジスティクス", "logi", ("delivery", "printing_mailing")),
    Trade("コールセンター", "コールセンター", "callcenter", ("information_desk", "sales_desk")),
    Trade("印刷", "インサツ", "print", ("printing_mailing", "marketing")),
    Trade("ソリューションズ", "ソリューションズ", "solutions", ("system_development", "it_operations")),
    Trade("システム", "システム", "system", ("system_development", "it_operations", "cloud_hosting")),
    Trade("データセンター", "データセンター", "dc", ("cloud_hosting", "it_operations")),
    Trade("ビジネスサポート", "ビジネスサポート", "bizsupport", ("data_entry", "payroll_hr", "billing")),
    Trade("物流", "ブツリュウ", "butsuryu", ("delivery", "document_disposal")),
    Trade("文書管理", "ブンショカンリ", "bunsho", ("document_disposal", "data_entry")),
    Trade("計算センター", "ケイサンセンター", "keisan", ("payroll_hr", "billing", "data_entry")),
    Trade("テクノサービス", "テクノサービス", "techno", ("repair_maintenance", "it_operations")),
    Trade("ダイレクトメール", "ダイレクトメール", "dm", ("printing_mailing", "marketing")),
    Trade("給与計算サービス", "キュウヨケイサンサービス", "kyuyo", ("payroll_hr",)),
    Trade("収納代行", "シュウノウダイコウ", "shuno", ("billing",)),
    Trade("マーケティング", "マーケティング", "marketing", ("marketing", "sales_desk")),
    Trade("運輸", "ウンユ", "unyu", ("delivery",)),
    Trade(
        "ネットワークス",
        "ネットワークス",
        "networks",
        ("it_operations", "cloud_hosting", "repair_maintenance"),
    ),
)

# Appended to a name once the plain combinations run out, as regional companies of a group are named.
JA_REGIONS: tuple[Word, ...] = (
    Word("東日本", "ヒガシニホン", "east"),
    Word("西日本", "ニシニホン", "west"),
    Word("九州", "キュウシュウ", "kyushu"),
    Word("北海道", "ホッカイドウ", "hokkaido"),
    Word("関西", "カンサイ", "kansai"),
    Word("中部", "チュウブ", "chubu"),
)

# (form, written before the name?, weight); the kana reading leaves the form out, as the NTA does.
JA_FORMS: tuple[tuple[str, bool, int], ...] = (
    ("株式会社", True, 40),
    ("株式会社", False, 32),
    ("(株)", True, 5),
    ("有限会社", True, 8),
    ("有限会社", False, 3),
    ("合同会社", False, 8),
    ("(有)", True, 2),
    ("合同会社", True, 2),
)

# Registry-office codes that open a corporate number's 12-digit body.
REGISTRY_CODES: tuple[str, ...] = (
    "0100",
    "0104",
    "0105",
    "0110",
    "0111",
    "0113",
    "1200",
    "1300",
    "1800",
    "2000",
    "3700",
    "4000",
    "4300",
    "4700",
    "5000",
    "6000",
    "7000",
    "8000",
)

EN_PREFIXES: tuple[Word, ...] = (
    Word("Northwind", "ノースウインド", "northwind"),
    Word("Bluebird", "ブルーバード", "bluebird"),
    Word("Harbor", "ハーバー", "harbor"),
    Word("Summit", "サミット", "summit"),
    Word("Cedar", "シーダー", "cedar"),
    Word("Evergreen", "エバーグリーン", "evergreen"),
    Word("Silverline", "シルバーライン", "silverline"),
    Word("Meridian", "メリディアン", "meridian"),
    Word("Pinnacle", "ピナクル", "pinnacle"),
    Word("Redwood", "レッドウッド", "redwood"),
    Word("Lighthouse", "ライトハウス", "lighthouse"),
    Word("Crescent", "クレセント", "crescent"),
    Word("Atlas", "アトラス", "atlas"),
    Word("Granite", "グラナイト", "granite"),
    Word("Horizon", "ホライズン", "horizon"),
    Word("Keystone", "キーストーン", "keystone"),
    Word("Riverbend", "リバーベンド", "riverbend"),
    Word("Sterling", "スターリング", "sterling"),
    Word("Tidewater", "タイドウォーター", "tidewater"),
    Word("Westbrook", "ウェストブルック", "westbrook"),
    Word("Orchid", "オーキッド", "orchid"),
    Word("Lotus", "ロータス", "lotus"),
    Word("Coral", "コーラル", "coral"),
    Word("Falcon", "ファルコン", "falcon"),
    Word("Maple", "メープル", "maple"),
)

EN_TRADES: tuple[Trade, ...] = (
    Trade("Data Services", "データサービス", "data", ("data_entry", "it_operations")),
    Trade("Billing", "ビリング", "billing", ("billing",)),
    Trade("Cloud", "クラウド", "cloud", ("cloud_hosting", "it_operations")),
    Trade("Analytics", "アナリティクス", "analytics", ("marketing", "it_operations")),
    Trade("Contact Centers", "コンタクトセンターズ", "cx", ("information_desk", "sales_desk")),
    Trade("Logistics", "ロジスティクス", "logistics", ("delivery",)),
    Trade("Payroll", "ペイロール", "payroll", ("payroll_hr",)),
    Trade("Print & Mail", "プリント・アンド・メール", "printmail", ("printing_mailing", "marketing")),
    Trade("Software", "ソフトウェア", "software", ("system_development", "it_operations")),
    Trade("Data Centers", "データセンターズ", "datacenters", ("cloud_hosting",)),
    Trade("Business Services", "ビジネスサービス", "bizservices", ("data_entry", "billing", "payroll_hr")),
    Trade("Digital Marketing", "デジタルマーケティング", "digital", ("marketing",)),
    Trade("Records Management", "レコードマネジメント", "records", ("document_disposal", "data_entry")),
    Trade("IT Services", "アイティーサービス", "itservices", ("it_operations", "repair_maintenance")),
    Trade("Fulfillment", "フルフィルメント", "fulfillment", ("delivery", "sales_desk")),
)

EN_REGIONS: tuple[Word, ...] = (
    Word("Asia", "アジア", "asia"),
    Word("Pacific", "パシフィック", "pacific"),
    Word("Global", "グローバル", "global"),
    Word("International", "インターナショナル", "intl"),
)

JA_PLACES: tuple[Place, ...] = (
    Place("東京都千代田区", ("丸の内", "大手町", "神田錦町", "内神田"), "03"),
    Place("東京都港区", ("芝浦", "芝公園", "浜松町", "六本木"), "03"),
    Place("東京都中央区", ("日本橋本町", "八丁堀", "築地", "京橋"), "03"),
    Place("東京都品川区", ("大崎", "東品川", "西五反田"), "03"),
    Place("東京都江東区", ("豊洲", "東陽", "有明"), "03"),
    Place("大阪府大阪市北区", ("梅田", "中之島", "天満"), "06"),
    Place("大阪府大阪市中央区", ("本町", "北浜", "谷町"), "06"),
    Place("愛知県名古屋市中区", ("栄", "錦", "丸の内"), "052"),
    Place("福岡県福岡市博多区", ("博多駅前", "祇園町", "住吉"), "092"),
    Place("北海道札幌市中央区", ("北一条西", "大通西", "南二条西"), "011"),
    Place("宮城県仙台市青葉区", ("一番町", "中央", "本町"), "022"),
    Place("神奈川県横浜市西区", ("みなとみらい", "高島", "北幸"), "045"),
    Place("岡山県岡山市北区", ("本町", "駅前町", "柳町"), "086"),
    Place("広島県広島市中区", ("紙屋町", "八丁堀", "大手町"), "082"),
    Place("埼玉県さいたま市大宮区", ("桜木町", "大門町"), "048"),
    Place("千葉県千葉市美浜区", ("中瀬", "幕張西"), "043"),
    Place("兵庫県神戸市中央区", ("三宮町", "磯上通", "港島中町"), "078"),
    Place("静岡県静岡市葵区", ("追手町", "紺屋町"), "054"),
    Place("新潟県新潟市中央区", ("万代", "東大通"), "025"),
)

JA_BUILDINGS: tuple[str, ...] = (
    "ビル",
    "センタービル",
    "スクエア",
    "タワー",
    "第一ビル",
    "ビジネスセンター",
    "プレイス",
)

JA_FAMILY: tuple[tuple[str, str], ...] = (
    ("佐藤", "sato"),
    ("鈴木", "suzuki"),
    ("高橋", "takahashi"),
    ("田中", "tanaka"),
    ("伊藤", "ito"),
    ("渡辺", "watanabe"),
    ("山本", "yamamoto"),
    ("中村", "nakamura"),
    ("小林", "kobayashi"),
    ("加藤", "kato"),
    ("吉田", "yoshida"),
    ("山田", "yamada"),
    ("佐々木", "sasaki"),
    ("松本", "matsumoto"),
    ("井上", "inoue"),
    ("木村", "kimura"),
    ("林", "hayashi"),
    ("清水", "shimizu"),
    ("山口", "yamaguchi"),
    ("森", "mori"),
    ("石川", "ishikawa"),
    ("岡田", "okada"),
    ("長谷川", "hasegawa"),
    ("藤井", "fujii"),
)

JA_GIVEN: tuple[tuple[str, str], ...] = (
    ("太郎", "taro"),
    ("健一", "kenichi"),
    ("美咲", "misaki"),
    ("由美", "yumi"),
    ("翔太", "shota"),
    ("陽子", "yoko"),
    ("大輔", "daisuke"),
    ("恵", "megumi"),
    ("直樹", "naoki"),
    ("彩", "aya"),
    ("誠", "makoto"),
    ("香織", "kaori"),
    ("拓也", "takuya"),
    ("真由美", "mayumi"),
    ("浩二", "koji"),
    ("聡", "satoshi"),
    ("愛", "ai"),
    ("亮", "ryo"),
    ("智子", "tomoko"),
    ("和也", "kazuya"),
)

JA_ROLES: tuple[tuple[str, str], ...] = (
    ("個人情報保護管理者", "管理部"),
    ("情報セキュリティ責任者", "情報システム部"),
    ("品質管理責任者", "品質管理部"),
    ("営業担当", "営業部"),
    ("業務責任者", "業務推進部"),
    ("コンプライアンス担当", "法務・コンプライアンス部"),
)

EN_ROLES: tuple[tuple[str, str], ...] = (
    ("Data Protection Officer", "Legal & Compliance"),
    ("Information Security Manager", "IT Security"),
    ("Account Manager", "Sales"),
    ("Service Delivery Manager", "Operations"),
    ("Privacy Counsel", "Legal"),
)

# Our own staff: who audits, assesses and approves.
INTERNAL_STAFF: tuple[str, ...] = (
    "佐藤 健一",
    "高橋 由美",
    "田村 修",
    "小野寺 彩",
    "森下 直樹",
    "川口 智子",
    "西田 亮",
    "大野 恵",
)

# Our departments that own the relation with a party, by business function.
OWNER_DEPARTMENTS: dict[str, str] = {
    "sales_desk": "営業本部",
    "information_desk": "カスタマーサービス部",
    "repair_maintenance": "サービス技術部",
    "billing": "経理部",
    "marketing": "マーケティング部",
    "delivery": "物流部",
    "it_operations": "情報システム部",
    "system_development": "情報システム部",
    "printing_mailing": "総務部",
    "data_entry": "業務企画部",
    "payroll_hr": "人事部",
    "cloud_hosting": "情報システム部",
    "document_disposal": "総務部",
}

_ANGLO: tuple[tuple[str, str], ...] = (
    ("Emily", "Carter"),
    ("James", "Walsh"),
    ("Sarah", "Mitchell"),
    ("Daniel", "Brooks"),
    ("Olivia", "Hughes"),
    ("Michael", "Reyes"),
    ("Grace", "Murphy"),
    ("Thomas", "Bennett"),
    ("Hannah", "Kelly"),
    ("David", "Chen"),
    ("Laura", "O'Brien"),
    ("Ryan", "Patel"),
)

FOREIGN: dict[str, Country] = {
    "US": Country(
        "US",
        "United States",
        "米国",
        "+1 ### ### ####",
        "com",
        ("Inc.", "LLC", "Corp."),
        (
            "{n} Market Street, Suite {s}, San Francisco, CA 94105",
            "{n} Pine Street, Floor {f}, Seattle, WA 98101",
            "{n} Congress Avenue, Suite {s}, Austin, TX 78701",
            "{n} Summer Street, Boston, MA 02110",
            "{n} West Lake Street, Suite {s}, Chicago, IL 60601",
        ),
        _ANGLO,
    ),
    "GB": Country(
        "GB",
        "United Kingdom",
        "英国",
        "+44 20 #### ####",
        "co.uk",
        ("Ltd.", "Limited"),
        (
            "{n} Old Street, London EC1V 9HL",
            "{n} Deansgate, Manchester M3 2BW",
            "{n} George Street, Edinburgh EH2 2PF",
        ),
        _ANGLO,
    ),
    "IE": Country(
        "IE",
        "Ireland",
        "アイルランド",
        "+353 1 ### ####",
        "ie",
        ("Ltd.", "DAC"),
        ("{n} Sir John Rogerson's Quay, Dublin 2, D02 X285", "{n} Barrow Street, Dublin 4, D04 TR29"),
        _ANGLO,
    ),
    "SG": Country(
        "SG",
        "Singapore",
        "シンガポール",
        "+65 6### ####",
        "com.sg",
        ("Pte. Ltd.",),
        (
            "{n} Robinson Road, #{f}-0{u}, Singapore 068898",
            "{n} Changi Business Park Central, Singapore 486030",
        ),
        (("Wei Ming", "Tan"), ("Priya", "Nair"), ("Jun Hao", "Lim"), ("Siti", "Rahman"), ("Daniel", "Ong")),
    ),
    "IN": Country(
        "IN",
        "India",
        "インド",
        "+91 80 #### ####",
        "co.in",
        ("Pvt. Ltd.", "Private Limited"),
        (
            "Tower {u}, {n} Outer Ring Road, Bengaluru 560103",
            "{n} Hinjewadi Phase 2, Pune 411057",
            "Block {u}, {n} HITEC City, Hyderabad 500081",
        ),
        (
            ("Rahul", "Sharma"),
            ("Ananya", "Iyer"),
            ("Vikram", "Reddy"),
            ("Sneha", "Kulkarni"),
            ("Arjun", "Menon"),
        ),
    ),
    "PH": Country(
        "PH",
        "Philippines",
        "フィリピン",
        "+63 2 8### ####",
        "com.ph",
        ("Inc.", "Corporation"),
        ("{f}F {n} Ayala Avenue, Makati City 1226", "{f}F Cebu IT Park, Lahug, Cebu City 6000"),
        (
            ("Maria", "Santos"),
            ("Jose", "Reyes"),
            ("Andrea", "Cruz"),
            ("Mark", "Villanueva"),
            ("Joy", "Garcia"),
        ),
    ),
    "VN": Country(
        "VN",
        "Vietnam",
        "ベトナム",
        "+84 28 #### ####",
        "com.vn",
        ("Co., Ltd.", "JSC"),
        ("{n} Nguyen Hue, District 1, Ho Chi Minh City", "{f}F, {n} Duy Tan, Cau Giay, Hanoi"),
        (("Lan", "Nguyen"), ("Minh", "Tran"), ("Huong", "Le"), ("Duc", "Pham"), ("Thao", "Vo")),
    ),
}

COUNTRY_NAMES: dict[str, tuple[str, str]] = {"JP": ("Japan", "日本")} | {
    c.code: (c.name_en, c.name_ja) for c in FOREIGN.values()
}

# Per kind: (issuer, number pattern, validity in months, issues in Japan?); `#` becomes a digit.
CERT_ISSUERS: dict[CertificationKind, tuple[tuple[str, str, int, bool], ...]] = {
    CertificationKind.PRIVACY_MARK: (
        ("一般財団法人日本情報経済社会推進協会（JIPDEC）", "第108#####(0#)号", 24, True),
    ),
    CertificationKind.ISO_27001: (
        ("BSIグループジャパン株式会社", "IS ######", 36, True),
        ("一般財団法人日本品質保証機構（JQA）", "JQA-IM####", 36, True),
        ("DNVビジネス・アシュアランス・ジャパン株式会社", "C######-IS1", 36, True),
        ("BSI Assurance UK Ltd", "IS ######", 36, False),
        ("DNV Business Assurance", "C######-IS1", 36, False),
        ("SGS United Kingdom Ltd", "GB##/######", 36, False),
    ),
    CertificationKind.ISO_27701: (
        ("BSIグループジャパン株式会社", "PM ######", 36, True),
        ("BSI Assurance UK Ltd", "PM ######", 36, False),
        ("DNV Business Assurance", "C######-PIMS1", 36, False),
    ),
    CertificationKind.ISO_27017: (
        ("BSIグループジャパン株式会社", "CLOUD ######", 36, True),
        ("BSI Assurance UK Ltd", "CLOUD ######", 36, False),
    ),
    CertificationKind.SOC2: (
        ("Schellman & Company, LLC", "", 12, False),
        ("A-LIGN Assurance", "", 12, False),
        ("Deloitte & Touche LLP", "", 12, False),
    ),
}

CERT_NAMES: dict[CertificationKind, str] = {
    CertificationKind.PRIVACY_MARK: "プライバシーマーク",
    CertificationKind.ISO_27001: "ISO/IEC 27001:2022",
    CertificationKind.ISO_27701: "ISO/IEC 27701:2019",
    CertificationKind.ISO_27017: "ISO/IEC 27017:2015",
    CertificationKind.SOC2: "SOC 2 Type II report",
}

CONTRACT_TITLES_JA: tuple[str, ...] = (
    "個人情報の取扱いに関する業務委託契約書",
    "業務委託契約書（個人情報取扱特記事項付）",
    "個人情報取扱委託契約書",
    "業務委託基本契約書及び個人情報の取扱いに関する覚書",
)
CONTRACT_TITLES_EN: tuple[str, ...] = (
    "Data Processing Agreement",
    "Master Services Agreement with Data Processing Addendum",
    "Personal Data Entrustment Agreement",
)

METHOD_LABELS: dict[AuditMethod, tuple[str, str]] = {
    AuditMethod.ON_SITE: ("実地監査", "on-site audit"),
    AuditMethod.REMOTE: ("リモート監査", "remote audit"),
    AuditMethod.DOCUMENT_REVIEW: ("書面監査", "document review"),
    AuditMethod.SELF_ASSESSMENT: ("自己点検", "self-assessment"),
}

S = Severity
FINDINGS: tuple[FindingText, ...] = (
    FindingText(
        "security_measures",
        "アクセスログが90日分しか保存されていない",
        "Access logs retained for only 90 days",
        "ログの保存期間を1年以上に延長し、設定画面の写しを提出する",
        "Extend log retention to at least one year and send a screenshot of the setting",
        (S.MINOR, S.MAJOR),
    ),
    FindingText(
        "security_measures",
        "退職者のアカウント3件が削除されずに残っていた",
        "Three accounts of departed staff were still active",
        "退職時のアカウント削除手順を定め、全アカウントを棚卸しする",
        "Add account removal to the leaver process and review all accounts",
        (S.MAJOR, S.MINOR),
    ),
    FindingText(
        "security_measures",
        "管理者アカウントに多要素認証が適用されていない",
        "Multi-factor authentication not enforced on administrator accounts",
        "全管理者アカウントに多要素認証を設定する",
        "Enforce MFA on every administrator account",
        (S.MAJOR, S.CRITICAL),
    ),
    FindingText(
        "security_measures",
        "一部の端末でUSBメモリの使用が制限されていない",
        "USB storage not blocked on some workstations",
        "資産管理ツールで外部記録媒体の書込みを禁止する",
        "Block writes to removable media with the endpoint tool",
        (S.MINOR, S.MAJOR),
    ),
    FindingText(
        "security_measures",
        "個人データを含む書類が施錠されていないキャビネットに保管されていた",
        "Documents containing personal data kept in an unlocked cabinet",
        "施錠保管を徹底し、鍵の管理台帳を整備する",
        "Lock the cabinets and keep a key register",
        (S.MINOR, S.OBSERVATION),
    ),
    FindingText(
        "security_measures",
        "脆弱性修正プログラムの適用が3か月遅れている",
        "Security patches applied three months late",
        "月次のパッチ適用手順を定め、適用状況を報告する",
        "Set a monthly patch cycle and report the patch status",
        (S.MAJOR, S.MINOR),
    ),
    FindingText(
        "security_measures",
        "個人データを暗号化せずに電子メールで送信していた",
        "Personal data sent by e-mail without encryption",
        "ファイル転送サービスの利用に切り替え、従業者に周知する",
        "Switch to the secure file-transfer service and brief the staff",
        (S.MAJOR, S.CRITICAL),
    ),
    FindingText(
        "security_measures",
        "サーバールームの入退室記録に一部欠落がある",
        "Gaps in the server-room entry log",
        "入退室記録を毎週確認する手順を追加する",
        "Add a weekly check of the entry log",
        (S.MINOR, S.OBSERVATION),
    ),
    FindingText(
        "reentrustment",
        "再委託先の一覧が最新化されていない",
        "List of sub-processors is out of date",
        "再委託先一覧を更新し、変更時の事前承認申請を徹底する",
        "Update the list and ask for prior approval before any change",
        (S.MINOR, S.MAJOR),
    ),
    FindingText(
        "staff_training",
        "個人情報保護教育の受講率が82%にとどまっている",
        "Privacy training completed by only 82% of staff",
        "未受講者に受講させ、受講記録を提出する",
        "Train the remaining staff and send the attendance records",
        (S.MINOR, S.OBSERVATION),
    ),
    FindingText(
        "confidentiality",
        "派遣社員2名の秘密保持誓約書が未提出",
        "Confidentiality pledges missing for two temps",
        "誓約書を取得し、入場前に確認する手順を定める",
        "Collect the pledges and check them before site access",
        (S.MINOR, S.MAJOR),
    ),
    FindingText(
        "return_deletion",
        "終了した案件のデータ削除証明書が提出されていない",
        "No deletion certificate for data from a finished project",
        "データを削除し、削除証明書を提出する",
        "Delete the data and send a certificate of deletion",
        (S.MINOR, S.MAJOR),
    ),
    FindingText(
        "return_deletion",
        "廃棄した書類の溶解証明書が保管されていない",
        "Certificates of destruction for shredded documents not kept",
        "廃棄業者から証明書を取り寄せ、保管する",
        "Obtain the certificates from the disposal firm and file them",
        (S.OBSERVATION, S.MINOR),
    ),
    FindingText(
        "incident_notice",
        "インシデント発生時の当社への報告期限が手順書に記載されていない",
        "Incident procedure does not state the deadline for notifying us",
        "手順書に「覚知後24時間以内に報告」を追記する",
        "Add 'notify within 24 hours of discovery' to the procedure",
        (S.MINOR, S.MAJOR),
    ),
    FindingText(
        "reporting",
        "取扱状況の四半期報告が期限までに提出されていない",
        "Quarterly handling report submitted late",
        "報告の提出期限を業務カレンダーに登録する",
        "Put the report deadlines in the operations calendar",
        (S.OBSERVATION, S.MINOR),
    ),
    FindingText(
        "purpose_limitation",
        "本番の個人データがテストデータとして使用されていた",
        "Production personal data used as test data",
        "テスト環境の個人データを削除し、マスキング手順を導入する",
        "Delete the personal data from the test system and introduce masking",
        (S.MAJOR, S.CRITICAL),
    ),
    FindingText(
        "cross_border",
        "海外拠点での取扱いについて所在国の制度の確認記録がない",
        "No record of checking the legal regime of the offshore site's country",
        "所在国の個人情報保護制度を調査し、記録を提出する",
        "Review the country's data-protection regime and send the record",
        (S.MINOR, S.MAJOR),
    ),
    FindingText(
        "data_subject_requests",
        "本人からの開示等請求への協力手順が整備されていない",
        "No procedure for helping with data-subject requests",
        "請求受付時の連絡手順を定め、当社に提出する",
        "Write the procedure for forwarding requests and share it",
        (S.OBSERVATION, S.MINOR),
    ),
    FindingText(
        "audit_rights",
        "再委託先に対する監査権限が契約上確保されていない",
        "Audit rights are not flowed down to the sub-processor",
        "再委託契約に監査条項を追加する",
        "Add an audit clause to the sub-processing contract",
        (S.MINOR, S.MAJOR),
    ),
    FindingText(
        None,
        "個人データ取扱台帳に一部記載漏れがある",
        "Handling records (ledger) incomplete",
        "台帳を補完し、月次で点検する",
        "Complete the ledger and check it monthly",
        (S.OBSERVATION, S.MINOR),
    ),
    FindingText(
        None,
        "パスワードポリシーが8文字未満のパスワードを許容している",
        "Password policy allows passwords shorter than 8 characters",
        "12文字以上を必須とする設定に変更する",
        "Require at least 12 characters",
        (S.MINOR, S.OBSERVATION),
    ),
)

CLOSURE_EVIDENCE: tuple[tuple[str, str], ...] = (
    ("是正報告書及び設定画面の写しを受領", "Corrective-action report and configuration screenshots received"),
    ("是正後の手順書（改訂版）を受領し内容を確認", "Revised procedure received and reviewed"),
    ("再監査（リモート）で是正を確認", "Correction confirmed in a remote follow-up"),
    ("記録の写しを受領", "Copies of the records received"),
)

CONCLUSION_NOTES: dict[str, tuple[str, str]] = {
    "satisfactory": ("契約に定める安全管理措置が適切に実施されている", "Contractual safeguards are in place"),
    "satisfactory_with_findings": (
        "概ね適切だが、指摘事項の是正を求める",
        "Broadly adequate; findings to be corrected",
    ),
    "unsatisfactory": (
        "重大な不備があり、是正完了まで新規データの提供を見合わせる",
        "Serious shortcomings; no new data until they are corrected",
    ),
}

CONDITIONS: tuple[str, str] = (
    "一部対応の項目について、6か月以内に改善計画を提出すること",
    "Send an improvement plan for the partly met items within six months",
)

# Reasons recorded with each lifecycle step: (Japanese, English).
REASONS: dict[str, tuple[tuple[str, str], ...]] = {
    "assess": (
        ("選定評価を開始（評価シートを送付）", "Selection assessment started; questionnaire sent"),
        ("委託先候補として安全管理措置の確認を開始", "Checking the candidate's security measures"),
    ),
    "approve": (("選定評価に合格（評価点 {pct}%）", "Passed the selection assessment ({pct}%)"),),
    "activate": (("委託契約（{ref}）を締結し委託を開始", "Contract {ref} signed; entrustment started"),),
    "suspend": (
        (
            "監査で重大な指摘（{title}）があり、是正完了まで新規データの提供を停止",
            "Audit found a serious issue ({title}); no new data until it is corrected",
        ),
    ),
    "end": (
        (
            "契約期間満了により委託終了。データ削除証明書を受領",
            "Contract expired; deletion certificate received",
        ),
        ("業務の内製化に伴い契約を終了", "Work brought in-house; contract ended"),
        ("委託業務の見直しにより契約を解除", "Entrustment ended after a review of the work"),
    ),
    "reject": (
        (
            "選定評価不合格（必須項目が未達）のため委託を見送り",
            "Failed the selection assessment (must-pass items not met); not entrusted",
        ),
    ),
}

# How likely each clause is to be left out or only partly covered, relative to the average.
FRAGILITY: dict[str, float] = {
    "scope_purpose": 0.2,
    "confidentiality": 0.2,
    "liability": 0.3,
    "security_measures": 0.6,
    "no_third_party": 0.6,
    "purpose_limitation": 0.8,
    "breach_measures": 0.8,
    "audit_rights": 1.3,
    "incident_notice": 1.4,
    "staff_training": 1.4,
    "reporting": 1.5,
    "cross_border": 1.5,
    "data_subject_requests": 1.8,
}

# The data categories each business function usually involves (special-care ones apart).
FUNCTION_DATA: dict[str, tuple[str, ...]] = {
    "sales_desk": ("basic_contact", "purchase_history", "payment"),
    "information_desk": ("basic_contact", "email", "purchase_history"),
    "repair_maintenance": ("basic_contact", "purchase_history"),
    "billing": ("payment", "basic_contact"),
    "marketing": ("email", "purchase_history", "date_of_birth"),
    "delivery": ("basic_contact",),
    "it_operations": ("account_credentials", "email"),
    "system_development": ("account_credentials",),
    "printing_mailing": ("basic_contact",),
    "data_entry": ("basic_contact", "date_of_birth", "payment"),
    "payroll_hr": ("employment", "my_number", "basic_contact"),
    "cloud_hosting": ("account_credentials", "email", "purchase_history"),
    "document_disposal": ("basic_contact", "employment"),
}

# Special-care categories a function plausibly brings, and the fallback for the others.
SPECIAL_BY_FUNCTION: dict[str, tuple[str, ...]] = {
    "payroll_hr": ("health_check", "disability"),
    "information_desk": ("medical_history",),
    "data_entry": ("medical_history", "health_check"),
    "document_disposal": ("health_check", "criminal_record"),
}
SPECIAL_ANY = ("medical_history", "health_check", "health_check", "disability", "crime_victim", "creed")
