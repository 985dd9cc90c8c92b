package darwin.memory.ledger;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** A {@code RUN} event: the run started or ended; its {@code event} field says which. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "event")
@JsonSubTypes({@JsonSubTypes.Type(value = RunStarted.class, name = "start"),
        @JsonSubTypes.Type(value = RunEnded.class, name = "end")})
public sealed interface RunEvent extends LedgerEvent permits RunStarted, RunEnded {}
