package org.mdeprofiles.deploy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.mdeprofiles.io.InputException;
import org.mdeprofiles.text.Printable;

/**
 * A bundle's Intune profiles put into Intune as custom configurations through Microsoft Graph,
 * by display name: created with POST, updated with PATCH, optionally assigned to groups by ID;
 * every write read back. The deployment channel cannot change after create (Graph refuses it),
 * so a configuration on the other channel is a plan error saying what to do.
 */
public final class IntuneDeploy implements Target<IntuneDeploy.IntunePlan> {
  private static final String CUSTOM = "#microsoft.graph.macOSCustomConfiguration";
  private static final List<String> FIELDS = List.of("description", "payloadName", "payloadFileName");

  /** The plan and the bodies it sends. */
  public record IntunePlan(List<Step> steps, Map<String, IntuneBundle.Item> items) implements Plan {}

  private final GraphApi api;
  private final IntuneBundle bundle;
  private final List<String> groups;

  /** @param groups the group IDs every configuration is assigned to; empty: assignments are left alone */
  public IntuneDeploy(GraphApi api, IntuneBundle bundle, List<String> groups) {
    this.api = api;
    this.bundle = bundle;
    this.groups = List.copyOf(groups);
  }

  @Override
  public IntunePlan plan(boolean prune) throws DeployException {
    List<Step> steps = new ArrayList<>();
    Map<String, IntuneBundle.Item> items = new HashMap<>();
    for (IntuneBundle.Item item : bundle.items()) {
      items.put(item.name(), item);
      List<Map<?, ?>> named = api.configurationsNamed(item.name()).stream()
          .filter(c -> CUSTOM.equals(c.get("@odata.type"))).toList();
      if (named.size() > 1) {
        throw new DeployException("Intune holds " + named.size() + " custom configurations named '"
            + Printable.line(item.name()) + "'; rename or delete the extra ones, then deploy again");
      }
      if (named.isEmpty()) {
        steps.add(new Step(Step.Action.CREATE, item.name(), "", item.file()));
        continue;
      }
      Map<?, ?> existing = named.get(0);
      String id = String.valueOf(existing.get("id"));
      Object channel = existing.get("deploymentChannel");
      if (channel != null && !item.channel().equals(channel)) {
        throw new DeployException("'" + Printable.line(item.name()) + "' (id " + Printable.line(id) + ") is on the "
            + Printable.line(String.valueOf(channel)) + " in Intune and on the " + item.channel() + " in the bundle;"
            + " the channel cannot change after create: delete it in Intune (or use --intune-channel "
            + Printable.line(String.valueOf(channel)) + " in generate), then deploy again");
      }
      Optional<String> why = difference(item, api.configuration(id));
      if (why.isEmpty() && !groups.isEmpty()
          && !new LinkedHashSet<>(api.assignedGroups(id)).equals(new LinkedHashSet<>(groups))) {
        why = Optional.of("its assignments differ");
      }
      steps.add(why.map(w -> new Step(Step.Action.UPDATE, item.name(), id, w))
          .orElseGet(() -> new Step(Step.Action.UNCHANGED, item.name(), id, "")));
    }
    if (prune) {
      for (Map<?, ?> c : api.configurations()) {
        if (CUSTOM.equals(c.get("@odata.type")) && c.get("displayName") instanceof String name
            && !items.containsKey(name) && ours(c)) {
          steps.add(new Step(Step.Action.DELETE, name, String.valueOf(c.get("id")),
              "not in the bundle; its payloads are under " + bundle.prefix()));
        }
      }
    }
    for (Manual m : bundle.manual()) {
      steps.add(new Step(Step.Action.MANUAL, m.file(), "", m.why()));
    }
    return new IntunePlan(steps, items);
  }

  private boolean ours(Map<?, ?> configuration) {
    if (!(configuration.get("payload") instanceof String payload)) {
      return false;
    }
    try {
      return BundlePrefix.owns(bundle.prefix(), IntuneBundle.profile("payload", Base64.getDecoder().decode(payload)));
    } catch (IllegalArgumentException | InputException e) {
      return false;
    }
  }

  /** What differs between the bundle's configuration and Intune's: the payload's bytes, then the fields. */
  private static Optional<String> difference(IntuneBundle.Item item, Map<?, ?> stored) {
    byte[] payload;
    try {
      payload = stored.get("payload") instanceof String p ? Base64.getDecoder().decode(p) : new byte[0];
    } catch (IllegalArgumentException e) {
      payload = new byte[0];
    }
    if (!Arrays.equals(payload, item.payload())) {
      return Optional.of("its payload differs");
    }
    for (String field : FIELDS) {
      if (!String.valueOf(item.body().get(field)).equals(String.valueOf(stored.get(field)))) {
        return Optional.of(field + " differs");
      }
    }
    return Optional.empty();
  }

  @Override
  public void apply(IntunePlan plan, Consumer<Step> done) throws DeployException {
    for (Step step : plan.steps()) {
      switch (step.action()) {
        case CREATE -> {
          IntuneBundle.Item item = plan.items().get(step.name());
          String id = api.create(item.body());
          finish(item, id);
          done.accept(new Step(Step.Action.CREATE, step.name(), id, ""));
        }
        case UPDATE -> {
          IntuneBundle.Item item = plan.items().get(step.name());
          api.update(step.id(), item.body());
          finish(item, step.id());
          done.accept(step);
        }
        case DELETE -> {
          api.delete(step.id());
          done.accept(step);
        }
        default -> {
          // unchanged and manual steps write nothing
        }
      }
    }
  }

  /** Assigns when asked, then reads the configuration back: it must be what the bundle holds. */
  private void finish(IntuneBundle.Item item, String id) throws DeployException {
    if (!groups.isEmpty()) {
      api.assign(id, groups);
    }
    Optional<String> why = difference(item, api.configuration(id));
    if (why.isPresent()) {
      throw new DeployException("Intune stored '" + Printable.line(item.name()) + "' (id " + Printable.line(id)
          + ") differently from the bundle: " + why.get());
    }
  }
}
