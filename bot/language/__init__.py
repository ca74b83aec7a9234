"""Backbone's language layer: I-statement analysis and rewriting, feelings and needs,
check-in reflections and safety screening. Offline and rule-based; data lives in ./data."""
from __future__ import annotations

from .analysis import Analysis, Problem, analyse
from .guided import FeelingCheck, NeedCheck, RequestCheck, check_feeling, check_need, check_request
from .reflection import feelings_for_scale, normalise_feeling, reflect
from .rewriting import Rewrite, Rewriter, RuleRewriter, compose, get_rewriter, rewrite, set_rewriter
from .safety import Resource, Screening, resources_for, safety_reply, screen

__all__ = [
    "Analysis", "Problem", "analyse",
    "Rewrite", "Rewriter", "RuleRewriter", "rewrite", "compose", "get_rewriter", "set_rewriter",
    "Screening", "screen", "Resource", "resources_for", "safety_reply",
    "reflect", "feelings_for_scale", "normalise_feeling",
    "FeelingCheck", "NeedCheck", "RequestCheck", "check_feeling", "check_need", "check_request",
]
