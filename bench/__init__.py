"""Benchmark of the strategy site: a generator of synthetic sites and a script that builds them.

`python -m bench.generate --pages 2000 --out /tmp/site` writes a site; `python -m bench.run` measures.
"""
