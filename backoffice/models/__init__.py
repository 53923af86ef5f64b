"""SQLAlchemy models, one module per area. Importing this package registers every table."""

from backoffice.models.audit import ActivityChainHead, ActivityEntry
from backoffice.models.base import Base, utcnow
from backoffice.models.content import NewsItem, Page
from backoffice.models.democracy import (
    Answer,
    Ballot,
    Comment,
    CommentStatus,
    Discussion,
    DiscussionStatus,
    Option,
    Question,
    QuestionKind,
    ResultsVisibility,
    Survey,
    SurveyStatus,
)
from backoffice.models.files import StoredFile
from backoffice.models.notifications import Notification
from backoffice.models.numbering import RegistrationCounter
from backoffice.models.people import Role, StaffRole, User
from backoffice.models.reception import (
    Appeal,
    AppealEvent,
    AppealFile,
    AppealKind,
    AppealStatus,
)
from backoffice.models.services import (
    DayCount,
    Order,
    OrderAttachment,
    OrderEvent,
    OrderStatus,
    Service,
    ServiceCategory,
)
from backoffice.models.signatures import (
    OrderSignature,
    SignatureKind,
    SignatureSource,
    SignatureStatus,
)
from backoffice.models.transport import RIDE_ASPECTS, Carrier, RideReview, Route

__all__ = [
    "RIDE_ASPECTS",
    "ActivityChainHead",
    "ActivityEntry",
    "Answer",
    "Appeal",
    "AppealEvent",
    "AppealFile",
    "AppealKind",
    "AppealStatus",
    "Ballot",
    "Base",
    "Carrier",
    "Comment",
    "CommentStatus",
    "DayCount",
    "Discussion",
    "DiscussionStatus",
    "NewsItem",
    "Notification",
    "Option",
    "Order",
    "OrderAttachment",
    "OrderEvent",
    "OrderSignature",
    "OrderStatus",
    "Page",
    "Question",
    "QuestionKind",
    "RegistrationCounter",
    "ResultsVisibility",
    "RideReview",
    "Role",
    "Route",
    "Service",
    "ServiceCategory",
    "SignatureKind",
    "SignatureSource",
    "SignatureStatus",
    "StaffRole",
    "StoredFile",
    "Survey",
    "SurveyStatus",
    "User",
    "utcnow",
]
