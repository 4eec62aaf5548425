/** Reading the triage part of a response object. */

/** Whether the answer must lead with the call-119 banner (KTAS 1–2, or the action says so). */
export function needsEmergencyBanner(triage) {
  if (!triage) return false;
  return triage.action === "call_119" || (triage.is_emergency && triage.level <= 2);
}

/** Whether the triage result deserves a visible note (anything beyond self-care, or red flags). */
export function hasTriageNote(triage) {
  if (!triage) return false;
  return triage.action !== "self_care" || (triage.red_flags?.length ?? 0) > 0;
}
