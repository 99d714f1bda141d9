package org.pve.caseplatform.assessment.web;

import java.util.UUID;

/** What a proposal answers: the case and the version number the formulation received. */
record FormulationAccepted(UUID caseId, int formulationVersion) {
}
