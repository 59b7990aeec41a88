"""redline: an auditable map of who demands, offers and rejects what in a negotiation.

The library API (the CLI only wraps it)::

    import redline
    summary = redline.ingest(["articles/"], db="talks.duckdb")
    cells = redline.positions("talks.duckdb", actor="Russia")
    report = redline.check("proposal.yaml", db="talks.duckdb", alternatives=3)
    with redline.Store("talks.duckdb", read_only=True) as store:
        statements = store.statements()
"""

# The ingest and check stages are subpackages named like the API functions: import them
# first, so that binding the functions below is final; `from redline.check import ...`
# still finds the subpackages through sys.modules.
import redline.check  # noqa: F401
import redline.ingest  # noqa: F401
from redline.api import analyse, check, evaluate, evidence, ingest, positions
from redline.store import Store

__all__ = ["Store", "analyse", "check", "evaluate", "evidence", "ingest", "positions"]
__version__ = "0.1.0"
