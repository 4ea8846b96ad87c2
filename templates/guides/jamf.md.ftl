# Jamf Pro: upload guide

mde-profiles wrote this folder for Jamf Pro. It holds exactly these files:

<#list uploads as u>
<#if u.classic?has_content>
- `${u.file}`, and `${u.classic}`, the same profile as a Classic API body
<#elseif u.signed>
- `${u.file}`, signed, for the web interface (no Classic API body: a signature cannot pass it)
<#else>
- `${u.file}`, a profile to sign before upload (no Classic API body: a signature cannot pass it)
</#if>
</#list>
<#list domains as d>
- `${d.file}`, the settings of preference domain `${d.domain}`, and `${d.classic}`, the same
  settings as a Classic API body
</#list>
<#if onboarding.file??>
- `${onboarding.file}`, the onboarding settings, and `${onboarding.classic}`, the same as a
  Classic API body: both are secrets, keep them out of tickets and repositories
</#if>
- `UPLOAD.md`, this guide

Deploy in the order below: approvals first, then the Defender app, so that Defender starts with
everything it needs.

## Step 1: approval profiles

<#if uploads?has_content>
For each file: Computers > Configuration Profiles > Upload, choose the file. On the General tab
keep Level `Computer`<#if category?has_content>, set Category `${category}`</#if>, set Distribution Method
`${distributionMethod}`<#if selfService> and fill in the Self Service tab</#if>. On the Scope tab add <#if groups?has_content>the computer groups
<#list groups as g>`${g}`<#sep>, </#sep></#list><#else>the computers or groups to protect</#if>, then Save.

<#list uploads as u>
<#if u.classic?has_content>
${u?counter}. `${u.file}`: ${u.name}
<#elseif u.signed>
${u?counter}. `${u.file}`: ${u.name}. It is signed (an unsigned upload would lose
   ${u.dropped}): upload it as it is, in the web interface, never through the Classic API.
<#else>
${u?counter}. `${u.file}`: ${u.name}. Sign `${u.file}` first: an unsigned upload loses
   ${u.dropped}. On a Mac with a signing identity in its keychain:
   `security cms -S -N "IDENTITY" -i ${u.file} -o signed-${u.file}`,
   then upload `signed-${u.file}` in the web interface as above.
</#if>
</#list>
<#if contentFilter>

A Mac runs one content filter profile of a kind: remove any other Defender network filter profile
before uploading the one in this folder.
</#if>
<#if accessibility>

From macOS 27, a Mac tells the user about the Accessibility grant to Defender's DLP and lets the
user turn it off in System Settings. Microsoft's answer is a setting, not a profile: the
`dlp.accessibility` settings say what DLP enforces when the permission is off and what it tells
the user (`settings: dlp: accessibility:` in the config, then generate again).
</#if>
<#else>
This bundle has no approval profiles.
</#if>

## Step 2: settings (Application & Custom Settings)

<#if domains?has_content>
For each file: Computers > Configuration Profiles > New. On the General tab give it a name and
keep Level `Computer`. In the Application & Custom Settings payload choose Upload, then Add; type
the preference domain exactly as given and upload the file. Set the Scope as in step 1, then Save.

<#list domains as d>
${d?counter}. Preference Domain `${d.domain}`: upload `${d.file}`
</#list>
<#else>
This bundle has no settings.
</#if>

## Step 3: onboarding

<#if onboarding.file??>
Computers > Configuration Profiles > New, Level `Computer`. In Application & Custom Settings
choose Upload, then Add: Preference Domain `${onboarding.domain}`, upload `${onboarding.file}`.
Scope as in step 1, then Save.
<#else>
Onboarding is still to be added: this bundle holds no onboarding file. Download the macOS
onboarding package from the Microsoft Defender portal (Settings > Endpoints > Onboarding), then
run `mde-profiles generate --onboarding FILE` again; either download (for Jamf Pro or for
Intune) works.
</#if>

## Step 4: the Defender app

Only now deploy Microsoft Defender itself (the `wdav.pkg` installer, as a Jamf Pro package and a
policy scoped like the profiles), so that it starts with its approvals in place.

## Step 5: check a Mac

On a Mac in scope, once it has the profiles and the app:

    mdatp health > health.txt
    mde-profiles diagnose health.txt

`diagnose` names the profile or step that is still missing; `healthy : true` means done.

## Automation: the Classic API (instead of steps 1 to 3)

Each `.classic.xml` is the body of one configuration profile<#if domains?has_content || onboarding.file??>; those of settings hold them as
Jamf's custom settings payload (`com.apple.ManagedClient.preferences`)</#if>. The profile inside
is escaped for Jamf's extra entity decoding. The Classic API takes bearer tokens only (Jamf Pro
11.5 and later refuse Basic authentication): create an API client (Settings > System > API roles
and clients) with the privileges Create, Read and Update macOS Configuration Profiles. A user
account can get a token from `/api/v1/auth/token` instead.

On create, Jamf Pro gives the profile its own top-level `PayloadUUID` and `PayloadIdentifier`.
An update must send those back, or every Mac installs the new version as a second profile
beside the old one. `deploy` below does that: it creates the profile when none of its name
exists, and otherwise reads the stored profile, puts its identity into the body and updates it.
Paste this into bash or zsh on a Mac (it needs `curl` and `xmllint`, both part of macOS), in
this folder:

    JAMF_URL=https://yourserver.jamfcloud.com       # no slash at the end
    JAMF_CLIENT_ID=your-api-client-id
    printf 'API client secret: '; read -rs JAMF_CLIENT_SECRET; echo

    jamf_token() {
      printf 'data-urlencode = "client_secret=%s"\n' "$JAMF_CLIENT_SECRET" |
        curl --fail --silent --show-error --config - -X POST "$JAMF_URL/api/oauth/token" \
          --data-urlencode grant_type=client_credentials --data-urlencode "client_id=$JAMF_CLIENT_ID" |
        sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p'
    }

    jamf_call() {  # METHOD PATH [curl options]
      jamf_method=$1 jamf_path=$2; shift 2
      printf 'header = "Authorization: Bearer %s"\n' "$JAMF_TOKEN" |
        curl --fail --silent --show-error --config - -X "$jamf_method" "$JAMF_URL$jamf_path" "$@"
    }

    deploy() {  # FILE.classic.xml
      name=$(xmllint --nonet --xpath 'string(/os_x_configuration_profile/general/name)' "$1") || return
      id=$(jamf_call GET /JSSResource/osxconfigurationprofiles -H 'Accept: application/xml' |
        xmllint --nonet --xpath "string(//os_x_configuration_profile[name=\"$name\"]/id)" -) || return
      if [ -z "$id" ]; then
        id=$(jamf_call POST /JSSResource/osxconfigurationprofiles/id/0 \
          -H 'Content-Type: application/xml' --data-binary "@$1" | sed -n 's:.*<id>\([0-9]*\)</id>.*:\1:p') &&
          [ -n "$id" ] && echo "created: $name ($id)"
        return
      fi
      stored=$(jamf_call GET "/JSSResource/osxconfigurationprofiles/id/$id" -H 'Accept: application/xml' |
        xmllint --nonet --xpath 'string(/os_x_configuration_profile/general/payloads)' -) || return
      uuid=$(printf '%s' "$stored" |
        xmllint --nonet --xpath 'string(/plist/dict/key[.="PayloadUUID"]/following-sibling::*[1])' -)
      ident=$(printf '%s' "$stored" |
        xmllint --nonet --xpath 'string(/plist/dict/key[.="PayloadIdentifier"]/following-sibling::*[1])' -)
      [ -n "$uuid" ] && [ -n "$ident" ] || { echo "profile $id has no identity to keep" >&2; return 1; }
      awk -v uuid="$uuid" -v ident="$ident" '
        prev == "\t<key>PayloadUUID</key>" { $0 = "\t<string>" uuid "</string>" }
        prev == "\t<key>PayloadIdentifier</key>" { $0 = "\t<string>" ident "</string>" }
        { prev = $0; print }' "$1" > "$1.update" || return
      jamf_call PUT "/JSSResource/osxconfigurationprofiles/id/$id" -o /dev/null \
        -H 'Content-Type: application/xml' --data-binary "@$1.update" && echo "updated: $name ($id)"
      jamf_status=$?; rm -f "$1.update"; return $jamf_status
    }

    JAMF_TOKEN=$(jamf_token) && [ -n "$JAMF_TOKEN" ] || echo "no token: check the URL and the API client" >&2
<#list uploads?filter(u -> u.classic?has_content) as u>
    deploy ${u.classic}
</#list>
<#list domains as d>
    deploy ${d.classic}
</#list>
<#if onboarding.file??>
    deploy ${onboarding.classic}
</#if>

The secret and the token go to `curl` on its standard input, never on a command line. A name
that holds a double quote cannot be looked up this way; rename the profile in Jamf Pro first.
<#list uploads?filter(u -> !u.classic?has_content)>
Signed profiles (<#items as u>`${u.file}`<#sep>, </#sep></#items>) go in through the web interface only.
</#list>
