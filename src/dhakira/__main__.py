"""`python -m dhakira` runs the command line."""

from dhakira.views.cli import main

main()
