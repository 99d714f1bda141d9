package org.pve.caseplatform.support.eventstore;

import com.mongodb.client.MongoDatabase;

/** The service's own MongoDB database: its event store and its read models, never another service's. */
public record ServiceDatabase(MongoDatabase database) {
}
