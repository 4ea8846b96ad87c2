#!/usr/bin/env python3
"""Compares generated profiles with Microsoft's sample profiles, payload content only.

Usage: scripts/compare-with-samples.py SAMPLES_DIR GENERATED_DIR
Ignores identity and display keys (UUIDs, identifiers, names, descriptions, organisation,
PayloadEnabled) and treats the samples' integer Allowed/StaticCode as the booleans Apple requires.
Prints one line per sample and exits 1 when any payload content differs.
"""
import plistlib
import sys
from pathlib import Path

PAIRS = {
    "kext.mobileconfig": "kext.mobileconfig",
    "sysext.mobileconfig": "sysext.mobileconfig",
    "fulldisk.mobileconfig": "fulldisk.mobileconfig",
    "accessibility.mobileconfig": "accessibility.mobileconfig",
    "bluetooth.mobileconfig": "bluetooth.mobileconfig",
    "netfilter.mobileconfig": "netfilter.mobileconfig",
    "notif.mobileconfig": "notifications.mobileconfig",
    "background_services.mobileconfig": "background.mobileconfig",
}
IGNORED = {"PayloadUUID", "PayloadIdentifier", "PayloadDisplayName", "PayloadDescription",
           "PayloadOrganization", "PayloadEnabled", "PayloadVersion"}


def normalise(value, key=None):
    if isinstance(value, dict):
        return {k: normalise(v, k) for k, v in value.items() if k not in IGNORED}
    if isinstance(value, list):
        return [normalise(v) for v in value]
    if key in ("Allowed", "StaticCode") and isinstance(value, int) and not isinstance(value, bool):
        return bool(value)
    return value


def payloads(path):
    with open(path, "rb") as f:
        profile = plistlib.load(f)
    return [normalise(p) for p in profile["PayloadContent"]]


def main():
    samples, generated = Path(sys.argv[1]), Path(sys.argv[2])
    failed = False
    for sample, ours in PAIRS.items():
        theirs_payloads = payloads(samples / sample)
        our_payloads = payloads(generated / ours)
        if theirs_payloads == our_payloads:
            print(f"{sample} = {ours}: same payload content")
        else:
            failed = True
            print(f"{sample} != {ours}:\n  sample:    {theirs_payloads}\n  generated: {our_payloads}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
