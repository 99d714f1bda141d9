package org.pve.caseplatform.contract;

/** One member invited to a panel meeting, named by their user id, with the agency they sit for. */
public record MeetingAttendee(String memberId, Agency agency) {
}
