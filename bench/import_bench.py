"""Import of a generated N-row vendor list (.xlsx) into a fresh register, against a baseline.

Run: `/work/venv/bin/python bench/import_bench.py [--rows 100000]`. The baseline, measured in the same
run on the same file: python-calamine's plain iteration of the sheet plus raw `sqlite3` executemany
of the same rows into a plain table. Target (issue 4, item 12): calmi-vendors' preview + apply at
most 2x the baseline, with peak memory under 500 MB. Each side runs in its own process, so that its
peak resident memory (ru_maxrss) is its own.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

HEADERS = (
    "委託先名", "フリガナ", "法人番号", "所在地", "国", "委託業務", "取扱う個人情報", "件数(概算)",
    "再委託", "契約締結日", "契約満了日", "Pマーク", "担当部署", "担当者", "メールアドレス", "電話番号",
)  # fmt: skip
_FORMS = ("株式会社{}", "{}株式会社", "有限会社{}", "{}合同会社", "(株){}")
_STEMS = ("さくら", "北斗", "双葉", "青空", "日の出", "みなと", "若葉", "富士", "大和", "東都")
_KANA = ("サクラ", "ホクト", "フタバ", "アオゾラ", "ヒノデ", "ミナト", "ワカバ", "フジ", "ヤマト", "トウト")
_WORDS = ("情報サービス", "ロジスティクス", "コールセンター", "データ", "印刷", "システムズ")
_PREFECTURES = (
    "東京都千代田区",
    "大阪府大阪市",
    "福岡県福岡市",
    "宮城県仙台市",
    "愛知県名古屋市",
    "北海道札幌市",
)
_FUNCTIONS = ("データ入力", "配送", "システム運用", "コールセンター", "印刷", "マーケティング", "給与計算")
_DATA = ("氏名・住所", "氏名・メールアドレス", "氏名・住所・購買履歴", "口座情報・請求先", "氏名・生年月日")
_DEPARTMENTS = ("購買部", "情報システム部", "総務部", "営業部")
_PEOPLE = ("田中 翔", "鈴木 花子", "中村 恵", "佐藤 健", "高橋 陽子")


def corporate_number(body12: str) -> str:
    """13 digits with a valid check digit (9 - weighted sum mod 9) in front."""
    total = sum(int(d) * (1 if i % 2 == 0 else 2) for i, d in enumerate(reversed(body12)))
    return f"{9 - total % 9}{body12}"


def generate(path: Path, rows: int) -> None:
    """A vendor list as procurement keeps it: a title row, a blank row, headers, then `rows` vendors."""
    import openpyxl

    rng = random.Random(12)
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("委託先一覧")
    sheet.append(["個人情報取扱い委託先一覧（ベンチマーク）"])
    sheet.append([])
    sheet.append(list(HEADERS))
    start = date(2020, 4, 1)
    for i in range(rows):
        stem = rng.randrange(len(_STEMS))
        word = rng.choice(_WORDS)
        name = rng.choice(_FORMS).format(f"{_STEMS[stem]}{word}{i:06d}")
        signed = start + timedelta(days=rng.randrange(1500))
        abroad = rng.random() < 0.05
        sheet.append(
            [
                name,
                f"{_KANA[stem]}{i:06d}",
                corporate_number(f"{1_000_000_000 + i * 7919:012d}"),
                "Seattle, WA" if abroad else f"{rng.choice(_PREFECTURES)}{rng.randrange(1, 30)}-{i % 50}",
                "米国" if abroad else "日本",
                rng.choice(_FUNCTIONS),
                rng.choice(_DATA),
                rng.choice((300, 1500, 25000, 250000)),
                rng.choice(("有", "無")),
                signed,
                signed + timedelta(days=3 * 365),
                rng.choice(("取得", None)),
                rng.choice(_DEPARTMENTS),
                rng.choice(_PEOPLE),
                f"contact{i:06d}@example.co.jp",
                f"03-{rng.randrange(1000, 9999)}-{rng.randrange(1000, 9999)}",
            ]
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial.xlsx")
    book.save(partial)
    partial.replace(path)


def run_baseline(path: Path, workdir: Path) -> dict[str, Any]:
    """calamine's plain iteration + raw sqlite3 executemany of the same rows into a plain table."""
    from python_calamine import CalamineWorkbook

    started = time.perf_counter()
    with CalamineWorkbook.from_path(path) as book:
        rows = [
            tuple(None if cell == "" else str(cell) for cell in row)
            for row in book.get_sheet_by_index(0).iter_rows()
        ][3:]
    read = time.perf_counter() - started
    database = workdir / "baseline.sqlite3"
    database.unlink(missing_ok=True)
    written = time.perf_counter()
    conn = sqlite3.connect(database)
    columns = ", ".join(f"c{i} TEXT" for i in range(len(HEADERS)))
    conn.execute(f"CREATE TABLE vendor (id INTEGER PRIMARY KEY, {columns})")
    marks = ", ".join("?" for _ in HEADERS)
    names = ", ".join(f"c{i}" for i in range(len(HEADERS)))
    with conn:
        conn.executemany(f"INSERT INTO vendor ({names}) VALUES ({marks})", rows)
    conn.close()
    done = time.perf_counter()
    return {"read": read, "write": done - written, "total": done - started, "rows": len(rows)}


def run_calmi(path: Path, workdir: Path) -> dict[str, Any]:
    """calmi-vendors' preview + apply of the file into a fresh register (the register's creation excluded)."""
    from calmi_vendors.services import importing
    from calmi_vendors.services.opening import open_for_use
    from calmi_vendors.store import history

    database = workdir / "register.sqlite3"
    for leftover in workdir.glob("register.sqlite3*"):
        leftover.unlink()
    register = open_for_use(str(database))
    today = date(2026, 4, 1)
    started = time.perf_counter()
    preview = importing.preview_import(register.unit_of_work(), path, today=today)
    previewed = time.perf_counter()
    result = importing.apply_import(register.unit_of_work(), preview, today=today)
    done = time.perf_counter()
    with register.engine.connect() as conn:
        problems = history.verify_chain(conn)
    register.close()
    return {
        "preview": previewed - started,
        "apply": done - previewed,
        "total": done - started,
        "created": result.created,
        "errors": result.errors,
        "recomputed": result.recomputed,
        "chain_problems": len(problems),
    }


def in_child(kind: str, path: Path, workdir: Path) -> tuple[dict[str, Any], float]:
    """Run one side in its own process: (its figures, its peak resident memory in MB)."""
    done = subprocess.run(
        [sys.executable, __file__, "--child", kind, "--file", str(path), "--workdir", str(workdir)],
        check=True,
        capture_output=True,
        text=True,
    )
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    return figures, float(figures.pop("maxrss_kb")) / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "calmi-import-bench")
    parser.add_argument("--child", choices=("baseline", "calmi"), help=argparse.SUPPRESS)
    parser.add_argument("--file", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--workdir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run = run_baseline if args.child == "baseline" else run_calmi
        figures = run(args.file, args.workdir)
        figures["maxrss_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(json.dumps(figures))
        return 0
    path = args.cache / f"vendors_{args.rows}.xlsx"
    if not path.exists():
        started = time.perf_counter()
        generate(path, args.rows)
        print(f"generated {path} in {time.perf_counter() - started:.1f} s")
    with tempfile.TemporaryDirectory(prefix="calmi-import-bench-") as work:
        workdir = Path(work)
        base, base_mb = in_child("baseline", path, workdir)
        calmi, calmi_mb = in_child("calmi", path, workdir)
    ratio = calmi["total"] / base["total"]
    print(f"rows: {args.rows:,} ({path.stat().st_size / 1e6:.1f} MB file)")
    print(
        f"baseline  calamine read {base['read']:.2f} s + sqlite3 executemany {base['write']:.2f} s "
        f"= {base['total']:.2f} s, peak {base_mb:.0f} MB"
    )
    print(
        f"calmi     preview {calmi['preview']:.2f} s + apply {calmi['apply']:.2f} s "
        f"= {calmi['total']:.2f} s, peak {calmi_mb:.0f} MB "
        f"(created {calmi['created']:,}, errors {calmi['errors']}, chain problems {calmi['chain_problems']})"
    )
    print(f"ratio     {ratio:.2f}x (target <= 2x); peak memory {calmi_mb:.0f} MB (target < 500 MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
