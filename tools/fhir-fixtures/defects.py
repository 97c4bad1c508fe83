"""Writes a carebundle bundle with injected defects (fixed seeds) to stdout.

Usage: python defects.py PROFILE SEED DEFECT_SEED
"""
import json
import subprocess
import sys

from carebundle import Imperfection, inject_defects

profile, seed, defect_seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
text = subprocess.run(
    ["carebundle", "generate", "--profile", profile, "--seed", seed],
    check=True, capture_output=True, text=True,
).stdout
bundle = json.loads(text)
dirty, defects = inject_defects(
    bundle,
    Imperfection(missing_field=0.1, unparseable_value=0.3, unknown_code_system=0.2,
                 duplicate_entry=0.1, out_of_order_timestamp=0.2),
    seed=defect_seed,
)
json.dump(dirty, sys.stdout, indent=1, sort_keys=True)
print()
