package org.pve.caseplatform.audit.query;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.pve.caseplatform.audit.api.SubjectAccessExport;
import org.pve.caseplatform.audit.api.SubjectAccessExport.AccessRecord;
import org.pve.caseplatform.audit.api.SubjectAccessExport.ExportedCase;
import org.pve.caseplatform.audit.api.SubjectAccessExport.ExportedEvent;
import org.pve.caseplatform.audit.history.PersonalFields;
import org.pve.caseplatform.contract.EncryptedValue;
import org.pve.caseplatform.contract.Topics;
import org.pve.caseplatform.support.crypto.PersonalDataVault;

/**
 * Builds a subject access export from the ledger: the only place the audit service decrypts, and only for the data
 * protection officer answering the subject's own request. The cases come from the subject index.
 */
public class SubjectExports {

    private final Ledger ledger;
    private final SubjectIndex subjects;
    private final PersonalDataVault vault;
    private final Clock clock;

    public SubjectExports(Ledger ledger, SubjectIndex subjects, PersonalDataVault vault, Clock clock) {
        this.ledger = ledger;
        this.subjects = subjects;
        this.vault = vault;
        this.clock = clock;
    }

    /** The files of the subject's cases, for the access policy to pick those the caller may see. */
    public List<CaseFile> casesOf(String subjectRef) {
        List<CaseFile> files = new ArrayList<>();
        for (String caseId : subjects.casesOf(subjectRef)) {
            UUID id = UUID.fromString(caseId);
            CaseHistoryReader.fileOf(id, ledger.entriesOf(caseId, null)).ifPresent(files::add);
        }
        return files;
    }

    /** The export of the given cases of the subject (those the caller may see). */
    public SubjectAccessExport export(String subjectRef, List<CaseFile> cases) {
        List<ExportedCase> exported = new ArrayList<>();
        List<AccessRecord> accessLog = new ArrayList<>();
        for (CaseFile file : cases) {
            List<ExportedEvent> events = new ArrayList<>();
            for (LedgerEntry entry : ledger.entriesOf(file.caseId().toString(), null).stream()
                    .sorted(LedgerEntry.HISTORY_ORDER).toList()) {
                if (Topics.ACCESS_LOG.equals(entry.topic())) {
                    accessLog.add(accessRecord(file.caseId(), entry));
                } else {
                    events.add(new ExportedEvent(entry.eventType(), entry.service(), entry.occurredAt(),
                            entry.actor(), decrypted(entry.data())));
                }
            }
            exported.add(new ExportedCase(file.caseId(), file.districtId(), events));
        }
        return new SubjectAccessExport(subjectRef, clock.instant(), exported, accessLog);
    }

    private Document decrypted(Map<String, Object> data) {
        return PersonalFields.map(data, field -> {
            if (PersonalFields.isErased(field)) {
                return PersonalFields.erased();
            }
            Optional<String> plaintext = vault.decrypt(EncryptedValue.of(String.valueOf(field.get("keyRef")),
                    String.valueOf(field.get("iv")), String.valueOf(field.get("ciphertext"))));
            return plaintext.<Object>map(text -> text).orElseGet(PersonalFields::erased);
        });
    }

    private static AccessRecord accessRecord(UUID caseId, LedgerEntry entry) {
        Document data = entry.data() == null ? new Document() : entry.data();
        return new AccessRecord(caseId, data.getString("who"), data.getString("role"), text(data, "agency"),
                data.getString("view"), text(data, "purpose"), entry.occurredAt());
    }

    private static String text(Document data, String field) {
        Object value = data.get(field);
        return value == null ? null : value.toString();
    }
}
