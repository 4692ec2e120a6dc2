"""Demo data: a realistic register of entrusted parties, built through the services as a user would."""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TypeVar

import sqlalchemy as sa

from calmi_vendors.domain.cadence import add_months
from calmi_vendors.domain.clauses import is_gap, requirement_applies
from calmi_vendors.domain.corporate_number import make_corporate_number
from calmi_vendors.domain.enums import (
    AnswerType,
    Applicability,
    AssessmentKind,
    AssessmentResult,
    AuditConclusion,
    AuditMethod,
    CertificationKind,
    ContractStatus,
    Coverage,
    PartyStatus,
    QuestionnaireCategory,
    Severity,
)
from calmi_vendors.domain.lifecycle import LIVE_CONTRACT_STATUSES
from calmi_vendors.domain.scoring import QuestionSpec, ScoreResult, score_answers
from calmi_vendors.errors import ValidationError
from calmi_vendors.services import assessments, audits, contracts
from calmi_vendors.services import demo_content as text
from calmi_vendors.services import parties as party_service
from calmi_vendors.services.dto import (
    AssessmentView,
    CertificationInput,
    ContactInput,
    FindingView,
    PartyInput,
)
from calmi_vendors.store.models import BusinessFunction, ClauseRequirement, ConsignmentContract, DataCategory
from calmi_vendors.store.unit_of_work import UnitOfWork

MAX_PARTIES = 2000
T = TypeVar("T")
P = PartyStatus

STATUS_SHARES = (
    (P.ACTIVE, 65),
    (P.APPROVED, 10),
    (P.UNDER_ASSESSMENT, 8),
    (P.CANDIDATE, 6),
    (P.SUSPENDED, 6),
    (P.TERMINATED, 5),
)
SEVERITIES = ((Severity.CRITICAL, 2), (Severity.MAJOR, 18), (Severity.MINOR, 50), (Severity.OBSERVATION, 30))
DUE_DAYS = {Severity.CRITICAL: 14, Severity.MAJOR: 30, Severity.MINOR: 60, Severity.OBSERVATION: 90}
METHODS = (
    (AuditMethod.ON_SITE, 25),
    (AuditMethod.REMOTE, 30),
    (AuditMethod.DOCUMENT_REVIEW, 25),
    (AuditMethod.SELF_ASSESSMENT, 20),
)
# Contract quality: (partial rate, missing rate, weight): own template, older template, the party's paper.
QUALITY = ((0.03, 0.01, 50), (0.15, 0.12, 30), (0.22, 0.20, 20))


@dataclass(frozen=True, slots=True)
class DemoReport:
    """How many records of each kind the demo generator made."""

    counts: dict[str, int]


@dataclass(frozen=True, slots=True)
class _Question:
    spec: QuestionSpec
    category: QuestionnaireCategory
    best_first: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Reference:
    functions: dict[str, tuple[str, str]]
    categories: dict[str, bool]
    clauses: tuple[tuple[str, Applicability], ...]
    questions: tuple[_Question, ...]
    thresholds: tuple[float, float]
    contracts: int


@dataclass(slots=True)
class _Plan:
    status: PartyStatus
    ja: bool
    data: PartyInput
    contact: str = ""
    ended: bool = False
    parent: int | None = None
    depth: int = 0
    overdue_audit: bool = False
    planned_audit: bool = False
    periodic: bool = False

    @property
    def abroad(self) -> bool:
        return (self.data.processing_country or self.data.country) != "JP"

    @property
    def cross_border(self) -> bool:
        return bool(self.data.processing_country and self.data.processing_country != self.data.country)


def _reference(uow: UnitOfWork) -> _Reference:
    with uow:
        s = uow.session
        functions = s.execute(
            sa.select(BusinessFunction.key, BusinessFunction.name_ja, BusinessFunction.name_en)
            .where(BusinessFunction.active)
            .order_by(BusinessFunction.sort_order)
        ).all()
        categories = s.execute(
            sa.select(DataCategory.key, DataCategory.special_care)
            .where(DataCategory.active)
            .order_by(DataCategory.sort_order)
        ).all()
        clauses = s.execute(
            sa.select(ClauseRequirement.key, ClauseRequirement.applicability)
            .where(ClauseRequirement.active)
            .order_by(ClauseRequirement.sort_order)
        ).all()
        template = assessments.latest_template(uow)
        questions = tuple(
            _Question(
                QuestionSpec(
                    q.key,
                    sec.key,
                    q.answer_type,
                    q.weight,
                    q.must_pass,
                    sec.weight,
                    {c["value"]: float(c["score"]) for c in q.choices or []},
                ),
                sec.category,
                tuple(c["value"] for c in sorted(q.choices or [], key=lambda c: -float(c["score"]))),
            )
            for sec in template.sections
            for q in sec.questions
        )
        return _Reference(
            functions={k: (ja, en) for k, ja, en in functions},
            categories={k: bool(sc) for k, sc in categories},
            clauses=tuple((k, a) for k, a in clauses),
            questions=questions,
            thresholds=(template.pass_threshold, template.conditional_threshold),
            contracts=s.scalar(sa.select(sa.func.count()).select_from(ConsignmentContract)) or 0,
        )


def _weighted(rng: random.Random, options: Sequence[tuple[T, float]]) -> T:
    return rng.choices([o for o, _ in options], weights=[w for _, w in options])[0]


def _quota(rng: random.Random, n: int, shares: Sequence[tuple[T, float]]) -> list[T]:
    """Exactly n items in the given proportions (jittered by the seed), shuffled."""
    jittered = [s * rng.uniform(0.85, 1.15) for _, s in shares]
    exact = [n * s / sum(jittered) for s in jittered]
    counts = [int(x) for x in exact]
    for i in sorted(range(len(shares)), key=lambda i: counts[i] - exact[i])[: n - sum(counts)]:
        counts[i] += 1
    items = [shares[i][0] for i in range(len(shares)) for _ in range(counts[i])]
    rng.shuffle(items)
    return items


def _subset(rng: random.Random, population: Sequence[int], share: float) -> set[int]:
    k = round(len(population) * share * rng.uniform(0.85, 1.15))
    if len(population) >= 5:
        k = max(k, 1)
    return set(rng.sample(list(population), min(k, len(population))))


def _digits(rng: random.Random, pattern: str) -> str:
    return "".join(str(rng.randint(0, 9)) if ch == "#" else ch for ch in pattern)


def _round2(value: float) -> int:
    digits = math.floor(math.log10(value))
    return int(round(value, 1 - digits))


class _Builder:
    """Plans the whole register from one seeded generator, then writes it through the services."""

    def __init__(
        self, uow: UnitOfWork, rng: random.Random, today: date, ref: _Reference, taken: list[str]
    ) -> None:
        self.uow, self.rng, self.today, self.ref = uow, rng, today, ref
        self.taken_names = taken
        self.numbers: set[str] = set()
        self.counts: Counter[str] = Counter()
        self.ids: dict[int, int] = {}
        self.sequence = ref.contracts
        self.expiry_bag: list[str] = []
        self.contract_bag: list[str] = []
        self.ja_cores = self._cores(text.JA_PREFIXES, text.JA_TRADES, text.JA_REGIONS, "")
        self.en_cores = self._cores(text.EN_PREFIXES, text.EN_TRADES, text.EN_REGIONS, " ")

    def days(self, low: int, high: int) -> timedelta:
        return timedelta(days=self.rng.randint(low, high))

    # ---- planning ---------------------------------------------------------------------------------------

    def _cores(
        self,
        prefixes: Sequence[text.Word],
        trades: Sequence[text.Trade],
        regions: Sequence[text.Word],
        sep: str,
    ) -> Iterator[tuple[str, str, str, text.Trade]]:
        base: list[tuple[text.Word, text.Trade, text.Word | None]] = [
            (p, t, None) for p in prefixes for t in trades
        ]
        more: list[tuple[text.Word, text.Trade, text.Word | None]] = [
            (p, t, r) for p in prefixes for t in trades for r in regions
        ]
        self.rng.shuffle(base)
        self.rng.shuffle(more)
        kana_sep = "・" if sep else ""
        for p, t, r in base + more:
            core = sep.join([p.text, t.text] + ([r.text] if r else []))
            if any(core in name for name in self.taken_names):
                continue
            kana = kana_sep.join([p.kana, t.kana] + ([r.kana] if r else []))
            yield core, kana, "-".join([p.slug, t.slug] + ([r.slug] if r else [])), t

    def plan(self, n: int) -> list[_Plan]:
        rng = self.rng
        statuses = _quota(rng, n, STATUS_SHARES)
        languages = _quota(rng, n, (("ja", 65), ("en", 35)))
        everyone = range(n)
        english = [i for i in everyone if languages[i] == "en"]
        subsidiaries = _subset(rng, english, 0.2)
        special = _subset(rng, everyone, 0.15)
        certified = _subset(rng, everyone, 0.45)
        by = {s: [i for i in everyone if statuses[i] is s] for s in P}
        overdue = _subset(
            rng, by[P.ACTIVE] + by[P.SUSPENDED], 0.10 * n / max(1, len(by[P.ACTIVE] + by[P.SUSPENDED]))
        )
        supervised = sorted(set(by[P.APPROVED] + by[P.ACTIVE] + by[P.SUSPENDED]) - overdue)
        planned = _subset(rng, supervised, 0.40)
        periodic = _subset(rng, by[P.ACTIVE], 0.30)
        rejected = min(len(by[P.TERMINATED]), max(1, round(len(by[P.TERMINATED]) * 0.4)))
        ended = set(rng.sample(by[P.TERMINATED], len(by[P.TERMINATED]) - rejected))
        plans: list[_Plan] = []
        reentrustees = round(n * 0.15 * rng.uniform(0.85, 1.15))
        for i in everyone:
            status = statuses[i]
            kind = "sub" if i in subsidiaries else languages[i]
            plan = self._party(status, kind, i in special, i in certified)
            plan.ended, plan.overdue_audit, plan.planned_audit = i in ended, i in overdue, i in planned
            plan.periodic = i in periodic
            parents = [j for j, p in enumerate(plans) if p.data.reentrustment_allowed and p.depth < 3]
            if parents and rng.random() < reentrustees / max(1, n - i):
                # Chains two or three deep: the first re-entrustee able to re-entrust again gets one.
                deep = [j for j in parents if plans[j].depth > 0]
                first_deep = not any(p.depth >= 2 for p in plans)
                parent = rng.choice(deep if deep and (first_deep or rng.random() < 0.3) else parents)
                plan.parent, plan.depth = parent, plans[parent].depth + 1
                reentrustees -= 1
            allowed = False
            if status in (P.APPROVED, P.ACTIVE, P.SUSPENDED):
                chain_open = any(p.depth >= 1 and p.data.reentrustment_allowed for p in plans)
                allowed = rng.random() < (0.35 if plan.parent is None else 0.3) or (
                    plan.parent is not None and not chain_open
                )
            plan.data = replace(plan.data, reentrustment_allowed=allowed)
            plans.append(plan)
        return plans

    def _party(self, status: PartyStatus, kind: str, special: bool, certified: bool) -> _Plan:
        rng = self.rng
        if kind == "ja":
            core, kana, slug, trade = next(self.ja_cores)
            form, before, _ = _weighted(rng, [(f, f[2]) for f in text.JA_FORMS])
            name = form + core if before else core + form
            country, processing = "JP", "JP"
            if rng.random() < 0.06:
                processing = _weighted(rng, (("VN", 4), ("PH", 3), ("IN", 2)))
            domain = f"{slug}.co.jp"
            org = "03" if "合同" in form else "01"
        else:
            core, kana, slug, trade = next(self.en_cores)
            if kind == "sub":
                name = f"{core} Japan {'G.K.' if rng.random() < 0.25 else 'K.K.'}"
                kana = f"{kana}・ジャパン"
                country = "JP"
                processing = _weighted(rng, (("US", 50), ("IE", 15), ("SG", 15), ("GB", 10), ("IN", 10)))
                domain, org = f"{slug}.com", "01"
            else:
                country = _weighted(
                    rng, (("US", 30), ("SG", 15), ("IN", 15), ("GB", 12), ("PH", 10), ("VN", 10), ("IE", 8))
                )
                name = f"{core} {rng.choice(text.FOREIGN[country].forms)}"
                kana, processing, org = "", country, ""
                if rng.random() < 0.08:
                    processing = rng.choice([c for c in ("IN", "PH", "IE", "US", "SG") if c != country])
                domain = f"{slug}.{text.FOREIGN[country].tld}"
        self.taken_names.append(core)
        ja = country == "JP"
        functions = self._functions(trade)
        number = None
        if country == "JP":
            while number is None or number in self.numbers:
                number = make_corporate_number(rng.choice(text.REGISTRY_CODES) + org + _digits(rng, "######"))
            self.numbers.add(number)
        address, phone = self._address(country)
        contacts = self._contacts(ja, country, domain, phone)
        data = PartyInput(
            name=name,
            name_kana=kana or None,
            corporate_number=number,
            country=country,
            address=address,
            processing_country=processing,
            data_subjects_approx=_round2(math.exp(rng.uniform(math.log(50), math.log(2_000_000)))),
            business_functions=functions,
            data_categories=self._categories(functions, special),
            owner_department=text.OWNER_DEPARTMENTS.get(functions[0], "総務部"),
            website=f"https://www.{domain}",
            contacts=contacts,
            certifications=self._certifications(ja, functions) if certified else (),
        )
        return _Plan(status=status, ja=ja, data=data, contact=contacts[0].name)

    def _functions(self, trade: text.Trade) -> tuple[str, ...]:
        known = list(self.ref.functions)
        primary = [f for f in trade.functions if f in self.ref.functions] or known[:1]
        chosen = [primary[0]]
        for _ in range(_weighted(self.rng, ((0, 45), (1, 35), (2, 20)))):
            pool = [f for f in (primary if self.rng.random() < 0.6 else known) if f not in chosen]
            if pool:
                chosen.append(self.rng.choice(pool))
        return tuple(chosen)

    def _categories(self, functions: Sequence[str], special: bool) -> tuple[str, ...]:
        rng, cats = self.rng, self.ref.categories
        plain = [c for f in functions for c in text.FUNCTION_DATA.get(f, ()) if c in cats and not cats[c]]
        plain = list(dict.fromkeys(plain)) or [c for c, sc in cats.items() if not sc][:1]
        chosen = plain[: _weighted(rng, ((1, 25), (2, 35), (3, 25), (4, 15)))]
        if rng.random() < 0.3:
            extra = [c for c, sc in cats.items() if not sc and c not in chosen]
            chosen += rng.sample(extra, min(1, len(extra)))
        if special:
            pool = [c for f in functions for c in text.SPECIAL_BY_FUNCTION.get(f, ())] or list(
                text.SPECIAL_ANY
            )
            pool = [c for c in pool if cats.get(c)] or [c for c, sc in cats.items() if sc]
            chosen = chosen[:3] + rng.sample(pool, 1)
        return tuple(dict.fromkeys(chosen[:4]))

    def _contacts(self, ja: bool, country: str, domain: str, phone: str) -> tuple[ContactInput, ...]:
        rng, out = self.rng, []
        for k in range(_weighted(rng, ((1, 55), (2, 45)))):
            if ja:
                (fam, fam_r), (giv, giv_r) = rng.choice(text.JA_FAMILY), rng.choice(text.JA_GIVEN)
                name, email = f"{fam} {giv}", f"{giv_r[0]}.{fam_r}@{domain}"
                role, dept = text.JA_ROLES[
                    rng.randrange(3) if k == 0 else rng.randrange(3, len(text.JA_ROLES))
                ]
            else:
                first, last = rng.choice(text.FOREIGN[country].people)
                name = f"{first} {last}"
                email = f"{first.lower().replace(' ', '')}.{last.lower().replace(chr(39), '')}@{domain}"
                role, dept = text.EN_ROLES[
                    rng.randrange(2) if k == 0 else rng.randrange(2, len(text.EN_ROLES))
                ]
            out.append(ContactInput(name, role, dept, email, _digits(rng, phone), is_primary=k == 0))
        return tuple(out)

    def _address(self, country: str) -> tuple[str, str]:
        """An address in the country, and the pattern of telephone numbers there."""
        rng = self.rng
        if country != "JP":
            pattern = rng.choice(text.FOREIGN[country].addresses)
            n, s, f, u = rng.randint(1, 999), rng.randint(100, 2400), rng.randint(2, 30), rng.randint(1, 9)
            return pattern.format(n=n, s=s, f=f, u=u), text.FOREIGN[country].phone
        place = rng.choice(text.JA_PLACES)
        town = rng.choice(place.towns)
        street = f"{place.city}{town}{rng.randint(1, 5)}丁目{rng.randint(1, 20)}番{rng.randint(1, 30)}号"
        if rng.random() < 0.6:
            stem = town[:-1] if town.endswith("町") and len(town) > 2 else town
            street += f" {stem}{rng.choice(text.JA_BUILDINGS)} {rng.randint(2, 25)}階"
        local = "####-####" if len(place.area_code) == 2 else "###-####"
        return street, f"{place.area_code}-{local}"

    def _expiry_offset(self, span: int) -> int:
        """Days from today to an expiry: some expired, some within 30, 60 and 90 days, most later."""
        if not self.expiry_bag:
            self.expiry_bag = ["expired", "30", "60", "90"] + ["far"] * 20
            self.rng.shuffle(self.expiry_bag)
        bucket = self.expiry_bag.pop()
        ranges = {"expired": (-200, -1), "30": (0, 30), "60": (31, 60), "90": (61, 90)}
        low, high = ranges.get(bucket, (91, max(92, span - 1)))
        return self.rng.randint(low, high)

    def _certifications(self, ja: bool, functions: Sequence[str]) -> tuple[CertificationInput, ...]:
        rng, K = self.rng, CertificationKind
        if ja:
            kinds = [k for k, p in ((K.PRIVACY_MARK, 0.7), (K.ISO_27001, 0.5)) if rng.random() < p] or [
                K.PRIVACY_MARK
            ]
            if K.ISO_27001 in kinds and rng.random() < 0.1:
                kinds.append(K.ISO_27701)
            if (
                K.ISO_27001 in kinds
                and {"cloud_hosting", "it_operations"} & set(functions)
                and rng.random() < 0.4
            ):
                kinds.append(K.ISO_27017)
        else:
            kinds = [
                k for k, p in ((K.ISO_27001, 0.8), (K.SOC2, 0.55), (K.ISO_27701, 0.2)) if rng.random() < p
            ]
            kinds = kinds or [K.ISO_27001]
        out = []
        for kind in kinds:
            issuers = text.CERT_ISSUERS[kind]
            issuer, pattern, months, _ = rng.choice([i for i in issuers if i[3] == ja] or issuers)
            expires = self.today + timedelta(days=self._expiry_offset(months * 30))
            out.append(
                CertificationInput(
                    kind,
                    _digits(rng, pattern) or None,
                    text.CERT_NAMES[kind],
                    issuer,
                    add_months(expires, -months),
                    expires,
                )
            )
        return tuple(out)

    # ---- writing through the services --------------------------------------------------------------------

    def move(self, pid: int, plan: _Plan, target: PartyStatus, key: str, **values: object) -> None:
        ja, en = self.rng.choice(text.REASONS[key])
        reason = (ja if plan.ja else en).format(**values)
        party_service.change_status(self.uow, pid, target, reason=reason)

    def build(self, index: int, plan: _Plan) -> None:
        rng, today = self.rng, self.today
        data = plan.data if plan.parent is None else replace(plan.data, parent_id=self.ids[plan.parent])
        pid = party_service.create_party(self.uow, data).id
        self.ids[index] = pid
        self._count(plan)
        if plan.status is P.CANDIDATE:
            return
        self.move(pid, plan, P.UNDER_ASSESSMENT, "assess")
        if plan.status is P.UNDER_ASSESSMENT:
            self._assess(pid, plan, "partial", today - self.days(3, 45), None)
            self._contract(pid, plan, ContractStatus.DRAFT, None, None)
            return
        if plan.status is P.TERMINATED and not plan.ended:
            done = today - self.days(30, 700)
            self._assess(pid, plan, "fail", done - self.days(20, 50), done)
            self._contract(pid, plan, ContractStatus.TERMINATED, None, None)
            self.move(pid, plan, P.TERMINATED, "reject")
            return
        terms = self._terms(plan)
        approved_on = (
            today - self.days(3, 40) if plan.status is P.APPROVED else terms[0][1] - self.days(3, 30)
        )
        done = approved_on - self.days(0, 7)
        view = self._assess(pid, plan, "pass", done - self.days(14, 50), done)
        self.move(
            pid, plan, P.APPROVED, "approve", pct=round(100 * (view.score or 0) / (view.max_score or 1))
        )
        ref: str | None = None
        for status, start, end, auto in terms:
            ref = self._contract(pid, plan, status, start, end, auto=auto, renews=ref)
        if plan.status is P.APPROVED:
            if plan.planned_audit:
                self._plan_next(pid, plan, approved_on, overdue=False)
            return
        self.move(pid, plan, P.ACTIVE, "activate", ref=ref)
        ended, suspended = plan.status is P.TERMINATED, plan.status is P.SUSPENDED
        until = terms[-1][2] if ended else today - timedelta(days=1)
        most = min(3, (until - approved_on).days // 240)
        count = _weighted(rng, [(k, w) for k, w in ((0, 2), (1, 4), (2, 3), (3, 2)) if k <= most])
        count = min(count, 1) if ended else max(count, 1) if suspended else count
        serious = self._audits(pid, plan, approved_on, until, count, suspended)
        tenure = (today - approved_on).days
        if plan.periodic and tenure > 400:
            started = today - self.days(15, min(700, tenure - 365))
            self._assess(
                pid, plan, "pass", started, min(today, started + self.days(7, 30)), AssessmentKind.PERIODIC
            )
        if suspended:
            self.move(pid, plan, P.SUSPENDED, "suspend", title=serious or "")
        if ended:
            self.move(pid, plan, P.TERMINATED, "end")
        elif plan.overdue_audit or plan.planned_audit:
            self._plan_next(pid, plan, approved_on, overdue=plan.overdue_audit)

    def _count(self, plan: _Plan) -> None:
        c, d, today = self.counts, plan.data, self.today
        c["parties"] += 1
        c[f"status_{plan.status.value}"] += 1
        c["re_entrustees"] += plan.parent is not None
        c["special_care"] += any(self.ref.categories.get(k) for k in d.data_categories)
        c["cross_border"] += plan.cross_border
        for cert in d.certifications:
            c["certificates"] += 1
            if cert.expires_on and cert.expires_on < today:
                c["certificates_expired"] += 1
            elif cert.expires_on and cert.expires_on <= today + timedelta(days=90):
                c["certificates_expiring_90_days"] += 1

    def _terms(self, plan: _Plan) -> list[tuple[ContractStatus, date, date, bool]]:
        """The party's contracts, oldest first: (status, effective, expires, auto-renewing)."""
        rng, today, day = self.rng, self.today, timedelta(days=1)
        years = rng.choice((1, 2, 2, 3))
        if plan.status is P.APPROVED:
            start = today + self.days(7, 45)
            return [(ContractStatus.UNDER_NEGOTIATION, start, add_months(start, 12 * years) - day, False)]
        if plan.status is P.TERMINATED:
            end = today - self.days(20, 900)
            status = ContractStatus.EXPIRED if rng.random() < 0.6 else ContractStatus.TERMINATED
            return [(status, add_months(end + day, -12 * years), end, False)]
        if rng.random() < 0.35:
            start, k = today - self.days(30, 6 * 365), 1
            while add_months(start, 12 * k) - day < today:
                k += 1
            return [(ContractStatus.ACTIVE, start, add_months(start, 12 * k) - day, True)]
        if not self.contract_bag:
            self.contract_bag = ["30", "60", "90"] + ["far"] * 14
            rng.shuffle(self.contract_bag)
        bucket = self.contract_bag.pop()
        low, high = {"30": (1, 30), "60": (31, 60), "90": (61, 90)}.get(bucket, (91, 365 * years - 1))
        expires = today + timedelta(days=rng.randint(low, high))
        start = add_months(expires + day, -12 * years)
        terms = [(ContractStatus.ACTIVE, start, expires, False)]
        if rng.random() < 0.35:
            before = rng.choice((1, 2, 3))
            terms.insert(0, (ContractStatus.EXPIRED, add_months(start, -12 * before), start - day, False))
        return terms

    def _contract(
        self,
        pid: int,
        plan: _Plan,
        status: ContractStatus,
        start: date | None,
        end: date | None,
        *,
        auto: bool = False,
        renews: str | None = None,
    ) -> str:
        rng, ja = self.rng, plan.ja
        self.sequence += 1
        signed = None
        if start is not None and status not in (ContractStatus.DRAFT, ContractStatus.UNDER_NEGOTIATION):
            signed = min(self.today, start - self.days(0, 30))
        ref = f"CC-{(signed or self.today).year}-{self.sequence:04d}"
        title = rng.choice(text.CONTRACT_TITLES_JA if ja else text.CONTRACT_TITLES_EN)
        if status in (ContractStatus.DRAFT, ContractStatus.UNDER_NEGOTIATION):
            title += "（案）" if ja else " (draft)"
        notes = None
        if renews:
            notes = f"{renews}を更新" if ja else f"Renews {renews}"
        elif status is ContractStatus.TERMINATED and signed is None:
            notes = (
                "選定評価不合格のため締結せず"
                if ja
                else "Not concluded: the party failed the selection assessment"
            )
        data = contracts.ContractInput(
            title=title,
            reference_number=ref,
            status=status,
            signed_on=signed,
            effective_on=start,
            expires_on=end,
            auto_renewal=auto,
            renewal_term_months=12 if auto else None,
            notice_period_days=rng.choice((30, 30, 60, 60, 90)),
            retention_until=add_months(end, 12 * rng.choice((1, 3, 5))) if end else None,
            reentrustment_allowed=plan.data.reentrustment_allowed,
            incident_notice_hours=_weighted(rng, ((24, 50), (48, 25), (72, 25))),
            notes=notes,
        )
        coverage = self._coverage(plan, draft=signed is None)
        contracts.create_contract(self.uow, pid, data, coverage=coverage)
        self.counts["contracts"] += 1
        if status in LIVE_CONTRACT_STATUSES:
            special = any(self.ref.categories.get(k) for k in plan.data.data_categories)
            for key, applicability in self.ref.clauses:
                applies = requirement_applies(
                    applicability,
                    cross_border=plan.cross_border,
                    reentrustment_allowed=plan.data.reentrustment_allowed,
                    special_care=special,
                )
                self.counts["clause_gaps"] += is_gap(coverage[key][0], applies=applies)
        return ref

    def _coverage(self, plan: _Plan, *, draft: bool) -> dict[str, tuple[Coverage, str | None]]:
        rng = self.rng
        weights = (20, 30, 50) if draft else tuple(q[2] for q in QUALITY)
        partial, missing, _ = _weighted(rng, list(zip(QUALITY, weights, strict=True)))
        article = rng.randint(1, 3)
        out: dict[str, tuple[Coverage, str | None]] = {}
        for key, applicability in self.ref.clauses:
            if applicability is Applicability.CROSS_BORDER and not plan.abroad:
                out[key] = (Coverage.NOT_APPLICABLE, None)
                continue
            share, r = text.FRAGILITY.get(key, 1.0), rng.random()
            if r < missing * share:
                out[key] = (Coverage.MISSING, None)
                continue
            article += rng.choice((1, 1, 1, 2))
            coverage = Coverage.PARTIAL if r < (missing + partial) * share else Coverage.PRESENT
            out[key] = (coverage, f"第{article}条" if plan.ja else f"Art. {article}")
        return out

    # ---- assessments --------------------------------------------------------------------------------------

    def _assess(
        self,
        pid: int,
        plan: _Plan,
        mode: str,
        started: date,
        completed: date | None,
        kind: AssessmentKind = AssessmentKind.SELECTION,
    ) -> AssessmentView:
        assessor = self.rng.choice(text.INTERNAL_STAFF)
        view = assessments.start_assessment(self.uow, pid, kind, started_on=started, assessor=assessor)
        answers = self._answers(plan, mode, completed or self.today)
        view = assessments.record_answers(self.uow, view.id, answers)
        self.counts["assessments"] += 1
        if completed is None:
            return view
        conditional = self._score(answers).result is AssessmentResult.APPROVED_WITH_CONDITIONS
        return assessments.complete_assessment(
            self.uow,
            view.id,
            completed_on=completed,
            approver=self.rng.choice([s for s in text.INTERNAL_STAFF if s != assessor]),
            conditions=text.CONDITIONS[0 if plan.ja else 1] if conditional else None,
        )

    def _score(self, answers: dict[str, str | None]) -> ScoreResult:
        low, high = self.ref.thresholds
        specs = [q.spec for q in self.ref.questions]
        return score_answers(specs, answers, pass_threshold=low, conditional_threshold=high)

    def _answers(self, plan: _Plan, mode: str, on: date) -> dict[str, str | None]:
        """Answers to every question ("partial": some of them), passing or failing as the mode asks."""
        rng, questions = self.rng, self.ref.questions
        maturity = rng.uniform(0.68, 0.95)  # share of plain yes answers: how mature the party's controls are
        odds = (
            (45.0, 35.0, 20.0) if mode == "fail" else (maturity, (1 - maturity) * 0.75, (1 - maturity) * 0.25)
        )
        answers = {q.spec.key: self._answer(plan, q, mode, on, odds) for q in questions}
        if mode == "partial":
            keep = set(rng.sample(list(answers), max(1, round(len(answers) * rng.uniform(0.4, 0.85)))))
            return {k: v for k, v in answers.items() if k in keep}
        if mode == "fail":
            must = [
                q.spec.key for q in questions if q.spec.must_pass and answers[q.spec.key] not in (None, "n/a")
            ]
            kinds = {q.spec.key: q.spec.answer_type for q in questions}
            for key in rng.sample(must, min(len(must), rng.randint(1, 2))):
                answers[key] = (
                    rng.choice(("no", "partial")) if kinds[key] is AnswerType.YES_NO_PARTIAL else None
                )
            return answers
        while self._score(answers).result is AssessmentResult.REJECTED:
            weak = [q for q in questions if _better(q, answers[q.spec.key]) != answers[q.spec.key]]
            if not weak:
                break
            q = rng.choice(weak)
            answers[q.spec.key] = _better(q, answers[q.spec.key])
        return answers

    def _answer(
        self, plan: _Plan, q: _Question, mode: str, on: date, odds: tuple[float, float, float]
    ) -> str | None:
        rng, kind, cat, ja = self.rng, q.spec.answer_type, q.category, plan.ja
        if kind is AnswerType.YES_NO_PARTIAL:
            if cat is QuestionnaireCategory.REENTRUSTMENT and not plan.data.reentrustment_allowed:
                return "n/a"
            if cat is QuestionnaireCategory.EXTERNAL_ENVIRONMENT and not plan.abroad:
                return "n/a"
            if mode != "fail" and q.spec.must_pass:
                return "yes"
            return _weighted(rng, list(zip(("yes", "partial", "no"), odds, strict=True)))
        certs = [c.expires_on for c in plan.data.certifications if c.expires_on and c.expires_on >= on]
        if kind is AnswerType.CHOICE:
            values = q.best_first
            if {"full_scope", "partial_scope", "in_progress", "none"} <= set(values):
                if certs:
                    return "full_scope" if rng.random() < 0.75 else "partial_scope"
                return "in_progress" if rng.random() < 0.35 else "none"
            if not values or mode == "fail":
                return rng.choice(values) if values else None
            return values[min(len(values) - 1, _weighted(rng, ((0, 65), (1, 30), (2, 5))))]
        if kind is AnswerType.DATE:
            if cat is QuestionnaireCategory.CERTIFICATIONS:
                return min(certs).isoformat() if certs else None
            return (on - self.days(20, 400)).isoformat()
        if kind is AnswerType.NUMBER:
            return str(_round2(math.exp(rng.uniform(math.log(8), math.log(2500)))))
        if cat is QuestionnaireCategory.EXTERNAL_ENVIRONMENT:
            code = plan.data.processing_country or plan.data.country
            if code == "JP":
                return "日本国内のみ" if ja else "Japan only"
            en, ja_name = text.COUNTRY_NAMES.get(code, (code, code))
            if not plan.cross_border:
                return ja_name if ja else en
            return f"{ja_name}（委託業務の一部）" if ja else f"{en} (part of the entrusted work)"
        return "社内規程に基づき運用している" if ja else "Handled under our internal policy"

    # ---- audits and findings ------------------------------------------------------------------------------

    def _labels(self, plan: _Plan, method: AuditMethod, on: date) -> tuple[str, str]:
        """Title and scope of an audit, in the party's language."""
        fy = on.year if on.month >= 4 else on.year - 1
        m_ja, m_en = text.METHOD_LABELS[method]
        f_ja, f_en = self.ref.functions.get(plan.data.business_functions[0], ("委託", "entrusted"))
        if plan.ja:
            return f"{fy}年度 委託先監査（{m_ja}）", f"{f_ja}業務における個人データの取扱状況"
        return f"FY{fy} supervision audit ({m_en})", f"Handling of personal data in the {f_en.lower()} work"

    def _plan_next(self, pid: int, plan: _Plan, approved_on: date, *, overdue: bool) -> None:
        today, method = self.today, _weighted(self.rng, METHODS)
        if overdue:
            when = min(
                today - timedelta(days=1), max(approved_on + timedelta(days=1), today - self.days(7, 120))
            )
        else:
            when = today + self.days(14, 240)
        title, scope = self._labels(plan, method, when)
        auditor = self.rng.choice(text.INTERNAL_STAFF)
        audits.plan_audit(
            self.uow, pid, method=method, planned_on=when, auditor=auditor, scope=scope, title=title
        )
        self.counts["audits_overdue" if overdue else "audits_planned"] += 1

    def _audits(
        self, pid: int, plan: _Plan, approved_on: date, until: date, count: int, forced: bool
    ) -> str | None:
        """Completed audits between approval and `until`; when forced, the title of a serious open finding."""
        rng = self.rng
        start = approved_on + timedelta(days=60)
        if start >= until:
            start = approved_on + timedelta(days=1)
        span = max(1, (until - start).days)
        dates = [
            start + timedelta(days=span * k // count + rng.randint(0, max(0, span // count - 1)))
            for k in range(count)
        ]
        if forced and dates:
            dates[-1] = max(dates[-1], min(self.today, max(start, self.today - self.days(10, 120))))
        serious = None
        for k, performed in enumerate(dates):
            serious = self._audit(pid, plan, min(performed, self.today), forced and k == count - 1) or serious
        return serious

    def _audit(self, pid: int, plan: _Plan, performed: date, forced: bool) -> str | None:
        rng, ja, C = self.rng, plan.ja, AuditConclusion
        method, auditor = _weighted(rng, METHODS), rng.choice(text.INTERNAL_STAFF)
        title, scope = self._labels(plan, method, performed)
        planned = audits.plan_audit(
            self.uow,
            pid,
            method=method,
            planned_on=performed - self.days(0, 21),
            auditor=auditor,
            scope=scope,
            title=title,
        )
        conclusion = (
            C.UNSATISFACTORY
            if forced
            else _weighted(
                rng, ((C.SATISFACTORY, 45), (C.SATISFACTORY_WITH_FINDINGS, 45), (C.UNSATISFACTORY, 10))
            )
        )
        if conclusion is C.SATISFACTORY:
            severities = [Severity.OBSERVATION] * (rng.random() < 0.2)
        else:
            n = (
                rng.randint(2, 4)
                if conclusion is C.UNSATISFACTORY
                else _weighted(rng, ((1, 35), (2, 35), (3, 20), (4, 10)))
            )
            severities = [_weighted(rng, SEVERITIES) for _ in range(n)]
            if conclusion is C.UNSATISFACTORY and not {Severity.CRITICAL, Severity.MAJOR} & set(severities):
                severities[0] = Severity.CRITICAL if rng.random() < 0.25 else Severity.MAJOR
        clause_keys = {k for k, _ in self.ref.clauses}
        used: list[text.FindingText] = []
        findings = []
        for severity in severities:
            options = [
                f
                for f in text.FINDINGS
                if severity in f.severities
                and f not in used
                and (f.requirement is None or f.requirement in clause_keys)
                and (f.requirement != "cross_border" or plan.abroad)
            ]
            if not options:
                continue
            found = rng.choice(options)
            used.append(found)
            sample = rng.choice((5, 10, 20, 30))
            findings.append(
                audits.FindingInput(
                    title=found.ja if ja else found.en,
                    severity=severity,
                    description=f"サンプル{sample}件を確認した結果、判明した。"
                    if ja
                    else f"Found when sampling {sample} records.",
                    requirement_key=found.requirement,
                    corrective_action=found.action_ja if ja else found.action_en,
                    owner=plan.contact,
                    due_on=performed + timedelta(days=DUE_DAYS[severity]),
                )
            )
        colleague = rng.choice([s for s in text.INTERNAL_STAFF if s != auditor])
        participants = (
            f"委託先: {plan.contact}／当社: {auditor}、{colleague}"
            if ja
            else f"{plan.contact}; for us: {auditor}, {colleague}"
        )
        recorded = audits.record_audit(
            self.uow,
            planned.id,
            performed_on=performed,
            conclusion=conclusion,
            participants=participants,
            conclusion_notes=text.CONCLUSION_NOTES[conclusion.value][0 if ja else 1],
            findings=tuple(findings),
        )
        self.counts["audits_completed"] += 1
        serious = None
        for f in recorded.findings:
            keep_open = forced and serious is None and f.severity in (Severity.CRITICAL, Severity.MAJOR)
            serious = f.title if keep_open else serious
            self._follow_up(f, plan, auditor, performed, keep_open)
        return serious

    def _follow_up(self, f: FindingView, plan: _Plan, auditor: str, performed: date, keep_open: bool) -> None:
        """Older findings mostly closed and verified by the auditor, recent ones open, some overdue."""
        rng, today = self.rng, self.today
        due, r = f.due_on or performed, rng.random()
        if keep_open:
            state = "open"
        elif due <= today - timedelta(days=30):
            state = "verified" if r < 0.85 else "closed" if r < 0.93 else "open"
        elif due < today:
            state = "verified" if r < 0.45 else "closed" if r < 0.6 else "open"
        else:
            state = "closed" if r < 0.15 else "open"
        if state == "open":
            self.counts["findings_open"] += 1
            self.counts["findings_overdue"] += due < today
            return
        latest = min(today, due + timedelta(days=10))
        earliest = min(latest, performed + timedelta(days=3))
        closed_on = earliest + self.days(0, (latest - earliest).days)
        evidence = rng.choice(text.CLOSURE_EVIDENCE)[0 if plan.ja else 1]
        audits.close_finding(self.uow, f.id, closed_on=closed_on, evidence=evidence)
        self.counts["findings_closed"] += 1
        verified_on = closed_on + self.days(2, 21)
        # Four eyes: an auditor who happens to share the owner's name leaves the closure unverified.
        distinct = (f.owner or "").strip().casefold() != auditor.strip().casefold()
        if state == "verified" and verified_on <= today and distinct:
            audits.verify_finding(self.uow, f.id, verified_on=verified_on, verified_by=auditor)
            self.counts["findings_verified"] += 1


def _better(q: _Question, value: str | None) -> str | None:
    """The next better answer to a question, or the same one when it cannot improve."""
    if q.spec.answer_type is AnswerType.YES_NO_PARTIAL and value in ("no", "partial"):
        return "yes"
    if q.spec.answer_type is AnswerType.CHOICE and q.best_first and value != q.best_first[0]:
        if q.best_first[0] == "full_scope":
            return value  # certification scope follows the party's certificates, not the grade wanted
        return q.best_first[0]
    return value


REPORT_KEYS = (
    "parties",
    "status_candidate",
    "status_under_assessment",
    "status_approved",
    "status_active",
    "status_suspended",
    "status_terminated",
    "re_entrustees",
    "special_care",
    "cross_border",
    "certificates",
    "certificates_expiring_90_days",
    "certificates_expired",
    "contracts",
    "clause_gaps",
    "assessments",
    "audits_completed",
    "audits_planned",
    "audits_overdue",
    "findings_open",
    "findings_overdue",
    "findings_closed",
    "findings_verified",
)


DEMO_COMPANY = "カルミ商事株式会社 (Calmi Trading Co., Ltd.)"


def generate_demo(
    uow: UnitOfWork, *, parties: int, seed: int, today: date, append: bool = False
) -> DemoReport:
    """Fill the register with realistic demo data built around `today`; the same arguments, the same data."""
    if not 0 <= parties <= MAX_PARTIES:
        raise ValidationError(
            f"The demo makes 0 to {MAX_PARTIES} parties; {parties} was asked for.", field="parties"
        )
    existing = party_service.list_parties(uow)
    if existing and not append:
        raise ValidationError(
            f"The register already has {len(existing)} entrusted parties; demo data is only written into an "
            "empty register unless you ask to append it.",
            field="parties",
        )
    builder = _Builder(uow, random.Random(seed), today, _reference(uow), [p.name for p in existing])
    for index, plan in enumerate(builder.plan(parties)):
        builder.build(index, plan)
    from calmi_vendors.services.supervision import recompute_all

    recompute_all(uow, today=today)
    if not append:
        from calmi_vendors.services import register_settings

        current = register_settings.load_settings(uow)
        if not current.company_name:
            register_settings.save_settings(uow, replace(current, company_name=DEMO_COMPANY))
    return DemoReport({key: builder.counts[key] for key in REPORT_KEYS})
