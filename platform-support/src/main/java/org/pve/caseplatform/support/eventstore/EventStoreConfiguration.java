package org.pve.caseplatform.support.eventstore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.pve.caseplatform.contract.EventJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Each service's Axon event store: MongoDB (its own database), Jackson JSON, the events collection as outbox. */
@AutoConfiguration(after = MongoAutoConfiguration.class,
        beforeName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
public class EventStoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EventStoreConfiguration.class);

    @Bean
    public ServiceDatabase serviceDatabase(MongoClient client,
                                           @Value("${spring.data.mongodb.database}") String databaseName) {
        return new ServiceDatabase(client.getDatabase(databaseName));
    }

    @Bean
    @Primary
    public Serializer serializer() {
        return jacksonSerializer();
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer() {
        return jacksonSerializer();
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer() {
        return jacksonSerializer();
    }

    @Bean
    public MongoTemplate axonMongoTemplate(ServiceDatabase database) {
        return DefaultMongoTemplate.builder().mongoDatabase(database.database()).build();
    }

    @Bean
    public EventStorageEngine eventStorageEngine(MongoTemplate axonMongoTemplate,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 ServiceDatabase database) {
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
                .mongoTemplate(axonMongoTemplate)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(eventSerializer)
                .storageStrategy(new OutboxStorageStrategy())
                .upcasterChain(CatalogueUpcasters.chain())
                .build();
        engine.ensureIndexes();
        createPendingIndex(database.database());
        return engine;
    }

    @Bean
    public EventStreams eventStreams(EventStore eventStore) {
        return new EventStreams(eventStore);
    }

    @Bean
    public TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoTokenStore.builder().mongoTemplate(axonMongoTemplate).serializer(serializer).build();
    }

    /** Lets the relay find unpublished events by index on a real MongoDB; the wire server in tests ignores it. */
    private static void createPendingIndex(MongoDatabase database) {
        try {
            database.getCollection(OutboxStorageStrategy.EVENTS_COLLECTION).createIndex(
                    Indexes.ascending(OutboxStorageStrategy.PUBLISHED),
                    new IndexOptions().name("pendingPublication")
                            .partialFilterExpression(new Document(OutboxStorageStrategy.PUBLISHED, false)));
        } catch (RuntimeException e) {
            log.warn("pending-publication index not created: {}", e.getMessage());
        }
    }

    private static JacksonSerializer jacksonSerializer() {
        ObjectMapper mapper = EventJson.newMapper();
        return JacksonSerializer.builder().objectMapper(mapper).revisionResolver(CatalogueUpcasters.revisions())
                .build();
    }
}
