"""Countries by ISO 3166 code, with the names people write for them (Japanese first, then English)."""

from __future__ import annotations

COUNTRY_NAMES: dict[str, tuple[str, ...]] = {
    "JP": ("日本", "日本国", "国内", "Japan"),
    "US": ("米国", "アメリカ", "アメリカ合衆国", "United States", "USA", "U.S.", "U.S.A.", "America"),
    "GB": ("英国", "イギリス", "United Kingdom", "UK", "Great Britain", "England"),
    "IE": ("アイルランド", "Ireland"),
    "DE": ("ドイツ", "Germany"),
    "FR": ("フランス", "France"),
    "NL": ("オランダ", "Netherlands", "The Netherlands", "Holland"),
    "BE": ("ベルギー", "Belgium"),
    "LU": ("ルクセンブルク", "Luxembourg"),
    "CH": ("スイス", "Switzerland"),
    "SE": ("スウェーデン", "Sweden"),
    "FI": ("フィンランド", "Finland"),
    "DK": ("デンマーク", "Denmark"),
    "ES": ("スペイン", "Spain"),
    "IT": ("イタリア", "Italy"),
    "PL": ("ポーランド", "Poland"),
    "CA": ("カナダ", "Canada"),
    "MX": ("メキシコ", "Mexico"),
    "BR": ("ブラジル", "Brazil"),
    "AU": ("オーストラリア", "豪州", "Australia"),
    "NZ": ("ニュージーランド", "New Zealand"),
    "CN": ("中国", "中華人民共和国", "China", "PRC"),
    "HK": ("香港", "Hong Kong"),
    "TW": ("台湾", "Taiwan"),
    "KR": ("韓国", "大韓民国", "South Korea", "Korea", "Republic of Korea"),
    "SG": ("シンガポール", "Singapore"),
    "MY": ("マレーシア", "Malaysia"),
    "TH": ("タイ", "Thailand"),
    "VN": ("ベトナム", "Vietnam", "Viet Nam"),
    "PH": ("フィリピン", "Philippines", "The Philippines"),
    "ID": ("インドネシア", "Indonesia"),
    "IN": ("インド", "India"),
    "LK": ("スリランカ", "Sri Lanka"),
    "BD": ("バングラデシュ", "Bangladesh"),
    "IL": ("イスラエル", "Israel"),
    "AE": ("アラブ首長国連邦", "UAE", "United Arab Emirates"),
    "ZA": ("南アフリカ", "South Africa"),
}


def country_name(code: str | None, language: str) -> str:
    """The country's usual name in `language` ('日本', 'Japan'); the code itself when unknown."""
    if not code:
        return ""
    names = COUNTRY_NAMES.get(code.upper())
    if not names:
        return code
    if language == "ja":
        return names[0]
    return next((n for n in names if n.isascii() and len(n) > 3), names[-1])
