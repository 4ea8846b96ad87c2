package org.mdeprofiles.deploy;

/**
 * One line of a plan: what happens to one profile, by name.
 *
 * @param action create, update, unchanged, delete, or manual (web interface only)
 * @param name the profile's name on the server
 * @param id the server's ID of it, or empty before it exists
 * @param why what differs, or why it is deleted or manual; may be empty
 */
public record Step(Action action, String name, String id, String why) {
  public enum Action {
    CREATE, UPDATE, UNCHANGED, DELETE, MANUAL;

    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The word once done. */
    public String done() {
      return switch (this) {
        case CREATE -> "created";
        case UPDATE -> "updated";
        case DELETE -> "deleted";
        case UNCHANGED -> "unchanged";
        case MANUAL -> "manual";
      };
    }

    /** True when applying the step writes to the server. */
    public boolean writes() {
      return this == CREATE || this == UPDATE || this == DELETE;
    }
  }
}
