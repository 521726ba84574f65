from dataclasses import asdict, dataclass

SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}


@dataclass(frozen=True)
class Finding:
    code: str  # stable, e.g. "margins_too_narrow"
    severity: str  # high | medium | low
    category: str  # contact | structure | layout | length | content | readability
    message: str  # short, for formatting_issues
    hint: str  # one line: how to fix it
    page: int | None = None

    def as_dict(self):
        return asdict(self)


def rank(findings):
    """Most severe first; stable within a severity, so the checks' order breaks ties."""
    return sorted(findings, key=lambda finding: SEVERITY_ORDER[finding.severity])
