"""Allow ``python -m lems_companion`` as well as ``lems``."""

from lems_companion.cli import main

main()
