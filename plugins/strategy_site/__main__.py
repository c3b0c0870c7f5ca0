"""`python -m strategy_site check` runs the same command as `strategy check`."""

from strategy_site.cli.main import main

raise SystemExit(main())
