/** How an incident's audit events read on its timeline. */
export const incidentEventLabels: Record<string, string> = {
  incident_opened: 'Breach recorded',
  incident_updated: 'Incident edited',
  incident_regulator_notified: 'Regulator notification recorded',
  incident_notification_not_required: 'Recorded that notification is not required',
  incident_lookup_started: 'Search for affected people started',
  incident_people_found: 'Affected people found',
  incident_lookup_failed: 'Search for affected people failed',
  incident_notice_saved: 'Notice to the people affected saved',
  incident_notice_sent: 'Notice sent to the people affected',
  incident_affected_list_deleted: 'List of affected people deleted (retention)',
};
