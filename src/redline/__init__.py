"""redline: an auditable map of who demands, offers and rejects what in a negotiation.

The library API (the CLI only wraps it)::

    import redline
    summary = redline.ingest(["articles/"], db="talks.duckdb")
    cells = redline.positions("talks.duckdb", actor="Russia")
    report = redline.check("proposal.yaml", db="talks.duckdb", alternatives=3)
    with redline.Store("talks.duckdb", read_only=True) as store:
        statements = store.statements()
"""

# The check stage is a subpackage named like the API function: import it first, so that
# binding the function below is final and later `from redline.check import ...` still works.
import redline.check  # noqa: F401
from redline.api import analyse, check, evaluate, evidence, ingest, positions
from redline.store import Store

__all__ = ["Store", "analyse", "check", "evaluate", "evidence", "ingest", "positions"]
__version__ = "0.1.0"
