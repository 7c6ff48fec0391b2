/** How an incident's audit events read on its timeline. */
export const incidentEventLabels: Record<string, string> = {
  incident_opened: 'Breach recorded',
  incident_updated: 'Incident edited',
  incident_regulator_notified: 'Regulator notification recorded',
  incident_notification_not_required: 'Recorded that notification is not required',
};
