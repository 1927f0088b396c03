import sys

from confide.cli import main

sys.exit(main())
