# Microsoft Intune: upload guide

mde-profiles wrote this folder for Microsoft Intune. It holds exactly these files:

<#list uploads as u>
- `${u.file}`, and `${u.graph}`, the same profile as a Microsoft Graph API body
</#list>
<#if onboarding.file??>
- `${onboarding.file}`, the onboarding file: a secret, keep it out of tickets and repositories
</#if>
- `UPLOAD.md`, this guide

Deploy in the order below: approvals first, so that Defender starts with everything it needs.

## Step 1: profiles

For each file: Devices > Configuration > Create > New policy. Platform `macOS`, profile type
`Templates`, template `Custom`, then Create. Give it the name shown below, set the custom
configuration profile name exactly as shown, deployment channel `${channel}`, upload the file,
assign it to your Mac groups, and create it.

<#list uploads as u>
${u?counter}. `${u.file}`: name `${u.name}`, custom configuration profile name `${u.payloadName}`<#if u.preferences> (it must be exactly this: the preference domain)</#if>
</#list>
<#if contentFilter>

A Mac runs one content filter profile of a kind: remove any other Defender network filter profile
before assigning the one in this folder.
</#if>
<#if accessibility>

From macOS 27, a Mac tells the user about the Accessibility grant to Defender's DLP and lets the
user turn it off in System Settings. Microsoft's answer is a setting, not a profile: the
`dlp.accessibility` settings say what DLP enforces when the permission is off and what it tells
the user (`settings: dlp: accessibility:` in the config, then generate again).
</#if>

The profiles are unsigned. Intune's documentation describes a custom profile as the
`.mobileconfig` file you upload and says nothing of signed ones, so mde-profiles signs nothing for
Intune (`--sign plain` signs the plain folder for MDMs that keep a signature).

## Step 2: onboarding

<#if onboarding.file??>
<#if onboarding.preferences>
Devices > Configuration > Create > New policy, platform `macOS`, profile type `Templates`,
template `Preference file`. Preference domain name `com.microsoft.wdav.atp`; upload
`${onboarding.file}`; assign it like the profiles of step 1.
<#else>
Devices > Configuration > Create > New policy, platform `macOS`, profile type `Templates`,
template `Custom`. Custom configuration profile name `com.microsoft.wdav.atp`; upload
`${onboarding.file}`; deployment channel `deviceChannel`; assign it like the profiles of step 1.
</#if>
<#else>
Onboarding is still to be added: this bundle holds no onboarding file. Download the macOS
onboarding package for Intune from the Microsoft Defender portal (Settings > Endpoints >
Onboarding), then run `mde-profiles generate --onboarding FILE` again.
</#if>

## Step 3: the Defender app

Only now assign Microsoft Defender itself (Apps > macOS > Add, app type `Microsoft Defender for
Endpoint (macOS)`), so that it starts with its approvals in place.

## Step 4: check a Mac

On a Mac in scope, once it has the profiles and the app:

    mdatp health > health.txt
    mde-profiles diagnose health.txt

`diagnose` names the profile or step that is still missing; `healthy : true` means done.

## Automation: Microsoft Graph (instead of step 1)

Each `.graph.json` is the body of a new device configuration; its `payload` is the base64 of
the `.mobileconfig` beside it, byte for byte. With an access token for Microsoft Graph
(permission `DeviceManagementConfiguration.ReadWrite.All`) in `TOKEN`, the token passed to
`curl` on its standard input rather than on the command line:

    printf 'header = "Authorization: Bearer %s"\n' "$TOKEN" |
      curl --fail --silent --show-error --config - -X POST -H "Content-Type: application/json" \
        --data-binary @FILE.graph.json \
        https://graph.microsoft.com/beta/deviceManagement/deviceConfigurations

Then assign each new configuration to your groups (`POST .../deviceConfigurations/{id}/assign`).
`deploymentChannel` cannot change after create: to change it, create a new configuration.
