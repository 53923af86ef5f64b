"""backoffice-admin: set up and look after the database from the command line."""

from __future__ import annotations

import argparse
import getpass
import json
import secrets
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, func, select

from backoffice.core import audit, people
from backoffice.core.actor import Actor
from backoffice.core.errors import CoreError, InvalidInput
from backoffice.core.stats import database_summary
from backoffice.db import make_engine, session_factory, unit_of_work
from backoffice.migrations import current_revision, upgrade
from backoffice.models import Role, User


@contextmanager
def _engine(args) -> Iterator[Engine]:
    engine = make_engine(args.database_url)
    try:
        yield engine
    finally:
        engine.dispose()


def cmd_init(args) -> int:
    with _engine(args) as engine:
        upgrade(engine)
        print(f"Database is at schema revision {current_revision(engine)}: {engine.url!r}")
        return 0


def _has_users(engine: Engine) -> bool:
    with unit_of_work(session_factory(engine)) as session:
        return session.scalar(select(func.count()).select_from(User)) > 0


def cmd_seed(args) -> int:
    from backoffice.seed import load_demo_data

    with _engine(args) as engine:
        upgrade(engine)
        if _has_users(engine):
            if args.if_empty:
                print("The database already holds data: demo data not loaded.")
                return 0
            print(
                "The database already holds users: refusing to load demo data twice.",
                file=sys.stderr,
            )
            return 1
        scale = 1 if args.scale == "seed" else int(args.scale)
        report = load_demo_data(engine, scale=scale, progress=lambda text: print(f"  {text}"))
        print(f"Demo data loaded in {report.elapsed_seconds:.1f} s:")
        for table, count in sorted(report.counts.items()):
            print(f"  {table:<24} {count:>10,}".replace(",", " "))
        print("\nDemo accounts (the passwords are shown only now; keep them):")
        for account in report.accounts:
            print(f"  {account.role:<10} {account.email:<36} {account.password}")
        return 0


def _scale(value: str) -> str:
    if value == "seed" or (value.isdigit() and 1 <= int(value) <= 1000):
        return value
    raise argparse.ArgumentTypeError("scale is 'seed' or a whole number from 1 to 1000")


def cmd_create_staff(args) -> int:
    with _engine(args) as engine:
        password = args.password
        generated = False
        if password is None:
            if sys.stdin.isatty():
                password = getpass.getpass("Password (empty to generate one): ")
            if not password:
                password = secrets.token_urlsafe(12)
                generated = True
        try:
            with unit_of_work(session_factory(engine)) as session:
                user = people.create_staff(
                    session,
                    Actor.system(),
                    email=args.email,
                    full_name=args.name,
                    roles=args.role,
                    password=password,
                    phone=args.phone,
                )
        except InvalidInput as error:
            for name, text in error.fields.items():
                print(f"{name}: {text}", file=sys.stderr)
            return 2
        print(f"Staff account {user.email} created with roles: {', '.join(args.role)}.")
        if generated:
            print(f"Password: {password}")
        return 0


def cmd_verify_log(args) -> int:
    with _engine(args) as engine:
        with unit_of_work(session_factory(engine)) as session:
            check = audit.verify_chain(session, Actor.system())
        if check.ok:
            print(f"Activity log intact: {check.checked} entries verified.")
            return 0
        print(
            f"Activity log BROKEN at entry {check.broken_entry_id}: {check.reason} "
            f"({check.checked} entries before it verified).",
            file=sys.stderr,
        )
        return 1


def cmd_stats(args) -> int:
    with _engine(args) as engine:
        with unit_of_work(session_factory(engine)) as session:
            summary = database_summary(session, Actor.system())
        if args.json:
            print(json.dumps(summary, ensure_ascii=False, indent=2, sort_keys=True))
            return 0
        print(f"Residents: {summary['residents']}, staff: {summary['staff']}")
        for table, count in summary["tables"].items():
            line = f"  {table:<24} {count:>10}"
            if table in summary["statuses"]:
                parts = ", ".join(f"{s} {n}" for s, n in summary["statuses"][table].items())
                line += f"   ({parts})"
            print(line)
        return 0


def cmd_report(args) -> int:
    from pathlib import Path

    from backoffice.reports import REPORTS, build_report

    options = {
        "order_id": args.order_id,
        "appeal_id": args.appeal_id,
        "survey_id": args.survey_id,
        "carrier_id": args.carrier_id,
        "category_id": args.category_id,
        "kind": args.kind,
    }
    with _engine(args) as engine, unit_of_work(session_factory(engine)) as session:
        pdf = build_report(
            session, Actor.system(), args.name, args.date_from, args.date_to, **options
        )
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(pdf)
    print(f"{REPORTS[args.name][0]}: {out.resolve()} ({len(pdf):,} bytes)".replace(",", " "))
    return 0


def _trust_folder(args):
    from pathlib import Path

    from backoffice.core.signing import configured_trust_dir

    return Path(args.trust_dir) if args.trust_dir else configured_trust_dir()


def _demo_people(args) -> list:
    """The seed's demo accounts (staff and demo residents at the demo domain), if the database
    has them; else none (write_demo_pki then makes two stand-ins)."""
    from sqlalchemy.exc import SQLAlchemyError

    from backoffice.core.demo_pki import DemoPerson
    from backoffice.seed.demo import STAFF_DOMAIN

    try:
        with _engine(args) as engine, unit_of_work(session_factory(engine)) as session:
            users = session.scalars(
                select(User).where(User.email.like(f"%@{STAFF_DOMAIN}")).order_by(User.id)
            ).all()
            return [
                DemoPerson(
                    full_name=user.full_name,
                    email=user.email,
                    role=sorted(user.role_names)[0].value if user.role_names else "resident",
                    tax_number=user.tax_number,
                )
                for user in users
            ]
    except SQLAlchemyError as error:
        print(f"No demo people read from the database ({type(error).__name__}).", file=sys.stderr)
        return []


def cmd_demo_pki(args) -> int:
    from pathlib import Path

    from backoffice.core.demo_pki import write_demo_pki
    from backoffice.core.signing import add_trust_anchor

    made = write_demo_pki(
        Path(args.out), _demo_people(args), passphrase=args.passphrase, key_type=args.key_type
    )
    print(f"Demo CA: {made.ca_path} (SHA-256 {made.ca.fingerprint})")
    print(f"Signing keys (.p12, passphrase «{made.passphrase}»):")
    for person, _credential, path in made.people:
        print(f"  {person.role:<10} {person.full_name:<36} {path.name}")
    for what, path in made.extra:
        print(f"  {'refused':<10} {what:<36} {path.name}")
    if args.no_trust:
        print(f"Not trusted yet: backoffice-admin trust add {made.ca_path}")
        return 0
    anchor = add_trust_anchor(made.ca.cert_pem, folder=_trust_folder(args))
    print(f"The demo CA is now trusted: {anchor.path}")
    return 0


def cmd_trust(args) -> int:
    from pathlib import Path

    from backoffice.core.signing import add_trust_anchor, load_trust_anchors, remove_trust_anchor

    folder = _trust_folder(args)
    if args.trust_command == "list":
        anchors = load_trust_anchors(folder=folder)
        print(f"Trusted CA certificates ({len(anchors)}); administrators' folder: {folder}")
        for anchor in anchors:
            where = "shipped" if anchor.shipped else "added"
            ends = anchor.not_after.date().isoformat()
            expired = "" if anchor.is_current() else " EXPIRED"
            print(f"  {anchor.fingerprint}  until {ends}{expired}  {where:<7}  {anchor.subject}")
        return 0
    if args.trust_command == "add":
        try:
            data = Path(args.file).read_bytes()
        except OSError as error:
            print(f"{args.file}: {error.strerror}", file=sys.stderr)
            return 2
        try:
            anchor = add_trust_anchor(data, folder=folder)
        except InvalidInput as error:
            for text in error.fields.values():
                print(f"{args.file}: {text}", file=sys.stderr)
            return 2
        print(f"Trusted: {anchor.subject} (SHA-256 {anchor.fingerprint}) -> {anchor.path}")
        return 0
    try:
        anchor = remove_trust_anchor(args.fingerprint, folder=folder)
    except InvalidInput as error:
        for text in error.fields.values():
            print(text, file=sys.stderr)
        return 2
    print(f"No longer trusted: {anchor.subject} (SHA-256 {anchor.fingerprint})")
    return 0


def _day(value: str):
    from datetime import date

    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError("a date as YYYY-MM-DD") from error


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="backoffice-admin", description=__doc__)
    parser.add_argument(
        "--database-url", help="overrides BACKOFFICE_DATABASE_URL and the config file"
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("init", help="create or migrate the schema to the newest version")
    seed = sub.add_parser("seed", help="load the demo data (deterministic)")
    seed.add_argument(
        "--scale",
        type=_scale,
        default="seed",
        help="'seed' = the reference volumes; N multiplies them",
    )
    seed.add_argument("--if-empty", action="store_true", help="do nothing if data exists")
    staff = sub.add_parser("create-staff", help="create a staff account")
    staff.add_argument("--email", required=True)
    staff.add_argument("--name", required=True)
    staff.add_argument("--role", action="append", required=True, choices=[r.value for r in Role])
    staff.add_argument("--phone")
    staff.add_argument("--password", help="asked for (or generated) when omitted")
    sub.add_parser("verify-log", help="check the activity log's hash chain")
    stats = sub.add_parser("stats", help="row counts per table and per status")
    stats.add_argument("--json", action="store_true")
    from backoffice.reports import REPORTS

    report = sub.add_parser("report", help="write a PDF report or a per-item document")
    report.add_argument("name", choices=list(REPORTS))
    report.add_argument("--from", dest="date_from", type=_day, help="first day (Kyiv)")
    report.add_argument("--to", dest="date_to", type=_day, help="last day, included")
    report.add_argument("--out", required=True, help="the PDF file to write")
    report.add_argument("--order-id", type=int, help="receipt: the order")
    report.add_argument("--appeal-id", type=int, help="control-card: the appeal")
    report.add_argument("--survey-id", type=int, help="surveys: only this survey")
    report.add_argument("--carrier-id", type=int, help="transport: only this carrier")
    report.add_argument("--category-id", type=int, help="services: only this category")
    report.add_argument("--kind", choices=["appeal", "info_request", "message"], help="appeals")
    demo = sub.add_parser(
        "demo-pki", help="make a demo CA and signing keys (.p12) for the demo people"
    )
    demo.add_argument("--out", required=True, help="the folder to write the files to")
    demo.add_argument("--passphrase", default="demo-pki", help="of every .p12 (default demo-pki)")
    demo.add_argument("--key-type", choices=["ecdsa", "rsa"], default="ecdsa")
    demo.add_argument("--no-trust", action="store_true", help="do not trust the demo CA")
    demo.add_argument("--trust-dir", help="the trust folder (default: the configured one)")
    trust = sub.add_parser("trust", help="the CA certificates electronic signatures must chain to")
    trust.add_argument("--trust-dir", help="the trust folder (default: the configured one)")
    trust_sub = trust.add_subparsers(dest="trust_command", required=True)
    trust_sub.add_parser("list", help="every trusted CA certificate")
    trust_add = trust_sub.add_parser("add", help="trust a CA certificate (PEM or DER)")
    trust_add.add_argument("file")
    trust_remove = trust_sub.add_parser("remove", help="stop trusting a CA certificate")
    trust_remove.add_argument("fingerprint", help="its SHA-256 fingerprint (or 8+ first digits)")
    return parser


COMMANDS = {
    "init": cmd_init,
    "seed": cmd_seed,
    "create-staff": cmd_create_staff,
    "verify-log": cmd_verify_log,
    "stats": cmd_stats,
    "report": cmd_report,
    "demo-pki": cmd_demo_pki,
    "trust": cmd_trust,
}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except CoreError as error:
        print(error.message, file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
