package org.mdeprofiles.diagnose;

import java.util.Set;

/** The mdatp health fields diagnose knows (snake_case); any other is shown verbatim. */
final class MdatpFields {
  static final Set<String> KNOWN = Set.of(
      "healthy", "health_issues", "licensed", "engine_version", "engine_load_status", "app_version", "org_id",
      "log_level", "machine_guid", "release_ring", "product_expiration", "cloud_enabled",
      "cloud_automatic_sample_submission_consent", "cloud_diagnostic_enabled", "cloud_pin_certificate_thumbs",
      "passive_mode_enabled", "behavior_monitoring", "real_time_protection_enabled",
      "real_time_protection_available", "real_time_protection_subsystem", "network_events_subsystem",
      "device_control_enforcement_level", "tamper_protection", "automatic_definition_update_enabled",
      "definitions_updated", "definitions_updated_minutes_ago", "definitions_version", "definitions_status",
      "edr_early_preview_enabled", "edr_device_tags", "edr_group_ids", "edr_configuration_version",
      "edr_machine_id", "conflicting_applications", "network_protection_status",
      "network_protection_enforcement_level", "data_loss_prevention_status", "full_disk_access_enabled",
      "troubleshooting_mode", "ecs_configuration_ids", "managed_by", "supplementary_events_subsystem",
      "enforcement_level", "real_time_protection_enforcement_level", "guid", "release_channel",
      // sw_vers
      "product_name", "product_version", "build_version");

  private MdatpFields() {}
}
