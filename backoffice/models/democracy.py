"""E-Democracy: surveys with ballots, discussions with moderated comments."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backoffice.models.base import (
    Base,
    IdMixin,
    TimestampMixin,
    VersionedMixin,
    ukrainian_text,
    utcnow,
)


class SurveyStatus(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    CLOSED = "closed"
    ARCHIVED = "archived"


class ResultsVisibility(StrEnum):
    ALWAYS = "always"  # residents see running results
    AFTER_CLOSE = "after_close"
    STAFF_ONLY = "staff_only"


class QuestionKind(StrEnum):
    SINGLE = "single"
    MULTIPLE = "multiple"
    TEXT = "text"


class CommentStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


class DiscussionStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class Survey(IdMixin, TimestampMixin, VersionedMixin, Base):
    __tablename__ = "surveys"
    __table_args__ = (
        CheckConstraint(
            "status IN ('draft', 'published', 'closed', 'archived')", name="known_status"
        ),
        CheckConstraint(
            "results_visibility IN ('always', 'after_close', 'staff_only')",
            name="known_results_visibility",
        ),
        CheckConstraint("closes_at > opens_at", name="closes_after_opening"),
        Index("ix_surveys_status_opens_at_id", "status", "opens_at", "id"),
    )

    title: Mapped[str] = mapped_column(ukrainian_text(300), nullable=False)
    description: Mapped[str] = mapped_column(Text, nullable=False, default="")
    opens_at: Mapped[datetime] = mapped_column(nullable=False)
    closes_at: Mapped[datetime] = mapped_column(nullable=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False, default=SurveyStatus.DRAFT)
    results_visibility: Mapped[str] = mapped_column(
        String(20), nullable=False, default=ResultsVisibility.AFTER_CLOSE
    )
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )

    questions: Mapped[list[Question]] = relationship(
        back_populates="survey", order_by="Question.position", cascade="all, delete-orphan"
    )


class Question(IdMixin, Base):
    __tablename__ = "questions"
    __table_args__ = (
        CheckConstraint("kind IN ('single', 'multiple', 'text')", name="known_kind"),
        UniqueConstraint("survey_id", "position"),
    )

    survey_id: Mapped[int] = mapped_column(
        ForeignKey("surveys.id", ondelete="CASCADE"), nullable=False, index=True
    )
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    text: Mapped[str] = mapped_column(String(500), nullable=False)
    kind: Mapped[str] = mapped_column(String(10), nullable=False, default=QuestionKind.SINGLE)
    required: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)

    survey: Mapped[Survey] = relationship(back_populates="questions")
    options: Mapped[list[Option]] = relationship(
        back_populates="question", order_by="Option.position", cascade="all, delete-orphan"
    )


class Option(IdMixin, Base):
    __tablename__ = "options"
    __table_args__ = (UniqueConstraint("question_id", "position"),)

    question_id: Mapped[int] = mapped_column(
        ForeignKey("questions.id", ondelete="CASCADE"), nullable=False, index=True
    )
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    text: Mapped[str] = mapped_column(String(300), nullable=False)

    question: Mapped[Question] = relationship(back_populates="options")


class Ballot(IdMixin, Base):
    """One per survey and person, across every channel: the unique constraint is the guarantee."""

    __tablename__ = "ballots"
    __table_args__ = (
        UniqueConstraint("survey_id", "voter_id"),
        CheckConstraint("channel IN ('web', 'desktop', 'cli')", name="known_channel"),
        Index("ix_ballots_voter_id", "voter_id"),
    )

    survey_id: Mapped[int] = mapped_column(
        ForeignKey("surveys.id", ondelete="CASCADE"), nullable=False
    )
    voter_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="RESTRICT"), nullable=False
    )
    cast_at: Mapped[datetime] = mapped_column(nullable=False, default=utcnow)
    channel: Mapped[str] = mapped_column(String(10), nullable=False, default="web")
    # A clerk who recorded a paper ballot at the ЦНАП desk.
    recorded_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )

    answers: Mapped[list[Answer]] = relationship(
        back_populates="ballot", cascade="all, delete-orphan"
    )


class Answer(IdMixin, Base):
    __tablename__ = "answers"
    __table_args__ = (
        CheckConstraint("option_id IS NOT NULL OR text IS NOT NULL", name="option_or_text"),
        Index("ix_answers_question_id_option_id", "question_id", "option_id"),
    )

    ballot_id: Mapped[int] = mapped_column(
        ForeignKey("ballots.id", ondelete="CASCADE"), nullable=False, index=True
    )
    question_id: Mapped[int] = mapped_column(
        ForeignKey("questions.id", ondelete="CASCADE"), nullable=False
    )
    option_id: Mapped[int | None] = mapped_column(
        ForeignKey("options.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str | None] = mapped_column(Text)

    ballot: Mapped[Ballot] = relationship(back_populates="answers")


class Discussion(IdMixin, TimestampMixin, VersionedMixin, Base):
    __tablename__ = "discussions"
    __table_args__ = (
        CheckConstraint("status IN ('open', 'closed')", name="known_status"),
        Index("ix_discussions_status_created_at_id", "status", "created_at", "id"),
    )

    title: Mapped[str] = mapped_column(ukrainian_text(300), nullable=False)
    body: Mapped[str] = mapped_column(Text, nullable=False, default="")
    status: Mapped[str] = mapped_column(String(10), nullable=False, default=DiscussionStatus.OPEN)
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )

    comments: Mapped[list[Comment]] = relationship(
        back_populates="discussion", order_by="Comment.id", cascade="all, delete-orphan"
    )


class Comment(IdMixin, TimestampMixin, VersionedMixin, Base):
    __tablename__ = "comments"
    __table_args__ = (
        CheckConstraint("status IN ('pending', 'approved', 'rejected')", name="known_status"),
        CheckConstraint(
            "status <> 'rejected' OR rejection_reason IS NOT NULL", name="rejection_has_reason"
        ),
        Index("ix_comments_status_created_at_id", "status", "created_at", "id"),
        Index("ix_comments_discussion_id_status_id", "discussion_id", "status", "id"),
    )

    discussion_id: Mapped[int] = mapped_column(
        ForeignKey("discussions.id", ondelete="CASCADE"), nullable=False
    )
    author_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="RESTRICT"), nullable=False, index=True
    )
    text: Mapped[str] = mapped_column(Text, nullable=False)
    status: Mapped[str] = mapped_column(String(10), nullable=False, default=CommentStatus.PENDING)
    moderator_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    moderated_at: Mapped[datetime | None] = mapped_column()
    rejection_reason: Mapped[str | None] = mapped_column(Text)

    discussion: Mapped[Discussion] = relationship(back_populates="comments")
