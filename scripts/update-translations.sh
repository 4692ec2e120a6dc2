#!/usr/bin/env bash
# Refresh the UI translation files from the Python sources and compile the Japanese one:
#
#   bash scripts/update-translations.sh
#
# 1. pyside6-lupdate scans every calmi_vendors/ui/**/*.py (self.tr, QCoreApplication.translate,
#    QT_TR_NOOP, QT_TRANSLATE_NOOP) and merges the messages into
#    calmi_vendors/resources/translations/calmi_vendors_{ja,en}.ts (-no-obsolete: strings gone
#    from the code are dropped). English is the source language; its .ts stays untranslated.
# 2. pyside6-lrelease compiles calmi_vendors_ja.qm, which calmi_vendors/ui/i18n.py loads.
#
# Translate new messages (they appear with type="unfinished") in Qt Linguist or by editing the .ts,
# then run this script again; tests/ui/test_translations.py fails while any message is unfinished.
# Wrap every UI string in one of the calls above, never in a local helper such as _t(text), an
# alias (tr = self.tr) or another object's tr (parent.tr): lupdate misses those or files them under
# the wrong context. A message the code looks up but lupdate cannot see can be added to the
# Japanese .ts by hand with an <extra-added-by-hand>why</extra-added-by-hand> element: this script
# keeps such messages although -no-obsolete drops them (see step 1b below).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# pyside6-lupdate / pyside6-lrelease from .venv, else /work/venv, else PATH.
find_tool() {
    local name="$1" candidate
    for candidate in "$ROOT/.venv/bin/$name" "/work/venv/bin/$name"; do
        if [[ -x "$candidate" ]]; then
            echo "$candidate"
            return 0
        fi
    done
    if command -v "$name" >/dev/null 2>&1; then
        command -v "$name"
        return 0
    fi
    echo "update-translations: $name not found (run scripts/venv.sh, or put PySide6's tools on PATH)" >&2
    return 1
}

LUPDATE="$(find_tool pyside6-lupdate)"
LRELEASE="$(find_tool pyside6-lrelease)"

OUT_DIR="calmi_vendors/resources/translations"
mkdir -p "$OUT_DIR"

# Every UI source file, sorted so the .ts does not change with the file system's order.
mapfile -t SOURCES < <(find calmi_vendors/ui -type f -name '*.py' | LC_ALL=C sort)
if [[ ${#SOURCES[@]} -eq 0 ]]; then
    echo "update-translations: no Python files under calmi_vendors/ui" >&2
    exit 1
fi

JA_TS="$OUT_DIR/calmi_vendors_ja.ts"
BACKUP="$(mktemp)"
trap 'rm -f "$BACKUP"' EXIT
if [[ -f "$JA_TS" ]]; then
    cp "$JA_TS" "$BACKUP"
fi

# Relative locations: line numbers relative to the previous message keep diffs small while the
# sources change around them.
"$LUPDATE" -silent -no-obsolete -locations relative \
    -source-language en -target-language ja \
    "${SOURCES[@]}" -ts "$JA_TS"

# 1b. Messages added by hand (marked <extra-added-by-hand>) cover lookups lupdate cannot see, e.g.
# `tr = self.tr; tr("Party")` (extracted with an empty context, looked up as "MainWindow") or
# `parent.tr(...)`. -no-obsolete has just dropped them: put them back. Once the code is fixed and
# lupdate extracts the message itself, its translation moves to lupdate's entry and the hand-made
# copy goes away.
PYTHON="$(dirname "$LUPDATE")/python"
if [[ ! -x "$PYTHON" ]]; then
    PYTHON="$(command -v python3)"
fi
"$PYTHON" - "$BACKUP" "$JA_TS" <<'PY'
import copy
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from xml.sax.saxutils import escape

MARK = "extra-added-by-hand"
old_path, ts_path = Path(sys.argv[1]), Path(sys.argv[2])
if old_path.stat().st_size == 0:
    sys.exit(0)


def key(context, message):
    return (context.findtext("name") or "", message.findtext("source") or "", message.findtext("comment") or "")


manual = [
    (key(context, message), message)
    for context in ET.parse(old_path).getroot().iter("context")
    for message in context.iter("message")
    if message.find(MARK) is not None
]
text = ts_path.read_text(encoding="utf-8")


def context_blocks(text):
    """(name, start, end) of each <context> block, end just before its </context>."""
    for match in re.finditer(r"<context>.*?</context>", text, re.DOTALL):
        name = ET.fromstring("<c>" + re.search(r"<name>(.*?)</name>|<name/>", match.group()).group(0) + "</c>")
        yield name.findtext("name") or "", match.start(), match.end() - len("</context>")


def serialize(message):
    block = copy.deepcopy(message)
    for location in block.findall("location"):
        block.remove(location)
    ET.indent(block, space="    ", level=1)
    return "    " + ET.tostring(block, encoding="unicode").rstrip() + "\n"


restored = reused = 0
for (name, source, comment), message in manual:
    blocks = {n: (s, e) for n, s, e in context_blocks(text)}
    if name in blocks:
        s, e = blocks[name]
        for match in re.finditer(r"<message[^>]*>.*?</message>", text[s:e], re.DOTALL):
            found = ET.fromstring(match.group())
            if (found.findtext("source") or "", found.findtext("comment") or "") != (source, comment):
                continue
            if found.find("translation").get("type") == "unfinished":
                # lupdate extracts this message now (the code was fixed): keep the translation only.
                mine = copy.deepcopy(message)
                mine.remove(mine.find(MARK))
                for location in mine.findall("location"):
                    mine.remove(location)
                for location in reversed(found.findall("location")):
                    mine.insert(0, location)
                at, to = s + match.start(), s + match.end()
                text = text[:at] + serialize(mine).strip() + text[to:]
                reused += 1
            break
        else:
            text = text[:e] + serialize(message) + text[e:]
            restored += 1
        continue
    later = [s for n, s, _ in context_blocks(text) if n > name]
    at = later[0] if later else text.rindex("</TS>")
    text = text[:at] + "<context>\n    <name>%s</name>\n%s</context>\n" % (escape(name), serialize(message)) + text[at:]
    restored += 1
ts_path.write_text(text, encoding="utf-8")
if restored or reused:
    print(f"update-translations: {restored} hand-added messages kept, {reused} now extracted by lupdate")
PY
"$LUPDATE" -silent -no-obsolete -locations relative \
    -source-language en -target-language en \
    "${SOURCES[@]}" -ts "$OUT_DIR/calmi_vendors_en.ts"

"$LRELEASE" -silent "$OUT_DIR/calmi_vendors_ja.ts" -qm "$OUT_DIR/calmi_vendors_ja.qm"

# Report what is left to translate.
unfinished="$(grep -c 'type="unfinished"' "$OUT_DIR/calmi_vendors_ja.ts" || true)"
total="$(grep -c '<message' "$OUT_DIR/calmi_vendors_ja.ts" || true)"
echo "update-translations: $total messages, $unfinished unfinished in $OUT_DIR/calmi_vendors_ja.ts"
