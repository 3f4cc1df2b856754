"""khabar's processors: text in, findings out; no Kafka, no I/O beyond their lexicons.

Compiled with mypyc when built so (setup.py), interpreted otherwise: `COMPILED` says
which runs and `WHY` says why (processors/compiled.py).
"""

from pathlib import Path

from processors.compiled import choose

COMPILED, WHY = choose(__name__, Path(__file__).resolve().parent)
