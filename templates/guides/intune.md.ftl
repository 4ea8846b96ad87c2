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

## Automation: Microsoft Graph (instead of step 1)

Each `.graph.json` is the body of a new device configuration; its `payload` is the base64 of
the `.mobileconfig` beside it, byte for byte:

    curl -X POST -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" \
      --data-binary @FILE.graph.json \
      https://graph.microsoft.com/beta/deviceManagement/deviceConfigurations

Then assign each new configuration to your groups (`POST .../deviceConfigurations/{id}/assign`).
