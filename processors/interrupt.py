"""A point where a running article can be stopped, in compiled processors too.

The worker's time budget (streams/deadline.py) is a SIGALRM whose Python handler raises
`ArticleTimeout`; Python runs that handler only when it next executes bytecode. The
processors compiled by mypyc (processors/compiled.py) run as C and execute none, so a
loop inside them would run to its end, however long, before the budget could act.
`checkpoint()` is a Python function (this module is never compiled): calling it runs a
bytecode, and any pending handler with it. The long loops of the processors call it once
per item (per cue, per figure candidate, per draft, per normalizing pass), a call of
about 50 ns; interpreted, it is one more call among many.
"""


def checkpoint() -> None:
    """Nothing; the call itself is the point (see the module's docstring)."""
