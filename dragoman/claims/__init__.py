"""Claims: propositions grouped across documents, and the disputes among their sources."""

from dragoman.claims.build import build_claims, dates_compatible, figures
from dragoman.claims.model import Dispute, Proposition, PropositionMember

__all__ = ["Dispute", "Proposition", "PropositionMember", "build_claims", "dates_compatible", "figures"]
