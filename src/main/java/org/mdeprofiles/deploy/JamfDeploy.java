package org.mdeprofiles.deploy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.mdeprofiles.finding.PlistPath;
import org.mdeprofiles.plist.PlistFormatException;
import org.mdeprofiles.plist.PlistReader;
import org.mdeprofiles.plist.PlistValue.PlistDict;
import org.mdeprofiles.text.Printable;

/**
 * A bundle's Jamf profiles put into Jamf Pro through the Classic API, by name: planned against
 * what the server holds, then applied. An update puts the profile's stored top-level identity
 * back into the body, so Macs update the profile they have instead of getting a second one (a
 * "ghost"; jamf-cli #129). Every write is read back and compared with what the bundle meant.
 */
public final class JamfDeploy implements Target<JamfDeploy.JamfPlan> {
  /** The plan: its steps, and the bodies and stored profiles they need. */
  public record JamfPlan(List<Step> steps, Map<String, JamfBundle.Item> items, Map<Integer, PlistDict> served)
      implements Plan {}

  private final JamfApi api;
  private final JamfBundle bundle;

  public JamfDeploy(JamfApi api, JamfBundle bundle) {
    this.api = api;
    this.bundle = bundle;
  }

  @Override
  public JamfPlan plan(boolean prune) throws DeployException {
    Map<String, JamfApi.Listed> byName = new HashMap<>();
    List<JamfApi.Listed> listed = api.profiles();
    for (JamfApi.Listed p : listed) {
      if (byName.putIfAbsent(p.name(), p) != null && bundle.item(p.name()).isPresent()) {
        throw new DeployException("Jamf Pro holds two profiles named '" + Printable.line(p.name())
            + "'; rename or delete one, then deploy again");
      }
    }
    requireGroups();
    List<Step> steps = new ArrayList<>();
    Map<String, JamfBundle.Item> items = new HashMap<>();
    Map<Integer, PlistDict> served = new HashMap<>();
    for (JamfBundle.Item item : bundle.items()) {
      items.put(item.name(), item);
      JamfApi.Listed existing = byName.get(item.name());
      if (existing == null) {
        steps.add(new Step(Step.Action.CREATE, item.name(), "", item.file()));
        continue;
      }
      ClassicXml stored = api.profile(existing.id());
      PlistDict storedPlist = payloads(stored, existing.id());
      served.put(existing.id(), storedPlist);
      Optional<String> why = difference(item, stored, storedPlist);
      steps.add(why.map(w -> new Step(Step.Action.UPDATE, item.name(), String.valueOf(existing.id()), w))
          .orElseGet(() -> new Step(Step.Action.UNCHANGED, item.name(), String.valueOf(existing.id()), "")));
    }
    if (prune) {
      for (JamfApi.Listed p : listed) {
        if (items.containsKey(p.name()) || bundle.prefix().isEmpty()) {
          continue;
        }
        PlistDict storedPlist = payloads(api.profile(p.id()), p.id());
        if (BundlePrefix.owns(bundle.prefix(), storedPlist)) {
          steps.add(new Step(Step.Action.DELETE, p.name(), String.valueOf(p.id()), "not in the bundle; its payloads are under "
              + bundle.prefix()));
        }
      }
    }
    for (Manual m : bundle.manual()) {
      steps.add(new Step(Step.Action.MANUAL, m.file(), "", m.why()));
    }
    return new JamfPlan(steps, items, served);
  }

  /** A scope group that does not exist is said before anything is written. */
  private void requireGroups() throws DeployException {
    Set<String> wanted = new LinkedHashSet<>();
    bundle.items().forEach(i -> wanted.addAll(i.groups()));
    if (wanted.isEmpty()) {
      return;
    }
    List<String> existing = api.computerGroups();
    List<String> missing = wanted.stream().filter(g -> !existing.contains(g)).toList();
    if (!missing.isEmpty()) {
      throw new DeployException("the bundle scopes to computer groups Jamf Pro does not have: "
          + Printable.line(String.join(", ", missing)) + "; create them or change --jamf-group, then generate again");
    }
  }

  @Override
  public void apply(JamfPlan plan, Consumer<Step> done) throws DeployException {
    for (Step step : plan.steps()) {
      switch (step.action()) {
        case CREATE -> {
          JamfBundle.Item item = plan.items().get(step.name());
          int id = api.create(item.body());
          verify(item, id, Optional.empty());
          done.accept(new Step(Step.Action.CREATE, step.name(), String.valueOf(id), ""));
        }
        case UPDATE -> {
          JamfBundle.Item item = plan.items().get(step.name());
          int id = Integer.parseInt(step.id());
          PlistDict stored = plan.served().get(id);
          Map.Entry<String, String> identity = ServedProfile.identity(stored).orElseThrow(() -> new DeployException(
              "Jamf Pro's profile '" + Printable.line(step.name()) + "' (id " + id + ") has no top-level"
                  + " PayloadUUID and PayloadIdentifier to keep; delete it and deploy again"));
          api.update(id, withIdentity(item, identity.getKey(), identity.getValue()));
          verify(item, id, Optional.of(identity));
          done.accept(new Step(Step.Action.UPDATE, step.name(), step.id(), ""));
        }
        case DELETE -> {
          api.delete(Integer.parseInt(step.id()));
          done.accept(step);
        }
        default -> {
          // unchanged and manual steps write nothing
        }
      }
    }
  }

  /** Reads the profile back: it must be what the bundle meant, and after an update keep its identity. */
  private void verify(JamfBundle.Item item, int id, Optional<Map.Entry<String, String>> identity)
      throws DeployException {
    PlistDict served = payloads(api.profile(id), id);
    Optional<PlistPath> diff = ServedProfile.difference(item.intended(), served);
    if (diff.isPresent()) {
      throw new DeployException("Jamf Pro stored '" + Printable.line(item.name()) + "' (id " + id + ") differently"
          + " from the bundle at " + Printable.line(diff.get().toString()) + "; Macs would not get what the bundle"
          + " says");
    }
    if (identity.isPresent() && !ServedProfile.identity(served).equals(identity)) {
      throw new DeployException("Jamf Pro changed the identity of '" + Printable.line(item.name()) + "' (id " + id
          + ") on update: Macs would install it as a second profile");
    }
  }

  private static Optional<String> difference(JamfBundle.Item item, ClassicXml stored, PlistDict storedPlist) {
    Optional<PlistPath> diff = ServedProfile.difference(item.intended(), storedPlist);
    if (diff.isPresent()) {
      return Optional.of(diff.get().isRoot() ? "the profile differs" : Printable.line(diff.get().toString())
          + " differs");
    }
    List<String> groups = stored.groupNames();
    if (!new LinkedHashSet<>(groups).equals(new LinkedHashSet<>(item.groups()))) {
      return Optional.of("its scope differs (groups " + Printable.line(String.join(", ", groups)) + ")");
    }
    for (Map.Entry<String, String> field : item.fields().entrySet()) {
      String have = stored.text(field.getKey()).orElse("").strip();
      // Without a category in the body, Jamf's own "No category assigned" is what it means.
      if (!field.getValue().equals(have) && !(field.getKey().endsWith("category/name") && field.getValue().isEmpty())) {
        return Optional.of(field.getKey() + " differs");
      }
    }
    return Optional.empty();
  }

  private static PlistDict payloads(ClassicXml profile, int id) throws DeployException {
    String text = profile.text("general/payloads").orElse("");
    try {
      return PlistReader.read(text.getBytes(StandardCharsets.UTF_8)).root()
          .filter(PlistDict.class::isInstance).map(PlistDict.class::cast)
          .orElseThrow(() -> new DeployException("Jamf Pro's profile id " + id + " holds no readable payloads"));
    } catch (PlistFormatException e) {
      throw new DeployException("Jamf Pro's profile id " + id + " holds payloads that are not a plist");
    }
  }

  /**
   * The body with the stored top-level identity in place of the bundle's: exactly one occurrence
   * of each is replaced, and only an identity of plain characters is put in.
   */
  static byte[] withIdentity(JamfBundle.Item item, String uuid, String identifier) throws DeployException {
    String body = new String(item.body(), StandardCharsets.UTF_8);
    for (String v : List.of(uuid, identifier)) {
      if (!v.matches("[A-Za-z0-9._-]{1,255}")) {
        throw new DeployException("Jamf Pro's profile '" + Printable.line(item.name()) + "' has a top-level identity"
            + " this tool cannot put back safely; delete it and deploy again");
      }
    }
    body = replaceOnce(body, item.intended().string("PayloadUUID"), uuid, item.name());
    body = replaceOnce(body, item.intended().string("PayloadIdentifier"), identifier, item.name());
    return body.getBytes(StandardCharsets.UTF_8);
  }

  private static String replaceOnce(String body, String from, String to, String name) throws DeployException {
    String marker = "<string>" + from + "</string>";
    int at = body.indexOf(marker);
    if (from == null || at < 0 || body.indexOf(marker, at + 1) >= 0) {
      throw new DeployException("the bundle's body for '" + Printable.line(name) + "' does not hold its top-level"
          + " identity exactly once; generate the bundle again");
    }
    return body.substring(0, at) + "<string>" + to + "</string>" + body.substring(at + marker.length());
  }
}
