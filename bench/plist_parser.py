#!/usr/bin/env python3
"""The baseline for validate: parses every profile under a folder with plistlib, nothing more.

Usage: plist_parser.py DIR  (prints the number of files parsed)
"""
import os
import plistlib
import sys


def main():
    count = 0
    for root, _, files in os.walk(sys.argv[1]):
        for name in sorted(files):
            if name.endswith(".mobileconfig"):
                with open(os.path.join(root, name), "rb") as f:
                    plistlib.load(f)
                count += 1
    print(count)


if __name__ == "__main__":
    main()
