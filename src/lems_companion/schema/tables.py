"""Every concept's tables, imported together so ``Base.metadata`` is complete.

Each concept keeps its tables in its own ``models.py``; Alembic, the engine (before the first
query configures the mappers) and the tests import this module to see them all.
"""

from lems_companion.accounts import models as accounts
from lems_companion.db.base import Base
from lems_companion.diary import models as diary
from lems_companion.interop import models as interop
from lems_companion.investigations import models as investigations
from lems_companion.jobs import models as jobs
from lems_companion.learn import models as learn
from lems_companion.sharing import models as sharing
from lems_companion.tools import models as tools

__all__ = [
    "Base",
    "accounts",
    "diary",
    "interop",
    "investigations",
    "jobs",
    "learn",
    "sharing",
    "tools",
]
