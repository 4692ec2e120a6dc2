"""Labels people write in lists, matched to the register's keys: functions, data, countries, statuses."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from calmi_vendors.domain.countries import COUNTRY_NAMES
from calmi_vendors.domain.enums import PartyStatus
from calmi_vendors.domain.seed import BUSINESS_FUNCTIONS, DATA_CATEGORIES
from calmi_vendors.domain.text import clean_text, search_key
from calmi_vendors.domain.values import split_multi

_PUNCTUATION = re.compile(r"[\-‐_.・･:*＊※'’\"()\[\]（）「」【】]")
# A label that is two things joined by "and" / 及び is tried as its parts once the whole fails.
_AND = re.compile(r"\s+(?:and|&)\s+|及び|および|並びに|ならびに|、|&")

BUSINESS_FUNCTION_SYNONYMS: dict[str, tuple[str, ...]] = {
    "sales_desk": ("販売", "販売窓口", "営業", "販売代理", "代理店", "Sales", "Sales desk", "Sales agency"),
    "information_desk": (
        "コールセンター", "コールセンタ", "問い合わせ窓口", "問合せ窓口", "お問い合わせ対応",
        "問い合わせ対応", "カスタマーサポート", "ヘルプデスク", "受付窓口", "受付", "Call centre",
        "Call center", "Contact centre", "Contact center", "Customer support", "Help desk", "Helpdesk",
        "Information desk",
    ),
    "repair_maintenance": (
        "修理", "保守", "メンテナンス", "点検", "Repair", "Repairs", "Maintenance",
        "Repairs and maintenance", "Field maintenance",
    ),
    "billing": (
        "請求", "料金請求", "料金関連業務", "料金関連", "収納", "集金", "料金収納", "債権回収", "Billing",
        "Charges and billing", "Collection", "Collections", "Invoicing",
    ),
    "marketing": (
        "マーケティング", "販促", "販売促進", "広告", "DM", "Marketing", "Promotion", "Advertising",
    ),
    "delivery": ("配送", "物流", "配達", "Delivery", "Logistics", "Shipping"),
    "it_operations": (
        "システム運用", "システム保守", "運用保守", "IT運用", "情報システム運用", "IT operations",
        "System operation", "System operations", "IT maintenance",
    ),
    "system_development": (
        "システム開発", "開発", "ソフトウェア開発", "System development", "Software development",
        "Development",
    ),
    "printing_mailing": ("印刷", "発送", "封入", "印刷発送", "Printing", "Mailing", "Print and mail"),
    "data_entry": ("データ入力", "入力", "入力代行", "Data entry", "Data input", "Keying"),
    "payroll_hr": ("給与計算", "人事", "給与", "労務", "Payroll", "HR", "Human resources"),
    "cloud_hosting": (
        "クラウド", "ホスティング", "データセンター", "サーバー", "サーバ", "Cloud", "Hosting",
        "Data hosting", "Cloud services", "Data centre", "Data center",
    ),
    "document_disposal": (
        "文書保管", "廃棄", "文書廃棄", "溶解", "シュレッダー", "書類保管", "Document storage", "Disposal",
        "Shredding", "Archiving",
    ),
}  # fmt: skip
# Labels that name two functions at once (the English is the same list's other-language column).
BUSINESS_FUNCTION_PAIRS: dict[str, tuple[str, ...]] = {
    "販売・受付窓口": ("sales_desk", "information_desk"),
    "Sales and information desk": ("sales_desk", "information_desk"),
}

DATA_CATEGORY_SYNONYMS: dict[str, tuple[str, ...]] = {
    "basic_contact": (
        "氏名", "名前", "住所", "電話番号", "電話", "連絡先", "請求先", "送付先", "氏名住所", "Name",
        "Names", "Address", "Phone", "Phone number", "Telephone", "Billing address", "Contact details",
    ),
    "email": ("メールアドレス", "メール", "Eメール", "Email", "E-mail", "Email address", "E-mail address"),
    "date_of_birth": ("生年月日", "年齢", "Date of birth", "Birth date", "DOB", "Age"),
    "payment": (
        "口座情報", "口座", "銀行口座", "クレジットカード", "カード情報", "決済情報",
        "クレジットカード情報", "Bank account", "Bank accounts", "Credit card", "Card data", "Payment data",
        "Payment",
    ),
    "purchase_history": (
        "購買履歴", "購入履歴", "利用履歴", "サービス利用履歴", "取引履歴", "注文履歴", "Purchase history",
        "Order history", "Service history", "Transaction history",
    ),
    "account_credentials": (
        "アカウント", "ID", "パスワード", "ログインID", "Account", "Accounts", "Credentials", "Account ID",
        "Login ID", "Password",
    ),
    "employment": (
        "人事情報", "給与情報", "従業員情報", "社員情報", "Employee records", "Employment records",
        "Payroll data", "HR records",
    ),
    "my_number": ("マイナンバー", "個人番号", "My Number", "Individual Number"),
    "medical_history": ("病歴", "既往歴", "診療情報", "Medical history", "Medical records"),
    # A list's plain "health data" is most often check-up results (健康診断等の結果), itself special care.
    "health_check": ("健康診断", "健康診断結果", "健康情報", "Health check results", "Health data",
                     "Health information"),
    "disability": ("障害", "障がい", "Disability", "Disabilities"),
    "criminal_record": ("犯罪歴", "前科", "Criminal record", "Criminal records"),
    "crime_victim": ("犯罪被害", "Crime victim"),
    "creed": ("信条", "宗教", "Creed", "Religion", "Religious beliefs"),
    "race": ("人種", "民族", "Race", "Ethnicity", "Ethnic origin"),
    "social_status": ("社会的身分", "Social status"),
}  # fmt: skip

STATUS_SYNONYMS: dict[PartyStatus, tuple[str, ...]] = {
    PartyStatus.CANDIDATE: ("候補", "選定中", "検討中", "新規", "Candidate", "Prospective", "Prospect"),
    PartyStatus.UNDER_ASSESSMENT: ("評価中", "審査中", "Under assessment", "In review", "Assessing"),
    PartyStatus.APPROVED: ("承認済", "承認済み", "承認", "Approved"),
    PartyStatus.ACTIVE: ("取引中", "委託中", "契約中", "有効", "稼働中", "Active", "In use", "Current"),
    PartyStatus.SUSPENDED: ("停止", "一時停止", "取引停止", "停止中", "Suspended", "On hold"),
    PartyStatus.TERMINATED: ("終了", "解約", "契約終了", "取引終了", "Terminated", "Ended", "Closed"),
}


def label_key(text: str) -> str:
    """A label as matched: search_key (NFKC, case, width, kana) without punctuation."""
    return _PUNCTUATION.sub("", search_key(text))


def _table(pairs: Iterable[tuple[str, tuple[str, ...]]]) -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for label, keys in pairs:
        table.setdefault(label_key(label), keys)
    return table


def _seeded(
    synonyms: Mapping[str, tuple[str, ...]], seeds: Iterable[tuple[str, str, str]]
) -> dict[str, tuple[str, ...]]:
    pairs: list[tuple[str, tuple[str, ...]]] = []
    for key, name_en, name_ja in seeds:
        pairs += [(key, (key,)), (name_en, (key,)), (name_ja, (key,))]
    pairs += [(label, (key,)) for key, labels in synonyms.items() for label in labels]
    return _table(pairs)


BUSINESS_FUNCTION_LABELS = _table(
    [(label, keys) for label, keys in BUSINESS_FUNCTION_PAIRS.items()]
    + list(
        _seeded(
            BUSINESS_FUNCTION_SYNONYMS, ((f.key, f.name_en, f.name_ja) for f in BUSINESS_FUNCTIONS)
        ).items()
    )
)
DATA_CATEGORY_LABELS = _seeded(
    DATA_CATEGORY_SYNONYMS, ((c.key, c.name_en, c.name_ja) for c in DATA_CATEGORIES)
)
SPECIAL_CARE_CATEGORIES = frozenset(c.key for c in DATA_CATEGORIES if c.special_care)
_STATUSES = _table(
    (label, (status.value,))
    for status, labels in STATUS_SYNONYMS.items()
    for label in (status.value, *labels)
)
_COUNTRIES = _table((label, (code,)) for code, labels in COUNTRY_NAMES.items() for label in labels)


def match_labels(text: str, table: Mapping[str, tuple[str, ...]]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(keys found, labels not recognised) for a cell naming one or more items of a vocabulary."""
    # A list repeats a handful of labels thousands of times: remember the answers per vocabulary.
    cache = _MATCHED.setdefault(id(table), {})
    found = cache.get(text)
    if found is None:
        found = _match_labels(text, table)
        if len(cache) < 10_000:
            cache[text] = found
    return found


_MATCHED: dict[int, dict[str, tuple[tuple[str, ...], tuple[str, ...]]]] = {}


def _match_labels(text: str, table: Mapping[str, tuple[str, ...]]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    whole = table.get(label_key(text))
    if whole is not None:
        return whole, ()
    keys: list[str] = []
    unknown: list[str] = []
    for part in split_multi(text):
        found = table.get(label_key(part))
        if found is None:
            pieces = [piece for piece in (clean_text(p) for p in _AND.split(part)) if piece]
            matched = [table.get(label_key(piece)) for piece in pieces]
            if len(pieces) > 1 and all(m is not None for m in matched):
                found = tuple(key for m in matched if m is not None for key in m)
        if found is None:
            unknown.append(part)
        else:
            keys += [key for key in found if key not in keys]
    return tuple(keys), tuple(unknown)


def match_status(text: str) -> PartyStatus | None:
    found = _STATUSES.get(label_key(text))
    return None if found is None else PartyStatus(found[0])


def match_country(text: str) -> str | None:
    """The ISO 3166 two-letter code for a country written as a code or a Japanese or English name."""
    found = _COUNTRIES.get(label_key(text))
    if found is not None:
        return found[0]
    code = clean_text(text).upper()
    if len(code) == 2 and code.isascii() and code.isalpha():
        return code
    return None
