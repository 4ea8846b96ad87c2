#!/usr/bin/env python3
"""The baseline: writes the default bundle's ten plain profiles with plistlib.

Same keys, values and identifiers as `mde-profiles generate --mdm plain` (UUIDs are name-based
here too, though from another namespace). No validation, no templates, no manifest: the least
a script must do. Usage: plain_writer.py OUT_DIR [TENANTS]: with TENANTS, one folder per
tenant (OUT_DIR/tNNNN, each with its own organisation and prefix), all in this one process.
"""
import os
import plistlib
import sys
import uuid

TEAM = "UBF8T346G9"
ORG = "Microsoft Defender for Endpoint"
PREFIX = "com.microsoft.wdav"


def requirement(ident):
    return (f'identifier "{ident}" and anchor apple generic and certificate 1[field.1.2.840.113635.100.6.2.6]'
            f" /* exists */ and certificate leaf[field.1.2.840.113635.100.6.1.13] /* exists */ and certificate"
            f" leaf[subject.OU] = {TEAM}")


def tcc(service, *ids):
    return {"Services": {service: [{"Identifier": i, "IdentifierType": "bundleID", "CodeRequirement": requirement(i),
                                     "StaticCode": False, "Allowed": True} for i in ids]}}


def notifications():
    return {"NotificationSettings": [{"BundleIdentifier": b, "NotificationsEnabled": True, "AlertType": 1,
                                      "BadgesEnabled": True, "SoundsEnabled": True, "ShowInNotificationCenter": True,
                                      "ShowInLockScreen": False, "CriticalAlertEnabled": False}
                                     for b in ("com.microsoft.autoupdate2", "com.microsoft.wdav.tray")]}


PROFILES = [
    ("sysext", "com.apple.system-extension-policy", "system-extension-policy",
     {"AllowUserOverrides": True,
      "AllowedSystemExtensions": {TEAM: ["com.microsoft.wdav.epsext", "com.microsoft.wdav.netext"]}}),
    ("netfilter", "com.apple.webcontent-filter", "content-filter",
     {"FilterType": "Plugin", "UserDefinedName": "Microsoft Defender Content Filter",
      "PluginBundleID": "com.microsoft.wdav", "FilterSockets": True, "FilterPackets": False,
      "FilterGrade": "inspector", "FilterDataProviderBundleIdentifier": "com.microsoft.wdav.netext",
      "FilterDataProviderDesignatedRequirement": requirement("com.microsoft.wdav.netext")}),
    ("fulldisk", "com.apple.TCC.configuration-profile-policy", "privacy-preferences",
     tcc("SystemPolicyAllFiles", "com.microsoft.wdav", "com.microsoft.wdav.epsext", "com.microsoft.dlp.daemon")),
    ("accessibility", "com.apple.TCC.configuration-profile-policy", "privacy-preferences",
     tcc("Accessibility", "com.microsoft.dlp.daemon")),
    ("bluetooth", "com.apple.TCC.configuration-profile-policy", "privacy-preferences",
     tcc("BluetoothAlways", "com.microsoft.dlp.agent")),
    ("background", "com.apple.servicemanagement", "service-management",
     {"Rules": [{"RuleType": "LabelPrefix", "RuleValue": p}
                for p in ("com.microsoft.fresno", "com.microsoft.dlp", "com.microsoft.wdav")]}),
    ("notifications", "com.apple.notificationsettings", "notification-settings", notifications()),
    ("settings", "com.microsoft.wdav", "defender-preferences",
     {"antivirusEngine": {"enforcementLevel": "real_time"}, "cloudService": {"enabled": True}}),
    ("autoupdate", "com.microsoft.autoupdate2", "autoupdate-preferences",
     {"ChannelName": "Production", "HowToCheck": "AutomaticDownload"}),
    ("kext", "com.apple.syspolicy.kernel-extension-policy", "kernel-extension-policy",
     {"AllowUserOverrides": False, "AllowNonAdminUserApprovals": False, "AllowedTeamIdentifiers": [TEAM],
      "AllowedKernelExtensions": {TEAM: ["com.microsoft.wdavkext"]}}),
]


def write(root, org, prefix):
    out = os.path.join(root, "plain")
    os.makedirs(out, exist_ok=True)
    for name, ptype, suffix, content in PROFILES:
        ident = f"{prefix}.{name}"
        payload = {"PayloadType": ptype, "PayloadVersion": 1, "PayloadIdentifier": f"{ident}.{suffix}",
                   "PayloadUUID": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{ident}.{suffix}{content}")).upper(),
                   "PayloadDisplayName": name, "PayloadDescription": "", "PayloadOrganization": org}
        payload.update(content)
        profile = {"PayloadType": "Configuration", "PayloadVersion": 1, "PayloadIdentifier": ident,
                   "PayloadUUID": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{ident}{payload}")).upper(),
                   "PayloadDisplayName": name, "PayloadDescription": "", "PayloadOrganization": org,
                   "PayloadScope": "System", "PayloadRemovalDisallowed": True, "PayloadContent": [payload]}
        with open(os.path.join(out, name + ".mobileconfig"), "wb") as f:
            plistlib.dump(profile, f, sort_keys=False)


def main():
    if len(sys.argv) > 2:
        for i in range(1, int(sys.argv[2]) + 1):
            write(os.path.join(sys.argv[1], f"t{i:04d}"), f"Tenant {i:04d}", f"com.tenant{i:04d}.mde")
    else:
        write(sys.argv[1], ORG, PREFIX)


if __name__ == "__main__":
    main()
