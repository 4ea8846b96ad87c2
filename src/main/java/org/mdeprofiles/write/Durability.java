package org.mdeprofiles.write;

/** Whether a write waits for the disk before it counts as done. */
public enum Durability {
  /**
   * Every staged file and folder synced before the switch is committed, and every folder synced
   * after it changes: a kill or a power loss leaves the old bundle or the new one.
   */
  SYNCED,
  /**
   * Nothing synced, for output that is thrown away with its machine (CI artifacts): a kill still
   * leaves the old bundle or the new one, since the system keeps what a killed process wrote, but
   * a power loss or a system crash soon after may leave files empty or missing.
   */
  UNSYNCED
}
