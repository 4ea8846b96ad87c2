# Jamf Pro: upload guide

mde-profiles wrote this folder for Jamf Pro. It holds exactly these files:

<#list uploads as u>
- `${u.file}`, and `${u.classic}`, the same profile as a Classic API body
</#list>
<#list domains as d>
- `${d.file}`, the settings of preference domain `${d.domain}`, and `${d.classic}`, the same
  settings as a Classic API body
</#list>
<#if onboarding.file??>
- `${onboarding.file}`, the onboarding file: a secret, keep it out of tickets and repositories
</#if>
- `UPLOAD.md`, this guide

Deploy in the order below: approvals first, so that Defender starts with everything it needs.

## Step 1: approval profiles

<#if uploads?has_content>
For each file: Computers > Configuration Profiles > Upload, choose the file, then Save. On the
General tab keep Level `Computer` and Distribution Method `${distributionMethod}`<#if category?has_content>, and set
Category `${category}`</#if>. On the Scope tab add <#if groups?has_content>the computer groups <#list groups as g>`${g}`<#sep>, </#sep></#list><#else>the computers or groups to protect</#if>.

<#list uploads as u>
${u?counter}. `${u.file}`: ${u.name}
</#list>
<#if contentFilter>

A Mac runs one content filter profile of a kind: remove any other Defender network filter profile
before uploading the one in this folder.
</#if>
<#else>
This bundle has no approval profiles.
</#if>

## Step 2: settings (Application & Custom Settings)

<#if domains?has_content>
For each file: Computers > Configuration Profiles > New. In Application & Custom Settings choose
Upload, then Add. Type the preference domain exactly as given and upload the file. Keep Level
`Computer`, then set the Scope as in step 1.

<#list domains as d>
${d?counter}. Preference Domain `${d.domain}`: upload `${d.file}`
</#list>
<#else>
This bundle has no settings.
</#if>

## Step 3: onboarding

<#if onboarding.file??>
<#if onboarding.preferences>
Computers > Configuration Profiles > New > Application & Custom Settings > Upload > Add.
Preference Domain `com.microsoft.wdav.atp`; upload `${onboarding.file}`. Level `Computer`; Scope
as in step 1.
<#else>
Computers > Configuration Profiles > Upload, choose `${onboarding.file}`, Level `Computer`;
Scope as in step 1.
</#if>
<#else>
Onboarding is still to be added: this bundle holds no onboarding file. Download the macOS
onboarding package for Jamf Pro from the Microsoft Defender portal (Settings > Endpoints >
Onboarding), then run `mde-profiles generate --onboarding FILE` again.
</#if>

## Automation: the Classic API (instead of steps 1 and 2)

Each `.classic.xml` is the body of a new configuration profile; those of the settings hold them
as Jamf's custom settings payload (`com.apple.ManagedClient.preferences`):

    curl -u "$JAMF_USER" -X POST -H "Content-Type: application/xml" \
      --data-binary @FILE.classic.xml "$JAMF_URL/JSSResource/osxconfigurationprofiles/id/0"

The profile inside is escaped for Jamf's extra entity decoding, so Jamf stores it unchanged.
