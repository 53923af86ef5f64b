"""A small world with known dates, and the figures computed by hand from it.

Period: March 2025 in Kyiv (UTC+2 until 30 March 03:00, UTC+3 after). ``NOW`` is 2 April 2025,
12:00 UTC. Some moments sit on either side of Kyiv midnight at the period's ends, and one
duration has a fraction of a second (whole seconds count, floored, on both databases).

Orders (service A: term 10 calendar days; service B):

 # svc submitted (UTC)      status       closed (UTC)          due (UTC)      note
 1  A  02-28 22:30 (K 03-01) completed   03-05 22:30 (5 d)      03-11              on time
 2  A  03-03 10:00           completed   03-15 10:00 (12 d)     03-13 21:59:59     late
 3  A  03-10 08:00           completed   03-12 20:00 (2.5 d)    03-20              on time
 4  A  03-30 21:30 (K 03-31) submitted   —                      04-10              open
 5  A  03-20 09:00           in_progress —                      03-30 20:59:59     open, overdue
 6  A  03-31 21:30 (K 04-01) submitted   —                      04-11              April (Kyiv)
 7  A  02-10 10:00           completed   03-02 10:00 (20 d)     02-20              late (Feb)
 8  B  03-05 10:00           rejected    03-06 10:00
 9  B  03-05 12:00           cancelled   03-05 13:00
10  B  03-12 10:00           needs_info  —                      03-20              clock stopped
11  B  03-14 10:00           completed   03-18 10:00:00.999     03-24              on time, 4 d
12  B  03-15 10:00           ready       —                      03-25              open, overdue
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from backoffice.core.actor import Actor
from backoffice.core.analytics import Period
from backoffice.models import (
    Answer,
    Appeal,
    Ballot,
    Carrier,
    Option,
    Order,
    Question,
    RideReview,
    Role,
    Route,
    Service,
    ServiceCategory,
    Survey,
    User,
)

MARCH = Period(date(2025, 3, 1), date(2025, 3, 31))
NOW = datetime(2025, 4, 2, 12, 0, tzinfo=UTC)


def utc(month: int, day: int, hour: int = 10, minute: int = 0, second: int = 0, micro: int = 0):
    return datetime(2025, month, day, hour, minute, second, micro, tzinfo=UTC)


# Ukrainian strings with і, ї, є, ґ that the reports must print exactly.
SERVICE_A = "Реєстрація місця проживання (ґанок, їдальня, Є-черга)"
SERVICE_B = "Видача довідки про склад сім'ї"
APPLICANT = "Євгенія Їжакевич-Ґудзь"
CATEGORY = "Реєстрація та ґрунти"

ORDERS = [
    # (n, service, submitted, status, closed, due)
    (1, "A", utc(2, 28, 22, 30), "completed", utc(3, 5, 22, 30), utc(3, 11, 21, 59, 59)),
    (2, "A", utc(3, 3), "completed", utc(3, 15), utc(3, 13, 21, 59, 59)),
    (3, "A", utc(3, 10, 8), "completed", utc(3, 12, 20), utc(3, 20, 21, 59, 59)),
    (4, "A", utc(3, 30, 21, 30), "submitted", None, utc(4, 10, 20, 59, 59)),
    (5, "A", utc(3, 20, 9), "in_progress", None, utc(3, 30, 20, 59, 59)),
    (6, "A", utc(3, 31, 21, 30), "submitted", None, utc(4, 11, 20, 59, 59)),
    (7, "A", utc(2, 10), "completed", utc(3, 2), utc(2, 20, 21, 59, 59)),
    (8, "B", utc(3, 5), "rejected", utc(3, 6), utc(3, 15, 21, 59, 59)),
    (9, "B", utc(3, 5, 12), "cancelled", utc(3, 5, 13), utc(3, 15, 21, 59, 59)),
    (10, "B", utc(3, 12), "needs_info", None, utc(3, 20, 21, 59, 59)),
    (11, "B", utc(3, 14), "completed", utc(3, 18, 10, 0, 0, 999_000), utc(3, 24, 21, 59, 59)),
    (12, "B", utc(3, 15), "ready", None, utc(3, 25, 21, 59, 59)),
]

# Appeals: (n, kind, category, received, status, answered/closed, due)
APPEALS = [
    (1, "appeal", "Благоустрій", utc(3, 2), "answered", utc(3, 12), utc(3, 17, 21, 59, 59)),
    (2, "appeal", "Благоустрій", utc(3, 3), "answered", utc(3, 25), utc(3, 18, 21, 59, 59)),
    (3, "appeal", "Транспорт", utc(3, 20), "assigned", None, utc(3, 31, 20, 59, 59)),
    (4, "info_request", "Транспорт", utc(3, 5), "answered", utc(3, 7, 16), utc(3, 12, 21, 59)),
    (5, "info_request", "", utc(3, 25), "registered", None, utc(4, 1, 20, 59, 59)),
    (6, "message", "Благоустрій", utc(3, 10), "forwarded", utc(3, 11), utc(4, 10, 20, 59, 59)),
    (7, "message", "Ґрунти", utc(2, 20), "not_considered", utc(3, 1), utc(3, 20, 21, 59, 59)),
    (8, "appeal", "Транспорт", utc(3, 28), "received", None, None),
]


@dataclass
class World:
    session: Session
    manager: Actor
    clerk: Actor
    reception: Actor
    resident: Actor
    service_a: int
    service_b: int
    category_id: int
    order_ids: dict[int, int] = field(default_factory=dict)
    appeal_ids: dict[int, int] = field(default_factory=dict)
    survey_id: int = 0
    carrier_id: int = 0
    route_ids: list[int] = field(default_factory=list)


def build_world(session: Session, people) -> World:
    manager = people.actor(people.staff(Role.MANAGER, full_name="Ірина Керівниця"))
    clerk_user = people.staff(Role.CLERK, full_name="Олег Клерк")
    reception = people.actor(people.staff(Role.RECEPTION, full_name="Ганна Приймальня"))
    applicant = people.resident(full_name=APPLICANT, created_at=utc(1, 15))
    category = ServiceCategory(code="registration", title=CATEGORY, position=0)
    session.add(category)
    session.flush()
    service_a = Service(
        code="A-01",
        category_id=category.id,
        title=SERVICE_A,
        term_days=10,
        term_counts="calendar",
        required_documents=["Паспорт громадянина України", "Заява"],
        department="Відділ реєстрації",
    )
    service_b = Service(code="B-02", category_id=category.id, title=SERVICE_B, term_days=10)
    session.add_all([service_a, service_b])
    session.flush()
    ids = {"A": service_a.id, "B": service_b.id}
    session.execute(
        insert(Order),
        [
            {
                "registration_number": f"ЦНАП-2025/{n:06d}",
                "service_id": ids[svc],
                "applicant_id": applicant.id,
                "answers": {},
                "status": status,
                "channel": "desktop",
                "submitted_at": submitted,
                "due_at": due,
                "closed_at": closed,
                "rejection_reason": "Неповний пакет документів" if status == "rejected" else None,
            }
            for n, svc, submitted, status, closed, due in ORDERS
        ],
    )
    order_ids = {
        int(number.split("/")[1]): oid
        for oid, number in session.execute(
            select(Order.id, Order.registration_number).where(Order.applicant_id == applicant.id)
        )
    }
    appeal_ids = {}
    for n, kind, category_name, received, status, closed, due in APPEALS:
        appeal = Appeal(
            kind=kind,
            registration_number=None if status == "received" else f"ЗВ-2025/{n:04d}",
            subject=f"Питання № {n}: ремонт ґанку і їдальні",
            text="Прошу розглянути.",
            category=category_name,
            applicant_id=applicant.id,
            status=status,
            channel="web",
            received_at=received,
            registered_at=None if status == "received" else received + timedelta(hours=1),
            due_at=due,
            answered_at=closed if status == "answered" else None,
            response_text="Відповідь надано." if status == "answered" else None,
            closed_at=closed,
            forwarded_to="Держпродспоживслужба" if status == "forwarded" else None,
            not_considered_reason="Повторне" if status == "not_considered" else None,
        )
        session.add(appeal)
        session.flush()
        appeal_ids[n] = appeal.id
    # Residents registered: January 1 (the applicant) + 2; March 2 (one at Kyiv midnight);
    # April 1 (Kyiv); a staff member in March is not a resident.
    for moment in (utc(1, 3), utc(1, 31, 21, 30), utc(2, 28, 22, 30), utc(3, 15), utc(3, 31, 22)):
        people.resident(created_at=moment)
    people.staff(Role.CLERK).created_at = utc(3, 16)
    session.flush()
    world = World(
        session=session,
        manager=manager,
        clerk=people.actor(clerk_user),
        reception=reception,
        resident=people.actor(applicant),
        service_a=service_a.id,
        service_b=service_b.id,
        category_id=category.id,
        order_ids=order_ids,
        appeal_ids=appeal_ids,
    )
    _survey(session, world, [people.resident(created_at=utc(1, 5)) for _ in range(4)])
    _rides(session, world)
    session.flush()
    return world


def _survey(session: Session, world: World, voters: list[User]) -> None:
    survey = Survey(
        title="Облаштування скверу «Ґердан» і їхні пріоритети",
        description="",
        opens_at=utc(3, 1),
        closes_at=utc(3, 20),
        status="closed",
        results_visibility="always",
    )
    session.add(survey)
    session.flush()
    question = Question(survey_id=survey.id, position=1, text="Що зробити першим?", kind="single")
    session.add(question)
    session.flush()
    options = [
        Option(question_id=question.id, position=i, text=text)
        for i, text in enumerate(["Освітлення і лавки", "Дитячий майданчик", "Ґазон"])
    ]
    session.add_all(options)
    session.flush()
    # 4 ballots: option 1 twice, option 2 once, option 3 once.
    for voter, option in zip(voters, [options[0], options[0], options[1], options[2]], strict=True):
        ballot = Ballot(survey_id=survey.id, voter_id=voter.id, cast_at=utc(3, 5), channel="web")
        session.add(ballot)
        session.flush()
        session.add(Answer(ballot_id=ballot.id, question_id=question.id, option_id=option.id))
    world.survey_id = survey.id


def _rides(session: Session, world: World) -> None:
    carrier = Carrier(name="КП «Тернопільелектротранс»")
    session.add(carrier)
    session.flush()
    routes = [
        Route(number="9", mode="trolleybus", name="Східний — Центр", carrier_id=carrier.id),
        Route(number="27", mode="bus", name="Дружба — Оболоня", carrier_id=carrier.id),
    ]
    session.add_all(routes)
    session.flush()
    reviews = [
        # route 9 in March: 5 and 4 (punctuality 3 and none); route 27 in March: 3; April: 2.
        (routes[0], utc(3, 10), 5, 3),
        (routes[0], utc(3, 30, 21, 30), 4, None),
        (routes[1], utc(3, 12), 3, 2),
        (routes[0], utc(3, 31, 21, 30), 2, 1),
    ]
    for route, at, rating, punctuality in reviews:
        session.add(
            RideReview(
                route_id=route.id,
                board_number="101",
                ride_at=at,
                rating=rating,
                punctuality=punctuality,
                created_at=at,
            )
        )
    world.carrier_id = carrier.id
    world.route_ids = [r.id for r in routes]
