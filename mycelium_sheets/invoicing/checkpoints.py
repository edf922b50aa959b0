"""Test hook that kills the process at a named step of an invoicing run.

The crash-safety tests set ``MYCELIUM_INVOICING_KILL_AT`` to a step name
("locked", "drafted", "journal", "pdf-2", "sheet") and run the command in a
subprocess: the process sends itself SIGKILL there, as a power cut would,
and the test checks that the next run leaves no gap and no duplicate.
"""

from __future__ import annotations

import os
import signal

KILL_VARIABLE = "MYCELIUM_INVOICING_KILL_AT"


def checkpoint(step: str) -> None:
    """Kill the current process without cleanup when the test hook names this step."""
    if os.environ.get(KILL_VARIABLE) == step:
        os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))
