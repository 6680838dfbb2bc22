"""Author names -> one Person (or Organization) per real author."""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.resolve.papers import Paper


@dataclass
class Agent:
    key: str
    """Stable key (name key of the preferred spelling)."""
    name: str
    """Preferred spelling."""
    spellings: set[str] = field(default_factory=set)
    is_organization: bool = False


@dataclass
class People:
    agents: dict[str, Agent]
    by_spelling: dict[tuple[str, str], str]
    """(paper key, spelling as printed) -> agent key."""

    def agent_for(self, paper_key: str, spelling: str) -> Agent:
        return self.agents[self.by_spelling[(paper_key, spelling)]]


def resolve_people(papers: list[Paper]) -> People:
    raise NotImplementedError
