"""The accessibility gate `make test` and `make audit` both run (see warta.commands.gate.run).

variants  one page per template, and the display variants it is audited under
measure   measurements axe cannot make, taken in the browser (reflow, spacing, focus, ...)
checks    the gate's browser checks built on them, each with its problems or its error
reuse     the checks and the HTML check reusing clean results while their bytes stay the same
run       run_gate: the engine's page and variant audits, the checks, the HTML check, the record
"""

from warta.commands.gate.checks import CHECKS, CheckResult, CheckSession, check_keys, run_check
from warta.commands.gate.run import (
           STAGES,
           GateResult,
           record_path,
           run_gate,
           summary_lines,
           variant_grid,
)

__all__ = ["CHECKS", "STAGES", "CheckResult", "CheckSession", "GateResult", "check_keys",
           "record_path", "run_check", "run_gate", "summary_lines", "variant_grid"]
