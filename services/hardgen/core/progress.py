"""A study's progress, from one place: the CLI (``hardgen study status|run``) and the gateway
(``GET /v1/studies/{study}/status``) both show :func:`study_progress`'s :class:`StudyProgress`.

Two facts make up progress and both are needed to call a study finished:

* the workers' outcomes (JetStream key-value bucket, :func:`hardgen.core.studyrun.study_status`):
  per cell how many samples are done, failed or still pending, and how many items workers hold;
* what analytics has stored (its ``StudyProgress`` rpc): per cell how many samples it holds with
  their scan, i.e. how many a table or the report can already count.

A worker records an outcome after publishing the sample's events, and analytics stores them a
moment later; so ``finished`` waits for both, which is what a script means by "the results are
queryable" (``hardgen study status NAME --wait``). When analytics cannot be reached the outcomes
are still shown, ``stored`` is ``None`` and ``analytics_error`` says why.
"""

from __future__ import annotations

import asyncio
from typing import Any

from pydantic import BaseModel, Field, computed_field

from hardgen.core.studyrun import study_status

#: How long the analytics half of a status may take; the outcomes never wait for it longer.
ANALYTICS_TIMEOUT = 10.0


class CellProgress(BaseModel):
    """One cell (model × language × scenario × strategy) of the grid."""

    model: str
    language: str
    scenario: int
    strategy: str
    total: int = Field(description="samples the study asks for in this cell")
    done: int = Field(0, description="samples a worker finished (generated and scanned)")
    failed: int = Field(0, description="samples a worker gave up on (recorded as failed)")
    stored: int | None = Field(None, description="samples analytics holds with their scan; null: unreachable")

    @computed_field(description="samples with no outcome yet")  # type: ignore[prop-decorator]
    @property
    def pending(self) -> int:
        return max(self.total - self.done - self.failed, 0)


class FineTuneProgress(BaseModel):
    """The study's LoRA fine-tune, a durable work item modelserve consumes (``hardgen.finetune.work``)."""

    state: str = Field(description="pending, training, done or failed")
    model: str = Field("", description="the tuned model the ft cells use (hf/<base>@<adapter>), once done")
    reused: bool = Field(False, description="the adapter already existed with this configuration: not retrained")
    error: str = Field("", description="why it failed (or why the last attempt failed, while retried)")


class StudyProgress(BaseModel):
    """The study's outcomes and stored samples, overall and per cell (``GET /v1/studies/{study}/status``
    and ``hardgen study status --format json`` answer exactly this)."""

    study: str
    total: int
    done: int = 0
    failed: int = 0
    in_flight: int = Field(0, description="work items workers hold right now (all studies)")
    stored: int | None = Field(None, description="samples analytics holds with their scan; null: unreachable")
    analytics_error: str = Field("", description="why analytics could not be asked, when it could not")
    finetune: FineTuneProgress | None = Field(
        None, description="the study's fine-tune for its ft cells (null: none needed); they wait until it is done"
    )
    cells: list[CellProgress] = Field(default_factory=list)

    @computed_field(description="samples with no outcome yet")  # type: ignore[prop-decorator]
    @property
    def pending(self) -> int:
        return max(self.total - self.done - self.failed, 0)

    @computed_field(description="every sample has an outcome (done or failed)")  # type: ignore[prop-decorator]
    @property
    def complete(self) -> bool:
        return self.done + self.failed >= self.total

    @computed_field(  # type: ignore[prop-decorator]
        description="complete and every sample stored by analytics: the tables and report are final"
    )
    @property
    def finished(self) -> bool:
        return self.complete and self.stored is not None and self.stored >= self.total

    def as_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


def _stored_per_cell(
    study: str, address: str | None, timeout: float
) -> tuple[dict[tuple[str, str, int, str], int], str]:
    """(model, language, scenario, strategy) → samples stored with their scan, or an error line."""
    from hardgen.core.clients.analytics import AnalyticsClient, AnalyticsClientError, AnalyticsNotFoundError

    try:
        with AnalyticsClient(address, timeout=timeout) as client:
            reply = client.progress(study)
    except AnalyticsNotFoundError:
        return {}, ""  # analytics has no event of this study yet: nothing stored
    except AnalyticsClientError as exc:
        return {}, str(exc)
    return {(c.model, c.language, int(c.scenario), c.strategy): int(c.scanned) for c in reply.cells}, ""


async def study_progress(
    study: str, nats_url: str, analytics_address: str | None = None, analytics_timeout: float = ANALYTICS_TIMEOUT
) -> StudyProgress:
    """The one progress view of ``study``. Raises LookupError (unknown study) or ConnectionError
    (NATS unreachable); an unreachable analytics service is reported in ``analytics_error``."""
    status, (stored, error) = await asyncio.gather(
        study_status(study, nats_url),
        asyncio.to_thread(_stored_per_cell, study, analytics_address, analytics_timeout),
    )
    progress = StudyProgress(
        study=study,
        total=status.total,
        done=status.done,
        failed=status.failed,
        in_flight=status.in_flight,
        finetune=FineTuneProgress.model_validate(status.finetune) if status.finetune else None,
        stored=None if error else 0,
        analytics_error=error,
    )
    for key, total in sorted(status.cell_totals.items()):
        counts = status.per_cell.get(key)
        cell = CellProgress(
            model=key[0],
            language=key[1],
            scenario=key[2],
            strategy=key[3],
            total=total,
            done=counts["done"] if counts else 0,
            failed=counts["failed"] if counts else 0,
            stored=None if error else min(stored.get(key, 0), total),
        )
        progress.cells.append(cell)
        if cell.stored is not None and progress.stored is not None:
            progress.stored += cell.stored
    return progress
