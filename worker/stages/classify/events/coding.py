"""From triggers to codes: combine a frame with its content, and score a CAMEO code.

A frame is a word that changes what the following act means, as the PLOVER manual's auxiliary modes do:
a promise of cooperation is AGREE, a promise of force is THREATEN, a demand for aid is DEMAND, a refusal
of a meeting is REJECT. CAMEO mirrors this in its numbering: 03x (intent), 02x (appeal), 10x (demand) and
12x (reject) share their sub-codes (1 material cooperation, 3 aid, 5 yield, 6 meet, ...), so the content
trigger's two-digit facet picks the sub-code under the frame's root.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from worker.stages.classify.events.lexicon import TriggerRule

COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
CONFLICTUAL = frozenset({"SANCTION", "COERCE", "ASSAULT", "FIGHT", "MOBILIZE", "PROTEST"})
VERBAL_CONFLICT = frozenset({"DEMAND", "DISAPPROVE", "REJECT", "THREATEN", "INVESTIGATE"})

_FRAME_TYPE = {
    "INTENT": "AGREE",
    "THREAT": "THREATEN",
    "APPEAL": "DEMAND",
    "DEMAND": "DEMAND",
    "ORDER": "DEMAND",
    "MUST": "DEMAND",
    "REFUSE": "REJECT",
    "NEGATE": "REJECT",
    "ACCEPT": "CONCEDE",
}
_FACET_ROOT = {
    "INTENT": "03", "APPEAL": "02", "DEMAND": "10", "ORDER": "10", "MUST": "10", "REFUSE": "12", "NEGATE": "12",
}  # fmt: skip
# In CAMEO 12x the families are numbered differently: 121 cooperation, 122 aid, 123 reform, 124 yield,
# 125 meet, 126 mediation, 127 settle; a refused diplomatic gesture is plain 120.
_REJECT_FAMILY = {"1": "1", "2": "0", "3": "2", "4": "3", "5": "4", "6": "5", "7": "7", "8": "6", "9": "6"}
# What a threat of an act is coded as, by the act's CAMEO code (longest prefix wins).
_THREAT_OF = {
    "162": "1311", "163": "1312", "143": "1312", "161": "1313", "164": "134", "165": "135", "166": "136",
    "172": "132", "1721": "1321", "1722": "1322", "1723": "1323", "1724": "1324", "173": "132",
    "174": "136", "175": "137", "191": "1381", "192": "1382", "14": "133", "15": "138", "17": "130",
    "18": "1383", "19": "1384", "20": "1385", "16": "131",
}  # fmt: skip


@cache
def goldstein_table() -> dict[str, float]:
    """CAMEO code -> Goldstein scale value, from the shipped GDELT lookup table."""
    text = resources.files("worker.resources").joinpath("events_goldstein.tsv").read_text(encoding="utf-8")
    table: dict[str, float] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            code, value = line.split("\t")
            table[code] = float(value)
    return table


@cache  # asked for every event, of a few hundred codes
def goldstein(cameo: str) -> float:
    """The Goldstein value of a code, falling back to its parent code when the table lacks it."""
    table = goldstein_table()
    while cameo not in table and len(cameo) > 2:
        cameo = cameo[:-1]
    return table.get(cameo, 0.0)


@cache  # asked for every event, of a few hundred codes
def quad_class(cameo: str) -> int:
    """GDELT's QuadClass from the CAMEO root: 1 verbal and 2 material cooperation, 3 verbal, 4 material conflict."""
    root = int(cameo[:2])
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    return 3 if root <= 13 else 4


def _known(code: str) -> str:
    """The code itself when CAMEO has it, else its nearest ancestor that it does have."""
    table = goldstein_table()
    while code not in table and len(code) > 3:
        code = code[:-1]
    return code


def _faceted(root: str, facet: str | None, frame: str) -> str:
    if facet is None:
        return root + "0"
    family, sub = facet[0], facet[1]
    if frame in ("REFUSE", "NEGATE"):
        family = _REJECT_FAMILY[family]
    if family == "0":
        return root + "0"
    return _known(root + family + ("" if sub == "-" else sub))


def _threat_code(cameo: str) -> str:
    for length in (4, 3, 2):
        if cameo[:length] in _THREAT_OF:
            return _THREAT_OF[cameo[:length]]
    return "130"


def compose(frame: TriggerRule | None, content: TriggerRule | None) -> tuple[str, str] | None:
    """The (PLOVER type, CAMEO code) that a frame and the content it governs report, or None for no event."""
    if frame is None:
        if content is None or content.cameo is None:
            return None
        return content.role, content.cameo
    if content is None:
        if frame.cameo is None:
            return None
        return _FRAME_TYPE[frame.role], frame.cameo
    kind, act = frame.role, content.role
    if kind == "THREAT" or (kind == "INTENT" and act in CONFLICTUAL):
        return "THREATEN", _threat_code(content.cameo or "130")
    if kind == "INTENT":
        if act in VERBAL_CONFLICT:
            return act, content.cameo or "030"
        return "AGREE", _faceted("03", content.facet, kind)
    if kind == "ORDER" and act in CONFLICTUAL:
        return act, content.cameo or "170"  # "ordered the paper to suspend publication" is the coercion
    if kind in ("APPEAL", "DEMAND", "ORDER", "MUST"):
        facet = content.facet if act in COOPERATIVE else None
        return "DEMAND", _faceted(_FACET_ROOT[kind], facet, kind)
    if kind == "NEGATE" and act not in COOPERATIVE:
        return None  # "has not attacked" reports no event
    if kind in ("REFUSE", "NEGATE"):
        facet = content.facet if act in COOPERATIVE else None
        return "REJECT", _faceted("12", facet, kind)
    # ACCEPT: giving in to demands, coded by what was demanded when that is a reform.
    if content.facet and content.facet[0] == "4":
        return "CONCEDE", _known("083" + content.facet[1].replace("-", ""))
    return "CONCEDE", frame.cameo or "080"
